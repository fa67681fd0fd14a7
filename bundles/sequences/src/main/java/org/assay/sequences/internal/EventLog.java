package org.assay.sequences.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assay.api.data.Batch;
import org.assay.api.data.Column;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.StepContext;

/**
 * Long-form events (key, order, item) grouped into one sequence per key, each in order. Events
 * with the same order value keep their input order. Held as primitive arrays (about 16 bytes an
 * event plus the distinct keys and items), so a million sessions of a few events each fit easily.
 */
final class EventLog {

    private final int keyColumn;
    private final int orderColumn;
    private final int itemColumn;
    private final FieldType orderType;
    private final Map<String, Integer> keyIndex = new HashMap<>();
    private final List<String> keys = new ArrayList<>();
    private final Map<String, Integer> itemIndex = new HashMap<>();
    private final List<String> itemNames = new ArrayList<>();
    private int[] eventKey = new int[1024];
    private int[] eventItem = new int[1024];
    private double[] eventTime = new double[1024];
    private int size;
    private long rows;
    private long rejected;

    private int[] offsets;
    private int[] items;
    private double[] times;

    EventLog(Schema schema, String key, String order, String item) {
        this.keyColumn = schema.require(key);
        this.orderColumn = order == null ? -1 : schema.require(order);
        this.itemColumn = schema.require(item);
        this.orderType = order == null ? null : schema.field(order).type();
    }

    /** Adds a batch; rows without a key, an order value or an item are quarantined. */
    void add(Batch b, StepContext ctx) {
        Column k = b.column(keyColumn);
        Column o = orderColumn < 0 ? null : b.column(orderColumn);
        Column it = b.column(itemColumn);
        for (int r = 0; r < b.rowCount(); r++) {
            rows++;
            String reason = k.isNull(r) ? "the event has no key" : o != null && o.isNull(r) ? "the event has no order value"
                    : it.isNull(r) ? "the event has no item" : null;
            if (reason == null && o != null && orderType.storage() == FieldType.Storage.DOUBLE
                    && !Double.isFinite(o.getDouble(r))) {
                reason = "the order value is not a finite number";
            }
            if (reason != null) {
                rejected++;
                ctx.quarantine().reject(rows, b, r, reason);
                continue;
            }
            if (size == eventKey.length) {
                int n = size * 2;
                eventKey = Arrays.copyOf(eventKey, n);
                eventItem = Arrays.copyOf(eventItem, n);
                eventTime = Arrays.copyOf(eventTime, n);
            }
            eventKey[size] = intern(k.getString(r), keyIndex, keys);
            eventItem[size] = intern(it.getString(r), itemIndex, itemNames);
            eventTime[size] = o == null ? size
                    : orderType.storage() == FieldType.Storage.DOUBLE ? o.getDouble(r) : o.getLong(r);
            size++;
        }
    }

    private static int intern(String value, Map<String, Integer> index, List<String> names) {
        Integer at = index.get(value);
        if (at == null) {
            at = names.size();
            index.put(value, at);
            names.add(value);
        }
        return at;
    }

    /** Groups the events by key (in first-seen order of the keys) and orders each sequence. */
    void seal() {
        int n = keys.size();
        offsets = new int[n + 1];
        for (int i = 0; i < size; i++) {
            offsets[eventKey[i] + 1]++;
        }
        for (int i = 0; i < n; i++) {
            offsets[i + 1] += offsets[i];
        }
        int[] fill = Arrays.copyOf(offsets, n);
        items = new int[size];
        times = new double[size];
        for (int i = 0; i < size; i++) {
            int at = fill[eventKey[i]]++;
            items[at] = eventItem[i];
            times[at] = eventTime[i];
        }
        eventKey = null;
        eventItem = null;
        eventTime = null;
        keyIndex.clear();
        itemIndex.clear();
        for (int s = 0; s < n; s++) {
            sortSequence(offsets[s], offsets[s + 1]);
        }
        // Without an order column the time of an event is its position in its own sequence.
        if (orderColumn < 0) {
            for (int s = 0; s < n; s++) {
                for (int i = offsets[s]; i < offsets[s + 1]; i++) {
                    times[i] = i - offsets[s];
                }
            }
        }
    }

    /** Makes each run of the same event in a sequence one event (at the run's first time). */
    void collapseRepeats() {
        int w = 0;
        int[] starts = new int[offsets.length];
        for (int s = 0; s < keys.size(); s++) {
            starts[s] = w;
            int previous = -1;
            for (int i = offsets[s]; i < offsets[s + 1]; i++) {
                if (items[i] == previous) {
                    continue;
                }
                previous = items[i];
                items[w] = items[i];
                times[w] = times[i];
                w++;
            }
        }
        starts[keys.size()] = w;
        offsets = starts;
        size = w;
    }

    /** A stable insertion sort by time: sequences are short and mostly in order already. */
    private void sortSequence(int from, int to) {
        for (int i = from + 1; i < to; i++) {
            double t = times[i];
            int item = items[i];
            int j = i - 1;
            while (j >= from && times[j] > t) {
                times[j + 1] = times[j];
                items[j + 1] = items[j];
                j--;
            }
            times[j + 1] = t;
            items[j + 1] = item;
        }
    }

    int sequences() {
        return keys.size();
    }

    String key(int sequence) {
        return keys.get(sequence);
    }

    int start(int sequence) {
        return offsets[sequence];
    }

    int end(int sequence) {
        return offsets[sequence + 1];
    }

    int item(int event) {
        return items[event];
    }

    double time(int event) {
        return times[event];
    }

    int events() {
        return size;
    }

    List<String> itemNames() {
        return itemNames;
    }

    long rows() {
        return rows;
    }

    long rejected() {
        return rejected;
    }
}

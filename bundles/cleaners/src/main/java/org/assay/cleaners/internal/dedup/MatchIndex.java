package org.assay.cleaners.internal.dedup;

import java.util.Arrays;
import java.util.List;
import org.assay.api.data.Batch;
import org.assay.api.data.Column;
import org.assay.api.data.Schema;

/**
 * What fuzzy dedup keeps of each row from its first pass: the compared fields in their compare
 * forms (key form or digits for text, a number for numeric and date fields) and the value of
 * every blocking key. Nothing else of the row is held, so memory grows with the rows times the
 * compared fields, not with the width of the table.
 */
final class MatchIndex {

    final List<FieldRule> rules;
    final List<BlockingKey> keys;
    private int[] fieldColumn;
    private int[][] keyColumns;
    private int idColumn;
    /** In link mode the first row of input 'other' (rows before it are input 'in'); -1 otherwise. */
    private int boundary = -1;
    String[][] texts;
    double[][] numbers;
    String[][] blockValues;
    private String[] names;
    private int size;
    private int capacity = 1024;

    MatchIndex(Schema schema, List<FieldRule> rules, List<BlockingKey> keys, int idColumn) {
        this.rules = rules;
        this.keys = keys;
        bind(schema, idColumn);
        texts = new String[rules.size()][];
        numbers = new double[rules.size()][];
        for (int f = 0; f < rules.size(); f++) {
            if (rules.get(f).comparator().numeric()) {
                numbers[f] = new double[capacity];
            } else {
                texts[f] = new String[capacity];
            }
        }
        blockValues = new String[keys.size()][capacity];
        names = idColumn >= 0 ? new String[capacity] : null;
    }

    /** The columns the next batches are read from: those of this schema. */
    private void bind(Schema schema, int idColumn) {
        this.idColumn = idColumn;
        fieldColumn = rules.stream().mapToInt(r -> schema.require(r.column())).toArray();
        keyColumns = new int[keys.size()][];
        for (int k = 0; k < keys.size(); k++) {
            keyColumns[k] = keys.get(k).parts().stream().mapToInt(p -> schema.require(p.column())).toArray();
        }
    }

    /**
     * Link mode: the rows added from now on are input 'other' (its own column positions), and
     * only pairs of one row of each input are candidates.
     */
    void startOther(Schema other, int otherIdColumn) {
        boundary = size;
        if (otherIdColumn >= 0 && names == null) {
            names = new String[capacity];
        }
        bind(other, otherIdColumn);
    }

    /** Whether rows a and b may be a pair: always, except two rows of the same input in link mode. */
    boolean candidates(int a, int b) {
        return boundary < 0 || (a < boundary) != (b < boundary);
    }

    /** Whether row i came from input 'other'. */
    boolean fromOther(int i) {
        return boundary >= 0 && i >= boundary;
    }

    /** The first row of input 'other', or -1 outside link mode. */
    int boundary() {
        return boundary;
    }

    int size() {
        return size;
    }

    void add(Batch b) {
        ensure(size + b.rowCount());
        for (int f = 0; f < rules.size(); f++) {
            Column c = b.column(fieldColumn[f]);
            FieldRule rule = rules.get(f);
            for (int r = 0; r < b.rowCount(); r++) {
                if (rule.comparator().numeric()) {
                    numbers[f][size + r] = c.isNull(r) ? Double.NaN : FieldComparator.days(c.type(), c.getDouble(r));
                } else {
                    String raw = c.getString(r);
                    String form = raw == null ? null : rule.comparator().form(raw);
                    texts[f][size + r] = form == null || form.isEmpty() ? null : form;
                }
            }
        }
        for (int k = 0; k < keys.size(); k++) {
            List<BlockingKey.Part> parts = keys.get(k).parts();
            for (int r = 0; r < b.rowCount(); r++) {
                blockValues[k][size + r] = blockValue(b, r, parts, keyColumns[k]);
            }
        }
        if (names != null && idColumn >= 0) {
            Column c = b.column(idColumn);
            for (int r = 0; r < b.rowCount(); r++) {
                names[size + r] = c.getString(r);
            }
        }
        size += b.rowCount();
    }

    private static String blockValue(Batch b, int r, List<BlockingKey.Part> parts, int[] columns) {
        if (parts.size() == 1) {
            return parts.get(0).apply(b.column(columns[0]).getString(r));
        }
        StringBuilder v = new StringBuilder();
        for (int p = 0; p < parts.size(); p++) {
            String part = parts.get(p).apply(b.column(columns[p]).getString(r));
            if (part == null) {
                return null;
            }
            v.append(p == 0 ? "" : "\u001f").append(part);
        }
        return v.toString();
    }

    /**
     * How the tables name row {@code i}: its id column's value, else its 1-based position in its
     * input; rows of input 'other' with "other:" before it, so lineage tells the inputs apart.
     */
    String name(int i) {
        return fromOther(i) ? "other:" + ownName(i) : ownName(i);
    }

    /** Row i's id value, else its 1-based position in its own input. */
    String ownName(int i) {
        if (names != null && names[i] != null) {
            return names[i];
        }
        return Integer.toString(fromOther(i) ? i - boundary + 1 : i + 1);
    }

    private void ensure(int needed) {
        if (needed <= capacity) {
            return;
        }
        int grown = Math.max(needed, capacity * 2);
        for (int f = 0; f < rules.size(); f++) {
            if (texts[f] != null) {
                texts[f] = Arrays.copyOf(texts[f], grown);
            } else {
                numbers[f] = Arrays.copyOf(numbers[f], grown);
            }
        }
        for (int k = 0; k < keys.size(); k++) {
            blockValues[k] = Arrays.copyOf(blockValues[k], grown);
        }
        if (names != null) {
            names = Arrays.copyOf(names, grown);
        }
        capacity = grown;
    }
}

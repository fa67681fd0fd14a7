package org.assay.crm.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assay.api.data.Batch;
import org.assay.api.data.Column;
import org.assay.api.data.DataStream;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.StepContext;

/**
 * Orders grouped by customer: the day (epoch day) and amount of each order, in first-seen
 * customer order. Rows without a customer or a date, or with a negative or non-finite amount,
 * are quarantined; a missing amount counts as an order of 0.
 */
final class Orders {

    /** One customer's orders, sorted by day. */
    record Customer(String key, long[] days, double[] amounts) {

        long first() {
            return days[0];
        }

        long last() {
            return days[days.length - 1];
        }

        double total() {
            double s = 0;
            for (double a : amounts) {
                s += a;
            }
            return s;
        }
    }

    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final List<long[]> days = new ArrayList<>();
    private final List<double[]> amounts = new ArrayList<>();
    private final List<Integer> sizes = new ArrayList<>();
    private long rows;
    private long rejected;
    private long lastDay = Long.MIN_VALUE;
    private Field key;

    /** The customer field as the outputs carry it: integer keys stay integers, pii stays pii. */
    static Field keyField(Field input) {
        FieldType t = input.type() == FieldType.INTEGER ? FieldType.INTEGER : FieldType.STRING;
        Field f = Field.of(input.name(), t);
        return input.has(FieldTag.PII) ? f.withTags(FieldTag.PII) : f;
    }

    static Orders read(StepContext ctx, String step, String customer, String date, String amount)
            throws Exception {
        Orders o = new Orders();
        try (DataStream in = ctx.input("in")) {
            Schema s = in.schema();
            o.key = keyField(s.field(customer));
            int k = s.require(customer);
            int d = s.require(date);
            int a = s.require(amount);
            boolean timestamp = s.field(d).type() == FieldType.TIMESTAMP;
            for (Batch b = in.next(); b != null; b = in.next()) {
                ctx.checkCancelled();
                o.add(ctx, b, b.column(k), b.column(d), b.column(a), timestamp);
            }
        }
        return o;
    }

    private void add(StepContext ctx, Batch b, Column k, Column d, Column a, boolean timestamp) {
        for (int r = 0; r < b.rowCount(); r++) {
            rows++;
            double amount = a.isNull(r) ? 0 : a.getDouble(r);
            String reason = k.isNull(r) ? "the order has no customer" : d.isNull(r) ? "the order has no date"
                    : !Double.isFinite(amount) ? "the amount is not a number" : amount < 0
                    ? "the amount is negative (a return? net it upstream)" : null;
            if (reason != null) {
                rejected++;
                ctx.quarantine().reject(rows, b, r, reason);
                continue;
            }
            long day = timestamp ? Math.floorDiv(d.getLong(r), 86_400_000L) : d.getLong(r);
            lastDay = Math.max(lastDay, day);
            String c = k.getString(r);
            Integer at = index.get(c);
            if (at == null) {
                at = index.size();
                index.put(c, at);
                days.add(new long[4]);
                amounts.add(new double[4]);
                sizes.add(0);
            }
            int n = sizes.get(at);
            if (n == days.get(at).length) {
                days.set(at, Arrays.copyOf(days.get(at), n * 2));
                amounts.set(at, Arrays.copyOf(amounts.get(at), n * 2));
            }
            days.get(at)[n] = day;
            amounts.get(at)[n] = amount;
            sizes.set(at, n + 1);
        }
    }

    /** The customers, each with its orders sorted by day (stable), keeping orders on or before {@code until}. */
    List<Customer> customers(long until) {
        List<Customer> out = new ArrayList<>(index.size());
        int i = 0;
        for (String c : index.keySet()) {
            int n = sizes.get(i);
            long[] dd = days.get(i);
            double[] aa = amounts.get(i);
            Integer[] order = new Integer[n];
            for (int j = 0; j < n; j++) {
                order[j] = j;
            }
            Arrays.sort(order, (x, y) -> Long.compare(dd[x], dd[y]));
            int m = 0;
            while (m < n && dd[order[m]] <= until) {
                m++;
            }
            if (m > 0) {
                long[] sd = new long[m];
                double[] sa = new double[m];
                for (int j = 0; j < m; j++) {
                    sd[j] = dd[order[j]];
                    sa[j] = aa[order[j]];
                }
                out.add(new Customer(c, sd, sa));
            }
            i++;
        }
        return out;
    }

    Field key() {
        return key;
    }

    long rows() {
        return rows;
    }

    long rejected() {
        return rejected;
    }

    /** The last order day, or {@link Long#MIN_VALUE} when there is none. */
    long lastDay() {
        return lastDay;
    }

    /** Balances the engine's row accounting: rows kept versus rows written. */
    void account(StepContext ctx, long written) {
        long kept = rows - rejected;
        if (kept >= written) {
            ctx.countFiltered(kept - written);
        } else {
            ctx.countIn(written - kept);
        }
    }
}

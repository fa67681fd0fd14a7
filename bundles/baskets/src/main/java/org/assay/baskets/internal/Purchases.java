package org.assay.baskets.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assay.api.data.Batch;
import org.assay.api.data.Column;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.StepContext;

/** Each customer's baskets, in order, as read from the purchase lines. */
final class Purchases {

    /** One basket of a customer: its order key (or first-seen position) and its items. */
    static final class Basket {
        final double order;
        final int seen;
        final Set<String> items = new LinkedHashSet<>();

        Basket(double order, int seen) {
            this.order = order;
            this.seen = seen;
        }
    }

    private final Map<String, Map<String, Basket>> customers = new LinkedHashMap<>();
    private final Map<String, String> interned = new HashMap<>();
    private final int customer;
    private final int item;
    private final int basket;
    private final int order;
    private final int category;
    private final Map<String, Set<String>> categories = new HashMap<>();
    private long rows;
    private long rejected;
    private int seen;

    private Purchases(int customer, int item, int basket, int order, int category) {
        this.customer = customer;
        this.item = item;
        this.basket = basket;
        this.order = order;
        this.category = category;
    }

    static List<ParameterProblem> problems(Schema schema, RecommendParameters p) {
        List<ParameterProblem> problems = new ArrayList<>();
        for (String[] named : new String[][] {{"customerColumn", p.customerColumn()}, {"itemColumn", p.itemColumn()},
                {"basketColumn", p.basketColumn()}}) {
            if (!schema.contains(named[1])) {
                problems.add(ParameterProblem.of(named[0], "the purchases have no column '" + named[1] + "'; one of "
                        + schema.names()));
            }
        }
        if (p.categoryColumn().isPresent() && !schema.contains(p.categoryColumn().get())) {
            problems.add(ParameterProblem.of("categoryColumn", "the purchases have no column '"
                    + p.categoryColumn().get() + "'"));
        }
        if (p.orderColumn().isPresent()) {
            String name = p.orderColumn().get();
            if (!schema.contains(name)) {
                problems.add(ParameterProblem.of("orderColumn", "the purchases have no column '" + name + "'"));
            } else if (schema.field(name).type().storage() == FieldType.Storage.TEXT) {
                problems.add(ParameterProblem.of("orderColumn", "'" + name + "' is text; name a date, timestamp or"
                        + " number column"));
            }
        }
        return problems;
    }

    static Purchases of(Schema schema, RecommendParameters p) {
        return new Purchases(schema.require(p.customerColumn()), schema.require(p.itemColumn()),
                schema.require(p.basketColumn()), p.orderColumn().map(schema::require).orElse(-1),
                p.categoryColumn().map(schema::require).orElse(-1));
    }

    void add(Batch b, StepContext ctx) {
        Column c = b.column(customer);
        Column i = b.column(item);
        Column k = b.column(basket);
        Column o = order < 0 ? null : b.column(order);
        Column g = category < 0 ? null : b.column(category);
        for (int r = 0; r < b.rowCount(); r++) {
            rows++;
            if (c.isNull(r) || i.isNull(r) || i.getString(r).isBlank()) {
                String missing = b.schema().field(c.isNull(r) ? customer : item).name();
                ctx.quarantine().reject(rows, b, r, "'" + missing + "' is empty: a purchase needs a customer and"
                        + " an item");
                rejected++;
                continue;
            }
            String basketId = k.isNull(r) ? "" : k.getString(r);
            double key = o == null || o.isNull(r) ? Double.NaN
                    : o.type() == FieldType.DECIMAL ? o.getDouble(r) : o.getLong(r);
            Basket held = customers.computeIfAbsent(c.getString(r), x -> new LinkedHashMap<>())
                    .computeIfAbsent(basketId, x -> new Basket(key, seen++));
            String name = i.getString(r).strip();
            held.items.add(interned.computeIfAbsent(name, x -> x));
            if (g != null && !g.isNull(r)) {
                categories.computeIfAbsent(name, x -> new HashSet<>()).add(g.getString(r));
            }
        }
    }

    /** The categories each item was seen with (an item may carry several). */
    Map<String, Set<String>> categories() {
        return categories;
    }

    Map<String, Map<String, Basket>> customers() {
        return customers;
    }

    /** Everything the customer bought. */
    static Set<String> items(Map<String, Basket> baskets) {
        Set<String> all = new LinkedHashSet<>();
        baskets.values().forEach(b -> all.addAll(b.items));
        return all;
    }

    /** The customer's last basket: the highest order key, else the one seen last. */
    static String last(Map<String, Basket> baskets) {
        String last = null;
        Basket best = null;
        for (Map.Entry<String, Basket> e : baskets.entrySet()) {
            Basket b = e.getValue();
            if (best == null || later(b, best)) {
                best = b;
                last = e.getKey();
            }
        }
        return last;
    }

    private static boolean later(Basket a, Basket b) {
        if (!Double.isNaN(a.order) && !Double.isNaN(b.order) && a.order != b.order) {
            return a.order > b.order;
        }
        if (Double.isNaN(a.order) != Double.isNaN(b.order)) {
            return Double.isNaN(b.order);
        }
        return a.seen > b.seen;
    }

    long rows() {
        return rows;
    }

    long rejected() {
        return rejected;
    }
}

package org.assay.transforms.internal.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One aggregate: output column {@code name} = {@code function(column)}; {@code column} is null
 * for {@code count(*)}; {@code order} is the column first and last go by ({@code first(amount,
 * day)}), null for input order.
 */
record AggregateSpec(String name, AggregateFunction function, String column, String order) {

    static final String SYNTAX = "\"function(column)\" with function one of count, count_distinct, sum, mean, "
            + "min, max, median, std, first, last, or \"count(*)\" for the rows of a group, or \"first(column, "
            + "order_column)\" and \"last(column, order_column)\" for the value at the smallest or largest order";

    private static final Pattern FORM = Pattern.compile("\\s*([A-Za-z_]+)\\s*\\((.*)\\)\\s*");

    /** Parses {@code "sum(amount)"}; throws with the syntax and an example. */
    static AggregateSpec parse(String name, String text) {
        if (name.isBlank()) {
            throw new IllegalArgumentException("an output column name must not be blank");
        }
        Matcher m = FORM.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + name + "': '" + text + "' is not " + SYNTAX
                    + ", e.g. {\"total\": \"sum(amount)\"}");
        }
        AggregateFunction f = AggregateFunction.parse(m.group(1));
        if (f == null) {
            throw new IllegalArgumentException("'" + name + "': unknown function '" + m.group(1) + "'; use one of "
                    + Arrays.stream(AggregateFunction.values()).map(AggregateFunction::jsonName).toList());
        }
        String column = m.group(2).trim();
        if (column.isEmpty() || column.equals("*")) {
            if (f != AggregateFunction.COUNT) {
                throw new IllegalArgumentException("'" + name + "': " + f.jsonName() + " needs a column, e.g. \""
                        + f.jsonName() + "(amount)\"; only count may count rows with count(*)");
            }
            return new AggregateSpec(name, f, null, null);
        }
        // A column name may hold any character but must be written as it is: no quoting rules to learn.
        // Only first and last take a second column, the order; the last comma separates it.
        int comma = column.lastIndexOf(',');
        if ((f == AggregateFunction.FIRST || f == AggregateFunction.LAST) && comma >= 0) {
            String value = column.substring(0, comma).trim();
            String order = column.substring(comma + 1).trim();
            if (value.isEmpty() || order.isEmpty()) {
                throw new IllegalArgumentException("'" + name + "': write " + f.jsonName() + "(column, order_column), "
                        + "e.g. \"" + f.jsonName() + "(amount, order_date)\"");
            }
            return new AggregateSpec(name, f, value, order);
        }
        return new AggregateSpec(name, f, column, null);
    }

    /** Every spec of the parameter, in the map's order; throws on the first bad one. */
    static List<AggregateSpec> parseAll(Map<String, String> aggregations) {
        List<AggregateSpec> specs = new ArrayList<>();
        for (Map.Entry<String, String> e : aggregations.entrySet()) {
            specs.add(parse(e.getKey(), e.getValue()));
        }
        return specs;
    }
}

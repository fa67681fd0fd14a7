package org.assay.transforms.internal.table;

import java.util.ArrayList;
import java.util.List;
import org.assay.api.data.ColumnNotFound;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.transforms.internal.ParameterMisfit;

/**
 * The parameters of {@code aggregate} resolved against an input schema: which columns key a
 * group, which column each aggregate reads, and the output schema. Used at deploy time (the
 * design-time schema) and at run time alike, so both say the same. Immutable.
 */
final class AggregatePlan {

    final int[] keyIndex;
    final FieldType.Storage[] keyStorage;
    final List<AggregateSpec> specs;
    /** The input column of each aggregate, -1 for count(*). */
    final int[] valueIndex;
    final FieldType[] valueType;
    /** The order column of each first or last by order, -1 for none. */
    final int[] orderIndex;
    final FieldType[] orderType;
    final Schema output;

    private AggregatePlan(int[] keyIndex, FieldType.Storage[] keyStorage, List<AggregateSpec> specs,
            int[] valueIndex, FieldType[] valueType, int[] orderIndex, FieldType[] orderType, Schema output) {
        this.keyIndex = keyIndex;
        this.keyStorage = keyStorage;
        this.specs = specs;
        this.valueIndex = valueIndex;
        this.valueType = valueType;
        this.orderIndex = orderIndex;
        this.orderType = orderType;
        this.output = output;
    }

    /**
     * Resolves {@code p} against {@code in}; throws with the problem in the user's terms, at the
     * aggregate it concerns ({@code aggregations.revenue}), so the validator points at its line.
     */
    static AggregatePlan resolve(AggregateParameters p, Schema in) throws ParameterMisfit {
        int[] keys = new int[p.by().size()];
        FieldType.Storage[] storage = new FieldType.Storage[keys.length];
        List<Field> out = new ArrayList<>();
        for (int k = 0; k < keys.length; k++) {
            String name = p.by().get(k);
            if (!in.contains(name)) {
                throw new ParameterMisfit("by", ColumnNotFound.message(name, in, "the input"));
            }
            keys[k] = in.indexOf(name);
            Field f = in.field(keys[k]);
            storage[k] = f.type().storage();
            out.add(f);
        }
        List<AggregateSpec> specs;
        try {
            specs = AggregateSpec.parseAll(p.aggregations());
        } catch (IllegalArgumentException e) {
            throw new ParameterMisfit("aggregations", e.getMessage());
        }
        int[] values = new int[specs.size()];
        FieldType[] types = new FieldType[specs.size()];
        int[] orders = new int[specs.size()];
        FieldType[] orderTypes = new FieldType[specs.size()];
        for (int a = 0; a < specs.size(); a++) {
            AggregateSpec s = specs.get(a);
            orders[a] = -1;
            if (s.order() != null) {
                if (!in.contains(s.order())) {
                    throw new ParameterMisfit(at(s), "'" + s.name() + "': the order column: "
                            + ColumnNotFound.message(s.order(), in, "the input"));
                }
                orders[a] = in.indexOf(s.order());
                orderTypes[a] = in.field(orders[a]).type();
            }
            if (s.column() == null) {
                values[a] = -1;
                out.add(new Field(s.name(), FieldType.INTEGER, false, null, null));
                continue;
            }
            if (!in.contains(s.column())) {
                throw new ParameterMisfit(at(s), "'" + s.name() + "': "
                        + ColumnNotFound.message(s.column(), in, "the input"));
            }
            values[a] = in.indexOf(s.column());
            Field source = in.field(values[a]);
            types[a] = source.type();
            if (!s.function().accepts(types[a])) {
                throw new ParameterMisfit(at(s), "'" + s.name() + "': " + s.function().jsonName()
                        + " needs a numeric column" + (s.function() == AggregateFunction.SUM ? " or a boolean" : "")
                        + ", and '" + s.column() + "' is " + types[a].jsonName()
                        + "; cast it with a select step first, or use min, max, first, last or count");
            }
            out.add(outputField(s, source));
        }
        Schema schema;
        try {
            schema = Schema.of(out);
        } catch (IllegalArgumentException e) {
            throw new ParameterMisfit("aggregations", e.getMessage());
        }
        return new AggregatePlan(keys, storage, specs, values, types, orders, orderTypes, schema);
    }

    /** Where the validator reports a problem of one aggregate: at its own value. */
    private static String at(AggregateSpec s) {
        return "aggregations." + s.name();
    }

    /**
     * A value-preserving aggregate (min, max, first, last) keeps the source's tags and categories:
     * the first email of a customer is still personal data. A computed number is none of them.
     */
    private static Field outputField(AggregateSpec s, Field source) {
        FieldType type = s.function().resultType(source.type());
        return switch (s.function()) {
            case MIN, MAX, FIRST, LAST -> new Field(s.name(), type, true, source.tags(), source.categories());
            case COUNT, COUNT_DISTINCT -> new Field(s.name(), type, false, null, null);
            default -> new Field(s.name(), type, true, null, null);
        };
    }

    Accumulator[] newAccumulators() {
        Accumulator[] accs = new Accumulator[specs.size()];
        for (int a = 0; a < accs.length; a++) {
            accs[a] = Accumulator.of(specs.get(a).function(), valueIndex[a] < 0 ? null : valueType[a], orderType[a]);
        }
        return accs;
    }

    /** Memory cells of a new group: key values, the group's accumulators and the table's entry. */
    int cellsPerGroup() {
        return 2 + keyIndex.length + specs.size();
    }
}

package org.assay.transforms.internal.table;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.assay.api.data.ColumnNotFound;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.transforms.internal.ParameterMisfit;

/**
 * {@code select}'s parameters resolved against an input schema: for each output column, the
 * input column it comes from, its new field and the type it is cast to. Used at deploy time and
 * at run time alike. Immutable.
 */
final class SelectPlan {

    /** One output column. {@code castTo} is null when the values pass through as they are. */
    record Out(int index, Field source, Field field, FieldType castTo) { }

    final List<Out> columns;
    final Schema output;

    private SelectPlan(List<Out> columns, Schema output) {
        this.columns = columns;
        this.output = output;
    }

    static SelectPlan resolve(SelectParameters p, Schema in) throws ParameterMisfit {
        for (String name : p.keep()) {
            require("keep", name, in);
        }
        for (String name : p.drop()) {
            require("drop", name, in);
        }
        for (String name : p.rename().keySet()) {
            require("rename", name, in);
        }
        for (String name : p.cast().keySet()) {
            require("cast", name, in);
        }
        for (String name : p.retag().keySet()) {
            require("retag", name, in);
        }
        List<String> names = p.keep().isEmpty()
                ? in.names().stream().filter(n -> !p.drop().contains(n)).toList() : p.keep();
        List<Out> out = new ArrayList<>();
        List<Field> fields = new ArrayList<>();
        for (String name : names) {
            int index = in.indexOf(name);
            Field source = in.field(index);
            Field field = source.renamed(p.rename().getOrDefault(name, name));
            FieldType castTo = null;
            String typeName = p.cast().get(name);
            if (typeName != null) {
                FieldType to = FieldType.parse(typeName);
                if (to != source.type()) {
                    if (!Cast.possible(source.type(), to)) {
                        throw new ParameterMisfit("cast." + name, "column '" + name + "' is " + source.type().jsonName()
                                + " and cannot be cast to " + to.jsonName() + "; " + Cast.advice(source.type()));
                    }
                    castTo = to;
                    boolean mayBecomeNull = source.nullable() || source.type().storage() == FieldType.Storage.TEXT;
                    field = new Field(field.name(), to, mayBecomeNull, field.tags(), List.of());
                }
            }
            String tags = p.retag().get(name);
            if (tags != null) {
                field = new Field(field.name(), field.type(), field.nullable(), tags(tags), field.categories());
            }
            out.add(new Out(index, source, field, castTo));
            fields.add(field);
        }
        Schema schema;
        try {
            schema = Schema.of(fields);
        } catch (IllegalArgumentException e) {
            throw new ParameterMisfit("rename", e.getMessage() + " in the output; rename one of them "
                    + "differently or drop it");
        }
        return new SelectPlan(out, schema);
    }

    private static void require(String parameter, String name, Schema in) throws ParameterMisfit {
        if (!in.contains(name)) {
            throw new ParameterMisfit(parameter, ColumnNotFound.message(name, in, "the input"));
        }
    }

    /** Parses {@code "id, pii"}; blank is no tags. */
    static Set<FieldTag> tags(String text) {
        EnumSet<FieldTag> tags = EnumSet.noneOf(FieldTag.class);
        for (String t : text.split(",")) {
            if (!t.isBlank()) {
                tags.add(FieldTag.parse(t.trim().toLowerCase(Locale.ROOT)));
            }
        }
        return tags;
    }
}

package org.assay.privacy.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.assay.api.data.ColumnNotFound;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.StepFailure;

/**
 * What a column-rewriting step (mask, pseudonymize, encrypt, decrypt) does to one input
 * schema: which columns it rewrites, each as text into a new field, and the schema out.
 * Immutable once built.
 */
record ColumnRewrite(Schema output, List<Target> targets) {

    /** Rewrites text values of column {@code index}; the output field is {@code field}. */
    record Target(int index, Field field, Rewriter rewriter) { }

    /** One value at a time; never called with null (null stays null). Not thread-safe. */
    @FunctionalInterface
    interface Rewriter {
        /** @throws BadValue when the row cannot be rewritten; the row is quarantined with the reason */
        String rewrite(String value) throws BadValue;
    }

    /** A value a rewriter refuses; the message must not quote the value. */
    static final class BadValue extends Exception {
        private static final long serialVersionUID = 1L;

        BadValue(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * Rewrites the named columns of {@code in} into string columns whose tags {@code retag}
     * decides (from the input field, with type string and no categories).
     *
     * @throws IllegalArgumentException with the "no column" message when a name is not in the input
     */
    static ColumnRewrite of(Schema in, Map<String, Rewriter> byColumn, UnaryOperator<Field> retag) {
        List<Target> targets = new ArrayList<>();
        Schema out = in;
        for (Map.Entry<String, Rewriter> e : byColumn.entrySet()) {
            int index = in.indexOf(e.getKey());
            if (index < 0) {
                throw new IllegalArgumentException(ColumnNotFound.message(e.getKey(), in, "the input"));
            }
            Field source = in.field(index);
            Field field = retag.apply(new Field(source.name(), FieldType.STRING, source.nullable(), source.tags(),
                    List.of()));
            targets.add(new Target(index, field, e.getValue()));
            out = out.with(index, field);
        }
        return new ColumnRewrite(out, List.copyOf(targets));
    }

    /** {@link #of} at run time: a missing column fails the step with the message. */
    static ColumnRewrite atRun(String typeId, Schema in, Map<String, Rewriter> byColumn, UnaryOperator<Field> retag)
            throws StepFailure {
        try {
            return of(in, byColumn, retag);
        } catch (IllegalArgumentException e) {
            throw new StepFailure(typeId + ": parameter columns: " + e.getMessage());
        }
    }
}

package org.assay.transforms.internal.combine;

import java.util.ArrayList;
import java.util.List;
import org.assay.api.data.Field;
import org.assay.api.data.Schema;
import org.assay.api.step.PortSpec;
import org.assay.transforms.internal.ParameterMisfit;

/** The output of a {@code lookup}: the input's columns, then the taken reference columns. Immutable. */
final class LookupLayout {

    final Schema output;
    final int[] inKeys;
    final int[] referenceKeys;
    final int[] taken;
    /** The default of each taken column, boxed for the builder; null for none. */
    final Object[] defaults;

    private LookupLayout(Schema output, int[] inKeys, int[] referenceKeys, int[] taken, Object[] defaults) {
        this.output = output;
        this.inKeys = inKeys;
        this.referenceKeys = referenceKeys;
        this.taken = taken;
        this.defaults = defaults;
    }

    /** @throws ParameterMisfit for a missing column, a key type mismatch, a name clash or a bad default */
    static LookupLayout of(LookupParameters p, Schema in, Schema reference) throws ParameterMisfit {
        String referenceParameter = p.referenceOn().isEmpty() ? "on" : "referenceOn";
        String where = "input '" + LookupStepType.REFERENCE + "'";
        int[] inKeys = RowKey.positions("on", p.on(), in, "the input");
        int[] referenceKeys = RowKey.positions(referenceParameter, p.referenceKeys(), reference, where);
        String mismatch = RowKey.mismatch(p.on(), in, PortSpec.IN, p.referenceKeys(), reference, LookupStepType.REFERENCE);
        if (mismatch != null) {
            throw new ParameterMisfit(referenceParameter, mismatch);
        }
        int[] taken = RowKey.positions("columns", p.columns(), reference, where);
        Object[] defaults = new Object[taken.length];
        List<Field> fields = new ArrayList<>(in.fields());
        for (int i = 0; i < taken.length; i++) {
            Field f = reference.field(taken[i]);
            if (in.contains(f.name())) {
                throw new ParameterMisfit("columns", "reference column '" + f.name() + "' is already a column of the "
                        + "input; rename one of them with a select step first, or leave it out of columns");
            }
            String text = p.defaults().get(f.name());
            if (text != null) {
                try {
                    defaults[i] = TypedText.parse(f.type(), text);
                } catch (IllegalArgumentException e) {
                    throw new ParameterMisfit("defaults." + f.name(), e.getMessage());
                }
            }
            fields.add(f.withNullable(defaults[i] == null || f.nullable()));
        }
        return new LookupLayout(Schema.of(fields), inKeys, referenceKeys, taken, defaults);
    }
}

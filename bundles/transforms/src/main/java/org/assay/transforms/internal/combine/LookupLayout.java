package org.assay.transforms.internal.combine;

import java.util.ArrayList;
import java.util.List;
import org.assay.api.data.Field;
import org.assay.api.data.Schema;
import org.assay.api.step.PortSpec;

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

    /** @throws IllegalArgumentException for a missing column, a key type mismatch, a name clash or a bad default */
    static LookupLayout of(LookupParameters p, Schema in, Schema reference) {
        int[] inKeys = RowKey.positions(p.on(), in, "the input");
        int[] referenceKeys = RowKey.positions(p.referenceKeys(), reference, "input '" + LookupStepType.REFERENCE + "'");
        String mismatch = RowKey.mismatch(p.on(), in, PortSpec.IN, p.referenceKeys(), reference, LookupStepType.REFERENCE);
        if (mismatch != null) {
            throw new IllegalArgumentException(mismatch);
        }
        int[] taken = RowKey.positions(p.columns(), reference, "input '" + LookupStepType.REFERENCE + "'");
        Object[] defaults = new Object[taken.length];
        List<Field> fields = new ArrayList<>(in.fields());
        for (int i = 0; i < taken.length; i++) {
            Field f = reference.field(taken[i]);
            if (in.contains(f.name())) {
                throw new IllegalArgumentException("reference column '" + f.name() + "' is already a column of the "
                        + "input; rename one of them with a select step first, or leave it out of columns");
            }
            String text = p.defaults().get(f.name());
            if (text != null) {
                try {
                    defaults[i] = TypedText.parse(f.type(), text);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("parameter defaults: the default of '" + f.name() + "': "
                            + e.getMessage());
                }
            }
            fields.add(f.withNullable(defaults[i] == null || f.nullable()));
        }
        return new LookupLayout(Schema.of(fields), inKeys, referenceKeys, taken, defaults);
    }
}

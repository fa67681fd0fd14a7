package org.assay.transforms.internal.combine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.assay.api.data.Field;
import org.assay.api.data.Schema;
import org.assay.transforms.internal.ParameterMisfit;

/**
 * Where each output column of a {@code join} comes from. The output has every left column, in
 * order, then (for kinds that widen) every right column that is not a key, in order; a right
 * column whose name is taken gets the suffix, repeated until the name is free. The left key
 * columns hold the key of whichever side the row came from, so a right-only row of a right or
 * full join still shows its key. Immutable.
 */
final class JoinLayout {

    final Schema output;
    final int[] leftKeys;
    final int[] rightKeys;
    /** Right column positions carried to the output, in output order after the left columns. */
    final int[] rightCarried;

    private JoinLayout(Schema output, int[] leftKeys, int[] rightKeys, int[] rightCarried) {
        this.output = output;
        this.leftKeys = leftKeys;
        this.rightKeys = rightKeys;
        this.rightCarried = rightCarried;
    }

    /**
     * The layout for these schemas.
     *
     * @throws ParameterMisfit naming a missing key column or a key type mismatch
     */
    static JoinLayout of(JoinParameters p, Schema left, Schema right) throws ParameterMisfit {
        String rightParameter = p.rightOn().isEmpty() ? "on" : "rightOn";
        int[] leftKeys = RowKey.positions("on", p.on(), left, "input '" + JoinStepType.LEFT + "'");
        int[] rightKeys = RowKey.positions(rightParameter, p.rightKeys(), right, "input '" + JoinStepType.RIGHT + "'");
        String mismatch = RowKey.mismatch(p.on(), left, JoinStepType.LEFT, p.rightKeys(), right, JoinStepType.RIGHT);
        if (mismatch != null) {
            throw new ParameterMisfit(rightParameter, mismatch);
        }
        List<Field> fields = new ArrayList<>(left.fields());
        if (p.kind().keepsUnmatchedRight) {
            // Right-only rows leave the left columns empty, except the keys, which get the right row's keys.
            for (int i = 0; i < fields.size(); i++) {
                fields.set(i, fields.get(i).withNullable(true));
            }
            for (int k = 0; k < leftKeys.length; k++) {
                Field key = left.field(leftKeys[k]);
                fields.set(leftKeys[k], key.withNullable(key.nullable() || right.field(rightKeys[k]).nullable()));
            }
        }
        List<Integer> carried = new ArrayList<>();
        if (p.kind().widens) {
            Set<String> taken = new HashSet<>(left.names());
            Set<Integer> rightKeySet = new HashSet<>();
            for (int k : rightKeys) {
                rightKeySet.add(k);
            }
            for (int i = 0; i < right.size(); i++) {
                if (rightKeySet.contains(i)) {
                    continue;
                }
                Field f = right.field(i);
                String name = f.name();
                while (taken.contains(name)) {
                    name = name + p.suffix();
                }
                taken.add(name);
                Field out = name.equals(f.name()) ? f : f.renamed(name);
                fields.add(p.kind().keepsUnmatchedLeft ? out.withNullable(true) : out);
                carried.add(i);
            }
        }
        return new JoinLayout(Schema.of(fields), leftKeys, rightKeys,
                carried.stream().mapToInt(Integer::intValue).toArray());
    }
}

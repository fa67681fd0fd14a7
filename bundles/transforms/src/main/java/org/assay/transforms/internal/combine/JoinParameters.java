package org.assay.transforms.internal.combine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Columns;
import org.assay.api.step.typed.Param;

/** The parameters of {@code join}, and the rules between them. */
record JoinParameters(
        @Param(description = "Which rows to keep.", defaultValue = "inner")
        JoinKind kind,
        @Param(description = "The key columns of the left input, e.g. [\"customer_id\"]. Rows match when every key "
                + "is equal; a null key matches nothing.")
        @Columns(port = JoinStepType.LEFT)
        List<String> on,
        @Param(description = "The key columns of the right input, in the order of on; empty when they have the same "
                + "names as on.", defaultValue = "[]")
        @Columns(port = JoinStepType.RIGHT)
        List<String> rightOn,
        @Param(description = "Appended to a right column whose name the left input already has (again, until the "
                + "name is free): amount becomes amount_right.", defaultValue = "_right")
        String suffix,
        @Param(description = "Most right rows held in memory for the hash table; the right input should be the "
                + "smaller one. A larger right input is joined in parts spilled to disk; a part still larger fails the "
                + "step with this number in the message.",
                defaultValue = "2000000", min = 1)
        int buildRows) implements CheckedParameters {

    /** The right side's key names: rightOn, or on when rightOn is empty. */
    List<String> rightKeys() {
        return rightOn.isEmpty() ? on : rightOn;
    }

    @Override
    public List<ParameterProblem> problems() {
        List<ParameterProblem> problems = new ArrayList<>();
        if (on.isEmpty()) {
            problems.add(ParameterProblem.of("on", "name at least one key column, e.g. \"on\": [\"customer_id\"]"));
        }
        if (new HashSet<>(on).size() != on.size()) {
            problems.add(ParameterProblem.of("on", "a key column is named twice in " + on));
        }
        if (!rightOn.isEmpty() && rightOn.size() != on.size()) {
            problems.add(ParameterProblem.of("rightOn", "names " + rightOn.size() + " columns but on names "
                    + on.size() + "; give one right key per left key, in the same order"));
        }
        if (new HashSet<>(rightOn).size() != rightOn.size()) {
            problems.add(ParameterProblem.of("rightOn", "a key column is named twice in " + rightOn));
        }
        if (suffix.isBlank()) {
            problems.add(ParameterProblem.of("suffix", "must not be blank: it tells clashing right columns apart"));
        }
        return problems;
    }
}

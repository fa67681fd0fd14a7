package org.assay.privacy.internal.anon;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Columns;
import org.assay.api.step.typed.Param;

/** The parameters of {@code k-anonymize}. */
record KAnonymizeParameters(
        @Param(description = "Quasi-identifier column to its hierarchy: " + HierarchySpec.SYNTAX + ", e.g. {\"age\": "
                + "\"interval:5,10,20\", \"zip\": \"prefix:4,3,2\", \"sex\": \"suppress\"}.")
        @Columns
        Map<String, String> quasiIdentifiers,
        @Param(description = "Every kept row shares its quasi-identifiers with at least k-1 others.",
                defaultValue = "5", min = 2)
        int k,
        @Param(description = "Distinct l-diversity: every kept class has at least l different values of sensitive; "
                + "1 turns it off.", defaultValue = "1", min = 1)
        int l,
        @Param(description = "The sensitive column l-diversity counts values of; needed when l > 1.")
        @Columns
        Optional<String> sensitive,
        @Param(description = "Largest share of rows that may be suppressed (removed, counted as filtered) to "
                + "reach k and l, from 0 to 1.", defaultValue = "0.05", min = 0, max = 1)
        double suppressionLimit,
        @Param(description = "CSV file of the tree hierarchies: lines column,value,level1,level2,... (e.g. "
                + "city,Bergen,Vestland,Norway); needed by tree.", path = Param.PathUse.READ)
        Optional<String> hierarchyFile) implements CheckedParameters {

    @Override
    public List<ParameterProblem> problems() {
        List<ParameterProblem> problems = new ArrayList<>();
        if (quasiIdentifiers.isEmpty()) {
            problems.add(ParameterProblem.of("quasiIdentifiers", "name at least one quasi-identifier and its "
                    + "hierarchy, e.g. {\"age\": \"interval:5,10\"}"));
        }
        boolean tree = false;
        for (Map.Entry<String, String> e : quasiIdentifiers.entrySet()) {
            try {
                if (e.getValue().contains("@")) {
                    throw new IllegalArgumentException("'" + e.getValue() + "': k-anonymize chooses the levels; "
                            + "leave out @");
                }
                tree |= HierarchySpec.parse(e.getValue()).kind() == HierarchySpec.Kind.TREE;
            } catch (IllegalArgumentException bad) {
                problems.add(ParameterProblem.of("quasiIdentifiers", "column '" + e.getKey() + "': "
                        + bad.getMessage()));
            }
        }
        if (tree && hierarchyFile.isEmpty()) {
            problems.add(ParameterProblem.of("hierarchyFile", "a tree hierarchy needs hierarchyFile"));
        }
        if (l > 1 && sensitive.isEmpty()) {
            problems.add(ParameterProblem.of("sensitive", "l = " + l + " needs the sensitive column"));
        }
        if (sensitive.isPresent() && quasiIdentifiers.containsKey(sensitive.get())) {
            problems.add(ParameterProblem.of("sensitive", "column '" + sensitive.get() + "' is a quasi-identifier "
                    + "too; the sensitive column must be another one"));
        }
        return problems;
    }
}

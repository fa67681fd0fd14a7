package org.assay.privacy.internal.anon;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Columns;
import org.assay.api.step.typed.Param;

/** The parameters of {@code generalize}. */
record GeneralizeParameters(
        @Param(description = "Column to its hierarchy and level: " + HierarchySpec.SYNTAX + "; the first level "
                + "listed is applied, or level N with @N, e.g. {\"age\": \"interval:10\", \"zip\": \"prefix:3\", "
                + "\"birth\": \"date:year\", \"city\": \"tree\", \"job\": \"tree@2\"}.")
        @Columns
        Map<String, String> columns,
        @Param(description = "CSV file of the tree hierarchies and lookup tables: lines column,value,level1,... "
                + "(e.g. city,Bergen,Vestland,Norway); needed by tree.", path = Param.PathUse.READ)
        Optional<String> hierarchyFile) implements CheckedParameters {

    @Override
    public List<ParameterProblem> problems() {
        List<ParameterProblem> problems = new ArrayList<>();
        if (columns.isEmpty()) {
            problems.add(ParameterProblem.of("columns", "name at least one column and its hierarchy, e.g. "
                    + "{\"age\": \"interval:10\"}"));
        }
        boolean tree = false;
        for (Map.Entry<String, String> e : columns.entrySet()) {
            try {
                HierarchySpec spec = HierarchySpec.parse(Hierarchies.stripLevel(e.getValue()));
                int level = Hierarchies.level(e.getValue());
                int listed = spec.kind() == HierarchySpec.Kind.TREE ? Integer.MAX_VALUE : spec.steps().size()
                        + (spec.kind() == HierarchySpec.Kind.SUPPRESS ? 1 : 0);
                if (level > listed) {
                    throw new IllegalArgumentException("'" + e.getValue() + "' lists " + listed + " level(s); @" + level
                            + " is beyond them");
                }
                tree |= spec.kind() == HierarchySpec.Kind.TREE;
            } catch (IllegalArgumentException bad) {
                problems.add(ParameterProblem.of("columns", "column '" + e.getKey() + "': " + bad.getMessage()));
            }
        }
        if (tree && hierarchyFile.isEmpty()) {
            problems.add(ParameterProblem.of("hierarchyFile", "a tree hierarchy needs hierarchyFile"));
        }
        return problems;
    }
}

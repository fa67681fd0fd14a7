package org.assay.privacy.internal.anon;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assay.api.data.ColumnNotFound;
import org.assay.api.data.Schema;
import org.assay.api.step.StepContext;
import org.assay.api.step.StepFailure;

/** Resolves hierarchy texts for named columns against an input schema and the hierarchy file. */
final class Hierarchies {

    private Hierarchies() {
    }

    /** Whether any of the specs needs the hierarchy file. */
    static boolean needFile(Iterable<String> specs) {
        for (String s : specs) {
            if (HierarchySpec.parse(stripLevel(s)).kind() == HierarchySpec.Kind.TREE) {
                return true;
            }
        }
        return false;
    }

    /** {@code interval:5,10@2} is {@code interval:5,10} at level 2 (generalize only). */
    static String stripLevel(String text) {
        int at = text.lastIndexOf('@');
        return at < 0 ? text : text.substring(0, at);
    }

    /** The level after {@code @}, 1 without one. @throws IllegalArgumentException when it is not a level */
    static int level(String text) {
        int at = text.lastIndexOf('@');
        if (at < 0) {
            return 1;
        }
        try {
            int l = Integer.parseInt(text.substring(at + 1).trim());
            if (l >= 1) {
                return l;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("'" + text + "': the level after @ is a whole number from 1, e.g. "
                + "interval:5,10@2");
    }

    /**
     * At run time: one hierarchy per named column, in the map's order.
     *
     * @throws StepFailure naming the parameter and the fix
     */
    static List<Hierarchy> resolve(String step, String parameter, Map<String, String> specs, Schema in,
            Optional<String> file, StepContext ctx) throws StepFailure {
        Map<String, Map<String, List<String>>> trees = Map.of();
        try {
            if (needFile(specs.values())) {
                if (file.isEmpty()) {
                    throw new StepFailure(step + ": a tree hierarchy needs hierarchyFile (lines column,value,"
                            + "level1,...)");
                }
                Path path = ctx.readPath(file.get());
                trees = HierarchyFile.read(path);
            }
        } catch (IOException e) {
            throw new StepFailure(step + ": parameter hierarchyFile: cannot read " + file.orElse("") + " ("
                    + e.getClass().getSimpleName() + ")");
        } catch (IllegalArgumentException e) {
            throw new StepFailure(step + ": " + e.getMessage());
        }
        List<Hierarchy> out = new ArrayList<>();
        for (Map.Entry<String, String> e : specs.entrySet()) {
            if (!in.contains(e.getKey())) {
                throw new StepFailure(step + ": parameter " + parameter + ": " + ColumnNotFound.message(e.getKey(), in,
                        "the input"));
            }
            try {
                out.add(Hierarchy.of(HierarchySpec.parse(stripLevel(e.getValue())), in.field(e.getKey()),
                        trees.get(e.getKey())));
            } catch (IllegalArgumentException bad) {
                throw new StepFailure(step + ": parameter " + parameter + ": " + bad.getMessage());
            }
        }
        return out;
    }

    /** At deploy: the hierarchy kinds fit the columns' types (files are read when the step runs). */
    static List<String> typeProblems(Map<String, String> specs, Schema in) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : specs.entrySet()) {
            if (!in.contains(e.getKey())) {
                continue;
            }
            try {
                HierarchySpec spec = HierarchySpec.parse(stripLevel(e.getValue()));
                if (spec.kind() != HierarchySpec.Kind.TREE) {
                    Hierarchy.of(spec, in.field(e.getKey()), Map.of());
                }
            } catch (IllegalArgumentException bad) {
                problems.add(bad.getMessage());
            }
        }
        return problems;
    }
}

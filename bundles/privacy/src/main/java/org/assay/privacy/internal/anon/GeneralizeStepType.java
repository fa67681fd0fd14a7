package org.assay.privacy.internal.anon;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assay.api.data.Batch;
import org.assay.api.data.BatchSink;
import org.assay.api.data.Column;
import org.assay.api.data.DataStream;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepCategory;
import org.assay.api.step.StepDescriptor;
import org.assay.api.step.StepFailure;
import org.assay.api.step.StepType;
import org.assay.api.step.typed.AssayStepType;
import org.assay.api.step.typed.TypedStepType;
import org.osgi.service.component.annotations.Component;

/** The {@code generalize} step type: each named column to a fixed level of its hierarchy. */
@Component(service = StepType.class)
@AssayStepType("generalize")
public final class GeneralizeStepType extends TypedStepType<GeneralizeParameters> {

    public GeneralizeStepType() {
        super(GeneralizeParameters.class);
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.PRIVACY).title("Generalise values along a hierarchy")
                .tags("privacy", "generalisation", "bands", "hierarchy", "gdpr")
                .description("Replaces each value of the named columns by a coarser one: ages by 5- or 10-year "
                        + "bands (interval:10 gives 30-39), postcodes by a prefix (prefix:3 gives 123*), dates by "
                        + "month or year (2024-03, 2024), cities by region through a table, or any categorical tree, "
                        + "both from hierarchyFile. Null stays null. A row whose value the hierarchy does not cover "
                        + "(not in the file, text in a number column) is quarantined. Generalised columns become "
                        + "string columns and keep their tags. To choose levels that reach k-anonymity, use "
                        + "k-anonymize. Streams: one pass.")
                .input(PortSpec.streamed(PortSpec.IN, "Rows to generalise."))
                .output(PortSpec.OUT, "The same rows with the named columns generalised.");
    }

    @Override
    protected List<ParameterProblem> check(GeneralizeParameters p, Map<String, Schema> inputs) {
        Schema in = inputs.get(PortSpec.IN);
        List<ParameterProblem> problems = new ArrayList<>();
        if (in != null) {
            for (String s : Hierarchies.typeProblems(p.columns(), in)) {
                problems.add(ParameterProblem.of("columns", s));
            }
        }
        return problems;
    }

    @Override
    protected Step newStep(GeneralizeParameters p) {
        return ctx -> {
            try (DataStream in = ctx.input(PortSpec.IN)) {
                Schema schema = in.schema();
                List<Hierarchy> hierarchies = Hierarchies.resolve("generalize", "columns", p.columns(), schema,
                        p.hierarchyFile(), ctx);
                List<String> names = new ArrayList<>(p.columns().keySet());
                int[] index = names.stream().mapToInt(schema::indexOf).toArray();
                int[] level = new int[names.size()];
                for (int c = 0; c < level.length; c++) {
                    level[c] = Hierarchies.level(p.columns().get(names.get(c)));
                    if (level[c] > hierarchies.get(c).height()) {
                        throw new StepFailure("generalize: parameter columns: column '" + names.get(c) + "' has "
                                + hierarchies.get(c).height() + " levels in hierarchyFile; @" + level[c]
                                + " is beyond them");
                    }
                }
                Schema outSchema = KAnonymizeStepType.output(schema, names);
                BatchSink out = ctx.output(PortSpec.OUT, outSchema);
                long seen = 0;
                for (Batch b = in.next(); b != null; b = in.next()) {
                    int n = b.rowCount();
                    String[][] texts = new String[index.length][n];
                    boolean[] bad = new boolean[n];
                    int kept = n;
                    for (int r = 0; r < n; r++) {
                        for (int c = 0; c < index.length && !bad[r]; c++) {
                            String v = b.column(index[c]).getString(r);
                            if (v == null) {
                                continue;
                            }
                            try {
                                texts[c][r] = hierarchies.get(c).apply(v, level[c]);
                            } catch (Hierarchy.Uncovered u) {
                                bad[r] = true;
                                kept--;
                                ctx.quarantine().reject(seen + r + 1, b, r, "column " + names.get(c) + ": "
                                        + u.getMessage());
                            }
                        }
                    }
                    int[] keep = new int[kept];
                    for (int r = 0, i = 0; r < n; r++) {
                        if (!bad[r]) {
                            keep[i++] = r;
                        }
                    }
                    Column[] columns = new Column[outSchema.size()];
                    for (int c = 0; c < columns.length; c++) {
                        columns[c] = kept == n ? b.column(c) : b.column(c).select(keep, kept);
                    }
                    for (int c = 0; c < index.length; c++) {
                        String[] t = texts[c];
                        if (kept < n) {
                            t = new String[kept];
                            for (int i = 0; i < kept; i++) {
                                t[i] = texts[c][keep[i]];
                            }
                        }
                        columns[index[c]] = Column.ofTexts(FieldType.STRING, t, kept);
                    }
                    if (kept > 0) {
                        out.write(new Batch(outSchema, kept, columns));
                    }
                    seen += n;
                    ctx.checkCancelled();
                }
                ctx.log().info("generalize: {} rows, {} columns generalised, {} quarantined", seen, names.size(),
                        ctx.quarantine().count());
            }
        };
    }

    @Override
    protected Optional<Map<String, Schema>> outputSchemas(GeneralizeParameters p, Map<String, Schema> inputs) {
        Schema in = inputs.get(PortSpec.IN);
        return in == null ? Optional.empty()
                : Optional.of(Map.of(PortSpec.OUT, KAnonymizeStepType.output(in, p.columns().keySet())));
    }
}

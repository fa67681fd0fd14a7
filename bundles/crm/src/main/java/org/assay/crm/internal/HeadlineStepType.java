package org.assay.crm.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.assay.api.data.Batch;
import org.assay.api.data.BatchSink;
import org.assay.api.data.Column;
import org.assay.api.data.ColumnNotFound;
import org.assay.api.data.DataStream;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.report.ReportSection;
import org.assay.api.report.ReportSections;
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

/**
 * The {@code headline} step type: puts a workflow's business answer at the top of the run
 * report, in sentences filled in from a small table (an aggregate, the top rows of a ranking).
 */
@Component(service = StepType.class)
@AssayStepType("headline")
public final class HeadlineStepType extends TypedStepType<HeadlineParameters> {

    /** Before every other section, so the answer opens "What this run found". */
    static final int ORDER = 10;

    public HeadlineStepType() {
        super(HeadlineParameters.class);
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.VISUALIZER).title("Headline: the business answer in the report")
                .tags("report", "summary", "answer", "headline", "crm")
                .description("Writes plain-language sentences filled in from the input's first row (sentences) and "
                        + "from each of its first maxRows rows (each) at the top of the run report's \"What this "
                        + "run found\", and a section with them and an optional table. Feed it a small table: an "
                        + "aggregate of the result, or a ranking sorted the way the sentences need. Columns tagged "
                        + "pii are refused. " + HeadlineTemplate.SYNTAX + " The rows pass through unchanged.")
                .input(PortSpec.streamed(PortSpec.IN, "The rows the sentences are filled in from."))
                .output(PortSpec.OUT, "The same rows.");
    }

    static List<String> named(HeadlineParameters p) {
        Set<String> names = new LinkedHashSet<>();
        p.sentences().forEach(s -> names.addAll(HeadlineTemplate.columns(s)));
        p.each().ifPresent(s -> names.addAll(HeadlineTemplate.columns(s)));
        names.addAll(p.tableColumns());
        return new ArrayList<>(names);
    }

    static Optional<String> schemaProblem(HeadlineParameters p, Schema in) {
        for (String name : named(p)) {
            if (!in.contains(name)) {
                return Optional.of(ColumnNotFound.message(name, in, "the input"));
            }
            if (in.field(name).has(FieldTag.PII)) {
                return Optional.of("column '" + name + "' is tagged pii: a headline is read by everyone who sees "
                        + "the report; mask or pseudonymize it first, or leave it out");
            }
        }
        return Optional.empty();
    }

    @Override
    protected List<ParameterProblem> check(HeadlineParameters p, Map<String, Schema> inputs) {
        Schema in = inputs.get(PortSpec.IN);
        if (in == null) {
            return List.of();
        }
        return schemaProblem(p, in).map(m -> List.of(ParameterProblem.of("sentences", m))).orElse(List.of());
    }

    @Override
    protected Optional<Map<String, Schema>> outputSchemas(HeadlineParameters p, Map<String, Schema> inputs) {
        return Optional.ofNullable(inputs.get(PortSpec.IN)).map(in -> Map.of(PortSpec.OUT, in));
    }

    @Override
    protected Step newStep(HeadlineParameters p) {
        return ctx -> {
            List<Map<String, Object>> first = new ArrayList<>();
            long rows = 0;
            Schema schema;
            try (DataStream in = ctx.input(PortSpec.IN)) {
                schema = in.schema();
                Optional<String> problem = schemaProblem(p, schema);
                if (problem.isPresent()) {
                    throw new StepFailure("headline: " + problem.get());
                }
                List<String> names = named(p);
                BatchSink out = ctx.output(PortSpec.OUT, schema);
                for (Batch b = in.next(); b != null; b = in.next()) {
                    for (int r = 0; r < b.rowCount() && first.size() < p.maxRows(); r++) {
                        Map<String, Object> row = new HashMap<>();
                        for (String name : names) {
                            Column c = b.column(name);
                            Object v = c.get(r);
                            row.put(name, v instanceof Boolean || c.type() == FieldType.DATE
                                    || c.type() == FieldType.TIMESTAMP ? c.getString(r) : v);
                        }
                        first.add(row);
                    }
                    rows += b.rowCount();
                    out.write(b);
                    ctx.checkCancelled();
                }
            }
            ReportSection.Builder section = ReportSection.builder("headline", p.title()).order(ORDER);
            List<String> lines = new ArrayList<>();
            if (!first.isEmpty()) {
                for (String s : p.sentences()) {
                    lines.add(HeadlineTemplate.fill(s, first.get(0), rows));
                }
                if (p.each().isPresent()) {
                    for (Map<String, Object> row : first) {
                        lines.add(HeadlineTemplate.fill(p.each().get(), row, rows));
                    }
                }
            } else {
                lines.add("The input had no rows, so there is nothing to report.");
            }
            lines.forEach(section::summary);
            lines.forEach(section::paragraph);
            if (!p.tableColumns().isEmpty() && !first.isEmpty()) {
                List<List<String>> table = new ArrayList<>();
                for (Map<String, Object> row : first) {
                    List<String> cells = new ArrayList<>();
                    p.tableColumns().forEach(c -> cells.add(HeadlineTemplate.format(row.get(c), p.tableFormats().get(c))));
                    table.add(cells);
                }
                section.table("First " + first.size() + " of " + rows + " rows", p.tableColumns(), table);
            }
            ReportSections.publish(ctx, section.build());
            ctx.log().info("headline: {} sentences from {} rows", lines.size(), rows);
        };
    }
}

package org.assay.privacy.internal.anon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assay.api.artifact.CsvTable;
import org.assay.api.data.Batch;
import org.assay.api.data.BatchBuilder;
import org.assay.api.data.BatchSink;
import org.assay.api.data.ColumnNotFound;
import org.assay.api.data.DataStream;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.ArtifactKind;
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
 * The {@code risk-report} step type: re-identification risk under the prosecutor model (the
 * attacker knows the person is in the data and their quasi-identifiers): a record's risk is
 * 1 / the size of its class. One output row; the input rows are accounted as filtered.
 */
@Component(service = StepType.class)
@AssayStepType("risk-report")
public final class RiskReportStepType extends TypedStepType<RiskReportParameters> {

    static final Schema REPORT = Schema.of(
            Field.of("records", FieldType.INTEGER).withNullable(false),
            Field.of("classes", FieldType.INTEGER).withNullable(false),
            Field.of("unique_records", FieldType.INTEGER).withNullable(false),
            Field.of("unique_share", FieldType.DECIMAL).withNullable(false),
            Field.of("max_risk", FieldType.DECIMAL).withNullable(false),
            Field.of("avg_risk", FieldType.DECIMAL).withNullable(false),
            Field.of("records_below_k", FieldType.INTEGER).withNullable(false),
            Field.of("share_below_k", FieldType.DECIMAL).withNullable(false),
            Field.of("k", FieldType.INTEGER).withNullable(false));

    public RiskReportStepType() {
        super(RiskReportParameters.class);
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.PRIVACY).title("Re-identification risk")
                .tags("privacy", "risk", "k-anonymity", "re-identification", "gdpr")
                .description("Groups the rows by their quasi-identifiers (null is a value) and reports, under the "
                        + "prosecutor model (a record's risk is 1 / its class size): records, classes, unique records "
                        + "and their share, the highest and the average risk, and the records in classes smaller "
                        + "than k and their share. One output row (none for an empty input), also written as risk-report.csv; the input rows "
                        + "are accounted as filtered. Holds one entry per class. Streams: one pass.")
                .input(PortSpec.streamed(PortSpec.IN, "The rows to assess, e.g. the output of k-anonymize."))
                .output(PortSpec.OUT, "One row of risk measures.");
    }

    @Override
    protected Step newStep(RiskReportParameters p) {
        return ctx -> {
            Map<List<String>, int[]> classes = new HashMap<>();
            long records = 0;
            try (DataStream in = ctx.input(PortSpec.IN)) {
                int[] index = new int[p.quasiIdentifiers().size()];
                for (int c = 0; c < index.length; c++) {
                    index[c] = in.schema().indexOf(p.quasiIdentifiers().get(c));
                    if (index[c] < 0) {
                        throw new StepFailure("risk-report: parameter quasiIdentifiers: " + ColumnNotFound.message(
                                p.quasiIdentifiers().get(c), in.schema(), "the input"));
                    }
                }
                for (Batch b = in.next(); b != null; b = in.next()) {
                    for (int r = 0; r < b.rowCount(); r++) {
                        List<String> key = new ArrayList<>(index.length);
                        for (int i : index) {
                            key.add(b.column(i).getString(r));
                        }
                        classes.computeIfAbsent(key, x -> new int[1])[0]++;
                    }
                    records += b.rowCount();
                    ctx.checkCancelled();
                }
            }
            Risk risk = Risk.of(classes.values().stream().mapToInt(a -> a[0]).toArray(), p.k());
            BatchSink out = ctx.output(PortSpec.OUT, REPORT);
            BatchBuilder row = new BatchBuilder(REPORT, 1);
            row.setLong(0, risk.records()).setLong(1, risk.classes()).setLong(2, risk.unique())
                    .setDouble(3, risk.uniqueShare()).setDouble(4, risk.maxRisk()).setDouble(5, risk.avgRisk())
                    .setLong(6, risk.belowK()).setDouble(7, risk.belowKShare()).setLong(8, p.k());
            row.endRow();
            if (records > 0) {
                out.write(row.build());
                ctx.countFiltered(records - 1);
            }
            var file = ctx.artifactDir().resolve("risk-report.csv");
            CsvTable.write(file, REPORT.names(), List.of(List.of(Long.toString(risk.records()),
                    Long.toString(risk.classes()), Long.toString(risk.unique()), CsvTable.number(risk.uniqueShare()),
                    CsvTable.number(risk.maxRisk()), CsvTable.number(risk.avgRisk()), Long.toString(risk.belowK()),
                    CsvTable.number(risk.belowKShare()), Integer.toString(p.k()))));
            ctx.addArtifact(file, ArtifactKind.TABLE, "Re-identification risk (prosecutor model)");
            ctx.log().info("risk-report: {} records in {} classes, {} unique, max risk {}, {} in classes below k {}",
                    risk.records(), risk.classes(), risk.unique(), CsvTable.number(risk.maxRisk()), risk.belowK(),
                    p.k());
        };
    }

    /** One row, none for an empty input (whose measures are in the artifact as zeros). */
    @Override
    protected Optional<Map<String, Schema>> outputSchemas(RiskReportParameters p, Map<String, Schema> inputs) {
        return Optional.of(Map.of(PortSpec.OUT, REPORT));
    }

    /** Prosecutor-model risk from class sizes. */
    record Risk(long records, long classes, long unique, double uniqueShare, double maxRisk, double avgRisk,
            long belowK, double belowKShare) {

        static Risk of(int[] sizes, int k) {
            long records = 0;
            long unique = 0;
            long below = 0;
            int smallest = Integer.MAX_VALUE;
            for (int s : sizes) {
                records += s;
                unique += s == 1 ? 1 : 0;
                below += s < k ? s : 0;
                smallest = Math.min(smallest, s);
            }
            if (records == 0) {
                return new Risk(0, 0, 0, 0, 0, 0, 0, 0);
            }
            // Each record's risk is 1/|class|: summed over a class that is 1, so the average is classes/records.
            return new Risk(records, sizes.length, unique, unique / (double) records, 1.0 / smallest,
                    sizes.length / (double) records, below, below / (double) records);
        }
    }
}

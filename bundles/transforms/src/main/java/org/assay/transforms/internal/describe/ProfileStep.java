package org.assay.transforms.internal.describe;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assay.api.artifact.CsvTable;
import org.assay.api.data.Batch;
import org.assay.api.data.BatchSink;
import org.assay.api.data.ColumnNotFound;
import org.assay.api.data.DataStream;
import org.assay.api.data.FieldTag;
import org.assay.api.data.Schema;
import org.assay.api.step.ArtifactKind;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepContext;
import org.assay.api.step.StepFailure;

/**
 * One run of {@code profile}: reads the input once, passes every batch on unchanged and
 * gathers each column's statistics on the way; writes profile.csv and data-quality.csv at the end.
 */
final class ProfileStep implements Step {

    static final String PROFILE_FILE = "profile.csv";
    static final String QUALITY_FILE = "data-quality.csv";

    private final ProfileParameters p;

    ProfileStep(ProfileParameters p) {
        this.p = p;
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        List<ColumnProfile> columns;
        long rows = 0;
        long completeRows = 0;
        try (DataStream in = ctx.input(PortSpec.IN)) {
            Schema schema = in.schema();
            columns = plan(schema);
            BatchSink out = ctx.output(PortSpec.OUT, schema);
            for (Batch b = in.next(); b != null; b = in.next()) {
                ctx.checkCancelled();
                for (ColumnProfile c : columns) {
                    c.add(b.column(c.position()), b.rowCount());
                }
                completeRows += completeRows(b, columns);
                rows += b.rowCount();
                out.write(b);
            }
        }
        Path profile = ctx.artifactDir().resolve(PROFILE_FILE);
        CsvTable.write(profile, ColumnProfile.HEADER, columns.stream().map(ColumnProfile::row).toList());
        ctx.addArtifact(profile, ArtifactKind.TABLE, "Profile");
        Path quality = ctx.artifactDir().resolve(QUALITY_FILE);
        CsvTable.write(quality, List.of("metric", "value", "note"), quality(columns, rows, completeRows));
        ctx.addArtifact(quality, ArtifactKind.TABLE, "Data quality");
        if (p.charts()) {
            charts(ctx, columns);
        }
        ctx.log().info("profile: {} rows, {} columns profiled", rows, columns.size());
    }

    private static void charts(StepContext ctx, List<ColumnProfile> columns) throws IOException {
        List<ProfileCharts.Tile> tiles = ProfileCharts.tiles(columns);
        List<Path> sheets = ProfileCharts.write(ctx.artifactDir(), tiles);
        for (int i = 0; i < sheets.size(); i++) {
            ctx.addArtifact(sheets.get(i), ArtifactKind.CHART, sheets.size() == 1 ? "Column charts"
                    : "Column charts (" + (i + 1) + " of " + sheets.size() + ")");
        }
        int drawn = Math.min(tiles.size(), ProfileCharts.MAX_SHEETS * ProfileCharts.PER_SHEET);
        if (drawn < tiles.size()) {
            ctx.log().info("profile: charts for the first {} of {} columns; profile.csv has them all", drawn,
                    tiles.size());
        }
    }

    private List<ColumnProfile> plan(Schema schema) throws StepFailure {
        List<String> names = p.columns().isEmpty() ? schema.names() : p.columns();
        List<ColumnProfile> plan = new ArrayList<>();
        for (String name : names) {
            int at = schema.indexOf(name);
            if (at < 0) {
                throw new StepFailure("parameter columns: " + ColumnNotFound.message(name, schema, "the input"));
            }
            plan.add(new ColumnProfile(schema.field(at), at, p));
        }
        return plan;
    }

    private static long completeRows(Batch b, List<ColumnProfile> columns) {
        long complete = 0;
        for (int r = 0; r < b.rowCount(); r++) {
            boolean all = true;
            for (ColumnProfile c : columns) {
                if (b.column(c.position()).isNull(r)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                complete++;
            }
        }
        return complete;
    }

    /** The dataset's quality summary: completeness, validity against the declared types, unique ids. */
    private static List<List<String>> quality(List<ColumnProfile> columns, long rows, long completeRows) {
        long cells = rows * columns.size();
        long missing = columns.stream().mapToLong(ColumnProfile::missing).sum();
        long invalid = columns.stream().mapToLong(ColumnProfile::invalid).sum();
        List<List<String>> out = new ArrayList<>();
        out.add(List.of("rows", Long.toString(rows), ""));
        out.add(List.of("columns", Long.toString(columns.size()), "profiled"));
        out.add(List.of("complete_rows", Long.toString(completeRows), "rows with a value in every profiled column"));
        out.add(List.of("completeness", cells == 0 ? "" : CsvTable.number(1 - (double) missing / cells),
                "share of cells that are not missing"));
        out.add(List.of("invalid_values", Long.toString(invalid), "nulls in columns declared not nullable, NaN or "
                + "infinite decimals, categories not among the declared ones"));
        out.add(List.of("validity", cells == 0 ? "" : CsvTable.number(1 - (double) invalid / cells),
                "share of cells that fit their declared type"));
        for (ColumnProfile c : columns) {
            if (!c.field().has(FieldTag.ID)) {
                continue;
            }
            long present = rows - c.missing();
            long duplicates = Math.max(0, present - c.distinct());
            String how = c.distinctExact() ? "exact" : "estimated (HyperLogLog)";
            out.add(List.of("unique:" + c.field().name(), Boolean.toString(duplicates == 0 && c.missing() == 0),
                    duplicates + " duplicate and " + c.missing() + " missing ids, " + how));
        }
        return out;
    }
}

package org.assay.cleaners.internal.dedup;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assay.api.data.Batch;
import org.assay.api.data.BatchBuilder;
import org.assay.api.data.BatchSink;
import org.assay.api.data.Column;
import org.assay.api.data.DataStream;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.ArtifactKind;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepContext;
import org.assay.api.step.StepFailure;
import org.assay.cleaners.internal.text.CsvCell;
import org.assay.cleaners.internal.text.TextForm;

/**
 * One run of {@code dedup}: a first pass that links rows (exact keys, or fuzzy pairs from the
 * blocking keys) into clusters, and a second that passes rows without a duplicate on and keeps
 * the full rows of clusters, whose golden records are written at the end.
 */
final class DedupStep implements Step {

    static final String CLUSTER_ID = "cluster_id";
    static final String CLUSTER_SIZE = "cluster_size";
    static final String SOURCE_ROWS = "source_rows";
    static final String PAIRS_FILE = "matched-pairs.csv";
    static final String REVIEW_FILE = "review-pairs.csv";
    static final String SUMMARY_FILE = "dedup-summary.csv";
    static final String OTHER = "other";
    static final String LINKS = "links";
    /** source_rows names at most this many rows of a cluster, then says how many more. */
    static final int MAX_LINEAGE = 1000;

    private final DedupParameters params;
    private LinkWriter links;

    DedupStep(DedupParameters params) {
        this.params = params;
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        Schema schema;
        try (DataStream in = ctx.input(PortSpec.IN)) {
            schema = in.schema();
        }
        Schema otherSchema = null;
        if (ctx.hasInput(OTHER)) {
            try (DataStream other = ctx.input(OTHER)) {
                otherSchema = other.schema();
            }
        }
        List<ParameterProblem> problems = new ArrayList<>(DedupStepType.problems(params, schema));
        if (otherSchema != null) {
            problems.addAll(DedupStepType.otherProblems(params, schema, otherSchema));
        }
        if (!problems.isEmpty()) {
            ParameterProblem p = problems.get(0);
            throw new StepFailure((p.parameter() == null ? "" : "parameter " + p.parameter() + ": ") + p.message());
        }
        int idColumn = params.idColumn().map(schema::require).orElse(-1);
        if (idColumn >= 0 && schema.field(idColumn).has(FieldTag.PII)) {
            idColumn = -1; // the pair tables are side files: never pii (the validator refuses it at deploy)
        }
        int otherId = otherSchema == null ? -1 : DedupStepType.otherIdColumn(params, otherSchema);
        links = new LinkWriter(ctx.output(LINKS, DedupStepType.LINKS_SCHEMA));
        Linking linking = params.mode() == DedupMode.EXACT ? linkExact(ctx, schema, idColumn, otherSchema, otherId)
                : linkFuzzy(ctx, schema, idColumn, otherSchema, otherId);
        links.close();
        ctx.progress(0.5);
        long written = writeRecords(ctx, schema, linking, otherSchema);
        long rows = linking.index.size();
        ctx.countFiltered(rows - written);
        // The links are new rows this step makes.
        ctx.countIn(links.rows);
        writeSummary(ctx, linking, rows, written);
        ctx.log().info("dedup: {} rows in, {} out ({} golden records); {} pairs compared of {} possible", rows,
                written, linking.clusterCount, linking.compared, allPairs(rows));
    }

    /** The links of one run: the clusters, and for the summary how they were found. */
    private static final class Linking {
        final MatchIndex index;
        final UnionFind clusters;
        long compared;
        long matchedPairs;
        long reviewPairs;
        long oversizedBlocks;
        long clusterCount;

        Linking(MatchIndex index) {
            this.index = index;
            this.clusters = new UnionFind(index.size());
        }
    }

    private Linking linkExact(StepContext ctx, Schema schema, int idColumn, Schema otherSchema, int otherId)
            throws IOException {
        MatchIndex index = new MatchIndex(schema, List.of(), List.of(), idColumn);
        List<String> keys = new ArrayList<>();
        readKeys(ctx, PortSpec.IN, schema, index, keys);
        if (otherSchema != null) {
            index.startOther(otherSchema, otherId);
            readKeys(ctx, OTHER, otherSchema, index, keys);
        }
        Linking l = new Linking(index);
        if (otherSchema == null) {
            Map<String, Integer> first = new HashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                String k = keys.get(i);
                if (k != null) {
                    Integer f = first.putIfAbsent(k, i);
                    if (f != null) {
                        l.clusters.union(f, i);
                        l.matchedPairs++;
                        links.write(index, f, i, 1.0, true, String.join(";", params.keys()));
                    }
                }
            }
            return l;
        }
        // Link mode: each row joins the first row of the other input with its key; two rows of
        // one input are never a pair (they are one entity only through a row of the other).
        Map<String, Integer> firstOther = new HashMap<>();
        Map<String, Integer> firstIn = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i) != null) {
                (index.fromOther(i) ? firstOther : firstIn).putIfAbsent(keys.get(i), i);
            }
        }
        for (int i = 0; i < keys.size(); i++) {
            Integer partner = keys.get(i) == null ? null : (index.fromOther(i) ? firstIn : firstOther).get(keys.get(i));
            boolean counted = partner != null && (index.fromOther(i) ? firstOther.get(keys.get(i)) != i : true);
            if (counted) {
                l.clusters.union(partner, i);
                l.matchedPairs++;
                links.write(index, Math.min(partner, i), Math.max(partner, i), 1.0, true,
                        String.join(";", params.keys()));
            }
        }
        return l;
    }

    private void readKeys(StepContext ctx, String port, Schema schema, MatchIndex index, List<String> keys)
            throws IOException {
        int[] keyColumns = params.keys().stream().mapToInt(schema::require).toArray();
        try (DataStream in = ctx.input(port)) {
            for (Batch b = in.next(); b != null; b = in.next()) {
                index.add(b);
                for (int r = 0; r < b.rowCount(); r++) {
                    keys.add(key(b, r, keyColumns));
                }
                ctx.checkCancelled();
            }
        }
    }

    /** The normalised key of a row, or null when a key cell is missing or empty. */
    private static String key(Batch b, int r, int[] columns) {
        StringBuilder k = new StringBuilder();
        for (int c : columns) {
            String v = TextForm.key(b.column(c).getString(r));
            if (v == null || v.isEmpty()) {
                return null;
            }
            k.append(k.length() == 0 ? "" : "\u001f").append(v);
        }
        return k.toString();
    }

    private Linking linkFuzzy(StepContext ctx, Schema schema, int idColumn, Schema otherSchema, int otherId)
            throws IOException {
        List<FieldRule> rules = params.fieldRules();
        MatchIndex index = new MatchIndex(schema, rules, params.blockingKeys(), idColumn);
        try (DataStream in = ctx.input(PortSpec.IN)) {
            for (Batch b = in.next(); b != null; b = in.next()) {
                index.add(b);
                ctx.checkCancelled();
            }
        }
        if (otherSchema != null) {
            index.startOther(otherSchema, otherId);
            try (DataStream in = ctx.input(OTHER)) {
                for (Batch b = in.next(); b != null; b = in.next()) {
                    index.add(b);
                    ctx.checkCancelled();
                }
            }
        }
        List<String> fieldNames = rules.stream().map(FieldRule::column).toList();
        List<int[]> swaps = params.swappable().stream().map(s -> s.split("/"))
                .map(s -> new int[] {fieldNames.indexOf(s[0].strip()), fieldNames.indexOf(s[1].strip())}).toList();
        Linking l = new Linking(index);
        List<long[]> review = new ArrayList<>();
        List<Double> reviewScores = new ArrayList<>();
        Path pairsFile = ctx.artifactDir().resolve(PAIRS_FILE);
        try (Writer pairs = Files.newBufferedWriter(pairsFile, StandardCharsets.UTF_8)) {
            pairs.write("row_a,row_b,score,agreed\n");
            PairFinder finder = new PairFinder(index, new PairScorer(index, swaps), l.clusters, params,
                    (a, b, score, match, agreed) -> {
                        if (match) {
                            pairs.write(CsvCell.of(index.name(a)) + "," + CsvCell.of(index.name(b)) + ","
                                    + round(score) + "," + CsvCell.of(agreed) + "\n");
                            l.matchedPairs++;
                            links.write(index, a, b, score, true, agreed);
                        } else {
                            review.add(new long[] {a, b});
                            reviewScores.add(score);
                        }
                    });
            finder.run(ctx);
            l.compared = finder.compared;
            l.oversizedBlocks = finder.oversizedBlocks;
        }
        ctx.addArtifact(pairsFile, ArtifactKind.TABLE, "Matched pairs");
        Path reviewFile = ctx.artifactDir().resolve(REVIEW_FILE);
        try (Writer w = Files.newBufferedWriter(reviewFile, StandardCharsets.UTF_8)) {
            w.write("row_a,row_b,score\n");
            for (int i = 0; i < review.size(); i++) {
                int a = (int) review.get(i)[0];
                int b = (int) review.get(i)[1];
                // A possible pair that other links joined after all needs no review.
                if (l.clusters.find(a) != l.clusters.find(b)) {
                    w.write(CsvCell.of(index.name(a)) + "," + CsvCell.of(index.name(b)) + ","
                            + round(reviewScores.get(i)) + "\n");
                    l.reviewPairs++;
                    links.write(index, a, b, reviewScores.get(i), false, null);
                }
            }
        }
        ctx.addArtifact(reviewFile, ArtifactKind.TABLE, "Possible matches for review");
        return l;
    }

    private static String round(double score) {
        return String.format(java.util.Locale.ROOT, "%.4f", score);
    }

    /** Second pass: rows without a duplicate as they come, then one golden record per cluster. */
    private long writeRecords(StepContext ctx, Schema schema, Linking l, Schema otherSchema) throws IOException {
        int n = l.index.size();
        UnionFind uf = l.clusters;
        int[] firstOf = new int[n];
        java.util.Arrays.fill(firstOf, -1);
        for (int i = 0; i < n; i++) {
            int root = uf.find(i);
            if (firstOf[root] < 0) {
                firstOf[root] = i;
            }
        }
        Schema out = DedupStepType.outputSchema(schema);
        BatchSink sink = ctx.output(PortSpec.OUT, out);
        Map<Integer, List<Object[]>> members = new TreeMap<>();
        Map<Integer, List<Integer>> memberRows = new HashMap<>();
        long written = 0;
        int row = 0;
        for (String port : otherSchema == null ? List.of(PortSpec.IN) : List.of(PortSpec.IN, OTHER)) {
            try (DataStream in = ctx.input(port)) {
                for (Batch next = in.next(); next != null; next = in.next()) {
                    Batch b = port.equals(OTHER) ? LinkWriter.conform(next, schema) : next;
                    int[] single = new int[b.rowCount()];
                    int singles = 0;
                    for (int r = 0; r < b.rowCount(); r++, row++) {
                        if (uf.sizeOf(row) == 1) {
                            single[singles++] = r;
                            continue;
                        }
                        int first = firstOf[uf.find(row)];
                        Object[] cells = new Object[schema.size()];
                        for (int c = 0; c < cells.length; c++) {
                            cells[c] = b.get(r, c);
                        }
                        members.computeIfAbsent(first, f -> new ArrayList<>()).add(cells);
                        memberRows.computeIfAbsent(first, f -> new ArrayList<>()).add(row);
                    }
                    if (singles > 0) {
                        sink.write(singletons(b.select(single, singles), row - b.rowCount(), single, l.index, out));
                        written += singles;
                    }
                    ctx.checkCancelled();
                }
            }
        }
        GoldenRecord golden = new GoldenRecord(schema, params);
        BatchBuilder builder = new BatchBuilder(out);
        for (Map.Entry<Integer, List<Object[]>> e : members.entrySet()) {
            Object[] g = golden.of(e.getValue());
            for (int c = 0; c < g.length; c++) {
                builder.set(c, g[c]);
            }
            List<Integer> rows = memberRows.get(e.getKey());
            builder.setLong(g.length, e.getKey() + 1L);
            builder.setLong(g.length + 1, rows.size());
            builder.setString(g.length + 2, lineage(rows, l.index));
            builder.endRow();
            written++;
            l.clusterCount++;
            if (builder.isFull()) {
                sink.write(builder.build());
            }
        }
        if (!builder.isEmpty()) {
            sink.write(builder.build());
        }
        return written;
    }

    private static Batch singletons(Batch kept, int firstRow, int[] positions, MatchIndex index, Schema out) {
        int k = kept.rowCount();
        long[] ids = new long[k];
        long[] ones = new long[k];
        String[] names = new String[k];
        for (int i = 0; i < k; i++) {
            int row = firstRow + positions[i];
            ids[i] = row + 1L;
            ones[i] = 1;
            names[i] = index.name(row);
        }
        Batch b = kept.with(out.field(CLUSTER_ID), Column.ofLongs(FieldType.INTEGER, ids, k, null))
                .with(out.field(CLUSTER_SIZE), Column.ofLongs(FieldType.INTEGER, ones, k, null))
                .with(out.field(SOURCE_ROWS), Column.ofTexts(FieldType.STRING, names, k));
        return b.schema().equals(out) ? b : b.withSchema(out);
    }

    private static String lineage(List<Integer> rows, MatchIndex index) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(rows.size(), MAX_LINEAGE); i++) {
            b.append(i == 0 ? "" : ";").append(index.name(rows.get(i)));
        }
        if (rows.size() > MAX_LINEAGE) {
            b.append(";(+").append(rows.size() - MAX_LINEAGE).append(" more)");
        }
        return b.toString();
    }

    private static long allPairs(long n) {
        return n * (n - 1) / 2;
    }

    private void writeSummary(StepContext ctx, Linking l, long rows, long written) throws IOException {
        TreeMap<Integer, Long> sizes = new TreeMap<>();
        int largest = 0;
        for (int i = 0; i < rows; i++) {
            if (l.clusters.find(i) == i && l.clusters.sizeOf(i) > 1) {
                int s = l.clusters.sizeOf(i);
                sizes.merge(Math.min(s, 10), 1L, Long::sum);
                largest = Math.max(largest, s);
            }
        }
        Path file = ctx.artifactDir().resolve(SUMMARY_FILE);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("measure,value\n");
            w.write("mode," + params.mode().name().toLowerCase(java.util.Locale.ROOT) + "\n");
            w.write("rows_in," + rows + "\n");
            w.write("rows_out," + written + "\n");
            w.write("rows_merged_away," + (rows - written) + "\n");
            w.write("clusters," + l.clusterCount + "\n");
            w.write("largest_cluster," + largest + "\n");
            for (Map.Entry<Integer, Long> e : sizes.entrySet()) {
                w.write("clusters_of_size_" + e.getKey() + (e.getKey() == 10 ? "_or_more" : "") + "," + e.getValue()
                        + "\n");
            }
            w.write("matched_pairs," + l.matchedPairs + "\n");
            if (params.mode() == DedupMode.FUZZY) {
                w.write("pairs_compared," + l.compared + "\n");
                w.write("all_pairs," + allPairs(rows) + "\n");
                w.write("share_compared," + String.format(java.util.Locale.ROOT, "%.6f",
                        rows < 2 ? 0.0 : (double) l.compared / allPairs(rows)) + "\n");
                w.write("review_pairs," + l.reviewPairs + "\n");
                w.write("oversized_blocks," + l.oversizedBlocks + "\n");
            }
        }
        ctx.addArtifact(file, ArtifactKind.TABLE, "Deduplication summary");
    }
}

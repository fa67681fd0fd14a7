package org.assay.miners.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assay.api.data.Batch;
import org.assay.api.data.BatchSink;
import org.assay.api.data.Column;
import org.assay.api.data.DataStream;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.model.TrainedModel;
import org.assay.api.report.ReportSections;
import org.assay.api.step.ArtifactKind;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepContext;
import org.assay.api.step.StepFailure;
import weka.clusterers.Clusterer;
import weka.clusterers.FilteredClusterer;
import weka.core.Attribute;
import weka.core.Instances;
import weka.core.SerializationHelper;
import weka.core.UnsupportedAttributeTypeException;
import weka.filters.unsupervised.attribute.Standardize;

/**
 * One run of {@code weka-cluster}. Two passes over the input: the first converts the chosen
 * columns into Weka instances (the only copy of the data this step holds), the second
 * re-reads the input batches and writes each one back with the cluster column appended, so
 * the other columns are passed on untouched and in order.
 */
final class WekaClusterStep implements Step {

    static final String SUMMARY_FILE = "model-summary.txt";
    static final String PROFILE_FILE = "cluster-profile.csv";
    static final String MODEL_FILE = "model.bin";
    /**
     * Format of the model on the {@code model} port: Weka's {@code SerializationHelper.writeAll}
     * of the clusterer and its training header ({@code Instances} without rows), as in model.bin.
     */
    static final String MODEL_FORMAT = "weka.clusterers.Clusterer";

    private final WekaClusterParameters params;
    private final int slowRows;

    WekaClusterStep(WekaClusterParameters params, int slowRows) {
        this.params = params;
        this.slowRows = slowRows;
    }

    @Override
    public void run(StepContext context) throws Exception {
        String algorithm = params.algorithm().trim();
        String options = params.options();
        boolean standardize = params.standardize();
        String clusterColumn = params.clusterColumn();

        Clusterer clusterer;
        try {
            clusterer = ClustererSetup.create(algorithm, options);
        } catch (ClustererSetup.SetupException e) {
            throw new StepFailure(e.getMessage(), e);
        }

        Schema schema;
        ClusterColumns selection;
        InstancesConverter converter;
        try (DataStream in = context.input(PortSpec.IN)) {
            schema = in.schema();
            selection = ClusterColumns.choose(schema, params.columns(), clusterColumn);
            converter = new InstancesConverter(selection.candidates());
            for (Batch batch = in.next(); batch != null; batch = in.next()) {
                context.checkCancelled();
                converter.add(batch);
            }
        }
        int rows = converter.rowCount();
        String revenue = revenueColumn(schema, params.revenueColumn().orElse(""), clusterColumn);
        // Whether a key-named column is a key shows only in its values; on no rows, nothing is known.
        List<ClusterColumn> columns = rows == 0 ? selection.candidates() : selection.settle(converter);
        List<String> warnings = new ArrayList<>(selection.keyWarnings());

        if (rows == 0) {
            // An empty input is a normal day for a scheduled workflow: nothing to cluster, no model.
            context.output(PortSpec.OUT, schema.with(clusterField(clusterColumn, List.of())));
            writeSummary(context, header(algorithm, options, standardize, columns, selection, 0, 0, warnings)
                    + "The input had no rows: no model was built.\n");
            context.progress(1.0);
            return;
        }

        Instances data = converter.toInstances(context.stepId(), columns);
        long rowsWithMissing = converter.rowsWithMissing();
        context.log().info("weka-cluster: {} rows, {} with missing values, columns {}", rows, rowsWithMissing,
                columns.stream().map(ClusterColumn::name).toList());
        if (!selection.leftOut().isEmpty()) {
            context.log().info("weka-cluster: left out {}", selection.leftOut());
        }
        warnings.addAll(ClustererLimits.checkClusters(clusterer, data,
                columns.stream().map(ClusterColumn::name).toList()));
        String slow = ClustererLimits.slowness(clusterer, rows, slowRows);
        if (slow != null) {
            warnings.add(slow);
        }
        for (String w : warnings) {
            context.log().warn("weka-cluster: {}", w);
        }
        context.progress(0.3);

        Clusterer model = standardize ? standardized(clusterer) : clusterer;
        try {
            model.buildClusterer(data);
        } catch (Exception e) {
            throw buildFailure(algorithm, options, columns, e);
        }
        context.checkCancelled();
        context.progress(0.7);

        int k = model.numberOfClusters();
        List<String> labels = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            labels.add("C" + c);
        }
        Field field = clusterField(clusterColumn, labels);
        BatchSink out = context.output(PortSpec.OUT, schema.with(field));
        ClusterProfile profile = new ClusterProfile(columns, data, labels);
        SegmentStats segments = new SegmentStats(schema, clusterColumn, labels);
        int[] assignments = new int[rows];
        String[] labelArray = labels.toArray(String[]::new);
        int row = 0;
        List<String> segmentFileNames;
        try (DataStream in = context.input(PortSpec.IN);
                SegmentFiles files = params.segmentFiles()
                        ? SegmentFiles.open(context, schema, labels, params.segmentFilesPii()) : null) {
            for (Batch batch = in.next(); batch != null; batch = in.next()) {
                context.checkCancelled();
                int n = batch.rowCount();
                if (row + n > rows) {
                    throw new IllegalStateException("the input gave more rows on the second read than on the first");
                }
                String[] assigned = new String[n];
                for (int r = 0; r < n; r++, row++) {
                    int cluster = assign(model, data, row);
                    assigned[r] = cluster < 0 ? null : labelArray[cluster];
                    assignments[row] = cluster;
                    profile.add(data.instance(row), cluster);
                    segments.add(batch, r, cluster);
                    if (files != null) {
                        files.add(batch, r, cluster);
                    }
                }
                out.write(batch.with(field, Column.ofTexts(FieldType.CATEGORICAL, assigned, n)));
                context.progress(0.7 + 0.3 * row / rows);
            }
            segmentFileNames = files == null ? List.of() : files.names();
        }
        if (row != rows) {
            throw new IllegalStateException("the input gave " + row + " rows on the second read, " + rows + " on the first");
        }
        if (profile.unassigned() > 0) {
            context.log().warn("weka-cluster: {} rows could not be placed in a cluster; their '{}' is empty",
                    profile.unassigned(), clusterColumn);
        }

        StringBuilder summary = new StringBuilder(header(algorithm, options, standardize, columns, selection, rows,
                rowsWithMissing, warnings));
        summary.append("Clusters: ").append(k).append(" (sizes:");
        for (int c = 0; c < k; c++) {
            summary.append(' ').append(labels.get(c)).append('=').append(profile.size(c));
        }
        summary.append(profile.unassigned() > 0 ? ", not placed=" + profile.unassigned() : "").append(")\n\n");
        summary.append(model);
        writeSummary(context, summary.toString());
        writeProfile(context, profile);
        ReportSections.publish(context, SegmentReport.build(
                new SegmentSummary(segments, revenue),
                ClusterQuality.of(data, assignments, k), algorithm, options, segmentFileNames));
        byte[] serialized = serialize(model, data);
        writeModel(context, serialized);
        context.outputModel(PortSpec.MODEL, TrainedModel.builder(MODEL_FORMAT, header(columns, data))
                .algorithm(algorithm).options(options).trainedRows(rows)
                .property("clusters", Integer.toString(k))
                .property("standardized", Boolean.toString(standardize))
                .property("clusterColumn", clusterColumn)
                .content(serialized).build());
        context.progress(1.0);
    }

    /**
     * The revenue column: the one named, or the first integer or decimal column, not tagged id
     * or pii, with a revenue-like name; null when there is none.
     */
    static String revenueColumn(Schema schema, String named, String clusterColumn) throws StepFailure {
        if (!named.isBlank()) {
            Field f = schema.fields().stream().filter(x -> x.name().equals(named)).findFirst().orElse(null);
            if (f == null || (f.type() != FieldType.INTEGER && f.type() != FieldType.DECIMAL)) {
                throw new StepFailure("revenueColumn: '" + named + "' is " + (f == null ? "not an input column"
                        : "a " + f.type().jsonName() + " column") + "; name an integer or decimal column, e.g. "
                        + schema.fields().stream().filter(x -> (x.type() == FieldType.DECIMAL
                                || x.type() == FieldType.INTEGER) && !x.has(FieldTag.ID) && !x.has(FieldTag.PII))
                                .map(Field::name).findFirst().orElse("total_spend"));
            }
            return named;
        }
        return schema.fields().stream()
                .filter(f -> f.type() == FieldType.INTEGER || f.type() == FieldType.DECIMAL)
                .filter(f -> !f.has(FieldTag.ID) && !f.has(FieldTag.PII) && !f.name().equals(clusterColumn))
                .map(Field::name).filter(n -> WekaClusterParameters.REVENUE_NAME.matcher(n).matches())
                .findFirst().orElse(null);
    }

    /** Wraps the clusterer so the z-scoring is learnt from the data and saved with the model. */
    private static Clusterer standardized(Clusterer clusterer) {
        FilteredClusterer filtered = new FilteredClusterer();
        filtered.setFilter(new Standardize());
        filtered.setClusterer(clusterer);
        return filtered;
    }

    /** The row's cluster, or -1 when the clusterer cannot place it (e.g. all values missing for some models). */
    private static int assign(Clusterer model, Instances data, int row) {
        try {
            return model.clusterInstance(data.instance(row));
        } catch (Exception e) {
            return -1;
        }
    }

    private static Field clusterField(String name, List<String> labels) {
        return Field.of(name, FieldType.CATEGORICAL).withCategories(labels);
    }

    private static StepFailure buildFailure(String algorithm, String options, List<ClusterColumn> columns,
            Exception e) {
        String shortName = algorithm.substring(algorithm.lastIndexOf('.') + 1);
        String fix;
        if (e instanceof UnsupportedAttributeTypeException || ClustererSetup.message(e).contains("Cannot handle")) {
            boolean anyNominal = columns.stream().anyMatch(ClusterColumn::nominal);
            fix = anyNominal
                    ? "Leave the categorical and boolean columns out of 'columns', or choose an 'algorithm' that"
                            + " handles them (SimpleKMeans, EM)."
                    : "Choose other 'columns' or another 'algorithm'.";
        } else {
            fix = "Check 'options' (\"" + options + "\") against " + shortName + "'s documentation, or try"
                    + " fewer clusters or Weka's defaults (empty 'options').";
        }
        return new StepFailure("algorithm: " + shortName + " could not build a model from columns "
                + columns.stream().map(ClusterColumn::name).toList() + ": " + ClustererSetup.sentence(e) + " "
                + fix, e);
    }

    private static String header(String algorithm, String options, boolean standardize, List<ClusterColumn> columns,
            ClusterColumns selection, int rows, long rowsWithMissing, List<String> warnings) {
        StringBuilder b = new StringBuilder();
        for (String w : warnings) {
            b.append("Warning: ").append(w).append('\n');
        }
        b.append("Algorithm: ").append(algorithm).append(options.isBlank() ? "" : " " + options).append('\n');
        b.append("Columns: ").append(String.join(", ", columns.stream().map(ClusterColumn::describe).toList()))
                .append('\n');
        if (!selection.leftOut().isEmpty()) {
            b.append("Left out (name a column in 'columns' to use it):\n");
            for (String reason : selection.leftOut()) {
                b.append("  ").append(reason).append('\n');
            }
        }
        b.append("Standardized: ").append(standardize
                ? "yes (numeric columns z-scored by a Standardize filter inside a FilteredClusterer; values in the"
                        + " model below are z-scores, cluster-profile.csv has original units)"
                : "no").append('\n');
        b.append("Rows: ").append(rows).append(" (").append(rowsWithMissing)
                .append(" with missing values in these columns, clustered with Weka's missing-value handling)\n");
        return b.toString();
    }

    private static void writeSummary(StepContext context, String text) throws IOException {
        Path file = context.artifactDir().resolve(SUMMARY_FILE);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        context.addArtifact(file, ArtifactKind.TEXT, "Cluster model");
    }

    private static void writeProfile(StepContext context, ClusterProfile profile) throws IOException {
        Path file = context.artifactDir().resolve(PROFILE_FILE);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            profile.writeCsv(w);
        }
        context.addArtifact(file, ArtifactKind.TABLE, "Cluster profiles");
    }

    /** Clusterer then data header, the layout the Weka Explorer saves and loads. */
    private static byte[] serialize(Clusterer model, Instances data) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SerializationHelper.writeAll(bytes, new Object[] {model, new Instances(data, 0)});
        return bytes.toByteArray();
    }

    private static void writeModel(StepContext context, byte[] serialized) throws IOException {
        Path file = context.artifactDir().resolve(MODEL_FILE);
        Files.write(file, serialized);
        context.addArtifact(file, ArtifactKind.MODEL, "Weka cluster model (clusterer + header)");
    }

    /**
     * The columns the model was trained on, in Weka's attribute order; a categorical column
     * lists the values its nominal attribute knows (declared ones, then those met in the data).
     */
    private static Schema header(List<ClusterColumn> columns, Instances data) {
        List<Field> fields = new ArrayList<>(columns.size());
        for (int j = 0; j < columns.size(); j++) {
            Field f = columns.get(j).field();
            Attribute a = data.attribute(j);
            if (f.type() == FieldType.CATEGORICAL) {
                List<String> values = new ArrayList<>(a.numValues());
                for (int v = 0; v < a.numValues(); v++) {
                    values.add(a.value(v));
                }
                f = f.withCategories(values);
            }
            fields.add(f);
        }
        return Schema.of(fields);
    }
}

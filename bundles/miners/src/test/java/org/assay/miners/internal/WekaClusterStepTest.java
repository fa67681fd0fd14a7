package org.assay.miners.internal;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.model.TrainedModel;
import org.assay.api.step.ArtifactKind;
import org.assay.api.step.Parameters;
import org.assay.api.step.PortKind;
import org.assay.api.step.ReadMode;
import org.assay.api.step.StepCancelledException;
import org.assay.api.step.StepCategory;
import org.assay.api.step.StepFailure;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.clusterers.Clusterer;
import weka.clusterers.FilteredClusterer;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.SerializationHelper;

class WekaClusterStepTest {

    static final Schema BLOB_SCHEMA = Schema.of(
            Field.of("id", FieldType.INTEGER).withTags(FieldTag.ID),
            Field.of("blob", FieldType.STRING),
            Field.of("x", FieldType.DECIMAL),
            Field.of("y", FieldType.DECIMAL),
            Field.of("phone", FieldType.INTEGER).withTags(FieldTag.PII));

    private static final double[][] CENTRES = {{0, 0}, {100, 100}, {200, 0}};
    private static final int[] SIZES = {30, 50, 20};

    /** k-means++ start: plain random starts can split a blob (a local optimum, not a bug). */
    static final String KMEANS_3 = "-N 3 -S 1 -init 1";

    @TempDir
    Path dir;

    private final WekaClusterStepType type = new WekaClusterStepType();

    /** Three tight, far-apart blobs; the phone column is noise that must not be clustered on. */
    static List<Object[]> blobs() {
        Random random = new Random(7);
        List<Object[]> rows = new ArrayList<>();
        long id = 1;
        for (int b = 0; b < CENTRES.length; b++) {
            for (int i = 0; i < SIZES[b]; i++) {
                rows.add(row(id++, "b" + b, CENTRES[b][0] + random.nextGaussian(),
                        CENTRES[b][1] + random.nextGaussian(), (long) random.nextInt(1_000_000_000)));
            }
        }
        java.util.Collections.shuffle(rows, random);
        return rows;
    }

    private StepTestRunner blobRunner(List<Object[]> rows) {
        return new StepTestRunner(type, dir).input("in", BLOB_SCHEMA, rows, 16);
    }

    /** Cluster label of each blob; fails unless each blob landed whole in one cluster. */
    private static Map<String, String> clusterOfBlob(List<Object[]> output, int clusterIndex) {
        Map<String, String> byBlob = new HashMap<>();
        for (Object[] r : output) {
            String previous = byBlob.putIfAbsent((String) r[1], (String) r[clusterIndex]);
            if (previous != null) {
                assertEquals(previous, r[clusterIndex], "blob " + r[1] + " was split across clusters");
            }
        }
        return byBlob;
    }

    @Test
    void descriptorIsAMinerWithOneInARowsOutAndAModelOut() {
        assertEquals("weka-cluster", type.descriptor().typeId());
        assertEquals(StepCategory.MINER, type.descriptor().category());
        assertEquals(List.of("in"), type.descriptor().inputs().stream().map(p -> p.name()).toList());
        assertEquals(List.of("out", "model"), type.descriptor().outputs().stream().map(p -> p.name()).toList());
        assertEquals(PortKind.MODEL, type.descriptor().output("model").orElseThrow().kind());
        // Two passes: the rows are re-read to append the cluster, so the input cannot stream.
        assertEquals(ReadMode.MANY, type.descriptor().input("in").orElseThrow().reads());
        assertEquals("-N 4 -S 42", type.descriptor().parameter("options").orElseThrow().defaultValue());
    }

    @Test
    void threeBlobsBecomeThreeClustersOfTheRightSizesWithRowsInOrder() throws Exception {
        List<Object[]> rows = blobs();
        StepTestRunner r = blobRunner(rows).param("options", KMEANS_3).run();

        Schema out = r.outputSchema("out");
        assertEquals(List.of("id", "blob", "x", "y", "phone", "cluster"), out.names());
        assertEquals(FieldType.CATEGORICAL, out.field("cluster").type());
        assertEquals(List.of("C0", "C1", "C2"), out.field("cluster").categories());

        List<Object[]> output = r.output();
        assertEquals(rows.size(), output.size());
        for (int i = 0; i < rows.size(); i++) {
            for (int c = 0; c < 5; c++) {
                assertEquals(rows.get(i)[c], output.get(i)[c], "row " + i + " column " + c + " changed");
            }
        }
        Map<String, String> clusterOfBlob = clusterOfBlob(output, 5);
        assertEquals(3, new HashSet<>(clusterOfBlob.values()).size(), "blobs share a cluster: " + clusterOfBlob);
        r.assertRowsAccountedFor();
        assertTrue(r.quarantined().isEmpty());
        assertEquals(1.0, r.progress());
    }

    @Test
    void emWorksByClassName() throws Exception {
        StepTestRunner r = blobRunner(blobs())
                .param("algorithm", "weka.clusterers.EM")
                .param("options", "-N 3 -S 1")
                .run();
        Map<String, String> clusterOfBlob = clusterOfBlob(r.output(), 5);
        assertEquals(3, new HashSet<>(clusterOfBlob.values()).size(), "blobs share a cluster: " + clusterOfBlob);
        assertTrue(Files.readString(dir.resolve("artifacts/model-summary.txt")).contains("EM"));
        r.assertRowsAccountedFor();
    }

    @Test
    void nestedSchemeOptionsWork() throws Exception {
        StepTestRunner r = blobRunner(blobs())
                .param("algorithm", "weka.clusterers.FilteredClusterer")
                .param("options", "-W weka.clusterers.SimpleKMeans -- " + KMEANS_3)
                .param("standardize", false)
                .run();
        assertEquals(3, new HashSet<>(clusterOfBlob(r.output(), 5).values()).size());
    }

    @Test
    void defaultColumnsLeaveOutIdPiiAndText() throws Exception {
        StepTestRunner r = blobRunner(blobs()).param("options", KMEANS_3).run();
        String summary = Files.readString(dir.resolve("artifacts/model-summary.txt"));
        assertTrue(summary.contains("Columns: x (numeric), y (numeric)\n"), summary);
        assertTrue(summary.contains("Rows: 100 (0 with missing values"), summary);
        assertTrue(summary.contains("C0="), summary);
    }

    /** The blobs with an untagged key and a key-named column whose values repeat. */
    private static final Schema UNTAGGED_SCHEMA = Schema.of(
            Field.of("customer_id", FieldType.INTEGER),
            Field.of("blob", FieldType.STRING),
            Field.of("x", FieldType.DECIMAL),
            Field.of("y", FieldType.DECIMAL),
            Field.of("store_id", FieldType.INTEGER));

    private static List<Object[]> untagged() {
        List<Object[]> rows = blobs();
        for (Object[] r : rows) {
            r[0] = 100_000L + (Long) r[0];
            r[4] = (Long) r[4] % 5;
        }
        return rows;
    }

    @Test
    void untaggedKeyIsLeftOutByDefaultAndTheSummarySaysWhy() throws Exception {
        StepTestRunner r = new StepTestRunner(type, dir).input("in", UNTAGGED_SCHEMA, untagged(), 16)
                .param("options", KMEANS_3).run();
        String summary = Files.readString(dir.resolve("artifacts/model-summary.txt"));
        assertTrue(summary.startsWith("Warning: customer_id left out: looks like a key (unique per row, name ends in"
                + " _id); name it in 'columns' to use it.\n"), summary);
        assertTrue(summary.contains("Columns: x (numeric), y (numeric), store_id (numeric)\n"
                + "Left out (name a column in 'columns' to use it):\n"
                + "  customer_id: looks like a key (unique per row, name ends in _id)\n"
                + "  blob: string; by default only integer and decimal columns are clustered\n"), summary);
        List<String> profile = Files.readAllLines(dir.resolve("artifacts/cluster-profile.csv"));
        assertEquals("cluster,size,share %,mean x,mean y,mean store_id", profile.get(0));
        assertEquals(UNTAGGED_SCHEMA.names(), r.outputSchema("out").names().subList(0, 5), "the key is still passed on");
        r.assertRowsAccountedFor();
    }

    @Test
    void aNamedKeyIsUsed() throws Exception {
        new StepTestRunner(type, dir).input("in", UNTAGGED_SCHEMA, untagged(), 16)
                .param("columns", List.of("customer_id", "x")).param("options", KMEANS_3).run();
        String summary = Files.readString(dir.resolve("artifacts/model-summary.txt"));
        assertTrue(summary.startsWith("Algorithm: "), summary);
        assertTrue(summary.contains("Columns: customer_id (numeric), x (numeric)\n"), summary);
        assertFalse(summary.contains("Left out"), summary);
    }

    @Test
    void onlyKeysLeftFailsNamingThemAndTheFix() {
        Schema schema = Schema.of(Field.of("customerId", FieldType.INTEGER), Field.of("name", FieldType.STRING));
        StepTestRunner r = new StepTestRunner(type, dir).input("in", schema, row(1L, "a"), row(2L, "b"), row(3L, "c"));
        StepFailure e = assertThrows(StepFailure.class, r::run);
        assertEquals("columns: not set, and every integer or decimal column looks like a key: customerId: looks like a"
                + " key (unique per row, name ends in Id); name: string; by default only integer and decimal columns"
                + " are clustered. Name the columns to cluster on in 'columns'.", e.getMessage());
    }

    @Test
    void keyLikeNamesFollowTheDocumentedRule() {
        Map<String, String> keys = new java.util.LinkedHashMap<>();
        keys.put("id", "name is id");
        keys.put("ID", "name is ID");
        keys.put("customer_id", "name ends in _id");
        keys.put("customerId", "name ends in Id");
        keys.put("customerID", "name ends in ID");
        keys.put("CustomerNo", "name ends in No");
        keys.put("order_no", "name ends in _no");
        keys.put("account-number", "name ends in -number");
        keys.put("accountnumber", "name ends in number");
        keys.put("uuid", "name is uuid");
        keys.put("api_key", "name ends in _key");
        keys.put("row nr", "name ends in nr");
        for (Map.Entry<String, String> e : keys.entrySet()) {
            assertEquals(e.getValue(), ClusterColumns.keyLikeName(e.getKey()), e.getKey());
        }
        for (String notKey : List.of("paid", "valid", "identity", "idle", "orders", "video", "kidney", "total_spend",
                "income", "Nord", "piano")) {
            assertNull(ClusterColumns.keyLikeName(notKey), notKey);
        }
    }

    @Test
    void profileReportsSizesShareAndMeansInOriginalUnits() throws Exception {
        StepTestRunner r = blobRunner(blobs()).param("options", KMEANS_3).run();
        Map<String, String> clusterOfBlob = clusterOfBlob(r.output(), 5);

        List<String> lines = Files.readAllLines(dir.resolve("artifacts/cluster-profile.csv"));
        assertEquals("cluster,size,share %,mean x,mean y", lines.get(0));
        assertEquals(4, lines.size(), lines.toString());
        Map<String, String[]> byCluster = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            byCluster.put(cells[0], cells);
        }
        for (int b = 0; b < CENTRES.length; b++) {
            String[] cells = byCluster.get(clusterOfBlob.get("b" + b));
            assertEquals(Integer.toString(SIZES[b]), cells[1]);
            assertEquals(SIZES[b], Double.parseDouble(cells[2]), 1e-9, "share % of blob " + b);
            assertEquals(CENTRES[b][0], Double.parseDouble(cells[3]), 1.0, "mean x of blob " + b);
            assertEquals(CENTRES[b][1], Double.parseDouble(cells[4]), 1.0, "mean y of blob " + b);
        }
        // Then one file per segment and the report section (SegmentReportTest).
        assertEquals(List.of(ArtifactKind.DATA, ArtifactKind.DATA, ArtifactKind.DATA, ArtifactKind.TEXT,
                ArtifactKind.TABLE, ArtifactKind.DATA, ArtifactKind.MODEL),
                r.artifacts().stream().map(StepTestRunner.Artifact::kind).toList());
    }

    @Test
    void savedModelLoadsBackWithItsHeader() throws Exception {
        blobRunner(blobs()).param("options", KMEANS_3).run();
        Object[] saved = SerializationHelper.readAll(dir.resolve("artifacts/model.bin").toString());
        FilteredClusterer model = assertInstanceOf(FilteredClusterer.class, saved[0]);
        Instances header = assertInstanceOf(Instances.class, saved[1]);
        assertEquals(3, ((Clusterer) model).numberOfClusters());
        assertEquals(2, header.numAttributes());
        assertEquals(0, header.numInstances());
    }

    @Test
    void theModelPortCarriesAClustererThatPlacesEachRowWhereTheStepDid() throws Exception {
        List<Object[]> rows = blobs();
        StepTestRunner r = blobRunner(rows).param("options", KMEANS_3).run();
        TrainedModel m = r.outputModel("model");
        assertEquals("weka.clusterers.Clusterer", m.format());
        assertEquals(List.of("x", "y"), m.header().names());
        assertEquals(FieldType.DECIMAL, m.header().field("x").type());
        assertEquals("weka.clusterers.SimpleKMeans", m.algorithm());
        assertEquals(KMEANS_3, m.options());
        assertEquals(100, m.trainedRows());
        assertEquals("3", m.property("clusters").orElseThrow());
        assertEquals("true", m.property("standardized").orElseThrow());

        Object[] read;
        try (InputStream in = m.openContent()) {
            read = SerializationHelper.readAll(in);
        }
        Clusterer clusterer = assertInstanceOf(Clusterer.class, read[0]);
        Instances header = assertInstanceOf(Instances.class, read[1]);
        assertEquals(m.header().names(), List.of(header.attribute(0).name(), header.attribute(1).name()));
        List<Object[]> output = r.output();
        for (int i = 0; i < rows.size(); i++) {
            DenseInstance row = new DenseInstance(1.0, new double[] {(Double) rows.get(i)[2], (Double) rows.get(i)[3]});
            row.setDataset(header);
            assertEquals(output.get(i)[5], "C" + clusterer.clusterInstance(row), "row " + i);
        }
    }

    @Test
    void theModelHeaderListsTheNominalValuesTheModelKnows() throws Exception {
        Schema schema = Schema.of(Field.of("region", FieldType.CATEGORICAL).withCategories(List.of("west")),
                Field.of("spend", FieldType.DECIMAL));
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            rows.add(i % 2 == 0 ? row("north", 10.0 + i % 3) : row("south", 500.0 + i % 3));
        }
        StepTestRunner r = new StepTestRunner(type, dir).input("in", schema, rows, 7)
                .param("columns", List.of("region", "spend")).param("options", "-N 2 -S 1").run();
        assertEquals(List.of("west", "north", "south"), r.outputModel("model").header().field("region").categories());
    }

    @Test
    void categoricalColumnsBecomeNominalAndTheProfileShowsTheirTopValue() throws Exception {
        Schema schema = Schema.of(Field.of("region", FieldType.CATEGORICAL), Field.of("spend", FieldType.DECIMAL),
                Field.of("vip", FieldType.BOOLEAN));
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            rows.add(i % 2 == 0 ? row("north", 10.0 + i % 3, false) : row("south", 500.0 + i % 3, true));
        }
        StepTestRunner r = new StepTestRunner(type, dir).input("in", schema, rows, 7)
                .param("columns", List.of("region", "spend", "vip"))
                .param("options", "-N 2 -S 1")
                .run();
        List<String> lines = Files.readAllLines(dir.resolve("artifacts/cluster-profile.csv"));
        assertEquals("cluster,size,share %,top region,mean spend,top vip", lines.get(0));
        Set<String> tops = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            assertEquals("20", cells[1]);
            tops.add(cells[3] + "|" + cells[5]);
        }
        assertEquals(Set.of("north (100%)|false (100%)", "south (100%)|true (100%)"), tops);
        String summary = Files.readString(dir.resolve("artifacts/model-summary.txt"));
        assertTrue(summary.contains("Columns: region (nominal), spend (numeric), vip (nominal)"), summary);
        r.assertRowsAccountedFor();
    }

    @Test
    void rowsWithMissingValuesAreKeptAndCounted() throws Exception {
        List<Object[]> rows = blobs();
        rows.get(3)[2] = null;
        rows.get(40)[3] = null;
        rows.get(41)[2] = null;
        rows.get(41)[3] = null;
        StepTestRunner r = blobRunner(rows).param("options", KMEANS_3).run();
        assertEquals(100, r.output().size());
        assertNull(r.output().get(3)[2]);
        String summary = Files.readString(dir.resolve("artifacts/model-summary.txt"));
        assertTrue(summary.contains("Rows: 100 (3 with missing values"), summary);
        r.assertRowsAccountedFor();
    }

    @Test
    void emptyInputGivesNoRowsAndNoModel() throws Exception {
        StepTestRunner r = new StepTestRunner(type, dir).input("in", BLOB_SCHEMA, List.of(), 16).run();
        assertEquals(0, r.output().size());
        assertEquals(List.of("id", "blob", "x", "y", "phone", "cluster"), r.outputSchema("out").names());
        assertEquals(List.of(ArtifactKind.TEXT), r.artifacts().stream().map(StepTestRunner.Artifact::kind).toList());
        assertThrows(AssertionError.class, () -> r.outputModel("model"), "no rows, no model");
        r.assertRowsAccountedFor();
    }

    @Test
    void unknownColumnIsRefusedBeforeTheRunListingTheColumns() {
        blobRunner(blobs()).param("columns", List.of("x", "revenue"))
                .assertInvalid("columns", "no column 'revenue' in the input; its columns are [id, blob, x, y, phone]");
    }

    @Test
    void textColumnIsRefusedByNameBeforeTheRun() {
        blobRunner(blobs()).param("columns", List.of("blob"))
                .assertInvalid("columns", "column 'blob' is string; parameter columns takes");
    }

    @Test
    void noUsableDefaultColumnFailsWithTheFix() {
        Schema schema = Schema.of(Field.of("id", FieldType.INTEGER).withTags(FieldTag.ID),
                Field.of("name", FieldType.STRING).withTags(FieldTag.PII));
        StepTestRunner r = new StepTestRunner(type, dir).input("in", schema, row(1L, "Ann"));
        StepFailure e = assertThrows(StepFailure.class, r::run);
        assertTrue(e.getMessage().contains("Name the columns to cluster on in 'columns'"), e.getMessage());
        assertTrue(e.getMessage().contains("id (integer, id)"), e.getMessage());
    }

    @Test
    void buildFailureCarriesWekasMessageAndTheFix() {
        StepTestRunner r = blobRunner(blobs())
                .param("algorithm", "weka.clusterers.FilteredClusterer")
                .param("options", "-F \"weka.filters.unsupervised.attribute.Remove -R first-last\""
                        + " -W weka.clusterers.SimpleKMeans")
                .param("standardize", false);
        StepFailure e = assertThrows(StepFailure.class, r::run);
        assertEquals("algorithm: FilteredClusterer could not build a model from columns [x, y]:"
                + " weka.clusterers.SimpleKMeans: No attributes! Check 'options' (\"-F \"weka.filters.unsupervised"
                + ".attribute.Remove -R first-last\" -W weka.clusterers.SimpleKMeans\") against FilteredClusterer's"
                + " documentation, or try fewer clusters or Weka's defaults (empty 'options').", e.getMessage());
    }

    @Test
    void unsupportedAttributeTypeSuggestsOtherColumns() {
        Schema schema = Schema.of(Field.of("region", FieldType.CATEGORICAL), Field.of("spend", FieldType.DECIMAL));
        StepTestRunner r = new StepTestRunner(type, dir)
                .input("in", schema, row("north", 1.0), row("south", 2.0), row("north", 3.0))
                .param("algorithm", "weka.clusterers.FilteredClusterer")
                .param("options", "-F \"weka.filters.unsupervised.attribute.NominalToString -C 1\""
                        + " -W weka.clusterers.SimpleKMeans")
                .param("columns", List.of("region", "spend"));
        StepFailure e = assertThrows(StepFailure.class, r::run);
        assertTrue(e.getMessage().contains("Cannot handle string attributes!"), e.getMessage());
        assertTrue(e.getMessage().contains("Leave the categorical and boolean columns out of 'columns'"),
                e.getMessage());
    }

    @Test
    void cancelledRunStops() {
        StepTestRunner r = blobRunner(blobs());
        r.cancel();
        assertThrows(StepCancelledException.class, r::run);
    }

    /** The problems as the user reads them: each at its parameter. */
    private List<String> validate(Map<String, Object> given) {
        return type.check(Parameters.of(type.descriptor(), given)).stream()
                .map(p -> p.parameter() == null ? p.message() : p.parameter() + ": " + p.message()).toList();
    }

    @Test
    void defaultsAreValid() {
        assertEquals(List.of(), validate(Map.of()));
        assertEquals(List.of(), validate(Map.of("algorithm", "weka.clusterers.EM", "options", "")));
    }

    @Test
    void unknownClassNameIsExplained() {
        List<String> problems = validate(Map.of("algorithm", "weka.clusterers.SimpleKMean"));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("algorithm: Weka has no class 'weka.clusterers.SimpleKMean'"),
                problems.get(0));
    }

    @Test
    void classifierIsNotAClusterer() {
        List<String> problems = validate(Map.of("algorithm", "weka.classifiers.trees.J48", "options", ""));
        assertEquals(List.of("algorithm: 'weka.classifiers.trees.J48' is not a Weka clusterer; use one of "
                + ClustererSetup.EXAMPLES + "."), problems);
    }

    @Test
    void abstractClassIsExplained() {
        List<String> problems = validate(Map.of("algorithm", "weka.clusterers.AbstractClusterer", "options", ""));
        assertTrue(problems.get(0).contains("cannot be created on its own"), problems.toString());
    }

    @Test
    void badOptionValueIsExplained() {
        List<String> problems = validate(Map.of("options", "-N many"));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("options: SimpleKMeans rejected '-N many'"), problems.get(0));
        assertTrue(problems.get(0).contains("-N"), problems.get(0));
    }

    @Test
    void unknownOptionIsExplained() {
        List<String> problems = validate(Map.of("options", "-N 3 -Q 7"));
        assertEquals(1, problems.size());
        // SimpleKMeans reports leftovers itself; other clusterers leave them for ClustererSetup to find.
        assertTrue(problems.get(0).startsWith("options: SimpleKMeans"), problems.get(0));
        assertTrue(problems.get(0).contains("-Q 7"), problems.get(0));
    }

    @Test
    void leftoverOptionsAreFoundWhenTheClustererIgnoresThem() {
        List<String> problems = validate(Map.of("algorithm", "weka.clusterers.Cobweb", "options", "-A 1.0 -Z"));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("-Z"), problems.get(0));
    }

    @Test
    void zeroClustersIsRefusedBeforeTheRun() {
        List<String> problems = validate(Map.of("options", "-N 0"));
        assertTrue(problems.get(0).startsWith("options: SimpleKMeans rejected '-N 0': Number of clusters must be > 0"),
                problems.toString());
    }

    @Test
    void unbalancedQuotesAreExplained() {
        List<String> problems = validate(Map.of("options", "-N \"3"));
        assertTrue(problems.get(0).startsWith("options: cannot read"), problems.toString());
    }

    @Test
    void blankClusterColumnIsExplained() {
        List<String> problems = validate(Map.of("clusterColumn", " "));
        assertTrue(problems.get(0).startsWith("clusterColumn:"), problems.toString());
    }
}

package org.assay.miners.internal;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.model.TrainedModel;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The explanations.csv weka-score writes for assay:explain: content, key, and no personal data. */
class ExplanationsArtifactTest {

    /** ChurnData with the e-mail replaced by a pii region that the model is told to use. */
    private static final Schema WITH_PII_FEATURE = Schema.of(
            Field.of("customer_id", FieldType.INTEGER).withTags(FieldTag.ID),
            Field.of("region", FieldType.CATEGORICAL).withTags(FieldTag.PII),
            Field.of("contract", FieldType.CATEGORICAL),
            Field.of("tenure_months", FieldType.INTEGER),
            Field.of("monthly_charges", FieldType.DECIMAL),
            Field.of("support_calls", FieldType.INTEGER),
            Field.of("churned", FieldType.CATEGORICAL).withTags(FieldTag.TARGET));

    @TempDir
    Path dir;

    private static List<Object[]> withRegion(List<Object[]> rows) {
        List<Object[]> out = new ArrayList<>();
        for (Object[] r : rows) {
            Object[] c = r.clone();
            c[1] = ((Long) r[0]) % 2 == 0 ? "north" : "south";
            out.add(c);
        }
        return out;
    }

    private TrainedModel train(Schema schema, List<Object[]> rows, String... columns) throws Exception {
        StepTestRunner r = new StepTestRunner(new WekaClassifyStepType(new FileModelStore(dir.resolve("m"))),
                dir.resolve("train")).input("in", schema, rows, 128)
                .param("algorithm", "weka.classifiers.functions.Logistic");
        if (columns.length > 0) {
            r.param("columns", List.of(columns));
        }
        return r.run().outputModel("model");
    }

    private StepTestRunner scorer(String name) {
        return new StepTestRunner(new WekaScoreStepType(new FileModelStore(dir.resolve("m"))), dir.resolve(name));
    }

    private static List<List<String>> read(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (Reader in = new java.io.BufferedReader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            for (List<String> r = ExplanationsFile.readRecord(in); r != null; r = ExplanationsFile.readRecord(in)) {
                rows.add(r);
            }
        }
        return rows;
    }

    private static Path artifact(StepTestRunner r) {
        List<StepTestRunner.Artifact> found = r.artifacts().stream()
                .filter(a -> a.file().getFileName().toString().equals(ExplanationsFile.NAME)).toList();
        assertEquals(1, found.size(), r.artifacts().toString());
        return found.get(0).file();
    }

    @Test
    void everyFeatureOfEveryRowByIdLargestFirstWithTypicalValues() throws Exception {
        TrainedModel model = train(ChurnData.SCHEMA, ChurnData.rows(1500, 11));
        List<Object[]> rows = List.of(row(7L, "a@example.com", "month-to-month", 2L, 70.0, 5L, null),
                row(8L, "b@example.com", "two-year", 70L, 20.0, 0L, null));
        StepTestRunner r = scorer("s").inputModel("model", model).input("in", ChurnData.SCHEMA, rows, 1).run();
        List<List<String>> lines = read(artifact(r));
        assertEquals(ExplanationsFile.HEADER, lines.get(0));
        List<List<String>> first = lines.stream().filter(l -> l.get(0).equals("7")).toList();
        // All four features differ from their typical value, not just the top reasons (3).
        assertEquals(List.of("1", "2", "3", "4"), first.stream().map(l -> l.get(5)).toList());
        double previous = Double.MAX_VALUE;
        for (List<String> l : first) {
            double c = Math.abs(Double.parseDouble(l.get(9)));
            assertTrue(c <= previous, first.toString());
            previous = c;
        }
        assertEquals("yes", first.get(0).get(2));
        assertEquals("yes", first.get(0).get(3), "the churn probability is explained");
        assertEquals(Double.parseDouble(first.get(0).get(4)),
                (Double) r.output().get(0)[r.outputSchema("out").indexOf("probability_yes")], 1e-6);
        List<String> contract = first.stream().filter(l -> l.get(6).equals("contract")).findFirst().orElseThrow();
        assertEquals("month-to-month", contract.get(7));
        assertFalse(contract.get(8).isEmpty() || contract.get(8).equals("month-to-month"), contract.toString());
        assertTrue(Double.parseDouble(contract.get(9)) > 0, contract.toString());
        assertTrue(lines.stream().anyMatch(l -> l.get(0).equals("8")));
        assertEquals("the model on input 'model'", first.get(0).get(1));
        String text = Files.readString(artifact(r));
        assertFalse(text.contains("@example.com"), "no e-mail, not even as a key");
    }

    @Test
    void aPiiFeatureIsUsedButItsValuesAreWithheld() throws Exception {
        TrainedModel model = train(WITH_PII_FEATURE, withRegion(ChurnData.rows(600, 5)), "region", "contract",
                "tenure_months", "support_calls");
        StepTestRunner r = scorer("s").inputModel("model", model)
                .input("in", WITH_PII_FEATURE, withRegion(ChurnData.rows(40, 9)), 16).run();
        String text = Files.readString(artifact(r));
        assertFalse(text.contains("north") || text.contains("south"), text);
        List<List<String>> region = read(artifact(r)).stream().filter(l -> l.get(6).equals("region")).toList();
        for (List<String> l : region) {
            assertEquals(ExplanationsFile.WITHHELD, l.get(7));
            assertEquals(ExplanationsFile.WITHHELD, l.get(8));
        }
    }

    @Test
    void keyColumnParameterOrRowNumbers() throws Exception {
        TrainedModel model = train(ChurnData.SCHEMA, ChurnData.rows(300, 3));
        Schema noId = Schema.of(ChurnData.SCHEMA.fields().stream()
                .map(f -> f.name().equals("customer_id") ? Field.of("customer_id", FieldType.INTEGER) : f).toList());
        List<Object[]> rows = ChurnData.rows(3, 4);
        List<List<String>> lines = read(artifact(scorer("a").inputModel("model", model).input("in", noId, rows, 2)
                .run()));
        assertEquals(List.of("1", "2", "3"), lines.stream().skip(1).map(l -> l.get(0)).distinct().toList());
        lines = read(artifact(scorer("b").inputModel("model", model).input("in", noId, rows, 2)
                .param("keyColumn", "customer_id").run()));
        assertEquals(List.of("1000", "1001", "1002"), lines.stream().skip(1).map(l -> l.get(0)).distinct().toList());
        scorer("c").inputModel("model", model).input("in", ChurnData.SCHEMA, rows, 2).param("keyColumn", "email")
                .assertInvalid("keyColumn", "tagged pii");
    }

    @Test
    void notWrittenWithoutReasonsOrWhenSwitchedOff() throws Exception {
        TrainedModel model = train(ChurnData.SCHEMA, ChurnData.rows(300, 3));
        for (StepTestRunner r : List.of(scorer("a").param("reasons", 0), scorer("b").param("explanations", false))) {
            r.inputModel("model", model).input("in", ChurnData.SCHEMA, ChurnData.rows(3, 4), 2).run();
            assertTrue(r.artifacts().stream().noneMatch(a -> a.file().endsWith(ExplanationsFile.NAME)),
                    r.artifacts().toString());
        }
    }

    @Test
    void emptyInputWritesTheHeaderOnly() throws Exception {
        TrainedModel model = train(ChurnData.SCHEMA, ChurnData.rows(300, 3));
        StepTestRunner r = scorer("s").inputModel("model", model).input("in", ChurnData.SCHEMA, List.of(), 2).run();
        assertEquals(List.of(ExplanationsFile.HEADER), read(artifact(r)));
    }

    @Test
    void quotedCellsRoundTrip() throws Exception {
        String line = String.join(",", ExplanationsFile.quoted("a,b"), ExplanationsFile.quoted("say \"hi\""),
                ExplanationsFile.quoted("two\nlines"), "") + "\nnext\n";
        Reader in = new java.io.BufferedReader(new StringReader(line));
        assertEquals(List.of("a,b", "say \"hi\"", "two\nlines", ""), ExplanationsFile.readRecord(in));
        assertEquals(List.of("next"), ExplanationsFile.readRecord(in));
        assertEquals(null, ExplanationsFile.readRecord(in));
    }
}

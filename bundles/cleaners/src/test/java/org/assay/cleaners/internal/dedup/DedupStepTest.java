package org.assay.cleaners.internal.dedup;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.Parameters;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DedupStepTest {

    @TempDir
    Path dir;

    private static final Schema PEOPLE = Schema.of(Field.of("id", FieldType.INTEGER).withTags(FieldTag.ID),
            Field.of("name", FieldType.STRING).withTags(FieldTag.PII), Field.of("email", FieldType.STRING),
            Field.of("city", FieldType.CATEGORICAL), Field.of("spend", FieldType.DECIMAL),
            Field.of("updated", FieldType.DATE), Field.of("source", FieldType.STRING));

    private static List<Object[]> people() {
        return List.of(
                row(1L, "Ann Lee", "Ann.Lee@Example.com ", "Oslo", 10.0, LocalDate.of(2024, 1, 1), "shop"),
                row(2L, "Bo Chen", "bo@example.com", "Rome", 5.0, LocalDate.of(2024, 1, 2), "crm"),
                row(3L, "ANN  LEE", "ann.lee@example.com", null, 30.0, LocalDate.of(2024, 6, 1), "crm"),
                row(4L, "Cy Díaz", null, "Lima", 1.0, LocalDate.of(2024, 1, 3), "crm"),
                row(5L, "Ann Lee", "ＡＮＮ.ＬＥＥ@example.com", "Oslo", 20.0, LocalDate.of(2023, 1, 1), "shop"));
    }

    private StepTestRunner exact() {
        return new StepTestRunner(new DedupStepType(), dir).param("keys", List.of("email")).param("idColumn", "id")
                .input("in", PEOPLE, people(), 2);
    }

    @Test
    void exactModeMergesKeysEqualAfterCaseSpacesAndNfkc() throws Exception {
        StepTestRunner r = exact().run();
        List<Object[]> out = r.output();
        assertEquals(3, out.size(), "rows 1, 3 and 5 share an e-mail once normalised; a missing key stays alone");
        Object[] golden = out.get(2);
        assertEquals(1L, golden[7], "cluster_id is the position of its first row");
        assertEquals(3L, golden[8]);
        assertEquals("1;3;5", golden[9]);
        assertEquals("Oslo", golden[3], "most-complete: row 1 and 5 have every cell, row 1 is earlier");
        assertEquals(2L, out.get(0)[0]);
        assertEquals("2", out.get(0)[9], "a row without a duplicate names itself");
        assertEquals(2, r.filtered(), "merged-away rows count as filtered");
        assertEquals(DedupStepType.outputSchema(PEOPLE), r.outputSchema("out"));
        r.assertRowsAccountedFor();
    }

    @Test
    void survivorshipPerColumn() throws Exception {
        StepTestRunner r = exact().param("survivorship", Map.of("spend", "max", "updated", "most-recent",
                "city", "most-frequent", "name", "preferred-source", "email", "min"))
                .param("recencyColumn", "updated").param("sourceColumn", "source")
                .param("sourcePriority", List.of("crm", "shop")).run();
        Object[] golden = r.output().get(2);
        assertEquals(30.0, golden[4]);
        assertEquals(LocalDate.of(2024, 6, 1), golden[5]);
        assertEquals("Oslo", golden[3], "two of three say Oslo; a missing city is no vote");
        assertEquals("ANN  LEE", golden[1], "row 3 is the only crm row");
        assertEquals("Ann.Lee@Example.com ", golden[2], "min in code-point order: capitals first");
    }

    @Test
    void mostRecentTakesTheNewestRowsValue() throws Exception {
        StepTestRunner r = exact().param("defaultSurvivorship", "most-recent").param("recencyColumn", "updated").run();
        Object[] golden = r.output().get(2);
        assertEquals(30.0, golden[4]);
        assertEquals("Oslo", golden[3], "the newest row has no city: the next newest gives it");
    }

    @Test
    void withoutIdColumnRowsAreNamedByPosition() throws Exception {
        StepTestRunner r = new StepTestRunner(new DedupStepType(), dir).param("keys", List.of("name"))
                .input("in", PEOPLE, people(), 10).run();
        assertEquals("1;3;5", r.output().get(r.output().size() - 1)[9]);
    }

    @Test
    void fuzzyModeLinksTyposTransitivelyAndListsPairsWithoutValues() throws Exception {
        Schema s = Schema.of(Field.of("name", FieldType.STRING).withTags(FieldTag.PII),
                Field.of("zip", FieldType.STRING), Field.of("born", FieldType.DATE));
        List<Object[]> rows = List.of(row("Jonathan Smith", "1000", LocalDate.of(1980, 3, 4)),
                row("Jonathon Smith", "1000", LocalDate.of(1980, 3, 4)),
                row("Jonathon Smyth", "1000", LocalDate.of(1980, 3, 5)),
                row("Maria Garcia", "1000", LocalDate.of(1990, 7, 1)),
                row("Jonathan Smith", "2000", LocalDate.of(1960, 1, 1)));
        StepTestRunner r = new StepTestRunner(new DedupStepType(), dir).param("mode", "fuzzy")
                .param("fields", Map.of("name", "jaro-winkler:2", "born", "date:1:30", "zip", "exact"))
                .param("blocking", List.of("zip")).param("threshold", 0.9).param("reviewThreshold", 0.5)
                .input("in", s, rows, 2).run();
        List<Object[]> out = r.output();
        assertEquals(3, out.size());
        assertEquals("1;2;3", out.get(2)[5]);
        String pairs = Files.readString(dir.resolve("artifacts").resolve(DedupStep.PAIRS_FILE).toFile().exists()
                ? dir.resolve("artifacts").resolve(DedupStep.PAIRS_FILE) : artifact(r, DedupStep.PAIRS_FILE));
        assertTrue(pairs.startsWith("row_a,row_b,score,agreed\n1,2,"), pairs);
        assertTrue(pairs.contains("name;zip;born") || pairs.contains("name;born;zip") || pairs.contains("zip"), pairs);
        assertTrue(!pairs.contains("Smith"), "no values in the pair table: " + pairs);
        String review = Files.readString(artifact(r, DedupStep.REVIEW_FILE));
        assertTrue(review.contains("\n1,4,") || review.contains(",4,"), "Maria shares zip only: " + review);
        assertTrue(!review.contains("\n1,2,"), "linked pairs are not for review: " + review);
        Map<String, String> summary = DedupQualityTest.summary(r);
        assertEquals("5", summary.get("pairs_compared"), "zip 1000 is a block of 4 (6 pairs), of which 1-3 is "
                + "skipped, linked through 2 already; 2000 is alone. " + summary);
        assertEquals("10", summary.get("all_pairs"));
        r.assertRowsAccountedFor();
    }

    @Test
    void swappableFieldsScoreCrossed() throws Exception {
        Schema s = Schema.of(Field.of("first", FieldType.STRING), Field.of("last", FieldType.STRING),
                Field.of("zip", FieldType.STRING));
        List<Object[]> rows = List.of(row("Wei", "Zhang", "1"), row("Zhang", "Wei", "1"));
        StepTestRunner plain = new StepTestRunner(new DedupStepType(), dir).param("mode", "fuzzy")
                .param("fields", Map.of("first", "jaro-winkler", "last", "jaro-winkler"))
                .param("blocking", List.of("zip")).input("in", s, rows, 10).run();
        assertEquals(2, plain.output().size());
        StepTestRunner swapped = new StepTestRunner(new DedupStepType(), Files.createDirectories(dir.resolve("b")))
                .param("mode", "fuzzy").param("fields", Map.of("first", "jaro-winkler", "last", "jaro-winkler"))
                .param("blocking", List.of("zip")).param("swappable", List.of("first/last"))
                .input("in", s, rows, 10).run();
        assertEquals(1, swapped.output().size());
    }

    @Test
    void anOversizedBlockIsComparedByWindowNotPairByPair() throws Exception {
        Schema s = Schema.of(Field.of("name", FieldType.STRING), Field.of("zip", FieldType.STRING));
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            rows.add(row(String.format("person%03d", (i * 7) % 200 / 2), "1"));
        }
        StepTestRunner r = new StepTestRunner(new DedupStepType(), dir).param("mode", "fuzzy")
                .param("fields", Map.of("name", "exact")).param("blocking", List.of("zip"))
                .param("maxBlockSize", 50).param("window", 3).param("threshold", 1.0).input("in", s, rows, 64).run();
        Map<String, String> summary = DedupQualityTest.summary(r);
        assertEquals("1", summary.get("oversized_blocks"));
        assertTrue(Long.parseLong(summary.get("pairs_compared")) <= 200 * 2, summary.toString());
        assertEquals(100, r.output().size(), "the two rows of each name, far apart in the input, sort side by side and are linked");
    }

    @Test
    void sortedNeighbourhoodFindsKeysThatDifferLate() throws Exception {
        Schema s = Schema.of(Field.of("email", FieldType.STRING));
        List<Object[]> rows = List.of(row("anna.svensson@example.com"), row("zed@example.com"),
                row("anna.svensson@example.co"));
        StepTestRunner r = new StepTestRunner(new DedupStepType(), dir).param("mode", "fuzzy")
                .param("fields", Map.of("email", "levenshtein")).param("blocking", List.of("email"))
                .param("method", "sorted-neighbourhood").param("window", 2).param("threshold", 0.9)
                .input("in", s, rows, 10).run();
        assertEquals(2, r.output().size());
    }

    @Test
    void emptyInputWritesNothingAndAccountsForNothing() throws Exception {
        StepTestRunner r = new StepTestRunner(new DedupStepType(), dir).param("keys", List.of("email"))
                .input("in", PEOPLE, List.of(), 10).run();
        assertEquals(0, r.output().size());
        assertEquals(DedupStepType.outputSchema(PEOPLE), r.outputSchema("out"));
        r.assertRowsAccountedFor();
    }

    @Test
    void badParametersAreRefusedWithTheFix() {
        StepTestRunner r = new StepTestRunner(new DedupStepType(), dir).input("in", PEOPLE, people(), 2);
        r.assertInvalid("keys", "needs the key columns");
        r.param("mode", "fuzzy").assertInvalid("fields", "needs the fields").assertInvalid("blocking",
                "at least one blocking key");
        r.param("fields", Map.of("name", "jaro")).assertInvalid("fields", "not a comparator");
        r.param("blocking", List.of("name")).param("fields", Map.of("name", "date"))
                .assertInvalid("fields", "compares dates");
        r.param("fields", Map.of("name", "jaro-winkler:0")).assertInvalid("fields", "above 0");
        r.param("fields", Map.of("name", "jaro-winkler")).param("blocking", List.of("sounds(name)"))
                .assertInvalid("blocking", "not a blocking function");
        r.param("blocking", List.of("soundex(nmae)")).assertInvalid("blocking", "did you mean 'name'");
        r.param("blocking", List.of("first(name)")).assertInvalid("blocking", "first<N>(col)");
        r.param("blocking", List.of("name")).param("threshold", 0.8).param("reviewThreshold", 0.9)
                .assertInvalid("reviewThreshold", "below threshold");
        r.param("reviewThreshold", 0.5).param("swappable", List.of("name/email"))
                .assertInvalid("swappable", "two columns of fields");
        r.param("fields", Map.of("name", "jaro-winkler", "spend", "numeric")).param("swappable", List.of("name/spend"))
                .assertInvalid("swappable", "only fields with a text comparator");
        r.param("fields", Map.of("name", "jaro-winkler")).param("swappable", List.of()).param("defaultSurvivorship", "most-recent")
                .assertInvalid("recencyColumn", "most-recent needs");
        r.param("survivorship", Map.of("city", "newest")).assertInvalid("survivorship", "not a rule");
        new StepTestRunner(new DedupStepType(), dir).input("in", PEOPLE, people(), 2).param("keys", List.of("email"))
                .param("idColumn", "name").assertInvalid("idColumn", "pii");
    }

    @Test
    void anInputThatAlreadyHasTheLineageColumnsIsRefused() {
        Schema s = Schema.of(Field.of("email", FieldType.STRING), Field.of("cluster_id", FieldType.INTEGER));
        new StepTestRunner(new DedupStepType(), dir).param("keys", List.of("email")).input("in", s, List.of(), 1)
                .assertInvalid(null, "already has a column 'cluster_id'");
        assertThrows(IllegalArgumentException.class, () -> new StepTestRunner(new DedupStepType(), dir)
                .param("keys", List.of("email")).input("in", s, List.of(), 1).run());
    }

    @Test
    void designTimeSchemaAddsTheLineageColumns() {
        DedupStepType type = new DedupStepType();
        Schema out = type.outputSchemas(Parameters.of(type.descriptor(), Map.of("keys", List.of("email"))),
                Map.of("in", PEOPLE)).orElseThrow().get("out");
        assertEquals(List.of("id", "name", "email", "city", "spend", "updated", "source", "cluster_id",
                "cluster_size", "source_rows"), out.names());
    }

    private static Path artifact(StepTestRunner r, String name) {
        return r.artifacts().stream().filter(a -> a.file().getFileName().toString().equals(name)).findFirst()
                .orElseThrow().file();
    }
}

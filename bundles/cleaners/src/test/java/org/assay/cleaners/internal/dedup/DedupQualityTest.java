package org.assay.cleaners.internal.dedup;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzy dedup against planted duplicates (typos, swapped names, nicknames, missing e-mails and
 * phones, phones written differently, capitals): pairwise recall at least 95% at precision at
 * least 99%, with the parameters a user would write for a customer table, not tuned to a seed
 * (three seeds are checked).
 */
class DedupQualityTest {

    @TempDir
    Path dir;

    static StepTestRunner customerDedup(StepTestRunner r) {
        return r.param("mode", "fuzzy")
                .param("fields", Map.of("first_name", "jaro-winkler:2", "last_name", "jaro-winkler:3",
                        "email", "levenshtein:2", "phone", "digits:2", "birth_date", "date:2", "postcode", "exact:1"))
                .param("blocking", List.of("soundex(last_name)+postcode", "soundex(first_name)+postcode", "email",
                        "last7(phone)", "birth_date+postcode"))
                .param("swappable", List.of("first_name/last_name"))
                .param("reviewThreshold", 0.7)
                .param("defaultSurvivorship", "most-recent").param("recencyColumn", "updated")
                .param("idColumn", "record_id");
    }

    @Test
    void recallAndPrecisionOnPlantedDuplicates() throws Exception {
        for (long seed : new long[] {1, 2, 3}) {
            PlantedDuplicates.Table t = PlantedDuplicates.generate(3000, seed);
            Path d = Files.createDirectories(dir.resolve("seed" + seed));
            StepTestRunner r = customerDedup(new StepTestRunner(new DedupStepType(), d))
                    .input("in", PlantedDuplicates.SCHEMA, t.rows(), 1000).run();
            r.assertRowsAccountedFor();

            int source = PlantedDuplicates.SCHEMA.size() + 2;
            long truePairs = 0;
            Map<Integer, Integer> perEntity = new HashMap<>();
            for (int e : t.entity()) {
                truePairs += perEntity.merge(e, 1, Integer::sum) - 1;
            }
            long predicted = 0;
            long correct = 0;
            for (Object[] row : r.output()) {
                String[] ids = ((String) row[source]).split(";");
                for (int i = 0; i < ids.length; i++) {
                    for (int j = i + 1; j < ids.length; j++) {
                        predicted++;
                        if (t.entity()[Integer.parseInt(ids[i]) - 1] == t.entity()[Integer.parseInt(ids[j]) - 1]) {
                            correct++;
                        }
                    }
                }
            }
            double recall = (double) correct / truePairs;
            double precision = predicted == 0 ? 1 : (double) correct / predicted;
            Map<String, String> summary = summary(r);
            System.out.printf("dedup seed %d: %d rows, %d true pairs, recall %.4f, precision %.4f, pairs compared %s"
                    + " of %s (%s)%n", seed, t.rows().size(), truePairs, recall, precision,
                    summary.get("pairs_compared"), summary.get("all_pairs"), summary.get("share_compared"));
            assertTrue(recall >= 0.95, "recall " + recall + " at seed " + seed);
            assertTrue(precision >= 0.99, "precision " + precision + " at seed " + seed);
            assertTrue(Long.parseLong(summary.get("pairs_compared")) * 100 < Long.parseLong(summary.get("all_pairs")),
                    "blocking compares under 1% of all pairs: " + summary);
        }
    }

    static Map<String, String> summary(StepTestRunner r) throws Exception {
        Path file = r.artifacts().stream().filter(a -> a.file().getFileName().toString().equals(DedupStep.SUMMARY_FILE))
                .findFirst().orElseThrow().file();
        Map<String, String> m = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] kv = line.split(",", 2);
            m.put(kv[0], kv[1]);
        }
        return m;
    }
}

package org.assay.cleaners.internal;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImputeKnnTest {

    @TempDir
    Path dir;

    static final Schema PEOPLE = Schema.of(Field.of("id", FieldType.INTEGER).withTags(FieldTag.ID),
            Field.of("age", FieldType.INTEGER), Field.of("visits", FieldType.DECIMAL),
            Field.of("income", FieldType.DECIMAL), Field.of("plan", FieldType.STRING),
            Field.of("joined", FieldType.DATE));

    /** Young members earn about 30,000 and take basic; older ones about 80,000 and take pro. */
    static List<Object[]> people() {
        Random r = new Random(2);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            boolean older = i % 2 == 0;
            long age = older ? 50 + r.nextInt(10) : 20 + r.nextInt(10);
            double visits = (older ? 12 : 3) + r.nextGaussian();
            Double income = i % 10 == 0 ? null : (older ? 80_000 : 30_000) + 2_000 * r.nextGaussian();
            String plan = i % 10 == 1 ? null : older == (r.nextDouble() < 0.9) ? "pro" : "basic";
            rows.add(row((long) i, age, visits, income, plan, null));
        }
        rows.add(row(1000L, null, null, null, null, null));
        return rows;
    }

    private StepTestRunner knn(List<Object[]> rows) {
        return new StepTestRunner(new ImputeStepType(), dir).input("in", PEOPLE, rows, 64)
                .param("strategy", "knn").param("columns", Map.of("joined", "leave"));
    }

    @Test
    void fillsFromSimilarRowsWhereTheMeanWouldMissBoth() throws Exception {
        StepTestRunner r = knn(people()).param("neighbours", 7).run();
        List<Object[]> out = r.output();
        for (Object[] o : out.subList(0, 400)) {
            long id = (Long) o[0];
            boolean older = id % 2 == 0;
            if (id % 10 == 0) {
                assertEquals(older ? 80_000 : 30_000, (Double) o[3], 3_000, "income of " + id);
            }
            if (id % 10 == 1) {
                assertEquals(older ? "pro" : "basic", o[4], "plan of " + id + " by its neighbours' majority");
            }
        }
        Object[] empty = out.get(400);
        assertNull(empty[3], "a row with no feature value has no neighbours");
        assertNull(empty[4]);
        String summary = Files.readString(r.artifacts().stream().filter(a -> a.file().endsWith(
                ImputeStep.SUMMARY_FILE)).findFirst().orElseThrow().file());
        assertTrue(summary.contains("income,41,knn,40,"), summary);
        assertTrue(summary.contains("1 left missing"), summary);
        r.assertRowsAccountedFor();
    }

    @Test
    void theSameInputGivesTheSameFills() throws Exception {
        List<Object[]> rows = people();
        List<Object[]> a = knn(rows).param("knnReference", 50).run().output();
        List<Object[]> b = new StepTestRunner(new ImputeStepType(), dir.resolve("b")).input("in", PEOPLE, rows, 64)
                .param("strategy", "knn").param("columns", Map.of("joined", "leave"))
                .param("knnReference", 50).run().output();
        for (int i = 0; i < a.size(); i++) {
            assertEquals(java.util.Arrays.toString(a.get(i)), java.util.Arrays.toString(b.get(i)));
        }
    }

    @Test
    void namedFeaturesAndTheirChecks() throws Exception {
        StepTestRunner r = knn(people()).param("knnFeatures", List.of("age")).run();
        assertEquals(80_000, (Double) r.output().get(0)[3], 3_000);
        knn(List.of()).param("knnFeatures", List.of("nope")).assertInvalid("knnFeatures", "nope");
        org.assay.api.step.StepFailure f = org.junit.jupiter.api.Assertions.assertThrows(
                org.assay.api.step.StepFailure.class, new StepTestRunner(new ImputeStepType(), dir.resolve("d"))
                        .input("in", PEOPLE, people(), 64).param("columns", Map.of("joined", "knn"))::run);
        assertTrue(f.getMessage().contains("'joined' is date, and knn does not fill dates"), f.getMessage());
    }
}

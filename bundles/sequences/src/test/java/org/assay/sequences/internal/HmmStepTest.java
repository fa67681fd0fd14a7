package org.assay.sequences.internal;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.model.ModelStore;
import org.assay.api.step.StepFailure;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HmmStepTest {

    @TempDir
    Path dir;

    static final Schema MONTHS = Schema.of(Field.of("customer_id", FieldType.INTEGER),
            Field.of("month", FieldType.INTEGER), Field.of("orders", FieldType.DECIMAL),
            Field.of("tickets", FieldType.DECIMAL), Field.of("channel", FieldType.STRING));

    /** The planted model: active, cooling, dormant. */
    static final double[][] TRANSITION = {{0.85, 0.12, 0.03}, {0.15, 0.65, 0.20}, {0.02, 0.08, 0.90}};
    static final double[] START = {0.5, 0.3, 0.2};
    static final double[] ORDERS = {5.0, 2.0, 0.3};
    static final double[] TICKETS = {0.5, 2.0, 0.2};
    static final String[][] CHANNELS = {{"app", "app", "web", "app"}, {"web", "app", "web", "web"},
            {"email", "email", "web", "email"}};

    /** Sequences drawn from the planted model; the last column of each row is the true state (not an input). */
    static List<Object[]> planted(int customers, int months, long seed, List<Integer> lastStates) {
        Random r = new Random(seed);
        List<Object[]> rows = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            int s = draw(START, r);
            for (int m = 0; m < months; m++) {
                if (m > 0) {
                    s = draw(TRANSITION[s], r);
                }
                rows.add(row((long) c, (long) m, ORDERS[s] + r.nextGaussian() * 0.8, TICKETS[s] + r.nextGaussian()
                        * 0.5, CHANNELS[s][r.nextInt(4)]));
            }
            if (lastStates != null) {
                lastStates.add(s);
            }
        }
        return rows;
    }

    private static int draw(double[] p, Random r) {
        double u = r.nextDouble();
        for (int i = 0; i < p.length; i++) {
            u -= p[i];
            if (u <= 0) {
                return i;
            }
        }
        return p.length - 1;
    }

    private StepTestRunner runner(Path where, List<Object[]> rows) {
        return new StepTestRunner(new HmmStepType(), where).input("in", MONTHS, rows, 500)
                .param("keyColumn", "customer_id").param("periodColumn", "month")
                .param("observations", List.of("orders", "tickets", "channel"));
    }

    @Test
    void recoversThePlantedTransitionsAndEmissionsAndDecodesTheCurrentState() throws Exception {
        List<Integer> truth = new ArrayList<>();
        StepTestRunner r = runner(dir, planted(400, 24, 11, truth)).param("states", 3).run();
        List<Object[]> transitions = r.output("transitions");
        for (Object[] t : transitions) {
            int from = (int) (long) (Long) t[0] - 1;
            int to = (int) (long) (Long) t[2] - 1;
            assertEquals(TRANSITION[from][to], (Double) t[4], 0.05, "transition " + (from + 1) + " -> " + (to + 1));
        }
        List<Object[]> states = r.output("states");
        assertEquals(List.of("active", "cooling", "dormant"), states.stream().map(s -> s[1]).toList());
        String active = (String) states.get(0)[2];
        assertTrue(active.startsWith("orders "), active);
        assertEquals(5.0, Double.parseDouble(active.substring(7, active.indexOf(' ', 7))), 0.15, active);
        assertTrue(((String) states.get(2)[2]).contains("channel mostly email"), states.get(2)[2].toString());
        List<Object[]> out = r.output();
        assertEquals(400, out.size());
        int right = 0;
        for (int c = 0; c < out.size(); c++) {
            Object[] o = out.get(c);
            assertEquals((long) c, o[0], "customers in first-seen order with their integer key");
            assertEquals(24L, o[1]);
            right += ((Long) o[2]).intValue() - 1 == truth.get(c) ? 1 : 0;
            double total = (Double) o[5] + (Double) o[6] + (Double) o[7];
            assertEquals(1.0, total, 1e-9, "same, more and less active add up");
        }
        assertTrue(right > 0.9 * out.size(), "current state right for " + right + " of 400");
        assertEquals(400 * 3, r.output("next").size());
        r.assertRowsAccountedFor();
    }

    @Test
    void bicChoosesThePlantedNumberOfStates() throws Exception {
        StepTestRunner r = runner(dir, planted(300, 24, 5, null)).param("minStates", 2).param("maxStates", 4).run();
        Path selection = r.artifacts().stream().filter(a -> a.file().endsWith(HmmStep.SELECTION_FILE)).findFirst()
                .orElseThrow().file();
        List<String> lines = Files.readAllLines(selection);
        assertEquals("states,log_likelihood,parameters,bic,iterations,converged,chosen", lines.get(0));
        assertEquals(4, lines.size());
        assertTrue(lines.get(2).startsWith("3,") && lines.get(2).endsWith(",true"), lines.toString());
        assertEquals(3, r.output("states").size());
    }

    static final Schema COUNTS = Schema.of(Field.of("customer_id", FieldType.STRING),
            Field.of("month", FieldType.DATE), Field.of("orders", FieldType.INTEGER),
            Field.of("tickets", FieldType.INTEGER));

    @Test
    void countsArePoissonAndBicFindsThePlantedStatesInThem() throws Exception {
        Random r = new Random(21);
        List<Object[]> rows = new ArrayList<>();
        java.time.LocalDate first = java.time.LocalDate.of(2025, 1, 1);
        for (int c = 0; c < 400; c++) {
            int s = draw(START, r);
            for (int m = 0; m < 24; m++) {
                if (m > 0) {
                    s = draw(TRANSITION[s], r);
                }
                rows.add(row("c" + c, first.plusMonths(m), (long) poisson(ORDERS[s], r),
                        (long) poisson(TICKETS[s], r)));
            }
        }
        rows.add(row("c1", first.plusMonths(30), -1L, 0L));
        StepTestRunner run = new StepTestRunner(new HmmStepType(), dir).input("in", COUNTS, rows, 1000)
                .param("keyColumn", "customer_id").param("periodColumn", "month")
                .param("observations", List.of("orders", "tickets")).param("minStates", 2).param("maxStates", 5)
                .run();
        List<Object[]> states = run.output("states");
        assertEquals(3, states.size(), "BIC over Poisson emissions: " + states.stream()
                .map(java.util.Arrays::toString).toList());
        for (int k = 0; k < 3; k++) {
            String d = (String) states.get(k)[2];
            double orders = Double.parseDouble(d.substring(7, d.indexOf(' ', 7)));
            assertEquals(ORDERS[k], orders, 0.1 + 0.05 * ORDERS[k], d);
        }
        assertEquals(1, run.quarantined().size());
        assertTrue(run.quarantined().get(0).reason().contains("below zero"));
        assertEquals("c0", run.output().get(0)[0], "a text key stays text");
        run.assertRowsAccountedFor();
    }

    private static int poisson(double mean, Random r) {
        double limit = Math.exp(-mean);
        int k = 0;
        double p = r.nextDouble();
        while (p > limit) {
            k++;
            p *= r.nextDouble();
        }
        return k;
    }

    @Test
    void logFactorialIsExactBelowTheTableAndCloseAbove() {
        assertEquals(Math.log(120), Hmm.logFactorial(5), 1e-12);
        double sum = 0;
        for (int i = 2; i <= 300; i++) {
            sum += Math.log(i);
        }
        assertEquals(sum, Hmm.logFactorial(300), 1e-9);
    }

    @Test
    void aStoredModelDecodesTheSameAsTheRunThatTrainedIt() throws Exception {
        List<Object[]> rows = planted(120, 12, 3, null);
        StepTestRunner trained = runner(dir.resolve("a"), rows).param("states", 3).run();
        StepTestRunner decoded = runner(dir.resolve("b"), rows).inputModel("model", trained.outputModel("model"))
                .run();
        assertEquals(text(trained.output()), text(decoded.output()));
        assertEquals(text(trained.output("transitions")), text(decoded.output("transitions")));
    }

    @Test
    void withAModelNameTheModelIsStoredAsANewChampionVersion() throws Exception {
        MemoryModelStore memory = new MemoryModelStore();
        List<Object[]> rows = planted(80, 10, 5, null);
        StepTestRunner r = new StepTestRunner(new HmmStepType(memory), dir).input("in", MONTHS, rows, 500)
                .param("keyColumn", "customer_id").param("periodColumn", "month")
                .param("observations", List.of("orders", "tickets", "channel")).param("states", 3)
                .param("modelName", "engagement").run();
        assertEquals(1, memory.saved.size());
        MemoryModelStore.Saved saved = memory.saved.get(0);
        assertEquals("engagement", saved.name());
        assertEquals(List.of(new MemoryModelStore.Promotion("engagement", 1, ModelStore.SYSTEM)), memory.promotions,
                "the new version is champion, promoted by the system principal");
        assertEquals(1, memory.champion("engagement").orElseThrow().version());
        java.util.Map<String, String> meta = saved.metadata();
        assertEquals("hmm", meta.get("algorithm"));
        assertEquals(HmmCodec.FORMAT, meta.get("format"));
        assertEquals("orders|tickets|channel", meta.get("observations"));
        assertEquals(3, meta.get("states").split("\\|").length);
        assertTrue(Double.parseDouble(meta.get("metric.bic")) > 0);
        try (java.io.InputStream in = r.outputModel("model").openContent()) {
            assertTrue(java.util.Arrays.equals(saved.content(), in.readAllBytes()),
                    "the store holds the model of the model port");
        }
        // Decoding with a model input stores nothing.
        new StepTestRunner(new HmmStepType(memory), dir.resolve("d")).input("in", MONTHS, rows, 500)
                .param("keyColumn", "customer_id").param("periodColumn", "month")
                .param("observations", List.of("orders", "tickets", "channel")).param("modelName", "engagement")
                .inputModel("model", r.outputModel("model")).run();
        assertEquals(1, memory.saved.size());
        // promote false: a second version, stored but not champion.
        new StepTestRunner(new HmmStepType(memory), dir.resolve("e")).input("in", MONTHS, rows, 500)
                .param("keyColumn", "customer_id").param("periodColumn", "month")
                .param("observations", List.of("orders", "tickets", "channel")).param("states", 3)
                .param("modelName", "engagement").param("promote", false).run();
        assertEquals(2, memory.versions("engagement").size());
        assertEquals(1, memory.promotions.size());
        assertEquals(1, memory.champion("engagement").orElseThrow().version());
    }

    @Test
    void withoutAStoreAModelNameFailsWithAdviceAndABadNameIsRefused() throws Exception {
        StepFailure f = assertThrows(StepFailure.class, () -> runner(dir, planted(30, 6, 2, null))
                .param("states", 2).param("modelName", "engagement").run());
        assertTrue(f.getMessage().contains("modelName 'engagement'"), f.getMessage());
        assertTrue(f.getMessage().contains("install the feature assay-miners"), f.getMessage());
        assertTrue(f.getMessage().contains("or leave out modelName"), f.getMessage());
        runner(dir, List.of()).param("modelName", "../etc").assertInvalid("modelName", "not a model name");
    }

    @Test
    void withoutAStoreTheStepFailsBeforeTraining() throws Exception {
        // An empty input trains nothing, so only the early check can fail this run.
        StepFailure f = assertThrows(StepFailure.class, () -> runner(dir, List.of()).param("states", 2)
                .param("modelName", "engagement").run());
        assertTrue(f.getMessage().contains("needs the model store"), f.getMessage());
        // Without modelName the step needs no store.
        runner(dir.resolve("b"), planted(30, 6, 2, null)).param("states", 2).run();
    }

    @Test
    void aModelTrainedOnOtherColumnsIsRefusedByName() throws Exception {
        List<Object[]> rows = planted(50, 6, 3, null);
        StepTestRunner trained = runner(dir.resolve("a"), rows).param("states", 2).run();
        StepTestRunner other = new StepTestRunner(new HmmStepType(), dir.resolve("b")).input("in", MONTHS, rows, 100)
                .param("keyColumn", "customer_id").param("periodColumn", "month")
                .param("observations", List.of("tickets", "orders", "channel"))
                .inputModel("model", trained.outputModel("model"));
        StepFailure f = assertThrows(StepFailure.class, other::run);
        assertTrue(f.getMessage().contains("[orders, tickets, channel]"), f.getMessage());
    }

    @Test
    void missingValuesAreLeftOutAndRowsWithoutKeyPeriodOrAnyObservationQuarantined() throws Exception {
        List<Object[]> rows = new ArrayList<>(planted(60, 8, 9, null));
        rows.add(row(1L, 99L, null, 1.0, null));
        rows.add(row(null, 1L, 1.0, 1.0, "app"));
        rows.add(row(2L, null, 1.0, 1.0, "app"));
        rows.add(row(3L, 100L, null, null, null));
        StepTestRunner r = runner(dir, rows).param("states", 2).run();
        assertEquals(3, r.quarantined().size());
        assertTrue(r.quarantined().get(2).reason().contains("no observation"));
        Object[] one = r.output().stream().filter(o -> o[0].equals(1L)).findFirst().orElseThrow();
        assertEquals(9L, one[1], "the period with only tickets is kept");
        r.assertRowsAccountedFor();
    }

    @Test
    void emptyInputWritesEmptyOutputs() throws Exception {
        StepTestRunner r = runner(dir, List.of()).run();
        assertTrue(r.output().isEmpty());
        assertTrue(r.output("states").isEmpty());
        r.assertRowsAccountedFor();
    }

    @Test
    void parameterRules() {
        runner(dir, List.of()).param("stateNames", List.of("a", "b")).assertInvalid("stateNames", "fixed number");
        runner(dir, List.of()).param("states", 3).param("stateNames", List.of("a", "b"))
                .assertInvalid("stateNames", "2 names for 3");
        runner(dir, List.of()).param("minStates", 4).param("maxStates", 2).assertInvalid("minStates", "above");
        runner(dir, List.of()).param("activityColumn", "month").assertInvalid("activityColumn", "observations");
        runner(dir, List.of()).param("observations", List.of("orders", "month"))
                .assertInvalid("observations", "period");
        runner(dir, List.of()).param("observations", List.of("nope")).assertInvalid("observations", "nope");
    }

    @Test
    void theModelFormatChecksItsCountsBeforeAllocating() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(HmmCodec.FORMAT);
            out.writeInt(2);
            out.writeInt(Integer.MAX_VALUE);
        }
        IOException e = assertThrows(IOException.class, () -> HmmCodec.read(new ByteArrayInputStream(
                bytes.toByteArray())));
        assertTrue(e.getMessage().contains("columns"), e.getMessage());
        assertThrows(IOException.class, () -> HmmCodec.read(new ByteArrayInputStream(new byte[] {0, 3, 'a', 'b',
                'c'})));
    }

    @Test
    void aSampleIsSeededSortedAndWithoutRepeats() {
        int[] a = HmmStep.sample(1000, 50, 4);
        assertArrayEquals(a, HmmStep.sample(1000, 50, 4));
        assertEquals(50, java.util.Arrays.stream(a).distinct().count());
        for (int i = 1; i < a.length; i++) {
            assertTrue(a[i] > a[i - 1]);
        }
        assertEquals(10, HmmStep.sample(10, 50, 4).length);
    }

    private static List<String> text(List<Object[]> rows) {
        return rows.stream().map(java.util.Arrays::toString).toList();
    }
}

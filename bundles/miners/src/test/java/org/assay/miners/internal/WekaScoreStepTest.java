package org.assay.miners.internal;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.model.TrainedModel;
import org.assay.api.step.StepFailure;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WekaScoreStepTest {

    @TempDir
    Path dir;

    private FileModelStore store() {
        return new FileModelStore(dir.resolve("models"));
    }

    private TrainedModel train(String algorithm, String storeAs) throws Exception {
        StepTestRunner r = new StepTestRunner(new WekaClassifyStepType(store()), dir.resolve("train"))
                .input("in", ChurnData.SCHEMA, ChurnData.rows(1500, 11), 128)
                .param("algorithm", algorithm);
        if (storeAs != null) {
            r.param("storeAs", storeAs);
        }
        return r.run().outputModel("model");
    }

    private StepTestRunner scorer() {
        return new StepTestRunner(new WekaScoreStepType(store()), dir.resolve("score"));
    }

    @Test
    void scoresWithProbabilitiesAndReasonsThatFollowThePlantedDrivers() throws Exception {
        TrainedModel model = train("weka.classifiers.functions.Logistic", null);
        List<Object[]> rows = List.of(
                row(1L, "a@example.com", "month-to-month", 2L, 70.0, 5L, null),
                row(2L, "b@example.com", "two-year", 70L, 70.0, 0L, null));
        StepTestRunner r = scorer().inputModel("model", model).input("in", ChurnData.SCHEMA, rows, 10).run();
        Schema out = r.outputSchema("out");
        assertEquals(List.of("prediction", "probability_yes", "probability_no", "reason_1", "reason_2", "reason_3"),
                out.names().subList(7, out.size()), "classes in order of appearance in the training rows");
        List<Object[]> scored = r.output();
        int yes = out.indexOf("probability_yes");
        double risky = (Double) scored.get(0)[yes];
        double safe = (Double) scored.get(1)[yes];
        assertTrue(risky > 0.7 && safe < 0.1, risky + " " + safe);
        assertEquals("yes", scored.get(0)[7]);
        assertEquals(1.0, (Double) scored.get(0)[out.indexOf("probability_no")] + risky, 1e-9);
        // The risky customer's reasons are the planted drivers, each raising the churn probability.
        int first = out.indexOf("reason_1");
        List<String> reasons = List.of((String) scored.get(0)[first], (String) scored.get(0)[first + 1],
                (String) scored.get(0)[first + 2]);
        assertTrue(reasons.stream().anyMatch(s -> s.startsWith("support_calls 5: +")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(s -> s.startsWith("tenure_months 2: +")), reasons.toString());
        assertTrue(reasons.stream().noneMatch(s -> s.startsWith("monthly_charges")), reasons.toString());
        assertTrue(((String) scored.get(1)[first]).contains(": -"), (String) scored.get(1)[first]);
        r.assertRowsAccountedFor();
    }

    @Test
    void topClassesListTheClassesByProbabilityBestFirst() throws Exception {
        TrainedModel model = train("weka.classifiers.functions.Logistic", null);
        List<Object[]> rows = List.of(
                row(1L, "a@example.com", "month-to-month", 2L, 70.0, 5L, null),
                row(2L, "b@example.com", "two-year", 70L, 70.0, 0L, null));
        StepTestRunner r = scorer().inputModel("model", model).input("in", ChurnData.SCHEMA, rows, 10)
                .param("topClasses", 5).param("reasons", 0).run();
        Schema out = r.outputSchema("out");
        assertEquals(List.of("prediction", "probability_yes", "probability_no", "top_1", "top_2"),
                out.names().subList(7, out.size()), "at most one column per class");
        List<Object[]> scored = r.output();
        assertEquals(List.of("yes", "no"), List.of(scored.get(0)[10], scored.get(0)[11]));
        assertEquals(List.of("no", "yes"), List.of(scored.get(1)[10], scored.get(1)[11]));
        r.assertRowsAccountedFor();
    }

    @Test
    void designTimeOutputMatchesTheRunAndMissingColumnsAreExplainedAtDeploy() throws Exception {
        TrainedModel model = train("weka.classifiers.trees.J48", null);
        Schema noTenure = Schema.of(ChurnData.SCHEMA.fields().stream().filter(f -> !f.name().equals("tenure_months"))
                .toList());
        new StepTestRunner(new WekaScoreStepType(store()), dir).input("in", noTenure, List.of(), 10)
                .inputModel("model", model);
        Map<String, Schema> schemas = Map.of("in", noTenure, "model", model.header());
        var problems = new WekaScoreStepType(store()).checkWithInputs(
                org.assay.api.step.Parameters.of(new WekaScoreStepType(store()).descriptor(), Map.of()), schemas);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).message().contains("needs column [tenure_months]"), problems.toString());

        Schema mistyped = ChurnData.SCHEMA.with(Field.of("support_calls", FieldType.STRING));
        problems = new WekaScoreStepType(store()).checkWithInputs(
                org.assay.api.step.Parameters.of(new WekaScoreStepType(store()).descriptor(), Map.of()),
                Map.of("in", mistyped, "model", model.header()));
        assertTrue(problems.get(0).message().contains("'support_calls' is string but the model was trained on integer"),
                problems.toString());
    }

    @Test
    void missingColumnsFailAtRunTimeWhenTheSchemaWasNotKnown() throws Exception {
        TrainedModel model = train("weka.classifiers.trees.J48", null);
        Schema small = Schema.of(Field.of("contract", FieldType.CATEGORICAL));
        StepFailure e = assertThrows(StepFailure.class, () -> scorer().inputModel("model", model)
                .input("in", small, List.<Object[]>of(row("one-year")), 10).run());
        assertTrue(e.getMessage().contains("tenure_months"), e.getMessage());
    }

    @Test
    void unseenCategoriesAndNullsAreScoredAsMissing() throws Exception {
        TrainedModel model = train("weka.classifiers.trees.J48", null);
        List<Object[]> rows = new ArrayList<>();
        rows.add(row(1L, null, "three-year", 10L, 50.0, 1L, null));
        rows.add(row(2L, null, null, null, null, null, null));
        StepTestRunner r = scorer().inputModel("model", model).input("in", ChurnData.SCHEMA, rows, 10)
                .param("reasons", 0).run();
        assertEquals(2, r.output().size());
        assertTrue(r.output().get(0)[7] != null);
        r.assertRowsAccountedFor();
    }

    @Test
    void regressionScoresAValue() throws Exception {
        Schema schema = Schema.of(Field.of("x", FieldType.DECIMAL), Field.of("y", FieldType.DECIMAL));
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            rows.add(row((double) i, 2.0 * i + 1));
        }
        TrainedModel model = new StepTestRunner(new WekaClassifyStepType(store()), dir.resolve("t"))
                .input("in", schema, rows, 10).param("target", "y")
                .param("algorithm", "weka.classifiers.functions.LinearRegression").run().outputModel("model");
        StepTestRunner r = scorer().inputModel("model", model)
                .input("in", Schema.of(Field.of("x", FieldType.DECIMAL)), List.<Object[]>of(row(100.0), new Object[] {null}), 10)
                .param("reasons", 1).run();
        assertEquals(201.0, (Double) r.output().get(0)[1], 1e-6);
        assertEquals("x 100: +151", r.output().get(0)[2].toString().replaceAll("\\.0+:", ":").replaceAll("(\\+\\d+)\\.00", "$1"));
        assertNull(r.output().get(1)[2]);
    }

    @Test
    void scoresWithTheStoredChampion() throws Exception {
        train("weka.classifiers.trees.J48", "churn");
        StepTestRunner r = scorer().param("modelName", "churn")
                .input("in", ChurnData.SCHEMA, ChurnData.rows(20, 3), 10).run();
        assertEquals(20, r.output().size());
        StepFailure e = assertThrows(StepFailure.class, () -> scorer().param("modelName", "churn")
                .param("version", "7").input("in", ChurnData.SCHEMA, ChurnData.rows(2, 3), 10).run());
        assertTrue(e.getMessage().contains("has no version 7; it has [v1]"), e.getMessage());
        e = assertThrows(StepFailure.class, () -> scorer().param("modelName", "other")
                .input("in", ChurnData.SCHEMA, ChurnData.rows(2, 3), 10).run());
        assertTrue(e.getMessage().contains("has no model 'other'; it has [churn]"), e.getMessage());
    }

    /**
     * A version that subject erasure marked tainted (its keys written into model.properties the
     * way bundles/governance does) is refused at deploy and at run time, by name and version, and
     * the retrained version replaces it as champion.
     */
    @Test
    void aTaintedModelIsRefusedEverywhereAndTheRetrainedOneReplacesIt() throws Exception {
        train("weka.classifiers.trees.J48", "churn");
        Path meta = dir.resolve("models").resolve("churn").resolve("v1").resolve(FileModelStore.META_FILE);
        java.util.Properties p = new java.util.Properties();
        try (var in = java.nio.file.Files.newBufferedReader(meta)) {
            p.load(in);
        }
        p.setProperty(org.assay.api.audit.ModelTaint.TAINTED, "true");
        p.setProperty(org.assay.api.audit.ModelTaint.REASON, "trained by run r-1 on rows of data subject sha256:ab12");
        try (var out = java.nio.file.Files.newBufferedWriter(meta)) {
            p.store(out, null);
        }

        // At run time (a version tainted after the workflow was deployed) ...
        StepFailure e = assertThrows(StepFailure.class, () -> ScoreStep.resolve(store(), "churn", new ScoreParameters(
                java.util.Optional.of("churn"), "champion", "prediction", true, 0, java.util.Optional.empty(), 3, true,
                java.util.Optional.empty())));
        assertTrue(e.getMessage().contains("model churn v1 is tainted (trained by run r-1 on rows of data subject "
                + "sha256:ab12)"), e.getMessage());
        assertTrue(e.getMessage().contains("assay:subject-erase --rerun"), e.getMessage());
        // ... and at deploy, when the version is already tainted.
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> scorer()
                .param("modelName", "churn").input("in", ChurnData.SCHEMA, ChurnData.rows(5, 3), 10).run());
        assertTrue(refused.getMessage().contains("model churn v1 is tainted"), refused.getMessage());
        scorer().param("modelName", "churn").param("version", "1").input("in", ChurnData.SCHEMA, List.of(), 10)
                .assertInvalid("modelName", "model churn v1 is tainted");
        java.io.IOException opened = assertThrows(java.io.IOException.class, () -> store().open("churn", 1));
        assertTrue(opened.getMessage().contains("is tainted"), opened.getMessage());
        IllegalArgumentException promoted = assertThrows(IllegalArgumentException.class,
                () -> store().promote("churn", 1));
        assertTrue(promoted.getMessage().contains("is tainted"), promoted.getMessage());

        train("weka.classifiers.trees.J48", "churn");
        assertEquals(2, store().champion("churn").orElseThrow().version(), "the retrained version replaces the"
                + " tainted champion, whatever its figures");
        assertEquals(5, scorer().param("modelName", "churn").input("in", ChurnData.SCHEMA, ChurnData.rows(5, 3), 10)
                .run().output().size());
        IllegalStateException back = assertThrows(IllegalStateException.class, () -> store().rollback("churn"));
        assertTrue(back.getMessage().contains("cannot roll back: model churn v1 is tainted"), back.getMessage());
    }

    @Test
    void noModelAtAllIsAPlainFailure() {
        StepFailure e = assertThrows(StepFailure.class, () -> scorer()
                .input("in", ChurnData.SCHEMA, ChurnData.rows(2, 3), 10).run());
        assertTrue(e.getMessage().contains("connect input 'model'"), e.getMessage());
    }

    @Test
    void badParametersAreRefused() {
        scorer().param("version", "latest").assertInvalid("version", "neither champion nor a version number");
        scorer().param("modelName", "../../etc").assertInvalid("modelName", "not a model name");
    }
}

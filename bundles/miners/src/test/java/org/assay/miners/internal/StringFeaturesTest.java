package org.assay.miners.internal;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.model.TrainedModel;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows as csv-reader gives them from an undeclared public churn file (IBM Telco, bank churn):
 * every text column string, a text key, surnames, a string Yes/No target, missing charges.
 * The categories among the strings are features, the key and the surnames are left out with
 * the reason, and weka-score encodes the same columns the same way.
 */
class StringFeaturesTest {

    static final Schema SCHEMA = Schema.of(
            Field.of("customerID", FieldType.STRING),
            Field.of("Surname", FieldType.STRING),
            Field.of("Contract", FieldType.STRING),
            Field.of("PaymentMethod", FieldType.STRING),
            Field.of("tenure", FieldType.INTEGER),
            Field.of("TotalCharges", FieldType.DECIMAL),
            Field.of("Churn", FieldType.STRING));

    private static final String[] CONTRACTS = {"Month-to-month", "One year", "Two year"};
    private static final String[] PAYMENTS = {"Electronic check", "Mailed check", "Credit card (automatic)"};

    @TempDir
    Path dir;

    static List<Object[]> rows(int n, long seed) {
        Random random = new Random(seed);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String contract = CONTRACTS[random.nextInt(3)];
            String payment = PAYMENTS[random.nextInt(3)];
            long tenure = random.nextInt(72);
            double logit = -1.5 + ("Month-to-month".equals(contract) ? 1.8 : -0.5)
                    + ("Electronic check".equals(payment) ? 0.8 : 0) - 0.03 * tenure;
            boolean churn = random.nextDouble() < 1 / (1 + Math.exp(-logit));
            rows.add(row(String.format("%04d-%c%c", i, (char) ('A' + i % 26), (char) ('A' + i / 26 % 26)),
                    "Surname" + random.nextInt(n / 3), contract, payment, tenure, tenure == 0 ? null : tenure * 55.5,
                    churn ? "Yes" : "No"));
        }
        return rows;
    }

    private TrainedModel train(StepTestRunner r) throws Exception {
        return r.run().outputModel("model");
    }

    @Test
    void lowCardinalityStringsAreNominalFeaturesAndKeysAndNamesAreLeftOutWithTheReason() throws Exception {
        StepTestRunner r = new StepTestRunner(new WekaClassifyStepType(new FileModelStore(dir.resolve("models"))),
                dir.resolve("train")).input("in", SCHEMA, rows(1200, 3), 100)
                .param("target", "Churn").param("algorithm", "weka.classifiers.functions.Logistic");
        TrainedModel model = train(r);

        Schema header = model.header();
        assertEquals(List.of("Contract", "PaymentMethod", "tenure", "TotalCharges", "Churn"), header.names());
        assertEquals(FieldType.CATEGORICAL, header.field("Contract").type());
        assertEquals(List.of(CONTRACTS), header.field("Contract").categories(), "values from the data, sorted");
        assertEquals(List.of("No", "Yes"), header.field("Churn").categories(), "a string target is nominal");
        assertEquals("Yes", model.property("positiveClass").orElseThrow(), "the rarer class");
        double auc = Double.parseDouble(model.property("metric.auc").orElseThrow());
        assertTrue(auc > 0.7, "the string columns carry the planted drivers: auc " + auc);

        String metrics = Files.readString(dir.resolve("train/artifacts/metrics.json"));
        assertTrue(metrics.contains("\"features\": [\"Contract\", \"PaymentMethod\", \"tenure\", \"TotalCharges\"]"),
                metrics);
        assertTrue(metrics.contains("{\"column\": \"customerID\", \"reason\": \"text with more than 50 distinct"
                + " values (an id, a name or free text), too many for a category\"}"), metrics);
        assertTrue(metrics.contains("{\"column\": \"Surname\", \"reason\": \"text with more than 50"), metrics);
        String summary = Files.readString(dir.resolve("train/artifacts/model-summary.txt"));
        assertTrue(summary.contains("Surname: text with more than 50 distinct values"), summary);
        r.assertRowsAccountedFor();
    }

    @Test
    void aNamedStringColumnIsUsedWhateverItsValues() throws Exception {
        StepTestRunner r = new StepTestRunner(new WekaClassifyStepType(new FileModelStore(dir.resolve("models"))),
                dir.resolve("train")).input("in", SCHEMA, rows(300, 4), 100)
                .param("target", "Churn").param("columns", List.of("Surname", "tenure"))
                .param("algorithm", "weka.classifiers.trees.J48");
        assertEquals(List.of("Surname", "tenure", "Churn"), train(r).header().names());
    }

    @Test
    void aZeroOneIntegerTargetIsTwoClassesByDefaultAndANumberWithANamedRegression() throws Exception {
        Schema bank = Schema.of(Field.of("CustomerId", FieldType.INTEGER), Field.of("Surname", FieldType.STRING),
                Field.of("Geography", FieldType.STRING), Field.of("Age", FieldType.INTEGER),
                Field.of("Exited", FieldType.INTEGER));
        Random random = new Random(8);
        List<Object[]> rows = new ArrayList<>();
        String[] countries = {"France", "Spain", "Germany"};
        for (int i = 0; i < 600; i++) {
            String country = countries[random.nextInt(3)];
            long age = 18 + random.nextInt(60);
            double logit = -3 + ("Germany".equals(country) ? 0.8 : 0) + 0.05 * (age - 18);
            rows.add(row(15_600_000L + i, "S" + random.nextInt(300), country, age,
                    random.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1L : 0L));
        }
        WekaClassifyStepType type = new WekaClassifyStepType(new FileModelStore(dir.resolve("models")));
        StepTestRunner r = new StepTestRunner(type, dir.resolve("auto")).input("in", bank, rows, 100)
                .param("target", "Exited");
        TrainedModel model = train(r);
        assertEquals("weka.classifiers.functions.Logistic", model.algorithm());
        assertEquals(List.of("Geography", "Age", "Exited"), model.header().names(), "key and surnames left out");
        assertEquals(List.of("0", "1"), model.header().field("Exited").categories());
        assertEquals("1", model.property("positiveClass").orElseThrow());
        assertEquals("classification", model.property("task").orElseThrow());
        r.assertRowsAccountedFor();

        TrainedModel regression = train(new StepTestRunner(type, dir.resolve("named")).input("in", bank, rows, 100)
                .param("target", "Exited").param("algorithm", "weka.classifiers.functions.LinearRegression"));
        assertEquals("regression", regression.property("task").orElseThrow());
    }

    @Test
    void aStringColumnWithFewValuesButTooFewRowsPerValueIsLeftOutWithItsCounts() throws Exception {
        List<Object[]> rows = rows(300, 6);
        String[] plans = {"basic", "plus", "pro", "max", "family", "student", "senior", "business", "trial", "legacy",
            "promo", "annual", "monthly", "weekly", "gold", "silver"};
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i)[1] = plans[i % plans.length]; // 16 values in 300 rows: more than 5% of the rows
        }
        StepTestRunner r = new StepTestRunner(new WekaClassifyStepType(new FileModelStore(dir.resolve("models"))),
                dir.resolve("train")).input("in", SCHEMA, rows, 100).param("target", "Churn");
        assertEquals(List.of("Contract", "PaymentMethod", "tenure", "TotalCharges", "Churn"), train(r).header().names());
        String summary = Files.readString(dir.resolve("train/artifacts/model-summary.txt"));
        assertTrue(summary.contains("Surname: text with 16 distinct values in 300 rows, too many for a category (at"
                + " most 50, and at most 5% of the rows)"), summary);
    }

    @Test
    void theCardinalityRule() {
        assertTrue(PredictorColumns.readsAsCategory(2, 3), "two values always pass");
        assertTrue(PredictorColumns.readsAsCategory(3, 60));
        assertFalse(PredictorColumns.readsAsCategory(3, 59), "more than 5% of the rows");
        assertTrue(PredictorColumns.readsAsCategory(50, 1000));
        assertFalse(PredictorColumns.readsAsCategory(51, 100_000), "more than 50 values");
    }

    @Test
    void scoringEncodesStringsTheSameWayAndScoresUnseenValuesAsMissing() throws Exception {
        FileModelStore store = new FileModelStore(dir.resolve("models"));
        TrainedModel model = train(new StepTestRunner(new WekaClassifyStepType(store), dir.resolve("train"))
                .input("in", SCHEMA, rows(1200, 5), 100).param("target", "Churn")
                .param("algorithm", "weka.classifiers.functions.Logistic"));
        Schema fresh = Schema.of(SCHEMA.fields().subList(0, 6));
        List<Object[]> rows = List.of(
                row("9999-ZZ", "Nobody", "Month-to-month", "Electronic check", 1L, 55.5),
                row("9998-ZZ", "Nobody", "Two year", "Mailed check", 70L, 3885.0),
                row("9997-ZZ", "Nobody", "Three year", "Mailed check", 70L, null));
        StepTestRunner s = new StepTestRunner(new WekaScoreStepType(store), dir.resolve("score"))
                .inputModel("model", model).input("in", fresh, rows, 10).param("reasons", 0).run();
        Schema out = s.outputSchema("out");
        List<Object[]> scored = s.output();
        int yes = out.indexOf("probability_Yes");
        double risky = (Double) scored.get(0)[yes];
        double safe = (Double) scored.get(1)[yes];
        assertTrue(risky > 0.5 && safe < 0.15, risky + " " + safe);
        assertTrue(scored.get(2)[yes] != null, "an unseen contract is scored as missing, not refused");
        s.assertRowsAccountedFor();
    }
}

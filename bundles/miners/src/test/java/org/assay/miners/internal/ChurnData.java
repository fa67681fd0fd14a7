package org.assay.miners.internal;

import static org.assay.testkit.StepTestRunner.row;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import weka.core.Attribute;
import weka.core.Instance;
import weka.core.Instances;

/** Test data: generated churn rows with planted drivers, and Weka's credit-g as step input. */
final class ChurnData {

    static final Schema SCHEMA = Schema.of(
            Field.of("customer_id", FieldType.INTEGER).withTags(FieldTag.ID),
            Field.of("email", FieldType.STRING).withTags(FieldTag.PII),
            Field.of("contract", FieldType.CATEGORICAL),
            Field.of("tenure_months", FieldType.INTEGER),
            Field.of("monthly_charges", FieldType.DECIMAL),
            Field.of("support_calls", FieldType.INTEGER),
            Field.of("churned", FieldType.CATEGORICAL).withTags(FieldTag.TARGET));

    private ChurnData() {
    }

    /**
     * Churn driven by a month-to-month contract, short tenure and support calls; charges are
     * noise. About a quarter churn.
     */
    static List<Object[]> rows(int n, long seed) {
        Random random = new Random(seed);
        String[] contracts = {"month-to-month", "one-year", "two-year"};
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String contract = contracts[random.nextInt(3)];
            long tenure = 1 + random.nextInt(72);
            double charges = Math.round((20 + random.nextDouble() * 100) * 100) / 100.0;
            long calls = random.nextInt(6);
            double logit = -2.2 + ("month-to-month".equals(contract) ? 1.8 : 0) - 0.04 * tenure + 0.55 * calls;
            boolean churn = random.nextDouble() < 1 / (1 + Math.exp(-logit));
            rows.add(row((long) (1000 + i), "c" + i + "@example.com", contract, tenure, charges, calls,
                    churn ? "yes" : "no"));
        }
        return rows;
    }

    static Instances creditG() throws Exception {
        try (InputStream in = Instances.class.getClassLoader()
                .getResourceAsStream("weka/gui/knowledgeflow/templates/credit-g.arff");
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            Instances data = new Instances(reader);
            data.setClassIndex(data.numAttributes() - 1);
            return data;
        }
    }

    /** The ARFF header as an Assay schema: nominal attributes categorical with their declared values. */
    static Schema schemaOf(Instances data) {
        List<Field> fields = new ArrayList<>();
        for (int j = 0; j < data.numAttributes(); j++) {
            Attribute a = data.attribute(j);
            fields.add(a.isNominal() ? Field.of(a.name(), FieldType.CATEGORICAL).withCategories(TrainingData.values(a))
                    : Field.of(a.name(), FieldType.DECIMAL));
        }
        return Schema.of(fields);
    }

    static List<Object[]> rowsOf(Instances data) {
        List<Object[]> rows = new ArrayList<>();
        for (Instance in : data) {
            Object[] r = new Object[data.numAttributes()];
            for (int j = 0; j < r.length; j++) {
                r[j] = in.isMissing(j) ? null : data.attribute(j).isNominal() ? in.stringValue(j) : in.value(j);
            }
            rows.add(r);
        }
        return rows;
    }
}

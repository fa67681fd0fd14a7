package org.assay.samples;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Generates the churn sample: customers of a subscription business and whether they left.
 * Deterministic. Churn is planted with a logistic model on known drivers, so a workflow can
 * be checked against them: a month-to-month contract (+1.6 on the log-odds), paying by
 * electronic check (+0.7), each support call (+0.45), each month of tenure (-0.035) and,
 * weakly, higher monthly charges (+0.01 per unit). Region is noise, e-mail is personal data,
 * customer_id a key; none of them may drive the model. About one customer in five churns.
 *
 * <p>{@code data/churn.csv} has the churned column (training); {@code data/churn-new.csv} has
 * other customers without it (to score).
 */
public final class ChurnDataGenerator {

    public static final String HEADER = "customer_id,email,contract,payment_method,tenure_months,monthly_charges,"
            + "support_calls,region,churned";
    public static final long SEED = 20_261_201L;
    public static final int TRAINING_ROWS = 4_000;
    public static final int NEW_ROWS = 500;
    private static final String[] CONTRACTS = {"month-to-month", "month-to-month", "one-year", "two-year"};
    private static final String[] PAYMENTS = {"electronic-check", "card", "bank-transfer", "mailed-check"};
    private static final String[] REGIONS = {"north", "south", "east", "west"};

    private final Random random;

    ChurnDataGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** The committed training sample, data/churn.csv. */
    public static String training() {
        return render(SEED, TRAINING_ROWS, 200_001, true);
    }

    /** The committed customers to score, data/churn-new.csv (no churned column). */
    public static String fresh() {
        return render(SEED + 1, NEW_ROWS, 300_001, false);
    }

    private static String render(long seed, int rows, long firstId, boolean withChurn) {
        StringWriter w = new StringWriter();
        try {
            new ChurnDataGenerator(seed).write(w, rows, firstId, withChurn);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return w.toString();
    }

    /** The planted churn probability, for tests. */
    static double churnProbability(String contract, String payment, int tenure, double charges, int calls) {
        double logit = -1.9 + ("month-to-month".equals(contract) ? 1.6 : 0)
                + ("electronic-check".equals(payment) ? 0.7 : 0) + 0.45 * calls - 0.035 * tenure + 0.01 * (charges - 70);
        return 1 / (1 + Math.exp(-logit));
    }

    void write(Writer w, int rows, long firstId, boolean withChurn) throws IOException {
        w.write(withChurn ? HEADER : HEADER.substring(0, HEADER.lastIndexOf(',')));
        w.write('\n');
        for (int i = 0; i < rows; i++) {
            long id = firstId + i;
            String contract = CONTRACTS[random.nextInt(CONTRACTS.length)];
            String payment = PAYMENTS[random.nextInt(PAYMENTS.length)];
            int tenure = 1 + random.nextInt(72);
            double charges = Math.round((20 + random.nextDouble() * 100) * 100) / 100.0;
            int calls = Math.min(9, (int) Math.floor(-Math.log(1 - random.nextDouble()) * 1.5));
            String region = REGIONS[random.nextInt(REGIONS.length)];
            boolean churned = random.nextDouble() < churnProbability(contract, payment, tenure, charges, calls);
            w.write(id + ",customer" + id + "@example.com," + contract + "," + payment + "," + tenure + ","
                    + String.format(Locale.ROOT, "%.2f", charges) + "," + calls + "," + region
                    + (withChurn ? "," + (churned ? "yes" : "no") : "") + "\n");
        }
    }

    /** Writes both files into the folder given (default data/). */
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "data");
        try (BufferedWriter w = Files.newBufferedWriter(folder.resolve("churn.csv"), StandardCharsets.UTF_8)) {
            w.write(training());
        }
        try (BufferedWriter w = Files.newBufferedWriter(folder.resolve("churn-new.csv"), StandardCharsets.UTF_8)) {
            w.write(fresh());
        }
    }
}

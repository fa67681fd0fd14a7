package org.assay.samples;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;

/**
 * Generates the sample monthly activity (data/monthly-activity.csv): customer_id, month, orders,
 * tickets, channel, one row per customer and month over 24 months. Drawn from a planted hidden
 * Markov model with three engagement states, which the engagement-states sample should recover:
 *
 * <ul>
 *   <li>active: about 5 orders and 0.5 tickets a month, mostly through the app;</li>
 *   <li>cooling: about 2 orders and 2 tickets (trouble), web;</li>
 *   <li>dormant: about 0.3 orders and 0.2 tickets, e-mail only;</li>
 *   <li>transitions {@link #TRANSITION}, starting shares {@link #START}. Orders and tickets are
 *       Poisson counts around those means.</li>
 * </ul>
 */
public final class EngagementDataGenerator {

    public static final String HEADER = "customer_id,month,orders,tickets,channel";
    public static final long SEED = 20_261_203L;
    public static final int CUSTOMERS = 1_500;
    public static final int MONTHS = 24;
    public static final LocalDate FIRST_MONTH = LocalDate.of(2025, 1, 1);
    public static final double[][] TRANSITION = {{0.85, 0.12, 0.03}, {0.15, 0.65, 0.20}, {0.02, 0.08, 0.90}};
    public static final double[] START = {0.5, 0.3, 0.2};
    public static final double[] ORDERS = {5.0, 2.0, 0.3};
    public static final double[] TICKETS = {0.5, 2.0, 0.2};
    static final String[][] CHANNELS = {{"app", "app", "app", "web"}, {"web", "web", "app", "web"},
        {"email", "email", "email", "web"}};

    private final Random random;

    EngagementDataGenerator(long seed) {
        this.random = new Random(seed);
    }

    public static String sample() {
        StringWriter w = new StringWriter();
        try {
            new EngagementDataGenerator(SEED).write(w);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return w.toString();
    }

    void write(Writer w) throws IOException {
        w.write(HEADER);
        w.write('\n');
        for (int c = 0; c < CUSTOMERS; c++) {
            int state = draw(START);
            for (int m = 0; m < MONTHS; m++) {
                if (m > 0) {
                    state = draw(TRANSITION[state]);
                }
                w.write(String.format(Locale.ROOT, "%d,%s,%d,%d,%s\n", 200_001 + c, FIRST_MONTH.plusMonths(m),
                        poisson(ORDERS[state]), poisson(TICKETS[state]), CHANNELS[state][random.nextInt(4)]));
            }
        }
    }

    private int draw(double[] p) {
        double u = random.nextDouble();
        for (int i = 0; i < p.length; i++) {
            u -= p[i];
            if (u <= 0) {
                return i;
            }
        }
        return p.length - 1;
    }

    private int poisson(double mean) {
        double limit = Math.exp(-mean);
        int k = 0;
        double p = random.nextDouble();
        while (p > limit) {
            k++;
            p *= random.nextDouble();
        }
        return k;
    }

    /** Writes the sample to the file given (default data/monthly-activity.csv). */
    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "data/monthly-activity.csv");
        try (BufferedWriter w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            new EngagementDataGenerator(SEED).write(w);
        }
    }
}

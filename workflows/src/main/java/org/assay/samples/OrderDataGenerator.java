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
 * Generates the sample orders that go with {@link CustomerDataGenerator}'s customers
 * (customer ids 100001 up): order_id, customer_id, order_date, amount, channel. Deterministic.
 * Most customers order a few times, some often, some never; a few orders are refunds
 * (negative amounts) that a workflow filters out.
 */
public final class OrderDataGenerator {

    public static final String HEADER = "order_id,customer_id,order_date,amount,channel";
    public static final long SEED = 20_241_101L;
    public static final int CUSTOMERS = CustomerDataGenerator.SAMPLE_ROWS;
    private static final String[] CHANNELS = {"web", "web", "web", "app", "app", "store"};
    private static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);

    private final Random random;

    OrderDataGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** The committed sample, data/orders.csv. */
    public static String sample() {
        StringWriter w = new StringWriter();
        try {
            new OrderDataGenerator(SEED).write(w, CUSTOMERS);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return w.toString();
    }

    void write(Writer w, int customers) throws IOException {
        w.write(HEADER);
        w.write('\n');
        long orderId = 500_001;
        for (int c = 0; c < customers; c++) {
            long customerId = 100_001 + c;
            // Skewed: about one in eight never orders, a few order a lot.
            double u = random.nextDouble();
            int orders = u < 0.12 ? 0 : u < 0.9 ? 1 + random.nextInt(5) : 6 + random.nextInt(20);
            for (int o = 0; o < orders; o++) {
                LocalDate day = FIRST_DAY.plusDays(random.nextInt(548));
                double amount = Math.round(Math.exp(3 + random.nextGaussian() * 0.8) * 100) / 100.0;
                if (random.nextDouble() < 0.03) {
                    amount = -amount;
                }
                w.write(orderId++ + "," + customerId + "," + day + "," + String.format(Locale.ROOT, "%.2f", amount)
                        + "," + CHANNELS[random.nextInt(CHANNELS.length)] + "\n");
            }
        }
    }

    /** Writes the sample to the file given (default data/orders.csv). */
    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "data/orders.csv");
        try (BufferedWriter w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            new OrderDataGenerator(SEED).write(w, CUSTOMERS);
        }
    }
}

package org.assay.samples;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Generates the sample shop order lines (data/order-lines.csv): order_id, customer_id,
 * order_date, item, quantity, amount. Deterministic, with planted truth for the market-basket
 * and forecast samples:
 *
 * <ul>
 *   <li>co-purchases: 80% of baskets with diapers also hold beer; 70% of baskets with pasta and
 *       tomato sauce also hold parmesan. Every other item is bought independently.</li>
 *   <li>customers: half are parents (diapers often), half cooks (pasta and sauce often), so a
 *       customer's next basket follows the rules mined from everyone's baskets.</li>
 *   <li>orders per month: 80 in January 2019, growing 1.5% a month, times a yearly season of
 *       +-30% peaking in December, over 72 months (2019-01 to 2024-12).</li>
 * </ul>
 */
public final class OrderLineDataGenerator {

    public static final String HEADER = "order_id,customer_id,order_date,item,quantity,amount";
    public static final long SEED = 20_261_201L;
    public static final int CUSTOMERS = 1_500;
    public static final int MONTHS = 72;
    public static final LocalDate FIRST_MONTH = LocalDate.of(2019, 1, 1);
    public static final double GROWTH = 1.015;
    public static final double SEASON = 0.3;
    static final String[] FILLER = {"bread", "milk", "eggs", "coffee", "tea", "apples", "bananas", "cheese",
        "yoghurt", "rice", "butter", "chicken", "onions", "carrots", "chocolate", "water", "juice", "cereal",
        "soap", "toothpaste"};
    private static final double[] PRICES = {2.1, 1.2, 2.9, 6.5, 3.4, 2.6, 1.9, 4.8, 1.5, 2.2, 2.4, 7.9, 1.1, 0.9,
        2.3, 0.6, 2.8, 3.9, 1.7, 2.5};

    private final Random random;

    OrderLineDataGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** Expected orders in month {@code m} (0 = January 2019): trend times season. */
    public static double expectedOrders(int m) {
        int month = FIRST_MONTH.plusMonths(m).getMonthValue();
        return 80 * Math.pow(GROWTH, m) * (1 + SEASON * Math.cos(2 * Math.PI * (month - 12) / 12.0));
    }

    /** The committed sample. */
    public static String sample() {
        StringWriter w = new StringWriter();
        try {
            new OrderLineDataGenerator(SEED).write(w);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return w.toString();
    }

    void write(Writer w) throws IOException {
        w.write(HEADER);
        w.write('\n');
        long orderId = 700_001;
        for (int m = 0; m < MONTHS; m++) {
            LocalDate month = FIRST_MONTH.plusMonths(m);
            int orders = poisson(expectedOrders(m));
            for (int o = 0; o < orders; o++) {
                int customer = random.nextInt(CUSTOMERS);
                LocalDate day = month.plusDays(random.nextInt(month.lengthOfMonth()));
                for (String item : basket(customer % 2 == 0)) {
                    int quantity = 1 + (random.nextDouble() < 0.25 ? 1 + random.nextInt(2) : 0);
                    double amount = quantity * price(item);
                    w.write(orderId + "," + (200_001 + customer) + "," + day + "," + item + "," + quantity + ","
                            + String.format(Locale.ROOT, "%.2f", amount) + "\n");
                }
                orderId++;
            }
        }
    }

    private Set<String> basket(boolean parent) {
        Set<String> items = new LinkedHashSet<>();
        if (random.nextDouble() < (parent ? 0.45 : 0.03)) {
            items.add("diapers");
            if (random.nextDouble() < 0.8) {
                items.add("beer");
            }
        } else if (random.nextDouble() < 0.06) {
            items.add("beer");
        }
        if (random.nextDouble() < (parent ? 0.04 : 0.45)) {
            items.add("pasta");
            items.add("tomato sauce");
            if (random.nextDouble() < 0.7) {
                items.add("parmesan");
            }
        } else if (random.nextDouble() < 0.03) {
            items.add("parmesan");
        }
        for (int i = 0; i < FILLER.length; i++) {
            if (random.nextDouble() < 0.3 / (1 + 0.25 * i)) {
                items.add(FILLER[i]);
            }
        }
        if (items.isEmpty()) {
            items.add(FILLER[random.nextInt(FILLER.length)]);
        }
        return items;
    }

    private static double price(String item) {
        return switch (item) {
            case "diapers" -> 12.5;
            case "beer" -> 5.9;
            case "pasta" -> 1.8;
            case "tomato sauce" -> 2.7;
            case "parmesan" -> 4.6;
            default -> PRICES[java.util.Arrays.asList(FILLER).indexOf(item)];
        };
    }

    /** Knuth's method is fine for the means here (below 400). */
    private int poisson(double mean) {
        double limit = Math.exp(-mean);
        if (limit == 0) {
            return (int) Math.round(mean + Math.sqrt(mean) * random.nextGaussian());
        }
        int k = 0;
        double p = random.nextDouble();
        while (p > limit) {
            k++;
            p *= random.nextDouble();
        }
        return k;
    }

    /** Writes the sample to the file given (default data/order-lines.csv). */
    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "data/order-lines.csv");
        try (BufferedWriter w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            new OrderLineDataGenerator(SEED).write(w);
        }
    }
}

package org.assay.samples;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a realistic, reproducible customer table as CSV: the sample data of the shipped
 * workflows ({@code data/customers.csv}) and, for benchmarks, files of any size.
 *
 * <p>Columns: customer_id, first_name, last_name, email, city, age, income (whole
 * currency units), tenure_months, orders, total_spend (two decimals), last_purchase (ISO
 * date, relative to {@link #AS_OF}). Every customer belongs to one of four hidden
 * segments that drive correlated behaviour, so clustering has something to find:
 * <ul>
 * <li>loyal high spenders (20%): older, high income, long tenure, many large orders, bought recently;</li>
 * <li>bargain hunters (35%): younger, lower income, many small orders, bought recently;</li>
 * <li>lapsed (27%): few orders, last purchase 6 to 24 months ago;</li>
 * <li>new (18%): tenure up to 6 months, one to four orders.</li>
 * </ul>
 * About 3% of age, income and total_spend are missing (mostly empty, sometimes "NA").
 * Malformed lines, when asked for, replace customer lines at seeded positions: a field
 * missing or too many, a line cut short, a non-numeric age or income; they are the rows a
 * csv-reader should quarantine.
 *
 * <p>The output depends only on the seed and the arguments: {@link Random} is specified
 * bit for bit, and all formatting is locale-independent integer arithmetic.
 */
public final class CustomerDataGenerator {

    /** The seed of the shipped sample. */
    public static final long SEED = 20_240_601L;
    /** Customers in the shipped sample. */
    public static final int SAMPLE_ROWS = 3000;
    /** Malformed lines in the shipped sample. */
    public static final int SAMPLE_MALFORMED = 8;
    /** The day the data is "exported": last purchases and tenures count back from it. */
    public static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

    public static final String HEADER =
            "customer_id,first_name,last_name,email,city,age,income,tenure_months,orders,total_spend,last_purchase";

    private static final long FIRST_ID = 100_001L;
    private static final double MISSING = 0.03;

    private static final String[] FIRST_NAMES = {
        "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
        "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen",
        "Christopher", "Lisa", "Daniel", "Nancy", "Matthew", "Betty", "Anthony", "Sandra", "Mark", "Margaret",
        "Steven", "Ashley", "Paul", "Emily", "Andrew", "Donna", "Joshua", "Michelle", "Kevin", "Carol",
        "Brian", "Amanda", "George", "Melissa", "Timothy", "Deborah", "Ronald", "Stephanie", "Jason", "Rebecca",
        "Wei", "Mei", "Carlos", "Sofia", "Ahmed", "Fatima", "Hiroshi", "Yuki", "Olga", "Ivan",
    };

    private static final String[] LAST_NAMES = {
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
        "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
        "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
        "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores",
        "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts",
        "Chen", "Wang", "Kim", "Patel", "O'Brien", "Müller", "Kowalski", "Ivanova", "Tanaka", "Silva",
    };

    private static final String[] CITIES = {
        "New York", "Los Angeles", "Chicago", "Houston", "Phoenix", "Philadelphia", "San Antonio", "San Diego",
        "Dallas", "Austin", "Seattle", "Denver", "Boston", "Portland", "Miami",
    };
    /** Roughly by metro population, so a bar chart of cities looks like real customers. */
    private static final int[] CITY_WEIGHTS = {18, 13, 9, 8, 6, 6, 5, 5, 5, 4, 5, 4, 5, 3, 4};

    private static final String[] DOMAINS = {"example.com", "example.org", "example.net", "mail.example"};
    private static final int[] DOMAIN_WEIGHTS = {40, 25, 20, 15};

    private enum Segment { LOYAL, BARGAIN, LAPSED, NEW }

    private static final Segment[] SEGMENTS = Segment.values();
    private static final int[] SEGMENT_WEIGHTS = {20, 35, 27, 18};

    private final Random rnd;

    public CustomerDataGenerator(long seed) {
        this.rnd = new Random(seed);
    }

    /**
     * Writes {@code HEADER} and {@code rows} customer lines, {@code malformed} of which are
     * made malformed.
     */
    public void write(Writer out, int rows, int malformed) throws IOException {
        if (malformed > rows) {
            throw new IllegalArgumentException("cannot make " + malformed + " of " + rows + " lines malformed");
        }
        int[] broken = malformedPositions(rows, malformed);
        out.write(HEADER);
        out.write('\n');
        int next = 0;
        String[] fields = new String[11];
        for (int i = 0; i < rows; i++) {
            customer(FIRST_ID + i, fields);
            if (next < broken.length && broken[next] == i) {
                out.write(malform(fields, next));
                next++;
            } else {
                out.write(String.join(",", fields));
            }
            out.write('\n');
        }
    }

    /** The shipped sample as text. */
    public static String sample() {
        StringWriter w = new StringWriter();
        try {
            new CustomerDataGenerator(SEED).write(w, SAMPLE_ROWS, SAMPLE_MALFORMED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /**
     * {@code main(out)} writes the shipped sample; {@code main(out, rows)} writes {@code rows}
     * customers without malformed lines (for benchmarks); {@code main(out, rows, malformed)}
     * chooses both. The seed is always {@link #SEED}.
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: CustomerDataGenerator <output.csv> [rows [malformed-lines]]");
            System.exit(2);
        }
        Path target = Path.of(args[0]);
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : SAMPLE_ROWS;
        int malformed = args.length > 2 ? Integer.parseInt(args[2]) : args.length > 1 ? 0 : SAMPLE_MALFORMED;
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(target, StandardCharsets.UTF_8), 1 << 16)) {
            new CustomerDataGenerator(SEED).write(w, rows, malformed);
        }
        System.out.println("Wrote " + rows + " customers (" + malformed + " malformed lines) to " + target);
    }

    private int[] malformedPositions(int rows, int malformed) {
        int[] positions = new int[malformed];
        if (malformed == 0) {
            return positions;
        }
        // One position per equal slice of the file, so they are spread out and distinct.
        int slice = rows / malformed;
        for (int k = 0; k < malformed; k++) {
            positions[k] = k * slice + rnd.nextInt(slice);
        }
        Arrays.sort(positions);
        return positions;
    }

    private void customer(long id, String[] f) {
        Segment segment = SEGMENTS[pick(SEGMENT_WEIGHTS)];
        String first = FIRST_NAMES[rnd.nextInt(FIRST_NAMES.length)];
        String last = LAST_NAMES[rnd.nextInt(LAST_NAMES.length)];
        String city = CITIES[pick(CITY_WEIGHTS)];
        int age;
        int income;
        int tenure;
        int orders;
        double perOrder;
        int daysSince;
        switch (segment) {
            case LOYAL -> {
                age = clamp(gauss(47, 9), 25, 79);
                income = clamp(gauss(105_000, 25_000), 45_000, 250_000);
                tenure = 36 + rnd.nextInt(85);
                orders = Math.max(12, (int) (tenure * (0.35 + 0.35 * rnd.nextDouble())));
                perOrder = Math.max(60, gauss(145, 30));
                daysSince = rnd.nextInt(41);
            }
            case BARGAIN -> {
                age = clamp(gauss(33, 8), 18, 70);
                income = clamp(gauss(42_000, 12_000), 15_000, 90_000);
                tenure = 6 + rnd.nextInt(67);
                orders = 2 + (int) (tenure * (0.3 + 0.3 * rnd.nextDouble()));
                perOrder = Math.max(8, gauss(28, 8));
                daysSince = rnd.nextInt(76);
            }
            case LAPSED -> {
                age = clamp(gauss(44, 12), 20, 80);
                income = clamp(gauss(62_000, 18_000), 20_000, 150_000);
                tenure = 12 + rnd.nextInt(85);
                orders = 2 + rnd.nextInt(11);
                perOrder = Math.max(15, gauss(60, 20));
                daysSince = 180 + rnd.nextInt(541);
            }
            default -> {
                age = clamp(gauss(29, 7), 18, 65);
                income = clamp(gauss(55_000, 20_000), 18_000, 140_000);
                tenure = rnd.nextInt(7);
                orders = 1 + rnd.nextInt(Math.min(4, tenure + 1));
                perOrder = Math.max(10, gauss(55, 25));
                daysSince = rnd.nextInt(Math.max(1, Math.min(60, tenure * 30)) + 1);
            }
        }
        // Nobody bought before they became a customer.
        daysSince = Math.min(daysSince, tenure * 30 + 15);
        long spendCents = Math.round(orders * perOrder * (0.9 + 0.2 * rnd.nextDouble()) * 100);

        f[0] = Long.toString(id);
        f[1] = first;
        f[2] = last;
        f[3] = email(first, last, id);
        f[4] = city;
        f[5] = maybeMissing(Integer.toString(age));
        f[6] = maybeMissing(Integer.toString(income / 100 * 100));
        f[7] = Integer.toString(tenure);
        f[8] = Integer.toString(orders);
        f[9] = maybeMissing(money(spendCents));
        f[10] = AS_OF.minusDays(daysSince).toString();
    }

    private String email(String first, String last, long id) {
        String local = (first + "." + last).toLowerCase(Locale.ROOT)
                .replace("'", "").replace("ü", "u");
        return local + id + "@" + DOMAINS[pick(DOMAIN_WEIGHTS)];
    }

    private String maybeMissing(String value) {
        if (rnd.nextDouble() >= MISSING) {
            return value;
        }
        return rnd.nextInt(5) == 0 ? "NA" : "";
    }

    /** The k-th kind of damage, cycling through realistic export errors. */
    private String malform(String[] f, int k) {
        String[] g = f.clone();
        return switch (k % 8) {
            case 0 -> join(g, 3);
            case 1 -> {
                g[5] = "thirty-two";
                yield String.join(",", g);
            }
            case 2 -> {
                g[4] = g[4] + ", " + "USA";
                yield String.join(",", g);
            }
            case 3 -> String.join(",", Arrays.copyOf(g, 5));
            case 4 -> {
                g[5] = "unknown";
                yield String.join(",", g);
            }
            case 5 -> {
                // A decimal comma, unquoted: one field too many.
                g[9] = g[9].indexOf('.') >= 0 ? g[9].replace('.', ',') : "0,00";
                yield String.join(",", g);
            }
            case 6 -> {
                g[6] = "n/a";
                yield String.join(",", g);
            }
            default -> {
                g[5] = "42y";
                yield String.join(",", g);
            }
        };
    }

    /** The fields without the one at {@code drop}: a field missing from the line. */
    private static String join(String[] f, int drop) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < f.length; i++) {
            if (i == drop) {
                continue;
            }
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(f[i]);
        }
        return b.toString();
    }

    private int pick(int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = rnd.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        throw new IllegalStateException("weights must be positive");
    }

    private double gauss(double mean, double sd) {
        return mean + sd * rnd.nextGaussian();
    }

    private static int clamp(double v, int min, int max) {
        return (int) Math.max(min, Math.min(max, Math.round(v)));
    }

    private static String money(long cents) {
        long whole = cents / 100;
        long rest = cents % 100;
        return whole + "." + (rest < 10 ? "0" : "") + rest;
    }
}

package org.assay.samples;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A messy customer table for the data-quality sample (workflows/customer-quality.json): the same
 * customers exported twice (crm and shop) with typos, swapped names, phones and birth dates in
 * mixed formats, city synonyms, a few absurd incomes and rows that break rules (a negative
 * income, a birth date after the last update). Deterministic. Regenerate with
 * {@code mvn -f workflows/pom.xml compile exec:java -Dexec.mainClass=org.assay.samples.MessyCustomerGenerator
 * -Dexec.args=data/customers-messy.csv}.
 */
public final class MessyCustomerGenerator {

    public static final String HEADER = "record_id,source,first_name,last_name,email,phone,birth_date,postcode,city,"
            + "income,updated";
    public static final int ENTITIES = 800;
    static final long SEED = 20261202L;

    private static final String[] FIRST = {"James", "Mary", "Robert", "Linda", "Michael", "Sarah", "William", "Emma",
        "David", "Olivia", "Daniel", "Sophia", "Thomas", "Mia", "Joseph", "Chloe", "Lucas", "Grace", "Henry", "Zoe"};
    private static final String[] LAST = {"Smith", "Johnson", "Brown", "Garcia", "Miller", "Davis", "Martinez",
        "Wilson", "Anderson", "Taylor", "Thomas", "Moore", "Jackson", "White", "Harris", "Clark", "Lewis", "Young",
        "Walker", "Hall", "King", "Wright", "Lopez", "Hill", "Scott", "Green", "Adams", "Baker", "Nelson", "Carter"};
    private static final String[][] CITIES = {{"New York", "NY", "New York City", "new york"},
        {"Los Angeles", "LA", "L.A.", "los angeles"}, {"Chicago", "chicago", "CHI"}, {"Houston", "houston"}};
    /** Area codes of the four cities, so the numbers are valid for libphonenumber. */
    private static final String[] AREAS = {"212", "646", "718", "917", "213", "310", "312", "773", "713", "832"};
    private static final DateTimeFormatter[] DATES = {DateTimeFormatter.ISO_LOCAL_DATE,
        DateTimeFormatter.ofPattern("dd.MM.yyyy"), DateTimeFormatter.ofPattern("yyyy/MM/dd"),
        DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)};

    private MessyCustomerGenerator() {
    }

    /** The whole file as text. */
    public static String sample() {
        Random random = new Random(SEED);
        List<String> lines = new ArrayList<>();
        for (int e = 0; e < ENTITIES; e++) {
            String first = FIRST[random.nextInt(FIRST.length)];
            String last = LAST[random.nextInt(LAST.length)];
            String email = (first + "." + last + e + "@example.com").toLowerCase(Locale.ROOT);
            String phone = AREAS[random.nextInt(AREAS.length)] + String.format(Locale.ROOT, "%03d%04d",
                    200 + random.nextInt(700), random.nextInt(10000));
            LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(365 * 50));
            String postcode = String.format(Locale.ROOT, "%05d", 10001 + random.nextInt(60));
            String[] city = CITIES[random.nextInt(CITIES.length)];
            double income = Math.round(20000 + 60000 * random.nextDouble());
            LocalDate updated = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(300));
            int copies = random.nextDouble() < 0.35 ? 2 : 1;
            for (int c = 0; c < copies; c++) {
                String f = first;
                String l = last;
                String m = email;
                String p = formatPhone(phone, random);
                String b = DATES[random.nextInt(DATES.length)].format(birth);
                String ct = city[random.nextInt(city.length)];
                String inc = Long.toString((long) income);
                LocalDate up = updated.plusDays(c * (1 + random.nextInt(60)));
                if (c == 1) {
                    switch (random.nextInt(5)) {
                        case 0 -> l = typo(l, random);
                        case 1 -> {
                            f = last;
                            l = first;
                        }
                        case 2 -> m = "";
                        case 3 -> f = f.toUpperCase(Locale.ROOT) + " ";
                        default -> p = "";
                    }
                }
                if (random.nextDouble() < 0.01) {
                    inc = Long.toString((long) income * 100); // an absurd income: an outlier
                } else if (random.nextDouble() < 0.01) {
                    inc = "-" + inc; // breaks the rule income >= 0
                } else if (random.nextDouble() < 0.05) {
                    inc = ""; // missing: imputed
                }
                if (random.nextDouble() < 0.01) {
                    b = DATES[0].format(up.plusYears(1)); // born after the last update: breaks a rule
                }
                lines.add(String.join(",", "", c == 0 ? "crm" : "shop", f, l, m, p, b, postcode, ct, inc,
                        up.toString()));
            }
        }
        // Shuffle so an entity's two records are apart, then number the records.
        for (int i = lines.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            String t = lines.get(i);
            lines.set(i, lines.get(j));
            lines.set(j, t);
        }
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < lines.size(); i++) {
            out.append(i + 1).append(lines.get(i)).append('\n');
        }
        return out.toString();
    }

    private static String formatPhone(String d, Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> "(" + d.substring(0, 3) + ") " + d.substring(3, 6) + "-" + d.substring(6);
            case 1 -> "+1 " + d.substring(0, 3) + " " + d.substring(3, 6) + " " + d.substring(6);
            case 2 -> d.substring(0, 3) + "." + d.substring(3, 6) + "." + d.substring(6);
            default -> d;
        };
    }

    private static String typo(String s, Random random) {
        int i = 1 + random.nextInt(s.length() - 2);
        return s.substring(0, i) + s.substring(i + 1);
    }

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "data/customers-messy.csv");
        try (Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            w.write(sample());
        }
    }
}

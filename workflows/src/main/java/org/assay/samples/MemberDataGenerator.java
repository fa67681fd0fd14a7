package org.assay.samples;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Generates the pii-heavy sample of the privacy workflow: fitness-club members with names,
 * e-mail, phone, age, sex, postcode and city (quasi-identifiers), their plan (the sensitive
 * column) and behaviour (visits, spend). Deterministic. Every member is unique on name and
 * e-mail; many are unique on age + sex + postcode, which is what k-anonymize must fix.
 * Heavier members visit more and spend more, so clustering on behaviour finds groups.
 *
 * <p>Also writes the hierarchy file the workflow uses: city, county, part of the country.
 * Names are chosen so that none is a word of any other file the workflow writes (the
 * privacy itest looks for them there).
 */
public final class MemberDataGenerator {

    public static final String HEADER = "member_id,first_name,last_name,email,phone,age,sex,postcode,city,plan,"
            + "visits_per_month,monthly_spend";
    public static final long SEED = 20_261_202L;
    public static final int ROWS = 3_000;

    /** City, its county, its part of the country, the first postcode of its range. */
    static final String[][] CITIES = {
        {"Oslo", "Oslo", "Eastern Norway", "0150"},
        {"Drammen", "Buskerud", "Eastern Norway", "3001"},
        {"Fredrikstad", "Ostfold", "Eastern Norway", "1601"},
        {"Bergen", "Vestland", "Western Norway", "5003"},
        {"Stavanger", "Rogaland", "Western Norway", "4001"},
        {"Haugesund", "Rogaland", "Western Norway", "5501"},
        {"Trondheim", "Trondelag", "Central Norway", "7010"},
        {"Tromso", "Troms", "Northern Norway", "9006"},
        {"Bodo", "Nordland", "Northern Norway", "8001"},
        {"Kristiansand", "Agder", "Southern Norway", "4608"},
    };
    private static final double[] CITY_WEIGHTS = {0.3, 0.06, 0.05, 0.15, 0.1, 0.03, 0.1, 0.06, 0.05, 0.1};
    private static final String[] FIRST = {"Ingrid", "Astrid", "Sigrid", "Kari", "Solveig", "Ragnhild", "Torunn",
        "Maren", "Olav", "Knut", "Magnus", "Henrik", "Eirik", "Sindre", "Audun", "Halvard", "Vegard", "Trygve"};
    private static final String[] LAST = {"Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen",
        "Kristiansen", "Jensen", "Karlsen", "Johnsen", "Pettersen", "Eriksen", "Haugland", "Solheim", "Brekke",
        "Myklebust", "Fjeldstad"};
    private static final String[] PLANS = {"basic", "standard", "premium", "family", "student"};

    private final Random random;

    MemberDataGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** The committed sample, data/members.csv. */
    public static String members() {
        StringWriter w = new StringWriter();
        try {
            new MemberDataGenerator(SEED).write(w, ROWS);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return w.toString();
    }

    /** The committed hierarchy file, data/member-hierarchies.csv. */
    public static String hierarchies() {
        StringBuilder b = new StringBuilder("column,value,level1,level2\n");
        for (String[] c : CITIES) {
            b.append("city,").append(c[0]).append(',').append(c[1]).append(',').append(c[2]).append('\n');
        }
        return b.toString();
    }

    void write(Writer w, int rows) throws IOException {
        w.write(HEADER);
        w.write('\n');
        for (int i = 0; i < rows; i++) {
            long id = 10_001 + i;
            String first = FIRST[random.nextInt(FIRST.length)];
            String last = LAST[random.nextInt(LAST.length)];
            String email = first.toLowerCase(Locale.ROOT) + "." + last.toLowerCase(Locale.ROOT) + id + "@example.com";
            String phone = String.format(Locale.ROOT, "+47 %03d %02d %03d", 400 + random.nextInt(600),
                    random.nextInt(100), random.nextInt(1000));
            int age = Math.max(16, Math.min(89, (int) Math.round(40 + random.nextGaussian() * 15)));
            String sex = random.nextBoolean() ? "F" : "M";
            String[] city = CITIES[pick(CITY_WEIGHTS)];
            String postcode = String.format(Locale.ROOT, "%04d", Integer.parseInt(city[3]) + random.nextInt(120));
            String plan = age < 25 && random.nextDouble() < 0.5 ? "student" : PLANS[random.nextInt(4)];
            // Three kinds of member: occasional, regular, devoted.
            int kind = random.nextInt(10) < 5 ? 0 : random.nextInt(10) < 7 ? 1 : 2;
            double visits = Math.max(0, new double[] {2, 8, 18}[kind] + random.nextGaussian() * 1.5);
            double spend = Math.max(10, new double[] {30, 55, 110}[kind] + random.nextGaussian() * 8
                    + ("premium".equals(plan) ? 25 : 0));
            w.write(id + "," + first + "," + last + "," + email + "," + phone + "," + age + "," + sex + ","
                    + postcode + "," + city[0] + "," + plan + "," + Math.round(visits) + ","
                    + String.format(Locale.ROOT, "%.2f", spend) + "\n");
        }
    }

    private int pick(double[] weights) {
        double u = random.nextDouble();
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** Writes both files into the folder given (default data/). */
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "data");
        Files.writeString(folder.resolve("members.csv"), members(), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("member-hierarchies.csv"), hierarchies(), StandardCharsets.UTF_8);
    }
}

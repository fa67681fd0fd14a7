package org.assay.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CRM data set: the checked-in files are the generator's output, the generator is
 * deterministic, every file has the agreed schema, and the planted truths are in the
 * data at the strength truth.json states (measured here from the CSV files, not from the
 * generator's counters).
 */
class CrmDataGeneratorTest {

    static final Path DATA = Path.of("data/crm");
    static final String[] FILES = {"customers.csv", "products.csv", "orders.csv", "order_lines.csv", "web_events.csv",
        "tickets.csv", "feedback.csv", "truth.json"};

    static Map<String, List<String[]>> tables = new HashMap<>();
    static String truth;

    @BeforeAll
    static void read() throws IOException {
        for (String f : FILES) {
            if (f.endsWith(".csv")) {
                tables.put(f, parse(Files.readString(DATA.resolve(f), StandardCharsets.UTF_8)));
            }
        }
        truth = Files.readString(DATA.resolve("truth.json"), StandardCharsets.UTF_8);
    }

    @Test
    void checkedInFilesAreTheGeneratorsOutput(@TempDir Path dir) throws IOException {
        new CrmDataGenerator(CrmDataGenerator.SEED, CrmDataGenerator.DEFAULT_CUSTOMERS).write(dir);
        for (String f : FILES) {
            assertEquals(Files.readString(dir.resolve(f), StandardCharsets.UTF_8),
                    Files.readString(DATA.resolve(f), StandardCharsets.UTF_8),
                    "data/crm/" + f + " differs from the generator; regenerate with CrmDataGenerator.main");
        }
        assertFalse(Files.exists(dir.resolve("customers.duplicates.tmp")), "the temporary file is removed");
        long bytes = 0;
        for (String f : FILES) {
            bytes += Files.size(DATA.resolve(f));
        }
        assertTrue(bytes < 7_000_000, "the checked-in sample stays small: " + bytes);
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherData(@TempDir Path dir) throws IOException {
        new CrmDataGenerator(7, 300).write(dir.resolve("a"));
        new CrmDataGenerator(7, 300).write(dir.resolve("b"));
        new CrmDataGenerator(8, 300).write(dir.resolve("c"));
        for (String f : FILES) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(f)),
                    Files.readAllBytes(dir.resolve("b").resolve(f)), f);
        }
        assertNotEquals(Files.readString(dir.resolve("a/orders.csv")), Files.readString(dir.resolve("c/orders.csv")));
        // a customer's rows depend only on (seed, index): the first 300 of 600 equal a run of 300
        // (but for the ids of duplicate records, which come after all first records)
        new CrmDataGenerator(7, 600).write(dir.resolve("d"));
        List<String> small = Files.readAllLines(dir.resolve("a/customers.csv"));
        List<String> big = Files.readAllLines(dir.resolve("d/customers.csv"));
        assertEquals(small.subList(0, 301), big.subList(0, 301));
        List<String> smallOrders = Files.readAllLines(dir.resolve("a/orders.csv")).stream()
                .map(l -> l.replaceFirst(",\\d+,", ",")).toList();
        List<String> bigOrders = Files.readAllLines(dir.resolve("d/orders.csv")).stream()
                .map(l -> l.replaceFirst(",\\d+,", ",")).toList();
        assertEquals(smallOrders, bigOrders.subList(0, smallOrders.size()));
    }

    @Test
    void mainRejectsBadArguments() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> CrmDataGenerator.main(new String[] {"--rows", "5"}));
        assertTrue(e.getMessage().contains("usage"), e.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> CrmDataGenerator.main(new String[] {"--customers", "0"}));
    }

    @Test
    void everyFileHasTheAgreedSchema() {
        header("customers.csv", CrmDataGenerator.CUSTOMERS_HEADER);
        header("products.csv", CrmDataGenerator.PRODUCTS_HEADER);
        header("orders.csv", CrmDataGenerator.ORDERS_HEADER);
        header("order_lines.csv", CrmDataGenerator.ORDER_LINES_HEADER);
        header("web_events.csv", CrmDataGenerator.WEB_EVENTS_HEADER);
        header("tickets.csv", CrmDataGenerator.TICKETS_HEADER);
        header("feedback.csv", CrmDataGenerator.FEEDBACK_HEADER);
        assertEquals("customer_id,first_name,last_name,email,phone,city,country,signup_date,plan,channel,birth_year,"
                + "consent_analytics,consent_marketing,consent_profiling,status,churn_date",
                CrmDataGenerator.CUSTOMERS_HEADER, "the schema the other helpers code against");
        String date = "\\d{4}-\\d{2}-\\d{2}";
        String bool = "true|false";
        Set<String> customerIds = new HashSet<>();
        for (String[] c : rows("customers.csv")) {
            assertTrue(customerIds.add(c[0]), "unique id " + c[0]);
            assertTrue(c[3].contains("@"), c[3]);
            assertTrue(c[7].matches(date) && c[8].matches("basic|plus|premium") && c[9].matches("web|store|partner"),
                    String.join(",", c));
            assertTrue(c[11].matches(bool) && c[12].matches(bool) && c[13].matches(bool));
            assertTrue(c[14].equals("active") ? c[15].isEmpty() : c[14].equals("churned") && c[15].matches(date));
            int birth = Integer.parseInt(c[10]);
            assertTrue(birth >= 1940 && birth <= 2008);
        }
        assertTrue(customerIds.size() > 5_050 && customerIds.size() < 5_300, "about 5,000 plus duplicates");
        Set<String> products = new HashSet<>();
        for (String[] p : rows("products.csv")) {
            products.add(p[0]);
            assertTrue(Double.parseDouble(p[4]) < Double.parseDouble(p[3]), "cost below price " + p[0]);
        }
        Map<String, Double> totals = new HashMap<>();
        for (String[] o : rows("orders.csv")) {
            assertTrue(customerIds.contains(o[1]) && o[2].matches(date) && o[3].matches("web|app|store|partner"));
            LocalDate d = LocalDate.parse(o[2]);
            assertFalse(d.isBefore(CrmDataGenerator.START) || d.isAfter(CrmDataGenerator.END), o[2]);
            totals.put(o[0], Double.parseDouble(o[4]));
        }
        Map<String, Double> sums = new HashMap<>();
        for (String[] l : rows("order_lines.csv")) {
            assertTrue(products.contains(l[2]) && totals.containsKey(l[0]), String.join(",", l));
            sums.merge(l[0], Integer.parseInt(l[3]) * Double.parseDouble(l[4]), Double::sum);
        }
        totals.forEach((id, total) -> assertEquals(total, sums.get(id), 0.011, "order total = sum of lines " + id));
        for (String[] e : rows("web_events.csv")) {
            assertTrue(customerIds.contains(e[1]) && e[2].matches(date + "T\\d{2}:\\d{2}:\\d{2}")
                    && e[3].startsWith("/"), String.join(",", e));
        }
        for (String[] t : rows("tickets.csv")) {
            assertTrue(customerIds.contains(t[1]) && t[2].matches(date)
                    && t[3].matches("billing|delivery|product|account") && Double.parseDouble(t[4]) >= 0
                    && t[5].matches(bool), String.join(",", t));
        }
        int zh = 0;
        for (String[] f : rows("feedback.csv")) {
            int nps = Integer.parseInt(f[4]);
            int csat = Integer.parseInt(f[5]);
            assertTrue(customerIds.contains(f[1]) && f[2].matches(date) && (f[3].isEmpty() || products.contains(f[3]))
                    && nps >= 0 && nps <= 10 && csat >= 1 && csat <= 5 && f[6].matches("en|zh") && !f[7].isEmpty(),
                    String.join(",", f));
            zh += f[6].equals("zh") ? 1 : 0;
            assertEquals(f[6].equals("zh"), f[7].codePoints().anyMatch(cp -> cp > 0x4E00 && cp < 0x9FFF), f[7]);
        }
        assertTrue(zh > 500, "a real share of Chinese feedback: " + zh);
    }

    @Test
    void duplicatePairsAreTheSamePersonTypedDifferently() {
        Map<String, String[]> byId = new HashMap<>();
        rows("customers.csv").forEach(c -> byId.put(c[0], c));
        List<long[]> pairs = new ArrayList<>();
        Matcher m = Pattern.compile("\\[(\\d+),(\\d+)]").matcher(truth.substring(truth.indexOf("\"pairs\"")));
        while (m.find()) {
            pairs.add(new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))});
        }
        assertEquals(number("\"count\""), pairs.size());
        double share = pairs.size() / 5000.0;
        assertTrue(share > 0.022 && share < 0.038, "about 3% duplicates: " + share);
        int textDiffers = 0;
        for (long[] p : pairs) {
            String[] a = byId.get(String.valueOf(p[0]));
            String[] b = byId.get(String.valueOf(p[1]));
            assertEquals(List.of(a[5], a[6], a[8], a[10], a[14]), List.of(b[5], b[6], b[8], b[10], b[14]),
                    "same city, country, plan, birth year, status");
            assertEquals(digits(a[4]).substring(digits(a[4]).length() - 10), digits(b[4]).substring(
                    digits(b[4]).length() - 10), "same phone number, other format");
            assertNotEquals(a[4], b[4], "phone formatted differently");
            String nameA = (a[1] + " " + a[2]).toLowerCase(Locale.ROOT);
            String nameB = (b[1] + " " + b[2]).toLowerCase(Locale.ROOT);
            assertTrue(nameA.equals(nameB) || sameLettersOneSwap(nameA, nameB), nameA + " / " + nameB);
            textDiffers += (a[1] + a[2]).equals(b[1] + b[2]) ? 0 : 1;
            assertTrue(b[7].compareTo(a[7]) > 0, "the duplicate signed up later");
        }
        assertEquals(pairs.size(), textDiffers, "every duplicate's name is typed differently");
        // non-duplicates rarely collide on name + birth year + city: the pairs are findable
        Map<String, Integer> keys = new HashMap<>();
        byId.values().forEach(c -> keys.merge((c[1] + c[2]).toLowerCase(Locale.ROOT) + c[10] + c[5], 1, Integer::sum));
        long collisions = keys.values().stream().filter(v -> v > 1).count();
        assertTrue(collisions < pairs.size(), "exact key collisions " + collisions);
    }

    @Test
    void churnDriversHaveTheStatedEffect() {
        Map<String, String[]> customers = new HashMap<>();
        Set<String> dupIds = new HashSet<>();
        Matcher m = Pattern.compile("\\[(\\d+),(\\d+)]").matcher(truth.substring(truth.indexOf("\"pairs\"")));
        while (m.find()) {
            dupIds.add(m.group(2));
        }
        rows("customers.csv").stream().filter(c -> !dupIds.contains(c[0])).forEach(c -> customers.put(c[0], c));
        long[] basic = new long[2];
        long[] other = new long[2];
        for (String[] c : customers.values()) {
            long[] g = c[8].equals("basic") ? basic : other;
            g[0]++;
            g[1] += c[14].equals("churned") ? 1 : 0;
        }
        double churnRate = (basic[1] + other[1]) / (double) (basic[0] + other[0]);
        assertEquals(number("\"churnRate\""), churnRate, 0.001);
        assertTrue(churnRate > 0.15 && churnRate < 0.3, "churn rate " + churnRate);
        double basicRate = basic[1] / (double) basic[0];
        double otherRate = other[1] / (double) other[0];
        assertEquals(number("\"basic\":", truth.indexOf("observedChurnRate")), basicRate, 0.001);
        assertTrue(basicRate > 1.5 * otherRate, "basic plan churns more: " + basicRate + " vs " + otherRate);

        // escalated tickets in the 90 days before the reference day (churn_date or end)
        Map<String, Integer> escalated = new HashMap<>();
        for (String[] t : rows("tickets.csv")) {
            String[] c = customers.get(t[1]);
            if (c == null || !t[5].equals("true")) {
                continue;
            }
            LocalDate ref = c[14].equals("churned") ? LocalDate.parse(c[15]) : CrmDataGenerator.END;
            LocalDate day = LocalDate.parse(t[2]);
            if (!day.isAfter(ref) && day.isAfter(ref.minusDays(90))) {
                escalated.merge(t[1], 1, Integer::sum);
            }
        }
        long[] withEsc = new long[2];
        long[] without = new long[2];
        for (String[] c : customers.values()) {
            long[] g = escalated.containsKey(c[0]) ? withEsc : without;
            g[0]++;
            g[1] += c[14].equals("churned") ? 1 : 0;
        }
        double escRate = withEsc[1] / (double) withEsc[0];
        double noEscRate = without[1] / (double) without[0];
        assertTrue(escRate > 2 * noEscRate, "an escalated ticket in the last 90 days: churn " + escRate + " vs "
                + noEscRate);

        // long gap: days from the last order to churn_date vs to the end for active customers
        Map<String, LocalDate> lastOrder = new HashMap<>();
        for (String[] o : rows("orders.csv")) {
            lastOrder.merge(o[1], LocalDate.parse(o[2]), (a, b) -> a.isAfter(b) ? a : b);
        }
        double[] gap = new double[4];
        for (String[] c : customers.values()) {
            LocalDate last = lastOrder.get(c[0]);
            if (last == null) {
                continue;
            }
            boolean churned = c[14].equals("churned");
            LocalDate ref = churned ? LocalDate.parse(c[15]) : CrmDataGenerator.END;
            gap[churned ? 0 : 2] += ref.toEpochDay() - last.toEpochDay();
            gap[churned ? 1 : 3]++;
        }
        double churnedGap = gap[0] / gap[1];
        double activeGap = gap[2] / gap[3];
        assertTrue(churnedGap > activeGap + 45, "gap before churn " + churnedGap + " vs active " + activeGap);

        // low NPS: customers whose mean NPS is 6 or less churn more
        Map<String, double[]> nps = new HashMap<>();
        for (String[] f : rows("feedback.csv")) {
            nps.computeIfAbsent(f[1], k -> new double[2])[0] += Integer.parseInt(f[4]);
            nps.get(f[1])[1]++;
        }
        long[] low = new long[2];
        long[] high = new long[2];
        nps.forEach((id, s) -> {
            String[] c = customers.get(id);
            if (c != null) {
                long[] g = s[0] / s[1] <= 6 ? low : high;
                g[0]++;
                g[1] += c[14].equals("churned") ? 1 : 0;
            }
        });
        double lowRate = low[1] / (double) low[0];
        double highRate = high[1] / (double) high[0];
        assertTrue(lowRate > 1.5 * highRate, "detractors churn more: " + lowRate + " vs " + highRate);
    }

    @Test
    void coPurchaseRulesHaveTheStatedConfidence() {
        Map<String, Set<String>> baskets = new HashMap<>();
        for (String[] l : rows("order_lines.csv")) {
            baskets.computeIfAbsent(l[0], k -> new HashSet<>()).add(l[2]);
        }
        // rule: {antecedents} -> consequent, with confidence in truth.json
        Matcher m = Pattern.compile("\"antecedents\":\\[([^]]*)].*?\"consequent\":\"(P\\d+)\".*?\"p\":([0-9.]+),"
                + "\"confidence\":([0-9.]+)").matcher(truth);
        int rules = 0;
        while (m.find()) {
            List<String> ante = new ArrayList<>();
            for (String a : m.group(1).split(",")) {
                ante.add(a.replace("\"", ""));
            }
            String cons = m.group(2);
            double p = Double.parseDouble(m.group(3));
            double stated = Double.parseDouble(m.group(4));
            long with = 0;
            long both = 0;
            long consequent = 0;
            for (Set<String> b : baskets.values()) {
                consequent += b.contains(cons) ? 1 : 0;
                if (b.containsAll(ante)) {
                    with++;
                    both += b.contains(cons) ? 1 : 0;
                }
            }
            double confidence = both / (double) with;
            double lift = confidence / (consequent / (double) baskets.size());
            assertEquals(stated, confidence, 0.0001, ante + " -> " + cons);
            assertTrue(confidence >= p - 0.03, ante + " -> " + cons + " confidence " + confidence + " vs p " + p);
            assertTrue(lift > 3, ante + " -> " + cons + " lift " + lift);
            assertTrue(with > 300, "enough baskets to find it: " + with);
            rules++;
        }
        assertEquals(7, rules);
    }

    @Test
    void theFourSegmentsDifferInFrequencySpendAndRecency() {
        Matcher m = Pattern.compile("\"name\":\"(\\w+)\",\"share\".*?\"meanOrders\":([0-9.]+),\"meanOrderValue\":"
                + "([0-9.]+),\"meanRecencyDays\":([0-9.]+)").matcher(truth);
        Map<String, double[]> g = new HashMap<>();
        while (m.find()) {
            g.put(m.group(1), new double[] {Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)),
                Double.parseDouble(m.group(4))});
        }
        assertEquals(Set.of("vip", "regular", "bargain", "occasional"), g.keySet());
        assertTrue(g.get("vip")[0] > 2 * g.get("regular")[0], "vip order most often");
        assertTrue(g.get("occasional")[0] < 0.6 * g.get("regular")[0], "occasional order least often");
        assertTrue(g.get("bargain")[1] < 0.35 * g.get("regular")[1], "bargain hunters spend least per order");
        assertTrue(g.get("vip")[1] > 2 * g.get("regular")[1], "vip spend most per order");
        assertTrue(g.get("occasional")[2] > g.get("regular")[2] + 30, "occasional buyers bought longest ago");
        assertTrue(g.get("vip")[2] < g.get("regular")[2] - 30, "vip bought most recently");
        // the same from the files: the distribution of orders per customer is wide (not one blob)
        Map<String, Integer> perCustomer = new HashMap<>();
        rows("orders.csv").forEach(o -> perCustomer.merge(o[1], 1, Integer::sum));
        long many = perCustomer.values().stream().filter(n -> n >= 10).count();
        long few = perCustomer.values().stream().filter(n -> n <= 2).count();
        assertTrue(many > 400 && few > 1000, "frequent " + many + ", rare " + few);
    }

    @Test
    void lateDeliveriesAndTheBadProductLowerSatisfaction() {
        double[] bad = new double[2];
        double[] others = new double[2];
        double[] csatBad = new double[2];
        double[] csatOthers = new double[2];
        Map<String, List<LocalDate>> deliveryTickets = new HashMap<>();
        for (String[] t : rows("tickets.csv")) {
            if (t[3].equals("delivery")) {
                deliveryTickets.computeIfAbsent(t[1], k -> new ArrayList<>()).add(LocalDate.parse(t[2]));
            }
        }
        double[] late = new double[2];
        double[] onTime = new double[2];
        int negativeWordsInDetractors = 0;
        int detractors = 0;
        int promotersWithNegativeTemplate = 0;
        Set<String> negative = new HashSet<>();
        for (String[][] list : new String[][][] {{CrmDataGenerator.EN_NEGATIVE}, {CrmDataGenerator.EN_LATE},
            {CrmDataGenerator.EN_BAD_PRODUCT}, {CrmDataGenerator.ZH_NEGATIVE}, {CrmDataGenerator.ZH_LATE},
            {CrmDataGenerator.ZH_BAD_PRODUCT}}) {
            for (String s : list[0]) {
                negative.add(s);
            }
        }
        for (String[] f : rows("feedback.csv")) {
            int nps = Integer.parseInt(f[4]);
            double[] g = f[3].equals("P023") ? bad : others;
            g[0] += nps;
            g[1]++;
            double[] c = f[3].equals("P023") ? csatBad : csatOthers;
            c[0] += Integer.parseInt(f[5]);
            c[1]++;
            LocalDate day = LocalDate.parse(f[2]);
            boolean afterLate = deliveryTickets.getOrDefault(f[1], List.of()).stream()
                    .anyMatch(t -> !t.isAfter(day) && t.isAfter(day.minusDays(12)));
            double[] l = afterLate ? late : onTime;
            l[0] += nps;
            l[1]++;
            boolean negativeText = negative.stream().anyMatch(n -> sameTemplate(n, f[7]));
            if (nps <= 6) {
                detractors++;
                negativeWordsInDetractors += negativeText ? 1 : 0;
            } else if (nps >= 9 && negativeText) {
                promotersWithNegativeTemplate++;
            }
        }
        double badMean = bad[0] / bad[1];
        double otherMean = others[0] / others[1];
        assertTrue(bad[1] > 100, "enough feedback on the bad product: " + bad[1]);
        assertTrue(badMean < otherMean - 3, "bad product NPS " + badMean + " vs " + otherMean);
        assertTrue(csatBad[0] / csatBad[1] < csatOthers[0] / csatOthers[1] - 1, "bad product CSAT");
        assertTrue(late[0] / late[1] < onTime[0] / onTime[1] - 1.5, "after a late delivery NPS "
                + late[0] / late[1] + " vs " + onTime[0] / onTime[1]);
        assertEquals(detractors, negativeWordsInDetractors, "every detractor writes a negative text");
        assertEquals(0, promotersWithNegativeTemplate, "no promoter writes a negative text");
        assertTrue(truth.contains("\"badProductId\":\"P023\""));
    }

    @Test
    void salesHaveTrendWeeklyAndYearlySeasonality() {
        Map<String, String> category = new HashMap<>();
        rows("products.csv").forEach(p -> category.put(p[0], p[2]));
        Map<String, LocalDate> orderDay = new HashMap<>();
        double[] weekday = new double[7];
        for (String[] o : rows("orders.csv")) {
            LocalDate d = LocalDate.parse(o[2]);
            orderDay.put(o[0], d);
            weekday[d.getDayOfWeek().getValue() - 1]++;
        }
        assertTrue(weekday[DayOfWeek.SATURDAY.getValue() - 1] > 1.25 * weekday[0], "Saturday busier than Monday");
        Map<String, double[]> monthly = new HashMap<>();
        for (String[] l : rows("order_lines.csv")) {
            LocalDate d = orderDay.get(l[0]);
            int month = (d.getYear() - 2023) * 12 + d.getMonthValue() - 7;
            monthly.computeIfAbsent(category.get(l[2]), k -> new double[CrmDataGenerator.MONTHS])[month] += Integer.parseInt(l[3])
                    * Double.parseDouble(l[4]);
        }
        // the monthly sales in truth.json are the ones in the files
        for (var e : monthly.entrySet()) {
            int at = truth.indexOf("\"name\":\"" + e.getKey() + "\",\"base\"");
            int from = truth.indexOf("[", truth.indexOf("monthlySales", at)) + 1;
            String[] stated = truth.substring(from, truth.indexOf("]", from)).split(",");
            for (int k = 0; k < CrmDataGenerator.MONTHS; k++) {
                assertEquals(Double.parseDouble(stated[k]), e.getValue()[k], 0.05, e.getKey() + " month " + k);
            }
        }
        double[] toys = monthly.get("toys");
        assertTrue(toys[5] > 3 * toys[11] && toys[17] > 3 * toys[23], "toys: December far above June");
        double[] garden = monthly.get("garden");
        assertTrue(garden[10] > 2 * garden[4] && garden[22] > 2 * garden[16], "garden: May far above November");
        double year1 = 0;
        double year2 = 0;
        for (double[] c : monthly.values()) {
            for (int k = 0; k < 12; k++) {
                year1 += c[k];
                year2 += c[k + 24];
            }
        }
        assertTrue(year2 > 1.15 * year1, "sales grow from the first year to the third: " + year2 / year1);
        double e1 = 0;
        double e2 = 0;
        double o1 = 0;
        double o2 = 0;
        for (int k = 0; k < 12; k++) {
            e1 += monthly.get("electronics")[k];
            e2 += monthly.get("electronics")[k + 24];
            o1 += monthly.get("office")[k];
            o2 += monthly.get("office")[k + 24];
        }
        assertTrue(e2 / e1 > o2 / o1 + 0.2, "electronics grow faster than office: " + e2 / e1 + " vs " + o2 / o1);
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    /** Whether text is template with its {p} (if any) filled in. */
    static boolean sameTemplate(String template, String text) {
        int at = template.indexOf("{p}");
        if (at < 0) {
            return text.equals(template);
        }
        String prefix = template.substring(0, at);
        String suffix = template.substring(at + 3);
        return text.length() > prefix.length() + suffix.length() && text.startsWith(prefix) && text.endsWith(suffix);
    }

    static boolean sameLettersOneSwap(String a, String b) {
        if (a.length() != b.length()) {
            return Math.abs(a.length() - b.length()) == 1; // a two-letter name "swapped" gets a letter more or less
        }
        int first = -1;
        int diffs = 0;
        for (int k = 0; k < a.length(); k++) {
            if (a.charAt(k) != b.charAt(k)) {
                diffs++;
                first = first < 0 ? k : first;
            }
        }
        return diffs == 2 && first + 1 < a.length() && a.charAt(first) == b.charAt(first + 1)
                && a.charAt(first + 1) == b.charAt(first);
    }

    static String digits(String s) {
        return s.replaceAll("\\D", "");
    }

    double number(String key) {
        return number(key, 0);
    }

    double number(String key, int from) {
        int at = truth.indexOf(key, from) + key.length();
        while (truth.charAt(at) == ':' || truth.charAt(at) == ' ') {
            at++;
        }
        int end = at;
        while (end < truth.length() && "0123456789.-E".indexOf(truth.charAt(end)) >= 0) {
            end++;
        }
        return Double.parseDouble(truth.substring(at, end));
    }

    void header(String file, String header) {
        String[] h = tables.get(file).get(0);
        assertEquals(header, String.join(",", h), file);
        for (String[] row : rows(file)) {
            assertEquals(h.length, row.length, file + ": " + String.join(",", row));
        }
    }

    static List<String[]> rows(String file) {
        List<String[]> all = tables.get(file);
        return all.subList(1, all.size());
    }

    /** RFC 4180 lines (quoted fields may hold commas and doubled quotes; no embedded newlines here). */
    static List<String[]> parse(String text) {
        List<String[]> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            List<String> fields = new ArrayList<>();
            StringBuilder f = new StringBuilder();
            boolean quoted = false;
            for (int k = 0; k < line.length(); k++) {
                char ch = line.charAt(k);
                if (quoted) {
                    if (ch == '"' && k + 1 < line.length() && line.charAt(k + 1) == '"') {
                        f.append('"');
                        k++;
                    } else if (ch == '"') {
                        quoted = false;
                    } else {
                        f.append(ch);
                    }
                } else if (ch == '"') {
                    quoted = true;
                } else if (ch == ',') {
                    fields.add(f.toString());
                    f.setLength(0);
                } else {
                    f.append(ch);
                }
            }
            fields.add(f.toString());
            out.add(fields.toArray(String[]::new));
        }
        return out;
    }
}

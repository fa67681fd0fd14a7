package org.assay.samples;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a realistic, reproducible multi-table CRM data set with planted truth (issue 16):
 * customers (with consent flags by purpose and about 3% duplicates with typos), a product
 * catalogue, orders and order lines, web events, support tickets and survey feedback (NPS,
 * CSAT and free text in English and Chinese), over three years ending {@link #END} (three, so that a yearly season can be fitted on
 * two years and scored on the third).
 * {@code truth.json} next to the CSVs records every planted effect with its parameters and
 * the strength measured in the data written.
 *
 * <p>Rows are streamed customer by customer: only one customer's rows are in memory at a
 * time (plus the duplicate records, which go to a temporary file appended at the end), so
 * {@code --customers 1000000} runs in little memory. Within each file rows are grouped by
 * customer and ordered by date within a customer; ids increase in writing order.
 *
 * <p>Every customer draws from its own {@link Random} seeded by (seed, index), so the
 * output depends only on the seed and the size, and the first n customers of a bigger
 * run equal a run of n customers apart from the duplicate ids and the truth totals.
 *
 * <p>Usage: {@code CrmDataGenerator [--out DIR] [--customers N] [--seed S]}; default
 * {@code data/crm}, {@value #DEFAULT_CUSTOMERS} customers, seed {@value #SEED}. From the repository root:
 * {@code mvn -f workflows/pom.xml compile exec:java -Dexec.mainClass=org.assay.samples.CrmDataGenerator}
 * (the checked-in sample) or {@code -Dexec.args="--out target/crm-1m --customers 1000000"} (scale mode).
 */
public final class CrmDataGenerator {

    public static final long SEED = 20_260_630L;
    public static final int DEFAULT_CUSTOMERS = 5_000;
    public static final LocalDate START = LocalDate.of(2023, 7, 1);
    /** Months from START to END: three years, so a yearly season can be fitted on two and scored on the rest. */
    static final int MONTHS = 36;
    public static final LocalDate END = LocalDate.of(2026, 6, 30);
    static final long FIRST_CUSTOMER_ID = 100_001L;
    static final long FIRST_ORDER_ID = 1_000_001L;

    public static final String CUSTOMERS_HEADER = "customer_id,first_name,last_name,email,phone,city,country,signup_date,"
            + "plan,channel,birth_year,consent_analytics,consent_marketing,consent_profiling,status,churn_date";
    public static final String PRODUCTS_HEADER = "product_id,name,category,price,unit_cost";
    public static final String ORDERS_HEADER = "order_id,customer_id,order_date,channel,total";
    public static final String ORDER_LINES_HEADER = "order_id,line_no,product_id,quantity,unit_price";
    public static final String WEB_EVENTS_HEADER = "session_id,customer_id,ts,page";
    public static final String TICKETS_HEADER = "ticket_id,customer_id,opened_at,category,resolution_hours,escalated";
    public static final String FEEDBACK_HEADER = "feedback_id,customer_id,date,product_id,nps,csat,language,text";

    // ---- planted parameters (all recorded in truth.json) -------------------------------------------------

    static final double DUPLICATE_RATE = 0.03;
    static final double DUPLICATE_ORDER_SHARE = 0.3;

    static final String[] SEGMENTS = {"vip", "regular", "bargain", "occasional"};
    static final double[] SEGMENT_SHARE = {0.15, 0.35, 0.30, 0.20};
    /** Mean days between orders at seasonal factor 1. */
    static final double[] SEGMENT_GAP_DAYS = {80, 210, 180, 450};
    /** Extra lines per order (Poisson mean); an order has 1 + this. */
    static final double[] SEGMENT_EXTRA_LINES = {1.2, 0.6, 0.2, 0.8};
    /** Exponent of price in the product choice within a category. */
    static final double[] SEGMENT_PRICE_EXPONENT = {0.6, 0.0, -1.0, 0.4};

    static final String[] PLANS = {"basic", "plus", "premium"};
    static final double[] PLAN_SHARE = {0.5, 0.35, 0.15};

    static final double TROUBLED_RATE = 0.15;
    static final double CHURN_INTERCEPT = -2.4;
    static final double CHURN_BASIC = 1.1;
    static final double CHURN_TROUBLED = 1.6;
    /** Per standard deviation of the customer's satisfaction offset (lower satisfaction, more churn). */
    static final double CHURN_SATISFACTION = -0.8;
    static final int CHURN_GAP_MIN_DAYS = 45;
    static final double CHURN_GAP_MEAN_EXTRA_DAYS = 60;

    static final double NPS_BASE = 8.3;
    static final double NPS_SATISFACTION_SD = 1.0;
    static final double NPS_LATE_DELIVERY = -2.5;
    static final double NPS_BAD_PRODUCT = -4.0;
    static final double NPS_NOISE_SD = 1.0;
    static final double LATE_DELIVERY_RATE = 0.05;
    static final double BAD_PRODUCT_TICKET_RATE = 0.35;
    static final double FEEDBACK_PER_ORDER = 0.2;
    static final double ORDER_SESSION_RATE = 0.6;
    static final double BROWSING_DAYS_PER_SESSION = 300;

    static final double TREND_PER_YEAR = 0.12;
    static final double YEARLY_AMPLITUDE = 0.15;
    static final int YEARLY_PEAK_DAY = 349;
    /** Monday .. Sunday. */
    static final double[] WEEKLY = {0.85, 0.9, 0.95, 1.0, 1.1, 1.25, 1.15};

    static final String[] CATEGORIES = {"electronics", "office", "home", "garden", "toys", "sports"};
    static final double[] CATEGORY_WEIGHT = {0.20, 0.15, 0.20, 0.15, 0.12, 0.18};
    static final double[] CATEGORY_TREND = {0.20, -0.05, 0.05, 0.10, 0.0, 0.15};
    static final double[] CATEGORY_AMPLITUDE = {0.35, 0.30, 0.20, 0.60, 0.70, 0.40};
    static final int[] CATEGORY_PEAK_DAY = {329, 244, 344, 135, 349, 166};

    /** name, price, unit cost; 10 per category in CATEGORIES order. */
    static final Object[][] PRODUCTS = {
        {"Smartphone X5", 499.0}, {"Phone Case", 19.0}, {"Wireless Earbuds", 89.0}, {"Laptop Pro 14", 1199.0},
        {"Laptop Sleeve", 29.0}, {"USB-C Charger", 25.0}, {"Smart Watch", 199.0}, {"Bluetooth Speaker", 59.0},
        {"Tablet 10", 329.0}, {"HDMI Cable", 12.0},
        {"Inkjet Printer", 129.0}, {"Ink Cartridge Pack", 35.0}, {"Printer Paper A4", 9.0}, {"Desk Lamp", 39.0},
        {"Office Chair", 189.0}, {"Notebook Set", 12.0}, {"Ballpoint Pens", 6.0}, {"Desk Organizer", 22.0},
        {"Monitor Stand", 45.0}, {"Stapler", 11.0},
        {"Coffee Machine", 249.0}, {"Coffee Beans 1kg", 24.0}, {"Blender X200", 79.0}, {"Electric Kettle", 39.0},
        {"Toaster", 45.0}, {"Knife Set", 69.0}, {"Frying Pan", 49.0}, {"Storage Jars", 19.0}, {"Tea Towels", 9.0},
        {"Water Filter", 29.0},
        {"Garden Hose", 35.0}, {"Lawn Mower", 299.0}, {"Garden Gloves", 12.0}, {"Flower Seeds", 4.0},
        {"Plant Pots", 18.0}, {"Pruning Shears", 25.0}, {"Garden Chair", 59.0}, {"BBQ Grill", 229.0},
        {"Charcoal Bag", 15.0}, {"Watering Can", 16.0},
        {"Building Blocks", 49.0}, {"Puzzle 1000", 19.0}, {"Board Game", 35.0}, {"Teddy Bear", 25.0},
        {"RC Car", 69.0}, {"Doll House", 119.0}, {"Art Set", 29.0}, {"Kite", 22.0}, {"Toy Train", 79.0},
        {"Card Game", 12.0},
        {"Tent 2p", 149.0}, {"Sleeping Bag", 89.0}, {"Camping Stove", 45.0}, {"Yoga Mat", 29.0},
        {"Running Shoes", 99.0}, {"Water Bottle", 15.0}, {"Dumbbells", 59.0}, {"Bike Helmet", 55.0},
        {"Backpack 30L", 69.0}, {"Fitness Tracker", 79.0},
    };
    static final int BAD_PRODUCT = index("Blender X200");

    /** antecedent product names, consequent, probability of adding the consequent when all antecedents are in. */
    static final Object[][] RULES = {
        {new String[] {"Inkjet Printer"}, "Ink Cartridge Pack", 0.65},
        {new String[] {"Smartphone X5"}, "Phone Case", 0.55},
        {new String[] {"Coffee Machine"}, "Coffee Beans 1kg", 0.60},
        {new String[] {"Laptop Pro 14"}, "Laptop Sleeve", 0.45},
        {new String[] {"BBQ Grill"}, "Charcoal Bag", 0.50},
        {new String[] {"Tent 2p"}, "Sleeping Bag", 0.50},
        {new String[] {"Tent 2p", "Sleeping Bag"}, "Camping Stove", 0.60},
    };

    static final String[][] PLACES = {
        {"New York", "US"}, {"Chicago", "US"}, {"Austin", "US"}, {"Seattle", "US"}, {"London", "GB"},
        {"Manchester", "GB"}, {"Berlin", "DE"}, {"Munich", "DE"}, {"Paris", "FR"}, {"Lyon", "FR"},
        {"Toronto", "CA"}, {"Sydney", "AU"}, {"Shanghai", "CN"}, {"Beijing", "CN"}, {"Shenzhen", "CN"},
        {"Chengdu", "CN"},
    };
    static final String[] PHONE_PREFIX = {"1", "1", "1", "1", "44", "44", "49", "49", "33", "33", "1", "61", "86", "86",
        "86", "86"};
    static final String[] FIRST_NAMES = {"James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda",
        "David", "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah",
        "Charles", "Karen", "Daniel", "Nancy", "Matthew", "Emily", "Andrew", "Sophie", "Lukas", "Hannah", "Louis",
        "Camille", "Oliver", "Amelia", "Noah", "Charlotte", "Liam", "Olivia", "Ethan", "Grace", "Felix", "Clara"};
    static final String[] LAST_NAMES = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
        "Wilson", "Anderson", "Taylor", "Thomas", "Moore", "Martin", "Jackson", "Thompson", "White", "Harris",
        "Clark", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Green", "Baker",
        "Adams", "Mueller", "Schmidt", "Schneider", "Fischer", "Weber", "Dubois", "Moreau", "Laurent", "Bernard",
        "Petit"};
    static final String[] CN_FIRST_NAMES = {"Wei", "Fang", "Jing", "Min", "Lei", "Yan", "Jun", "Hui", "Xin", "Tao",
        "Ling", "Hao", "Yu", "Qiang", "Mei", "Bo"};
    static final String[] CN_LAST_NAMES = {"Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou",
        "Xu", "Sun", "Ma", "Zhu", "Hu", "Guo"};
    static final String[] DOMAINS = {"example.com", "example.org", "example.net", "mail.example.com"};

    // feedback texts by language and band; {p} is the product name
    static final String[] EN_POSITIVE = {
        "Very happy with my {p}, it works perfectly.",
        "Great service, delivery was fast and the staff were extremely helpful.",
        "Absolutely love it! Will definitely buy again.",
        "Not bad at all, actually better than I expected.",
        "I can't complain, everything arrived on time and works well.",
        "Excellent quality for the price, really impressed with the {p}.",
        "Super easy ordering and very friendly support.",
    };
    static final String[] EN_MIXED = {
        "The {p} is good but delivery was a bit slow.",
        "Decent quality, though the price is not cheap.",
        "Okay overall. Nothing special.",
        "Good product, but the website is not very easy to use.",
        "Fine, it does the job.",
        "Nice {p}, although the packaging was damaged.",
    };
    static final String[] EN_NEGATIVE = {
        "Not happy with the {p}, it stopped working after a week.",
        "Very disappointed. The quality is really poor.",
        "I would not recommend this shop to anyone.",
        "Terrible support, I waited days for an answer.",
        "Not worth the money at all.",
        "Extremely frustrating experience, never again.",
    };
    static final String[] EN_LATE = {
        "My order arrived two weeks late, really not acceptable.",
        "Delivery was extremely late and nobody answered my emails.",
        "The {p} is fine but the delivery was very late, not happy.",
    };
    static final String[] EN_BAD_PRODUCT = {
        "The {p} broke after two days, very poor quality.",
        "Not happy at all: the {p} leaks and makes a terrible noise.",
        "Returned the {p}, it is really badly made.",
    };
    static final String[] ZH_POSITIVE = {
        "非常满意，物流很快，质量很好。",
        "{p}很好用，下次还会再买。",
        "服务态度特别好，推荐！",
        "还不错，比我想象的好。",
        "没有什么可抱怨的，一切都很顺利。",
        "质量非常好，性价比很高。",
    };
    static final String[] ZH_MIXED = {
        "质量还可以，但是价格有点贵。",
        "一般般吧，没什么特别的。",
        "东西不错，就是送货有点慢。",
        "{p}还行，包装有点破损。",
    };
    static final String[] ZH_NEGATIVE = {
        "很不满意，用了一个星期就坏了。",
        "质量很差，不推荐购买。",
        "非常失望，完全不值这个价钱。",
        "客服太差了，等了好几天都没人回复。",
        "不满意，{p}有问题。",
    };
    static final String[] ZH_LATE = {
        "快递晚了两个星期，太不像话了。",
        "送货太慢了，客服也不回复，很不满意。",
    };
    static final String[] ZH_BAD_PRODUCT = {
        "{p}两天就坏了，质量太差。",
        "{p}漏水，噪音特别大，非常不满意。",
    };

    private final long seed;
    private final int customers;
    private final double[] productPrice = new double[PRODUCTS.length];
    private final int[][] ruleAntecedents = new int[RULES.length][];
    private final int[] ruleConsequent = new int[RULES.length];

    // running ids
    private long nextOrderId = FIRST_ORDER_ID;
    private long nextSession = 1;
    private long nextTicket = 1;
    private long nextFeedback = 1;
    private long nextDuplicateId;

    // truth counters
    private final List<long[]> duplicatePairs = new ArrayList<>();
    private final long[][] churnCounts = new long[8][2]; // [driver level][total, churned]
    private long customersTotal;
    private long churnedTotal;
    private final long[] basketsWith = new long[RULES.length];
    private final long[] basketsWithBoth = new long[RULES.length];
    private long baskets;
    private final double[][] segmentSums = new double[SEGMENTS.length][4]; // n, orders, mean order value, recency
    private final double[][] npsSums = new double[4][2]; // late, not late, bad product, other product: sum, n
    private final long[] bandCounts = new long[3];
    private final double[][] monthlySales = new double[CATEGORIES.length][MONTHS];
    private final List<List<Long>> segmentMembers = new ArrayList<>();
    private final List<Long> troubledIds = new ArrayList<>();
    private long ordersTotal;
    private long linesTotal;
    private long eventsTotal;
    private long ticketsTotal;
    private long feedbackTotal;

    CrmDataGenerator(long seed, int customers) {
        this.seed = seed;
        this.customers = customers;
        for (int p = 0; p < PRODUCTS.length; p++) {
            productPrice[p] = (Double) PRODUCTS[p][1];
        }
        for (int r = 0; r < RULES.length; r++) {
            String[] names = (String[]) RULES[r][0];
            ruleAntecedents[r] = new int[names.length];
            for (int i = 0; i < names.length; i++) {
                ruleAntecedents[r][i] = index(names[i]);
            }
            ruleConsequent[r] = index((String) RULES[r][1]);
        }
        this.nextDuplicateId = FIRST_CUSTOMER_ID + customers;
        for (int k = 0; k < SEGMENTS.length; k++) {
            segmentMembers.add(new ArrayList<>());
        }
    }

    static int index(String productName) {
        for (int p = 0; p < PRODUCTS.length; p++) {
            if (PRODUCTS[p][0].equals(productName)) {
                return p;
            }
        }
        throw new IllegalArgumentException(productName);
    }

    static String productId(int p) {
        return String.format(Locale.ROOT, "P%03d", p + 1);
    }

    static String categoryOf(int p) {
        return CATEGORIES[p / 10];
    }

    // ---- writing -----------------------------------------------------------------------------------------

    /** Writes all files into dir (created if missing). */
    void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path dupTemp = dir.resolve("customers.duplicates.tmp");
        try (Writer cu = open(dir.resolve("customers.csv"), CUSTOMERS_HEADER);
                Writer du = Files.newBufferedWriter(dupTemp, StandardCharsets.UTF_8);
                Writer or = open(dir.resolve("orders.csv"), ORDERS_HEADER);
                Writer li = open(dir.resolve("order_lines.csv"), ORDER_LINES_HEADER);
                Writer we = open(dir.resolve("web_events.csv"), WEB_EVENTS_HEADER);
                Writer ti = open(dir.resolve("tickets.csv"), TICKETS_HEADER);
                Writer fe = open(dir.resolve("feedback.csv"), FEEDBACK_HEADER)) {
            for (int i = 0; i < customers; i++) {
                customer(i, cu, du, or, li, we, ti, fe);
            }
            du.close();
            try (var in = Files.newBufferedReader(dupTemp, StandardCharsets.UTF_8)) {
                in.transferTo(cu);
            }
        } finally {
            Files.deleteIfExists(dupTemp);
        }
        try (Writer pr = open(dir.resolve("products.csv"), PRODUCTS_HEADER)) {
            for (int p = 0; p < PRODUCTS.length; p++) {
                double cost = Math.round(productPrice[p] * (0.45 + 0.03 * (p % 7)) * 100) / 100.0;
                pr.write(productId(p) + "," + PRODUCTS[p][0] + "," + categoryOf(p) + "," + money(productPrice[p]) + ","
                        + money(cost) + "\n");
            }
        }
        Path truth = dir.resolve("truth.json.tmp");
        Files.writeString(truth, truthJson(), StandardCharsets.UTF_8);
        Files.move(truth, dir.resolve("truth.json"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static Writer open(Path file, String header) throws IOException {
        BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        w.write(header);
        w.write('\n');
        return w;
    }

    private record Order(long id, LocalDate date, String channel, List<int[]> lines, double[] prices, boolean late) {
    }

    private record Dated(LocalDate date, String row) {
    }

    private void customer(int i, Writer cu, Writer du, Writer or, Writer li, Writer we, Writer ti, Writer fe)
            throws IOException {
        Random r = new Random(seed * 1_000_003L + i * 0x9E3779B97F4A7C15L);
        long id = FIRST_CUSTOMER_ID + i;
        int place = r.nextInt(PLACES.length);
        boolean chinese = "CN".equals(PLACES[place][1]);
        String first = chinese ? pick(r, CN_FIRST_NAMES) : pick(r, FIRST_NAMES);
        String last = chinese ? pick(r, CN_LAST_NAMES) : pick(r, LAST_NAMES);
        String email = first.toLowerCase(Locale.ROOT) + "." + last.toLowerCase(Locale.ROOT) + (r.nextInt(900) + 10)
                + "@" + pick(r, DOMAINS);
        String phoneDigits = phoneDigits(r);
        String prefix = PHONE_PREFIX[place];
        LocalDate signup = LocalDate.of(2021, 1, 1).plusDays(r.nextInt((int) ChronoUnit.DAYS.between(
                LocalDate.of(2021, 1, 1), END.minusDays(90))));
        int plan = choose(r, PLAN_SHARE);
        String channel = new String[] {"web", "web", "web", "store", "store", "partner"}[r.nextInt(6)];
        int birthYear = 1950 + r.nextInt(56);
        boolean cAnalytics = r.nextDouble() < 0.9;
        boolean cMarketing = r.nextDouble() < 0.6;
        boolean cProfiling = r.nextDouble() < 0.7;
        int segment = choose(r, SEGMENT_SHARE);
        boolean troubled = r.nextDouble() < TROUBLED_RATE;
        double satisfaction = r.nextGaussian();
        double rateFactor = Math.exp(r.nextGaussian() * 0.3);

        LocalDate from = signup.isAfter(START) ? signup : START;
        double logit = CHURN_INTERCEPT + (plan == 0 ? CHURN_BASIC : 0) + (troubled ? CHURN_TROUBLED : 0)
                + CHURN_SATISFACTION * satisfaction;
        boolean churned = r.nextDouble() < 1 / (1 + Math.exp(-logit));
        LocalDate churnDate = null;
        LocalDate earliestChurn = from.plusDays(120);
        if (churned && earliestChurn.isBefore(END.minusDays(1))) {
            churnDate = earliestChurn.plusDays(r.nextInt((int) ChronoUnit.DAYS.between(earliestChurn, END)));
        } else {
            churned = false;
        }
        LocalDate reference = churned ? churnDate : END;
        LocalDate lastOrderDay = churned
                ? churnDate.minusDays(CHURN_GAP_MIN_DAYS + (long) (-Math.log(1 - r.nextDouble()) * CHURN_GAP_MEAN_EXTRA_DAYS))
                : END;

        segmentMembers.get(segment).add(id);
        if (troubled) {
            troubledIds.add(id);
        }
        // churn counters: 0 basic, 1 not basic, 2 troubled, 3 not troubled, 4 satisfaction < -1, 5 >= -1
        count(plan == 0 ? 0 : 1, churned);
        count(troubled ? 2 : 3, churned);
        count(satisfaction < -1 ? 4 : 5, churned);
        customersTotal++;
        churnedTotal += churned ? 1 : 0;

        // duplicate record
        long dupId = -1;
        LocalDate dupSignup = null;
        long dupWindow = ChronoUnit.DAYS.between(signup, reference) - 40;
        boolean duplicate = r.nextDouble() < DUPLICATE_RATE && dupWindow > 1;
        String[] dup = null;
        if (duplicate) {
            dupId = nextDuplicateId++;
            dupSignup = signup.plusDays(30 + r.nextInt((int) dupWindow));
            dup = typoed(r, first, last, email, prefix, phoneDigits);
            duplicatePairs.add(new long[] {id, dupId});
        }

        cu.write(id + "," + first + "," + last + "," + email + "," + phone(prefix, phoneDigits, 0) + ","
                + PLACES[place][0] + "," + PLACES[place][1] + "," + signup + "," + PLANS[plan] + "," + channel + ","
                + birthYear + "," + cAnalytics + "," + cMarketing + "," + cProfiling + ","
                + (churned ? "churned" : "active") + "," + (churned ? churnDate : "") + "\n");
        if (duplicate) {
            du.write(dupId + "," + dup[0] + "," + dup[1] + "," + dup[2] + "," + dup[3] + "," + PLACES[place][0] + ","
                    + PLACES[place][1] + "," + dupSignup + "," + PLANS[plan] + "," + channel + "," + birthYear + ","
                    + cAnalytics + "," + cMarketing + "," + cProfiling + "," + (churned ? "churned" : "active") + ","
                    + (churned ? churnDate : "") + "\n");
        }

        // orders by thinning a Poisson process with the seasonal rate
        List<Order> orders = new ArrayList<>();
        double maxFactor = (1 + TREND_PER_YEAR * 3) * (1 + YEARLY_AMPLITUDE) * 1.25;
        double ratePerDay = rateFactor / SEGMENT_GAP_DAYS[segment] * maxFactor;
        double t = -Math.log(1 - r.nextDouble()) / ratePerDay;
        long span = ChronoUnit.DAYS.between(from, lastOrderDay);
        while (t < span) {
            LocalDate day = from.plusDays((long) t);
            if (r.nextDouble() < seasonal(day) / maxFactor) {
                orders.add(order(r, day, channel, segment));
            }
            t += -Math.log(1 - r.nextDouble()) / ratePerDay;
        }

        List<Dated> tickets = new ArrayList<>();
        List<Dated> events = new ArrayList<>();
        List<Dated> feedback = new ArrayList<>();
        double valueSum = 0;
        LocalDate lastOrder = null;
        for (Order o : orders) {
            long customerOfOrder = duplicate && !o.date.isBefore(dupSignup) && r.nextDouble() < DUPLICATE_ORDER_SHARE
                    ? dupId : id;
            double total = 0;
            StringBuilder lines = new StringBuilder();
            int lineNo = 1;
            boolean bad = false;
            for (int k = 0; k < o.lines.size(); k++) {
                int[] line = o.lines.get(k);
                total += line[1] * o.prices[k];
                lines.append(o.id).append(',').append(lineNo++).append(',').append(productId(line[0])).append(',')
                        .append(line[1]).append(',').append(money(o.prices[k])).append('\n');
                bad |= line[0] == BAD_PRODUCT;
                int month = (int) ChronoUnit.MONTHS.between(START.withDayOfMonth(1), o.date.withDayOfMonth(1));
                monthlySales[line[0] / 10][month] += line[1] * o.prices[k];
            }
            or.write(o.id + "," + customerOfOrder + "," + o.date + "," + o.channel + "," + money(total) + "\n");
            li.write(lines.toString());
            ordersTotal++;
            linesTotal += o.lines.size();
            valueSum += total;
            lastOrder = o.date;
            if (!o.channel.equals("store") && r.nextDouble() < ORDER_SESSION_RATE) {
                long session = nextSession++;
                int hour = 8 + r.nextInt(15);
                int minute = r.nextInt(60);
                String[] pages = {"/product/" + productId(o.lines.get(0)[0]), "/checkout"};
                for (int k = 0; k < pages.length; k++) {
                    events.add(new Dated(o.date, "S" + session + "," + customerOfOrder + ","
                            + ts(o.date, hour, minute + k * 2, r.nextInt(60)) + "," + pages[k]));
                }
            }
            if (o.late) {
                tickets.add(ticket(r, customerOfOrder, o.date.plusDays(4 + r.nextInt(6)), "delivery", 30, 0.15));
            }
            if (bad && r.nextDouble() < BAD_PRODUCT_TICKET_RATE) {
                tickets.add(ticket(r, customerOfOrder, o.date.plusDays(3 + r.nextInt(18)), "product", 40, 0.2));
            }
            if (r.nextDouble() < FEEDBACK_PER_ORDER) {
                LocalDate day = o.date.plusDays(2 + r.nextInt(13));
                if (!day.isAfter(END)) {
                    feedback.add(feedback(r, customerOfOrder, day, o, bad, satisfaction, chinese));
                }
            }
        }
        // background tickets, trouble before the reference day, browsing sessions
        long active = ChronoUnit.DAYS.between(from, reference);
        int background = poisson(r, 0.4 * active / 365.0);
        for (int k = 0; k < background; k++) {
            String category = new String[] {"billing", "billing", "account", "delivery", "product"}[r.nextInt(5)];
            tickets.add(ticket(r, id, from.plusDays(r.nextInt((int) Math.max(1, active))), category, 20, 0.06));
        }
        if (troubled) {
            int n = 2 + r.nextInt(3);
            for (int k = 0; k < n; k++) {
                String category = new String[] {"billing", "delivery", "product", "account"}[r.nextInt(4)];
                Dated tk = ticket(r, id, reference.minusDays(1 + r.nextInt(89)), category, 60, k == 0 ? 1.0 : 0.5);
                tickets.add(tk);
                events.add(new Dated(tk.date, "S" + nextSession++ + "," + id + "," + ts(tk.date, 9 + r.nextInt(10),
                        r.nextInt(60), r.nextInt(60)) + ",/support"));
            }
        }
        long browsing = ChronoUnit.DAYS.between(from, churned ? lastOrderDay : END);
        int sessions = poisson(r, Math.max(0, browsing) / BROWSING_DAYS_PER_SESSION);
        for (int k = 0; k < sessions; k++) {
            LocalDate day = from.plusDays(r.nextInt((int) Math.max(1, browsing)));
            long session = nextSession++;
            int hour = 7 + r.nextInt(16);
            int minute = r.nextInt(50);
            String[] pages = r.nextBoolean() ? new String[] {"/", "/product/" + productId(r.nextInt(PRODUCTS.length))}
                    : new String[] {"/search", "/product/" + productId(r.nextInt(PRODUCTS.length)), "/account"};
            for (int p = 0; p < pages.length; p++) {
                events.add(new Dated(day, "S" + session + "," + id + "," + ts(day, hour, minute + p * 3,
                        r.nextInt(60)) + "," + pages[p]));
            }
        }
        writeSorted(we, events, null);
        nextTicket = writeSorted(ti, tickets, "T", nextTicket);
        nextFeedback = writeSorted(fe, feedback, "F", nextFeedback);
        eventsTotal += events.size();
        ticketsTotal += tickets.size();
        feedbackTotal += feedback.size();

        if (!orders.isEmpty()) {
            double[] s = segmentSums[segment];
            s[0]++;
            s[1] += orders.size();
            s[2] += valueSum / orders.size();
            s[3] += ChronoUnit.DAYS.between(lastOrder, END);
        }
    }

    private void count(int level, boolean churned) {
        churnCounts[level][0]++;
        churnCounts[level][1] += churned ? 1 : 0;
    }

    /** Writes the rows by date (stable), each prefixed with the next id when prefix is given. */
    private static void writeSorted(Writer w, List<Dated> rows, String prefix) throws IOException {
        writeSorted(w, rows, prefix, 0);
    }

    private static long writeSorted(Writer w, List<Dated> rows, String prefix, long next) throws IOException {
        rows.sort(Comparator.comparing(Dated::date));
        for (Dated d : rows) {
            if (prefix != null) {
                w.write(prefix + next++ + ",");
            }
            w.write(d.row);
            w.write('\n');
        }
        return next;
    }

    private Dated ticket(Random r, long customer, LocalDate day, String category, double medianHours,
            double escalateRate) {
        if (day.isAfter(END)) {
            day = END;
        }
        double hours = Math.round(medianHours * Math.exp(r.nextGaussian() * 0.8) * 10) / 10.0;
        boolean escalated = r.nextDouble() < escalateRate;
        return new Dated(day, customer + "," + day + "," + category + ","
                + String.format(Locale.ROOT, "%.1f", hours) + "," + escalated);
    }

    private Order order(Random r, LocalDate day, String customerChannel, int segment) {
        String channel = switch (customerChannel) {
            case "web" -> pickWeighted(r, new String[] {"web", "app", "store"}, new double[] {0.75, 0.2, 0.05});
            case "store" -> pickWeighted(r, new String[] {"store", "web", "app"}, new double[] {0.7, 0.25, 0.05});
            default -> pickWeighted(r, new String[] {"partner", "web"}, new double[] {0.6, 0.4});
        };
        int n = 1 + poisson(r, SEGMENT_EXTRA_LINES[segment]);
        List<int[]> lines = new ArrayList<>();
        double[] weights = categoryWeights(day);
        for (int k = 0; k < n; k++) {
            int category = choose(r, weights);
            addProduct(lines, productIn(r, category, segment), quantity(r));
        }
        // co-purchase rules, in order (the triple rule sees the sleeping bag the tent rule added)
        for (int rule = 0; rule < RULES.length; rule++) {
            if (containsAll(lines, ruleAntecedents[rule]) && !contains(lines, ruleConsequent[rule])
                    && r.nextDouble() < (Double) RULES[rule][2]) {
                addProduct(lines, ruleConsequent[rule], quantity(r));
            }
        }
        baskets++;
        for (int rule = 0; rule < RULES.length; rule++) {
            if (containsAll(lines, ruleAntecedents[rule])) {
                basketsWith[rule]++;
                if (contains(lines, ruleConsequent[rule])) {
                    basketsWithBoth[rule]++;
                }
            }
        }
        double[] prices = new double[lines.size()];
        for (int k = 0; k < prices.length; k++) {
            double price = productPrice[lines.get(k)[0]];
            double u = r.nextDouble();
            prices[k] = u < 0.07 ? Math.round(price * 90) / 100.0 : u < 0.1 ? Math.round(price * 80) / 100.0 : price;
        }
        return new Order(nextOrderId++, day, channel, lines, prices, r.nextDouble() < LATE_DELIVERY_RATE);
    }

    private static int quantity(Random r) {
        double u = r.nextDouble();
        return u < 0.8 ? 1 : u < 0.95 ? 2 : 3;
    }

    private static void addProduct(List<int[]> lines, int product, int quantity) {
        for (int[] line : lines) {
            if (line[0] == product) {
                line[1] += quantity;
                return;
            }
        }
        lines.add(new int[] {product, quantity});
    }

    private static boolean contains(List<int[]> lines, int product) {
        for (int[] line : lines) {
            if (line[0] == product) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsAll(List<int[]> lines, int[] products) {
        for (int p : products) {
            if (!contains(lines, p)) {
                return false;
            }
        }
        return true;
    }

    private int productIn(Random r, int category, int segment) {
        double[] w = new double[10];
        for (int k = 0; k < 10; k++) {
            w[k] = Math.pow(productPrice[category * 10 + k], SEGMENT_PRICE_EXPONENT[segment]) / (1 + 0.3 * k);
        }
        return category * 10 + choose(r, w);
    }

    /** The order-rate factor of a day: trend times yearly times weekly seasonality. */
    static double seasonal(LocalDate day) {
        double years = ChronoUnit.DAYS.between(START, day) / 365.25;
        double yearly = 1 + YEARLY_AMPLITUDE * Math.cos(2 * Math.PI * (day.getDayOfYear() - YEARLY_PEAK_DAY) / 365.25);
        return (1 + TREND_PER_YEAR * years) * yearly * WEEKLY[day.getDayOfWeek().getValue() - 1];
    }

    /** The category weights of a day: base weight times the category's trend and yearly seasonality. */
    static double[] categoryWeights(LocalDate day) {
        double years = ChronoUnit.DAYS.between(START, day) / 365.25;
        double[] w = new double[CATEGORIES.length];
        for (int c = 0; c < w.length; c++) {
            w[c] = CATEGORY_WEIGHT[c] * (1 + CATEGORY_TREND[c] * years)
                    * (1 + CATEGORY_AMPLITUDE[c] * Math.cos(2 * Math.PI * (day.getDayOfYear() - CATEGORY_PEAK_DAY[c])
                    / 365.25));
        }
        return w;
    }

    private Dated feedback(Random r, long customer, LocalDate day, Order o, boolean bad, double satisfaction,
            boolean chinese) {
        int product = -1;
        if (r.nextDouble() < 0.7) {
            product = bad && r.nextDouble() < 0.8 ? BAD_PRODUCT : o.lines.get(r.nextInt(o.lines.size()))[0];
        }
        boolean aboutBad = product == BAD_PRODUCT;
        double mean = NPS_BASE + NPS_SATISFACTION_SD * satisfaction + (o.late ? NPS_LATE_DELIVERY : 0)
                + (aboutBad ? NPS_BAD_PRODUCT : 0);
        int nps = (int) Math.max(0, Math.min(10, Math.round(mean + r.nextGaussian() * NPS_NOISE_SD)));
        int csat = (int) Math.max(1, Math.min(5, Math.round(1 + 4 * nps / 10.0 + r.nextGaussian() * 0.5)));
        npsSums[o.late ? 0 : 1][0] += nps;
        npsSums[o.late ? 0 : 1][1]++;
        if (product >= 0) {
            npsSums[aboutBad ? 2 : 3][0] += nps;
            npsSums[aboutBad ? 2 : 3][1]++;
        }
        boolean zh = chinese ? r.nextDouble() < 0.9 : r.nextDouble() < 0.03;
        int band = nps >= 9 ? 0 : nps >= 7 ? 1 : 2;
        bandCounts[band]++;
        String[] texts;
        if (band == 2 && aboutBad) {
            texts = zh ? ZH_BAD_PRODUCT : EN_BAD_PRODUCT;
        } else if (band == 2 && o.late) {
            texts = zh ? ZH_LATE : EN_LATE;
        } else if (band == 2) {
            texts = zh ? ZH_NEGATIVE : EN_NEGATIVE;
        } else if (band == 1) {
            texts = zh ? ZH_MIXED : EN_MIXED;
        } else {
            texts = zh ? ZH_POSITIVE : EN_POSITIVE;
        }
        String name = product >= 0 ? (String) PRODUCTS[product][0] : (zh ? "东西" : "order");
        String text = pick(r, texts).replace("{p}", name);
        return new Dated(day, customer + "," + day + ","
                + (product >= 0 ? productId(product) : "") + "," + nps + "," + csat + "," + (zh ? "zh" : "en") + ","
                + csv(text));
    }

    // ---- duplicates ------------------------------------------------------------------------------------------

    /** first, last, email, phone of the duplicate record: same person, typed differently. */
    static String[] typoed(Random r, String first, String last, String email, String prefix, String digits) {
        String f = first;
        String l = last;
        String e = email;
        int kind = r.nextInt(4);
        switch (kind) {
            case 0 -> l = transpose(r, l);
            case 1 -> f = transpose(r, f);
            case 2 -> l = l.toUpperCase(Locale.ROOT);
            default -> {
                f = f.toLowerCase(Locale.ROOT);
                l = l.toLowerCase(Locale.ROOT);
            }
        }
        if (r.nextDouble() < 0.3) {
            f = f.toUpperCase(Locale.ROOT);
        }
        double u = r.nextDouble();
        if (u < 0.4) {
            e = email.toUpperCase(Locale.ROOT);
        } else if (u < 0.7) {
            int at = email.indexOf('@');
            e = email.substring(0, at) + "+shop" + email.substring(at);
        }
        return new String[] {f, l, e, phone(prefix, digits, 1 + r.nextInt(3))};
    }

    private static String transpose(Random r, String s) {
        if (s.length() < 3) {
            return s + s.charAt(s.length() - 1);
        }
        int k = 1 + r.nextInt(s.length() - 2);
        char[] c = s.toCharArray();
        char tmp = c[k];
        c[k] = c[k + 1];
        c[k + 1] = tmp;
        String out = new String(c);
        return out.equals(s) ? s.substring(0, k) + s.substring(k + 1) : out;
    }

    private static String phoneDigits(Random r) {
        StringBuilder b = new StringBuilder();
        b.append(2 + r.nextInt(8));
        for (int k = 0; k < 9; k++) {
            b.append(r.nextInt(10));
        }
        return b.toString();
    }

    /** Formats the phone number: 0 "+1 234-567-8901", 1 "+12345678901", 2 "(234) 567 8901", 3 "001 234 567 8901". */
    static String phone(String prefix, String d, int style) {
        return switch (style) {
            case 0 -> "+" + prefix + " " + d.substring(0, 3) + "-" + d.substring(3, 6) + "-" + d.substring(6);
            case 1 -> "+" + prefix + d;
            case 2 -> "(" + d.substring(0, 3) + ") " + d.substring(3, 6) + " " + d.substring(6);
            default -> "00" + prefix + " " + d.substring(0, 3) + " " + d.substring(3, 6) + " " + d.substring(6);
        };
    }

    // ---- small helpers -----------------------------------------------------------------------------------------

    private static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }

    private static String pickWeighted(Random r, String[] values, double[] weights) {
        return values[choose(r, weights)];
    }

    private static int choose(Random r, double[] weights) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        double u = r.nextDouble() * sum;
        for (int k = 0; k < weights.length - 1; k++) {
            u -= weights[k];
            if (u < 0) {
                return k;
            }
        }
        return weights.length - 1;
    }

    private static int poisson(Random r, double mean) {
        if (mean > 30) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * r.nextGaussian()));
        }
        double l = Math.exp(-mean);
        int k = 0;
        double p = r.nextDouble();
        while (p > l) {
            k++;
            p *= r.nextDouble();
        }
        return k;
    }

    private static String ts(LocalDate day, int hour, int minute, int second) {
        int h = Math.min(23, hour + minute / 60);
        return String.format(Locale.ROOT, "%sT%02d:%02d:%02d", day, h, minute % 60, second);
    }

    static String money(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String csv(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    // ---- truth -----------------------------------------------------------------------------------------------

    private String truthJson() {
        Json j = new Json();
        j.open();
        j.field("generator", "org.assay.samples.CrmDataGenerator").field("seed", seed).field("customers", customers)
                .field("start", START.toString()).field("end", END.toString());
        j.key("rows").open().field("customers", customers + duplicatePairs.size()).field("products", PRODUCTS.length)
                .field("orders", ordersTotal).field("order_lines", linesTotal).field("web_events", eventsTotal)
                .field("tickets", ticketsTotal).field("feedback", feedbackTotal).close();

        j.key("duplicates").open()
                .field("description", "A share (rate) of the customers have a second record (a later signup_date) of the "
                        + "same person: same city, country, birth_year, plan, consents; first or last name with two "
                        + "letters transposed or changed case, the phone in another format, the email sometimes "
                        + "upper-cased or with a +shop tag. The second record's id is above all first ids and its signup is at least 40 days before the churn_date (or end); a share of "
                        + "the person's orders after the second signup (with their sessions, tickets, feedback) use it.")
                .field("rate", DUPLICATE_RATE).field("orderShareOnDuplicate", DUPLICATE_ORDER_SHARE)
                .field("count", duplicatePairs.size());
        j.key("pairs").array();
        for (long[] p : duplicatePairs) {
            j.raw("[" + p[0] + "," + p[1] + "]");
        }
        j.closeArray().close();

        j.key("churn").open()
                .field("description", "status churned is drawn with P = 1/(1+exp(-logit)), logit = intercept + basic "
                        + "* [plan=basic] + troubled * [troubled] + satisfaction * z, where z ~ N(0,1) is the "
                        + "customer's satisfaction offset (it also shifts every NPS the customer gives by z points). "
                        + "Troubled customers (rate) open 2-4 tickets in the 90 days before churn_date (or before end "
                        + "if active), the first escalated, half of the others escalated, with long resolutions, and "
                        + "visit /support (their ids: troubledCustomerIds). A churned customer's orders stop gapMin + Exp(gapMeanExtra) days before "
                        + "churn_date. Customers who signed up less than 120 days before end cannot churn.")
                .field("intercept", CHURN_INTERCEPT).field("basic", CHURN_BASIC).field("troubled", CHURN_TROUBLED)
                .field("satisfaction", CHURN_SATISFACTION).field("troubledRate", TROUBLED_RATE)
                .field("gapMinDays", CHURN_GAP_MIN_DAYS).field("gapMeanExtraDays", CHURN_GAP_MEAN_EXTRA_DAYS)
                .field("oddsRatioBasic", round(Math.exp(CHURN_BASIC), 3))
                .field("oddsRatioTroubled", round(Math.exp(CHURN_TROUBLED), 3))
                .field("oddsRatioPerNpsPointLower", round(Math.exp(-CHURN_SATISFACTION / NPS_SATISFACTION_SD), 3))
                .field("churnRate", rate(churnedTotal, customersTotal));
        j.key("troubledCustomerIds").array();
        for (long t : troubledIds) {
            j.raw(String.valueOf(t));
        }
        j.closeArray();
        j.key("observedChurnRate").open()
                .field("basic", rate(churnCounts[0][1], churnCounts[0][0]))
                .field("plusOrPremium", rate(churnCounts[1][1], churnCounts[1][0]))
                .field("troubled", rate(churnCounts[2][1], churnCounts[2][0]))
                .field("notTroubled", rate(churnCounts[3][1], churnCounts[3][0]))
                .field("satisfactionBelowMinus1Sd", rate(churnCounts[4][1], churnCounts[4][0]))
                .field("satisfactionOther", rate(churnCounts[5][1], churnCounts[5][0])).close();
        j.close();

        j.key("coPurchaseRules").open()
                .field("description", "When every antecedent is in a basket and the consequent is not, the consequent "
                        + "is added with probability p (rules applied in this order). confidence = baskets with "
                        + "antecedents and consequent / baskets with antecedents, support = that / all orders, as "
                        + "measured in order_lines.csv.")
                .field("orders", baskets);
        j.key("rules").array();
        for (int r = 0; r < RULES.length; r++) {
            Json rule = new Json();
            rule.open();
            rule.key("antecedents").array();
            for (int p : ruleAntecedents[r]) {
                rule.raw("\"" + productId(p) + "\"");
            }
            rule.closeArray();
            rule.key("antecedentNames").array();
            for (String n : (String[]) RULES[r][0]) {
                rule.raw("\"" + n + "\"");
            }
            rule.closeArray();
            rule.field("consequent", productId(ruleConsequent[r])).field("consequentName", (String) RULES[r][1])
                    .field("p", (Double) RULES[r][2])
                    .field("confidence", rate(basketsWithBoth[r], basketsWith[r]))
                    .field("support", round(basketsWithBoth[r] / (double) Math.max(1, baskets), 5))
                    .field("antecedentOrders", basketsWith[r]).close();
            j.raw(rule.toString());
        }
        j.closeArray().close();

        j.key("segments").open()
                .field("description", "Every customer belongs to one hidden behavioural group that sets the order "
                        + "rate (mean days between orders at seasonal factor 1, times a lognormal(0, 0.3) personal "
                        + "factor), the basket size (1 + Poisson(extraLines)) and the price preference (product "
                        + "weight within a category ~ price^priceExponent). Measured per group over customers with "
                        + "orders (first records, orders on both records counted once): orders, mean order value, "
                        + "days from the last order to end; customerIds lists each group's first records.");
        j.key("groups").array();
        for (int s = 0; s < SEGMENTS.length; s++) {
            double[] m = segmentSums[s];
            double n = Math.max(1, m[0]);
            Json g = new Json();
            g.open().field("name", SEGMENTS[s]).field("share", SEGMENT_SHARE[s])
                    .field("meanDaysBetweenOrders", SEGMENT_GAP_DAYS[s]).field("extraLines", SEGMENT_EXTRA_LINES[s])
                    .field("priceExponent", SEGMENT_PRICE_EXPONENT[s]).field("customersWithOrders", (long) m[0])
                    .field("meanOrders", round(m[1] / n, 2)).field("meanOrderValue", round(m[2] / n, 2))
                    .field("meanRecencyDays", round(m[3] / n, 1));
            g.key("customerIds").array();
            for (long member : segmentMembers.get(s)) {
                g.raw(String.valueOf(member));
            }
            g.closeArray().close();
            j.raw(g.toString());
        }
        j.closeArray().close();

        j.key("satisfaction").open()
                .field("description", "nps = clamp(round(base + satisfactionSd * z + lateDelivery * [the order was "
                        + "late] + badProduct * [the feedback is about the bad product] + N(0, noiseSd)), 0, 10); "
                        + "csat = clamp(round(1 + 4 * nps / 10 + N(0, 0.5)), 1, 5). A late order (rate) gets a "
                        + "delivery ticket 4-9 days after it; an order with the bad product gets a product ticket "
                        + "with badProductTicketRate. Feedback follows an order with feedbackPerOrder, 2-14 days "
                        + "later, about one of its products 70% of the time (the bad product 80% when the order "
                        + "has it). The text's polarity follows the NPS band: 9-10 positive, 7-8 mixed or neutral, "
                        + "0-6 negative (negative texts name the late delivery or the bad product when that was the "
                        + "cause). Language zh for 90% of customers in CN and 3% of the others, else en.")
                .field("base", NPS_BASE).field("satisfactionSd", NPS_SATISFACTION_SD)
                .field("lateDelivery", NPS_LATE_DELIVERY).field("badProduct", NPS_BAD_PRODUCT)
                .field("badProductId", productId(BAD_PRODUCT)).field("badProductName", (String) PRODUCTS[BAD_PRODUCT][0])
                .field("noiseSd", NPS_NOISE_SD).field("lateDeliveryRate", LATE_DELIVERY_RATE)
                .field("badProductTicketRate", BAD_PRODUCT_TICKET_RATE).field("feedbackPerOrder", FEEDBACK_PER_ORDER);
        j.key("observedMeanNps").open()
                .field("lateOrders", round(npsSums[0][0] / Math.max(1, npsSums[0][1]), 3))
                .field("onTimeOrders", round(npsSums[1][0] / Math.max(1, npsSums[1][1]), 3))
                .field("badProduct", round(npsSums[2][0] / Math.max(1, npsSums[2][1]), 3))
                .field("otherProducts", round(npsSums[3][0] / Math.max(1, npsSums[3][1]), 3)).close();
        j.key("textPolarityCounts").open().field("positive", bandCounts[0]).field("mixed", bandCounts[1])
                .field("negative", bandCounts[2]).close();
        j.close();

        j.key("sales").open()
                .field("description", "Orders arrive as a Poisson process per customer whose rate is multiplied by "
                        + "(1 + trendPerYear * years since start) * (1 + yearlyAmplitude * cos(2 pi (dayOfYear - "
                        + "yearlyPeakDay) / 365.25)) * weekly[Monday..Sunday]. Each line's category is drawn with "
                        + "weight base * (1 + trend * years) * (1 + amplitude * cos(2 pi (dayOfYear - peakDay) / "
                        + "365.25)). monthlySales is the sum of quantity * unit_price per category and month from "
                        + "start.")
                .field("trendPerYear", TREND_PER_YEAR).field("yearlyAmplitude", YEARLY_AMPLITUDE)
                .field("yearlyPeakDay", YEARLY_PEAK_DAY);
        j.key("weekly").array();
        for (int d = 0; d < 7; d++) {
            j.raw(String.valueOf(WEEKLY[d]));
        }
        j.closeArray();
        j.key("categories").array();
        for (int c = 0; c < CATEGORIES.length; c++) {
            Json g = new Json();
            g.open().field("name", CATEGORIES[c]).field("base", CATEGORY_WEIGHT[c]).field("trend", CATEGORY_TREND[c])
                    .field("amplitude", CATEGORY_AMPLITUDE[c]).field("peakDay", CATEGORY_PEAK_DAY[c]);
            g.key("monthlySales").array();
            for (int m = 0; m < MONTHS; m++) {
                g.raw(money(monthlySales[c][m]));
            }
            g.closeArray().close();
            j.raw(g.toString());
        }
        j.closeArray().close();
        j.close();
        return j + "\n";
    }

    private static double rate(long part, long whole) {
        return round(part / (double) Math.max(1, whole), 4);
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    /** A tiny JSON writer: enough for truth.json, no dependency. */
    static final class Json {
        private final StringBuilder b = new StringBuilder();
        private boolean first = true;

        Json open() {
            sep();
            b.append('{');
            first = true;
            return this;
        }

        Json close() {
            b.append('}');
            first = false;
            return this;
        }

        Json array() {
            b.append('[');
            first = true;
            return this;
        }

        Json closeArray() {
            b.append(']');
            first = false;
            return this;
        }

        Json key(String k) {
            sep();
            b.append('"').append(k).append("\":");
            first = true;
            return this;
        }

        Json raw(String v) {
            sep();
            b.append(v);
            first = false;
            return this;
        }

        Json field(String k, String v) {
            key(k);
            b.append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            first = false;
            return this;
        }

        Json field(String k, long v) {
            key(k);
            b.append(v);
            first = false;
            return this;
        }

        Json field(String k, double v) {
            key(k);
            b.append(Double.isFinite(v) ? String.valueOf(v) : "null");
            first = false;
            return this;
        }

        private void sep() {
            if (!first) {
                b.append(',');
            }
            first = false;
        }

        @Override
        public String toString() {
            return b.toString();
        }
    }

    // ---- main ------------------------------------------------------------------------------------------------

    public static void main(String[] args) throws IOException {
        Path out = Path.of("data/crm");
        int n = DEFAULT_CUSTOMERS;
        long s = SEED;
        for (int k = 0; k < args.length; k++) {
            switch (args[k]) {
                case "--out" -> out = Path.of(args[++k]);
                case "--customers" -> n = Integer.parseInt(args[++k]);
                case "--seed" -> s = Long.parseLong(args[++k]);
                default -> throw new IllegalArgumentException("unknown argument " + args[k]
                        + "; usage: CrmDataGenerator [--out DIR] [--customers N] [--seed S]");
            }
        }
        if (n < 1) {
            throw new IllegalArgumentException("--customers must be at least 1");
        }
        new CrmDataGenerator(s, n).write(out);
        System.out.println("wrote " + n + " customers to " + out.toAbsolutePath());
    }
}

package org.assay.samples;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Generates the sample web shop access log, data/access.log: two weeks of Apache combined
 * format lines in time order, deterministic. Each day a few dozen visitors (an address and a
 * browser each, no cookie) browse a handful of pages with their styles and scripts; some reach
 * {@code /checkout/done}; some pause for 45 minutes, which starts a second session; a crawler
 * visits all day; three lines are garbage. {@link #sessionsPerDay()} is the number of sessions
 * a 30-minute {@code sessionize} must find on each day (UTC), which the itest checks.
 */
public final class AccessLogGenerator {

    public static final long SEED = 20_251_110L;
    public static final LocalDate FIRST_DAY = LocalDate.of(2025, 3, 3);
    public static final int DAYS = 14;
    public static final int VISITORS = 120;
    /** Lines that fit no log format, which the reader quarantines. */
    public static final int GARBAGE_LINES = 3;
    private static final ZoneOffset ZONE = ZoneOffset.ofHours(1);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT);
    private static final String SITE = "https://shop.example.com";
    private static final String[] PAGES = {"/", "/products", "/products/shoes", "/products/bags", "/products/hats",
        "/sale", "/about", "/search?q=boots", "/products/shoes/runner-2", "/products/bags/tote"};
    private static final String[] AGENTS = {
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
        "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148"};
    private static final String BOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

    private final Random random;
    private final List<Line> lines = new ArrayList<>();
    private final Map<LocalDate, Integer> sessions = new TreeMap<>();

    private record Line(long epochSecond, int seq, String text) {}

    AccessLogGenerator(long seed) {
        this.random = new Random(seed);
        generate();
    }

    /** The committed sample, data/access.log. */
    public static String sample() {
        StringWriter w = new StringWriter();
        try {
            new AccessLogGenerator(SEED).write(w);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return w.toString();
    }

    /** Sessions per day (UTC) in the sample, with a 30-minute timeout, bots and static files left out. */
    public static Map<LocalDate, Integer> sessionsPerDay() {
        return Collections.unmodifiableMap(new AccessLogGenerator(SEED).sessions);
    }

    private void generate() {
        for (int d = 0; d < DAYS; d++) {
            LocalDate day = FIRST_DAY.plusDays(d);
            // Weekends are busier. Each visitor comes at most once a day, so sessions of one
            // visitor on different days are over twelve hours apart.
            int count = 25 + random.nextInt(15) + (day.getDayOfWeek().getValue() >= 6 ? 15 : 0);
            List<Integer> visitors = new ArrayList<>();
            for (int v = 0; v < VISITORS; v++) {
                visitors.add(v);
            }
            Collections.shuffle(visitors, random);
            for (int s = 0; s < count; s++) {
                visit(day, visitors.get(s));
            }
            crawl(day);
        }
        // Garbage somewhere in the middle: a truncated line, a blank-ish one, a binary probe.
        String[] garbage = {"192.0.2.250 - - [05/Mar/2025:12:00:00 +0100] \"GET /", "-", "\\x16\\x03\\x01\\x02\\x00\\x01"};
        long noon = FIRST_DAY.plusDays(2).atTime(11, 0).toEpochSecond(ZoneOffset.UTC);
        for (int i = 0; i < GARBAGE_LINES; i++) {
            lines.add(new Line(noon + i * 3600L, lines.size(), garbage[i]));
        }
    }

    /** One visit: a landing page with its assets, a few more pages, maybe a pause and a checkout. */
    private void visit(LocalDate day, int visitor) {
        String address = address(visitor);
        String agent = AGENTS[visitor % AGENTS.length];
        // Starts between 08:00 and 18:00 UTC and ends before 21:00 UTC, so it stays on its day.
        long t = day.atTime(8, 0).toEpochSecond(ZoneOffset.UTC) + random.nextInt(10 * 3600);
        int pages = 1 + random.nextInt(8);
        int pauseAfter = pages > 1 && random.nextDouble() < 0.12 ? 1 + random.nextInt(pages - 1) : -1;
        boolean converts = random.nextDouble() < 0.18;
        String referrer = random.nextBoolean() ? "https://www.google.com/" : "-";
        String previous = null;
        sessions.merge(day, pauseAfter > 0 ? 2 : 1, Integer::sum);
        List<String> path = new ArrayList<>();
        for (int p = 0; p < pages; p++) {
            path.add(PAGES[p == 0 ? random.nextInt(3) : random.nextInt(PAGES.length)]);
        }
        if (converts) {
            path.addAll(List.of("/cart", "/checkout", "/checkout/done"));
        }
        for (int p = 0; p < path.size(); p++) {
            String page = path.get(p);
            add(t, address, "GET", page, 200, 4_000 + random.nextInt(30_000), previous == null ? referrer
                    : SITE + previous, agent);
            if (p == 0) {
                add(t + 1, address, "GET", "/static/app.css", 200, 18_231, SITE + page, agent);
                add(t + 1, address, "GET", "/static/app.js", 200, 52_904, SITE + page, agent);
            }
            previous = page;
            // Reading time: 5 s to 5 min, under any sensible timeout; the pause is 45 minutes.
            t += p + 1 == pauseAfter ? 45 * 60 : 5 + random.nextInt(295);
        }
    }

    /** A crawler fetching pages all day from its own addresses. */
    private void crawl(LocalDate day) {
        long t = day.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        int fetches = 15 + random.nextInt(10);
        for (int i = 0; i < fetches; i++) {
            t += random.nextInt(86_400 / fetches);
            add(t, "66.249.66." + (1 + random.nextInt(200)), "GET", PAGES[random.nextInt(PAGES.length)], 200,
                    4_000 + random.nextInt(30_000), "-", BOT);
        }
    }

    /** Documentation addresses (RFC 5737), one per visitor. */
    private static String address(int visitor) {
        String[] nets = {"192.0.2.", "198.51.100.", "203.0.113."};
        return nets[visitor % 3] + (10 + visitor / 3);
    }

    private void add(long epochSecond, String address, String method, String path, int status, int bytes,
            String referrer, String agent) {
        String time = TIME.format(OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), ZONE));
        lines.add(new Line(epochSecond, lines.size(), address + " - - [" + time + "] \"" + method + " " + path
                + " HTTP/1.1\" " + status + " " + bytes + " \"" + referrer + "\" \"" + agent + "\""));
    }

    void write(Writer w) throws IOException {
        List<Line> sorted = new ArrayList<>(lines);
        sorted.sort((a, b) -> a.epochSecond != b.epochSecond ? Long.compare(a.epochSecond, b.epochSecond)
                : Integer.compare(a.seq, b.seq));
        for (Line line : sorted) {
            w.write(line.text);
            w.write('\n');
        }
    }

    /** Writes the sample to the file given (default data/access.log) and prints the sessions per day. */
    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "data/access.log");
        try (BufferedWriter w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            new AccessLogGenerator(SEED).write(w);
        }
        System.out.println(sessionsPerDay());
    }
}

package org.assay.samples;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;

/**
 * Generates the sample web journeys (data/journeys.csv): session_id, customer_id, ts, page, one
 * row per page view. Deterministic, with planted truth for the customer-journeys sample:
 *
 * <ul>
 *   <li>35% of sessions are buyers: home, then pricing, then plans, then signup, with other pages
 *       (blog, docs, about, careers, contact) mixed in between, each view 1-5 minutes after the last;</li>
 *   <li>20% are readers: blog, then product, then pricing; a quarter of them sign up after;</li>
 *   <li>the rest browse: 2-8 pages drawn at random from every page but signup;</li>
 *   <li>sessions start between 09:00 and 17:00 UTC on one of 60 days from 2026-03-01; views
 *       within a session are at most 5 minutes apart.</li>
 * </ul>
 */
public final class JourneyDataGenerator {

    public static final String HEADER = "session_id,customer_id,ts,page";
    public static final long SEED = 20_261_202L;
    public static final int SESSIONS = 3_000;
    public static final double BUYERS = 0.35;
    public static final double READERS = 0.20;
    static final String[] NOISE = {"blog", "docs", "about", "careers", "contact"};
    static final String[] BROWSE = {"home", "pricing", "plans", "blog", "docs", "about", "careers", "contact",
        "product"};
    private static final Instant FIRST = Instant.parse("2026-03-01T09:00:00Z");

    private final Random random;
    private final int sessions;
    private long ts;

    JourneyDataGenerator(long seed) {
        this(seed, SESSIONS);
    }

    /** For benchmarks: the same kinds of sessions, as many as asked. */
    public JourneyDataGenerator(long seed, int sessions) {
        this.random = new Random(seed);
        this.sessions = sessions;
    }

    public static String sample() {
        StringWriter w = new StringWriter();
        try {
            new JourneyDataGenerator(SEED).write(w);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return w.toString();
    }

    public void write(Writer w) throws IOException {
        w.write(HEADER);
        w.write('\n');
        for (int s = 0; s < sessions; s++) {
            long session = 50_001 + s;
            long customer = 200_001 + random.nextInt(1_500);
            ts = FIRST.toEpochMilli() + random.nextInt(60) * 86_400_000L + random.nextInt(8 * 3600) * 1000L;
            double kind = random.nextDouble();
            if (kind < BUYERS) {
                for (String page : new String[] {"home", "pricing", "plans", "signup"}) {
                    if (random.nextDouble() < 0.3) {
                        view(w, session, customer, NOISE[random.nextInt(NOISE.length)]);
                    }
                    view(w, session, customer, page);
                }
            } else if (kind < BUYERS + READERS) {
                view(w, session, customer, "blog");
                if (random.nextDouble() < 0.4) {
                    view(w, session, customer, NOISE[random.nextInt(NOISE.length)]);
                }
                view(w, session, customer, "product");
                view(w, session, customer, "pricing");
                if (random.nextDouble() < 0.25) {
                    view(w, session, customer, "signup");
                }
            } else {
                for (int n = 2 + random.nextInt(7); n > 0; n--) {
                    view(w, session, customer, BROWSE[random.nextInt(BROWSE.length)]);
                }
            }
        }
    }

    private void view(Writer w, long session, long customer, String page) throws IOException {
        w.write(session + "," + customer + "," + Instant.ofEpochMilli(ts) + "," + page + "\n");
        ts += (60 + random.nextInt(240)) * 1000L;
    }

    /** Writes the sample to the file given (default data/journeys.csv). */
    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "data/journeys.csv");
        try (BufferedWriter w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            new JourneyDataGenerator(SEED).write(w);
        }
    }
}

package org.assay.sequences.internal;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SequencePatternsStepTest {

    @TempDir
    Path dir;

    private static final Schema EVENTS = Schema.of(Field.of("session", FieldType.STRING),
            Field.of("t", FieldType.INTEGER), Field.of("page", FieldType.STRING));
    private static final Schema DATED = Schema.of(Field.of("customer", FieldType.STRING),
            Field.of("day", FieldType.DATE), Field.of("category", FieldType.STRING));

    private StepTestRunner runner(List<Object[]> events) {
        return new StepTestRunner(new SequencePatternsStepType(), dir).input("in", EVENTS, events, 7)
                .param("keyColumn", "session").param("itemColumn", "page").param("orderColumn", "t");
    }

    private static Map<String, Long> patterns(StepTestRunner r) {
        Map<String, Long> m = new TreeMap<>();
        r.output().forEach(o -> m.put((String) o[0], (Long) o[2]));
        return m;
    }

    @Test
    void countsEachSequenceOnceAndKeepsOrderButNotAdjacency() throws Exception {
        List<Object[]> events = List.of(row("s1", 1L, "home"), row("s1", 2L, "pricing"), row("s1", 3L, "home"),
                row("s1", 4L, "signup"), row("s2", 1L, "home"), row("s2", 5L, "signup"), row("s3", 2L, "signup"),
                row("s3", 1L, "pricing"));
        StepTestRunner r = runner(events).param("minSupport", 0.5).run();
        Map<String, Long> p = patterns(r);
        assertEquals(3L, p.get("signup"));
        assertEquals(2L, p.get("home"), "s1 has home twice: counted once");
        assertEquals(2L, p.get("home > signup"), "not adjacent in s1");
        assertEquals(2L, p.get("pricing > signup"), "s3 arrives out of order and is sorted by t");
        assertFalse(p.containsKey("signup > pricing"));
        assertFalse(p.containsKey("home > pricing"), "one sequence only, below half");
        r.assertRowsAccountedFor();
    }

    @Test
    void agreesWithBruteForceOnRandomSequencesWithAndWithoutConstraints() throws Exception {
        Random random = new Random(7);
        List<Object[]> events = new ArrayList<>();
        for (int s = 0; s < 60; s++) {
            int t = 0;
            for (int e = random.nextInt(8); e >= 0; e--) {
                t += 1 + random.nextInt(4);
                events.add(row("s" + s, (long) t, "p" + random.nextInt(5)));
            }
        }
        for (Double[] c : new Double[][] {{null, null}, {3.0, null}, {null, 6.0}, {2.0, 5.0}}) {
            StepTestRunner r = runner(events).param("minSupport", 0.1).param("maxLength", 4);
            if (c[0] != null) {
                r.param("maxGap", Long.toString(c[0].longValue()));
            }
            if (c[1] != null) {
                r.param("window", Long.toString(c[1].longValue()));
            }
            Map<String, Long> expected = bruteForce(events, 6, 4, c[0] == null ? Double.POSITIVE_INFINITY : c[0],
                    c[1] == null ? Double.POSITIVE_INFINITY : c[1]);
            assertEquals(expected, patterns(r.run()), "maxGap " + c[0] + ", window " + c[1]);
            assertTrue(expected.size() > 10, "a real test: " + expected.size());
        }
    }

    /** Every subsequence of every sequence, checked directly against the constraints. */
    static Map<String, Long> bruteForce(List<Object[]> events, int minCount, int maxLength, double maxGap,
            double window) {
        Map<String, List<long[]>> byKey = new TreeMap<>();
        Map<String, Integer> code = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (Object[] e : events) {
            int c = code.computeIfAbsent((String) e[2], k -> {
                names.add(k);
                return names.size() - 1;
            });
            byKey.computeIfAbsent((String) e[0], k -> new ArrayList<>()).add(new long[] {(Long) e[1], c});
        }
        Map<String, Long> counts = new TreeMap<>();
        for (List<long[]> seq : byKey.values()) {
            seq.sort((a, b) -> Long.compare(a[0], b[0]));
            Set<String> held = new HashSet<>();
            collect(seq, 0, new ArrayList<>(), names, maxLength, maxGap, window, held);
            held.forEach(h -> counts.merge(h, 1L, Long::sum));
        }
        counts.values().removeIf(v -> v < minCount);
        return counts;
    }

    private static void collect(List<long[]> seq, int from, List<Integer> chosen, List<String> names, int maxLength,
            double maxGap, double window, Set<String> held) {
        for (int i = from; i < seq.size(); i++) {
            if (!chosen.isEmpty()) {
                long t = seq.get(i)[0];
                if (t - seq.get(chosen.get(chosen.size() - 1))[0] > maxGap || t - seq.get(chosen.get(0))[0] > window) {
                    continue;
                }
            }
            chosen.add(i);
            StringBuilder b = new StringBuilder();
            for (int k : chosen) {
                b.append(b.length() == 0 ? "" : " > ").append(names.get((int) seq.get(k)[1]));
            }
            held.add(b.toString());
            if (chosen.size() < maxLength) {
                collect(seq, i + 1, chosen, names, maxLength, maxGap, window, held);
            }
            chosen.remove(chosen.size() - 1);
        }
    }

    @Test
    void rulesHaveConfidenceAndLiftFromTheirSides() throws Exception {
        List<Object[]> events = new ArrayList<>();
        // 10 sessions: 6 see pricing, 4 of those then sign up; 5 sign up in all.
        for (int s = 0; s < 10; s++) {
            long t = 0;
            if (s < 6) {
                events.add(row("s" + s, ++t, "pricing"));
            }
            if (s < 4 || s == 9) {
                events.add(row("s" + s, ++t, "signup"));
            }
            events.add(row("s" + s, ++t, "home"));
        }
        StepTestRunner r = runner(events).param("minSupport", 0.1).run();
        Object[] rule = r.output("rules").stream().filter(o -> o[0].equals("pricing") && o[1].equals("signup"))
                .findFirst().orElseThrow();
        assertEquals(4L, rule[2]);
        assertEquals(6L, rule[3]);
        assertEquals(5L, rule[4]);
        assertEquals(0.4, (Double) rule[5], 1e-12);
        assertEquals(4 / 6.0, (Double) rule[6], 1e-12);
        assertEquals((4 / 6.0) / 0.5, (Double) rule[7], 1e-12);
        r.assertRowsAccountedFor();
    }

    @Test
    void maxPatternsKeepsExactlyTheMostFrequent() throws Exception {
        Random random = new Random(3);
        List<Object[]> events = new ArrayList<>();
        for (int s = 0; s < 80; s++) {
            for (int e = 0; e < 6; e++) {
                events.add(row("s" + s, (long) e, "p" + random.nextInt(6)));
            }
        }
        List<Object[]> all = runner(events).param("minSupport", 0.05).run().output();
        List<Object[]> top = new StepTestRunner(new SequencePatternsStepType(), dir.resolve("top"))
                .input("in", EVENTS, events, 50).param("keyColumn", "session").param("itemColumn", "page")
                .param("orderColumn", "t").param("minSupport", 0.05).param("maxPatterns", 25).run().output();
        assertEquals(25, top.size());
        assertTrue(all.size() > 100);
        for (int i = 0; i < 25; i++) {
            assertEquals(all.get(i)[0], top.get(i)[0], "rank " + i);
        }
    }

    @Test
    void datesTakeSpansInDaysAndRepeatsCanCollapse() throws Exception {
        LocalDate d = LocalDate.of(2026, 1, 1);
        List<Object[]> events = List.of(row("c1", d, "phones"), row("c1", d.plusDays(1), "phones"),
                row("c1", d.plusDays(10), "cases"), row("c2", d, "phones"), row("c2", d.plusDays(40), "cases"));
        StepTestRunner within = new StepTestRunner(new SequencePatternsStepType(), dir.resolve("a"))
                .input("in", DATED, events, 10).param("keyColumn", "customer").param("itemColumn", "category")
                .param("orderColumn", "day").param("maxGap", "30d").param("minSupport", 0.5).run();
        Map<String, Long> p = patterns(within);
        assertEquals(1L, p.get("phones > cases"), "c2 waited 40 days");
        assertEquals(1L, p.get("phones > phones"));
        StepTestRunner collapsed = new StepTestRunner(new SequencePatternsStepType(), dir.resolve("b"))
                .input("in", DATED, events, 10).param("keyColumn", "customer").param("itemColumn", "category")
                .param("orderColumn", "day").param("keepRepeats", false).param("minSupport", 0.5).run();
        assertFalse(patterns(collapsed).containsKey("phones > phones"));
        assertEquals(2L, patterns(collapsed).get("phones > cases"));
    }

    @Test
    void withoutAnOrderColumnSpansCountEvents() throws Exception {
        List<Object[]> events = List.of(row("s", 9L, "a"), row("s", 1L, "x"), row("s", 5L, "b"));
        StepTestRunner r = new StepTestRunner(new SequencePatternsStepType(), dir).input("in", EVENTS, events, 10)
                .param("keyColumn", "session").param("itemColumn", "page").param("maxGap", "1").run();
        Map<String, Long> p = patterns(r);
        assertTrue(p.containsKey("a > x"), "input order, not t");
        assertFalse(p.containsKey("a > b"), "two events apart");
    }

    @Test
    void eventsWithoutKeyOrderOrItemAreQuarantined() throws Exception {
        StepTestRunner r = runner(List.of(row(null, 1L, "a"), row("s", null, "a"), row("s", 2L, null),
                row("s", 3L, "a"))).param("minSupport", 0.5).run();
        assertEquals(3, r.quarantined().size());
        assertTrue(r.quarantined().get(1).reason().contains("order"));
        assertEquals(Map.of("a", 1L), patterns(r));
        r.assertRowsAccountedFor();
    }

    @Test
    void emptyInputGivesNoPatterns() throws Exception {
        StepTestRunner r = runner(List.of()).run();
        assertTrue(r.output().isEmpty());
        assertTrue(r.output("rules").isEmpty());
        r.assertRowsAccountedFor();
    }

    @Test
    void spansAreCheckedAgainstTheOrderColumn() {
        runner(List.of()).param("maxGap", "3d").assertInvalid("maxGap", "plain number");
        new StepTestRunner(new SequencePatternsStepType(), dir).input("in", DATED, List.of(), 1)
                .param("keyColumn", "customer").param("itemColumn", "category").param("orderColumn", "day")
                .param("window", "12h").assertInvalid("window", "whole number of days");
        runner(List.of()).param("maxGap", "soon").assertInvalid("maxGap", "not a span");
        runner(List.of()).param("itemColumn", "nope").assertInvalid("itemColumn", "nope");
        assertThrows(IllegalArgumentException.class, () -> Gap.parse("5y", null));
        assertEquals(2 * 3600_000.0, Gap.parse("2h", FieldType.TIMESTAMP));
        assertEquals(14.0, Gap.parse("2w", FieldType.DATE));
    }
}

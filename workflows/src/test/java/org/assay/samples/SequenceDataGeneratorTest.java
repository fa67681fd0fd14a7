package org.assay.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SequenceDataGeneratorTest {

    @Test
    void committedSamplesAreTheGeneratorsOutput() throws Exception {
        assertEquals(JourneyDataGenerator.sample(), Files.readString(Path.of("data/journeys.csv"),
                StandardCharsets.UTF_8), "data/journeys.csv differs; regenerate it with JourneyDataGenerator.main");
        assertEquals(EngagementDataGenerator.sample(), Files.readString(Path.of("data/monthly-activity.csv"),
                StandardCharsets.UTF_8), "data/monthly-activity.csv differs; regenerate it with"
                + " EngagementDataGenerator.main");
    }

    @Test
    void journeysHoldThePlantedPathAndOnlyBuyersAndReadersSignUp() {
        Map<String, List<String>> sessions = new LinkedHashMap<>();
        List<String> lines = JourneyDataGenerator.sample().lines().toList();
        assertEquals(JourneyDataGenerator.HEADER, lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            sessions.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f[3]);
        }
        assertEquals(JourneyDataGenerator.SESSIONS, sessions.size());
        long path = sessions.values().stream().filter(s -> inOrder(s, "home", "pricing", "plans", "signup")).count();
        assertEquals(JourneyDataGenerator.BUYERS, path / (double) sessions.size(), 0.03);
        long signups = sessions.values().stream().filter(s -> s.contains("signup")).count();
        assertTrue(signups > path, "readers sign up too");
    }

    @Test
    void monthlyActivityHasOneRowPerCustomerAndMonth() {
        List<String> lines = EngagementDataGenerator.sample().lines().toList();
        assertEquals(EngagementDataGenerator.HEADER, lines.get(0));
        assertEquals(EngagementDataGenerator.CUSTOMERS * EngagementDataGenerator.MONTHS, lines.size() - 1);
        double emailShare = lines.stream().skip(1).filter(l -> l.endsWith(",email")).count() / (lines.size() - 1.0);
        assertTrue(emailShare > 0.1 && emailShare < 0.5, "dormant months are mostly e-mail: " + emailShare);
    }

    private static boolean inOrder(List<String> pages, String... wanted) {
        int at = 0;
        for (String p : pages) {
            if (at < wanted.length && p.equals(wanted[at])) {
                at++;
            }
        }
        return at == wanted.length;
    }
}

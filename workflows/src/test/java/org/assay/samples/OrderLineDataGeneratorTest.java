package org.assay.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrderLineDataGeneratorTest {

    @Test
    void committedSampleIsTheGeneratorsOutput() throws Exception {
        assertEquals(OrderLineDataGenerator.sample(), Files.readString(Path.of("data/order-lines.csv"),
                StandardCharsets.UTF_8), "data/order-lines.csv differs from the generator; regenerate it with"
                + " OrderLineDataGenerator.main");
    }

    @Test
    void theSampleHoldsThePlantedRules() {
        List<String> lines = OrderLineDataGenerator.sample().lines().toList();
        assertEquals(OrderLineDataGenerator.HEADER, lines.get(0));
        Map<String, Set<String>> baskets = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            baskets.computeIfAbsent(f[0], k -> new HashSet<>()).add(f[3]);
        }
        long diapers = baskets.values().stream().filter(b -> b.contains("diapers")).count();
        long both = baskets.values().stream().filter(b -> b.contains("diapers") && b.contains("beer")).count();
        assertEquals(0.8, (double) both / diapers, 0.03);
        long sauce = baskets.values().stream().filter(b -> b.contains("pasta") && b.contains("tomato sauce")).count();
        long all = baskets.values().stream().filter(b -> b.containsAll(List.of("pasta", "tomato sauce", "parmesan")))
                .count();
        assertEquals(0.7, (double) all / sauce, 0.03);
        assertTrue(baskets.size() > 9_000, "orders: " + baskets.size());
    }
}

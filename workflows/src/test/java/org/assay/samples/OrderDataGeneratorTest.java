package org.assay.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrderDataGeneratorTest {

    @Test
    void committedSampleIsTheGeneratorsOutput() throws Exception {
        assertEquals(OrderDataGenerator.sample(), Files.readString(Path.of("data/orders.csv"), StandardCharsets.UTF_8),
                "data/orders.csv differs from the generator; regenerate it with OrderDataGenerator.main");
    }

    @Test
    void ordersBelongToTheSampleCustomersAndSomeAreRefunds() {
        List<String> lines = OrderDataGenerator.sample().lines().toList();
        assertEquals(OrderDataGenerator.HEADER, lines.get(0));
        Set<String> buyers = new HashSet<>();
        int refunds = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            long customer = Long.parseLong(f[1]);
            assertTrue(customer >= 100_001 && customer < 100_001 + CustomerDataGenerator.SAMPLE_ROWS, line);
            buyers.add(f[1]);
            refunds += f[3].startsWith("-") ? 1 : 0;
        }
        assertTrue(lines.size() > 8_000, "about three orders per customer: " + lines.size());
        assertTrue(buyers.size() < CustomerDataGenerator.SAMPLE_ROWS, "some customers never ordered");
        assertTrue(refunds > 100, "refunds to filter out: " + refunds);
    }
}

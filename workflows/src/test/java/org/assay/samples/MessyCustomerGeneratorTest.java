package org.assay.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessyCustomerGeneratorTest {

    @Test
    void committedSampleIsTheGeneratorsOutput() throws Exception {
        assertEquals(MessyCustomerGenerator.sample(), Files.readString(Path.of("data/customers-messy.csv"),
                StandardCharsets.UTF_8), "data/customers-messy.csv differs from the generator; regenerate it with "
                + "mvn -f workflows/pom.xml compile exec:java -Dexec.mainClass=org.assay.samples.MessyCustomerGenerator"
                + " -Dexec.args=data/customers-messy.csv");
    }

    @Test
    void sampleHasDuplicatesMixedFormatsAndBrokenRules() {
        List<String> lines = MessyCustomerGenerator.sample().lines().toList();
        assertEquals(MessyCustomerGenerator.HEADER, lines.get(0));
        int rows = lines.size() - 1;
        assertTrue(rows > MessyCustomerGenerator.ENTITIES * 1.2, "about a third of customers twice: " + rows);
        String all = String.join("\n", lines);
        assertTrue(all.contains(",shop,") && all.contains(",crm,"));
        assertTrue(all.contains(",NY,") && all.contains(",New York City,"));
        assertTrue(lines.stream().anyMatch(l -> l.split(",", -1)[9].startsWith("-")), "a negative income");
        assertTrue(lines.stream().anyMatch(l -> l.split(",", -1)[6].contains(".")), "a dd.MM.yyyy date");
    }
}

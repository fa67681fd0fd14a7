package org.assay.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChurnDataGeneratorTest {

    @Test
    void committedSamplesAreTheGeneratorsOutput() throws Exception {
        assertEquals(ChurnDataGenerator.training(), Files.readString(Path.of("data/churn.csv"), StandardCharsets.UTF_8),
                "data/churn.csv differs from the generator; regenerate it with ChurnDataGenerator.main");
        assertEquals(ChurnDataGenerator.fresh(), Files.readString(Path.of("data/churn-new.csv"),
                StandardCharsets.UTF_8), "data/churn-new.csv differs from the generator");
    }

    @Test
    void aboutOneInFourChurnsAndMonthToMonthChurnsMore() {
        List<String> lines = ChurnDataGenerator.training().lines().toList();
        assertEquals(ChurnDataGenerator.HEADER, lines.get(0));
        int churned = 0;
        int monthly = 0;
        int monthlyChurned = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            boolean yes = f[8].equals("yes");
            churned += yes ? 1 : 0;
            if (f[2].equals("month-to-month")) {
                monthly++;
                monthlyChurned += yes ? 1 : 0;
            }
        }
        double rate = churned / (double) (lines.size() - 1);
        assertTrue(rate > 0.15 && rate < 0.4, "churn rate " + rate);
        assertTrue(monthlyChurned / (double) monthly > rate + 0.05, "month-to-month churns more");
    }
}

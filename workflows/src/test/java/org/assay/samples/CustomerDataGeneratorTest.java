package org.assay.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomerDataGeneratorTest {

    private static final Path COMMITTED = Path.of("data/customers.csv");

    @Test
    void committedSampleIsTheGeneratorsOutput() throws Exception {
        String committed = Files.readString(COMMITTED, StandardCharsets.UTF_8);
        assertEquals(CustomerDataGenerator.sample(), committed,
                "data/customers.csv differs from the generator; regenerate it with "
                        + "mvn -f workflows/pom.xml compile exec:java -Dexec.args=data/customers.csv");
    }

    @Test
    void sampleHasTheAdvertisedShape() {
        List<String> lines = CustomerDataGenerator.sample().lines().toList();
        assertEquals(CustomerDataGenerator.HEADER, lines.get(0));
        assertEquals(CustomerDataGenerator.SAMPLE_ROWS + 1, lines.size());

        int malformed = 0;
        int firstMalformed = Integer.MAX_VALUE;
        int[] missing = new int[11];
        Map<String, Integer> cities = new HashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            if (f.length != 11 || !numericOrMissing(f[5]) || !numericOrMissing(f[6])) {
                malformed++;
                firstMalformed = Math.min(firstMalformed, i + 1);
                continue;
            }
            for (int c = 0; c < 11; c++) {
                if (f[c].isEmpty() || f[c].equals("NA")) {
                    missing[c]++;
                }
            }
            cities.merge(f[4], 1, Integer::sum);
        }
        assertEquals(CustomerDataGenerator.SAMPLE_MALFORMED, malformed);
        assertTrue(firstMalformed < 1000, "a malformed line falls within the rows type inference samples");
        for (int c : new int[] {5, 6, 9}) {
            assertTrue(missing[c] > 45 && missing[c] < 135, "about 3% missing in column " + c + ": " + missing[c]);
        }
        assertEquals(0, missing[0] + missing[1] + missing[4] + missing[7] + missing[8] + missing[10]);
        assertEquals(15, cities.size());
        assertTrue(cities.get("New York") > cities.get("Portland") * 3, "cities follow a skewed distribution");
    }

    @Test
    void recentCustomersSpendMoreThanLapsedOnes() {
        double[] spendRecent = new double[2];
        double[] spendLapsed = new double[2];
        for (String line : CustomerDataGenerator.sample().lines().skip(1).toList()) {
            String[] f = line.split(",", -1);
            if (f.length != 11 || f[9].isEmpty() || f[9].equals("NA")) {
                continue;
            }
            long daysAgo = java.time.temporal.ChronoUnit.DAYS.between(java.time.LocalDate.parse(f[10]),
                    CustomerDataGenerator.AS_OF);
            double[] acc = daysAgo > 180 ? spendLapsed : spendRecent;
            acc[0] += Double.parseDouble(f[9]);
            acc[1]++;
        }
        assertTrue(spendRecent[0] / spendRecent[1] > 1.5 * spendLapsed[0] / spendLapsed[1],
                "segments make behaviour correlated");
    }

    @Test
    void bigModeHasNoMalformedLinesAndIsReproducible() throws Exception {
        StringWriter a = new StringWriter();
        StringWriter b = new StringWriter();
        new CustomerDataGenerator(CustomerDataGenerator.SEED).write(a, 20_000, 0);
        new CustomerDataGenerator(CustomerDataGenerator.SEED).write(b, 20_000, 0);
        assertEquals(a.toString(), b.toString());
        List<String> lines = a.toString().lines().toList();
        assertEquals(20_001, lines.size());
        assertTrue(lines.stream().skip(1).allMatch(l -> l.split(",", -1).length == 11
                && numericOrMissing(l.split(",", -1)[5])));
    }

    @Test
    void mainWritesAFile(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path out = dir.resolve("sub/c.csv");
        CustomerDataGenerator.main(new String[] {out.toString(), "50"});
        assertEquals(51, Files.readAllLines(out).size());
    }

    private static boolean numericOrMissing(String s) {
        return s.isEmpty() || s.equals("NA") || s.chars().allMatch(Character::isDigit);
    }
}

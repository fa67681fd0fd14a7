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

class MemberDataGeneratorTest {

    @Test
    void committedSamplesAreTheGeneratorsOutput() throws Exception {
        assertEquals(MemberDataGenerator.members(), Files.readString(Path.of("data/members.csv"),
                StandardCharsets.UTF_8), "data/members.csv differs; regenerate it with MemberDataGenerator.main");
        assertEquals(MemberDataGenerator.hierarchies(), Files.readString(Path.of("data/member-hierarchies.csv"),
                StandardCharsets.UTF_8), "data/member-hierarchies.csv differs from the generator");
    }

    @Test
    void emailsAreUniqueAndManyMembersAreUniqueOnTheirQuasiIdentifiers() {
        List<String> lines = MemberDataGenerator.members().lines().toList();
        assertEquals(MemberDataGenerator.HEADER, lines.get(0));
        Set<String> emails = new HashSet<>();
        Map<String, Integer> classes = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            assertTrue(emails.add(f[3]), "e-mails are unique");
            classes.merge(f[5] + "," + f[6] + "," + f[7], 1, Integer::sum);
        }
        long unique = classes.values().stream().filter(n -> n == 1).count();
        assertTrue(unique > lines.size() / 3, "age + sex + postcode single out " + unique + " members");
    }

    @Test
    void noNameIsAWordOfTheCitiesOrTheirRegions() {
        for (String[] city : MemberDataGenerator.CITIES) {
            for (String part : city) {
                for (String line : MemberDataGenerator.members().lines().skip(1).limit(200).toList()) {
                    String[] f = line.split(",");
                    assertTrue(!part.contains(f[1]) && !part.contains(f[2]), f[1] + " " + f[2] + " in " + part);
                }
            }
        }
    }
}

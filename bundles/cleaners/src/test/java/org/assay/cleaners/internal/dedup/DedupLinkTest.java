package org.assay.cleaners.internal.dedup;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dedup's link mode: a CRM export (input in) against a shop's customer table (input other). */
class DedupLinkTest {

    @TempDir
    Path dir;

    private static final Schema CRM = Schema.of(Field.of("crm_id", FieldType.STRING).withTags(FieldTag.ID),
            Field.of("first", FieldType.STRING), Field.of("last", FieldType.STRING),
            Field.of("zip", FieldType.STRING), Field.of("email", FieldType.STRING),
            Field.of("segment", FieldType.CATEGORICAL));
    private static final Schema SHOP = Schema.of(Field.of("shop_id", FieldType.STRING).withTags(FieldTag.ID),
            Field.of("email", FieldType.STRING), Field.of("last", FieldType.STRING),
            Field.of("first", FieldType.STRING), Field.of("zip", FieldType.STRING),
            Field.of("orders", FieldType.INTEGER));

    private static List<Object[]> crm() {
        return List.of(
                row("C1", "Anna", "Schmidt", "10115", "anna.schmidt@example.com", "gold"),
                row("C2", "Jonas", "Weber", "20095", "jonas@example.com", "silver"),
                // C3 is C2 again inside the CRM: link mode must not pair two CRM rows.
                row("C3", "Jonas", "Weber", "20095", "jonas@example.com", "silver"),
                row("C4", "Lena", "Fischer", "80331", "lena.f@example.com", "gold"),
                row("C5", "Paul", "Wagner", "50667", "paul.w@example.com", "bronze"));
    }

    private static List<Object[]> shop() {
        return List.of(
                row("S1", "anna.schmidt@example.com", "Schmitd", "Anna", "10115", 4L), // typo
                row("S2", "lena.f@example.com", "Fischer", "Lena", "80331", 1L),
                row("S3", "tom@example.com", "Becker", "Tom", "10115", 2L), // no CRM twin
                row("S4", "lena.f@example.com", "Fischer", "Lena", "80331", 7L)); // S2 again in the shop
    }

    private StepTestRunner fuzzy() {
        return new StepTestRunner(new DedupStepType(), dir).param("mode", "fuzzy")
                .param("fields", Map.of("first", "jaro-winkler", "last", "jaro-winkler:2", "email", "levenshtein:2"))
                .param("blocking", List.of("zip")).param("threshold", 0.9).param("idColumn", "crm_id")
                .param("otherIdColumn", "shop_id").input("in", CRM, crm(), 2).input("other", SHOP, shop(), 3);
    }

    private static Set<String> pairs(List<Object[]> links) {
        Set<String> s = new HashSet<>();
        for (Object[] l : links) {
            if (Boolean.TRUE.equals(l[3])) {
                s.add(l[0] + "-" + l[1]);
            }
        }
        return s;
    }

    @Test
    void onlyPairsAcrossTheInputsAreLinkedWithBothIdsAndTheScore() throws Exception {
        StepTestRunner r = fuzzy().run();
        List<Object[]> links = r.output("links");
        assertEquals(Set.of("C1-S1", "C4-S2", "C4-S4"), pairs(links),
                "C2/C3 and S2/S4 are twins within one input: not pairs; S2 and S4 are one entity through C4");
        for (Object[] l : links) {
            assertTrue((Double) l[2] >= 0.9, "score " + l[2]);
            assertTrue(((String) l[0]).startsWith("C") && ((String) l[1]).startsWith("S"), "id_a in, id_b other");
        }
        assertEquals(DedupStepType.LINKS_SCHEMA, r.outputSchema("links"));

        List<Object[]> out = r.output();
        // 5 CRM + 4 shop rows: C1+S1 and C4+S2+S4 merge; C2, C3, C5 and S3 stay alone.
        assertEquals(6, out.size());
        Set<String> lineage = new HashSet<>();
        out.forEach(o -> lineage.add((String) o[8]));
        assertTrue(lineage.containsAll(Set.of("C1;other:S1", "C4;other:S2;other:S4", "C2", "C3", "other:S3")),
                lineage.toString());
        Object[] tom = out.stream().filter(o -> "other:S3".equals(o[8])).findFirst().orElseThrow();
        assertEquals("Tom", tom[1], "a shop row in the CRM's columns, by name");
        assertEquals(null, tom[5], "a column the shop lacks is empty");
        assertEquals(null, tom[0], "the shop has no crm_id");
        assertEquals(3, r.filtered());
        r.assertRowsAccountedFor();
    }

    @Test
    void exactLinkModeLinksKeysAcrossInputsOnly() throws Exception {
        StepTestRunner r = new StepTestRunner(new DedupStepType(), dir).param("keys", List.of("email"))
                .param("idColumn", "crm_id").param("otherIdColumn", "shop_id")
                .input("in", CRM, crm(), 2).input("other", SHOP, shop(), 3).run();
        assertEquals(Set.of("C1-S1", "C4-S2", "C4-S4"), pairs(r.output("links")));
        assertEquals(1.0, r.output("links").get(0)[2]);
        assertEquals(6, r.output().size(), "C2 and C3 share an e-mail but link to no shop row: both stay");
        r.assertRowsAccountedFor();
    }

    @Test
    void withoutOtherTheLinksAreTheMatchedPairsOfOneInput() throws Exception {
        StepTestRunner r = new StepTestRunner(new DedupStepType(), dir).param("keys", List.of("email"))
                .param("idColumn", "crm_id").input("in", CRM, crm(), 2).run();
        assertEquals(Set.of("C2-C3"), pairs(r.output("links")));
        r.assertRowsAccountedFor();
    }

    @Test
    void otherMustHaveTheComparedColumnsWithTheSameTypes() {
        Schema noZip = Schema.of(Field.of("shop_id", FieldType.STRING), Field.of("email", FieldType.STRING),
                Field.of("last", FieldType.STRING), Field.of("first", FieldType.STRING));
        new StepTestRunner(new DedupStepType(), dir).param("mode", "fuzzy")
                .param("fields", Map.of("first", "jaro-winkler", "last", "jaro-winkler")).param("blocking",
                        List.of("zip")).input("in", CRM, crm(), 2).input("other", noZip, List.of(), 2)
                .assertInvalid(null, "input 'other' has no column 'zip'");
        Schema zipNumber = Schema.of(Field.of("first", FieldType.STRING), Field.of("last", FieldType.STRING),
                Field.of("zip", FieldType.INTEGER));
        new StepTestRunner(new DedupStepType(), dir).param("mode", "fuzzy")
                .param("fields", Map.of("first", "jaro-winkler", "last", "jaro-winkler")).param("blocking",
                        List.of("zip")).input("in", CRM, crm(), 2).input("other", zipNumber, List.of(), 2)
                .assertInvalid(null, "column 'zip' is string in input 'in' but integer");
        new StepTestRunner(new DedupStepType(), dir).param("keys", List.of("email")).param("otherIdColumn", "nope")
                .input("in", CRM, crm(), 2).input("other", SHOP, shop(), 2).assertInvalid("otherIdColumn", "nope");
    }
}

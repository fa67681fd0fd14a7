package org.assay.cleaners.internal.normalize;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NormalizeStepTest {

    @TempDir
    Path dir;

    private StepTestRunner one(String rule, FieldType type, Object... values) {
        Schema s = Schema.of(Field.of("v", type));
        List<Object[]> rows = Arrays.stream(values).map(v -> row(v)).toList();
        return new StepTestRunner(new NormalizeStepType(), dir).param("columns", Map.of("v", rule))
                .param("onInvalid", "set-null").input("in", s, rows, 2);
    }

    private static List<Object> values(StepTestRunner r) {
        return r.output().stream().map(x -> x[0]).toList();
    }

    @Test
    void textTrimsCollapsesAndTurnsFullWidthIntoHalfWidth() throws Exception {
        assertEquals(Arrays.asList("Ann Lee", "ABC 123", null, "Jose Muller", "o'brien-smith"), values(one("text",
                FieldType.STRING, "  Ann \t Lee ", "ＡＢＣ　１２３", null, "Jose Muller", "o'brien-smith").run()));
        assertEquals(List.of("José Müller", "O'Brien-Smith"), values(one("text:title", FieldType.STRING,
                "josé MÜLLER", "o'brien-smith").run()));
        assertEquals(List.of("jose muller"), values(one("text:lower,fold-accents", FieldType.STRING, "José Müller")
                .run()));
    }

    @Test
    void phonesBecomeE164WithTheDefaultRegionAndInvalidOnesAreCaught() throws Exception {
        StepTestRunner r = one("phone", FieldType.STRING, "(202) 555-0143", "+44 20 7946 0958", "021 123 4567",
                "12", "+1 202-555-0143").run();
        assertEquals(Arrays.asList("+12025550143", "+442079460958", null, null, "+12025550143"), values(r));
        StepTestRunner nz = one("phone", FieldType.STRING, "021 123 4567").param("defaultRegion", "NZ").run();
        assertEquals(List.of("+64211234567"), values(nz));
    }

    @Test
    void emailsAreLowerCasedAndChecked() throws Exception {
        assertEquals(Arrays.asList("ann.lee@example.com", null, null, null, "x+tag@sub.example.org"),
                values(one("email", FieldType.STRING, " Ann.Lee@EXAMPLE.com ", "ann@", "a..b@example.com",
                        "ann lee@example.com", "X+Tag@Sub.Example.ORG").run()));
    }

    @Test
    void datesFromManyFormatsToIsoAndImpossibleDatesRefused() throws Exception {
        StepTestRunner r = one("date", FieldType.STRING, "2024-03-05", "05.03.2024", "03/05/2024", "5 Mar 2024",
                "Mar 5, 2024", "20240305", "2024年3月5日", "2024-02-30", "soon").run();
        LocalDate d = LocalDate.of(2024, 3, 5);
        assertEquals(Arrays.asList(d, d, d, d, d, d, d, null, null), values(r));
        assertEquals(FieldType.DATE, r.outputSchema("out").field("v").type());
        StepTestRunner eu = one("date", FieldType.STRING, "03/05/2024").param("dateFormats", List.of("dd/MM/yyyy"))
                .run();
        assertEquals(List.of(LocalDate.of(2024, 5, 3)), values(eu));
    }

    @Test
    void timestampsWithAndWithoutOffsets() throws Exception {
        StepTestRunner r = one("timestamp", FieldType.STRING, "2024-03-05T10:00:00+01:00", "2024-03-05 10:00:00")
                .param("timeZone", "Europe/Berlin").run();
        assertEquals(List.of(Instant.parse("2024-03-05T09:00:00Z"), Instant.parse("2024-03-05T09:00:00Z")),
                values(r));
    }

    @Test
    void booleansInSeveralLanguages() throws Exception {
        assertEquals(Arrays.asList(true, false, true, false, true, false, null),
                values(one("boolean", FieldType.STRING, "Yes", "N", "1", "0", "是", "否", "maybe").run()));
    }

    @Test
    void unitsThroughTheConversionTable() throws Exception {
        Schema s = Schema.of(Field.of("weight", FieldType.DECIMAL), Field.of("unit", FieldType.CATEGORICAL),
                Field.of("parcel", FieldType.STRING));
        StepTestRunner r = new StepTestRunner(new NormalizeStepType(), dir)
                .param("columns", Map.of("weight", "unit:unit", "parcel", "unit"))
                .param("units", Map.of("kg", "1", "g", "0.001", "lb", "0.45359237")).param("unitName", "kg")
                .param("onInvalid", "set-null")
                .input("in", s, List.of(row(2.0, "LB", "500 g"), row(3.0, "stone", "1,5 kg"), row(1.0, null, "7")), 5)
                .run();
        List<Object[]> out = r.output();
        assertEquals(0.90718474, (Double) out.get(0)[0], 1e-9);
        assertEquals("kg", out.get(0)[1]);
        assertEquals(0.5, (Double) out.get(0)[2], 1e-9);
        assertEquals(null, out.get(1)[0], "stone is not in the table");
        assertEquals("stone", out.get(1)[1], "an unconverted row keeps its unit");
        assertEquals(1.5, (Double) out.get(1)[2], 1e-9, "a decimal comma");
        assertEquals(null, out.get(2)[0], "no unit");
        assertEquals(null, out.get(2)[2], "a bare number has no unit");
    }

    @Test
    void categoriesThroughTheMappingIgnoringCaseAndPunctuation() throws Exception {
        StepTestRunner r = one("map", FieldType.CATEGORICAL, "NY", "new york city", "N.Y.", "Boston")
                .param("mapping", Map.of("NY", "New York", "New York City", "New York")).run();
        assertEquals(List.of("New York", "New York", "New York", "Boston"), values(r));
    }

    @Test
    void quarantineNamesTheColumnAndHidesPii() throws Exception {
        Schema s = Schema.of(Field.of("phone", FieldType.STRING).withTags(FieldTag.PII),
                Field.of("joined", FieldType.STRING));
        StepTestRunner r = new StepTestRunner(new NormalizeStepType(), dir)
                .param("columns", Map.of("phone", "phone", "joined", "date"))
                .input("in", s, List.of(row("202-555-0143", "2024-01-01"), row("555", "yesterday")), 5).run();
        assertEquals(1, r.output().size());
        assertEquals(1, r.quarantined().size());
        String reason = r.quarantined().get(0).reason();
        assertTrue(reason.contains("column phone: the value is not a valid phone number (default region US)"), reason);
        assertTrue(reason.contains("column joined: 'yesterday' is not a date"), reason);
        assertFalse(reason.contains("555"), reason);
        assertEquals(2, r.quarantined().get(0).rowNumber());
        r.assertRowsAccountedFor();
    }

    @Test
    void flagKeepsTheRowAndListsTheUnreadableColumns() throws Exception {
        Schema s = Schema.of(Field.of("email", FieldType.STRING), Field.of("joined", FieldType.STRING));
        StepTestRunner r = new StepTestRunner(new NormalizeStepType(), dir)
                .param("columns", Map.of("email", "email", "joined", "date")).param("onInvalid", "flag")
                .input("in", s, List.of(row("A@B.CO", "2024-01-01"), row("nope", "never")), 5).run();
        assertEquals(Arrays.asList("a@b.co", LocalDate.of(2024, 1, 1), null), Arrays.asList(r.output().get(0)));
        assertEquals(Arrays.asList("nope", null, "email;joined"), Arrays.asList(r.output().get(1)));
        List<String> summary = Files.readAllLines(r.artifacts().get(0).file());
        assertEquals("email,email,2,1,1,flag", summary.get(1));
    }

    @Test
    void badParametersAreRefusedWithTheFix() {
        Schema s = Schema.of(Field.of("v", FieldType.STRING), Field.of("n", FieldType.INTEGER));
        StepTestRunner r = new StepTestRunner(new NormalizeStepType(), dir).input("in", s, List.of(), 1);
        r.assertInvalid("columns", "is required");
        r.param("columns", Map.of()).assertInvalid("columns", "name the columns");
        r.param("columns", Map.of("v", "phon")).assertInvalid("columns", "not a rule");
        r.param("columns", Map.of("v", "text:shout")).assertInvalid("columns", "not a text option");
        r.param("columns", Map.of("v", "phone")).param("defaultRegion", "XX").assertInvalid("defaultRegion",
                "ISO 3166");
        r.param("defaultRegion", "US").param("dateFormats", List.of("qq-bad{")).assertInvalid("dateFormats",
                "not a java.time pattern");
        r.param("dateFormats", List.of("yyyy-MM-dd")).param("timeZone", "Mars/Base").assertInvalid("timeZone",
                "not a time zone");
        r.param("timeZone", "UTC").param("columns", Map.of("v", "unit")).assertInvalid("units", "conversion table");
        r.param("units", Map.of("kg", "-1")).assertInvalid("units", "above 0");
        r.param("columns", Map.of("v", "map")).assertInvalid("mapping", "needs the mapping");
        new StepTestRunner(new NormalizeStepType(), dir).input("in", s, List.of(), 1)
                .param("columns", Map.of("n", "phone")).assertInvalid("columns", "reads text");
        new StepTestRunner(new NormalizeStepType(), dir).input("in", s, List.of(), 1)
                .param("columns", Map.of("v", "unit:units")).param("units", Map.of("kg", "1"))
                .assertInvalid("columns", "no column 'units'");
    }
}

package org.assay.privacy.internal.anon;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.StepFailure;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneralizeStepTest {

    @TempDir
    Path dir;

    static final Schema IN = Schema.of(Field.of("age", FieldType.INTEGER), Field.of("income", FieldType.DECIMAL),
            Field.of("zip", FieldType.STRING), Field.of("joined", FieldType.DATE), Field.of("city", FieldType.STRING),
            Field.of("job", FieldType.STRING));

    private StepTestRunner runner(Map<String, String> columns) throws Exception {
        Files.writeString(dir.resolve("h.csv"), "city,Bergen,Vestland\ncity,Oslo,Oslo\n"
                + "job,nurse,health,public\njob,surgeon,health,public\n");
        return new StepTestRunner(new GeneralizeStepType(), dir).param("columns", columns)
                .param("hierarchyFile", "h.csv");
    }

    @Test
    void eachKindOfHierarchy() throws Exception {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("age", "interval:5");
        c.put("income", "interval:1000,10000@2");
        c.put("zip", "prefix:3");
        c.put("joined", "date:month");
        c.put("city", "tree");
        c.put("job", "tree@2");
        StepTestRunner r = runner(c).input("in", IN, row(34L, 1234.5, "53715", LocalDate.of(2024, 3, 9), "Bergen",
                "nurse"), row(-3L, null, "12", LocalDate.of(2023, 12, 31), "Oslo", "surgeon")).run();
        assertEquals(Arrays.asList("30-34", "[0,10000)", "537*", "2024-03", "Vestland", "public"),
                Arrays.asList(r.output().get(0)));
        assertEquals(Arrays.asList("-5--1", null, "12", "2023-12", "Oslo", "public"), Arrays.asList(r.output().get(1)),
                "negative bands floor; short values keep whole; null stays null");
        r.assertRowsAccountedFor();
    }

    @Test
    void yearsAndTenYearBands() throws Exception {
        StepTestRunner r = runner(Map.of("age", "interval:10", "joined", "date:year")).input("in", IN,
                row(39L, null, null, LocalDate.of(2024, 3, 9), null, null)).run();
        assertEquals("30-39", r.output().get(0)[0]);
        assertEquals("2024", r.output().get(0)[3]);
    }

    @Test
    void valuesOutsideTheTreeAreQuarantined() throws Exception {
        StepTestRunner r = runner(Map.of("city", "tree")).input("in", IN, row(1L, null, null, null, "Paris", null),
                row(2L, null, null, null, "Oslo", null)).run();
        assertEquals(1, r.output().size());
        assertEquals("column city: value not listed in hierarchyFile", r.quarantined().get(0).reason());
        r.assertRowsAccountedFor();
    }

    @Test
    void badHierarchiesAreRefused() throws Exception {
        runner(Map.of("age", "interval:5@3")).assertInvalid("columns", "@3 is beyond them");
        runner(Map.of("age", "bands:5")).assertInvalid("columns", "unknown hierarchy 'bands:5'");
        runner(Map.of("zip", "date:week")).assertInvalid("columns", "date levels are month and year");
        runner(Map.of("zip", "prefix:3,4")).assertInvalid("columns", "shorter than the one before");
        runner(Map.of("city", "interval:5")).input("in", IN).assertInvalid("columns", "need an integer or decimal");
        StepFailure f = assertThrows(StepFailure.class, () -> runner(Map.of("job", "tree@4")).input("in", IN,
                row(1L, null, null, null, null, "nurse")).run());
        assertTrue(f.getMessage().contains("@4 is beyond them"), f.getMessage());
        Files.writeString(dir.resolve("bad.csv"), "city,Bergen,Vestland,Norway\ncity,Voss,Vestland,Sweden\n");
        StepFailure tree = assertThrows(StepFailure.class, () -> new StepTestRunner(new GeneralizeStepType(), dir)
                .param("columns", Map.of("city", "tree")).param("hierarchyFile", "bad.csv").input("in", IN,
                        row(1L, null, null, null, "Voss", null)).run());
        assertTrue(tree.getMessage().contains("is not a tree"), tree.getMessage());
    }
}

package org.assay.privacy.internal.anon;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.Parameters;
import org.assay.api.step.PortSpec;
import org.assay.api.step.StepFailure;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KAnonymizeStepTest {

    @TempDir
    Path dir;

    static final Schema PATIENTS = Schema.of(
            Field.of("birth", FieldType.DATE),
            Field.of("sex", FieldType.CATEGORICAL),
            Field.of("zip", FieldType.STRING).withTags(FieldTag.PII),
            Field.of("disease", FieldType.STRING));

    static List<Object[]> patients() {
        return List.of(
                row(LocalDate.of(1976, 1, 21), "Male", "53715", "Flu"),
                row(LocalDate.of(1986, 4, 13), "Female", "53715", "Hepatitis"),
                row(LocalDate.of(1976, 2, 28), "Male", "53703", "Brochitis"),
                row(LocalDate.of(1976, 1, 21), "Male", "53703", "Broken Arm"),
                row(LocalDate.of(1986, 4, 13), "Female", "53706", "Sprained Ankle"),
                row(LocalDate.of(1976, 2, 28), "Female", "53706", "Hang Nail"));
    }

    static Map<String, String> qi() {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("birth", "date:year");
        q.put("sex", "suppress");
        q.put("zip", "prefix:4,3");
        return q;
    }

    private StepTestRunner runner() {
        return new StepTestRunner(new KAnonymizeStepType(), dir).param("quasiIdentifiers", qi()).param("k", 2)
                .param("suppressionLimit", 0.0).input("in", PATIENTS, patients(), 4);
    }

    @Test
    void writesTheOptimalGeneralisationAndReportsIt() throws Exception {
        StepTestRunner r = runner().run();
        // <B0, S1, Z2> of Incognito's example: dates kept, sex suppressed, zip to 537*.
        assertEquals(Arrays.asList("1976-01-21", "*", "537*", "Flu"), Arrays.asList(r.output().get(0)));
        assertEquals(6, r.output().size());
        Map<String, String> report = report(r);
        assertEquals("2", report.get("k achieved"));
        assertEquals("0", report.get("rows suppressed"));
        assertEquals("0 of 2", report.get("level birth"));
        assertEquals("1 of 1", report.get("level sex"));
        assertEquals("2 of 3", report.get("level zip"));
        assertEquals(2.0 / 3, Double.parseDouble(report.get("information loss (NCP)")), 1e-9);
        assertEquals("24", report.get("lattice nodes"));
        Schema out = r.outputSchema("out");
        assertEquals(FieldType.STRING, out.field("birth").type());
        assertTrue(out.field("zip").has(FieldTag.PII), "generalised values keep their tags");
        assertEquals(out, new KAnonymizeStepType().outputSchemas(Parameters.of(new KAnonymizeStepType().descriptor(),
                Map.of("quasiIdentifiers", qi(), "k", 2L)), Map.of(PortSpec.IN, PATIENTS)).orElseThrow()
                .get(PortSpec.OUT));
        r.assertRowsAccountedFor();
    }

    @Test
    void suppressedRowsAreFilteredAndEveryKeptClassMeetsKAndL() throws Exception {
        StepTestRunner r = runner().param("k", 3).param("l", 2).param("sensitive", "disease")
                .param("suppressionLimit", 0.34).run();
        Map<String, String> report = report(r);
        long suppressed = Long.parseLong(report.get("rows suppressed"));
        assertEquals(6 - suppressed, r.output().size());
        assertEquals(suppressed, r.filtered());
        assertTrue(suppressed <= 2);
        Map<List<Object>, Set<Object>> classes = new HashMap<>();
        for (Object[] row : r.output()) {
            classes.computeIfAbsent(List.of(row[0], row[1], row[2]), k -> new HashSet<>()).add(row[3]);
        }
        Map<List<Object>, Integer> sizes = new HashMap<>();
        r.output().forEach(row -> sizes.merge(List.of(row[0], row[1], row[2]), 1, Integer::sum));
        sizes.values().forEach(s -> assertTrue(s >= 3, "class of " + s));
        classes.values().forEach(s -> assertTrue(s.size() >= 2));
        r.assertRowsAccountedFor();
    }

    @Test
    void treesComeFromTheHierarchyFileAndUncoveredValuesAreQuarantined() throws Exception {
        Files.writeString(dir.resolve("cities.csv"), "column,value,level1,level2\n"
                + "city,Bergen,Vestland,Norway\ncity,Voss,Vestland,Norway\ncity,Oslo,Oslo,Norway\n"
                + "city,\"Lund, SE\",Skane,Sweden\n");
        Schema s = Schema.of(Field.of("city", FieldType.STRING), Field.of("age", FieldType.INTEGER));
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            rows.add(row("Bergen", 30L + i));
            rows.add(row("Voss", 31L + i));
            rows.add(row("Lund, SE", 32L + i));
        }
        rows.add(row("Atlantis", 40L));
        StepTestRunner r = new StepTestRunner(new KAnonymizeStepType(), dir)
                .param("quasiIdentifiers", Map.of("city", "tree")).param("k", 4).param("suppressionLimit", 0.0)
                .param("hierarchyFile", "cities.csv").input("in", s, rows, 5).run();
        assertEquals(1, r.quarantined().size());
        assertTrue(r.quarantined().get(0).reason().contains("not listed in hierarchyFile"));
        assertEquals(Set.of("Bergen", "Voss", "Lund, SE"), Set.copyOf(r.output().stream().map(x -> x[0]).toList()),
                "every city already has four rows: nothing to generalise");
        StepTestRunner k8 = new StepTestRunner(new KAnonymizeStepType(), dir)
                .param("quasiIdentifiers", Map.of("city", "tree")).param("k", 8).param("suppressionLimit", 0.4)
                .param("hierarchyFile", "cities.csv").input("in", s, rows, 5).run();
        assertEquals(Set.of("Vestland"), Set.copyOf(k8.output().stream().map(x -> x[0]).toList()),
                "Vestland (8 rows) with Lund's 4 suppressed loses less than Norway/Sweden or *");
        assertEquals(4, k8.filtered());
        k8.assertRowsAccountedFor();
    }

    @Test
    void impossibleRequirementsFailWithTheReasonAndBadParametersAreRefused() throws Exception {
        StepFailure f = assertThrows(StepFailure.class, () -> runner().param("k", 7).run());
        assertTrue(f.getMessage().contains("the input has fewer rows than k"), f.getMessage());
        runner().param("l", 2).assertInvalid("sensitive", "l = 2 needs the sensitive column");
        runner().param("quasiIdentifiers", Map.of("sex", "interval:5")).assertInvalid("quasiIdentifiers",
                "interval bands need an integer or decimal column");
        runner().param("quasiIdentifiers", Map.of("birth", "interval:10,15")).assertInvalid("quasiIdentifiers",
                "a larger multiple");
        runner().param("quasiIdentifiers", Map.of("zip", "tree")).assertInvalid("hierarchyFile", "needs hierarchyFile");
        runner().param("quasiIdentifiers", Map.of("zip", "prefix:3@1")).assertInvalid("quasiIdentifiers",
                "leave out @");
        runner().param("sensitive", "zip").assertInvalid("sensitive", "is a quasi-identifier too");
        runner().param("quasiIdentifiers", Map.of("zipp", "prefix:3")).assertInvalid("quasiIdentifiers",
                "did you mean 'zip'");
    }

    @Test
    void emptyInputGivesNoRows() throws Exception {
        StepTestRunner r = new StepTestRunner(new KAnonymizeStepType(), dir).param("quasiIdentifiers", qi())
                .input("in", PATIENTS).run();
        assertEquals(0, r.output().size());
        r.assertRowsAccountedFor();
    }

    static Map<String, String> report(StepTestRunner r) throws Exception {
        Path file = r.artifacts().stream().filter(a -> a.file().getFileName().toString().equals("k-anonymity.csv"))
                .findFirst().orElseThrow().file();
        Map<String, String> out = new HashMap<>();
        for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
            int comma = line.lastIndexOf(',');
            out.put(line.substring(0, comma).replace("\"", ""), line.substring(comma + 1).replace("\"", ""));
        }
        return out;
    }
}

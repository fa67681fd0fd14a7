package org.assay.cleaners.internal.validate;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.StepFailure;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateStepTest {

    @TempDir
    Path dir;

    private static final Schema S = Schema.of(Field.of("id", FieldType.INTEGER),
            Field.of("email", FieldType.STRING).withTags(FieldTag.PII), Field.of("age", FieldType.INTEGER),
            Field.of("status", FieldType.CATEGORICAL), Field.of("signup", FieldType.DATE),
            Field.of("last_buy", FieldType.DATE), Field.of("zip", FieldType.STRING));

    private static List<Object[]> rows() {
        return List.of(
                row(1L, "a@example.com", 30L, "active", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 2, 1), "12345"),
                row(2L, null, 150L, "gone", LocalDate.of(2024, 3, 1), LocalDate.of(2024, 2, 1), "1234x"),
                row(1L, "c@example", null, "new", null, LocalDate.of(2024, 2, 1), null),
                row(4L, "d@example.com", 17L, "active", LocalDate.of(2023, 1, 1), null, "54321"));
    }

    private static Map<String, String> rules(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private StepTestRunner validate(Map<String, String> rules) {
        return new StepTestRunner(new ValidateStepType(), dir).param("rules", rules).input("in", S, rows(), 3);
    }

    @Test
    void everyKindOfRuleAndMissingValuesBreakOnlyRequired() throws Exception {
        StepTestRunner r = validate(rules("has_email", "email is required", "adult", "age between 18 and 120",
                "zip5", "zip matches '[0-9]{5}'", "known", "status in ('new', 'active')",
                "ordered", "signup <= last_buy", "one_id", "id is unique", "recent", "signup >= '2023-06-01'"))
                .param("defaultSeverity", "warn").run();
        List<Object[]> out = r.output();
        assertEquals(4, out.size());
        assertEquals(null, out.get(0)[7]);
        assertEquals("has_email;adult;zip5;known;ordered", out.get(1)[7]);
        assertEquals("one_id", out.get(2)[7], "nulls break only is required; the second id 1 is a duplicate");
        assertEquals("adult;recent", out.get(3)[7]);
        List<String> summary = Files.readAllLines(r.artifacts().get(0).file());
        assertEquals("rule,check,severity,rows,broken,share,examples", summary.get(0));
        assertEquals("adult,age between 18 and 120,warn,4,2,0.500000,row 2: age = '150'; row 4: age = '17'",
                summary.get(2));
        r.assertRowsAccountedFor();
    }

    @Test
    void rejectSendsRowsToQuarantineWithTheMessageAndMasksPii() throws Exception {
        StepTestRunner r = validate(rules("email_ok", "email matches '[^@]+@[^@]+[.][a-z]+'", "adult",
                "age >= 18")).param("messages", Map.of("email_ok", "{column} {value} is no address")).run();
        assertEquals(2, r.output().size());
        assertEquals(2, r.quarantined().size());
        assertEquals("validate: email *** is no address", r.quarantined().get(0).reason());
        assertEquals(3, r.quarantined().get(0).rowNumber());
        assertEquals("validate: rule adult (age >= 18) is broken", r.quarantined().get(1).reason());
        assertEquals(S, r.outputSchema("out"), "only reject rules: no violations column");
        String summary = Files.readString(r.artifacts().get(0).file());
        assertFalse(summary.contains("c@example"), summary);
        r.assertRowsAccountedFor();
    }

    @Test
    void failRuleFailsTheStepAboveItsShare() throws Exception {
        StepTestRunner ok = validate(rules("adult", "age between 18 and 120")).param("severity",
                Map.of("adult", "fail:0.5")).run();
        assertEquals(4, ok.output().size(), "2 of 4 is not above a half");
        StepFailure f = assertThrows(StepFailure.class, () -> new StepTestRunner(new ValidateStepType(),
                Files.createDirectories(dir.resolve("b"))).param("rules", rules("adult", "age between 18 and 120"))
                .param("severity", Map.of("adult", "fail:0.25")).input("in", S, rows(), 3).run());
        assertEquals("rule 'adult' (age between 18 and 120) is broken by 2 of 4 rows (50.00%), above its limit of "
                + "25.00%; see validation-summary.csv for examples", f.getMessage());
    }

    @Test
    void aCatastrophicRegexFailsTheRowNotTheRun() throws Exception {
        Schema s = Schema.of(Field.of("t", FieldType.STRING));
        StepTestRunner r = new StepTestRunner(new ValidateStepType(), dir).param("rules", Map.of("evil", "t matches "
                + "'(a+)+b'")).input("in", s, List.of(row("a".repeat(40) + "c"), row("aab")), 2).run();
        assertEquals(1, r.output().size());
        assertEquals(1, r.quarantined().size());
    }

    @Test
    void rulesThatAreNotTheLanguageAreRefused() {
        StepTestRunner r = validate(rules("x", "age.getClass() == 1"));
        r.assertInvalid("rules", "cannot read");
        validate(rules("x", "age between 0")).assertInvalid("rules", "cannot read");
        validate(rules("x", "age is positive")).assertInvalid("rules", "after is");
        validate(rules("x", "zip matches '[0-9'")).assertInvalid("rules", "not a regex");
        validate(rules("x", "agee >= 1")).assertInvalid("rules", "did you mean 'age'");
        validate(rules("x", "age >= 'old'")).assertInvalid("rules", "compares with a number");
        validate(rules("x", "signup >= 5")).assertInvalid("rules", "ISO date");
        validate(rules("x", "zip >= 5")).assertInvalid("rules", "single quotes");
        validate(rules("x", "age <= signup")).assertInvalid("rules", "cannot be compared");
        validate(rules("x", "age is integer")).assertInvalid("rules", "checks text columns");
        validate(rules()).assertInvalid("rules", "at least one rule");
        validate(rules("x", "age >= 1")).param("severity", Map.of("y", "warn")).assertInvalid("severity",
                "no rule 'y'");
        validate(rules("x", "age >= 1")).param("severity", Map.of("x", "fail:2")).assertInvalid("severity",
                "not a severity");
        validate(rules("x", "age >= 1")).param("defaultSeverity", "fail:0.1").assertInvalid("defaultSeverity",
                "reject or warn");
    }

    @Test
    void textTypeChecks() throws Exception {
        Schema s = Schema.of(Field.of("n", FieldType.STRING), Field.of("d", FieldType.STRING));
        StepTestRunner r = new StepTestRunner(new ValidateStepType(), dir)
                .param("rules", rules("int", "n is integer", "date", "d is date")).param("defaultSeverity", "warn")
                .input("in", s, List.of(row("12", "2024-01-31"), row("1.5", "31.01.2024")), 2).run();
        assertEquals(null, r.output().get(0)[2]);
        assertEquals("int;date", r.output().get(1)[2]);
        assertTrue(r.outputSchema("out").contains("violations"));
    }
}

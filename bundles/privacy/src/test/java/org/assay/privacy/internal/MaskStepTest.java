package org.assay.privacy.internal;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.Parameters;
import org.assay.api.step.PortSpec;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaskStepTest {

    @TempDir
    Path dir;

    static final Schema PEOPLE = Schema.of(
            Field.of("id", FieldType.INTEGER).withTags(FieldTag.ID),
            Field.of("email", FieldType.STRING).withTags(FieldTag.PII),
            Field.of("phone", FieldType.STRING).withTags(FieldTag.PII),
            Field.of("name", FieldType.STRING).withTags(FieldTag.PII),
            Field.of("card", FieldType.STRING).withTags(FieldTag.PII));

    private static Map<String, String> masks() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("email", "email");
        m.put("phone", "phone");
        m.put("name", "name");
        m.put("card", "keep-last:4");
        return m;
    }

    @Test
    void masksEachKindAndDropsThePiiTag() throws Exception {
        StepTestRunner r = new StepTestRunner(new MaskStepType(), dir).param("columns", masks())
                .input("in", PEOPLE, row(1L, "john.smith@example.com", "+47 912 34 567", "John Ronald Smith",
                        "4111111111111111"),
                        row(2L, null, "12", "anne-marie d'arc", "12"),
                        row(3L, "not-an-email", "", "  ", "")).run();
        List<Object[]> out = r.output();
        assertEquals(Arrays.asList(1L, "j***@example.com", "***4567", "J. R. S.", "************1111"),
                Arrays.asList(out.get(0)));
        assertEquals(Arrays.asList(2L, null, "***", "A. M. D.", "12"), Arrays.asList(out.get(1)),
                "too few digits to hide any: masked whole; keep-last keeps what there is");
        assertEquals(Arrays.asList(3L, "***", "***", "***", ""), Arrays.asList(out.get(2)));
        Schema schema = r.outputSchema("out");
        assertFalse(schema.field("email").has(FieldTag.PII), "a mask is meant to be shown");
        assertEquals(FieldType.STRING, schema.field("email").type());
        assertEquals(schema, new MaskStepType().outputSchemas(Parameters.of(new MaskStepType().descriptor(),
                Map.of("columns", masks())), Map.of(PortSpec.IN, PEOPLE)).orElseThrow().get(PortSpec.OUT), "design time = run time");
        r.assertRowsAccountedFor();
    }

    @Test
    void patternsShowAndHideByPosition() {
        assertEquals("12**5**", MaskRule.parse("pattern:##**#*").apply("1234567"));
        assertEquals("ab*", MaskRule.parse("keep-first:2").apply("abc"));
        assertEquals("***", MaskRule.parse("full").apply("secret"));
        assertEquals("J. S.", MaskRule.parse("name").apply("jürgen schmidt"));
        assertEquals("Ø. Å.", MaskRule.parse("name").apply("øystein åsen"));
    }

    @Test
    void numberColumnsAreMaskedAsTextAndEmptyInputGivesNoRows() throws Exception {
        Schema s = Schema.of(Field.of("account", FieldType.INTEGER).withTags(FieldTag.PII));
        StepTestRunner r = new StepTestRunner(new MaskStepType(), dir).param("columns", Map.of("account",
                "keep-last:2")).input("in", s, row(123456L)).run();
        assertEquals("****56", r.output().get(0)[0]);
        StepTestRunner empty = new StepTestRunner(new MaskStepType(), dir).param("columns", Map.of("account",
                "full")).input("in", s).run();
        assertEquals(0, empty.output().size());
        empty.assertRowsAccountedFor();
    }

    @Test
    void badMasksAndColumnsAreRefusedWithTheFix() {
        new StepTestRunner(new MaskStepType(), dir).param("columns", Map.of("email", "partial")).input("in", PEOPLE)
                .assertInvalid("columns", "unknown mask 'partial'; use email");
        new StepTestRunner(new MaskStepType(), dir).param("columns", Map.of("card", "keep-last:x"))
                .assertInvalid("columns", "needs a count from 0 to 64");
        new StepTestRunner(new MaskStepType(), dir).param("columns", Map.of("card", "pattern:#a"))
                .assertInvalid("columns", "made of # (show) and * (hide)");
        new StepTestRunner(new MaskStepType(), dir).param("columns", Map.of("emial", "email")).input("in", PEOPLE)
                .assertInvalid("columns", "did you mean 'email'");
        assertThrows(IllegalArgumentException.class, () -> new StepTestRunner(new MaskStepType(), dir)
                .param("columns", Map.of()).run());
    }
}

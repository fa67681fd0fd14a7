package org.assay.crm.internal;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.report.ReportBlock;
import org.assay.api.report.ReportSection;
import org.assay.api.report.ReportSections;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeadlineStepTest {

    @TempDir
    Path dir;

    static final Schema SEGMENTS = Schema.of(Field.of("segment", FieldType.STRING),
            Field.of("customers", FieldType.INTEGER), Field.of("share", FieldType.DECIMAL),
            Field.of("revenue", FieldType.DECIMAL));

    static final List<Object[]> ROWS = List.of(row("Champions", 512L, 0.1234, 123456.7),
            row("Loyal customers", 800L, 0.2, 98765.4), row("Lost", 300L, 0.07, null));

    private ReportSection section(Path where) throws Exception {
        try (Stream<Path> files = Files.walk(where)) {
            Path file = files.filter(ReportSections::isSection).findFirst().orElseThrow();
            return ReportSections.read(file);
        }
    }

    @Test
    void sentencesComeFromTheFirstRowAndEachFromEveryRow() throws Exception {
        StepTestRunner r = new StepTestRunner(new HeadlineStepType(), dir).input("in", SEGMENTS, ROWS, 2)
                .param("title", "Best customers")
                .param("sentences", List.of("{segment} are {share:%1} of customers and bring {revenue:money}; "
                        + "{rows} segments in all."))
                .param("each", "{segment}: {customers:int} customers, revenue {revenue:money}")
                .param("maxRows", 2).param("tableColumns", List.of("segment", "share")).run();
        assertEquals(3, r.output().size(), "rows pass through");
        r.assertRowsAccountedFor();
        ReportSection s = section(dir);
        assertEquals("Best customers", s.title());
        assertTrue(s.order() < ReportSection.RESULTS, "the answer opens the report");
        assertEquals(List.of("Champions are 12.3% of customers and bring 123,457; 3 segments in all.",
                "Champions: 512 customers, revenue 123,457", "Loyal customers: 800 customers, revenue 98,765"),
                s.summary());
        ReportBlock.Table table = s.blocks().stream().filter(ReportBlock.Table.class::isInstance)
                .map(ReportBlock.Table.class::cast).findFirst().orElseThrow();
        assertEquals(List.of("segment", "share"), table.header());
        assertEquals(2, table.rows().size());
    }

    @Test
    void tableColumnsTakeTheFormatsOfThePlaceholders() throws Exception {
        new StepTestRunner(new HeadlineStepType(), dir).input("in", SEGMENTS, ROWS, 2)
                .param("each", "{segment}").param("tableColumns", List.of("segment", "share", "revenue"))
                .param("tableFormats", Map.of("share", "%", "revenue", "money")).run();
        ReportBlock.Table table = section(dir).blocks().stream().filter(ReportBlock.Table.class::isInstance)
                .map(ReportBlock.Table.class::cast).findFirst().orElseThrow();
        // Without a format a share read 0.12 next to a sentence saying 12%.
        assertEquals(List.of(List.of("Champions", "12%", "123,457"), List.of("Loyal customers", "20%", "98,765"),
                List.of("Lost", "7%", "-")), table.rows());

        new StepTestRunner(new HeadlineStepType(), dir).input("in", SEGMENTS, ROWS, 2).param("each", "{segment}")
                .param("tableColumns", List.of("segment")).param("tableFormats", Map.of("share", "%"))
                .assertInvalid("tableFormats", "'share' is not in tableColumns");
        new StepTestRunner(new HeadlineStepType(), dir).input("in", SEGMENTS, ROWS, 2).param("each", "{segment}")
                .param("tableColumns", List.of("share")).param("tableFormats", Map.of("share", "percent"))
                .assertInvalid("tableFormats", "use one of [int, 1, 2, money, %, %1]");
    }

    @Test
    void aMissingValueShowsAsADash() {
        assertEquals("revenue -", HeadlineTemplate.fill("revenue {revenue:money}", new java.util.HashMap<>(), 0));
        assertEquals("7%", HeadlineTemplate.fill("{x:%}", Map.of("x", 0.07), 0));
    }

    @Test
    void unknownColumnsFormatsAndPiiAreRefused() {
        new StepTestRunner(new HeadlineStepType(), dir).input("in", SEGMENTS, ROWS, 2)
                .param("sentences", List.of("{segmnt} leads")).assertInvalid("sentences", "segment");
        new StepTestRunner(new HeadlineStepType(), dir).input("in", SEGMENTS, ROWS, 2)
                .param("sentences", List.of("{share:percent}")).assertInvalid("sentences", "unknown format");
        new StepTestRunner(new HeadlineStepType(), dir).input("in", SEGMENTS, ROWS, 2)
                .param("sentences", List.of("{share")).assertInvalid("sentences", "unmatched");
        new StepTestRunner(new HeadlineStepType(), dir).input("in", SEGMENTS, ROWS, 2)
                .assertInvalid("sentences", "nothing to say");
        Schema withEmail = Schema.of(Field.of("email", FieldType.STRING).withTags(FieldTag.PII),
                Field.of("clv", FieldType.DECIMAL));
        new StepTestRunner(new HeadlineStepType(), dir).input("in", withEmail, row("a@b.example", 1.0))
                .param("each", "{email} is worth {clv}").assertInvalid("sentences", "pii");
        // a template cannot run code: braces inside values are printed, not read again
        assertEquals("{x}", HeadlineTemplate.fill("{v}", Map.of("v", "{x}"), 0));
        assertThrows(IllegalArgumentException.class, () -> new StepTestRunner(new HeadlineStepType(), dir)
                .input("in", SEGMENTS, ROWS, 2).param("sentences", List.of("{nope}")).run());
    }
}

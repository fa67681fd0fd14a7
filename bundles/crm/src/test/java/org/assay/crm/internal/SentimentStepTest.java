package org.assay.crm.internal;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SentimentStepTest {

    @TempDir
    Path dir;

    static final Schema FEEDBACK = Schema.of(Field.of("feedback_id", FieldType.INTEGER),
            Field.of("language", FieldType.CATEGORICAL), Field.of("text", FieldType.STRING).withTags(FieldTag.PII));

    @Test
    void everyRowGetsAScoreALabelAndItsKeyPhrases() throws Exception {
        StepTestRunner r = new StepTestRunner(new SentimentStepType(), dir).input("in", FEEDBACK, List.of(
                row(1L, "en", "Delivery was very slow and the box was damaged."),
                row(2L, "zh", "非常满意，客服很耐心！"),
                row(3L, "en", "I moved to Berlin."),
                row(4L, "zh", null),
                row(5L, "en", "Not bad, but support was rude")), 2)
                .param("textColumn", "text").param("maxPhrases", 2).run();
        List<Object[]> out = r.output();
        assertEquals(5, out.size());
        assertEquals("negative", out.get(0)[4]);
        assertEquals("damaged; very slow", out.get(0)[5], "strongest first: -1.9 before -1.2 - 0.293");
        assertEquals("positive", out.get(1)[4]);
        assertTrue((Double) out.get(1)[3] > 0.5);
        assertEquals("非常满意; 很耐心", out.get(1)[5]);
        assertEquals("neutral", out.get(2)[4]);
        assertEquals(0.0, out.get(2)[3]);
        assertNull(out.get(2)[5]);
        assertNull(out.get(3)[3], "no text, no score");
        assertNull(out.get(3)[4]);
        assertEquals("negative", out.get(4)[4], "after but, rude outweighs not bad");
        Schema schema = r.outputSchema("out");
        assertTrue(schema.field("key_phrases").has(FieldTag.PII), "phrases quote pii text");
        assertEquals(List.of("negative", "neutral", "positive"), schema.field("sentiment_label").categories());
        org.assay.api.report.ReportSection section = org.assay.api.report.ReportSections.read(r.artifacts().stream()
                .map(StepTestRunner.Artifact::file).filter(org.assay.api.report.ReportSections::isSection)
                .findFirst().orElseThrow());
        assertEquals("Of 4 texts 25% are positive, 25% neutral and 50% negative (lexicon-based).",
                section.summary().get(0));
        assertTrue(section.summary().get(1).contains("'damaged' (1)"), section.summary().toString());
        assertTrue(section.toString().indexOf("Berlin") < 0, "nothing of the texts but lexicon terms");
        r.assertRowsAccountedFor();
    }

    @Test
    void workflowLexiconEntriesAreUsed() throws Exception {
        StepTestRunner r = new StepTestRunner(new SentimentStepType(), dir).input("in", FEEDBACK,
                row(1L, "en", "the app is sluggish"), row(2L, "zh", "客服秒回"))
                .param("textColumn", "text").param("lexicon", Map.of("sluggish", "-2", "秒回", "2.5")).run();
        assertEquals("negative", r.output().get(0)[4]);
        assertEquals("positive", r.output().get(1)[4]);
        assertEquals("秒回", r.output().get(1)[5]);
    }

    @Test
    void aBadValenceIsRefusedWithAnExample() throws Exception {
        new StepTestRunner(new SentimentStepType(), dir).input("in", FEEDBACK)
                .param("textColumn", "text").param("lexicon", Map.of("meh", "bad"))
                .assertInvalid("lexicon", "must be a number from -4 to 4");
        new StepTestRunner(new SentimentStepType(), dir).input("in", FEEDBACK)
                .param("textColumn", "text").param("lexicon", Map.of("one two three four", "1"))
                .assertInvalid("lexicon", "up to 3 words");
        new StepTestRunner(new SentimentStepType(), dir).input("in", FEEDBACK)
                .param("textColumn", "text").param("lexicon", Map.of("好".repeat(41), "1"))
                .assertInvalid("lexicon", "40 characters");
    }

    @Test
    void aMissingTextColumnIsNamed() throws Exception {
        new StepTestRunner(new SentimentStepType(), dir).input("in", FEEDBACK)
                .param("textColumn", "comment").assertInvalid("textColumn", "comment");
    }
}

package org.assay.crm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SentimentScorerTest {

    static final SentimentScorer SCORER = new SentimentScorer(SentimentLexicon.bundled());

    record Labelled(String language, String label, String text) { }

    static List<Labelled> labelled(String file) throws Exception {
        List<Labelled> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                SentimentScorerTest.class.getResourceAsStream(file), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    String[] c = line.split("\t");
                    out.add(new Labelled(c[0], c[1], c[2]));
                }
            }
        }
        return out;
    }

    static double score(String text) {
        return SCORER.score(text).score();
    }

    @Test
    void handLabelledFeedbackIsMostlyRightInBothLanguages() throws Exception {
        accuracy("labelled-feedback.tsv", 0.85);
    }

    /** Lines written after the lexicon was frozen: the figure to quote. */
    @Test
    void heldOutFeedbackIsRightMoreOftenThanNot() throws Exception {
        accuracy("labelled-feedback-heldout.tsv", 0.6);
    }

    private static void accuracy(String file, double atLeast) throws Exception {
        List<Labelled> all = labelled(file);
        for (String lang : List.of("en", "zh")) {
            int n = 0;
            int right = 0;
            int polar = 0;
            int polarRight = 0;
            for (Labelled l : all) {
                if (!l.language().equals(lang)) {
                    continue;
                }
                String got = SCORER.score(l.text()).label(0.05);
                n++;
                right += got.equals(l.label()) ? 1 : 0;
                if (!l.label().equals("neutral")) {
                    polar++;
                    polarRight += got.equals(l.label()) ? 1 : 0;
                }
                if (!got.equals(l.label())) {
                    System.out.println("sentiment miss " + file + " [" + lang + "] expected " + l.label() + ", got " + got + ": "
                            + l.text() + " " + SCORER.score(l.text()));
                }
            }
            System.out.printf("sentiment accuracy %s %s: %d/%d = %.3f (positive/negative only: %d/%d)%n", file, lang, right,
                    n, right / (double) n, polarRight, polar);
            assertTrue(right >= atLeast * n, file + " " + lang + ": " + right + " of " + n);
        }
    }

    @Test
    void negationFlipsInBothLanguages() {
        assertTrue(score("good") > 0.3);
        assertTrue(score("not good") < 0);
        assertTrue(score("not bad") > 0);
        assertTrue(score("no problem") > 0);
        assertTrue(score("满意") > 0.3);
        assertTrue(score("不满意") < -0.3);
        assertTrue(score("问题") < 0);
        assertTrue(score("没有问题") > 0);
        assertTrue(score("不好") < 0);
        assertTrue(score("不错") > 0, "不错 is one word, not 不 + 错");
        assertTrue(score("服务不太好") < 0);
        assertTrue(score("not good") > score("bad"), "a negated positive is milder than a negative");
    }

    @Test
    void boostersStrengthenAndDampers() {
        assertTrue(score("very good") > score("good"));
        assertTrue(score("slightly slow") > score("slow"));
        assertTrue(score("非常满意") > score("满意"));
        assertTrue(score("有点慢") > score("慢"));
        assertTrue(score("好慢") < score("慢"), "好 before a sentiment word boosts it");
        assertTrue(score("GOOD service") > score("good service"));
        assertTrue(score("good!!") > score("good"));
    }

    @Test
    void afterAContrastTheSecondClauseDecides() {
        assertTrue(score("The price is great but the quality is bad") < 0);
        assertTrue(score("Delivery was slow, but the product is excellent") > 0);
        assertTrue(score("价格便宜，但是质量很差") < 0);
        assertTrue(score("虽然有点贵，但是质量很好") > 0);
    }

    @Test
    void keyPhrasesCarryTheirModifiersAndPullTheScoresWay() {
        SentimentScorer.Result en = SCORER.score("The staff were friendly but the app is not reliable and very slow");
        assertTrue(en.score() < 0);
        assertEquals(List.of("very slow", "not reliable", "friendly"), en.phrases());
        assertEquals(List.of("very slow", "not reliable"), en.terms(), "friendly pulls the other way");
        SentimentScorer.Result zh = SCORER.score("物流非常快，客服不耐心");
        assertTrue(zh.phrases().contains("非常快"), zh.phrases().toString());
        assertTrue(zh.phrases().contains("不耐心"), zh.phrases().toString());
    }

    @Test
    void chineseIsSegmentedByLongestMatch() {
        // 不满意 is one entry: longest match must not split it as 不满 + 意.
        assertEquals(List.of("不满意"), SCORER.score("不满意").phrases());
        assertEquals(List.of("没有问题"), SCORER.score("没有问题").phrases());
        assertEquals(0.0, score("差不多吧"), "差不多 (about the same) has no 差 (poor) in it");
        assertEquals(0.0, score("不好意思，我想换个地址"), "不好意思 (excuse me) is not 不好 (not good)");
    }

    @Test
    void emojiAndEmoticonsCount() {
        assertTrue(score("👍") > 0);
        assertTrue(score("😡😡") < 0);
        assertTrue(score("ok :(") < 0);
        assertTrue(score("❤️") > 0, "with the emoji variation selector");
    }

    @Test
    void workflowWordsOverrideTheLexicon() {
        SentimentScorer s = new SentimentScorer(SentimentLexicon.bundled().with(Map.of("sluggish", -2.0)));
        assertEquals(0.0, score("sluggish"));
        assertTrue(s.score("very sluggish").score() < -0.4);
        assertTrue(s.score("not sluggish").score() > 0);
    }

    @Test
    void textWithoutSentimentWordsScoresZero() {
        assertEquals(0.0, score("I changed my address."));
        assertEquals(0.0, score(""));
        assertEquals(0, SCORER.score("12345 !!!").words());
    }
}

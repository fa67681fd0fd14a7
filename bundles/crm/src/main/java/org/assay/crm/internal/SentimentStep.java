package org.assay.crm.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.assay.api.data.Batch;
import org.assay.api.data.BatchSink;
import org.assay.api.data.Column;
import org.assay.api.data.DataStream;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.report.ReportSection;
import org.assay.api.report.ReportSections;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepContext;

/** One run of {@code sentiment}: one streaming pass, three columns added to every row. */
final class SentimentStep implements Step {

    static final String SCORE = "sentiment_score";
    static final String LABEL = "sentiment_label";
    static final String PHRASES = "key_phrases";
    static final List<String> LABELS = List.of("negative", "neutral", "positive");

    private final SentimentParameters p;

    SentimentStep(SentimentParameters p) {
        this.p = p;
    }

    /** The input with the three sentiment columns; key phrases quote the text, so they are pii when it is. */
    static Schema output(Schema in, String textColumn) {
        Field phrases = Field.of(PHRASES, FieldType.STRING);
        if (in.field(textColumn).has(FieldTag.PII)) {
            phrases = phrases.withTags(FieldTag.PII);
        }
        return in.with(Field.of(SCORE, FieldType.DECIMAL))
                .with(Field.of(LABEL, FieldType.CATEGORICAL).withCategories(LABELS)).with(phrases);
    }

    /** Label shares and the commonest lexicon terms: nothing of the texts but lexicon entries. */
    static ReportSection report(long[] labels, long scored, Map<String, Long> negative, Map<String, Long> positive) {
        ReportSection.Builder b = ReportSection.builder("sentiment", "Sentiment of the feedback text")
                .order(ReportSection.RESULTS + 10);
        if (scored == 0) {
            return b.summary("No feedback text to score.").build();
        }
        b.summary(String.format(Locale.ROOT, "Of %,d texts %.0f%% are positive, %.0f%% neutral and %.0f%% negative"
                + " (lexicon-based).", scored, 100.0 * labels[2] / scored, 100.0 * labels[1] / scored,
                100.0 * labels[0] / scored));
        List<String> top = top(negative, 5);
        if (!top.isEmpty()) {
            b.summary("What negative texts say most: " + String.join(", ", top) + ".");
        }
        List<List<String>> rows = new ArrayList<>();
        List<Map.Entry<String, Long>> neg = sorted(negative);
        List<Map.Entry<String, Long>> pos = sorted(positive);
        for (int i = 0; i < Math.min(15, Math.max(neg.size(), pos.size())); i++) {
            rows.add(List.of(i < neg.size() ? neg.get(i).getKey() : "", i < neg.size() ? "" + neg.get(i).getValue() : "",
                    i < pos.size() ? pos.get(i).getKey() : "", i < pos.size() ? "" + pos.get(i).getValue() : ""));
        }
        if (!rows.isEmpty()) {
            b.table("Commonest sentiment terms (texts)", List.of("In negative texts", "Texts", "In positive texts",
                    "Texts"), rows);
        }
        return b.build();
    }

    private static List<Map.Entry<String, Long>> sorted(Map<String, Long> counts) {
        List<Map.Entry<String, Long>> list = new ArrayList<>(counts.entrySet());
        list.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return list;
    }

    private static List<String> top(Map<String, Long> counts, int n) {
        return sorted(counts).stream().limit(n).map(e -> "'" + e.getKey() + "' (" + e.getValue() + ")").toList();
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        SentimentScorer scorer = new SentimentScorer(SentimentLexicon.bundled().with(p.valences()));
        long[] labels = new long[3];
        Map<String, Long> negativeTerms = new HashMap<>();
        Map<String, Long> positiveTerms = new HashMap<>();
        long scored = 0;
        try (DataStream in = ctx.input(PortSpec.IN)) {
            Schema schema = output(in.schema(), p.textColumn());
            int text = in.schema().require(p.textColumn());
            BatchSink out = ctx.output(PortSpec.OUT, schema);
            for (Batch b = in.next(); b != null; b = in.next()) {
                ctx.checkCancelled();
                int n = b.rowCount();
                Column t = b.column(text);
                double[] score = new double[n];
                java.util.BitSet nulls = new java.util.BitSet();
                String[] label = new String[n];
                String[] phrases = new String[n];
                for (int r = 0; r < n; r++) {
                    String s = t.isNull(r) ? null : t.getString(r);
                    if (s == null || s.isBlank()) {
                        nulls.set(r);
                        continue;
                    }
                    SentimentScorer.Result res = scorer.score(s);
                    score[r] = res.score();
                    label[r] = res.label(p.neutralBand());
                    int at = LABELS.indexOf(label[r]);
                    labels[at]++;
                    if (at != 1) {
                        for (String term : res.terms()) {
                            (at == 0 ? negativeTerms : positiveTerms).merge(term, 1L, Long::sum);
                        }
                    }
                    scored++;
                    List<String> top = res.phrases().subList(0, Math.min(p.maxPhrases(), res.phrases().size()));
                    phrases[r] = top.isEmpty() ? null : String.join("; ", top);
                }
                Batch with = b.with(schema.field(SCORE), Column.ofDoubles(FieldType.DECIMAL, score, n, nulls))
                        .with(schema.field(LABEL), Column.ofTexts(FieldType.CATEGORICAL, label, n))
                        .with(schema.field(PHRASES), Column.ofTexts(FieldType.STRING, phrases, n));
                out.write(with.withSchema(schema));
            }
        }
        ctx.log().info("sentiment scored {} texts: {} negative, {} neutral, {} positive", scored, labels[0],
                labels[1], labels[2]);
        ReportSections.publish(ctx, report(labels, scored, negativeTerms, positiveTerms));
        ctx.progress(1.0);
    }
}

package org.assay.crm.internal;

import java.util.List;
import org.assay.api.data.Batch;
import org.assay.api.data.BatchSink;
import org.assay.api.data.Column;
import org.assay.api.data.DataStream;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
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

    @Override
    public void run(StepContext ctx) throws Exception {
        SentimentScorer scorer = new SentimentScorer(SentimentLexicon.bundled().with(p.valences()));
        long[] labels = new long[3];
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
                    labels[LABELS.indexOf(label[r])]++;
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
        ctx.progress(1.0);
    }
}

package org.assay.api.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one step contributes to a run's report: a titled section of {@link ReportBlock}s and
 * a few plain-language sentences for the report's opening summary. Immutable; build one with
 * {@link #builder}.
 *
 * @param id      names the section within its step, letters, digits, {@code -} and {@code _}
 *                (e.g. {@code "segments"}); the {@code report} step chooses sections by
 *                {@code <step id>/<id>} or by id alone
 * @param title   the section's heading, e.g. "Customer segments"
 * @param order   where the section stands among the others: lower first; {@link #RESULTS}
 *                for what a run found (segments, forecasts, rules), {@link #MODELS} for model
 *                quality, {@link #DATA} for data quality
 * @param summary sentences for the report's opening summary, each a finding that stands
 *                alone ("Segment C1: 13% of customers, 49 orders on average"); may be empty
 * @param blocks  the section's body, in order
 */
public record ReportSection(String id, String title, int order, List<String> summary, List<ReportBlock> blocks) {

    /** Order of sections with what the run found. */
    public static final int RESULTS = 100;
    /** Order of sections on how good a model is. */
    public static final int MODELS = 200;
    /** Order of sections on the input data's quality. */
    public static final int DATA = 300;

    public ReportSection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        if (!id.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("section id '" + id
                    + "' must be 1 to 64 letters, digits, '-' or '_', e.g. segments");
        }
        summary = List.copyOf(summary);
        blocks = List.copyOf(blocks);
    }

    public static Builder builder(String id, String title) {
        return new Builder(id, title);
    }

    /** Collects a section's parts. Not thread-safe. */
    public static final class Builder {

        private final String id;
        private final String title;
        private int order = RESULTS;
        private final List<String> summary = new ArrayList<>();
        private final List<ReportBlock> blocks = new ArrayList<>();

        private Builder(String id, String title) {
            this.id = id;
            this.title = title;
        }

        public Builder order(int value) {
            this.order = value;
            return this;
        }

        /** Adds a sentence to the report's opening summary. */
        public Builder summary(String sentence) {
            summary.add(Objects.requireNonNull(sentence, "sentence"));
            return this;
        }

        public Builder paragraph(String text) {
            return block(new ReportBlock.Paragraph(text));
        }

        public Builder figures(List<ReportBlock.Figure> figures) {
            return block(new ReportBlock.Figures(figures));
        }

        public Builder table(String caption, List<String> header, List<List<String>> rows) {
            return block(new ReportBlock.Table(caption, header, rows));
        }

        public Builder chart(String title) {
            return block(new ReportBlock.Chart(title));
        }

        public Builder appendix(String title, String text) {
            return block(new ReportBlock.Appendix(title, text));
        }

        public Builder block(ReportBlock block) {
            blocks.add(Objects.requireNonNull(block, "block"));
            return this;
        }

        public ReportSection build() {
            return new ReportSection(id, title, order, summary, blocks);
        }
    }
}

package org.assay.api.report;

import java.util.List;
import java.util.Objects;

/**
 * One piece of a {@link ReportSection}, shown in the order given. Texts are plain text: the
 * report escapes them, so a block can never carry markup or a script. Personal data is the
 * publishing step's business: put only values a reader of the report may see (mask pii with
 * {@link org.assay.api.data.PiiMask}). Immutable.
 */
public sealed interface ReportBlock {

    /** A paragraph of plain text. */
    record Paragraph(String text) implements ReportBlock {
        public Paragraph {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * Key figures shown side by side as large numbers: a model's accuracy, a forecast's
     * error, the number of rules.
     */
    record Figures(List<Figure> figures) implements ReportBlock {
        public Figures {
            figures = List.copyOf(figures);
        }
    }

    /**
     * One key figure.
     *
     * @param label what is measured, e.g. "Silhouette"
     * @param value the value as it should read, e.g. "0.41" or "12.5%"
     * @param note  what it means or how to read it, e.g. "0.25–0.5: fair separation"; may be empty
     */
    record Figure(String label, String value, String note) {
        public Figure {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(value, "value");
            note = note == null ? "" : note;
        }
    }

    /**
     * A table. Cells that read as numbers are right-aligned. Keep it to what a reader takes
     * in (tens of rows); data belongs in a file artifact.
     *
     * @param caption shown above the table; may be empty
     * @param header  the column names
     * @param rows    the rows; a row shorter than the header is padded with empty cells
     */
    record Table(String caption, List<String> header, List<List<String>> rows) implements ReportBlock {
        public Table {
            caption = caption == null ? "" : caption;
            header = List.copyOf(header);
            rows = rows.stream().map(r -> r.stream().map(c -> c == null ? "" : c).toList()).toList();
        }
    }

    /**
     * A chart published by a step of the same run ({@code ArtifactKind.CHART}) with this title,
     * shown here instead of among the other charts: its SVG when there is one, else its PNG.
     * A title no chart of the run has is shown as a short note.
     */
    record Chart(String title) implements ReportBlock {
        public Chart {
            Objects.requireNonNull(title, "title");
        }
    }

    /**
     * Long text for the curious (a model dump, the full options): shown preformatted in the
     * report's appendix, linked from where the block stands.
     */
    record Appendix(String title, String text) implements ReportBlock {
        public Appendix {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(text, "text");
        }
    }
}

package org.assay.miners.internal;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code explanations.csv} artifact of {@code weka-score}: for every scored row, every
 * feature's contribution to its score, largest effect first, one line per row and feature
 * ({@link #HEADER}). {@code assay:explain} reads it back. Personal data stays out: the key is
 * the id column (or a non-pii column the workflow names), and a pii feature's value and
 * typical value are written as {@link #WITHHELD}.
 */
public final class ExplanationsFile implements Closeable {

    public static final String NAME = "explanations.csv";

    public static final List<String> HEADER = List.of("key", "model", "prediction", "explained", "score", "rank",
            "feature", "value", "typical", "contribution");

    /** What stands for a pii feature's value. */
    public static final String WITHHELD = "(personal data)";

    private final Writer out;
    private final String model;
    private final Set<String> pii;
    private final Map<String, String> typical;

    /**
     * @param model   the model in words, e.g. "stored model churn v3"
     * @param pii     the features whose values must not be written
     * @param typical feature to its typical training value (the explainer's baseline)
     */
    ExplanationsFile(Path file, String model, Set<String> pii, Map<String, String> typical) throws IOException {
        this.out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
        this.model = model;
        this.pii = pii;
        this.typical = typical;
        line(HEADER);
    }

    /**
     * Writes one row's contributions; a row with none (unscored, or no feature differs from its
     * typical value) still gets one line without a feature so its key can be found.
     *
     * @param explained the class whose probability is the score; empty for a regression
     */
    void write(String key, String prediction, String explained, double score,
            List<PerturbationExplainer.Reason> reasons) throws IOException {
        String scoreText = Double.isNaN(score) ? "" : String.format(Locale.ROOT, "%.6f", score);
        String predictionText = prediction == null ? "" : prediction;
        if (reasons.isEmpty()) {
            line(List.of(key, model, predictionText, explained, scoreText, "", "", "", "", ""));
        }
        int rank = 1;
        for (PerturbationExplainer.Reason r : reasons) {
            boolean hidden = pii.contains(r.feature());
            String base = typical.getOrDefault(r.feature(), "");
            line(List.of(key, model, predictionText, explained, scoreText, Integer.toString(rank++), r.feature(),
                    hidden ? WITHHELD : r.value(), hidden ? WITHHELD : shownTypical(base),
                    String.format(Locale.ROOT, "%.6f", r.contribution())));
        }
    }

    /** A numeric baseline (a mean) to two decimals, a category as it is. */
    private static String shownTypical(String base) {
        try {
            return PerturbationExplainer.shown(Double.parseDouble(base));
        } catch (NumberFormatException e) {
            return base;
        }
    }

    private void line(List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quoted(cells.get(i)));
        }
        out.write('\n');
    }

    static String quoted(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /**
     * The next record of a CSV file as this class writes it (RFC 4180 quoting).
     *
     * @return null at the end of the input
     */
    public static List<String> readRecord(Reader in) throws IOException {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int c = in.read(); c >= 0; c = in.read()) {
            any = true;
            if (quoted) {
                if (c == '"') {
                    in.mark(1);
                    int next = in.read();
                    if (next == '"') {
                        cell.append('"');
                    } else {
                        quoted = false;
                        if (next < 0) {
                            break;
                        }
                        in.reset();
                    }
                } else {
                    cell.append((char) c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n') {
                cells.add(cell.toString());
                return cells;
            } else if (c != '\r') {
                cell.append((char) c);
            }
        }
        if (!any) {
            return null;
        }
        cells.add(cell.toString());
        return cells;
    }
}

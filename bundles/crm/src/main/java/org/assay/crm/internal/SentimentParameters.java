package org.assay.crm.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assay.api.data.FieldType;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Columns;
import org.assay.api.step.typed.Param;

/** The parameters of {@code sentiment}. */
record SentimentParameters(
        @Param(description = "The column with the feedback text (English, Chinese or both in one text).")
        @Columns(types = {FieldType.STRING, FieldType.CATEGORICAL})
        String textColumn,
        @Param(description = "Scores within this distance of 0 are labelled neutral (VADER's 0.05).",
                defaultValue = "0.05", min = 0, max = 0.99)
        double neutralBand,
        @Param(description = "How many key phrases (the words that drove the score, with their negators and"
                + " boosters) to list per text.", defaultValue = "3", min = 1, max = 20)
        int maxPhrases,
        @Param(description = "Words or phrases to add to the lexicon or to override in it, with a valence from -4"
                + " to 4, e.g. {\"sluggish\": \"-1.5\", \"秒回\": \"2\"}. English lower case; phrases of up to 3"
                + " words, at most 1,000 entries.", defaultValue = "{}")
        Map<String, String> lexicon) implements CheckedParameters {

    static final int MAX_TERM = 40;

    @Override
    public List<ParameterProblem> problems() {
        List<ParameterProblem> problems = new ArrayList<>();
        if (lexicon.size() > 1000) {
            problems.add(ParameterProblem.of("lexicon", "gives " + lexicon.size() + " words; at most 1,000 (for a"
                    + " bigger domain lexicon, a trained classifier fits better)"));
        }
        for (Map.Entry<String, String> e : lexicon.entrySet()) {
            // Bounded so longest-match segmentation stays cheap: its window is the longest entry.
            if (e.getKey().isBlank() || e.getKey().strip().split(" +").length > 3
                    || e.getKey().codePointCount(0, e.getKey().length()) > MAX_TERM) {
                problems.add(ParameterProblem.of("lexicon", "'" + e.getKey() + "' must be a word or a phrase of up"
                        + " to 3 words and " + MAX_TERM + " characters"));
                continue;
            }
            double v;
            try {
                v = Double.parseDouble(e.getValue().strip());
            } catch (NumberFormatException x) {
                v = Double.NaN;
            }
            if (!(v >= -4 && v <= 4)) {
                problems.add(ParameterProblem.of("lexicon", "the valence of '" + e.getKey() + "' must be a number"
                        + " from -4 to 4, e.g. \"-1.5\", not '" + e.getValue() + "'"));
            }
        }
        return problems;
    }

    /** The additions as numbers (call after {@link #problems()} found none). */
    Map<String, Double> valences() {
        Map<String, Double> out = new LinkedHashMap<>();
        lexicon.forEach((k, v) -> out.put(k, Double.parseDouble(v.strip())));
        return out;
    }
}

package org.assay.crm.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The words the sentiment scorer knows, English and Chinese in one table: valences (-4..4, the
 * scale of VADER), negators, boosters, contrast words and, for Chinese, neutral words that only
 * keep segmentation right. Immutable once built; shared by all runs.
 *
 * <p>The bundled table ({@value #RESOURCE}) is our own, curated for customer feedback (delivery,
 * support, quality, price). It is small on purpose: a few hundred entries, listed in the README
 * with their limits. Workflows add or override words with the step's {@code lexicon} parameter.
 */
final class SentimentLexicon {

    static final String RESOURCE = "sentiment-lexicon.tsv";

    /** What a term does. */
    enum Kind { WORD, NEGATOR, BOOSTER, CONTRAST, CONCESSIVE, NEUTRAL }

    /** One entry: its kind and value (valence, negation scalar or boost). */
    record Entry(Kind kind, double value) { }

    private final Map<String, Entry> words;
    private final Map<String, Double> boosters;
    private final int longest;

    private SentimentLexicon(Map<String, Entry> words, Map<String, Double> boosters) {
        this.words = Map.copyOf(words);
        this.boosters = Map.copyOf(boosters);
        int max = 1;
        for (String w : words.keySet()) {
            max = Math.max(max, w.codePointCount(0, w.length()));
        }
        this.longest = max;
    }

    private static volatile SentimentLexicon bundled;

    /** The bundled lexicon, read once. */
    static SentimentLexicon bundled() {
        SentimentLexicon b = bundled;
        if (b == null) {
            b = read();
            bundled = b;
        }
        return b;
    }

    private static SentimentLexicon read() {
        Map<String, Entry> words = new HashMap<>();
        Map<String, Double> boosters = new HashMap<>();
        try (InputStream in = SentimentLexicon.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the sentiment lexicon " + RESOURCE + " is missing from the bundle");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                String term = normal(cells[1]);
                double v = Double.parseDouble(cells[2]);
                switch (cells[0]) {
                    case "w" -> words.put(term, new Entry(Kind.WORD, v));
                    case "n" -> words.put(term, new Entry(Kind.NEGATOR, v));
                    // A word may be both a sentiment word and a booster ("好" in 好慢): kept apart.
                    case "b" -> {
                        boosters.put(term, v);
                        words.putIfAbsent(term, new Entry(Kind.BOOSTER, v));
                    }
                    case "c" -> words.put(term, new Entry(v < 0 ? Kind.CONCESSIVE : Kind.CONTRAST, 1));
                    case "z" -> words.put(term, new Entry(Kind.NEUTRAL, 0));
                    default -> throw new IllegalStateException("bad kind in " + RESOURCE + ": " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SentimentLexicon(words, boosters);
    }

    /** A copy with the given words set to the given valences (workflow additions win). */
    SentimentLexicon with(Map<String, Double> extra) {
        if (extra.isEmpty()) {
            return this;
        }
        Map<String, Entry> w = new HashMap<>(words);
        extra.forEach((k, v) -> w.put(normal(k), new Entry(Kind.WORD, v)));
        return new SentimentLexicon(w, boosters);
    }

    static String normal(String term) {
        return term.replace("\uFE0F", "").strip().toLowerCase(Locale.ROOT);
    }

    /** The entry of a term (lower case), or null. */
    Entry get(String term) {
        return words.get(term);
    }

    /** The boost of a term that also works as a booster, or null. */
    Double boost(String term) {
        return boosters.get(term);
    }

    /** The longest entry in code points: the window of longest-match segmentation. */
    int longest() {
        return longest;
    }

    int size() {
        return words.size();
    }
}

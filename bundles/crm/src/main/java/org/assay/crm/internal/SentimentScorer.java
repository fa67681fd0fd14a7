package org.assay.crm.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.assay.crm.internal.SentimentLexicon.Entry;
import org.assay.crm.internal.SentimentLexicon.Kind;

/**
 * Scores one text with a lexicon, in the manner of VADER (Hutto &amp; Gilbert 2014) and with its
 * constants, for English and Chinese in the same text.
 *
 * <ul>
 *   <li>Tokens: Latin words (phrases of up to 3 words matched longest first), emoticons and emoji;
 *       runs of Han characters are segmented by forward maximum matching against the lexicon
 *       (the longest entry starting at each position, else one character).</li>
 *   <li>A sentiment word is changed by the up to 3 tokens before it in its clause: a negator
 *       multiplies it by -0.74, a booster adds its boost (0.293 for "very"/"很") in the word's
 *       direction, damped by distance (1, 0.95, 0.9); a negative boost ("slightly") damps.</li>
 *   <li>Contrast ("but", "但是"): words before the last one count 0.5, after it 1.5. A concessive
 *       ("although", "虽然") without a "but" halves its own clause and counts the rest 1.5.</li>
 *   <li>Emphasis: a word in capitals in a text that is not all capitals adds 0.733; each "!"
 *       (up to 4) adds 0.292 to the sum in its direction.</li>
 *   <li>Score: the sum s normalised to s / sqrt(s^2 + 15), in (-1, 1).</li>
 * </ul>
 *
 * <p>Stateless apart from the lexicon; safe to share.
 */
final class SentimentScorer {

    static final double NORMALISER = 15;
    static final double CAPS_BOOST = 0.733;
    static final double EXCLAMATION = 0.292;
    static final double[] DISTANCE_DAMP = {1.0, 0.95, 0.9};

    /**
     * A scored text: the score in (-1, 1), the phrases that drove it (strongest first, as written,
     * with the words between), and those pulling the score's way as lexicon terms only ({@code not
     * reliable}), which carry nothing of the text but lexicon entries.
     */
    record Result(double score, List<String> phrases, List<String> terms, int words) {

        String label(double neutralBand) {
            return score >= neutralBand ? "positive" : score <= -neutralBand ? "negative" : "neutral";
        }
    }

    private record Token(String surface, String key, int clause, boolean han, boolean caps) { }

    private record Contribution(String phrase, String term, double value) { }

    private final SentimentLexicon lexicon;

    SentimentScorer(SentimentLexicon lexicon) {
        this.lexicon = lexicon;
    }

    Result score(String text) {
        int[] exclamations = new int[1];
        List<Token> tokens = mergePhrases(tokens(text, exclamations));
        int n = tokens.size();
        Kind[] role = roles(tokens);
        double[] weight = contrastWeights(tokens, role);
        List<Contribution> parts = new ArrayList<>();
        double sum = 0;
        int sentimentWords = 0;
        for (int i = 0; i < n; i++) {
            Token t = tokens.get(i);
            Entry e = lexicon.get(t.key());
            if (role[i] != Kind.WORD || e == null || e.value() == 0) {
                continue;
            }
            sentimentWords++;
            double v = e.value();
            if (t.caps()) {
                v += Math.signum(v) * CAPS_BOOST;
            }
            int start = i;
            for (int k = 1; k <= 3 && i - k >= 0; k++) {
                int j = i - k;
                Token m = tokens.get(j);
                if (m.clause() != t.clause()) {
                    break;
                }
                if (role[j] == Kind.BOOSTER) {
                    v += Math.signum(v) * boost(m) * DISTANCE_DAMP[k - 1];
                    start = j;
                } else if (role[j] == Kind.NEGATOR) {
                    v *= lexicon.get(m.key()).value();
                    start = j;
                }
            }
            v *= weight[i];
            sum += v;
            parts.add(new Contribution(phrase(tokens, start, i), term(tokens, role, start, i), v));
        }
        if (sum != 0) {
            sum += Math.signum(sum) * EXCLAMATION * Math.min(4, exclamations[0]);
        }
        double score = sum / Math.sqrt(sum * sum + NORMALISER);
        double direction = Math.signum(score);
        // The phrases that drove the score: those pulling its way first, strongest first.
        parts.sort(Comparator.comparingDouble((Contribution c) -> direction == 0 ? -Math.abs(c.value())
                : -c.value() * direction));
        Set<String> phrases = new LinkedHashSet<>();
        Set<String> terms = new LinkedHashSet<>();
        for (Contribution c : parts) {
            phrases.add(c.phrase());
            // Terms say why the text is what it is: only those pulling its way ("good" in a
            // "good price, but broken" text is no reason it is negative).
            if (c.value() * direction > 0) {
                terms.add(c.term());
            }
        }
        return new Result(score, List.copyOf(phrases), List.copyOf(terms), sentimentWords);
    }

    private double boost(Token m) {
        Double b = lexicon.boost(m.key());
        return b != null ? b : lexicon.get(m.key()).value();
    }

    /** Each token's role; a word that can also boost ("好" in 好慢) boosts when a sentiment word follows. */
    private Kind[] roles(List<Token> tokens) {
        int n = tokens.size();
        Kind[] role = new Kind[n];
        for (int i = n - 1; i >= 0; i--) {
            Token t = tokens.get(i);
            Entry e = lexicon.get(t.key());
            role[i] = e == null ? Kind.NEUTRAL : e.kind();
            if (e != null && e.kind() == Kind.WORD && lexicon.boost(t.key()) != null && i + 1 < n
                    && tokens.get(i + 1).clause() == t.clause() && role[i + 1] == Kind.WORD) {
                role[i] = Kind.BOOSTER;
            }
        }
        return role;
    }

    private static double[] contrastWeights(List<Token> tokens, Kind[] role) {
        int n = tokens.size();
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1.0);
        int but = -1;
        int although = -1;
        for (int i = 0; i < n; i++) {
            if (role[i] == Kind.CONTRAST) {
                but = i;
            } else if (role[i] == Kind.CONCESSIVE && although < 0) {
                although = i;
            }
        }
        if (but >= 0) {
            for (int i = 0; i < n; i++) {
                w[i] = i < but ? 0.5 : i > but ? 1.5 : 1.0;
            }
        } else if (although >= 0) {
            int clause = tokens.get(although).clause();
            for (int i = although + 1; i < n; i++) {
                w[i] = tokens.get(i).clause() == clause ? 0.5 : 1.5;
            }
        }
        return w;
    }

    private static String term(List<Token> tokens, Kind[] role, int from, int to) {
        StringBuilder b = new StringBuilder();
        boolean han = false;
        for (int i = from; i <= to; i++) {
            if (i == to || role[i] == Kind.NEGATOR || role[i] == Kind.BOOSTER) {
                Token t = tokens.get(i);
                if (b.length() > 0 && !(t.han() && han)) {
                    b.append(' ');
                }
                b.append(t.key());
                han = t.han();
            }
        }
        return b.toString();
    }

    private static String phrase(List<Token> tokens, int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i <= to; i++) {
            Token t = tokens.get(i);
            if (i > from && !(t.han() && tokens.get(i - 1).han())) {
                b.append(' ');
            }
            b.append(t.surface());
        }
        return b.toString();
    }

    /** Latin words joined into the longest lexicon phrase (up to 3 words) starting at each word. */
    private List<Token> mergePhrases(List<Token> in) {
        List<Token> out = new ArrayList<>(in.size());
        int i = 0;
        while (i < in.size()) {
            Token t = in.get(i);
            int taken = 1;
            if (!t.han()) {
                for (int len = Math.min(3, in.size() - i); len >= 2; len--) {
                    StringBuilder key = new StringBuilder(t.key());
                    StringBuilder surface = new StringBuilder(t.surface());
                    boolean ok = true;
                    for (int k = 1; k < len; k++) {
                        Token u = in.get(i + k);
                        if (u.han() || u.clause() != t.clause()) {
                            ok = false;
                            break;
                        }
                        key.append(' ').append(u.key());
                        surface.append(' ').append(u.surface());
                    }
                    if (ok && lexicon.get(key.toString()) != null) {
                        out.add(new Token(surface.toString(), key.toString(), t.clause(), false, false));
                        taken = len;
                        break;
                    }
                }
            }
            if (taken == 1) {
                out.add(t);
            }
            i += taken;
        }
        return out;
    }

    private List<Token> tokens(String text, int[] exclamations) {
        List<Token> out = new ArrayList<>();
        boolean hasLower = text.chars().anyMatch(Character::isLowerCase);
        int clause = 0;
        int i = 0;
        int len = text.length();
        while (i < len) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                int end = i;
                while (end < len && Character.UnicodeScript.of(text.codePointAt(end)) == Character.UnicodeScript.HAN) {
                    end += Character.charCount(text.codePointAt(end));
                }
                segment(text.substring(i, end), clause, out);
                i = end;
            } else if (Character.isLetterOrDigit(cp)) {
                int end = i;
                while (end < len && isWordChar(text, end)) {
                    end += Character.charCount(text.codePointAt(end));
                }
                String surface = text.substring(i, end).replace('\u2019', '\'');
                while (surface.endsWith("'")) {
                    surface = surface.substring(0, surface.length() - 1);
                }
                boolean caps = hasLower && surface.length() > 1 && surface.equals(surface.toUpperCase(Locale.ROOT))
                        && surface.chars().anyMatch(Character::isLetter);
                out.add(new Token(surface, surface.toLowerCase(Locale.ROOT), clause, false, caps));
                i = end;
            } else if ((cp == ':' || cp == ';') && emoticon(text, i) > 0) {
                int end = i + emoticon(text, i);
                String e = text.substring(i, end);
                out.add(new Token(e, SentimentLexicon.normal(e.replace(";", ":")), clause, false, false));
                i = end;
            } else if (isEmoji(cp)) {
                String e = new String(Character.toChars(cp));
                out.add(new Token(e, e, clause, false, false));
                i += width;
            } else {
                if (cp == '!' || cp == '！') {
                    exclamations[0]++;
                }
                if (",.;:?!，。；：？！、\n…".indexOf(cp) >= 0) {
                    clause++;
                }
                i += width;
            }
        }
        return out;
    }

    private static boolean isWordChar(String text, int at) {
        int cp = text.codePointAt(at);
        if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
            return false;
        }
        return Character.isLetterOrDigit(cp) || ((cp == '\'' || cp == '\u2019') && at + 1 < text.length()
                && Character.isLetter(text.codePointAt(at + 1)));
    }

    private static int emoticon(String text, int at) {
        for (String e : new String[] {":-)", ":-(", ":)", ":(", ":D", ";)", ";-)"}) {
            if (text.startsWith(e, at)) {
                return e.length();
            }
        }
        return 0;
    }

    private static boolean isEmoji(int cp) {
        return (cp >= 0x1F300 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF);
    }

    /** Forward maximum matching: at each position the longest lexicon entry, else one character. */
    private void segment(String run, int clause, List<Token> out) {
        int[] cps = run.codePoints().toArray();
        int i = 0;
        while (i < cps.length) {
            int take = 1;
            for (int l = Math.min(lexicon.longest(), cps.length - i); l >= 2; l--) {
                if (lexicon.get(new String(cps, i, l)) != null) {
                    take = l;
                    break;
                }
            }
            String w = new String(cps, i, take);
            out.add(new Token(w, w, clause, true, false));
            i += take;
        }
    }
}

package org.assay.cleaners.internal.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The forms text is brought into before it is compared or keyed: unicode NFKC (which also turns
 * full-width letters and digits into their ASCII forms), lower case, accents folded, punctuation
 * dropped and whitespace collapsed. Stateless and thread-safe.
 */
public final class TextForm {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern PUNCTUATION = Pattern.compile("[\\p{P}\\p{S}]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private TextForm() {
    }

    /** NFKC, so "ＡＢＣ１" is "ABC1" and a ligature is its letters. */
    public static String nfkc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC);
    }

    /** Accents removed: "José Müller" is "Jose Muller". Letters of other scripts are kept. */
    public static String foldAccents(String s) {
        return MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
    }

    /** Runs of whitespace (any unicode space, tabs, line breaks) as one space, trimmed. */
    public static String collapseSpaces(String s) {
        return SPACES.matcher(s.strip()).replaceAll(" ");
    }

    /** Punctuation and symbols as a space, so "O'Brien-Smith" and "O Brien Smith" meet. */
    public static String dropPunctuation(String s) {
        return PUNCTUATION.matcher(s).replaceAll(" ");
    }

    /**
     * The key form used to compare values: NFKC, accents folded, lower case, punctuation
     * dropped, whitespace collapsed. "  Müller-Lüdenscheidt, ＪＯＳＥ " is "muller ludenscheidt jose".
     * Null stays null; a value with nothing left is the empty string.
     */
    public static String key(String s) {
        if (s == null) {
            return null;
        }
        return collapseSpaces(dropPunctuation(foldAccents(nfkc(s)).toLowerCase(Locale.ROOT)));
    }

    /** Only the digits of the value, after NFKC (so full-width digits count). */
    public static String digits(String s) {
        if (s == null) {
            return null;
        }
        String n = nfkc(s);
        StringBuilder b = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c >= '0' && c <= '9') {
                b.append(c);
            }
        }
        return b.toString();
    }
}

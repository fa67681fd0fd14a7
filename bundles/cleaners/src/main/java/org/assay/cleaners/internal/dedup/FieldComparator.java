package org.assay.cleaners.internal.dedup;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.assay.api.data.FieldType;
import org.assay.api.step.typed.DescribedValue;
import org.assay.cleaners.internal.text.TextForm;

/** How two values of one field are compared: a similarity between 0 (different) and 1 (same). */
enum FieldComparator implements DescribedValue {
    EXACT("1 when the key forms (case, accents, punctuation, spaces ignored) are equal, else 0"),
    JARO_WINKLER("Jaro-Winkler similarity of the key forms (commons-text); forgiving of typos, rewards a "
            + "common start: names"),
    LEVENSHTEIN("1 - edit distance / length of the longer key form (commons-text): codes, e-mails, addresses"),
    TOKEN_SET("Jaccard overlap of the words of the key forms, whatever their order: \"Smith John\" = "
            + "\"John Smith\""),
    DIGITS("the digits only: 1 when equal or when one ends with the other (7 digits or more, so a country "
            + "code or trunk prefix does not matter), else 1 - edit distance / length: phone numbers"),
    NUMERIC("1 - |a - b| / range, at least 0: amounts, ages (integer and decimal columns)"),
    DATE("1 - |a - b| in days / range (default 30), at least 0; 0.8 for the same date with day and month "
            + "swapped, the usual mix-up of US and European formats (date and timestamp columns)");

    private static final JaroWinklerSimilarity JARO_WINKLER_SIMILARITY = new JaroWinklerSimilarity();
    private static final LevenshteinDistance LEVENSHTEIN_DISTANCE = LevenshteinDistance.getDefaultInstance();
    private static final double MS_PER_DAY = 86_400_000.0;

    private final String description;

    FieldComparator(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }

    String jsonName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static FieldComparator parse(String text) {
        for (FieldComparator c : values()) {
            if (c.jsonName().equals(text)) {
                return c;
            }
        }
        return null;
    }

    static String names() {
        StringBuilder b = new StringBuilder();
        for (FieldComparator c : values()) {
            b.append(b.length() == 0 ? "" : ", ").append(c.jsonName());
        }
        return b.toString();
    }

    /** Whether the comparator reads the value as a number (else as its key form). */
    boolean numeric() {
        return this == NUMERIC || this == DATE;
    }

    boolean fits(FieldType type) {
        return switch (this) {
            case NUMERIC -> type.isNumeric();
            case DATE -> type == FieldType.DATE || type == FieldType.TIMESTAMP;
            default -> true;
        };
    }

    double defaultRange() {
        return this == DATE ? 30 : 1;
    }

    /** The stored form of a date or timestamp for {@link #DATE}: days. */
    static double days(FieldType type, double raw) {
        return type == FieldType.TIMESTAMP ? raw / MS_PER_DAY : raw;
    }

    /** The form a text value is stored in for comparing: digits only for {@link #DIGITS}, else its key form. */
    String form(String raw) {
        return this == DIGITS ? TextForm.digits(raw) : TextForm.key(raw);
    }

    /** Similarity of two key forms (text comparators); both non-null. */
    double text(String a, String b) {
        if (a.equals(b)) {
            return 1;
        }
        return switch (this) {
            case EXACT -> 0;
            case JARO_WINKLER -> JARO_WINKLER_SIMILARITY.apply(a, b);
            case LEVENSHTEIN -> 1 - (double) LEVENSHTEIN_DISTANCE.apply(a, b) / Math.max(a.length(), b.length());
            case TOKEN_SET -> tokenSet(a, b);
            case DIGITS -> digits(a, b);
            case NUMERIC, DATE -> throw new IllegalStateException(this + " compares numbers");
        };
    }

    /** Similarity given to a date whose day and month are swapped: likely the same, not surely. */
    static final double SWAPPED_DATE = 0.8;

    /** Similarity of two numbers at the given range; for {@link #DATE} (epoch days) day/month swaps count. */
    double number(double a, double b, double range) {
        double s = Math.max(0, 1 - Math.abs(a - b) / range);
        if (this == DATE && s < SWAPPED_DATE && swapped((long) Math.floor(a), (long) Math.floor(b))) {
            return SWAPPED_DATE;
        }
        return s;
    }

    private static boolean swapped(long a, long b) {
        java.time.LocalDate x = java.time.LocalDate.ofEpochDay(a);
        java.time.LocalDate y = java.time.LocalDate.ofEpochDay(b);
        return x.getYear() == y.getYear() && x.getMonthValue() == y.getDayOfMonth()
                && x.getDayOfMonth() == y.getMonthValue();
    }

    private static double tokenSet(String a, String b) {
        Set<String> x = new HashSet<>(Arrays.asList(a.split(" ")));
        Set<String> y = new HashSet<>(Arrays.asList(b.split(" ")));
        int union = x.size();
        int common = 0;
        for (String t : y) {
            if (x.contains(t)) {
                common++;
            } else {
                union++;
            }
        }
        return union == 0 ? 1 : (double) common / union;
    }

    private static double digits(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        String longer = a.length() >= b.length() ? a : b;
        String shorter = longer == a ? b : a;
        if (shorter.length() >= 7 && longer.endsWith(shorter)) {
            return 1;
        }
        return 1 - (double) LEVENSHTEIN_DISTANCE.apply(a, b) / longer.length();
    }
}

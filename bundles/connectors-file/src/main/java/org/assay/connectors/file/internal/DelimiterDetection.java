package org.assay.connectors.file.internal;

/**
 * Chooses the field separator of a file whose {@code delimiter} is {@code auto}, from the
 * first records of its text.
 *
 * <p>Each candidate ({@code , ; tab |}) splits the first {@value #SAMPLE_RECORDS} records
 * the way the parser would: a field that starts with a quote runs to its closing quote,
 * line breaks inside it included, and empty lines are skipped. A candidate is
 * <em>consistent</em> when the first record has more than one field and all sampled
 * records but at most one in ten have that many: a data row that is malformed does not
 * stop detection, but the header decides the width, as it does for the reader. Among
 * consistent candidates the one giving the most fields wins, ties in the order above
 * (a {@code ;} file with decimal commas has fewer {@code ,} fields in its header than in
 * its rows, so {@code ,} is not consistent there).
 *
 * <p>When no candidate is consistent the reader keeps {@code ,}. That silently reads one
 * column when {@code ,} does not split the header at all while another candidate splits
 * it and at least half the records the same way: such a file is reported as looking
 * separated by that candidate instead.
 */
final class DelimiterDetection {

    static final int SAMPLE_RECORDS = 20;
    /** Characters of the file's text looked at: a bounded prefix however long its lines are. */
    static final int SAMPLE_CHARS = 64 * 1024;

    private static final char[] CANDIDATES = {',', ';', '\t', '|'};
    private static final char QUOTE = '"';

    /**
     * What detection found.
     *
     * @param delimiter the separator to read with
     * @param lookalike when not 0, the separator the file looks like although no candidate
     *                  was consistent; the reader fails naming it rather than read one column
     * @param detail    how the choice was made, for the log
     */
    record Choice(char delimiter, char lookalike, String detail) {
    }

    private DelimiterDetection() {
    }

    /**
     * Chooses the separator of the text that starts with {@code text}; {@code whole} says
     * whether {@code text} is the entire file (else its last record may be cut and is not
     * looked at).
     */
    static Choice detect(CharSequence text, boolean whole) {
        Counts best = null;
        Counts comma = null;
        Counts likeliest = null;
        for (char candidate : CANDIDATES) {
            Counts c = count(text, whole, candidate);
            if (candidate == ',') {
                comma = c;
            }
            if (c.consistent() && (best == null || c.width > best.width)) {
                best = c;
            }
            if (c.width > 1 && (likeliest == null || c.matching > likeliest.matching)) {
                likeliest = c;
            }
        }
        if (best != null) {
            return new Choice(best.delimiter, (char) 0, Delimiter.display(best.delimiter) + " detected: "
                    + best.width + " fields in " + agreement(best));
        }
        if (comma.records == 0) {
            return new Choice(',', (char) 0, "no complete record in the first " + SAMPLE_CHARS
                    + " characters; reading \",\"");
        }
        String none = "no candidate of , ; tab | splits the first " + comma.records
                + " records into the same number of fields";
        if (comma.width == 1 && likeliest != null && 2 * likeliest.matching >= likeliest.records) {
            return new Choice(',', likeliest.delimiter, none + "; " + Delimiter.display(likeliest.delimiter)
                    + " gives " + likeliest.width + " fields in " + agreement(likeliest));
        }
        return new Choice(',', (char) 0, none + "; reading \",\"");
    }

    private static String agreement(Counts c) {
        return c.matching == c.records ? "each of the first " + c.records + " records"
                : c.matching + " of the first " + c.records + " records";
    }

    /** Field counts of the sampled records for one candidate separator. */
    private static Counts count(CharSequence text, boolean whole, char delimiter) {
        Counts counts = new Counts(delimiter);
        int n = text.length();
        int i = 0;
        while (i < n && counts.records < SAMPLE_RECORDS) {
            int fields = 1;
            boolean fieldStart = true;
            boolean quoted = false;
            boolean empty = true;
            boolean ended = false;
            while (i < n) {
                char ch = text.charAt(i++);
                if (quoted) {
                    if (ch == QUOTE) {
                        if (i < n && text.charAt(i) == QUOTE) {
                            i++;
                        } else {
                            quoted = false;
                        }
                    }
                    continue;
                }
                if (ch == '\n' || ch == '\r') {
                    if (ch == '\r' && i < n && text.charAt(i) == '\n') {
                        i++;
                    }
                    ended = true;
                    break;
                }
                empty = false;
                if (ch == delimiter) {
                    fields++;
                    fieldStart = true;
                } else {
                    quoted = fieldStart && ch == QUOTE;
                    fieldStart = false;
                }
            }
            if (!ended && !whole) {
                break;
            }
            if (!empty) {
                counts.add(fields);
            }
        }
        return counts;
    }

    private static final class Counts {
        final char delimiter;
        int records;
        int width;
        int matching;

        Counts(char delimiter) {
            this.delimiter = delimiter;
        }

        void add(int fields) {
            if (records++ == 0) {
                width = fields;
            }
            if (fields == width) {
                matching++;
            }
        }

        boolean consistent() {
            return width > 1 && 10 * (records - matching) <= records;
        }
    }
}

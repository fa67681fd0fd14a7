package org.assay.cleaners.internal.text;

/** One cell of the CSV tables the cleaning steps write as artifacts (RFC 4180 quoting). */
public final class CsvCell {

    private CsvCell() {
    }

    /** The cell quoted when it holds a comma, a quote or a line break; null is the empty cell. */
    public static String of(String s) {
        if (s == null) {
            return "";
        }
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}

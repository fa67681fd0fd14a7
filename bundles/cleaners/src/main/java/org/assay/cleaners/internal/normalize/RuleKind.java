package org.assay.cleaners.internal.normalize;

import java.util.Locale;
import org.assay.api.data.FieldType;

/** What a normalize rule turns a column into. */
enum RuleKind {
    TEXT(null, "text[:lower|upper|title|fold-accents|keep-case, ...]: trim, collapse whitespace, unicode NFKC "
            + "(full-width to half-width)"),
    PHONE(FieldType.STRING, "phone: E.164 (+4721234567) through libphonenumber, with defaultRegion for numbers "
            + "without a country code; a number that is not valid for its region is invalid"),
    EMAIL(FieldType.STRING, "email: trimmed, lower case, checked against the HTML5 address syntax"),
    DATE(FieldType.DATE, "date: the first of dateFormats that reads the whole value, to an ISO date"),
    TIMESTAMP(FieldType.TIMESTAMP, "timestamp: ISO 8601 with an offset, or the first of timestampFormats read in "
            + "timeZone"),
    BOOLEAN(FieldType.BOOLEAN, "boolean: true/false, yes/no, y/n, 1/0, on/off, t/f, ja/nein, oui/non, si/no, "
            + "是/否, 对/错 (any case)"),
    UNIT(FieldType.DECIMAL, "unit:<unit column>: the number times the factor that units gives the unit named in "
            + "the unit column (which becomes unitName); a number with its unit in the cell (\"12.5 lb\") needs no "
            + "unit column: write unit"),
    MAP(null, "map: the value replaced through mapping, keys matched ignoring case, accents, punctuation and "
            + "spaces; values mapping lacks are kept");

    private final FieldType output;
    private final String doc;

    RuleKind(FieldType output, String doc) {
        this.output = output;
        this.doc = doc;
    }

    /** The column's type after the rule; null: the input's. */
    FieldType output() {
        return output;
    }

    String doc() {
        return doc;
    }

    String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static RuleKind parse(String text) {
        for (RuleKind k : values()) {
            if (k.jsonName().equals(text)) {
                return k;
            }
        }
        return null;
    }
}

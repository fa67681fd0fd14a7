package org.assay.connectors.file.internal;

import java.util.List;
import java.util.Set;
import org.assay.api.data.FieldType;

/**
 * Infers the type of an undeclared column from the first rows of the file.
 *
 * <p>Candidates are tried from the narrowest: boolean (true/false only), integer, decimal,
 * date, timestamp; string when none fits. A candidate wins when it fits every non-null
 * sample value, or all but at most 1% of them: a stray "unknown" in an age column is dirt
 * to quarantine, not a reason to make ages text. Values after the sample that do not fit
 * the inferred type send their row to quarantine as well. A column whose numbers have
 * leading zeros (zip codes, phone numbers) stays string, and categorical is never inferred:
 * declare it. A cell of spaces only counts as no value, like a null text: a decimal column
 * with a few " " cells is decimal with missing values (the reader reads those cells as null).
 */
final class TypeInference {

    private static final FieldType[] CANDIDATES = {
        FieldType.BOOLEAN, FieldType.INTEGER, FieldType.DECIMAL, FieldType.DATE, FieldType.TIMESTAMP
    };

    private final CellParser parser;
    private final Set<String> nullValues;

    TypeInference(CellParser parser, Set<String> nullValues) {
        this.parser = parser;
        this.nullValues = nullValues;
    }

    /** The type of column {@code col} over sample rows (rows too short for it are skipped). */
    FieldType infer(List<String[]> sample, int col) {
        int nonNull = 0;
        int[] misfits = new int[CANDIDATES.length];
        boolean leadingZero = false;
        for (String[] row : sample) {
            if (col >= row.length || nullValues.contains(row[col])) {
                continue;
            }
            String t = row[col].strip();
            if (t.isEmpty()) {
                continue;
            }
            nonNull++;
            leadingZero |= CellParser.hasLeadingZero(t);
            for (int k = 0; k < CANDIDATES.length; k++) {
                if (!parser.fits(CANDIDATES[k], t)) {
                    misfits[k]++;
                }
            }
        }
        if (nonNull == 0) {
            return FieldType.STRING;
        }
        for (int k = 0; k < CANDIDATES.length; k++) {
            if (leadingZero && CANDIDATES[k].isNumeric()) {
                continue;
            }
            if (misfits[k] < nonNull && misfits[k] * 100L <= nonNull) {
                return CANDIDATES[k];
            }
        }
        return FieldType.STRING;
    }
}

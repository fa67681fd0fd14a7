package org.assay.visualizers.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import org.assay.api.data.Batch;
import org.assay.api.data.Column;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;

/**
 * Counts the values a chart draws that {@code impute} filled in, so the chart can say so. Impute
 * marks them with a boolean column {@code <name>_was_missing} (its {@code indicators} parameter):
 * where the input has one for a drawn column, its true values are counted. Without indicators the
 * chart cannot tell a filled value from a measured one, and says nothing. Not thread-safe.
 */
final class ImputedValues {

    /** How impute names its indicator columns (cleaners' {@code ImputeParameters.INDICATOR_SUFFIX}). */
    static final String INDICATOR_SUFFIX = "_was_missing";

    private final List<String> columns = new ArrayList<>();
    private final List<Integer> indicators = new ArrayList<>();
    private final long[] counts;
    private long rows;

    private ImputedValues(Schema schema, Collection<String> drawn) {
        for (String name : new LinkedHashSet<>(drawn)) {
            int at = schema.indexOf(name + INDICATOR_SUFFIX);
            if (at >= 0 && schema.field(at).type() == FieldType.BOOLEAN) {
                columns.add(name);
                indicators.add(at);
            }
        }
        counts = new long[columns.size()];
    }

    /** The tracker for the drawn columns of an input with this schema. */
    static ImputedValues of(Schema schema, Collection<String> drawn) {
        return new ImputedValues(schema, drawn);
    }

    void add(Batch batch) {
        rows += batch.rowCount();
        for (int i = 0; i < counts.length; i++) {
            Column c = batch.column(indicators.get(i));
            for (int r = 0; r < batch.rowCount(); r++) {
                if (!c.isNull(r) && c.getLong(r) != 0) {
                    counts[i]++;
                }
            }
        }
    }

    /** E.g. "312 of 5,000 income values imputed"; empty when none was. */
    String note() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                parts.add(String.format(Locale.ROOT, "%,d of %,d %s values imputed", counts[i], rows, columns.get(i)));
            }
        }
        return String.join("; ", parts);
    }

    /** The note in parentheses after a title, or empty. */
    String suffix() {
        String note = note();
        return note.isEmpty() ? "" : " (" + note + ")";
    }
}

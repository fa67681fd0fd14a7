package org.assay.api.data;

import java.util.ArrayList;
import java.util.List;

/**
 * How personal data is hidden in side files (quarantine, logs, events, reports): a non-empty
 * value of a field tagged {@link FieldTag#PII} becomes {@value #MASK}; an empty or missing
 * value stays empty, so a reader still sees that it was blank. Stateless.
 */
public final class PiiMask {

    /** What a masked value reads as. */
    public static final String MASK = "***";

    private PiiMask() {
    }

    /** Whether the schema has at least one pii field. */
    public static boolean hasPii(Schema schema) {
        for (Field f : schema) {
            if (f.has(FieldTag.PII)) {
                return true;
            }
        }
        return false;
    }

    /** {@value #MASK} for a non-empty value, else the value. */
    public static String mask(String value) {
        return value == null || value.isEmpty() ? value : MASK;
    }

    /**
     * The cells with those of pii fields masked. Cells are in the schema's field order; when
     * their number differs from the schema's (a malformed row) and the schema has a pii field,
     * every cell is masked, since none can be told apart.
     */
    public static List<String> maskCells(Schema schema, List<String> cells) {
        boolean lined = cells.size() == schema.size();
        if (!lined && !hasPii(schema)) {
            return cells;
        }
        List<String> out = new ArrayList<>(cells.size());
        for (int i = 0; i < cells.size(); i++) {
            boolean pii = !lined || schema.field(i).has(FieldTag.PII);
            out.add(pii ? mask(cells.get(i)) : cells.get(i));
        }
        return out;
    }

    /** Row {@code row} of the batch as cells, pii fields masked. */
    public static List<String> maskedRow(Batch batch, int row) {
        Schema schema = batch.schema();
        List<String> out = new ArrayList<>(schema.size());
        for (int c = 0; c < schema.size(); c++) {
            String v = batch.column(c).getString(row);
            out.add(schema.field(c).has(FieldTag.PII) ? mask(v) : v);
        }
        return out;
    }

    /**
     * Cells as one comma-separated line, quoted as CSV where a cell needs it: how the
     * quarantine shows a row. A null cell is empty.
     */
    public static String line(List<String> cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            String v = cells.get(i);
            if (v == null) {
                continue;
            }
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                b.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                b.append(v);
            }
        }
        return b.toString();
    }
}

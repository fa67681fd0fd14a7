package org.assay.connectors.file.internal;

import de.siegmar.fastcsv.reader.CsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.RecordType;
import java.util.Arrays;
import java.util.List;

/**
 * One CSV record as characters: every field of the record in one reused buffer, with its
 * bounds. Numbers and dates are parsed from the characters, so only text cells become
 * Strings; FastCSV's own records make a String of every cell, which was most of the
 * reader's garbage. The instance the handler fills is reused for the next record:
 * {@link #copy()} what has to outlive it. Not thread-safe.
 */
final class CsvRow {

    /** Characters one record may hold: a guard against a runaway record, like FastCSV's own limit. */
    static final int MAX_RECORD_CHARS = 64 * 1024 * 1024;
    /** Fields one record may hold, as FastCSV's default. */
    static final int MAX_FIELDS = 16 * 1024;
    /** Characters one field may hold: FastCSV's default buffer, set on the reader so messages can name it. */
    static final int MAX_FIELD_CHARS = 16 * 1024 * 1024;
    /** How the messages of the two limits above begin, for {@link ParseFailure}. */
    static final String TOO_MANY_FIELDS = "too many fields:";
    static final String TOO_LONG = "record too long:";

    private char[] chars;
    private int[] bounds;
    private int fields;
    private int used;
    private long line;

    CsvRow() {
        this(new char[256], new int[64]);
    }

    private CsvRow(char[] chars, int[] bounds) {
        this.chars = chars;
        this.bounds = bounds;
    }

    int fieldCount() {
        return fields;
    }

    /** The line the record starts on (from 1). */
    long startingLineNumber() {
        return line;
    }

    /** The record's characters; field {@code i} is {@code [start(i), end(i))}. */
    char[] chars() {
        return chars;
    }

    int start(int i) {
        return bounds[2 * i];
    }

    int end(int i) {
        return bounds[2 * i + 1];
    }

    String field(int i) {
        return new String(chars, start(i), end(i) - start(i));
    }

    List<String> fields() {
        String[] all = new String[fields];
        for (int i = 0; i < fields; i++) {
            all[i] = field(i);
        }
        return List.of(all);
    }

    /** A detached copy that later records do not overwrite. */
    CsvRow copy() {
        CsvRow c = new CsvRow(Arrays.copyOf(chars, used), Arrays.copyOf(bounds, 2 * fields));
        c.fields = fields;
        c.used = used;
        c.line = line;
        return c;
    }

    private void begin(long startingLine) {
        line = startingLine;
        fields = 0;
        used = 0;
    }

    private void add(char[] buf, int offset, int len) {
        if (fields == MAX_FIELDS) {
            throw new CsvParseException(TOO_MANY_FIELDS + " record on line " + line + " has more than " + MAX_FIELDS
                    + " fields");
        }
        if (used + len > chars.length) {
            if ((long) used + len > MAX_RECORD_CHARS) {
                throw new CsvParseException(TOO_LONG + " record on line " + line + " is longer than "
                        + MAX_RECORD_CHARS + " characters");
            }
            chars = Arrays.copyOf(chars, Math.max(used + len, Math.min(MAX_RECORD_CHARS, chars.length * 2)));
        }
        if (2 * fields + 2 > bounds.length) {
            bounds = Arrays.copyOf(bounds, bounds.length * 2);
        }
        System.arraycopy(buf, offset, chars, used, len);
        bounds[2 * fields] = used;
        bounds[2 * fields + 1] = used + len;
        used += len;
        fields++;
    }

    /** Fills one reused {@link CsvRow} per record for FastCSV's parser. */
    static final class Handler extends CsvCallbackHandler<CsvRow> {
        private final CsvRow row = new CsvRow();
        private RecordType type = RecordType.DATA;

        @Override
        protected RecordType getRecordType() {
            return type;
        }

        @Override
        protected int getFieldCount() {
            return row.fields;
        }

        @Override
        protected void beginRecord(long startingLineNumber) {
            type = RecordType.DATA;
            row.begin(startingLineNumber);
        }

        @Override
        protected void addField(char[] buf, int offset, int len, boolean quoted) {
            row.add(buf, offset, len);
        }

        /** Comments are not enabled on the reader; should one arrive, it is a one-field record. */
        @Override
        protected void setComment(char[] buf, int offset, int len) {
            type = RecordType.COMMENT;
            row.fields = 0;
            row.used = 0;
            row.add(buf, offset, len);
        }

        /** As FastCSV's own handler: an empty line is one empty field. */
        @Override
        protected void setEmpty() {
            type = RecordType.EMPTY;
            row.fields = 0;
            row.used = 0;
            row.add(new char[0], 0, 0);
        }

        @Override
        protected CsvRow buildRecord() {
            return row;
        }
    }
}

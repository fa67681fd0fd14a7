package org.assay.connectors.file.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.assay.api.data.Column;

/**
 * Writes CSV straight into UTF-8 bytes, typed values formatted without an intermediate
 * String. The output is byte for byte what FastCSV's writer gives with csv-writer's
 * settings (quotes only where required: a field holding the delimiter, a double quote, CR
 * or LF, or a record's first field starting with the comment character {@code #}; LF line
 * ends), and values read as {@link Column#getString(int)} renders them. Going through
 * Strings, a Writer and a charset encoder was most of csv-writer's time. Not thread-safe;
 * the caller closes the stream.
 */
final class Utf8CsvWriter {

    private static final char QUOTE = '"';
    private static final char COMMENT = '#';

    private static final long[] POWERS_OF_TEN = new long[19];
    /** The tens and ones digit of 0..99. */
    private static final byte[] TENS = new byte[100];
    private static final byte[] ONES = new byte[100];

    static {
        long p = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = p;
            p *= 10;
        }
        for (int i = 0; i < 100; i++) {
            TENS[i] = (byte) ('0' + i / 10);
            ONES[i] = (byte) ('0' + i % 10);
        }
    }

    private final OutputStream out;
    private final char delimiter;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private boolean firstField = true;
    /** Whether the field being written is its record's first (where FastCSV quotes a leading '#'). */
    private boolean atRecordStart;

    /** Whether this writer can produce the delimiter (an ASCII character other than the quote and comment characters). */
    static boolean supports(char delimiter) {
        return delimiter < 0x80 && delimiter != QUOTE && delimiter != COMMENT && delimiter != '\n' && delimiter != '\r';
    }

    Utf8CsvWriter(OutputStream out, char delimiter) {
        if (!supports(delimiter)) {
            throw new IllegalArgumentException("unsupported delimiter " + (int) delimiter);
        }
        this.out = out;
        this.delimiter = delimiter;
    }

    /** Writes the value at {@code row} of {@code col}; a null is an empty field. */
    void value(Column col, int row) throws IOException {
        startField();
        if (col.isNull(row)) {
            return;
        }
        switch (col.type()) {
            case STRING, CATEGORICAL -> text(col.texts()[row]);
            case INTEGER -> integer(col.longs()[row]);
            case DECIMAL -> decimal(col.doubles()[row]);
            case BOOLEAN -> ascii(col.longs()[row] != 0 ? "true" : "false");
            case DATE -> date(col.longs()[row]);
            case TIMESTAMP -> ascii(Instant.ofEpochMilli(col.longs()[row]).toString());
        }
    }

    /** Writes a text field (a header cell, say). */
    void field(String text) throws IOException {
        startField();
        text(text);
    }

    void endRecord() throws IOException {
        room(1);
        buf[pos++] = '\n';
        firstField = true;
    }

    void flush() throws IOException {
        out.write(buf, 0, pos);
        pos = 0;
        out.flush();
    }

    private void startField() throws IOException {
        atRecordStart = firstField;
        if (firstField) {
            firstField = false;
        } else {
            room(1);
            buf[pos++] = (byte) delimiter;
        }
    }

    private void room(int bytes) throws IOException {
        if (pos + bytes > buf.length) {
            out.write(buf, 0, pos);
            pos = 0;
        }
    }

    /** ASCII text known to need no quotes: numbers, dates, ISO timestamps, booleans. */
    private void ascii(String s) throws IOException {
        int n = s.length();
        room(n);
        for (int i = 0; i < n; i++) {
            buf[pos++] = (byte) s.charAt(i);
        }
    }

    private void text(String s) throws IOException {
        int n = s.length();
        boolean first = atRecordStart;
        if (n <= buf.length / 2) {
            room(n);
            int start = pos;
            int i = 0;
            for (; i < n; i++) {
                char c = s.charAt(i);
                if (c >= 0x80 || c == QUOTE || c == delimiter || c == '\n' || c == '\r') {
                    break;
                }
                buf[pos++] = (byte) c;
            }
            if (i == n && !(first && n > 0 && s.charAt(0) == COMMENT)) {
                return;
            }
            pos = start;
        }
        slowText(s, first);
    }

    private void slowText(String s, boolean first) throws IOException {
        boolean quote = first && !s.isEmpty() && s.charAt(0) == COMMENT;
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == QUOTE || c == delimiter || c == '\n' || c == '\r';
        }
        String body = quote ? QUOTE + s.replace("\"", "\"\"") + QUOTE : s;
        bytes(body.getBytes(StandardCharsets.UTF_8));
    }

    private void bytes(byte[] b) throws IOException {
        if (b.length > buf.length - pos) {
            out.write(buf, 0, pos);
            pos = 0;
            if (b.length > buf.length) {
                out.write(b);
                return;
            }
        }
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
    }

    private void integer(long v) throws IOException {
        if (v == Long.MIN_VALUE) {
            ascii(Long.toString(v));
            return;
        }
        room(20);
        if (v < 0) {
            buf[pos++] = '-';
            v = -v;
        }
        digits(v);
    }

    /** The digits of {@code v >= 0}, written backwards into place, two at a time. */
    private void digits(long v) {
        int len = 1;
        while (len < 19 && v >= POWERS_OF_TEN[len]) {
            len++;
        }
        int at = pos + len;
        pos = at;
        while (v >= Integer.MAX_VALUE) {
            long q = v / 100;
            int r = (int) (v - q * 100);
            buf[--at] = ONES[r];
            buf[--at] = TENS[r];
            v = q;
        }
        int i = (int) v;
        while (i >= 100) {
            int q = i / 100;
            int r = i - q * 100;
            buf[--at] = ONES[r];
            buf[--at] = TENS[r];
            i = q;
        }
        if (i >= 10) {
            buf[--at] = ONES[i];
            buf[--at] = TENS[i];
        } else {
            buf[--at] = (byte) ('0' + i);
        }
    }

    /**
     * As {@link Column#formatDecimal}: whole numbers without ".0", others as
     * {@link Double#toString}. Values on a cent grid in plain notation range (prices,
     * amounts) are written from their integer cents, which gives the same text as
     * Double.toString there (checked exhaustively by the tests over a range and randomly
     * beyond).
     */
    private void decimal(double v) throws IOException {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            integer((long) v);
            return;
        }
        long cents = centsOrZero(v);
        if (cents == 0) {
            ascii(Double.toString(v));
            return;
        }
        room(24);
        if (cents < 0) {
            buf[pos++] = '-';
            cents = -cents;
        }
        digits(cents / 100);
        buf[pos++] = '.';
        int frac = (int) (cents % 100);
        buf[pos++] = (byte) ('0' + frac / 10);
        if (frac % 10 != 0) {
            buf[pos++] = (byte) ('0' + frac % 10);
        }
    }

    /** {@code v} in hundredths when it is the double nearest such a value with |v| in [0.01, 1e7); else 0. */
    static long centsOrZero(double v) {
        double a = Math.abs(v);
        if (!(a >= 0.01 && a < 1e7)) {
            return 0;
        }
        double scaled = Math.rint(v * 100);
        return scaled / 100 == v ? (long) scaled : 0;
    }

    private void date(long epochDay) throws IOException {
        LocalDate d = LocalDate.ofEpochDay(epochDay);
        int year = d.getYear();
        if (year < 0 || year > 9999) {
            ascii(d.toString());
            return;
        }
        room(10);
        buf[pos++] = (byte) ('0' + year / 1000);
        buf[pos++] = (byte) ('0' + year / 100 % 10);
        buf[pos++] = (byte) ('0' + year / 10 % 10);
        buf[pos++] = (byte) ('0' + year % 10);
        buf[pos++] = '-';
        int m = d.getMonthValue();
        buf[pos++] = (byte) ('0' + m / 10);
        buf[pos++] = (byte) ('0' + m % 10);
        buf[pos++] = '-';
        int day = d.getDayOfMonth();
        buf[pos++] = (byte) ('0' + day / 10);
        buf[pos++] = (byte) ('0' + day % 10);
    }
}

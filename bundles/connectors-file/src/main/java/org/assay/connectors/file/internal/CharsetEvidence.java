package org.assay.connectors.file.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Byte statistics of a sample that is not valid UTF-8, to choose among the charsets
 * {@code encoding: auto} knows: UTF-8 with a few bad bytes, windows-1252 (the superset of
 * ISO-8859-1 that Western European exports use) and GB18030 (the superset of GBK and
 * GB2312 that Chinese exports use). The three leave different marks on the bytes at or
 * above 0x80 ("high bytes"):
 *
 * <ul>
 * <li>UTF-8: high bytes form well-formed sequences (a lead byte and its continuation
 *     bytes). A file that is UTF-8 but for a row or two stays UTF-8, and those rows go to
 *     quarantine, instead of every accent in it being misread. It takes 90% of the high
 *     bytes in such sequences: in Chinese GB18030 text 25-36% are, by chance.</li>
 * <li>windows-1252: a high byte is one whole character, an accented letter (é, ü, ß) or
 *     punctuation (€, “, –), between ASCII letters, digits or separators, so most runs of
 *     consecutive high bytes are one byte long ("Françoise", "Müller").</li>
 * <li>GB18030: a Chinese character is two high bytes (both at least 0xA1 in GB2312), so
 *     runs have even lengths; a run of one comes only from the rarer GBK characters whose
 *     second byte is in the ASCII range.</li>
 * </ul>
 *
 * When the marks are not clear the sample is not guessed at: {@link #choose()} names the
 * likelier charset and the user sets it. Read as GB18030, Latin-1 text passes without an
 * error ("Fran鏾ise"), so a wrong guess here would be a silent wrong result.
 */
final class CharsetEvidence {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    static final Charset GB18030 = Charset.forName("GB18030");

    /**
     * The outcome: a charset to read with, or none and the advice to give.
     *
     * @param charset the charset, or null when the sample is not clear enough to guess
     * @param reason  why, for the log; when {@code charset} is null, the advice for the user
     */
    record Choice(Charset charset, String reason) {
    }

    private final int highBytes;
    private final int runs;
    private final int singleRuns;
    private final int utf8Bytes;
    private final int undefinedIn1252;
    private final boolean validGb18030;

    private CharsetEvidence(int highBytes, int runs, int singleRuns, int utf8Bytes, int undefinedIn1252,
            boolean validGb18030) {
        this.highBytes = highBytes;
        this.runs = runs;
        this.singleRuns = singleRuns;
        this.utf8Bytes = utf8Bytes;
        this.undefinedIn1252 = undefinedIn1252;
        this.validGb18030 = validGb18030;
    }

    /** Statistics of {@code b[from, b.length)}; {@code complete} when the bytes end the file. */
    static CharsetEvidence of(byte[] b, int from, boolean complete) {
        int high = 0;
        int runs = 0;
        int singles = 0;
        int run = 0;
        int undefined = 0;
        for (int i = from; i <= b.length; i++) {
            int v = i < b.length ? b[i] & 0xFF : 0;
            if (v < 0x80) {
                if (run > 0) {
                    runs++;
                    singles += run == 1 ? 1 : 0;
                }
                run = 0;
                continue;
            }
            high++;
            // The five bytes windows-1252 leaves undefined (ISO-8859-1's C1 controls there never occur in text).
            if (v == 0x81 || v == 0x8D || v == 0x8F || v == 0x90 || v == 0x9D) {
                undefined++;
            }
            if (isGbFourByte(b, i)) {
                // GB18030's four-byte form (high, digit, high, digit: letters such as ë outside GBK) is one
                // character like a pair; its digits do not end the run.
                high++;
                run += 2;
                i += 3;
            } else {
                run++;
            }
        }
        return new CharsetEvidence(high, runs, singles, utf8Bytes(b, from), undefined,
                decodes(b, from, GB18030, complete));
    }

    private static boolean isGbFourByte(byte[] b, int i) {
        return i + 3 < b.length && (b[i] & 0xFF) >= 0x81 && isDigit(b[i + 1]) && (b[i + 2] & 0xFF) >= 0x81
                && isDigit(b[i + 3]);
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    /** The charset to read with, or advice when the sample does not tell. */
    Choice choose() {
        String stats = highBytes + " non-ASCII bytes in " + runs + " runs, " + percent(singleRuns, runs)
                + " of them single bytes";
        if (10 * (long) utf8Bytes >= 9L * highBytes) {
            return new Choice(StandardCharsets.UTF_8, "not valid UTF-8 throughout, but " + percent(utf8Bytes, highBytes)
                    + " of its non-ASCII bytes form UTF-8 characters: read as UTF-8, rows with other bytes go "
                    + "to quarantine");
        }
        boolean mostlySingle = 2 * singleRuns > runs;
        if (mostlySingle && undefinedIn1252 == 0) {
            return new Choice(WINDOWS_1252, "not valid UTF-8; " + stats + ", as accented letters are in "
                    + "windows-1252 (ISO-8859-1)");
        }
        if (10 * singleRuns <= runs && validGb18030) {
            return new Choice(GB18030, "not valid UTF-8; " + stats + ", as two-byte Chinese characters are in "
                    + "GB18030 (GBK)");
        }
        String likely;
        if (2 * (long) utf8Bytes >= highBytes) {
            likely = "it looks most like UTF-8 with some bytes in another charset; set \"encoding\": \"UTF-8\" to read "
                    + "it with the rows holding other bytes in quarantine, or convert the file to UTF-8";
        } else if (mostlySingle) {
            likely = "it looks most like windows-1252 (ISO-8859-1); set \"encoding\": \"windows-1252\" (or the "
                    + "file's single-byte charset, e.g. IBM850)";
        } else if (validGb18030) {
            likely = "it looks most like GB18030 (GBK); set \"encoding\": \"GB18030\" (or the file's charset, e.g. "
                    + "Big5)";
        } else {
            likely = "it is neither; set \"encoding\" to the file's charset, e.g. \"windows-1251\", \"Shift_JIS\" "
                    + "or \"Big5\"";
        }
        return new Choice(null, "it is not UTF-8 and its bytes (" + stats + ") fit neither windows-1252 "
                + "(ISO-8859-1) nor GB18030 clearly: " + likely);
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "0%" : Math.round(100.0 * part / whole) + "%";
    }

    /** High bytes that belong to well-formed UTF-8 sequences. */
    private static int utf8Bytes(byte[] b, int from) {
        int count = 0;
        int i = from;
        while (i < b.length) {
            int v = b[i] & 0xFF;
            int length = v >= 0xC2 && v <= 0xDF ? 2 : v >= 0xE0 && v <= 0xEF ? 3 : v >= 0xF0 && v <= 0xF4 ? 4 : 1;
            boolean wellFormed = length > 1 && i + length <= b.length;
            for (int k = 1; wellFormed && k < length; k++) {
                wellFormed = (b[i + k] & 0xC0) == 0x80;
            }
            if (wellFormed) {
                count += length;
                i += length;
            } else {
                i++;
            }
        }
        return count;
    }

    /**
     * Whether the bytes decode in {@code charset} without an error. When the sample is cut
     * from a longer file, a multi-byte sequence cut at the end is not an error.
     */
    static boolean decodes(byte[] bytes, int from, Charset charset, boolean complete) {
        CharsetDecoder d = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
        CharBuffer out = CharBuffer.allocate(bytes.length - from + 1);
        CoderResult r = d.decode(in, out, complete);
        if (r.isError()) {
            return false;
        }
        if (complete) {
            return !d.flush(out).isError();
        }
        // At most 3 bytes of an unfinished sequence may be left over at a cut.
        return in.remaining() <= 3;
    }
}

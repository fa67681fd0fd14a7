package org.assay.connectors.file.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Tells a file that is not text apart before it is parsed, so the user hears "not a text
 * file" instead of whatever the CSV parser stumbles over first (a stray quote, a huge
 * field). Text never holds NUL and hardly any other control character; binary data is
 * full of both (random bytes: one in eight). Known formats are named by their magic
 * bytes, since the usual mistake is a spreadsheet or an archive in place of its CSV.
 */
final class BinaryContent {

    /** Bytes (or characters) looked at: any binary format shows itself long before. */
    static final int SAMPLE = 64 * 1024;

    private static final String SAVE_AS_CSV = "open it in the spreadsheet program and save it as CSV";
    private static final Magic[] MAGICS = {
        new Magic(new byte[] {'P', 'K', 3, 4}, "a ZIP archive; an .xlsx or .ods workbook is one: " + SAVE_AS_CSV),
        new Magic(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0}, "an old Office file (.xls): " + SAVE_AS_CSV),
        new Magic(new byte[] {(byte) 0x1F, (byte) 0x8B}, "gzip-compressed: unpack it first"),
        new Magic(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "a PNG image"),
        new Magic(new byte[] {'%', 'P', 'D', 'F'}, "a PDF document"),
    };

    private BinaryContent() {
    }

    /**
     * Why the file that starts with {@code head} is not text to read, or null when it is.
     *
     * @param declared the charset the file is known to be in (given, or from a byte order
     *                 mark), or null when it is still to be detected
     */
    static Verdict check(FileHead head, Charset declared) {
        byte[] b = head.bytes();
        for (Magic m : MAGICS) {
            if (b.length >= m.bytes.length && Arrays.equals(b, 0, m.bytes.length, m.bytes, 0, m.bytes.length)) {
                return new Verdict(false, "looks binary: " + m.what);
            }
        }
        if (declared != null && !asciiCompatible(declared)) {
            // UTF-16 and the like: their NUL bytes are text, so look at the characters.
            CharBuffer text = CharBuffer.allocate(SAMPLE);
            declared.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(b), text, head.complete());
            text.flip();
            int nul = 0;
            int control = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                nul += c == 0 ? 1 : 0;
                control += isControl(c) ? 1 : 0;
            }
            return binary(nul, control, text.length(), "characters");
        }
        int n = Math.min(b.length, SAMPLE);
        int nul = 0;
        int nulAtOdd = 0;
        int control = 0;
        for (int i = 0; i < n; i++) {
            int v = b[i] & 0xFF;
            if (v == 0) {
                nul++;
                nulAtOdd += i & 1;
            }
            control += isControl(v) ? 1 : 0;
        }
        if (declared == null && 4 * nul >= n && nul > 0) {
            // ASCII in UTF-16 without a byte order mark: every other byte is NUL.
            if (10 * nulAtOdd >= 9 * nul) {
                return new Verdict(true, "looks like UTF-16LE without a byte order mark: set \"encoding\": \"UTF-16LE\"");
            }
            if (10 * nulAtOdd <= nul) {
                return new Verdict(true, "looks like UTF-16BE without a byte order mark: set \"encoding\": \"UTF-16BE\"");
            }
        }
        return binary(nul, control, n, "bytes");
    }

    private static Verdict binary(int nul, int control, int length, String unit) {
        if (nul > 0) {
            return new Verdict(false, "looks binary: " + nul + " NUL characters in the first " + length + " " + unit
                    + ", which text does not have");
        }
        // A few stray controls (a form feed, an old end-of-file mark) occur in text exports.
        if (control > 8 && 100L * control > length) {
            return new Verdict(false, "looks binary: " + control + " control characters in the first " + length
                    + " " + unit);
        }
        return null;
    }

    /** Controls other than tab, line feed, form feed and carriage return, and the DOS end-of-file mark. */
    private static boolean isControl(int c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r' && c != 0x1A) || c == 0x7F;
    }

    /** Whether the charset writes ASCII as ASCII bytes, so a byte below 0x20 is a control character. */
    private static boolean asciiCompatible(Charset charset) {
        String probe = "\t\n\r ,;|\"09AZaz~";
        return charset.canEncode()
                && Arrays.equals(probe.getBytes(charset), probe.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The verdict on a file that is not plain text.
     *
     * @param encoding true when the file is text in a charset to set (the message is about
     *                 parameter encoding), false when it is not text at all
     * @param message  what it looks like and what to do
     */
    record Verdict(boolean encoding, String message) {
    }

    private record Magic(byte[] bytes, String what) {
    }
}

package org.assay.connectors.file.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How a CSV file's bytes become text: the charset and the length of a byte order mark to
 * skip.
 *
 * <p>{@code auto} works like this: a byte order mark decides (UTF-8, UTF-16LE, UTF-16BE);
 * without one, the first {@value #SAMPLE_BYTES} bytes are decoded as strict UTF-8, and if
 * they are not valid UTF-8 the file is read as GB18030 (a superset of GBK and GB2312, the
 * usual non-UTF-8 encoding of Chinese exports). Plain ASCII counts as UTF-8. Bytes later
 * in the file that are invalid in the chosen charset do not fail the step: their rows go
 * to quarantine with a reason that names the {@code encoding} parameter.
 *
 * @param charset   the charset to decode with
 * @param bomLength bytes of byte order mark at the start of the file, skipped before decoding
 * @param detected  how the charset was chosen, for the log
 */
record SourceEncoding(Charset charset, int bomLength, String detected) {

    static final String AUTO = "auto";
    static final int SAMPLE_BYTES = 1 << 20;

    private static final Charset FALLBACK = Charset.forName("GB18030");

    /** Checks an {@code encoding} parameter value; null when it is fine, else the problem. */
    static String problem(String name) {
        if (AUTO.equalsIgnoreCase(name)) {
            return null;
        }
        try {
            Charset.forName(name);
            return null;
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return "parameter encoding: '" + name + "' is not a known charset; use auto, UTF-8, GB18030, GBK, "
                    + "ISO-8859-1 or another Java charset name";
        }
    }

    /** Decides the encoding of {@code file} for the {@code encoding} parameter value {@code name}. */
    static SourceEncoding of(Path file, String name) throws IOException {
        byte[] head = readHead(file);
        Bom bom = Bom.at(head);
        if (!AUTO.equalsIgnoreCase(name)) {
            Charset given = Charset.forName(name);
            // A BOM of the very charset the user named is skipped so it does not end up in
            // the first column name; any other leading bytes are data.
            boolean sameFamily = bom != null && bom.charset.equals(given);
            return new SourceEncoding(given, sameFamily ? bom.length : 0, "given");
        }
        if (bom != null) {
            return new SourceEncoding(bom.charset, bom.length, "byte order mark");
        }
        boolean complete = head.length < SAMPLE_BYTES;
        if (isUtf8(head, complete)) {
            return new SourceEncoding(StandardCharsets.UTF_8, 0, "valid UTF-8 in the first " + head.length + " bytes");
        }
        return new SourceEncoding(FALLBACK, 0, "not valid UTF-8, read as GB18030");
    }

    /** A decoder that turns invalid bytes into U+FFFD, which the reader then quarantines. */
    CharsetDecoder newDecoder() {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
    }

    private static byte[] readHead(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(SAMPLE_BYTES);
        }
    }

    /**
     * Whether the bytes decode as strict UTF-8. When the sample is cut from a longer file, a
     * multi-byte sequence cut at the end is not an error.
     */
    static boolean isUtf8(byte[] bytes, boolean complete) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
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

    private record Bom(Charset charset, int length) {

        static Bom at(byte[] b) {
            if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
                return new Bom(StandardCharsets.UTF_8, 3);
            }
            if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
                return new Bom(StandardCharsets.UTF_16LE, 2);
            }
            if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
                return new Bom(StandardCharsets.UTF_16BE, 2);
            }
            return null;
        }
    }
}

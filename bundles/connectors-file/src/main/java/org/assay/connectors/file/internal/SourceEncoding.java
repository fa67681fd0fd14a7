package org.assay.connectors.file.internal;

import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import org.assay.api.step.StepFailure;

/**
 * How a CSV file's bytes become text: the charset and the length of a byte order mark to
 * skip.
 *
 * <p>{@code auto} works like this: a byte order mark decides (UTF-8, UTF-16LE, UTF-16BE);
 * without one, the file's first {@value FileHead#MAX_BYTES} bytes are decoded as strict
 * UTF-8 (plain ASCII counts as UTF-8). When they are not valid UTF-8, {@link CharsetEvidence}
 * tells UTF-8 with a few bad bytes, windows-1252 (ISO-8859-1) and GB18030 (GBK) apart by
 * their byte statistics, and when the statistics are not clear the step fails naming the
 * likelier charset rather than guess: a wrong guess passes every row, garbled. Bytes later
 * in the file that are invalid in the chosen charset do not fail the step: their rows go
 * to quarantine with a reason that names the {@code encoding} parameter.
 *
 * @param charset   the charset to decode with
 * @param bomLength bytes of byte order mark at the start of the file, skipped before decoding
 * @param detected  how the charset was chosen, for the log
 */
record SourceEncoding(Charset charset, int bomLength, String detected) {

    static final String AUTO = "auto";

    static final String DESCRIPTION = "Charset of the file: auto, or a name such as UTF-8, windows-1252, "
            + "ISO-8859-1, GB18030, GBK. auto follows a byte order mark (UTF-8, UTF-16); without one it reads UTF-8 "
            + "when the first 1 MiB is valid UTF-8 (ASCII included). Otherwise it looks at the bytes from 0x80 up: "
            + "mostly well-formed UTF-8 reads UTF-8; mostly single bytes between ASCII characters (accented "
            + "letters such as é, ü, ß) read windows-1252, the superset of ISO-8859-1; mostly pairs (Chinese "
            + "characters) read GB18030, the superset of GBK. When the bytes fit none of these clearly the step "
            + "fails and names the likelier charset to set. Rows with bytes invalid in the chosen charset go to "
            + "quarantine.";

    /** Checks an {@code encoding} parameter value; null when it is fine, else the problem (the engine names the parameter). */
    static String problem(String name) {
        if (AUTO.equalsIgnoreCase(name)) {
            return null;
        }
        try {
            Charset.forName(name);
            return null;
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return "'" + name + "' is not a known charset; use auto, UTF-8, windows-1252, "
                    + "ISO-8859-1, GB18030, GBK or another Java charset name";
        }
    }

    /**
     * The charset the file declares before any guessing: the one named by the parameter
     * {@code name}, else the one of a byte order mark; null when {@code auto} has to look at
     * the bytes.
     */
    static Charset declared(FileHead head, String name) {
        if (!AUTO.equalsIgnoreCase(name)) {
            return Charset.forName(name);
        }
        Bom bom = Bom.at(head.bytes());
        return bom == null ? null : bom.charset;
    }

    /**
     * Decides the encoding of the file that starts with {@code head} for the {@code encoding}
     * parameter value {@code name}.
     *
     * @throws StepFailure when {@code name} is {@code auto} and the bytes do not tell the charset
     */
    static SourceEncoding of(FileHead head, String name, Path file) throws StepFailure {
        byte[] bytes = head.bytes();
        Bom bom = Bom.at(bytes);
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
        if (CharsetEvidence.decodes(bytes, 0, StandardCharsets.UTF_8, head.complete())) {
            return new SourceEncoding(StandardCharsets.UTF_8, 0, "valid UTF-8 in the first " + bytes.length + " bytes");
        }
        CharsetEvidence.Choice choice = CharsetEvidence.of(bytes, 0, head.complete()).choose();
        if (choice.charset() == null) {
            throw new StepFailure("parameter encoding: cannot tell the charset of " + file + " (encoding auto): "
                    + choice.reason() + ".");
        }
        return new SourceEncoding(choice.charset(), 0, choice.reason());
    }

    /** A decoder that turns invalid bytes into U+FFFD, which the reader then quarantines. */
    CharsetDecoder newDecoder() {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
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

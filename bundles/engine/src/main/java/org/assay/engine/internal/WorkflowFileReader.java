package org.assay.engine.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assay.engine.ValidationProblem;
import org.assay.engine.WorkflowRejectedException;

/**
 * Reads a workflow file as UTF-8 text, never more than the size limit: the limit is
 * checked against the file's size before reading, and the read itself stops one byte past
 * it, so a file growing meanwhile cannot slip through.
 */
final class WorkflowFileReader {

    /** Bytes looked at to tell a binary file from text in another encoding. */
    private static final int SNIFF = 4096;

    private WorkflowFileReader() {
    }

    /** @throws WorkflowRejectedException naming the file, when it is too big or not UTF-8 text */
    static String read(Path file, ResourceLimits limits) throws IOException, WorkflowRejectedException {
        long max = limits.maxWorkflowBytes();
        long size = Files.size(file);
        if (size > max) {
            throw rejected(file, 0, 0, file.getFileName() + " is " + kib(size) + "; " + limits.fileSizeText());
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        }
        if (bytes.length > max) {
            throw rejected(file, 0, 0, file.getFileName() + " grew past " + kib(max) + " while being read; "
                    + limits.fileSizeText());
        }
        return decode(file, bytes);
    }

    private static String decode(Path file, byte[] bytes) throws WorkflowRejectedException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            int at = in.position();
            if (looksBinary(bytes)) {
                throw rejected(file, 0, 0, file.getFileName() + " is not UTF-8 text (looks binary); a workflow is "
                        + "a JSON text file");
            }
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw rejected(file, line, at - lineStart + 1, file.getFileName() + " is not UTF-8 text: byte "
                    + String.format("0x%02X", bytes[at] & 0xff) + " at line " + line + " is not UTF-8 (the file may "
                    + "be ISO-8859-1 or Windows-1252); save it as UTF-8");
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        // Editors on Windows may start the file with a byte order mark; JSON has no use for it.
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** A NUL byte, or more control characters than any text has. */
    private static boolean looksBinary(byte[] bytes) {
        int n = Math.min(bytes.length, SNIFF);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xff;
            if (b == 0) {
                return true;
            }
            if (b < 0x09 || (b > 0x0d && b < 0x20) || b == 0x7f) {
                control++;
            }
        }
        return control * 20 > n;
    }

    private static String kib(long bytes) {
        return (bytes + 1023) / 1024 + " KiB";
    }

    private static WorkflowRejectedException rejected(Path file, int line, int column, String message) {
        return new WorkflowRejectedException(file.toString(), List.of(new ValidationProblem("$", line, column, message)));
    }
}

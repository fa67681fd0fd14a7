package org.assay.connectors.file.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The first bytes of a source file, read once before parsing: the encoding, the binary
 * check and delimiter detection all look at this one bounded prefix, never at the rest
 * of the file.
 *
 * @param bytes    the first {@value #MAX_BYTES} bytes of the file, or all of a shorter file
 * @param complete whether {@code bytes} is the whole file
 */
record FileHead(byte[] bytes, boolean complete) {

    static final int MAX_BYTES = 1 << 20;

    static FileHead read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(MAX_BYTES);
            return new FileHead(head, head.length < MAX_BYTES || in.read() < 0);
        }
    }

    /**
     * The start of the text: at most {@code maxChars} characters decoded after the byte
     * order mark. Whether it reaches the end of the file is {@link #complete()} when it is
     * shorter than {@code maxChars}.
     */
    CharSequence text(SourceEncoding encoding, int maxChars) {
        CharsetDecoder decoder = encoding.newDecoder();
        ByteBuffer in = ByteBuffer.wrap(bytes, encoding.bomLength(), bytes.length - encoding.bomLength());
        CharBuffer out = CharBuffer.allocate(maxChars);
        decoder.decode(in, out, complete);
        if (complete && !in.hasRemaining()) {
            decoder.flush(out);
        }
        return out.flip();
    }

    /** Whether {@link #text} with {@code maxChars} holds the whole file. */
    boolean textIsWhole(CharSequence text, int maxChars) {
        return complete && text.length() < maxChars;
    }
}

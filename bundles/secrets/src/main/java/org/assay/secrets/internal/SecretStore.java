package org.assay.secrets.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.assay.secrets.SecretReader;

/**
 * Named secrets as Karaf's configuration interpolation reads them: the secret {@code NAME} is
 * the file {@code etc/NAME}, and any cfg file says {@code $[secret:NAME]} where the value goes
 * (Felix's interpolation plugin, secretsdir = etc). The files are readable by the Karaf user
 * only (rw-------); they are plain text, protected by that permission, not encrypted: whoever
 * can read them can also read the key that would decrypt them. Values never pass through a
 * String here, so they are not left in the heap longer than needed. Thread-safe (stateless).
 */
final class SecretStore {

    /** Lower-case letters, digits and _: never a Karaf file name (those have dots). */
    private static final Pattern NAME = SecretReader.NAME;

    /** A secret is a password, token or key, not a file: a larger one is refused. */
    static final int MAX_BYTES = 64 * 1024;

    private final Path etc;

    SecretStore(Path etc) {
        this.etc = etc;
    }

    /** A secret without its value: when it was set and which cfg files use it. */
    record Info(String name, FileTime modified, List<String> usedBy) { }

    /** @throws IllegalArgumentException when the name is not a secret name */
    static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a secret name: use lower-case letters, digits "
                    + "and _, starting with a letter, e.g. crm_db_password");
        }
    }

    /** Sets the secret, replacing it; the file is written beside and moved into place, owner-only from the start. */
    void set(String name, char[] value) throws IOException {
        checkName(name);
        if (value.length == 0) {
            throw new IllegalArgumentException("the value is empty; a secret needs one");
        }
        Path target = etc.resolve(name);
        if (Files.isSymbolicLink(target) || (Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS))) {
            throw new IllegalArgumentException(target + " is not a plain file; remove it first");
        }
        Path partial = etc.resolve("." + name + ".part");
        Files.deleteIfExists(partial);
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(value));
        try {
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (FileChannel ch = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                while (bytes.hasRemaining()) {
                    ch.write(bytes);
                }
            }
            try {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(partial);
            if (bytes.hasArray()) {
                Arrays.fill(bytes.array(), (byte) 0);
            }
        }
    }

    /**
     * The secret's bytes without trailing line breaks (an editor's newline is not part of a
     * password); empty when not set. Symbolic links are not followed.
     */
    Optional<byte[]> read(String name) throws IOException {
        checkName(name);
        Path file = etc.resolve(name);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        byte[] bytes;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            if (ch.size() > MAX_BYTES) {
                throw new IOException("etc/" + name + " is larger than " + MAX_BYTES / 1024 + " KiB, so not a secret");
            }
            bytes = new byte[(int) ch.size()];
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining() && ch.read(buffer) >= 0) {
                // read it all
            }
        }
        int end = bytes.length;
        while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) {
            end--;
        }
        byte[] value = Arrays.copyOf(bytes, end);
        Arrays.fill(bytes, (byte) 0);
        return Optional.of(value);
    }

    /** Whether the secret exists. */
    boolean exists(String name) {
        checkName(name);
        return Files.isRegularFile(etc.resolve(name), LinkOption.NOFOLLOW_LINKS);
    }

    /** Deletes the secret; false when there was none. */
    boolean delete(String name) throws IOException {
        checkName(name);
        return Files.deleteIfExists(etc.resolve(name));
    }

    /** Every secret: the files of etc with a secret's name, plus names cfg files use that are not set. */
    List<Info> list() throws IOException {
        TreeSet<String> names = new TreeSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(etc)) {
            for (Path f : files) {
                String n = f.getFileName().toString();
                if (NAME.matcher(n).matches() && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                    names.add(n);
                }
            }
        }
        List<Path> cfgs = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(etc, "*.cfg")) {
            files.forEach(cfgs::add);
        }
        for (Path cfg : cfgs) {
            var m = Pattern.compile("\\$\\[secret:([a-z][a-z0-9_]{0,63})\\]").matcher(Files.readString(cfg,
                    StandardCharsets.ISO_8859_1));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        List<Info> out = new ArrayList<>();
        for (String n : names) {
            Path f = etc.resolve(n);
            FileTime modified = Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) ? Files.getLastModifiedTime(f) : null;
            List<String> users = new ArrayList<>();
            for (Path cfg : cfgs) {
                if (Files.readString(cfg, StandardCharsets.ISO_8859_1).contains("$[secret:" + n + "]")) {
                    users.add(cfg.getFileName().toString());
                }
            }
            users.sort(null);
            out.add(new Info(n, modified, List.copyOf(users)));
        }
        return out;
    }
}

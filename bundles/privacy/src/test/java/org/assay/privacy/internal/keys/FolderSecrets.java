package org.assay.privacy.internal.keys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assay.secrets.SecretReader;

/**
 * For tests: secrets as files of a folder, the way the secrets bundle keeps them (trailing line
 * breaks are not part of the value), remembering who read which one.
 */
public final class FolderSecrets implements SecretReader {

    private final Path folder;
    /** "name by usedBy", one per read. */
    public final List<String> reads = new CopyOnWriteArrayList<>();

    public FolderSecrets(Path folder) {
        this.folder = folder;
    }

    @Override
    public Optional<byte[]> read(String name, String usedBy) throws IOException {
        if (!SecretReader.validName(name)) {
            throw new IllegalArgumentException(name);
        }
        reads.add(name + " by " + usedBy);
        Path f = folder.resolve(name);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        byte[] b = Files.readAllBytes(f);
        int end = b.length;
        while (end > 0 && (b[end - 1] == '\n' || b[end - 1] == '\r')) {
            end--;
        }
        return Optional.of(Arrays.copyOf(b, end));
    }
}

package org.assay.engine.internal;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Folders that hold run data (quarantined rows, outputs, reports: personal data) are readable
 * by the Karaf user only. A folder closed to others closes everything beneath it, whatever
 * the umask gave the files. Stateless; a no-op where the file system has no POSIX modes.
 */
final class OwnerOnly {

    private static final Set<PosixFilePermission> RWX_OWNER = PosixFilePermissions.fromString("rwx------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnly() {
    }

    /** Creates the folder (and missing parents) and closes it to group and others. */
    static Path directory(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (POSIX && !Files.getPosixFilePermissions(dir).equals(RWX_OWNER)) {
            Files.setPosixFilePermissions(dir, RWX_OWNER);
        }
        return dir;
    }
}

package org.assay.governance.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assay.api.audit.AuditAction;
import org.assay.api.audit.AuditEntry;
import org.assay.api.audit.AuditLog;
import org.assay.api.audit.AuditQuery;
import org.assay.api.audit.AuditVerification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log as a file of hash-chained JSON lines ({@link AuditChain}) plus a head file
 * holding the sequence number and hash of the last line. The chain finds an edited, removed,
 * inserted or reordered line; the head finds an edited or removed last line. Someone who can
 * rewrite both files consistently can still cut the tail off: each entry's hash also goes to
 * the Karaf log (logger {@code org.assay.audit}), which a log shipper keeps elsewhere.
 *
 * <p>Writes are serialised on this object and reach the disk before {@link #record} returns
 * (the file is opened per entry in append mode, so another process's appends are never
 * overwritten). The files are readable by the Karaf user only.
 */
final class FileAuditLog implements AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(FileAuditLog.class);
    /** An external trail of the chain, for log shippers. */
    private static final Logger TRAIL = LoggerFactory.getLogger("org.assay.audit");

    private final Path file;
    private final Path head;
    private final Clock clock;
    private long lastSeq;
    private String lastHash = AuditChain.GENESIS;

    FileAuditLog(Path file, Clock clock) throws IOException {
        this.file = file;
        this.head = file.resolveSibling(file.getFileName() + ".head");
        this.clock = clock;
        Files.createDirectories(file.getParent());
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file.getParent(), PosixFilePermissions.fromString("rwx------"));
        }
        if (Files.exists(file)) {
            // Continue the chain from the last line as stored, whatever verify() would say of it.
            String last = null;
            try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                    if (!l.isBlank()) {
                        last = l;
                    }
                }
            }
            if (last != null) {
                lastHash = AuditChain.sha256(last);
                lastSeq = AuditChain.parse(last).map(AuditEntry::seq).orElse(0L);
            }
        }
    }

    Path file() {
        return file;
    }

    @Override
    public synchronized AuditEntry record(String principal, AuditAction action, String target,
            Map<String, String> details) {
        AuditEntry e = new AuditEntry(lastSeq + 1, Instant.now(clock), principal, action, target, details, lastHash);
        String line = AuditChain.line(e);
        try {
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE, StandardOpenOption.SYNC)) {
                w.write(line);
                w.write('\n');
            }
            String hash = AuditChain.sha256(line);
            Files.writeString(head, e.seq() + " " + hash + "\n", StandardCharsets.UTF_8);
            lastSeq = e.seq();
            lastHash = hash;
            TRAIL.info("audit #{} {} {} {} sha256={}", e.seq(), e.principal(), action.id(), e.target(), hash);
            return e;
        } catch (IOException ex) {
            LOG.error("Cannot write audit entry {} {} {} to {}: {}", e.principal(), action.id(), e.target(), file,
                    ex.getMessage());
            return null;
        }
    }

    @Override
    public List<AuditEntry> query(AuditQuery query) {
        Deque<AuditEntry> newest = new ArrayDeque<>();
        try (BufferedReader r = reader()) {
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                Optional<AuditEntry> e = AuditChain.parse(l);
                if (e.isPresent() && query.matches(e.get())) {
                    newest.addLast(e.get());
                    if (newest.size() > query.limit()) {
                        newest.removeFirst();
                    }
                }
            }
        } catch (IOException ex) {
            throw new java.io.UncheckedIOException("cannot read the audit log " + file + ": " + ex.getMessage(), ex);
        }
        return List.copyOf(newest);
    }

    @Override
    public synchronized AuditVerification verify() {
        long n = 0;
        String prevHash = AuditChain.GENESIS;
        try (BufferedReader r = reader()) {
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                n++;
                Optional<AuditEntry> e = AuditChain.parse(l);
                if (e.isEmpty()) {
                    return broken(n, "line " + n + " is not an audit entry", prevHash);
                }
                if (e.get().seq() != n) {
                    return broken(n, "line " + n + " has sequence number " + e.get().seq()
                            + ": a line before it was removed or the lines were reordered", prevHash);
                }
                if (!e.get().previous().equals(prevHash)) {
                    return broken(n, "line " + n + " does not chain to line " + (n - 1)
                            + ": line " + (n - 1) + " was edited, or a line was removed or inserted", prevHash);
                }
                prevHash = AuditChain.sha256(l);
            }
            Optional<String> expected = readHead();
            if (expected.isPresent() && !expected.get().equals(n + " " + prevHash)) {
                return broken(n, "the last line (" + n + ") does not match " + head.getFileName()
                        + " (" + expected.get() + "): the last line was edited or lines were cut off the end", prevHash);
            }
            if (expected.isEmpty() && n > 0) {
                return broken(n, head.getFileName() + " is missing: the end of the log cannot be checked", prevHash);
            }
        } catch (IOException ex) {
            return broken(n, "cannot read the audit log: " + ex.getMessage(), prevHash);
        }
        return new AuditVerification(true, n, 0, "", prevHash);
    }

    private static AuditVerification broken(long line, String problem, String head) {
        return new AuditVerification(false, line, line, problem, head);
    }

    private Optional<String> readHead() throws IOException {
        return Files.exists(head) ? Optional.of(Files.readString(head, StandardCharsets.UTF_8).trim()) : Optional.empty();
    }

    private BufferedReader reader() throws IOException {
        return Files.exists(file) ? Files.newBufferedReader(file, StandardCharsets.UTF_8)
                : new BufferedReader(new java.io.StringReader(""));
    }
}

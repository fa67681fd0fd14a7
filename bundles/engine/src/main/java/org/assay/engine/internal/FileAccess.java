package org.assay.engine.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which files a workflow may read and write. A workflow file is code that anyone who can
 * drop a file into the workflow folder may write, so its path parameters are confined:
 *
 * <ul>
 *   <li>reads: the workflow folder, the run's own folder, and {@code readRoots};</li>
 *   <li>writes: the run's own folder, the workflow folder's {@code data/}, and
 *       {@code writeRoots};</li>
 *   <li>never, whatever the roots say: Karaf's {@code etc} and the admin credentials in
 *       {@code assay.home} (read or write), and for writes
 *       Karaf's {@code deploy}, {@code system}, {@code lib}, {@code bin}, {@code instances},
 *       its data folder and the engine's data folder outside the run's own folder, and the
 *       workflow files at the top of the workflow folder.</li>
 * </ul>
 *
 * Paths are compared after {@code ..} and, for the part that exists, symbolic links are
 * resolved, so neither a relative escape nor a link planted inside a root leads out of it.
 * Immutable and thread-safe.
 */
final class FileAccess {

    /** Read or write, for messages and root selection. */
    enum Mode { READ, WRITE }

    private final Path workflowDir;
    private final List<Path> readRoots;
    private final List<Path> writeRoots;
    private final List<Path> neverRead;
    /** Folder to what it is, for the message. */
    private final Map<Path, String> neverWrite;
    private final Path engineData;

    FileAccess(Path workflowDir, Path engineData, List<Path> extraReadRoots, List<Path> extraWriteRoots,
            List<Path> karafDirs) {
        this.workflowDir = real(workflowDir);
        this.engineData = real(engineData);
        this.readRoots = distinct(List.of(this.workflowDir), extraReadRoots);
        this.writeRoots = distinct(List.of(this.workflowDir.resolve("data")), extraWriteRoots);
        List<Path> etc = new ArrayList<>();
        // The most specific folder first: it names the message.
        Map<Path, String> never = new LinkedHashMap<>();
        never.put(this.engineData, "the engine's data folder (deployments and other runs)");
        for (Path k : karafDirs) {
            Path home = real(k);
            etc.add(home.resolve("etc"));
            for (String d : List.of("etc", "deploy", "system", "lib", "bin", "instances", "data")) {
                never.putIfAbsent(home.resolve(d), "Karaf's " + d + " folder");
            }
        }
        String karafEtc = System.getProperty("karaf.etc");
        if (karafEtc != null) {
            etc.add(real(Path.of(karafEtc)));
            never.putIfAbsent(real(Path.of(karafEtc)), "Karaf's etc folder");
        }
        String karafData = System.getProperty("karaf.data");
        if (karafData != null) {
            never.putIfAbsent(real(Path.of(karafData)), "Karaf's data folder");
        }
        String assayHome = System.getProperty("assay.home");
        if (assayHome != null && !assayHome.isBlank()) {
            // bin/setenv keeps the admin password and bin/assay's login key here.
            for (String secret : List.of("admin.password", "client.key", "client.key.pub")) {
                Path file = real(Path.of(assayHome).resolve(secret));
                etc.add(file);
                never.putIfAbsent(file, "the Karaf admin's credentials");
            }
        }
        this.neverRead = List.copyOf(new LinkedHashSet<>(etc));
        this.neverWrite = Collections.unmodifiableMap(never);
    }

    /** The policy the running Karaf implies: its home and base folders are Karaf's. */
    static FileAccess of(EngineSettings s) {
        List<Path> karaf = new ArrayList<>();
        for (String prop : List.of("karaf.home", "karaf.base")) {
            String v = System.getProperty(prop);
            if (v != null) {
                karaf.add(Path.of(v));
            }
        }
        return new FileAccess(s.workflowDir(), s.dataDir(), s.readRoots(), s.writeRoots(), karaf);
    }

    /**
     * Resolves a path to read. {@code runFolder} may be null at deploy time.
     *
     * @return the real path (links resolved as far as the path exists)
     * @throws Refused with the user-facing reason
     */
    Path read(String given, Path runFolder) throws Refused {
        Path p = real(workflowDir.resolve(parse(given)));
        for (Path n : neverRead) {
            if (p.startsWith(n)) {
                throw new Refused("\"" + given + "\" is " + (p.equals(n) ? "" : "inside ") + n
                        + ", which holds Karaf's configuration or credentials: workflows may never read it");
            }
        }
        if (runFolder != null && p.startsWith(real(runFolder))) {
            return p;
        }
        if (!within(p, readRoots)) {
            throw new Refused("\"" + given + "\" (" + p + ") is outside the folders workflows may read: "
                    + describe(readRoots) + ". Move the file under " + workflowDir
                    + ", or add its folder to readRoots in etc/org.assay.engine.cfg");
        }
        return p;
    }

    /**
     * Resolves a path to write. Relative paths go into {@code artifactDir} (null at deploy
     * time: a relative path is then always allowed, as long as it stays inside).
     */
    Path write(String given, Path runFolder, Path artifactDir) throws Refused {
        Path g = parse(given);
        if (!g.isAbsolute()) {
            Path base = artifactDir == null ? Path.of("/run-folder") : artifactDir.toAbsolutePath().normalize();
            Path t = base.resolve(g).normalize();
            if (!t.startsWith(base) || t.equals(base)) {
                throw new Refused("\"" + given + "\" leaves the run folder; use a plain file name such as "
                        + "\"customers-clean.csv\" (it is kept with the run), or an absolute path inside "
                        + describe(writeRoots));
            }
            if (artifactDir == null) {
                return t;
            }
            g = t;
        }
        Path p = real(g);
        if (runFolder != null && p.startsWith(real(runFolder))) {
            return p;
        }
        for (Map.Entry<Path, String> n : neverWrite.entrySet()) {
            if (p.startsWith(n.getKey())) {
                throw new Refused("\"" + given + "\" is inside " + n.getValue() + " (" + n.getKey()
                        + "), which workflows may never write");
            }
        }
        if (p.getParent() != null && p.getParent().equals(workflowDir)) {
            throw new Refused("\"" + given + "\" is in the workflow folder itself, where files are deployed as "
                    + "workflows; write into " + workflowDir.resolve("data") + " instead");
        }
        if (!within(p, writeRoots)) {
            throw new Refused("\"" + given + "\" (" + p + ") is outside the folders workflows may write: the run "
                    + "folder, " + describe(writeRoots) + ". Use a plain file name to keep the file with the run, "
                    + "or add a folder to writeRoots in etc/org.assay.engine.cfg");
        }
        return p;
    }

    /** For design-time schemas: the real path of an existing regular file a workflow may read. */
    Optional<Path> readableFile(String given) {
        try {
            Path p = read(given, null);
            return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        } catch (Refused e) {
            return Optional.empty();
        }
    }

    /** The deploy-time check of one path parameter; empty when it is allowed. */
    Optional<String> deployProblem(String given, Mode mode) {
        try {
            if (mode == Mode.READ) {
                read(given, null);
            } else {
                write(given, null, null);
            }
            return Optional.empty();
        } catch (Refused e) {
            return Optional.of(e.getMessage());
        }
    }

    private static boolean within(Path p, List<Path> roots) {
        return roots.stream().anyMatch(p::startsWith);
    }

    private static String describe(List<Path> roots) {
        return roots.stream().map(Path::toString).collect(Collectors.joining(", "));
    }

    private static List<Path> distinct(List<Path> first, List<Path> more) {
        Set<Path> all = new LinkedHashSet<>(first);
        more.forEach(p -> all.add(real(p)));
        return List.copyOf(all);
    }

    /**
     * The absolute, normalised path with symbolic links resolved for the longest part that
     * exists; the rest is appended as given. A dangling link counts as its target.
     */
    static Path real(Path path) {
        Path p = path.toAbsolutePath().normalize();
        Path existing = p;
        List<Path> missing = new ArrayList<>();
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            missing.add(existing.getFileName());
            existing = existing.getParent();
        }
        if (existing == null) {
            return p;
        }
        Path r;
        try {
            r = existing.toRealPath();
        } catch (IOException e) {
            // A dangling link: judge it by where it points.
            try {
                r = real(existing.resolveSibling(Files.readSymbolicLink(existing)));
            } catch (IOException | UnsupportedOperationException notALink) {
                r = existing;
            }
        }
        for (int i = missing.size() - 1; i >= 0; i--) {
            r = r.resolve(missing.get(i));
        }
        return r.normalize();
    }

    private static Path parse(String given) throws Refused {
        try {
            return Path.of(given);
        } catch (InvalidPathException e) {
            throw new Refused("\"" + given + "\" is not a valid path (" + e.getReason() + ")");
        }
    }

    /** A path the policy refuses; the message is for the user. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }
}

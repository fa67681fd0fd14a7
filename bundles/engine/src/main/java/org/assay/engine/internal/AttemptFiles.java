package org.assay.engine.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assay.engine.ArtifactInfo;

/**
 * The files one attempt of a step writes, kept out of sight until the attempt commits: its
 * artifact folder is a private folder in the spool folder, moved into the step's folder of
 * the run at commit, and a file it writes elsewhere (an absolute path in a write root) is
 * written beside its target under a private name and moved onto it at commit. So an attempt
 * that is discarded, or abandoned while its thread still writes, never shows a reader a
 * file twice, half or mixed with the attempt that replaced it.
 */
final class AttemptFiles {

    private final Path staging;
    private final Path stepDir;
    private final String privateSuffix;
    private final Map<Path, Path> elsewhere = new LinkedHashMap<>();

    AttemptFiles(Path spoolDir, Path runFolder, String runId, String stepId, int attempt) {
        this.staging = spoolDir.resolve("files").resolve(stepId + ".a" + attempt);
        this.stepDir = runFolder.resolve(stepId);
        this.privateSuffix = ".assay-" + runId + "-" + stepId + "-a" + attempt;
    }

    /** The attempt's artifact folder, created on first use. */
    synchronized Path artifactDir() {
        try {
            return Files.createDirectories(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + staging, e);
        }
    }

    /** Where the attempt writes {@code target}, resolved and checked already. */
    synchronized Path stage(Path target) {
        if (target.startsWith(staging.toAbsolutePath()) || target.startsWith(realStaging())) {
            return target;
        }
        Path staged = target.resolveSibling("." + target.getFileName() + privateSuffix);
        elsewhere.put(staged, target);
        return staged;
    }

    private Path realStaging() {
        try {
            return staging.toRealPath();
        } catch (IOException e) {
            return staging.toAbsolutePath();
        }
    }

    /** Moves the attempt's files into place; returns the artifacts with their final paths. */
    synchronized List<ArtifactInfo> commit(List<ArtifactInfo> artifacts) throws IOException {
        Map<Path, Path> moved = new LinkedHashMap<>();
        if (Files.isDirectory(staging)) {
            Path realStaging = staging.toRealPath();
            Files.createDirectories(stepDir);
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(staging)) {
                for (Path e : entries) {
                    Path dest = stepDir.resolve(e.getFileName().toString());
                    if (Files.isDirectory(dest)) {
                        RunStore.deleteTree(dest);
                    }
                    Files.move(e, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            }
            moved.put(realStaging, stepDir.toRealPath());
            moved.put(staging.toAbsolutePath(), stepDir.toRealPath());
            Files.deleteIfExists(staging);
        }
        for (Map.Entry<Path, Path> e : elsewhere.entrySet()) {
            if (Files.exists(e.getKey())) {
                Files.move(e.getKey(), e.getValue(), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
            moved.put(e.getKey(), e.getValue());
        }
        List<ArtifactInfo> out = new ArrayList<>();
        for (ArtifactInfo a : artifacts) {
            Path p = a.path();
            for (Map.Entry<Path, Path> m : moved.entrySet()) {
                if (p.startsWith(m.getKey())) {
                    p = m.getValue().resolve(m.getKey().relativize(p).toString());
                    break;
                }
            }
            out.add(new ArtifactInfo(a.stepId(), p, a.kind(), a.title()));
        }
        return out;
    }

    /** Deletes what the attempt wrote. */
    synchronized void discard() {
        RunStore.deleteTree(staging);
        for (Path staged : elsewhere.keySet()) {
            try {
                Files.deleteIfExists(staged);
            } catch (IOException ignored) {
                // A private name nobody reads; the next attempt writes its own.
            }
        }
    }
}

package org.assay.engine.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.assay.engine.ArtifactInfo;
import org.assay.engine.RunContent;
import org.assay.engine.RunInfo;
import org.assay.engine.StepRunInfo;

/**
 * Opens the files of a run by id for {@code RunService.open*}. An id is only ever looked up
 * among the files the run record names, never joined to a folder, and the file found must
 * still be a regular file inside the run's folder (not a link): an id from a URL cannot reach
 * anything else, and neither can a tampered record.
 */
final class RunContents {

    /** Step ids as workflows allow them, then one file name without folders or control characters. */
    private static final Pattern ARTIFACT_ID = Pattern.compile("[A-Za-z0-9_.-]{1,100}/[^/\\\\\\p{Cntrl}]{1,255}");
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("htm", "text/html; charset=utf-8"),
            Map.entry("csv", "text/csv; charset=utf-8"), Map.entry("tsv", "text/tab-separated-values; charset=utf-8"),
            Map.entry("txt", "text/plain; charset=utf-8"), Map.entry("log", "text/plain; charset=utf-8"),
            Map.entry("json", "application/json"), Map.entry("jsonl", "application/x-ndjson"),
            Map.entry("xml", "application/xml"), Map.entry("pmml", "application/xml"),
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("svg", "image/svg+xml"), Map.entry("pdf", "application/pdf"),
            Map.entry("arff", "text/plain; charset=utf-8"), Map.entry("md", "text/markdown; charset=utf-8"));

    static final String REPORT = "report";
    static final String QUARANTINE = "quarantine";
    static final String LOG = "log";

    private RunContents() {
    }

    /**
     * @throws IllegalArgumentException when the id is not {@code <step id>/<file name>}
     */
    static Optional<RunContent> artifact(Optional<RunInfo> run, String artifactId) throws IOException {
        if (artifactId == null || !ARTIFACT_ID.matcher(artifactId).matches()
                || artifactId.endsWith("/.") || artifactId.endsWith("/..")) {
            throw new IllegalArgumentException("'" + shortened(artifactId) + "' is not an artifact id; ids are "
                    + "<step id>/<file name> as assay:run-show lists them (ArtifactInfo.id())");
        }
        if (run.isEmpty()) {
            return Optional.empty();
        }
        for (StepRunInfo s : run.get().steps()) {
            for (ArtifactInfo a : s.artifacts()) {
                if (a.id().equals(artifactId)) {
                    return open(run.get(), artifactId, a.path());
                }
            }
        }
        return Optional.empty();
    }

    static Optional<RunContent> report(Optional<RunInfo> run) throws IOException {
        if (run.isEmpty() || run.get().report() == null) {
            return Optional.empty();
        }
        return open(run.get(), REPORT, run.get().report());
    }

    static Optional<RunContent> quarantine(Optional<RunInfo> run) throws IOException {
        return run.isEmpty() ? Optional.empty()
                : open(run.get(), QUARANTINE, run.get().folder().resolve(QuarantineLog.FILE_NAME));
    }

    static Optional<RunContent> log(Optional<RunInfo> run) throws IOException {
        return run.isEmpty() ? Optional.empty() : open(run.get(), LOG, run.get().folder().resolve(RunLog.FILE_NAME));
    }

    private static Optional<RunContent> open(RunInfo run, String id, Path file) throws IOException {
        Path folder = run.folder();
        if (folder == null || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        Path real;
        try {
            real = file.toRealPath();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (!real.startsWith(folder.toRealPath())) {
            // Recorded, but not the run's: nothing outside the run folder is served through it.
            return Optional.empty();
        }
        InputStream in;
        try {
            in = Files.newInputStream(real, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        String name = real.getFileName().toString();
        return Optional.of(new RunContent(run.runId(), id, name, contentType(name), Files.size(real), in));
    }

    static String contentType(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    private static String shortened(String id) {
        if (id == null) {
            return "null";
        }
        String printable = id.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 60 ? printable : printable.substring(0, 59) + "…";
    }
}

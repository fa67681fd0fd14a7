package org.assay.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The same pipelines in polars and pandas, through {@code compare.py}: one Python process per
 * tool (so its peak RSS is that tool's), its own warm-up and measured runs, timed inside
 * Python from read to written file. A missing Python or package is a result ("not
 * installed"), never a failure: the Java part of the benchmark still runs.
 */
final class PythonTools {

    /** The tools in table order; the names {@code compare.py --tool} takes. */
    static final List<String> TOOLS = List.of("polars", "pandas-pyarrow", "pandas");

    /** What one tool did: "ok" with its runs, or why not. */
    record Result(String tool, String status, String version, long[] runsMillis, long maxRssMib) {

        boolean ok() {
            return "ok".equals(status);
        }

        String label() {
            return switch (tool) {
                case "pandas-pyarrow" -> "pandas (pyarrow)";
                case "pandas" -> "pandas (default)";
                default -> tool;
            } + (version == null ? "" : " " + version);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String python;
    private final Path script;

    /** @param python the interpreter to run; "none" skips the Python tools */
    PythonTools(String python, Path script) {
        this.python = python;
        this.script = script;
    }

    boolean enabled() {
        return !"none".equals(python);
    }

    /**
     * Runs one tool on one pipeline.
     *
     * @param files {@code --customers F} and, for transforms, {@code --orders F}, as arguments
     */
    Result run(String tool, String pipeline, List<String> files, Path out, int runs) throws InterruptedException {
        if (!enabled()) {
            return new Result(tool, "skipped (--python none)", null, new long[0], 0);
        }
        if (!Files.isRegularFile(script)) {
            return new Result(tool, "not run: no script " + script, null, new long[0], 0);
        }
        List<String> cmd = new ArrayList<>(List.of(python, script.toString(), "--tool", tool, "--pipeline", pipeline,
                "--out", out.toString(), "--runs", Integer.toString(runs), "--warmup", "1"));
        cmd.addAll(files);
        Path stderr = out.resolveSibling(out.getFileName() + ".stderr");
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectError(stderr.toFile()).start();
        } catch (IOException e) {
            return new Result(tool, "not installed (no " + python + ": " + e.getMessage() + ")", null, new long[0], 0);
        }
        try {
            String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return new Result(tool, "failed: no answer within 60 minutes", null, new long[0], 0);
            }
            if (p.exitValue() != 0) {
                return new Result(tool, "failed (exit " + p.exitValue() + "): " + tail(stderr), null, new long[0], 0);
            }
            Files.deleteIfExists(stderr);
            return parse(tool, stdout);
        } catch (IOException e) {
            return new Result(tool, "failed: " + e.getMessage(), null, new long[0], 0);
        } finally {
            p.destroy();
        }
    }

    private static Result parse(String tool, String stdout) throws IOException {
        String line = stdout.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElse(null);
        if (line == null) {
            return new Result(tool, "failed: no result line in " + stdout.strip(), null, new long[0], 0);
        }
        JsonNode n = JSON.readTree(line);
        String status = n.path("status").asText();
        if (!"ok".equals(status)) {
            return new Result(tool, status + " (" + n.path("reason").asText() + ")", null, new long[0], 0);
        }
        JsonNode runs = n.path("runs_ms");
        long[] ms = new long[runs.size()];
        for (int i = 0; i < ms.length; i++) {
            ms[i] = runs.get(i).asLong();
        }
        return new Result(tool, status, n.path("version").asText(), ms, n.path("max_rss_mib").asLong());
    }

    private static String tail(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "";
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    }
}

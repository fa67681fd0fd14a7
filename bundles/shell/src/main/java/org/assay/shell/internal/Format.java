package org.assay.shell.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.assay.engine.ArtifactInfo;
import org.assay.engine.CronSchedule;
import org.assay.engine.RunInfo;
import org.assay.engine.StepRunInfo;
import org.apache.karaf.shell.support.table.ShellTable;

/** How the commands print times, counts and runs, so every command reads the same. */
final class Format {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private Format() {
    }

    static String time(Instant i) {
        return i == null ? "-" : TIME.format(i);
    }

    /** "0 0 2 * * ? (at 02:00), next 2026-11-24 02:00:00", or "" for an on-demand workflow. */
    static String schedule(String expression) {
        if (expression == null) {
            return "";
        }
        CronSchedule s = CronSchedule.parse(expression);
        String next = s.next(ZonedDateTime.now()).map(t -> ", next " + time(t.toInstant())).orElse(", no further runs");
        return s.expression() + " (" + s.description() + ")" + next;
    }

    /** Time the run was executing, and the engine's downtime during it if any. */
    static String duration(RunInfo run) {
        Duration active = run.activeTime(Instant.now());
        if (active == null) {
            return "-";
        }
        return seconds(active.toMillis())
                + (run.downtimeMillis() > 0 ? " + " + seconds(run.downtimeMillis()) + " engine stopped" : "");
    }

    static String seconds(long millis) {
        return String.format("%.1f s", millis / 1000.0);
    }

    static String count(long n) {
        return String.format("%,d", n);
    }

    /** "1 problem", "3 problems". */
    static String problems(int n) {
        return n + (n == 1 ? " problem" : " problems");
    }

    static String percent(double fraction) {
        return String.format("%3.0f%%", fraction * 100);
    }

    /**
     * Breaks text into lines of at most {@code width} characters for a table cell: at spaces where it
     * can (the space becomes the line break), inside a word only when the word alone is wider. Line
     * breaks already in the text are kept; runs of spaces become one.
     *
     * <p>Karaf's own {@code Col.wrap()} is not used: its pieces keep their trailing space, and a piece
     * one character too long is then cut to the column width minus one, so a word ending at the
     * column edge lost its last letter ("workflow's dat" for "data"), and a word wider than the
     * column lost everything past the edge.
     */
    static String wrap(String text, int width) {
        if (width < 1) {
            throw new IllegalArgumentException("width must be at least 1, not " + width);
        }
        StringBuilder out = new StringBuilder(text.length() + text.length() / width + 1);
        String[] lines = text.split("\n", -1);
        for (int l = 0; l < lines.length; l++) {
            if (l > 0) {
                out.append('\n');
            }
            int column = 0;
            for (String word : lines[l].strip().split("\\s+")) {
                if (column > 0 && column + 1 + word.length() <= width) {
                    out.append(' ');
                    column++;
                } else if (column > 0) {
                    out.append('\n');
                    column = 0;
                }
                for (int i = 0; i < word.length(); i += width) {
                    if (i > 0) {
                        out.append('\n');
                        column = 0;
                    }
                    int end = Math.min(word.length(), i + width);
                    out.append(word, i, end);
                    column += end - i;
                }
            }
        }
        return out.toString();
    }

    /** The per-step table of a run. */
    static ShellTable steps(RunInfo run) {
        ShellTable t = new ShellTable();
        t.column("Step");
        t.column("Type");
        t.column("Status");
        t.column("Progress").alignRight();
        t.column("Rows in").alignRight();
        t.column("Rows out").alignRight();
        t.column("Quarantined").alignRight();
        t.column("Filtered").alignRight();
        t.column("Time").alignRight();
        t.column("Provider");
        for (StepRunInfo s : run.steps()) {
            t.addRow().addContent(s.stepId(), s.type(),
                    s.status().label() + (s.attempts() > 1 ? " (" + s.attempts() + " attempts)" : ""),
                    percent(s.progress()), count(s.rowsIn()), count(s.rowsOut()), count(s.quarantined()),
                    count(s.filtered()), seconds(s.durationMillis()), s.provider());
        }
        return t;
    }

    /** Errors of the steps, artifacts and report of a finished run, as plain lines. */
    static void details(RunInfo run, java.io.PrintStream out) {
        for (StepRunInfo s : run.steps()) {
            if (s.error() != null) {
                out.println("Step " + s.stepId() + " failed: " + s.error());
            }
        }
        List<ArtifactInfo> artifacts = run.steps().stream().flatMap(s -> s.artifacts().stream()).toList();
        if (!artifacts.isEmpty()) {
            out.println("Artifacts:");
            for (ArtifactInfo a : artifacts) {
                String kind = " (" + a.kind().name().toLowerCase(java.util.Locale.ROOT) + ")";
                // A chart's data file is titled "<chart> (data)" already.
                out.println("  " + a.stepId() + ": " + a.title() + (a.title().endsWith(kind) ? "" : kind) + " "
                        + a.path());
            }
        }
        if (run.quarantined() > 0) {
            out.println("Quarantine: " + count(run.quarantined()) + " rows in " + run.folder().resolve("quarantine.csv"));
        }
        out.println("Run folder: " + run.folder());
        if (run.report() != null) {
            out.println("Report: " + run.report());
        }
    }
}

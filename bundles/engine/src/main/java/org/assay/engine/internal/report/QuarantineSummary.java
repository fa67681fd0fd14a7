package org.assay.engine.internal.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The run's quarantine by step and reason: how many rows each reason set aside and a few
 * example records. Records were masked when they were quarantined (pii fields read
 * {@code ***}); a record a step passed as raw text may still hold an e-mail address, so
 * anything shaped like one is masked again here. Reads {@code quarantine.csv} once, holding
 * only the groups.
 */
final class QuarantineSummary {

    static final int EXAMPLES = 3;
    /** Distinct reasons shown; reasons that quote a value can be as many as the rows. */
    static final int MAX_GROUPS = 30;
    private static final Pattern EMAIL = Pattern.compile("[^\\s,;\"'<>()@]+@[^\\s,;\"'<>()@]+\\.[A-Za-z]{2,}");

    private static final Pattern LINE = Pattern.compile("^(line|row) \\d+:\\s*");
    private static final Pattern QUOTED = Pattern.compile("'[^']*'");

    /** Rows one step set aside for one reason. */
    record Group(String stepId, String reason, long rows, List<String> examples) { }

    private final List<Group> groups;
    private final long rows;
    private final long otherRows;

    private QuarantineSummary(List<Group> groups, long rows, long otherRows) {
        this.groups = groups;
        this.rows = rows;
        this.otherRows = otherRows;
    }

    static QuarantineSummary read(Path file) throws IOException {
        Map<List<String>, long[]> counts = new LinkedHashMap<>();
        Map<List<String>, List<String>> examples = new LinkedHashMap<>();
        long rows = 0;
        long other = 0;
        if (file != null && Files.isRegularFile(file)) {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                List<String> header = CsvRecords.next(in);
                for (List<String> r = header == null ? null : CsvRecords.next(in); r != null; r = CsvRecords.next(in)) {
                    if (r.size() < 4) {
                        continue;
                    }
                    rows++;
                    List<String> key = List.of(r.get(0), kind(r.get(2)));
                    long[] n = counts.get(key);
                    if (n == null && counts.size() >= MAX_GROUPS) {
                        other++;
                        continue;
                    }
                    if (n == null) {
                        n = new long[1];
                        counts.put(key, n);
                        examples.put(key, new ArrayList<>());
                    }
                    n[0]++;
                    List<String> ex = examples.get(key);
                    if (ex.size() < EXAMPLES) {
                        ex.add("row " + r.get(1) + ": " + mask(r.get(3)));
                    }
                }
            }
        }
        List<Group> groups = new ArrayList<>();
        counts.forEach((k, n) -> groups.add(new Group(k.get(0), k.get(1), n[0], examples.get(k))));
        groups.sort((a, b) -> Long.compare(b.rows(), a.rows()));
        return new QuarantineSummary(groups, rows, other);
    }

    /**
     * A reason without what differs from row to row, so rows refused for the same cause are
     * counted together: "line 537: column age: 'thirty-two' is not an integer" reads
     * "column age: '…' is not an integer".
     */
    static String kind(String reason) {
        return QUOTED.matcher(LINE.matcher(reason).replaceFirst("")).replaceAll("'…'");
    }

    static String mask(String record) {
        String s = EMAIL.matcher(record).replaceAll("***");
        return s.length() <= 160 ? s : s.substring(0, 159) + "…";
    }

    List<Group> groups() {
        return groups;
    }

    long rows() {
        return rows;
    }

    /** Rows whose reason was not among the first {@link #MAX_GROUPS} distinct ones. */
    long otherRows() {
        return otherRows;
    }
}

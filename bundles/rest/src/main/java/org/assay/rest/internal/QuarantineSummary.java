package org.assay.rest.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A run's quarantine counted by step and kind of reason over all its rows, streaming (only the
 * groups are held), with a few masked example records per group: what the dashboard's run
 * page shows. Records were masked for pii when they were quarantined; a step that passed a raw
 * line may still have left an e-mail address or a long number (a phone, a card) in one, so
 * those are masked again here, and an example is cut at 160 characters.
 */
final class QuarantineSummary {

    static final int EXAMPLES = 3;
    /** Distinct groups kept; rows of further reasons are counted as {@code otherRows}. */
    static final int MAX_GROUPS = 50;

    private static final Pattern LINE = Pattern.compile("^(line|row) \\d+:\\s*");
    private static final Pattern QUOTED = Pattern.compile("'[^']*'");
    private static final Pattern NUMBER = Pattern.compile("\\b\\d+(\\.\\d+)?\\b");
    private static final Pattern EMAIL = Pattern.compile("[^\\s,;\"'<>()@]+@[^\\s,;\"'<>()@]+\\.[A-Za-z]{2,}");
    private static final Pattern LONG_NUMBER = Pattern.compile("\\+?\\d[\\d \\-./]{5,}\\d");

    /** Rows one step set aside for one kind of reason. */
    record Group(String step, String reason, long rows, List<String> examples) {
    }

    record Summary(long total, List<Group> groups, long otherRows) {
    }

    private QuarantineSummary() {
    }

    /** Reads a quarantine file ({@code step,row,reason,record}) to its end. */
    static Summary read(InputStream in) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        Map<List<String>, long[]> counts = new LinkedHashMap<>();
        Map<List<String>, List<String>> examples = new LinkedHashMap<>();
        long total = 0;
        long other = 0;
        if (QuarantineCsv.record(r) == null) {
            return new Summary(0, List.of(), 0);
        }
        for (List<String> rec; (rec = QuarantineCsv.record(r)) != null;) {
            if (rec.size() == 1 && rec.get(0).isEmpty()) {
                continue;
            }
            while (rec.size() < 4) {
                rec.add("");
            }
            total++;
            List<String> key = List.of(rec.get(0), kind(rec.get(2)));
            long[] n = counts.get(key);
            if (n == null) {
                if (counts.size() >= MAX_GROUPS) {
                    other++;
                    continue;
                }
                n = new long[1];
                counts.put(key, n);
                examples.put(key, new ArrayList<>());
            }
            n[0]++;
            List<String> ex = examples.get(key);
            if (ex.size() < EXAMPLES) {
                ex.add("row " + rec.get(1) + ": " + mask(rec.get(3)));
            }
        }
        List<Group> groups = new ArrayList<>();
        counts.forEach((k, n) -> groups.add(new Group(k.get(0), k.get(1), n[0], List.copyOf(examples.get(k)))));
        groups.sort((a, b) -> Long.compare(b.rows(), a.rows()));
        return new Summary(total, groups, other);
    }

    /**
     * A reason without what differs from row to row (its line, the quoted value, the counts):
     * "line 20: expected 11 fields, found 10" and "line 1084: ... found 12" are both
     * "expected N fields, found N".
     */
    static String kind(String reason) {
        String s = LINE.matcher(reason == null ? "" : reason).replaceFirst("");
        return NUMBER.matcher(QUOTED.matcher(s).replaceAll("'…'")).replaceAll("N");
    }

    static String mask(String record) {
        String s = LONG_NUMBER.matcher(EMAIL.matcher(record).replaceAll("***")).replaceAll("***");
        return s.length() <= 160 ? s : s.substring(0, 159) + "…";
    }
}

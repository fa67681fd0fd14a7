package org.assay.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.assay.engine.internal.report.CsvRecords;

/**
 * Reads a run's quarantine file ({@code step,row,reason,record} CSV, as
 * {@link RunService#openQuarantine} opens it), streaming: a page of its rows, or a summary by
 * step and kind of reason over all of them. The engine writes the file, so the engine reads it:
 * the run report, REST and the dashboard show the same groups and the same masking.
 * Stateless; the caller closes the stream.
 */
public final class QuarantineFile {

    /** Example records kept per group. */
    public static final int EXAMPLES = 3;
    /** Distinct groups kept; rows of further reasons are counted as {@link Summary#otherRows()}. */
    public static final int MAX_GROUPS = 50;

    private static final Pattern LINE = Pattern.compile("^(line|row) \\d+:\\s*");
    private static final Pattern QUOTED = Pattern.compile("'[^']*'");
    private static final Pattern NUMBER = Pattern.compile("\\b\\d+(\\.\\d+)?\\b");
    private static final Pattern EMAIL = Pattern.compile("[^\\s,;\"'<>()@]+@[^\\s,;\"'<>()@]+\\.[A-Za-z]{2,}");
    private static final Pattern LONG_NUMBER = Pattern.compile("\\+?\\d[\\d \\-./]{5,}\\d");

    /**
     * Rows one step set aside for one kind of reason.
     *
     * @param reason   the reason without what differs from row to row (see {@link #kind})
     * @param examples up to {@link #EXAMPLES} records, "row N: record", masked (see {@link #mask})
     */
    public record Group(String stepId, String reason, long rows, List<String> examples) {
    }

    /**
     * A quarantine counted over all its rows.
     *
     * @param total     rows in the file
     * @param groups    the first {@link #MAX_GROUPS} distinct groups, most rows first
     * @param otherRows rows whose group was not among those
     */
    public record Summary(long total, List<Group> groups, long otherRows) {

        /** Nothing quarantined. */
        public static final Summary EMPTY = new Summary(0, List.of(), 0);
    }

    private QuarantineFile() {
    }

    /**
     * Hands the rows {@code offset} to {@code offset+limit-1} (0-based, header excluded) to
     * {@code row}, each with at least four fields; only the page is held in memory.
     *
     * @return how many rows the file has
     */
    public static long page(InputStream in, long offset, int limit, Consumer<List<String>> row) throws IOException {
        BufferedReader r = reader(in);
        if (CsvRecords.next(r) == null) {
            return 0;
        }
        long n = 0;
        for (List<String> rec; (rec = CsvRecords.next(r)) != null; n++) {
            if (n >= offset && n < offset + limit) {
                row.accept(padded(rec));
            }
        }
        return n;
    }

    /**
     * Counts the rows by step and kind of reason, holding only the groups. Records were masked
     * for pii when they were quarantined; a step that passed a raw line may still have left an
     * e-mail address or a long number (a phone, a card) in one, so those are masked again in
     * the examples.
     */
    public static Summary summarize(InputStream in) throws IOException {
        BufferedReader r = reader(in);
        if (CsvRecords.next(r) == null) {
            return Summary.EMPTY;
        }
        Map<List<String>, long[]> counts = new LinkedHashMap<>();
        Map<List<String>, List<String>> examples = new LinkedHashMap<>();
        long total = 0;
        long other = 0;
        for (List<String> rec; (rec = CsvRecords.next(r)) != null;) {
            if (rec.size() == 1 && rec.get(0).isEmpty()) {
                continue;
            }
            rec = padded(rec);
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
        return new Summary(total, List.copyOf(groups), other);
    }

    /**
     * A reason without what differs from row to row (its line, the quoted value, the counts), so
     * rows refused for the same cause are counted together: "line 20: expected 11 fields, found
     * 10" and "line 1084: ... found 12" are both "expected N fields, found N".
     */
    static String kind(String reason) {
        String s = LINE.matcher(reason == null ? "" : reason).replaceFirst("");
        return NUMBER.matcher(QUOTED.matcher(s).replaceAll("'…'")).replaceAll("N");
    }

    /** E-mail addresses and long numbers as {@code ***}, cut at 160 characters. */
    static String mask(String record) {
        String s = LONG_NUMBER.matcher(EMAIL.matcher(record).replaceAll("***")).replaceAll("***");
        return s.length() <= 160 ? s : s.substring(0, 159) + "…";
    }

    private static BufferedReader reader(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    private static List<String> padded(List<String> rec) {
        while (rec.size() < 4) {
            rec.add("");
        }
        return rec;
    }
}

package org.assay.privacy.internal.anon;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The hierarchy file of {@code generalize} and {@code k-anonymize}: CSV lines
 * {@code column,value,level1,level2,...} (e.g. {@code city,Bergen,Vestland,Norway}), an optional
 * header line starting {@code column,value}, and double quotes around a cell with a comma.
 * Every value of one column needs the same number of levels, and the levels must form a tree.
 * A city-to-region table is a tree of one level. Messages name line numbers, never values.
 */
final class HierarchyFile {

    private static final int MAX_LINES = 1_000_000;

    private HierarchyFile() {
    }

    /** Column to value to its levels. @throws IllegalArgumentException naming the line */
    static Map<String, Map<String, List<String>>> read(Path file) throws IOException {
        Map<String, Map<String, List<String>>> out = new HashMap<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (n > MAX_LINES) {
                    throw new IllegalArgumentException("hierarchyFile has more than " + MAX_LINES + " lines");
                }
                if (line.isBlank() || (n == 1 && line.toLowerCase(java.util.Locale.ROOT).startsWith("column,value"))) {
                    continue;
                }
                List<String> cells = split(line, n);
                if (cells.size() < 3) {
                    throw new IllegalArgumentException("hierarchyFile line " + n + ": needs column,value,level1,...");
                }
                Map<String, List<String>> col = out.computeIfAbsent(cells.get(0), k -> new HashMap<>());
                List<String> levels = List.copyOf(cells.subList(2, cells.size()));
                if (!col.isEmpty() && col.values().iterator().next().size() != levels.size()) {
                    throw new IllegalArgumentException("hierarchyFile line " + n + ": column " + cells.get(0) + " has "
                            + col.values().iterator().next().size() + " levels on earlier lines, " + levels.size()
                            + " here");
                }
                if (col.put(cells.get(1), levels) != null) {
                    throw new IllegalArgumentException("hierarchyFile line " + n + ": the value is listed twice for "
                            + "column " + cells.get(0));
                }
            }
        }
        for (Map.Entry<String, Map<String, List<String>>> e : out.entrySet()) {
            checkTree(e.getKey(), e.getValue());
        }
        return out;
    }

    /** Nesting: a value at one level has one parent at the next. */
    static void checkTree(String column, Map<String, List<String>> rows) {
        int levels = rows.values().iterator().next().size();
        for (int l = 0; l + 1 < levels; l++) {
            Map<String, String> parent = new HashMap<>();
            for (List<String> chain : rows.values()) {
                String before = parent.putIfAbsent(chain.get(l), chain.get(l + 1));
                if (before != null && !before.equals(chain.get(l + 1))) {
                    throw new IllegalArgumentException("hierarchyFile: column " + column + " is not a tree: a value "
                            + "at level " + (l + 1) + " has two different parents at level " + (l + 2));
                }
            }
        }
    }

    private static List<String> split(String line, int n) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString().trim());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("hierarchyFile line " + n + ": a quote is not closed");
        }
        cells.add(cell.toString().trim());
        return cells;
    }
}

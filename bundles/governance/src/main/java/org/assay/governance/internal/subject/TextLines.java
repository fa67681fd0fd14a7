package org.assay.governance.internal.subject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reports, logs and JSON files of a run: the lines mentioning the subject, and their erasure
 * (each mention replaced by {@value #ERASED}). Stateless.
 */
final class TextLines {

    static final String ERASED = "[erased]";

    private TextLines() {
    }

    static Finding find(SubjectKey key, String runId, Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (key.mentionedIn(line)) {
                rows.add(List.of(line));
            }
        }
        return new Finding("run-text", file.toString(), runId, file, List.of("line"), rows);
    }

    /** @return the lines changed */
    static int erase(SubjectKey key, Path file) throws IOException {
        Pattern word = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(key.key()) + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        List<String> out = new ArrayList<>();
        int changed = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            Matcher m = word.matcher(line);
            if (m.find()) {
                changed++;
                out.add(m.replaceAll(Matcher.quoteReplacement(ERASED)));
            } else {
                out.add(line);
            }
        }
        if (changed > 0) {
            Path tmp = Files.createTempFile(file.getParent(), ".erase-", ".tmp");
            Files.write(tmp, out, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return changed;
    }
}

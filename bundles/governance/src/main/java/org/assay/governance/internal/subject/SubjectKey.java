package org.assay.governance.internal.subject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * Who a request is about: a key (a customer id, an e-mail address) that a cell equals, trimmed
 * and ignoring case, optionally only in some columns. A cell that merely contains the key does
 * not match ("C1" is not "C12"); in free text (logs, reports) the key is searched as a word.
 *
 * @param key     the value, not blank
 * @param columns the column names a key may be in (ignoring case), empty for any column
 */
public record SubjectKey(String key, Set<String> columns) {

    public SubjectKey {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("give the data subject's key, e.g. a customer id or an e-mail address");
        }
        key = key.trim();
        columns = columns.stream().map(c -> c.trim().toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors
                .toUnmodifiableSet());
    }

    /** Whether a column (by its header name, null when unknown) may hold the key. */
    public boolean inColumn(String column) {
        return columns.isEmpty() || column != null && columns.contains(column.trim().toLowerCase(Locale.ROOT));
    }

    public boolean matches(String cell) {
        return cell != null && cell.trim().equalsIgnoreCase(key);
    }

    /** Whether free text mentions the key as a whole word. */
    public boolean mentionedIn(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        String k = key.toLowerCase(Locale.ROOT);
        for (int i = t.indexOf(k); i >= 0; i = t.indexOf(k, i + 1)) {
            boolean startOk = i == 0 || !Character.isLetterOrDigit(t.charAt(i - 1));
            int end = i + k.length();
            boolean endOk = end == t.length() || !Character.isLetterOrDigit(t.charAt(end));
            if (startOk && endOk) {
                return true;
            }
        }
        return false;
    }

    /**
     * What the audit log and stored models say instead of the key: the log outlives the data, so
     * it must not hold the key itself. Unkeyed, so whoever has the key can find its entries.
     */
    public String reference() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.toLowerCase(Locale.ROOT)
                    .getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.assay.governance.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.assay.api.audit.AuditAction;
import org.assay.api.audit.AuditEntry;

/**
 * The line format of the audit log and its hash chain: one JSON object per line, whose
 * {@code prev} is the SHA-256 of the previous line's bytes exactly as stored (UTF-8, without
 * the newline). Hashing the stored bytes, not a re-serialisation, means no canonical JSON is
 * needed and any change of a single byte breaks the next link. Stateless.
 */
final class AuditChain {

    /** The {@code prev} of the first line. */
    static final String GENESIS = "0".repeat(64);

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditChain() {
    }

    static String sha256(String line) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(line.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** The stored line of an entry: a single line of JSON (Jackson escapes newlines in values). */
    static String line(AuditEntry e) {
        ObjectNode o = JSON.createObjectNode();
        o.put("seq", e.seq());
        o.put("at", e.at().toString());
        o.put("user", e.principal());
        o.put("action", e.action().id());
        o.put("target", e.target());
        ObjectNode d = o.putObject("details");
        e.details().forEach(d::put);
        o.put("prev", e.previous());
        return o.toString();
    }

    /**
     * Reads a stored line back.
     *
     * @return empty when it is not an entry of this format
     */
    static Optional<AuditEntry> parse(String line) {
        try {
            JsonNode o = JSON.readTree(line);
            if (o == null || !o.isObject() || !o.path("seq").canConvertToLong() || !o.hasNonNull("at")) {
                return Optional.empty();
            }
            Optional<AuditAction> action = AuditAction.byId(o.path("action").asText(""));
            if (action.isEmpty()) {
                return Optional.empty();
            }
            Map<String, String> details = new LinkedHashMap<>();
            o.path("details").fields().forEachRemaining(f -> details.put(f.getKey(), f.getValue().asText()));
            return Optional.of(new AuditEntry(o.path("seq").asLong(), Instant.parse(o.path("at").asText()),
                    o.path("user").asText(), action.get(), o.path("target").asText(), details,
                    o.path("prev").asText()));
        } catch (java.io.IOException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }
}

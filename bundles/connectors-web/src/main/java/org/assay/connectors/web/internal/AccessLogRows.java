package org.assay.connectors.web.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import org.assay.api.data.BatchBuilder;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;

/** The row of one access log line: its schema, and the parsing of a matched line into it. */
final class AccessLogRows {

    static final Schema SCHEMA = Schema.of(
            Field.of("line", FieldType.INTEGER).withNullable(false),
            Field.of("client", FieldType.STRING).withTags(FieldTag.PII),
            Field.of("user", FieldType.STRING).withTags(FieldTag.PII),
            Field.of("time", FieldType.TIMESTAMP).withNullable(false),
            Field.of("method", FieldType.CATEGORICAL),
            Field.of("path", FieldType.STRING),
            Field.of("query", FieldType.STRING),
            Field.of("protocol", FieldType.CATEGORICAL),
            Field.of("status", FieldType.INTEGER),
            Field.of("bytes", FieldType.INTEGER),
            Field.of("referrer", FieldType.STRING),
            Field.of("user_agent", FieldType.STRING),
            Field.of("is_bot", FieldType.BOOLEAN).withNullable(false),
            Field.of("visitor", FieldType.STRING).withTags(FieldTag.PII, FieldTag.ID).withNullable(false));

    private static final int LINE = 0, CLIENT = 1, USER = 2, TIME = 3, METHOD = 4, PATH = 5, QUERY = 6, PROTOCOL = 7,
            STATUS = 8, BYTES = 9, REFERRER = 10, AGENT = 11, BOT = 12, VISITOR = 13;

    /** Apache's %t: 10/Oct/2000:13:55:36 -0700. */
    static final DateTimeFormatter TIME_FORMAT = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);

    private final LogFormat format;
    private final String visitorCookie;

    AccessLogRows(LogFormat format, String visitorCookie) {
        this.format = format;
        this.visitorCookie = visitorCookie;
    }

    /**
     * Fills {@code row} (one value per field of {@link #SCHEMA}, as {@link BatchBuilder#set}
     * takes them) from a matched line. Values are gathered before any reaches a batch, so a
     * refused line leaves nothing behind.
     *
     * @return null when the row is complete, else why the line is refused
     */
    String fill(Object[] row, long lineNumber, Matcher m) {
        Arrays.fill(row, null);
        row[LINE] = lineNumber;
        String client = null;
        String user = null;
        String agent = null;
        String cookieHeader = null;
        String cookie = null;
        List<LogFormat.Part> parts = format.parts();
        for (int g = 0; g < parts.size(); g++) {
            String v = dash(m.group(g + 1));
            switch (parts.get(g)) {
                case CLIENT -> client = v;
                case USER -> user = v;
                case TIME -> {
                    try {
                        row[TIME] = OffsetDateTime.parse(v == null ? "" : v, TIME_FORMAT).toInstant().toEpochMilli();
                    } catch (DateTimeParseException e) {
                        return "the time [" + v + "] is not a log time such as [10/Oct/2000:13:55:36 -0700]";
                    }
                }
                case REQUEST -> request(row, v);
                case STATUS -> {
                    row[STATUS] = v == null ? null : Long.parseLong(v);
                }
                case BYTES -> row[BYTES] = v == null ? 0L : Long.parseLong(v);
                case REFERRER -> row[REFERRER] = unescape(v);
                case USER_AGENT -> agent = unescape(v);
                case COOKIE_HEADER -> cookieHeader = v;
                case COOKIE -> {
                    if (format.cookieName(g).equals(visitorCookie)) {
                        cookie = v;
                    }
                }
                case IGNORED -> { }
            }
        }
        row[CLIENT] = client;
        row[USER] = user;
        row[AGENT] = agent;
        row[BOT] = Bots.isBot(agent);
        if (cookie == null && visitorCookie != null && cookieHeader != null) {
            cookie = cookieValue(cookieHeader, visitorCookie);
        }
        row[VISITOR] = cookie != null ? "c:" + cookie : user != null ? "u:" + user : "h:" + hash(client, agent);
        return null;
    }

    /** "GET /a/b?x=1 HTTP/1.1": method, path, query, protocol. A line that is not a request keeps only the raw path. */
    private static void request(Object[] row, String r) {
        if (r == null) {
            return;
        }
        String[] words = r.split(" ");
        if (words.length != 3 && words.length != 2) {
            row[PATH] = r.length() > 200 ? r.substring(0, 200) : r;
            return;
        }
        row[METHOD] = words[0];
        String target = words[1];
        int q = target.indexOf('?');
        row[PATH] = q < 0 ? target : target.substring(0, q);
        row[QUERY] = q < 0 ? null : target.substring(q + 1);
        row[PROTOCOL] = words.length == 3 ? words[2] : null;
    }

    static boolean isBot(Object[] row) {
        return Boolean.TRUE.equals(row[BOT]);
    }

    private static String dash(String v) {
        return v == null || v.equals("-") ? null : v;
    }

    /** Apache writes a quote inside a quoted field as \" and a backslash as \\. */
    private static String unescape(String v) {
        return v == null || v.indexOf('\\') < 0 ? v : v.replace("\\\"", "\"").replace("\\\\", "\\");
    }

    static String cookieValue(String header, String name) {
        for (String pair : header.split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).strip().equals(name)) {
                String value = pair.substring(eq + 1).strip();
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    /** A stable key for a client without a cookie or user: 16 hex digits of SHA-256 over address and agent. */
    private static String hash(String client, String agent) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] h = d.digest((client + "\u0000" + agent).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}

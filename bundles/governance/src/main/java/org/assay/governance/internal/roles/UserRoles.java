package org.assay.governance.internal.roles;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Who has which roles and groups, as Karaf's {@code etc/users.properties} says: {@code user =
 * password, role, ..., _g_:group, ...} and {@code _g_\:group = group, role, ...}. Passwords are
 * kept only as a hash, to see that one changed; they are never returned. Immutable.
 */
public final class UserRoles {

    static final String GROUP_PREFIX = "_g_:";

    /** One user or group: its roles, its groups (users only) and a hash of its password field. */
    record Entry(TreeSet<String> roles, TreeSet<String> groups, String passwordHash) {
    }

    /** One change to record: the target ({@code user NAME} or {@code group NAME}) and what changed. */
    public record Change(String target, Map<String, String> details) {
    }

    private final Map<String, Entry> users;
    private final Map<String, Entry> groups;

    private UserRoles(Map<String, Entry> users, Map<String, Entry> groups) {
        this.users = users;
        this.groups = groups;
    }

    static final UserRoles EMPTY = new UserRoles(Map.of(), Map.of());

    /** Reads the text of a users.properties file. */
    public static UserRoles parse(String text) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(text));
        Map<String, Entry> users = new TreeMap<>();
        Map<String, Entry> groups = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            List<String> parts = new ArrayList<>();
            for (String part : p.getProperty(key).split(",")) {
                parts.add(part.trim());
            }
            TreeSet<String> roles = new TreeSet<>();
            TreeSet<String> memberOf = new TreeSet<>();
            for (String part : parts.subList(Math.min(1, parts.size()), parts.size())) {
                if (part.startsWith(GROUP_PREFIX)) {
                    memberOf.add(part.substring(GROUP_PREFIX.length()));
                } else if (!part.isEmpty()) {
                    roles.add(part);
                }
            }
            if (key.startsWith(GROUP_PREFIX)) {
                groups.put(key.substring(GROUP_PREFIX.length()), new Entry(roles, new TreeSet<>(), ""));
            } else {
                users.put(key, new Entry(roles, memberOf, hash(parts.isEmpty() ? "" : parts.get(0))));
            }
        }
        return new UserRoles(users, groups);
    }

    /** What changed from {@code before} to this, one change per user or group, in name order. */
    public List<Change> since(UserRoles before) {
        List<Change> out = new ArrayList<>();
        diff(before.users, users, "user", out);
        diff(before.groups, groups, "group", out);
        return out;
    }

    private static void diff(Map<String, Entry> before, Map<String, Entry> after, String kind, List<Change> out) {
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String name : names) {
            Entry b = before.get(name);
            Entry a = after.get(name);
            if (Objects.equals(b, a)) {
                continue;
            }
            Map<String, String> d = new LinkedHashMap<>();
            if (b == null) {
                d.put("change", kind + " added");
            } else if (a == null) {
                d.put("change", kind + " removed");
            } else if (b.roles().equals(a.roles()) && b.groups().equals(a.groups())) {
                d.put("change", "password changed");
            } else {
                d.put("change", "user".equals(kind) && b.groups().equals(a.groups()) ? "roles changed"
                        : "roles or groups changed");
            }
            d.put("roles.before", b == null ? "" : String.join(",", b.roles()));
            d.put("roles.after", a == null ? "" : String.join(",", a.roles()));
            if ("user".equals(kind)) {
                d.put("groups.before", b == null ? "" : String.join(",", b.groups()));
                d.put("groups.after", a == null ? "" : String.join(",", a.groups()));
                if (b != null && a != null && !b.passwordHash().equals(a.passwordHash())
                        && !"password changed".equals(d.get("change"))) {
                    d.put("password", "changed");
                }
            }
            out.add(new Change(kind + " " + name, d));
        }
    }

    private static String hash(String password) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(password.getBytes(
                    StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}

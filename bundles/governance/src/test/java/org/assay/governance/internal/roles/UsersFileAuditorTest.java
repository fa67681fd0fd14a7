package org.assay.governance.internal.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assay.api.audit.AuditAction;
import org.assay.api.audit.AuditEntry;
import org.assay.api.audit.AuditLog;
import org.assay.api.audit.AuditQuery;
import org.assay.api.audit.AuditVerification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsersFileAuditorTest {

    @TempDir
    Path etc;

    /** What was recorded, in order. */
    record Recorded(String principal, AuditAction action, String target, Map<String, String> details) {
    }

    static final class Recorder implements AuditLog {
        final List<Recorded> entries = new CopyOnWriteArrayList<>();

        @Override
        public AuditEntry record(String principal, AuditAction action, String target, Map<String, String> details) {
            entries.add(new Recorded(principal, action, target, details));
            return null;
        }

        @Override
        public List<AuditEntry> query(AuditQuery query) {
            return List.of();
        }

        @Override
        public AuditVerification verify() {
            return null;
        }
    }

    static final String START = "# Karaf users\n"
            + "karaf = {CRYPT}abc{CRYPT},_g_:admingroup\n"
            + "analyst = s3cret-analyst, viewer\n"
            + "_g_\\:admingroup = group,admin,manager,viewer\n";

    @Test
    void roleGroupAndUserChangesAreRecordedWithBeforeAndAfterButNoPassword() throws Exception {
        Path users = etc.resolve("users.properties");
        Files.writeString(users, START);
        Recorder log = new Recorder();
        UsersFileAuditor auditor = new UsersFileAuditor(log, users);
        assertEquals(0, auditor.check("ann", "shell jaas:update"), "nothing changed yet");

        Files.writeString(users, START.replace("analyst = s3cret-analyst, viewer", "analyst = s3cret-analyst, viewer,"
                + " operator") + "dora = dora-pw-1, viewer, _g_:admingroup\n");
        assertEquals(2, auditor.check("ann", "shell jaas:role-add jaas:update"));
        Recorded analyst = log.entries.get(0);
        assertEquals("ann", analyst.principal());
        assertEquals(AuditAction.ROLE, analyst.action());
        assertEquals("user analyst", analyst.target());
        assertEquals(Map.of("change", "roles changed", "roles.before", "viewer", "roles.after", "operator,viewer",
                "groups.before", "", "groups.after", "", "via", "shell jaas:role-add jaas:update"), analyst.details());
        Recorded dora = log.entries.get(1);
        assertEquals("user dora", dora.target());
        assertEquals("user added", dora.details().get("change"));
        assertEquals("admingroup", dora.details().get("groups.after"));

        Files.writeString(users, Files.readString(users).replace("dora-pw-1", "dora-pw-2")
                .replace("group,admin,manager,viewer", "group,admin,viewer").replace("analyst = s3cret-analyst, viewer,"
                        + " operator\n", ""));
        assertEquals(3, auditor.check("system", "etc/users.properties edited"));
        assertEquals("user analyst", log.entries.get(2).target());
        assertEquals("user removed", log.entries.get(2).details().get("change"));
        assertEquals("password changed", log.entries.get(3).details().get("change"));
        assertEquals("group admingroup", log.entries.get(4).target());
        assertEquals("admin,manager,viewer", log.entries.get(4).details().get("roles.before"));
        assertEquals("admin,viewer", log.entries.get(4).details().get("roles.after"));
        for (Recorded r : log.entries) {
            assertFalse(r.details().toString().contains("pw-") || r.details().toString().contains("s3cret"),
                    "never a password: " + r);
        }
        assertEquals(0, auditor.check("system", "etc/users.properties edited"), "recorded once");
    }

    @Test
    void onlyTheCommandNamesOfALineAreKeptNeverItsArguments() {
        assertEquals("jaas:realm-manage jaas:user-add jaas:update", UsersFileAuditor.commands(
                "jaas:realm-manage --realm karaf; jaas:user-add bob hunter2; jaas:update"));
        assertEquals("echo", UsersFileAuditor.commands("echo hunter2"));
        assertEquals("x", UsersFileAuditor.commands("x --url=http://a:b@c"));
        assertEquals("command", UsersFileAuditor.commands("'a:b' c"));
    }
}

package org.assay.governance.internal;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.assay.api.audit.AuditAction;
import org.assay.api.audit.AuditEntry;
import org.assay.api.audit.AuditLog;
import org.assay.api.audit.AuditQuery;
import org.assay.api.audit.AuditVerification;

@Command(scope = "assay", name = "audit", description = "Shows the audit log (who deployed, ran, cancelled, exported, "
        + "erased, read, changed a secret or a role), oldest first, filtered by user, action and time; --verify checks "
        + "its hash chain.")
@Service
public class AuditCommand implements Action {

    @Reference
    private AuditLog audit;

    @Option(name = "--user", aliases = "-u", description = "Only entries of this Karaf user (system: the scheduler, "
            + "the workflow folder)")
    private String user;

    @Option(name = "--action", aliases = "-a", description = "Only this action: deploy, undeploy, run, cancel, run-end, "
            + "read, export, erase, secret, role, model")
    private String action;

    @Option(name = "--target", aliases = "-t", description = "Only entries about this workflow id, run id, subject key "
            + "or secret name")
    private String target;

    @Option(name = "--since", description = "Only entries at or after this time: 2026-12-01, 2026-12-01T08:00, "
            + "2026-12-01T08:00:00Z, or an age such as 30m, 2h, 7d")
    private String since;

    @Option(name = "--until", description = "Only entries before this time (same forms as --since)")
    private String until;

    @Option(name = "--limit", aliases = "-n", description = "Show the newest this many matching entries (default 50)")
    private int limit = 50;

    @Option(name = "--verify", description = "Check that no entry was edited, removed, inserted or reordered, and "
            + "print the hash of the last entry (note it elsewhere to detect a later truncation)")
    private boolean verify;

    public AuditCommand() {
    }

    /** For tests; Karaf injects the service into the no-argument instance. */
    AuditCommand(AuditLog audit) {
        this.audit = audit;
    }

    AuditCommand verify() {
        this.verify = true;
        return this;
    }

    AuditCommand filter(String user, String action, String since) {
        this.user = user;
        this.action = action;
        this.since = since;
        return this;
    }

    @Override
    public Object execute() {
        if (verify) {
            AuditVerification v = audit.verify();
            if (!v.intact()) {
                throw new IllegalStateException("the audit log was tampered with: " + v.problem());
            }
            System.out.println("Audit log intact: " + v.entries() + " entries; last entry's SHA-256 " + v.head());
            return null;
        }
        Clock clock = Clock.systemDefaultZone();
        AuditQuery q = AuditQuery.all().withLimit(Math.max(1, Math.min(limit, AuditQuery.MAX_LIMIT)))
                .withPrincipal(blankToNull(user)).withTarget(blankToNull(target))
                .withAction(action == null || action.isBlank() ? null : AuditAction.byId(action).orElseThrow(() ->
                        new IllegalArgumentException("--action " + action + " is not an action; use one of "
                                + Arrays.stream(AuditAction.values()).map(AuditAction::id)
                                        .collect(Collectors.joining(", ")))))
                .withSince(TimeArg.parse("--since", since, clock)).withUntil(TimeArg.parse("--until", until, clock));
        List<AuditEntry> entries = audit.query(q);
        if (entries.isEmpty()) {
            System.out.println("No audit entries match.");
            return null;
        }
        ShellTable t = new ShellTable();
        t.column("#").alignRight();
        t.column("Time");
        t.column("User");
        t.column("Action");
        t.column("Target");
        t.column("Details");
        for (AuditEntry e : entries) {
            t.addRow().addContent(e.seq(), e.at().toString(), e.principal(), e.action().id(), e.target(),
                    e.details().entrySet().stream().map(d -> d.getKey() + "=" + d.getValue())
                            .collect(Collectors.joining(" ")));
        }
        t.print(System.out);
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

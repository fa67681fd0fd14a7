package org.assay.governance.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.assay.api.audit.AuditAction;
import org.assay.api.audit.AuditEntry;
import org.assay.api.audit.AuditQuery;
import org.assay.api.workflow.WorkflowDefinition;
import org.assay.engine.DeployedWorkflow;
import org.assay.engine.RunEvent;
import org.assay.engine.RunInfo;
import org.assay.engine.RunStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineAuditorTest {

    @TempDir
    Path dir;
    FileAuditLog log;
    EngineAuditor auditor;

    @BeforeEach
    void setUp() throws IOException {
        log = new FileAuditLog(dir.resolve("audit.jsonl"), Clock.systemUTC());
        RunInfo run = new RunInfo("r1", "wf", 2, RunStatus.RUNNING, Instant.now(), null, null, null, null, null,
                List.of(), List.of(), 0, "bob", "on demand", "carol", List.of());
        auditor = new EngineAuditor(log, id -> "r1".equals(id) ? Optional.of(run) : Optional.empty());
    }

    private static RunEvent event(RunEvent.Kind kind) {
        return new RunEvent(Instant.now(), "r1", null, kind, "", new RunEvent.Counts(10, 8, 2, 0, 1));
    }

    @Test
    void runStartsCancelsAndEndsAreRecordedWithTheEnginesPrincipals() {
        auditor.runEvent(event(RunEvent.Kind.RUN_QUEUED));
        auditor.runEvent(event(RunEvent.Kind.STEP_STARTED));
        auditor.runEvent(event(RunEvent.Kind.CANCEL_REQUESTED));
        auditor.runEvent(event(RunEvent.Kind.RUN_CANCELLED));
        List<AuditEntry> all = log.query(AuditQuery.all());
        assertEquals(List.of(AuditAction.RUN, AuditAction.CANCEL, AuditAction.RUN_END),
                all.stream().map(AuditEntry::action).toList());
        assertEquals(List.of("bob", "carol", "bob"), all.stream().map(AuditEntry::principal).toList());
        assertEquals("on demand", all.get(0).details().get("trigger"));
        assertEquals("2", all.get(0).details().get("version"));
        assertEquals("cancelled", all.get(2).details().get("status"));
        assertEquals("2", all.get(2).details().get("quarantined"));
    }

    @Test
    void aDeploymentIsRecordedOnceThoughTheEngineRepeatsItToNewListeners() {
        DeployedWorkflow d = new DeployedWorkflow(new WorkflowDefinition(1, "wf", null, null, null, List.of(), "marketing"),
                3, "file", Instant.now(), List.of(), List.of(), "ann");
        auditor.deployed(d);
        auditor.deployed(d);
        List<AuditEntry> deploys = log.query(AuditQuery.all().withAction(AuditAction.DEPLOY));
        assertEquals(1, deploys.size());
        assertEquals("ann", deploys.get(0).principal());
        assertEquals("marketing", deploys.get(0).details().get("purpose"));
        assertTrue(log.verify().intact());
    }

    @Test
    void onlyRoleConfigurationsCountAsRoleChanges() {
        assertTrue(AclAuditor.aboutRoles("org.apache.karaf.command.acl.assay"));
        assertTrue(AclAuditor.aboutRoles("jmx.acl.org.apache.karaf.bundle"));
        assertFalse(AclAuditor.aboutRoles("org.assay.engine"));
    }
}

package org.assay.api.audit;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an audit entry records. Actions may be added in minor versions. */
public enum AuditAction {
    /** A workflow version was deployed; target: the workflow id. */
    DEPLOY,
    /** A workflow was undeployed; target: the workflow id. */
    UNDEPLOY,
    /** A run was started; target: the run id. */
    RUN,
    /** A run was asked to stop; target: the run id. */
    CANCEL,
    /** A run ended (succeeded, failed, cancelled); target: the run id. */
    RUN_END,
    /** Someone read a run's artifact, report, quarantine or log; target: run id and file. */
    READ,
    /** Everything stored about a data subject was collected into a file; target: the subject key. */
    EXPORT,
    /** A data subject's rows were erased or pseudonymised; target: the subject key. */
    ERASE,
    /** A named secret was set, replaced or deleted; target: the secret's name, never its value. */
    SECRET,
    /** A role, group or command permission changed; target: what changed. */
    ROLE,
    /** A stored model was promoted, rolled back or marked tainted; target: the model name. */
    MODEL;

    /** The lower-case, dash-separated name used in the log file and on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The action with this {@link #id()} (case-insensitive), if any. */
    public static Optional<AuditAction> byId(String id) {
        return Arrays.stream(values()).filter(a -> a.id().equalsIgnoreCase(id.trim())).findFirst();
    }
}

package org.assay.connectors.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.assay.api.data.NearestName;
import org.assay.api.step.StepFailure;

/** Opens a connection to a named data source, or fails with a message the user can act on. */
final class Connections {

    /** How long a run waits for a configured source to be registered (Karaf starting). */
    static final Duration STARTUP_WAIT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(200);

    private Connections() {
    }

    /**
     * A connection to the named source; the caller closes it.
     *
     * @throws StepFailure naming the source, the cfg file to fix and the driver's reason
     */
    static Connection open(DataSources sources, String name) throws StepFailure {
        return open(sources, name, null);
    }

    /**
     * A connection to the named source for a step of run {@code runId} (null at deploy, when only
     * the table's columns are read); the caller closes it.
     *
     * @throws StepFailure also when the run's workflow is not among the source's assay.workflows
     */
    static Connection open(DataSources sources, String name, String runId) throws StepFailure {
        return open(sources, name, runId, STARTUP_WAIT);
    }

    /** As {@link #open(DataSources, String, String)}, waiting at most {@code startupWait} for a configured source. */
    static Connection open(DataSources sources, String name, String runId, Duration startupWait)
            throws StepFailure {
        Optional<DataSource> found = sources.find(name);
        if (found.isEmpty() && runId != null && sources.configured(name)) {
            found = awaitRegistration(sources, name, startupWait);
        }
        DataSource ds = found.orElseThrow(() -> new StepFailure(sources.configured(name)
                ? notUp(name, startupWait) : missing(sources, name)));
        if (runId != null) {
            checkAllowed(sources, name, runId);
        }
        try {
            return ds.getConnection();
        } catch (SQLException e) {
            throw new StepFailure("parameter dataSource: data source '" + name + "' cannot be reached: " + reason(e)
                    + ". Check url, user and password in " + DataSources.configFile(name)
                    + " and that the database server is running.", e);
        }
    }

    /** A workflow reaches only the data sources configured for it (safe by default: none listed, none may). */
    static void checkAllowed(DataSources sources, String name, String runId) throws StepFailure {
        java.util.Set<String> allowed = sources.allowedWorkflows(name);
        if (allowed.contains("*")) {
            return;
        }
        String workflow = sources.workflowOf(runId).orElseThrow(() -> new StepFailure("parameter dataSource: data"
                + " source '" + name + "' is for " + (allowed.isEmpty() ? "no workflow" : "the workflows " + allowed)
                + ", and this run's workflow is not known to the engine"));
        if (!allowed.contains(workflow)) {
            throw new StepFailure("parameter dataSource: workflow '" + workflow + "' may not use data source '" + name
                    + "': " + (allowed.isEmpty() ? "its configuration lists no workflow" : "it is for " + allowed)
                    + ". An admin adds '" + workflow + "' to " + DataSources.WORKFLOWS_PROPERTY + " in "
                    + DataSources.configFile(name) + " (" + DataSources.WORKFLOWS_PROPERTY + " = * lets every workflow"
                    + " use it).");
        }
    }

    /**
     * Polls for a source whose cfg file is read but whose service is not registered yet: a run
     * started while Karaf boots (a schedule, a REST call) would otherwise fail with "no data source".
     */
    private static Optional<DataSource> awaitRegistration(DataSources sources, String name, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        Optional<DataSource> found = sources.find(name);
        while (found.isEmpty() && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            found = sources.find(name);
        }
        return found;
    }

    static String notUp(String name, Duration waited) {
        return "parameter dataSource: data source '" + name + "' is configured in " + DataSources.configFile(name)
                + " but did not come up within " + waited.toSeconds() + " s. If Karaf is still starting, run again in"
                + " a moment; otherwise check osgi.jdbc.driver.name in that file (its driver must be installed, e.g."
                + " 'H2 JDBC Driver') and data/log/karaf.log.";
    }

    static String missing(DataSources sources, String name) {
        StringBuilder m = new StringBuilder("parameter dataSource: no data source '").append(name)
                .append("' is configured; create ").append(DataSources.configFile(name))
                .append(" (see the README, \"Databases\")");
        m.append('.');
        NearestName.among(name, sources.names()).ifPresent(n -> m.append(" Did you mean '").append(n).append("'?"));
        m.append(sources.names().isEmpty() ? " No data source is configured." : " Configured: " + sources.names());
        return m.toString();
    }

    /**
     * The driver's own words, without the pool's wrapping: the innermost SQLException's message,
     * which says what the server or the network refused ("password authentication failed",
     * "Connection to localhost:5433 refused"); below it are socket errors that lose the host.
     * Never a stack trace.
     */
    static String reason(Throwable e) {
        String message = null;
        String any = null;
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                any = t.getMessage();
                if (t instanceof SQLException) {
                    message = any;
                }
            }
        }
        message = message == null ? any : message;
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        String firstLine = message.strip().lines().findFirst().orElse(message);
        return firstLine.length() > 300 ? firstLine.substring(0, 300) + "..." : firstLine;
    }
}

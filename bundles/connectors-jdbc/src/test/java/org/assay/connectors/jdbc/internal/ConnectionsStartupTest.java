package org.assay.connectors.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.time.Duration;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.assay.api.step.StepFailure;
import org.junit.jupiter.api.Test;

/** A run started while Karaf boots: the cfg file is read, the DataSource service not registered yet. */
class ConnectionsStartupTest {

    /** A configured source that is registered only from the {@code registeredAtLook}-th look on. */
    private static DataSources comingUp(int registeredAtLook) {
        DataSource h2 = TestSources.h2("late");
        AtomicInteger looks = new AtomicInteger();
        return new DataSources() {
            @Override
            public Optional<DataSource> find(String name) {
                return "assay".equals(name) && looks.incrementAndGet() >= registeredAtLook ? Optional.of(h2)
                        : Optional.empty();
            }

            @Override
            public boolean configured(String name) {
                return "assay".equals(name);
            }

            @Override
            public SortedSet<String> names() {
                return new TreeSet<>();
            }

            @Override
            public java.util.Set<String> allowedWorkflows(String name) {
                return java.util.Set.of("*");
            }

            @Override
            public Optional<String> workflowOf(String runId) {
                return Optional.of("crm-setup");
            }
        };
    }

    @Test
    void aRunWaitsForAConfiguredSourceThatIsStillComingUp() throws Exception {
        try (Connection c = Connections.open(comingUp(3), "assay", "run-1", Duration.ofSeconds(30))) {
            assertTrue(c.isValid(1));
        }
    }

    @Test
    void aConfiguredSourceThatNeverComesUpIsNotCalledMissing() {
        StepFailure f = assertThrows(StepFailure.class,
                () -> Connections.open(comingUp(Integer.MAX_VALUE), "assay", "run-1", Duration.ZERO));
        assertEquals("parameter dataSource: data source 'assay' is configured in etc/org.ops4j.datasource-assay.cfg"
                + " but did not come up within 0 s. If Karaf is still starting, run again in a moment; otherwise check"
                + " osgi.jdbc.driver.name in that file (its driver must be installed, e.g. 'H2 JDBC Driver') and"
                + " data/log/karaf.log.", f.getMessage());
    }

    @Test
    void anUnconfiguredSourceFailsAtOnceWithTheCfgFileToCreate() {
        StepFailure f = assertThrows(StepFailure.class,
                () -> Connections.open(comingUp(1), "crm", "run-1", Duration.ofSeconds(30)));
        assertTrue(f.getMessage().startsWith("parameter dataSource: no data source 'crm' is configured; create"
                + " etc/org.ops4j.datasource-crm.cfg"), f.getMessage());
    }
}

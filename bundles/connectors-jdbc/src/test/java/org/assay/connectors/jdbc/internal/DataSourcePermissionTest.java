package org.assay.connectors.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.assay.api.step.StepFailure;
import org.junit.jupiter.api.Test;

/** A workflow reaches only the data sources whose cfg lists it (assay.workflows). */
class DataSourcePermissionTest {

    private static DataSources sources(Set<String> allowed, String workflow) {
        DataSource h2 = TestSources.h2("perm");
        return new DataSources() {
            @Override
            public Optional<DataSource> find(String name) {
                return "crm".equals(name) ? Optional.of(h2) : Optional.empty();
            }

            @Override
            public SortedSet<String> names() {
                return new TreeSet<>(List.of("crm"));
            }

            @Override
            public Set<String> allowedWorkflows(String name) {
                return allowed;
            }

            @Override
            public Optional<String> workflowOf(String runId) {
                return Optional.ofNullable(workflow);
            }
        };
    }

    @Test
    void aListedWorkflowAndTheStarConnect() throws Exception {
        Connections.open(sources(Set.of("churn", "export"), "churn"), "crm", "run-1").close();
        Connections.open(sources(Set.of("*"), "anything"), "crm", "run-1").close();
        Connections.open(sources(Set.of(), "anything"), "crm", null).close();
    }

    @Test
    void anotherWorkflowIsRefusedWithTheFileToEdit() {
        StepFailure f = assertThrows(StepFailure.class, () -> Connections.open(sources(Set.of("churn"), "dropped"),
                "crm", "run-1"));
        assertTrue(f.getMessage().contains("workflow 'dropped' may not use data source 'crm': it is for [churn]"),
                f.getMessage());
        assertTrue(f.getMessage().contains("etc/org.ops4j.datasource-crm.cfg"), f.getMessage());
    }

    @Test
    void noListMeansNoWorkflowAndAnUnknownRunIsRefused() {
        StepFailure none = assertThrows(StepFailure.class, () -> Connections.open(sources(Set.of(), "churn"), "crm",
                "run-1"));
        assertTrue(none.getMessage().contains("lists no workflow"), none.getMessage());
        StepFailure unknown = assertThrows(StepFailure.class, () -> Connections.open(sources(Set.of("churn"), null),
                "crm", "run-1"));
        assertTrue(unknown.getMessage().contains("not known to the engine"), unknown.getMessage());
    }

    @Test
    void theCfgValueIsACommaListOrAnArray() {
        assertEquals(Set.of("a", "b"), DataSourceTracker.parse(" a, b ,"));
        assertEquals(Set.of("a", "b"), DataSourceTracker.parse(new String[] {"a", " b"}));
        assertEquals(Set.of(), DataSourceTracker.parse(null));
        assertEquals(Set.of("*"), DataSourceTracker.parse("*"));
    }
}

package org.assay.connectors.jdbc.internal;

import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import javax.sql.DataSource;

/**
 * The data sources a workflow may name, by their {@code dataSourceName}. The running platform
 * tracks the DataSource services pax-jdbc-config registers ({@link DataSourceTracker}); tests
 * give a map. Thread-safe.
 */
interface DataSources {

    /** The service property pax-jdbc-config sets from the {@code dataSourceName} of the cfg file. */
    String NAME_PROPERTY = "dataSourceName";

    Optional<DataSource> find(String name);

    /** The names configured now, for messages. */
    SortedSet<String> names();

    /**
     * Whether a configuration for this source exists (a cfg file), registered as a service or
     * not: while Karaf starts, the file is read before pax-jdbc-config registers its source.
     */
    default boolean configured(String name) {
        return find(name).isPresent();
    }

    /** The cfg property listing the workflows that may use a source ({@code *}: every workflow). */
    String WORKFLOWS_PROPERTY = "assay.workflows";

    /**
     * The workflows the named source's configuration allows ({@value #WORKFLOWS_PROPERTY}); empty
     * when it lists none, which allows none.
     */
    Set<String> allowedWorkflows(String name);

    /** The workflow of a run the engine knows; empty when it knows no such run. */
    Optional<String> workflowOf(String runId);

    /** The file an administrator edits to configure the named source. */
    static String configFile(String name) {
        return "etc/org.ops4j.datasource-" + name + ".cfg";
    }
}

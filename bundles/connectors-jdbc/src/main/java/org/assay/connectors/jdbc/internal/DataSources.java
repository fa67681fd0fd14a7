package org.assay.connectors.jdbc.internal;

import java.util.Optional;
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

    /** The file an administrator edits to configure the named source. */
    static String configFile(String name) {
        return "etc/org.ops4j.datasource-" + name + ".cfg";
    }
}

package org.assay.connectors.jdbc.internal;

import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Every {@link DataSource} service with a {@code dataSourceName}, by that name. Dynamic and
 * greedy: a cfg file added, edited or removed while Karaf runs is seen by the next step run,
 * and the step types never restart for it.
 */
@Component(service = DataSources.class)
public final class DataSourceTracker implements DataSources {

    private final Map<String, DataSource> byName = new ConcurrentHashMap<>();

    @Reference(service = DataSource.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bind(DataSource source, Map<String, Object> properties) {
        Object name = properties.get(NAME_PROPERTY);
        if (name != null) {
            byName.put(name.toString(), source);
        }
    }

    void unbind(DataSource source, Map<String, Object> properties) {
        Object name = properties.get(NAME_PROPERTY);
        if (name != null) {
            byName.remove(name.toString(), source);
        }
    }

    @Override
    public Optional<DataSource> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    @Override
    public SortedSet<String> names() {
        return new TreeSet<>(byName.keySet());
    }
}

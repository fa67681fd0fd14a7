package org.assay.connectors.jdbc.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.assay.engine.RunInfo;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
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

    /** The factory PID of pax-jdbc-config's data source configurations. */
    static final String FACTORY_PID = "org.ops4j.datasource";

    private final Map<String, DataSource> byName = new ConcurrentHashMap<>();
    private final BundleContext context;
    private final ConfigurationAdmin configurations;

    /** The engine is asked per call ({@link EngineRuns}): never a DS reference. */
    @Activate
    public DataSourceTracker(BundleContext context, @Reference ConfigurationAdmin configurations) {
        this.context = context;
        this.configurations = configurations;
    }

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

    @Override
    public boolean configured(String name) {
        try {
            return byName.containsKey(name) || configurations.listConfigurations("(&(service.factoryPid="
                    + FACTORY_PID + ")(" + NAME_PROPERTY + "=" + escape(name) + "))") != null;
        } catch (IOException | InvalidSyntaxException e) {
            return false;
        }
    }

    @Override
    public Set<String> allowedWorkflows(String name) {
        try {
            Configuration[] found = configurations.listConfigurations("(&(service.factoryPid=" + FACTORY_PID
                    + ")(" + NAME_PROPERTY + "=" + escape(name) + "))");
            if (found == null) {
                return Set.of();
            }
            Set<String> allowed = new TreeSet<>();
            for (Configuration c : found) {
                Object value = c.getProperties() == null ? null : c.getProperties().get(WORKFLOWS_PROPERTY);
                allowed.addAll(parse(value));
            }
            return allowed;
        } catch (IOException | InvalidSyntaxException e) {
            return Set.of();
        }
    }

    /** The workflow ids of an assay.workflows value: a comma-separated list, or an array. */
    static Set<String> parse(Object value) {
        if (value == null) {
            return Set.of();
        }
        java.util.stream.Stream<String> items = value instanceof String[] a ? Arrays.stream(a)
                : value instanceof java.util.Collection<?> c ? c.stream().map(String::valueOf)
                : Arrays.stream(value.toString().split(","));
        return items.map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String escape(String value) {
        StringBuilder b = new StringBuilder();
        for (char ch : value.toCharArray()) {
            if (ch == '\\' || ch == '*' || ch == '(' || ch == ')') {
                b.append('\\');
            }
            b.append(ch);
        }
        return b.toString();
    }

    @Override
    public Optional<String> workflowOf(String runId) {
        return EngineRuns.find(context, runId).map(RunInfo::workflowId);
    }
}

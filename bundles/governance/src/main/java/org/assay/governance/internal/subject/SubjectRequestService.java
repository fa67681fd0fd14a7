package org.assay.governance.internal.subject;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.assay.api.audit.AuditLog;
import org.assay.engine.RunService;
import org.assay.engine.WorkflowService;
import org.assay.governance.internal.GovernanceConfig;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** The subject requests as a service of this bundle, for its commands (and a REST layer later). */
@Component(service = SubjectRequestService.class, configurationPid = "org.assay.governance")
public final class SubjectRequestService {

    /** The service property pax-jdbc-config sets from the cfg file's dataSourceName. */
    static final String NAME_PROPERTY = "dataSourceName";

    private final Map<String, DataSource> dataSources = new ConcurrentHashMap<>();
    private final SubjectRequests requests;

    @Activate
    public SubjectRequestService(@Reference RunService runs, @Reference WorkflowService workflows,
            @Reference AuditLog audit, GovernanceConfig config) {
        String base = System.getProperty("karaf.base", ".");
        Path data = Path.of(System.getProperty("karaf.data", base + "/data"));
        this.requests = new SubjectRequests(new SubjectRequests.Places(
                path(config.dataFolder(), Path.of(base, "workflows")),
                path(config.modelFolder(), data.resolve("assay").resolve("models")),
                path(config.exportDir(), data.resolve("subject-requests"))),
                runs, workflows, audit, name -> Optional.ofNullable(dataSources.get(name)), Clock.systemUTC());
    }

    private static Path path(String configured, Path fallback) {
        return (configured.isBlank() ? fallback : Path.of(configured)).toAbsolutePath().normalize();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(" + NAME_PROPERTY + "=*)")
    void addDataSource(DataSource ds, Map<String, Object> props) {
        dataSources.put(String.valueOf(props.get(NAME_PROPERTY)), ds);
    }

    void removeDataSource(DataSource ds, Map<String, Object> props) {
        dataSources.remove(String.valueOf(props.get(NAME_PROPERTY)), ds);
    }

    public Path export(SubjectKey key, String principal) throws IOException {
        return requests.export(key, principal);
    }

    public SubjectRequests.Erasure erase(SubjectKey key, CsvRows.Erasure how, boolean rerun, String principal)
            throws IOException {
        return requests.erase(key, how, rerun, principal);
    }

    public SubjectScan scan(SubjectKey key) throws IOException {
        return requests.scan(key);
    }
}

package org.assay.governance.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.assay.api.audit.DataProvenance;
import org.assay.engine.RunInfo;
import org.assay.engine.RunService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Provenance from the workflow a run ran, as the run folder keeps it ({@code workflow.json}):
 * its declared purpose, and its consent-filter steps as the consent basis.
 */
@Component(service = DataProvenance.class)
public final class RunDataProvenance implements DataProvenance {

    static final String WORKFLOW_FILE = "workflow.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Function<String, Optional<RunInfo>> runs;

    /**
     * The engine is looked up per call, never referenced: the model store (needed by weka-classify's
     * step type, which the engine tracks) references this service, so a DS reference from here to
     * RunService made a cycle that left the engine uncreated.
     */
    @Activate
    public RunDataProvenance(BundleContext context) {
        this.runs = runId -> {
            ServiceReference<RunService> ref = context.getServiceReference(RunService.class);
            if (ref == null) {
                return Optional.empty();
            }
            RunService service = context.getService(ref);
            try {
                return service == null ? Optional.empty() : service.get(runId);
            } finally {
                context.ungetService(ref);
            }
        };
    }

    RunDataProvenance(Function<String, Optional<RunInfo>> runs) {
        this.runs = runs;
    }

    @Override
    public Map<String, String> ofRun(String runId) {
        Optional<RunInfo> run = runs.apply(runId);
        if (run.isEmpty() || run.get().folder() == null) {
            return Map.of();
        }
        return of(run.get().folder().resolve(WORKFLOW_FILE));
    }

    /** The provenance a workflow document gives; what it cannot say, it says so. */
    static Map<String, String> of(Path workflowFile) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(workflowFile));
        } catch (IOException e) {
            out.put(PURPOSES, "unknown (the run's workflow.json cannot be read)");
            out.put(CONSENT_BASIS, "unknown");
            return out;
        }
        out.put(PURPOSES, root.path("purpose").isTextual() ? root.path("purpose").asText() : "none declared");
        List<String> basis = new ArrayList<>();
        for (JsonNode s : root.path("steps")) {
            if ("consent-filter".equals(s.path("type").asText())) {
                JsonNode p = s.path("params");
                basis.add("consent-filter '" + s.path("id").asText() + "' for " + p.path("purpose").asText()
                        + (p.hasNonNull("column") ? " from column " + p.path("column").asText()
                                : " from the consent table on " + p.path("on").asText()));
            }
        }
        out.put(CONSENT_BASIS, basis.isEmpty() ? "none: no consent-filter step" : String.join("; ", basis));
        return out;
    }
}

package org.assay.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assay.api.audit.AuditAction;
import org.assay.api.audit.AuditLog;
import org.assay.api.data.Schema;
import org.assay.api.step.PortKind;
import org.assay.api.workflow.StepDefinition;
import org.assay.api.workflow.WorkflowDefinition;
import org.assay.engine.DeployedWorkflow;
import org.assay.engine.RejectedWorkflow;
import org.assay.engine.RunService;
import org.assay.engine.StepSchemas;
import org.assay.engine.ValidationProblem;
import org.assay.engine.WorkflowRejectedException;
import org.assay.engine.WorkflowListener;
import org.assay.engine.WorkflowService;
import org.assay.engine.WorkflowVersion;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates and deploys workflows, keeping every accepted version on disk
 * ({@code <dataDir>/workflows/<id>/v<N>.json}) so the active set survives a restart.
 */
@Component(service = WorkflowService.class, configurationPid = "org.assay.engine")
public final class WorkflowStore implements WorkflowService {

    private static final Logger LOG = LoggerFactory.getLogger(WorkflowStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An active version and its source text. */
    private record Active(DeployedWorkflow deployed, String source) { }

    private final StepRegistry registry;
    private final WorkflowValidator validator;
    private final ResourceLimits limits;
    private final Path root;
    private final Path watchedFolder;
    private final Map<String, Active> active = new ConcurrentHashMap<>();
    /** Files of the watched folder that deploy nothing, by path. */
    private final Map<String, RejectedWorkflow> rejected = new ConcurrentHashMap<>();
    private final List<WorkflowListener> listeners = new CopyOnWriteArrayList<>();
    private volatile AuditLog audit;
    /** Warnings such as "step type not installed" go stale as bundles come and go. */
    private final StepRegistry.Listener warningRefresher = new StepRegistry.Listener() {
        @Override
        public void added(RegisteredStep step) {
            refreshWarnings();
        }

        @Override
        public void removed(RegisteredStep step) {
            refreshWarnings();
        }
    };

    @Activate
    public WorkflowStore(@Reference StepRegistry registry, EngineConfig config) {
        this(registry, EngineSettings.from(config));
    }

    WorkflowStore(StepRegistry registry, EngineSettings settings) {
        this.registry = registry;
        this.validator = new WorkflowValidator(registry, FileAccess.of(settings), settings.limits());
        this.limits = settings.limits();
        this.root = settings.deploymentsDir();
        this.watchedFolder = settings.workflowDir();
        RunEngine.closeDataDir(settings);
        load();
        refreshWarnings();
        registry.addListener(warningRefresher);
    }

    @Deactivate
    void deactivate() {
        registry.removeListener(warningRefresher);
    }

    /** A new listener first hears of every active workflow. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    synchronized void addListener(WorkflowListener listener) {
        listeners.add(listener);
        for (DeployedWorkflow d : list()) {
            notify(listener, () -> listener.deployed(d));
        }
    }

    void removeListener(WorkflowListener listener) {
        listeners.remove(listener);
    }

    /** The audit log, when the governance bundle provides one. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setAudit(AuditLog log) {
        audit = log;
    }

    void unsetAudit(AuditLog log) {
        if (audit == log) {
            audit = null;
        }
    }

    /** One listener's failure neither stops a deployment nor the other listeners. */
    private static void notify(WorkflowListener listener, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.error("Workflow listener {} failed", listener.getClass().getName(), e);
        }
    }

    private synchronized void refreshWarnings() {
        for (Active a : active.values()) {
            List<ValidationProblem> warnings = validator.validate(a.source()).warnings();
            DeployedWorkflow d = a.deployed();
            if (!warnings.equals(d.warnings())) {
                active.put(d.id(), new Active(new DeployedWorkflow(d.definition(), d.version(), d.origin(),
                        d.deployedAt(), warnings, d.lastRejected(), d.deployedBy()), a.source()));
            }
        }
    }

    private void load() {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (DirectoryStream<Path> ids = Files.newDirectoryStream(root)) {
            for (Path dir : ids) {
                Path meta = dir.resolve("active.json");
                if (!Files.isRegularFile(meta)) {
                    continue;
                }
                try {
                    JsonNode m = JSON.readTree(meta.toFile());
                    int version = m.path("version").asInt();
                    String source = Files.readString(dir.resolve("v" + version + ".json"), StandardCharsets.UTF_8);
                    WorkflowDefinition def = WorkflowValidator.readDeployed(source);
                    active.put(def.id(), new Active(new DeployedWorkflow(def, version, m.path("origin").asText(),
                            Instant.parse(m.path("deployedAt").asText()), List.of(), List.of(),
                            m.path("deployedBy").asText(null)), source));
                } catch (IOException | RuntimeException | SourceDocument.SyntaxError e) {
                    LOG.error("Cannot restore deployed workflow from {}: {}", dir, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read deployed workflows under " + root, e);
        }
        LOG.info("Restored {} deployed workflows from {}", active.size(), root);
    }

    @Override
    public List<ValidationProblem> validate(String json, String origin) {
        return validator.validate(json).problems();
    }

    @Override
    public List<ValidationProblem> validateFile(Path file) throws IOException {
        try {
            return validate(WorkflowFileReader.read(file, limits), file.toString());
        } catch (WorkflowRejectedException e) {
            return e.problems();
        }
    }

    @Override
    public DeployedWorkflow deployFile(Path file, String principal) throws WorkflowRejectedException, IOException {
        String json;
        try {
            json = WorkflowFileReader.read(file, limits);
        } catch (WorkflowRejectedException e) {
            rememberRejection(file.toString(), null, e.problems());
            throw e;
        }
        return deploy(json, file.toString(), principal);
    }

    @Override
    public synchronized DeployedWorkflow deploy(String json, String origin, String principal)
            throws WorkflowRejectedException {
        WorkflowValidator.Result result = validator.validate(json);
        if (result.hasErrors()) {
            rememberRejection(origin, idOf(json), result.errors());
            throw new WorkflowRejectedException(origin, result.errors());
        }
        WorkflowDefinition def = result.definition().orElseThrow();
        Active current = active.get(def.id());
        if (current != null && !current.deployed().origin().equals(origin)
                && claims(current.deployed().origin(), def.id())) {
            String owner = current.deployed().origin();
            List<ValidationProblem> problems = List.of(new ValidationProblem("$.id", 0, 0, "workflow id '"
                    + def.id() + "' belongs to " + owner + " (version " + current.deployed().version() + "); "
                    + origin + " is not deployed: give it another id, or delete " + owner
                    + " and this file takes the id over"));
            rememberRejection(origin, def.id(), problems);
            throw new WorkflowRejectedException(origin, problems);
        }
        rejected.remove(origin);
        if (current != null && current.source().equals(json) && current.deployed().origin().equals(origin)) {
            // Same text again (a touched file, a repeated deploy): not a new version.
            DeployedWorkflow same = withRejection(current.deployed(), List.of());
            active.put(def.id(), new Active(same, json));
            return same;
        }
        int version = current == null ? nextVersionOnDisk(def.id()) : current.deployed().version() + 1;
        DeployedWorkflow deployed = new DeployedWorkflow(def, version, origin, Instant.now(), result.warnings(),
                List.of(), principal);
        persist(deployed, json);
        active.put(def.id(), new Active(deployed, json));
        LOG.info("Deployed workflow {} version {} from {} by {}", def.id(), version, origin, deployed.deployedBy());
        for (WorkflowListener l : listeners) {
            notify(l, () -> l.deployed(deployed));
        }
        return deployed;
    }

    /**
     * Whether the file a workflow was deployed from still holds it: it exists and names that
     * id, or names none (a broken edit does not give the id away). A non-file origin
     * ("shell") owns nothing.
     */
    private boolean claims(String origin, String workflowId) {
        Path file;
        try {
            file = Path.of(origin);
        } catch (RuntimeException e) {
            return false;
        }
        if (!file.isAbsolute() || !Files.isRegularFile(file)) {
            return false;
        }
        try {
            String id = idOf(WorkflowFileReader.read(file, limits));
            return id == null || id.equals(workflowId);
        } catch (IOException | WorkflowRejectedException e) {
            return true;
        }
    }

    /**
     * A rejected edit of the file a workflow was deployed from leaves that version running,
     * noted on it; any other rejected file of the watched folder is listed on its own, so it
     * is seen without the Karaf log.
     */
    private synchronized void rememberRejection(String origin, String workflowId, List<ValidationProblem> errors) {
        boolean owner = false;
        for (Active a : active.values()) {
            if (a.deployed().origin().equals(origin)) {
                owner = true;
                active.put(a.deployed().id(), new Active(withRejection(a.deployed(), errors), a.source()));
            }
        }
        if (!owner && inWatchedFolder(origin)) {
            rejected.put(origin, new RejectedWorkflow(origin, workflowId, Instant.now(), errors));
        }
    }

    private boolean inWatchedFolder(String origin) {
        try {
            Path file = Path.of(origin);
            return file.isAbsolute() && file.normalize().startsWith(watchedFolder);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The watched folder no longer has this file. */
    void forgetFile(String origin) {
        rejected.remove(origin);
    }

    @Override
    public List<RejectedWorkflow> rejected() {
        return rejected.values().stream().sorted(Comparator.comparing(RejectedWorkflow::origin)).toList();
    }

    private static DeployedWorkflow withRejection(DeployedWorkflow d, List<ValidationProblem> problems) {
        return new DeployedWorkflow(d.definition(), d.version(), d.origin(), d.deployedAt(), d.warnings(), problems,
                d.deployedBy());
    }

    /** The id of a document that may not even be valid JSON (best effort). */
    static String idOf(String json) {
        try {
            JsonNode id = SourceDocument.parse(json).root().path("id");
            return id.isTextual() ? id.textValue() : null;
        } catch (SourceDocument.SyntaxError e) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
            return m.find() ? m.group(1) : null;
        }
    }

    private int nextVersionOnDisk(String id) {
        Path dir = root.resolve(id);
        if (!Files.isDirectory(dir)) {
            return 1;
        }
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("v\\d+\\.json"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.length() - 5)))
                    .max().orElse(0) + 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void persist(DeployedWorkflow d, String json) {
        Path dir = root.resolve(d.id());
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("v" + d.version() + ".json"), json, StandardCharsets.UTF_8);
            Files.deleteIfExists(dir.resolve("undeployed.json"));
            ObjectNode meta = JSON.createObjectNode();
            meta.put("version", d.version());
            meta.put("origin", d.origin());
            meta.put("deployedAt", d.deployedAt().toString());
            meta.put("deployedBy", d.deployedBy());
            // Kept per version too: active.json says only who deployed the active one.
            Files.writeString(dir.resolve("v" + d.version() + ".meta.json"), meta.toPrettyString(),
                    StandardCharsets.UTF_8);
            Path tmp = dir.resolve("active.json.tmp");
            Files.writeString(tmp, meta.toPrettyString(), StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve("active.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store workflow " + d.id() + " under " + dir, e);
        }
    }

    @Override
    public synchronized boolean undeploy(String workflowId, String principal) {
        Active a = active.remove(workflowId);
        if (a == null) {
            return false;
        }
        String by = principal == null || principal.isBlank() ? RunService.SYSTEM : principal;
        Path dir = root.resolve(workflowId);
        try {
            Files.deleteIfExists(dir.resolve("active.json"));
            // The stored versions stay; this says who took the last one down, and when.
            ObjectNode meta = JSON.createObjectNode();
            meta.put("version", a.deployed().version());
            meta.put("undeployedAt", Instant.now().toString());
            meta.put("undeployedBy", by);
            Files.writeString(dir.resolve("undeployed.json"), meta.toPrettyString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot undeploy " + workflowId, e);
        }
        LOG.info("Undeployed workflow {} by {}", workflowId, by);
        AuditLog log = audit;
        if (log != null) {
            // Only the engine knows who undeployed: the listeners below are told the id alone.
            log.record(by, AuditAction.UNDEPLOY, workflowId, Map.of("version", Integer.toString(a.deployed().version())));
        }
        for (WorkflowListener l : listeners) {
            notify(l, () -> l.undeployed(workflowId));
        }
        return true;
    }

    @Override
    public List<DeployedWorkflow> list() {
        return active.values().stream().map(Active::deployed)
                .sorted(Comparator.comparing(DeployedWorkflow::id)).toList();
    }

    @Override
    public Optional<DeployedWorkflow> get(String workflowId) {
        return Optional.ofNullable(active.get(workflowId)).map(Active::deployed);
    }

    @Override
    public Optional<String> source(String workflowId) {
        return Optional.ofNullable(active.get(workflowId)).map(Active::source);
    }

    @Override
    public List<WorkflowVersion> versions(String workflowId) {
        Path dir = storedDir(workflowId);
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        Active current = active.get(workflowId);
        int activeVersion = current == null ? -1 : current.deployed().version();
        List<Integer> numbers;
        try (var files = Files.list(dir)) {
            numbers = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("v\\d{1,9}\\.json"))
                    .map(n -> Integer.parseInt(n.substring(1, n.length() - 5)))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the versions of workflow " + workflowId + " in " + dir, e);
        }
        List<WorkflowVersion> out = new ArrayList<>();
        for (int v : numbers) {
            if (v == activeVersion) {
                DeployedWorkflow d = current.deployed();
                out.add(new WorkflowVersion(v, true, d.deployedAt(), d.deployedBy(), d.origin()));
                continue;
            }
            Path meta = dir.resolve("v" + v + ".meta.json");
            if (!Files.isRegularFile(meta)) {
                out.add(new WorkflowVersion(v, false, null, null, null));
                continue;
            }
            try {
                JsonNode m = JSON.readTree(meta.toFile());
                out.add(new WorkflowVersion(v, false, Instant.parse(m.path("deployedAt").asText()),
                        m.path("deployedBy").asText(null), m.path("origin").asText(null)));
            } catch (IOException | RuntimeException e) {
                // A damaged note does not hide the version: its text is still there.
                LOG.warn("Cannot read {}: {}", meta, e.getMessage());
                out.add(new WorkflowVersion(v, false, null, null, null));
            }
        }
        return out;
    }

    @Override
    public Optional<String> source(String workflowId, int version) {
        Path dir = storedDir(workflowId);
        if (dir == null || version < 1) {
            return Optional.empty();
        }
        Path file = dir.resolve("v" + version + ".json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read version " + version + " of workflow " + workflowId, e);
        }
    }

    /** The folder of a workflow's stored versions; null for an id that breaks the id rule (no path tricks). */
    private Path storedDir(String workflowId) {
        if (workflowId == null || !workflowId.matches(WorkflowSchema.ID_PATTERN)) {
            return null;
        }
        return root.resolve(workflowId);
    }

    @Override
    public Optional<List<StepSchemas>> outputSchemas(String workflowId) {
        Active a = active.get(workflowId);
        if (a == null) {
            return Optional.empty();
        }
        // Validated again, not remembered from the deployment: step types come and go, and
        // their answers with them.
        Map<String, Map<String, Schema>> known = validator.validate(a.source()).schemas();
        List<StepSchemas> out = new ArrayList<>();
        for (StepDefinition s : a.deployed().definition().steps()) {
            Optional<RegisteredStep> provider = registry.provider(s.type());
            Map<String, Optional<Schema>> outputs = new LinkedHashMap<>();
            Map<String, Schema> schemas = known.getOrDefault(s.id(), Map.of());
            provider.ifPresent(p -> p.info().descriptor().outputs().stream()
                    .filter(port -> port.kind() == PortKind.DATASET)
                    .forEach(port -> outputs.put(port.name(), Optional.ofNullable(schemas.get(port.name())))));
            out.add(new StepSchemas(s.id(), s.type(), provider.isPresent(), outputs));
        }
        return Optional.of(out);
    }
}

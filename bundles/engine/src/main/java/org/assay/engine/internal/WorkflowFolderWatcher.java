package org.assay.engine.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.assay.engine.RejectedWorkflow;
import org.assay.engine.WorkflowRejectedException;
import org.assay.engine.WorkflowService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deploys the {@code *.json} files of the workflow folder: a new file is deployed, an
 * edited file becomes a new version (or is rejected, leaving the old one active), a
 * deleted file undeploys its workflow. A workflow id belongs to one file: another file
 * naming it is rejected, and takes it over when the owner is deleted or renames its id. Scans on an interval rather than with a
 * WatchService, which misses events on some file systems and editors' rename-saves.
 */
@Component(immediate = true, configurationPid = "org.assay.engine")
public final class WorkflowFolderWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(WorkflowFolderWatcher.class);

    /**
     * What was last seen of a file, to notice changes: the workflow id it names (null if
     * none), and whether it was rejected (then it may take the id over from its owner).
     */
    private record Seen(long modified, long size, String workflowId, boolean rejected) { }

    private final WorkflowService workflows;
    private final WorkflowStore store;
    private final Path folder;
    private final Map<Path, Seen> seen = new HashMap<>();
    private final ScheduledExecutorService timer;

    @Activate
    public WorkflowFolderWatcher(@Reference WorkflowService workflows, EngineConfig config) {
        this(workflows, EngineSettings.from(config));
    }

    WorkflowFolderWatcher(WorkflowService workflows, EngineSettings settings) {
        this.workflows = workflows;
        this.store = workflows instanceof WorkflowStore s ? s : null;
        this.folder = settings.workflowDir();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "assay-workflow-folder");
            t.setDaemon(true);
            return t;
        });
        long every = settings.scanInterval().toMillis();
        timer.scheduleWithFixedDelay(this::scanQuietly, 0, every, TimeUnit.MILLISECONDS);
        LOG.info("Watching {} for workflow files", folder);
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }

    private void scanQuietly() {
        try {
            scan();
        } catch (RuntimeException e) {
            LOG.error("Scanning {} failed: {}", folder, e.getMessage(), e);
        }
    }

    /** One pass over the folder. Package-private so tests can drive it without waiting. */
    synchronized void scan() {
        if (!Files.isDirectory(folder)) {
            return;
        }
        Set<Path> present = new HashSet<>();
        List<Path> changed = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.json")) {
            for (Path file : files) {
                present.add(file);
                long modified = Files.getLastModifiedTime(file).toMillis();
                long size = Files.size(file);
                Seen before = seen.get(file);
                if (before != null && before.modified() == modified && before.size() == size) {
                    continue;
                }
                seen.put(file, deploy(file, modified, size, before));
                changed.add(file);
            }
        } catch (IOException e) {
            LOG.error("Cannot list {}: {}", folder, e.getMessage());
            return;
        }
        for (Path gone : new HashSet<>(seen.keySet())) {
            if (!present.contains(gone)) {
                Seen s = seen.remove(gone);
                if (store != null) {
                    store.forgetFile(gone.toString());
                }
                if (s.workflowId() != null && owns(gone, s.workflowId()) && !handOver(s.workflowId(), gone)) {
                    workflows.undeploy(s.workflowId());
                    LOG.info("{} was deleted: workflow {} undeployed", gone, s.workflowId());
                }
            }
        }
        for (Path file : changed) {
            Seen s = seen.get(file);
            if (s != null && !s.rejected()) {
                handOverFrom(file);
            }
        }
    }

    private boolean owns(Path file, String workflowId) {
        return workflows.get(workflowId).map(d -> d.origin().equals(file.toString())).orElse(false);
    }

    /**
     * Ids deployed from {@code file} that it no longer names (its id was edited) go to a file
     * that was refused them; with none, they stay deployed as before.
     */
    private void handOverFrom(Path file) {
        String named = seen.get(file).workflowId();
        for (var d : workflows.list()) {
            if (d.origin().equals(file.toString()) && !d.id().equals(named)) {
                handOver(d.id(), file);
            }
        }
    }

    /**
     * Deploys the first (by name) file that was refused {@code workflowId} because
     * {@code owner} had it. @return whether one took it
     */
    private boolean handOver(String workflowId, Path owner) {
        List<Path> heirs = seen.entrySet().stream()
                .filter(e -> e.getValue().rejected() && workflowId.equals(e.getValue().workflowId()))
                .map(Map.Entry::getKey).sorted().toList();
        for (Path heir : heirs) {
            Seen before = seen.get(heir);
            Seen after = deploy(heir, before.modified(), before.size(), before);
            seen.put(heir, after);
            if (!after.rejected()) {
                LOG.info("Workflow {} passed from {} to {}", workflowId, owner, heir);
                return true;
            }
        }
        return false;
    }

    private Seen deploy(Path file, long modified, long size, Seen before) {
        try {
            return new Seen(modified, size, workflows.deployFile(file).id(), false);
        } catch (IOException e) {
            LOG.error("Cannot read {}: {}", file, e.getMessage());
            return before == null ? new Seen(modified, size, null, true) : before;
        } catch (WorkflowRejectedException e) {
            LOG.error("Rejected {}; the previously deployed version (if any) stays active.\n{}", file, e.getMessage());
            String id = workflows.rejected().stream().filter(r -> r.origin().equals(file.toString()))
                    .map(RejectedWorkflow::workflowId).filter(Objects::nonNull).findFirst()
                    .orElse(before == null ? null : before.workflowId());
            // A refused edit of the owner leaves its workflow deployed: that file still owns the id.
            return new Seen(modified, size, id, id == null || !owns(file, id));
        }
    }
}

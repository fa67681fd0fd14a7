package org.assay.engine.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 * deleted file undeploys its workflow. Scans on an interval rather than with a
 * WatchService, which misses events on some file systems and editors' rename-saves.
 */
@Component(immediate = true, configurationPid = "org.assay.engine")
public final class WorkflowFolderWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(WorkflowFolderWatcher.class);

    /** What was last seen of a file, to notice changes. */
    private record Seen(long modified, long size, String workflowId) { }

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
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.json")) {
            for (Path file : files) {
                present.add(file);
                long modified = Files.getLastModifiedTime(file).toMillis();
                long size = Files.size(file);
                Seen before = seen.get(file);
                if (before != null && before.modified() == modified && before.size() == size) {
                    continue;
                }
                seen.put(file, new Seen(modified, size, deploy(file, before)));
            }
        } catch (IOException e) {
            LOG.error("Cannot list {}: {}", folder, e.getMessage());
            return;
        }
        for (Path gone : new HashSet<>(seen.keySet())) {
            if (!present.contains(gone)) {
                Seen s = seen.remove(gone);
                if (s.workflowId() != null && workflows.get(s.workflowId())
                        .map(d -> d.origin().equals(gone.toString())).orElse(false)) {
                    workflows.undeploy(s.workflowId());
                    LOG.info("{} was deleted: workflow {} undeployed", gone, s.workflowId());
                }
            }
        }
    }

    /** @return the workflow id the file now holds (or held, if rejected) */
    private String deploy(Path file, Seen before) {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.error("Cannot read {}: {}", file, e.getMessage());
            return before == null ? null : before.workflowId();
        }
        try {
            return workflows.deploy(json, file.toString()).id();
        } catch (WorkflowRejectedException e) {
            LOG.error("Rejected {}; the previously deployed version (if any) stays active.\n{}", file, e.getMessage());
            String id = WorkflowStore.idOf(json);
            if (id == null && before != null) {
                id = before.workflowId();
                if (store != null && id != null) {
                    store.rememberRejectionOf(id, e.problems());
                }
            }
            return id;
        }
    }
}

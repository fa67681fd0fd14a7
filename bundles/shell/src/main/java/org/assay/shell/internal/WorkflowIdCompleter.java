package org.assay.shell.internal;

import java.util.List;
import org.assay.engine.DeployedWorkflow;
import org.assay.engine.WorkflowService;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes the ids of deployed workflows. */
@Service
public class WorkflowIdCompleter implements Completer {

    @Reference
    private WorkflowService workflows;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter s = new StringsCompleter();
        workflows.list().stream().map(DeployedWorkflow::id).forEach(s.getStrings()::add);
        return s.complete(session, commandLine, candidates);
    }
}

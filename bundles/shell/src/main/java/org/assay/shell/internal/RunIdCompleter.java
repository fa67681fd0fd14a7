package org.assay.shell.internal;

import java.util.List;
import org.assay.engine.RunInfo;
import org.assay.engine.RunService;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes run ids, newest first. */
@Service
public class RunIdCompleter implements Completer {

    @Reference
    private RunService runs;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter s = new StringsCompleter();
        runs.list().stream().limit(50).map(RunInfo::runId).forEach(s.getStrings()::add);
        return s.complete(session, commandLine, candidates);
    }
}

package org.assay.shell.internal;

import java.util.List;
import org.assay.engine.StepCatalog;
import org.assay.engine.StepTypeInfo;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes the ids of installed step types. */
@Service
public class StepTypeCompleter implements Completer {

    @Reference
    private StepCatalog catalog;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter s = new StringsCompleter();
        catalog.list().stream().map(StepTypeInfo::typeId).forEach(s.getStrings()::add);
        return s.complete(session, commandLine, candidates);
    }
}

package org.assay.governance.internal.subject;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Command(scope = "assay", name = "subject-export", description = "Collects every stored row about a data subject "
        + "(workflow data files, run outputs and quarantines, reports and logs, tables jdbc-writer wrote) into one JSON "
        + "file, with the runs and models derived from them; audited.")
@Service
public class SubjectExportCommand implements Action {

    @Reference
    private SubjectRequestService requests;

    @Argument(index = 0, name = "key", required = true, description = "The subject's key as stored: a customer id, "
            + "an e-mail address; a cell matches when it equals the key, ignoring case and surrounding spaces")
    private String key;

    @Option(name = "--column", aliases = "-c", multiValued = true, description = "Only look for the key in these "
            + "columns, e.g. -c customer_id -c email (default: every column)")
    private List<String> columns;

    @Override
    public Object execute() throws Exception {
        SubjectKey subject = new SubjectKey(key, columns == null ? Set.of() : Set.copyOf(columns));
        Path file = requests.export(subject, SubjectEraseCommand.principal());
        SubjectScan s = requests.scan(subject);
        System.out.println("Exported " + s.rows() + " rows about " + subject.reference() + " from " + s.findings().size()
                + " places, " + s.derivedRuns().size() + " derived runs and " + s.models().size() + " models to " + file
                + " (readable by the Karaf user only; hand it over, then delete it)");
        if (!s.notSearched().isEmpty()) {
            System.out.println("Not searched (" + s.notSearched().size() + "): " + String.join("; ", s.notSearched()));
        }
        return null;
    }
}

package org.assay.governance.internal.subject;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.ShellUtil;

@Command(scope = "assay", name = "subject-erase", description = "Deletes (or pseudonymises) every stored row about a "
        + "data subject, follows lineage to the runs and models derived from them, marks those models tainted and "
        + "can re-run their workflows without the subject; audited. Run assay:subject-export first to see what goes.")
@Service
public class SubjectEraseCommand implements Action {

    @Reference
    private SubjectRequestService requests;

    @Argument(index = 0, name = "key", required = true, description = "The subject's key as stored: a customer id, "
            + "an e-mail address (a cell matches when it equals the key, ignoring case and surrounding spaces)")
    private String key;

    @Option(name = "--column", aliases = "-c", multiValued = true, description = "Only look for the key in these "
            + "columns (default: every column)")
    private List<String> columns;

    @Option(name = "--mode", description = "delete (default): remove the subject's rows; pseudonymise: keep the rows "
            + "and their numbers, replace every other cell by the subject's pseudonym")
    private String mode = "delete";

    @Option(name = "--rerun", description = "Afterwards, start a run of every deployed workflow whose runs used the "
            + "subject's rows, so outputs and models are made again without them")
    private boolean rerun;

    @Override
    public Object execute() throws Exception {
        CsvRows.Erasure how = switch (mode.trim().toLowerCase(Locale.ROOT)) {
            case "delete" -> CsvRows.Erasure.DELETE;
            case "pseudonymise", "pseudonymize" -> CsvRows.Erasure.PSEUDONYMISE;
            default -> throw new IllegalArgumentException("--mode " + mode + ": use delete or pseudonymise");
        };
        SubjectKey subject = new SubjectKey(key, columns == null ? Set.of() : Set.copyOf(columns));
        SubjectRequests.Erasure e = requests.erase(subject, how, rerun, principal());
        SubjectScan s = e.scan();
        System.out.println((how == CsvRows.Erasure.DELETE ? "Deleted " : "Pseudonymised ") + e.rowsChanged()
                + " rows about " + subject.reference() + " in " + s.findings().size() + " places");
        System.out.println("Derived runs: " + (s.derivedRuns().isEmpty() ? "none" : String.join(", ", s.derivedRuns())));
        System.out.println("Models marked tainted: " + (e.tainted().isEmpty() ? "none" : String.join(", ", e.tainted())));
        if (rerun) {
            System.out.println("Re-runs started: " + (e.reruns().isEmpty() ? "none" : String.join(", ", e.reruns())));
        }
        if (!s.notSearched().isEmpty()) {
            System.out.println("Not searched (" + s.notSearched().size() + "): " + String.join("; ", s.notSearched()));
        }
        if (!e.failures().isEmpty()) {
            throw new IllegalStateException("could not erase " + e.failures().size() + " places: "
                    + String.join("; ", e.failures()));
        }
        return null;
    }

    static String principal() {
        String u = ShellUtil.getCurrentUserName();
        return u == null || u.isBlank() ? "system" : u;
    }
}

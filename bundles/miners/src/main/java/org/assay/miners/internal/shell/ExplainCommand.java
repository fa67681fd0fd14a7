package org.assay.miners.internal.shell;

import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.ShellUtil;
import org.assay.api.audit.AuditAction;
import org.assay.api.audit.AuditLog;
import org.assay.engine.RunService;

@Command(scope = "assay", name = "explain", description = "Shows why a scored row got its score: the prediction and"
        + " probability, the model, and the features that moved it most, each with its typical training value."
        + " Reads the explanations.csv of the run's weka-score step.")
@Service
public class ExplainCommand implements Action {

    @Reference
    private RunService runs;

    @Reference(optional = true)
    private AuditLog audit;

    @Argument(index = 0, name = "run-id", required = true, description = "The run that scored the row, see"
            + " assay:run-list")
    private String runId;

    @Argument(index = 1, name = "key", required = true, description = "The row's key: its id column value (or"
            + " keyColumn's), else its row number")
    private String key;

    @Option(name = "--top", description = "How many features to show (default 5)")
    private int top = 5;

    @Override
    public Object execute() throws Exception {
        if (top < 1) {
            throw new IllegalArgumentException("--top must be 1 or more");
        }
        String explanation = RunExplanation.explain(runs, runId, key, top);
        if (audit != null) {
            // Reading a scored row is reading a run artifact; the row's key is personal data, so it is not recorded.
            audit.record(ShellUtil.getCurrentUserName(), AuditAction.READ, runId, Map.of("artifact", "explanations.csv",
                    "via", "assay:explain"));
        }
        System.out.print(explanation);
        return null;
    }
}

package org.assay.shell.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assay.engine.ValidationProblem;
import org.assay.engine.WorkflowService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;

@Command(scope = "assay", name = "workflow-validate",
        description = "Checks a workflow file, or a deployed workflow, against the installed step types without deploying it.")
@Service
public class WorkflowValidateCommand implements Action {

    @Reference
    private WorkflowService workflows;

    @Argument(index = 0, name = "file-or-id", required = true,
            description = "Path of a workflow JSON file, or the id of a deployed workflow")
    @Completion(FileCompleter.class)
    private String target;

    @Override
    public Object execute() throws Exception {
        Path file = Path.of(target).toAbsolutePath();
        String origin;
        List<ValidationProblem> problems;
        if (Files.isRegularFile(file)) {
            origin = file.toString();
            problems = workflows.validateFile(file);
        } else {
            String json = workflows.source(target).orElseThrow(() -> new IllegalArgumentException(
                    "'" + target + "' is neither a file nor a deployed workflow id"));
            origin = "workflow " + target;
            problems = workflows.validate(json, origin);
        }
        long errors = problems.stream().filter(ValidationProblem::isError).count();
        for (ValidationProblem p : problems) {
            System.out.println(origin + ": " + p);
        }
        if (errors > 0) {
            throw new IllegalArgumentException(origin + " is not valid: " + errors + (errors == 1 ? " error" : " errors"));
        }
        System.out.println(origin + " is valid" + (problems.isEmpty() ? "." : " (with warnings)."));
        return null;
    }
}

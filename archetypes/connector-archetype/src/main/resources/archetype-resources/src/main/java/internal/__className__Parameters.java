package ${package}.internal;

import java.util.ArrayList;
import java.util.List;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Param;

/** The parameters of {@code ${stepId}}, and the rules between them. */
record ${className}Parameters(
        @Param(description = "The file to read, one key=value pair a line. Relative paths start in the workflow "
                + "folder; the engine refuses files outside the folders workflows may read.",
                path = Param.PathUse.READ)
        String path,
        @Param(description = "The longest value kept; a longer line goes to quarantine.", defaultValue = "1000",
                min = 1, max = 1000000)
        int maxValueLength) implements CheckedParameters {

    @Override
    public List<ParameterProblem> problems() {
        List<ParameterProblem> problems = new ArrayList<>();
        if (path == null || path.isBlank()) {
            problems.add(ParameterProblem.of("path", "give the file to read, e.g. \"data/settings.txt\""));
        }
        return problems;
    }
}

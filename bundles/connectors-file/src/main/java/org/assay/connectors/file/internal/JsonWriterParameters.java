package org.assay.connectors.file.internal;

import java.util.ArrayList;
import java.util.List;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Param;
import org.assay.api.step.typed.PiiPolicy;

/** The parameters of {@code json-writer}. */
record JsonWriterParameters(
        @Param(description = "Where to write, confined as csv-writer's path: a relative path goes into the run's "
                + "own folder; an absolute one must lie in the workflow folder's data/ or a writeRoots folder.",
                path = Param.PathUse.WRITE)
        String path,
        @Param(description = "What to do with columns tagged pii (personal data), as in csv-writer.",
                defaultValue = "refuse")
        PiiPolicy pii) implements CheckedParameters {

    @Override
    public List<ParameterProblem> problems() {
        List<ParameterProblem> problems = new ArrayList<>();
        if (path == null || path.isBlank()) {
            problems.add(ParameterProblem.of("path", "give the file to write, e.g. \"customers.jsonl\""));
        }
        return problems;
    }
}

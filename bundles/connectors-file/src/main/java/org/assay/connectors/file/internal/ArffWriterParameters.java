package org.assay.connectors.file.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Param;
import org.assay.api.step.typed.PiiPolicy;

/** The parameters of {@code arff-writer}. */
record ArffWriterParameters(
        @Param(description = "Where to write, confined as csv-writer's path: a relative path goes into the run's "
                + "own folder; an absolute one must lie in the workflow folder's data/ or a writeRoots folder.",
                path = Param.PathUse.WRITE)
        String path,
        @Param(description = "The @relation name; default the file name without its extension.")
        Optional<String> relation,
        @Param(description = "What to do with columns tagged pii (personal data), as in csv-writer.",
                defaultValue = "refuse")
        PiiPolicy pii) implements CheckedParameters {

    @Override
    public List<ParameterProblem> problems() {
        List<ParameterProblem> problems = new ArrayList<>();
        if (path == null || path.isBlank()) {
            problems.add(ParameterProblem.of("path", "give the file to write, e.g. \"churn.arff\""));
        }
        if (relation.isPresent() && (relation.get().isBlank() || relation.get().chars().anyMatch(Character::isISOControl))) {
            problems.add(ParameterProblem.of("relation", "give a name without control characters, e.g. \"churn\""));
        }
        return problems;
    }
}

package org.assay.connectors.file.internal;

import java.util.List;
import java.util.Optional;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Param;

/** The parameters of {@code arff-reader}. */
record ArffReaderParameters(
        @Param(description = "The ARFF file (Weka's Attribute-Relation File Format), plain or gzip-compressed.",
                path = Param.PathUse.READ)
        String path,
        @Param(description = "The attribute to tag target, the value a supervised miner learns: often the class, "
                + "Weka's last attribute.")
        Optional<String> target) implements CheckedParameters {

    @Override
    public List<ParameterProblem> problems() {
        return path == null || path.isBlank()
                ? List.of(ParameterProblem.of("path", "give the ARFF file, e.g. \"data/credit-g.arff\"")) : List.of();
    }
}

package org.assay.transforms.internal.combine;

import java.util.List;
import java.util.Optional;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Param;

/** The parameters of {@code union}. */
record UnionParameters(
        @Param(description = "A column to add that holds the name of the input each row came from (first, second "
                + "or third); left out when not given.")
        Optional<String> sourceColumn) implements CheckedParameters {

    @Override
    public List<ParameterProblem> problems() {
        return sourceColumn.filter(String::isBlank).isPresent()
                ? List.of(ParameterProblem.of("sourceColumn", "must not be blank; leave it out to add no column"))
                : List.of();
    }
}

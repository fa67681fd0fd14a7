package org.assay.privacy.internal.anon;

import java.util.List;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Columns;
import org.assay.api.step.typed.Param;

/** The parameters of {@code risk-report}. */
record RiskReportParameters(
        @Param(description = "The quasi-identifier columns: what an attacker may know about a person.")
        @Columns
        List<String> quasiIdentifiers,
        @Param(description = "Records in classes smaller than k are counted as at risk.", defaultValue = "5",
                min = 2)
        int k) implements CheckedParameters {

    @Override
    public List<ParameterProblem> problems() {
        return quasiIdentifiers.isEmpty()
                ? List.of(ParameterProblem.of("quasiIdentifiers", "name at least one quasi-identifier")) : List.of();
    }
}

package org.assay.governance.internal.consent;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Columns;
import org.assay.api.step.typed.Param;

/** The parameters of {@code consent-filter}, and the rules between them. */
record ConsentFilterParameters(
        @Param(description = "The purpose rows must have consent for, e.g. \"marketing\"; the same as the workflow's "
                + "top-level \"purpose\" (checked at deploy).")
        String purpose,
        @Param(description = "A column of the input that holds each row's consent: a boolean (true: consented to "
                + "this purpose), or text listing the purposes consented to, separated by commas, semicolons, bars or "
                + "spaces (\"marketing;analytics\"). Give this or on, not both.")
        @Columns
        Optional<String> column,
        @Param(description = "The key column of the input (e.g. \"customer_id\") matched against the consent "
                + "table on the consent input. Give this or column, not both.")
        @Columns
        Optional<String> on,
        @Param(description = "The key column of the consent table; empty means the same name as on.")
        @Columns(port = ConsentFilterStepType.CONSENT)
        Optional<String> consentOn,
        @Param(description = "The consent table's column naming the purpose of each row.", defaultValue = "purpose")
        @Columns(port = ConsentFilterStepType.CONSENT)
        String purposeColumn,
        @Param(description = "The consent table's column saying whether consent is given (boolean, or text "
                + "true/yes/1 vs anything else); empty means every row of the table is a consent given. A key "
                + "with both a grant and a withdrawal for the purpose counts as withdrawn.")
        @Columns(port = ConsentFilterStepType.CONSENT)
        Optional<String> grantedColumn) implements CheckedParameters {

    @Override
    public List<ParameterProblem> problems() {
        List<ParameterProblem> problems = new ArrayList<>();
        if (!purpose.matches("[a-z][a-z0-9-]{0,39}")) {
            problems.add(ParameterProblem.of("purpose", "'" + purpose + "' is not a purpose: use lower case letters, "
                    + "digits and '-', e.g. \"marketing\""));
        }
        if (column.isPresent() == on.isPresent()) {
            problems.add(ParameterProblem.of(column.isPresent() ? "on" : "column", "give either column (consent held "
                    + "in a column of the input) or on (the key matched against a consent table), not "
                    + (column.isPresent() ? "both" : "neither")));
        }
        return problems;
    }

    String consentKey() {
        return consentOn.orElse(on.orElse(""));
    }
}

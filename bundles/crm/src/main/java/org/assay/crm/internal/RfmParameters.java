package org.assay.crm.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assay.api.data.FieldType;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Columns;
import org.assay.api.step.typed.Param;

/** The parameters of {@code rfm}. */
record RfmParameters(
        @Param(description = "The column identifying the customer.")
        @Columns
        String customerColumn,
        @Param(description = "The order date (a date or a timestamp, taken as its UTC day).")
        @Columns(types = {FieldType.DATE, FieldType.TIMESTAMP})
        String dateColumn,
        @Param(description = "The order amount. Missing counts as 0; negative amounts are quarantined.")
        @Columns(types = {FieldType.INTEGER, FieldType.DECIMAL})
        String amountColumn,
        @Param(description = AsOf.DESCRIPTION)
        Optional<String> asOf,
        @Param(description = "The monetary value scored: total spend or mean spend per order.", defaultValue = "total")
        Monetary monetary) implements CheckedParameters {

    @Override
    public List<ParameterProblem> problems() {
        List<ParameterProblem> problems = new ArrayList<>();
        AsOf.check(asOf, problems);
        if (customerColumn.equals(dateColumn) || customerColumn.equals(amountColumn)
                || dateColumn.equals(amountColumn)) {
            problems.add(ParameterProblem.of("customerColumn", "customer, date and amount must be three columns"));
        }
        return problems;
    }
}

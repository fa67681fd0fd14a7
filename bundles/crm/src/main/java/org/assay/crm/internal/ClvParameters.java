package org.assay.crm.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assay.api.data.FieldType;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Columns;
import org.assay.api.step.typed.Param;

/** The parameters of {@code clv}. */
record ClvParameters(
        @Param(description = "The column identifying the customer.")
        @Columns
        String customerColumn,
        @Param(description = "The order date (a date or a timestamp, taken as its UTC day). Orders on the same day"
                + " are one purchase.")
        @Columns(types = {FieldType.DATE, FieldType.TIMESTAMP})
        String dateColumn,
        @Param(description = "The order amount. Missing counts as 0; negative amounts are quarantined.")
        @Columns(types = {FieldType.INTEGER, FieldType.DECIMAL})
        String amountColumn,
        @Param(description = AsOf.DESCRIPTION)
        Optional<String> asOf,
        @Param(description = "Predict purchases and value for this many days after asOf.", defaultValue = "365",
                min = 1, max = 3650)
        int horizonDays,
        @Param(description = "Monthly discount rate for the value (0.01 = 1% a month; months of 30 days).",
                defaultValue = "0.01", min = 0, max = 1)
        double discountRate,
        @Param(description = "Evaluate on a split: fit on the orders before asOf minus this many days, compare"
                + " predicted with actual purchases in those days. 0: no evaluation.", defaultValue = "90", min = 0,
                max = 3650)
        int holdoutDays,
        @Param(description = "Fit the models only with at least this many repeat customers; else (or when a fit"
                + " fails) use the historical value.", defaultValue = "20", min = 3, max = 1000000)
        int minRepeatCustomers) implements CheckedParameters {

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

package org.assay.decisions.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assay.api.data.FieldType;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Columns;
import org.assay.api.step.typed.Param;

/** The parameters of {@code next-best-action}, and the rules between them. */
record NextBestActionParameters(
        @Param(description = "Candidates: the customer.", defaultValue = "customer_id")
        @Columns
        String customerColumn,
        @Param(description = "Candidates: the offer, as named in the offers input.", defaultValue = "offer")
        @Columns
        String offerColumn,
        @Param(description = "Candidates: the probability (0 to 1) that the customer takes the offer, from a scoring"
                + " or recommendation step.", defaultValue = "propensity")
        @Columns(types = {FieldType.DECIMAL, FieldType.INTEGER})
        String propensityColumn,
        @Param(description = "Candidates: a segment, for the per-segment summary and the offers' segments column.")
        @Columns
        Optional<String> segmentColumn,
        @Param(description = "Candidates: a churn risk (0 to 1); with churnWeight, saving a customer at risk counts"
                + " more.")
        @Columns(types = {FieldType.DECIMAL, FieldType.INTEGER})
        Optional<String> churnRiskColumn,
        @Param(description = "The objective is propensity x margin x (1 + churnWeight x churn risk) - cost.",
                defaultValue = "0", min = 0, max = 100)
        double churnWeight,
        @Param(description = "The purpose customers must have consented to (e.g. \"marketing\"); the same as the"
                + " workflow's top-level \"purpose\" (checked at deploy). Needed with a text consentColumn or the"
                + " consent input.")
        Optional<String> purpose,
        @Param(description = "Candidates: the customer's consent. A boolean (true: consented to this workflow's"
                + " purpose), or text listing the purposes consented to (\"marketing;analytics\", separated by"
                + " commas, semicolons, bars or spaces; needs purpose). False, null or a list without the purpose is"
                + " never contacted (counted as filtered).")
        @Columns(types = {FieldType.BOOLEAN, FieldType.STRING, FieldType.CATEGORICAL})
        Optional<String> consentColumn,
        @Param(description = "The consent table's key column (on the consent input, as consent-filter reads it:"
                + " key, purpose, optional granted); empty means the same name as customerColumn. Only customers"
                + " with a grant for purpose and no withdrawal are contacted.")
        @Columns(port = NextBestActionStep.CONSENT_PORT)
        Optional<String> consentOn,
        @Param(description = "The consent table's column naming the purpose of each row.", defaultValue = "purpose")
        @Columns(port = NextBestActionStep.CONSENT_PORT)
        String consentPurposeColumn,
        @Param(description = "The consent table's column saying whether consent is given (boolean, or text"
                + " true/yes/1 vs anything else); empty means every row is a consent given.")
        @Columns(port = NextBestActionStep.CONSENT_PORT)
        Optional<String> consentGrantedColumn,
        @Param(description = "Eligibility rules by offer, e.g. {\"upgrade\": \"plan != 'basic' && tenure_months >= 6\"}:"
                + " expressions over the candidates' columns in the sandboxed expression language of derive and"
                + " filter, compiled and checked at deploy. The offers input may also have an eligibility column"
                + " (checked when the run starts); an offer with both needs both to hold.", defaultValue = "{}")
        Map<String, String> eligibility,
        @Param(description = "Candidates: the date of the customer's last contact, for fatigueDays.")
        @Columns(types = {FieldType.DATE, FieldType.TIMESTAMP})
        Optional<String> lastContactColumn,
        @Param(description = "No offer to a customer contacted fewer than this many days before asOf.",
                defaultValue = "0", min = 0, max = 3650)
        int fatigueDays,
        @Param(description = "The day the actions are for (yyyy-mm-dd), for fatigueDays. Default: the run's day (UTC).")
        Optional<String> asOf,
        @Param(description = "Total contact budget (sum of the offers' cost). Default: no limit.", min = 0)
        Optional<Double> budget,
        @Param(description = "Most contacts per channel, e.g. {\"call\": \"200\", \"email\": \"5000\"}; channels"
                + " not named have no limit.", defaultValue = "{}")
        Map<String, String> channelCapacity,
        @Param(description = "Most actions per customer in this run.", defaultValue = "1", min = 1, max = 100)
        int maxPerCustomer,
        @Param(description = "Candidates below this propensity are never chosen.", defaultValue = "0", min = 0,
                max = 1)
        double minPropensity,
        @Param(description = "Monte Carlo runs of the outcome (each action's response drawn from its propensity).",
                defaultValue = "1000", min = 0, max = 100000)
        int simulations,
        @Param(description = "Random seed of the simulation.", defaultValue = "1")
        long seed,
        @Param(description = "The title of a chart of this run drawn from the simulation output (e.g. a histogram"
                + " of revenue); the report's next-best-action section shows it beside the summary.")
        Optional<String> simulationChart) implements CheckedParameters {

    @Override
    public List<ParameterProblem> problems() {
        List<ParameterProblem> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : channelCapacity.entrySet()) {
            try {
                if (Long.parseLong(e.getValue().trim()) < 0) {
                    problems.add(ParameterProblem.of("channelCapacity", e.getKey() + ": must be 0 or more"));
                }
            } catch (NumberFormatException x) {
                problems.add(ParameterProblem.of("channelCapacity", e.getKey() + ": '" + e.getValue()
                        + "' is not a whole number"));
            }
        }
        if (asOf.isPresent()) {
            try {
                java.time.LocalDate.parse(asOf.get());
            } catch (java.time.format.DateTimeParseException x) {
                problems.add(ParameterProblem.of("asOf", "'" + asOf.get() + "' is not a date like 2026-12-01"));
            }
        }
        if (fatigueDays > 0 && lastContactColumn.isEmpty()) {
            problems.add(ParameterProblem.of("fatigueDays", "needs lastContactColumn"));
        }
        if (churnWeight > 0 && churnRiskColumn.isEmpty()) {
            problems.add(ParameterProblem.of("churnWeight", "needs churnRiskColumn"));
        }
        if (purpose.isPresent() && !purpose.get().matches("[a-z][a-z0-9-]{0,39}")) {
            problems.add(ParameterProblem.of("purpose", "'" + purpose.get() + "' is not a purpose: use lower case"
                    + " letters, digits and '-', e.g. \"marketing\""));
        }
        for (Map.Entry<String, String> e : eligibility.entrySet()) {
            try {
                Eligibility.compile(e.getKey(), e.getValue(), null);
            } catch (IllegalArgumentException x) {
                problems.add(ParameterProblem.of("eligibility", x.getMessage()));
            }
        }
        return problems;
    }

    /** The consent table's key column. */
    String consentKey() {
        return consentOn.orElse(customerColumn);
    }
}

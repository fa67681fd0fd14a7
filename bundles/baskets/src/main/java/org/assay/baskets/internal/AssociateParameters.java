package org.assay.baskets.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assay.api.data.FieldType;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Columns;
import org.assay.api.step.typed.Param;

/** The parameters of {@code weka-associate}, and the rules between them. */
record AssociateParameters(
        @Param(description = "Weka associator class under weka.associations that produces rules: "
                + AssociatorSetup.EXAMPLES + ". FPGrowth scales to large baskets; Apriori counts item sets level by"
                + " level and gets slow with many items.", defaultValue = "weka.associations.FPGrowth")
        String algorithm,
        @Param(description = "How the input holds baskets: long (a basket column and an item column, one row per"
                + " order line) or wide (one row per basket, one 0/1 or boolean column per item).",
                defaultValue = "long")
        BasketFormat format,
        @Param(description = "Column that identifies the basket (order number). Required for long; optional for"
                + " wide (rows are baskets either way; without it a basket is named by its row number).",
                defaultValue = "basket_id")
        String basketColumn,
        @Param(description = "Long form: the string, categorical or integer column naming the item (product)"
                + " bought.", defaultValue = "item")
        String itemColumn,
        @Param(description = "Wide form: the item columns. Default: every boolean and integer column except the"
                + " basket column and columns tagged id or pii.", defaultValue = "[]")
        @Columns(types = {FieldType.BOOLEAN, FieldType.INTEGER, FieldType.DECIMAL})
        List<String> itemColumns,
        @Param(description = "Least share of baskets a rule's items must appear in together (0.01 = 1%).",
                defaultValue = "0.01", min = 0.0, max = 1.0)
        double minSupport,
        @Param(description = "Measure Weka filters rules on, with minMetric.", defaultValue = "confidence")
        RuleMeasure metric,
        @Param(description = "Least value of metric a rule must reach, e.g. 0.5 for confidence or 1.2 for lift.",
                defaultValue = "0.5")
        double minMetric,
        @Param(description = "Most items in a rule, both sides together.", defaultValue = "4", min = 2, max = 20)
        int maxRuleLength,
        @Param(description = "Most rules written (the best by sortBy).", defaultValue = "1000", min = 1,
                max = 1_000_000)
        int maxRules,
        @Param(description = "Order of the rules dataset, highest first.", defaultValue = "lift")
        RuleMeasure sortBy,
        @Param(description = "Weka options, as on Weka's command line, used instead of minSupport, metric,"
                + " minMetric and maxRules (maxRuleLength and sortBy still apply to the output). Empty: built"
                + " from those parameters (FPGrowth: -S -M minSupport -T metric -C minMetric -I maxRuleLength"
                + " -N maxRules; Apriori: -Z -M minSupport -T metric -C minMetric -N maxRules). Classes named"
                + " here must be under weka.")
        Optional<String> options) implements CheckedParameters {

    @Override
    public List<ParameterProblem> problems() {
        List<ParameterProblem> problems = new ArrayList<>();
        if (metric == RuleMeasure.SUPPORT) {
            problems.add(ParameterProblem.of("metric", "support is set by minSupport; choose confidence, lift,"
                    + " leverage or conviction"));
        }
        if (minSupport <= 0) {
            problems.add(ParameterProblem.of("minSupport", "must be above 0, e.g. 0.01 for 1% of baskets"));
        }
        if (format == BasketFormat.LONG && (basketColumn.isBlank() || itemColumn.isBlank())) {
            problems.add(ParameterProblem.general("format long needs basketColumn and itemColumn"));
        }
        for (String problem : AssociatorSetup.problems(algorithm.strip(),
                AssociatorSetup.effectiveOptions(algorithm.strip(), this))) {
            String where = problem.startsWith("algorithm: ") ? "algorithm" : "options";
            problems.add(ParameterProblem.of(where, problem.substring(problem.indexOf(": ") + 2)));
        }
        return problems;
    }
}

package org.assay.baskets.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Param;

/** The parameters of {@code recommend}, and the rules between them. */
record RecommendParameters(
        @Param(description = "Purchases: the column identifying the customer.", defaultValue = "customer_id")
        String customerColumn,
        @Param(description = "Purchases: the column naming the item bought (as in the rules).", defaultValue = "item")
        String itemColumn,
        @Param(description = "Purchases: the column identifying the basket (order); used by the evaluation to hold"
                + " out each customer's last basket.", defaultValue = "basket_id")
        String basketColumn,
        @Param(description = "Purchases: a date, timestamp or number that orders a customer's baskets (the latest"
                + " value is the last basket). Default: the order baskets first appear in the input.")
        Optional<String> orderColumn,
        @Param(description = "Items recommended per customer.", defaultValue = "5", min = 1, max = 100)
        int topN,
        @Param(description = "Items listed per product in the related output (frequently bought with).",
                defaultValue = "5", min = 1, max = 100)
        int relatedN,
        @Param(description = "Rules below this confidence are not used.", defaultValue = "0", min = 0, max = 1)
        double minConfidence,
        @Param(description = "Items never recommended (discontinued, out of stock, bags).", defaultValue = "[]")
        List<String> excludeItems,
        @Param(description = "Recommend only items in one of these categories (needs categoryColumn); an item"
                + " whose category is unknown is not recommended.", defaultValue = "[]")
        List<String> onlyCategories,
        @Param(description = "Never recommend items in these categories (needs categoryColumn).", defaultValue = "[]")
        List<String> excludeCategories,
        @Param(description = "Purchases: the column giving each item's category, for categoryRule, onlyCategories"
                + " and excludeCategories.")
        Optional<String> categoryColumn,
        @Param(description = "Which categories a recommended item may be in, relative to the items of the rule"
                + " that fired: any, same or other. Needs categoryColumn unless any.", defaultValue = "any")
        CategoryRule categoryRule,
        @Param(description = "Hold out each customer's last basket, mine rules on the rest with FPGrowth and"
                + " report hit rate, precision@N and recall@N for the rules, for the rules topped up with popular"
                + " items, and for the most popular items alone, the baseline (evaluation.csv).", defaultValue = "true")
        boolean evaluate,
        @Param(description = "FPGrowth options for the evaluation's rules. Default: the options the rules model was"
                + " mined with; for a rules dataset, -S with the least support and confidence and the longest"
                + " rule found in it.")
        Optional<String> evaluationOptions) implements CheckedParameters {

    @Override
    public List<ParameterProblem> problems() {
        List<ParameterProblem> problems = new ArrayList<>();
        for (String[] named : new String[][] {{"customerColumn", customerColumn}, {"itemColumn", itemColumn},
                {"basketColumn", basketColumn}}) {
            if (named[1].isBlank()) {
                problems.add(ParameterProblem.of(named[0], "must name a column of the purchases"));
            }
        }
        if (categoryRule != CategoryRule.ANY && categoryColumn.isEmpty()) {
            problems.add(ParameterProblem.of("categoryColumn", "categoryRule " + categoryRule.name()
                    .toLowerCase(java.util.Locale.ROOT) + " needs the column with each item's category"));
        }
        if ((!onlyCategories.isEmpty() || !excludeCategories.isEmpty()) && categoryColumn.isEmpty()) {
            problems.add(ParameterProblem.of("categoryColumn", (onlyCategories.isEmpty() ? "excludeCategories"
                    : "onlyCategories") + " needs the column with each item's category"));
        }
        if (evaluationOptions.isPresent()) {
            for (String p : AssociatorSetup.problems(weka.associations.FPGrowth.class.getName(),
                    evaluationOptions.get())) {
                problems.add(ParameterProblem.of("evaluationOptions", p.substring(p.indexOf(": ") + 2)));
            }
        }
        return problems;
    }
}

package org.assay.baskets.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import weka.associations.Associator;
import weka.associations.AssociationRulesProducer;

/**
 * Holds out each customer's last basket, mines rules with FPGrowth on every other basket, and
 * scores the top-N recommendations made from the rest of the customer's history against the
 * items of that last basket the customer had not bought before. The baseline recommends the
 * N most popular items (by training baskets) the customer has not bought; a third row fills the
 * slots the rules leave empty with those popular items, as a shop would.
 *
 * <p>Hit rate: share of evaluated customers with at least one recommended item in their last
 * basket. Precision@N: hits / (N x customers). Recall@N: hits / new items in last baskets.
 */
final class RecommendEvaluation {

    /** The scores of one method. */
    record Score(String method, int customers, int covered, long hits, long targets, int n) {
        double hitRate() {
            return customers == 0 ? Double.NaN : (double) covered / customers;
        }

        double precision() {
            return customers == 0 ? Double.NaN : (double) hits / ((long) n * customers);
        }

        double recall() {
            return targets == 0 ? Double.NaN : (double) hits / targets;
        }
    }

    /** Both scores, with the training counts. */
    record Result(Score rules, Score filled, Score popularity, int trainingBaskets, int trainingRules, int skippedNoNewItems,
            int skippedOneBasket) {
    }

    private RecommendEvaluation() {
    }

    static Result run(Purchases purchases, String fpGrowthOptions, int n, double minConfidence, Set<String> excluded,
            CategoryRule categoryRule) throws Exception {
        Transactions training = new Transactions();
        Map<String, Set<String>> history = new HashMap<>();
        Map<String, Set<String>> targets = new HashMap<>();
        int noNewItems = 0;
        int oneBasket = 0;
        for (Map.Entry<String, Map<String, Purchases.Basket>> c : purchases.customers().entrySet()) {
            Map<String, Purchases.Basket> baskets = c.getValue();
            String last = baskets.size() >= 2 ? Purchases.last(baskets) : null;
            Set<String> before = new HashSet<>();
            baskets.forEach((id, b) -> {
                if (!id.equals(last)) {
                    before.addAll(b.items);
                    b.items.forEach(item -> training.add(c.getKey() + "\u0000" + id, item));
                }
            });
            if (last == null) {
                oneBasket++;
                continue;
            }
            Set<String> fresh = new HashSet<>(baskets.get(last).items);
            fresh.removeAll(before);
            if (fresh.isEmpty()) {
                noNewItems++;
                continue;
            }
            history.put(c.getKey(), before);
            targets.put(c.getKey(), fresh);
        }
        List<Rule> rules = List.of();
        Map<String, Integer> popularity = new HashMap<>();
        if (training.basketCount() > 0) {
            Associator fp = AssociatorSetup.create(weka.associations.FPGrowth.class.getName(), fpGrowthOptions);
            fp.buildAssociations(training.toInstances("evaluation"));
            rules = AssociateStep.rules(((AssociationRulesProducer) fp).getAssociationRules().getRules());
            for (int b = 0; b < training.basketCount(); b++) {
                for (String item : training.basket(b)) {
                    popularity.merge(item, 1, Integer::sum);
                }
            }
        }
        List<String> popular = new ArrayList<>(popularity.keySet());
        popular.removeAll(excluded);
        popular.sort((a, b) -> popularity.get(a).equals(popularity.get(b)) ? a.compareTo(b)
                : Integer.compare(popularity.get(b), popularity.get(a)));
        RuleIndex index = new RuleIndex(rules, minConfidence);
        long ruleHits = 0;
        long popHits = 0;
        long fillHits = 0;
        int fillCovered = 0;
        long targetCount = 0;
        int ruleCovered = 0;
        int popCovered = 0;
        for (Map.Entry<String, Set<String>> e : targets.entrySet()) {
            Set<String> held = history.get(e.getKey());
            Set<String> wanted = e.getValue();
            targetCount += wanted.size();
            Set<String> fromRules = new HashSet<>();
            for (RuleIndex.Recommendation r : index.recommend(held, n, excluded, categoryRule,
                    purchases.categories())) {
                fromRules.add(r.item());
            }
            int hits = hits(fromRules, wanted);
            ruleHits += hits;
            ruleCovered += hits > 0 ? 1 : 0;
            hits = hits(fill(new HashSet<>(), held, popular, n), wanted);
            popHits += hits;
            popCovered += hits > 0 ? 1 : 0;
            hits = hits(fill(fromRules, held, popular, n), wanted);
            fillHits += hits;
            fillCovered += hits > 0 ? 1 : 0;
        }
        int customers = targets.size();
        return new Result(new Score("rules", customers, ruleCovered, ruleHits, targetCount, n),
                new Score("rules+popular", customers, fillCovered, fillHits, targetCount, n),
                new Score("popularity", customers, popCovered, popHits, targetCount, n), training.basketCount(),
                rules.size(), noNewItems, oneBasket);
    }

    /** {@code chosen} topped up to {@code n} items with the most popular items the customer has not bought. */
    private static Set<String> fill(Set<String> chosen, Set<String> held, List<String> popular, int n) {
        for (String item : popular) {
            if (chosen.size() >= n) {
                break;
            }
            if (!held.contains(item)) {
                chosen.add(item);
            }
        }
        return chosen;
    }

    private static int hits(Set<String> recommended, Set<String> wanted) {
        int hits = 0;
        for (String item : recommended) {
            hits += wanted.contains(item) ? 1 : 0;
        }
        return hits;
    }
}

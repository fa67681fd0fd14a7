package org.assay.baskets.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rules indexed by the first item of their antecedent, so recommending for a customer looks
 * only at rules that can fire: for each item the customer holds, the rules starting with it,
 * then whether the rest of the antecedent is held too.
 */
final class RuleIndex {

    /** An item to recommend and the best rule that recommends it. */
    record Recommendation(String item, Rule rule) {
    }

    /** Best first: confidence, then lift, then support; then by text so the order is stable. */
    static final Comparator<Rule> BEST = Comparator.comparingDouble(Rule::confidence).reversed()
            .thenComparing(Comparator.comparingDouble(Rule::lift).reversed())
            .thenComparing(Comparator.comparingDouble(Rule::support).reversed())
            .thenComparing(Rule::antecedentText).thenComparing(Rule::consequentText);
    private static final Comparator<Recommendation> RANK = Comparator.comparing(Recommendation::rule, BEST)
            .thenComparing(Recommendation::item);

    private final Map<String, List<Rule>> byFirstItem = new HashMap<>();
    private final List<Rule> rules;

    RuleIndex(Collection<Rule> rules, double minConfidence) {
        this.rules = new ArrayList<>();
        for (Rule r : rules) {
            if (r.confidence() >= minConfidence && !r.antecedent().isEmpty()) {
                this.rules.add(r);
                byFirstItem.computeIfAbsent(r.antecedent().get(0), k -> new ArrayList<>()).add(r);
            }
        }
    }

    int size() {
        return rules.size();
    }

    /** The best {@code n} items not in {@code held} nor {@code excluded}, each with the rule that fired. */
    List<Recommendation> recommend(Set<String> held, int n, Set<String> excluded) {
        return recommend(held, n, excluded, CategoryRule.ANY, Map.of());
    }

    /** As above, keeping only items whose category fits {@code rule} against the antecedent's categories. */
    List<Recommendation> recommend(Set<String> held, int n, Set<String> excluded, CategoryRule rule,
            Map<String, Set<String>> categories) {
        Map<String, Rule> best = new HashMap<>();
        for (String item : held) {
            List<Rule> candidates = byFirstItem.get(item);
            if (candidates == null) {
                continue;
            }
            for (Rule r : candidates) {
                if (!held.containsAll(r.antecedent())) {
                    continue;
                }
                for (String c : r.consequent()) {
                    if (!held.contains(c) && !excluded.contains(c) && fits(rule, c, r, categories)) {
                        best.merge(c, r, (a, b) -> BEST.compare(a, b) <= 0 ? a : b);
                    }
                }
            }
        }
        List<Recommendation> result = new ArrayList<>(best.size());
        best.forEach((item, fired) -> result.add(new Recommendation(item, fired)));
        result.sort(RANK);
        return result.size() > n ? result.subList(0, n) : result;
    }

    /** Whether item {@code c}'s categories meet {@code rule} against those of the rule's antecedent. */
    private static boolean fits(CategoryRule rule, String c, Rule r, Map<String, Set<String>> categories) {
        if (rule == CategoryRule.ANY) {
            return true;
        }
        Set<String> mine = categories.getOrDefault(c, Set.of());
        boolean shared = false;
        for (String a : r.antecedent()) {
            for (String category : categories.getOrDefault(a, Set.of())) {
                shared |= mine.contains(category);
            }
        }
        return rule == CategoryRule.SAME ? shared : !shared;
    }

    /** Per product, the items bought with it: from rules whose antecedent is that product alone. */
    Map<String, List<Recommendation>> related(int n, Set<String> excluded) {
        Map<String, Map<String, Rule>> best = new HashMap<>();
        for (Rule r : rules) {
            if (r.antecedent().size() != 1) {
                continue;
            }
            Map<String, Rule> forProduct = best.computeIfAbsent(r.antecedent().get(0), k -> new HashMap<>());
            for (String c : r.consequent()) {
                if (!excluded.contains(c)) {
                    forProduct.merge(c, r, (a, b) -> BEST.compare(a, b) <= 0 ? a : b);
                }
            }
        }
        Map<String, List<Recommendation>> result = new java.util.TreeMap<>();
        best.forEach((product, items) -> {
            List<Recommendation> list = new ArrayList<>();
            items.forEach((item, rule) -> list.add(new Recommendation(item, rule)));
            list.sort(RANK);
            result.put(product, list.size() > n ? list.subList(0, n) : list);
        });
        return result;
    }
}

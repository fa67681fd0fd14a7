package org.assay.baskets.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assay.api.data.Batch;
import org.assay.api.data.Column;
import org.assay.api.data.Schema;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.StepContext;

/**
 * Items {@code recommend} must not suggest: the excludeItems list, items outside
 * onlyCategories or inside excludeCategories, and per customer the rows of input
 * {@code exclusions} (a customer's returns, opt-outs, items bought in another channel); a row
 * there without a customer excludes its item for everyone.
 */
final class Exclusions {

    static final String PORT = "exclusions";

    private final Set<String> everyone = new HashSet<>();
    private final Map<String, Set<String>> perCustomer = new HashMap<>();
    long rows;
    long rejected;

    /** The exclusions input's problems: it needs the item column (the customer column is optional). */
    static List<ParameterProblem> problems(Schema s, RecommendParameters p) {
        List<ParameterProblem> problems = new ArrayList<>();
        if (!s.contains(p.itemColumn())) {
            problems.add(ParameterProblem.of("itemColumn", "input '" + PORT + "' has no column '" + p.itemColumn()
                    + "'; it lists the items (and optionally the " + p.customerColumn() + ") not to recommend"));
        }
        return problems;
    }

    /**
     * The exclusions of the parameters alone.
     *
     * @param categories each item's categories, from the purchases
     * @param items      every item a rule may recommend
     */
    static Exclusions of(RecommendParameters p, Map<String, Set<String>> categories, Collection<String> items) {
        Exclusions e = new Exclusions();
        e.everyone.addAll(p.excludeItems());
        if (!p.onlyCategories().isEmpty() || !p.excludeCategories().isEmpty()) {
            for (String item : items) {
                Set<String> mine = categories.getOrDefault(item, Set.of());
                boolean allowed = p.onlyCategories().isEmpty() || p.onlyCategories().stream().anyMatch(mine::contains);
                if (!allowed || p.excludeCategories().stream().anyMatch(mine::contains)) {
                    e.everyone.add(item);
                }
            }
        }
        return e;
    }

    /** Adds the rows of input exclusions; rows without an item are quarantined. */
    void add(Batch b, RecommendParameters p, StepContext ctx) {
        Schema s = b.schema();
        Column item = b.column(s.require(p.itemColumn()));
        int c = s.indexOf(p.customerColumn());
        Column customer = c < 0 ? null : b.column(c);
        for (int r = 0; r < b.rowCount(); r++) {
            rows++;
            String it = item.getString(r);
            if (it == null || it.isBlank()) {
                ctx.quarantine().reject(rows, b, r, "an exclusion needs an item in " + p.itemColumn());
                rejected++;
                continue;
            }
            String who = customer == null ? null : customer.getString(r);
            if (who == null || who.isBlank()) {
                everyone.add(it);
            } else {
                perCustomer.computeIfAbsent(who, k -> new HashSet<>()).add(it);
            }
        }
    }

    /** Items excluded for everyone. */
    Set<String> everyone() {
        return everyone;
    }

    /** Items excluded for this customer. */
    Set<String> forCustomer(String customer) {
        Set<String> mine = perCustomer.get(customer);
        if (mine == null) {
            return everyone;
        }
        Set<String> all = new HashSet<>(everyone);
        all.addAll(mine);
        return all;
    }
}

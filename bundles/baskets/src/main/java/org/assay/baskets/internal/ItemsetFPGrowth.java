package org.assay.baskets.internal;

import java.util.ArrayList;
import java.util.List;
import weka.associations.BinaryItem;
import weka.associations.FPGrowth;

/**
 * Weka's FPGrowth, unchanged, with the frequent item sets it found readable: FPGrowth keeps them
 * in a protected field and prints them only as text.
 */
final class ItemsetFPGrowth extends FPGrowth {

    private static final long serialVersionUID = 1L;

    /** An item set and the number of baskets holding it. */
    record Itemset(List<String> items, int count) {
    }

    /** The frequent item sets of the last build, items by attribute (item) name; empty before a build. */
    List<Itemset> itemsets() {
        List<Itemset> result = new ArrayList<>();
        if (m_largeItemSets == null) {
            return result;
        }
        for (int i = 0; i < m_largeItemSets.size(); i++) {
            FrequentBinaryItemSet set = m_largeItemSets.getItemSet(i);
            List<String> names = new ArrayList<>(set.numberOfItems());
            for (BinaryItem item : set.getItems()) {
                names.add(item.getAttribute().name());
            }
            result.add(new Itemset(names, set.getSupport()));
        }
        return result;
    }
}

package org.assay.baskets.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import weka.core.Attribute;
import weka.core.Instances;
import weka.core.SparseInstance;

/**
 * Baskets gathered from order lines and turned into Weka's sparse binary instances: one
 * attribute per item (nominal {@code 0}/{@code 1}, items in name order), one
 * {@link SparseInstance} per basket holding only the items bought. Memory is proportional to
 * the order lines, never to baskets x items: 100k baskets of 10k items with 5 items each are
 * 500k stored values, where a dense matrix would be a billion.
 *
 * <p>Items are interned to ints as lines arrive; a basket keeps a growing int array. A repeated
 * (basket, item) line counts once: a basket holds an item or not.
 */
final class Transactions {

    /** Value 0 is "not bought" (absent from a sparse instance); value 1 is "bought". */
    static final List<String> VALUES = List.of("0", "1");
    private static final int[] EMPTY = new int[0];

    private final Map<String, Integer> basketIndex = new HashMap<>();
    private final List<String> basketIds = new ArrayList<>();
    private final Map<String, Integer> itemIndex = new HashMap<>();
    private final List<String> itemNames = new ArrayList<>();
    private int[][] items = new int[1024][];
    private int[] sizes = new int[1024];
    private long lines;
    /** Order lines usually come grouped by basket: the last basket seen saves its lookup. */
    private String lastBasket;
    private int lastIndex = -1;

    /** Adds one order line: {@code item} was in basket {@code basket}. */
    void add(String basket, String item) {
        lines++;
        int b = basket.equals(lastBasket) ? lastIndex : index(basket);
        lastBasket = basket;
        lastIndex = b;
        Integer i = itemIndex.get(item);
        if (i == null) {
            i = itemNames.size();
            itemIndex.put(item, i);
            itemNames.add(item);
        }
        int n = sizes[b];
        int[] held = items[b];
        if (n == held.length) {
            held = Arrays.copyOf(held, Math.max(4, n * 2));
            items[b] = held;
        }
        held[n] = i;
        sizes[b] = n + 1;
    }

    /** Registers a basket that bought nothing (a wide row of zeros): it still counts in support. */
    void addEmpty(String basket) {
        index(basket);
    }

    /** The basket's number, given on first sight. */
    private int index(String basket) {
        Integer known = basketIndex.get(basket);
        if (known != null) {
            return known;
        }
        int b = basketIds.size();
        basketIndex.put(basket, b);
        basketIds.add(basket);
        if (b == items.length) {
            items = Arrays.copyOf(items, b * 2);
            sizes = Arrays.copyOf(sizes, b * 2);
        }
        items[b] = EMPTY;
        return b;
    }

    long lines() {
        return lines;
    }

    int basketCount() {
        return basketIds.size();
    }

    int itemCount() {
        return itemNames.size();
    }

    /** The distinct items, in the order first seen. */
    List<String> items() {
        return itemNames;
    }

    List<String> basketIds() {
        return basketIds;
    }

    /** The distinct items of basket {@code b}, as names. */
    List<String> basket(int b) {
        int[] ids = distinctSorted(b, null);
        List<String> names = new ArrayList<>(ids.length);
        for (int id : ids) {
            names.add(itemNames.get(id));
        }
        return names;
    }

    /**
     * The baskets as sparse binary instances, one attribute per item in name order (so the
     * result does not depend on the order of the lines).
     */
    Instances toInstances(String relation) {
        int itemTotal = itemNames.size();
        Integer[] order = new Integer[itemTotal];
        for (int i = 0; i < itemTotal; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, c) -> itemNames.get(a).compareTo(itemNames.get(c)));
        int[] attributeOf = new int[itemTotal];
        ArrayList<Attribute> attributes = new ArrayList<>(itemTotal);
        for (int pos = 0; pos < itemTotal; pos++) {
            attributeOf[order[pos]] = pos;
            attributes.add(new Attribute(itemNames.get(order[pos]), VALUES));
        }
        int baskets = basketIds.size();
        Instances data = new Instances(relation, attributes, baskets);
        for (int b = 0; b < baskets; b++) {
            int[] indices = distinctSorted(b, attributeOf);
            double[] ones = new double[indices.length];
            Arrays.fill(ones, 1.0);
            data.add(new SparseInstance(1.0, ones, indices, itemTotal));
        }
        return data;
    }

    /** Basket {@code b}'s item ids (mapped through {@code map} when given), sorted, duplicates removed. */
    private int[] distinctSorted(int b, int[] map) {
        int n = sizes[b];
        int[] ids = new int[n];
        for (int k = 0; k < n; k++) {
            ids[k] = map == null ? items[b][k] : map[items[b][k]];
        }
        Arrays.sort(ids);
        int distinct = 0;
        for (int k = 0; k < n; k++) {
            if (k == 0 || ids[k] != ids[k - 1]) {
                ids[distinct++] = ids[k];
            }
        }
        return distinct == n ? ids : Arrays.copyOf(ids, distinct);
    }
}

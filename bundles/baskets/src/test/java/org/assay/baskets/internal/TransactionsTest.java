package org.assay.baskets.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.junit.jupiter.api.Test;
import weka.core.Instances;
import weka.core.SparseInstance;

class TransactionsTest {

    @Test
    void interleavedAndRepeatedLinesGiveOneSparseInstancePerBasket() {
        Transactions t = new Transactions();
        t.add("B1", "milk");
        t.add("B2", "bread");
        t.add("B1", "bread");
        t.add("B1", "milk");
        t.add("B2", "bread");
        t.addEmpty("B3");
        t.add("B1", "apples");
        Instances data = t.toInstances("t");
        assertEquals(3, data.numInstances());
        assertEquals(List.of("apples", "bread", "milk"), List.of(data.attribute(0).name(), data.attribute(1).name(),
                data.attribute(2).name()));
        assertInstanceOf(SparseInstance.class, data.instance(0));
        assertEquals(3, data.instance(0).numValues(), "B1 holds three distinct items, stored sparsely");
        assertEquals(1, data.instance(1).numValues());
        assertEquals(0, data.instance(2).numValues(), "an empty basket stores nothing but still counts");
        assertEquals("1", data.instance(1).stringValue(1));
        assertEquals("0", data.instance(1).stringValue(0));
        assertEquals(List.of("apples", "bread", "milk"), t.basket(0).stream().sorted().toList());
        assertEquals(7 - 1, t.lines());
    }

    @Test
    void tenThousandItemsStaySparse() {
        Transactions t = new Transactions();
        for (int b = 0; b < 2000; b++) {
            for (int k = 0; k < 3; k++) {
                t.add("B" + b, "item" + ((b * 7 + k * 1013) % 10_000));
            }
        }
        for (int i = 0; i < 10_000; i++) {
            t.add("B0", "item" + i);
        }
        Instances data = t.toInstances("t");
        assertEquals(10_000, data.numAttributes());
        long stored = 0;
        for (int b = 0; b < data.numInstances(); b++) {
            stored += data.instance(b).numValues();
        }
        assertEquals(10_000 + 1999 * 3, stored, "values stored = distinct (basket, item) pairs, not baskets x items");
    }
}

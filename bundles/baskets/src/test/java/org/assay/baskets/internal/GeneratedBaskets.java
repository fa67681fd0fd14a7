package org.assay.baskets.internal;

import static org.assay.testkit.StepTestRunner.row;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;

/**
 * Order lines with planted co-purchases: 80% of baskets with diapers also hold beer, 70% of
 * baskets with pasta and tomato sauce also hold parmesan. Filler items p00..p39 are bought
 * independently with falling popularity, so every other rule is noise near lift 1.
 */
final class GeneratedBaskets {

    static final Schema LINES = Schema.of(Field.of("basket_id", FieldType.STRING),
            Field.of("customer_id", FieldType.STRING), Field.of("item", FieldType.STRING));

    private GeneratedBaskets() {
    }

    /** {@code baskets} baskets over {@code customers} customers (basket b belongs to customer b % customers). */
    static List<Object[]> lines(int baskets, int customers, long seed) {
        Random random = new Random(seed);
        List<Object[]> rows = new ArrayList<>();
        for (int b = 0; b < baskets; b++) {
            Set<String> items = new LinkedHashSet<>();
            if (random.nextDouble() < 0.15) {
                items.add("diapers");
                if (random.nextDouble() < 0.8) {
                    items.add("beer");
                }
            } else if (random.nextDouble() < 0.05) {
                items.add("beer");
            }
            if (random.nextDouble() < 0.12) {
                items.add("pasta");
                items.add("tomato sauce");
                if (random.nextDouble() < 0.7) {
                    items.add("parmesan");
                }
            } else if (random.nextDouble() < 0.03) {
                items.add("parmesan");
            }
            for (int i = 0; i < 40; i++) {
                if (random.nextDouble() < 0.2 / (1 + i * 0.2)) {
                    items.add(String.format("p%02d", i));
                }
            }
            if (items.isEmpty()) {
                items.add("p00");
            }
            String basket = "B" + b;
            for (String item : items) {
                rows.add(row(basket, "C" + (b % customers), item));
            }
        }
        return rows;
    }

    /** Purchase lines with a date: basket_id, customer_id, item, day (epoch day). */
    static final Schema DATED = Schema.of(Field.of("basket_id", FieldType.STRING),
            Field.of("customer_id", FieldType.STRING), Field.of("item", FieldType.STRING),
            Field.of("day", FieldType.DATE));

    /**
     * Customers with a persona: a parent buys from {diapers, beer, wipes}, a cook from {pasta,
     * tomato sauce, parmesan}, each basket also holding independent filler items. Within a basket
     * the persona items co-occur, so the rules mined from baskets also say what a customer will
     * buy next: the held-out evaluation should favour rules over popularity.
     */
    static List<Object[]> personaLines(int customers, int basketsPerCustomer, long seed) {
        Random random = new Random(seed);
        String[][] personas = {{"diapers", "beer", "wipes"}, {"pasta", "tomato sauce", "parmesan"}};
        List<Object[]> rows = new ArrayList<>();
        int basket = 0;
        for (int c = 0; c < customers; c++) {
            String[] persona = personas[c % 2];
            for (int k = 0; k < basketsPerCustomer; k++) {
                Set<String> items = new LinkedHashSet<>();
                if (random.nextDouble() < 0.6) {
                    for (String item : persona) {
                        if (random.nextDouble() < 0.55) {
                            items.add(item);
                        }
                    }
                }
                for (int i = 0; i < 30; i++) {
                    if (random.nextDouble() < 0.25 / (1 + i * 0.3)) {
                        items.add(String.format("p%02d", i));
                    }
                }
                if (items.isEmpty()) {
                    items.add("p00");
                }
                String id = "B" + basket++;
                for (String item : items) {
                    rows.add(row(id, "C" + c, item, (long) (19000 + k * 30 + c % 7)));
                }
            }
        }
        return rows;
    }
}

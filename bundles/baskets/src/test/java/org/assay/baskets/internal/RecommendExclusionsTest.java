package org.assay.baskets.internal;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.model.TrainedModel;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** recommend's per-customer exclusions input and its category constraints. */
class RecommendExclusionsTest {

    @TempDir
    Path dir;

    private static final Schema PURCHASES = Schema.of(Field.of("basket_id", FieldType.STRING),
            Field.of("customer_id", FieldType.STRING), Field.of("item", FieldType.STRING),
            Field.of("category", FieldType.STRING));
    private static final Schema EXCLUSIONS = Schema.of(Field.of("customer_id", FieldType.STRING),
            Field.of("item", FieldType.STRING));

    /** bread => butter, bread => milk, bread => jam (all fire for a bread buyer). */
    private static TrainedModel model() throws Exception {
        List<Rule> rules = List.of(new Rule(List.of("bread"), List.of("butter"), 50, 60, 40, 100),
                new Rule(List.of("bread"), List.of("milk"), 50, 20, 12, 100),
                new Rule(List.of("bread"), List.of("jam"), 50, 30, 10, 100));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Rule.writeAll(rules, bytes);
        return TrainedModel.builder(Rule.MODEL_FORMAT, AssociateStep.RULES).algorithm("weka.associations.FPGrowth")
                .options("-S -M 0.1 -C 0.3").content(bytes.toByteArray()).build();
    }

    private StepTestRunner runner() throws Exception {
        return new StepTestRunner(new RecommendStepType(), dir).input("in", PURCHASES,
                row("B1", "ann", "bread", "bakery"), row("B2", "bob", "bread", "bakery"),
                row("B3", "cy", "bread", "bakery"), row("B4", "dan", "butter", "dairy"),
                row("B5", "dan", "milk", "dairy"), row("B6", "eve", "jam", "spreads"))
                .inputModel("model", model()).param("evaluate", false);
    }

    private static Map<String, List<Object>> items(StepTestRunner r) {
        Map<String, List<Object>> out = new TreeMap<>();
        r.output().forEach(o -> out.computeIfAbsent((String) o[0], k -> new ArrayList<>()).add(o[2]));
        return out;
    }

    @Test
    void perCustomerExclusionsApplyToThatCustomerOnlyAndAnEmptyCustomerToEveryone() throws Exception {
        StepTestRunner r = runner().input("exclusions", EXCLUSIONS, row("ann", "butter"), row("bob", "milk"),
                row(null, "jam"), row("bob", null)).run();
        Map<String, List<Object>> items = items(r);
        assertEquals(List.of("milk"), items.get("ann"), "ann returned butter; jam is excluded for everyone");
        assertEquals(List.of("butter"), items.get("bob"));
        assertEquals(List.of("butter", "milk"), items.get("cy"));
        assertEquals(1, r.quarantined().size(), "an exclusion without an item");
        r.assertRowsAccountedFor();
    }

    @Test
    void onlyAndExcludedCategoriesFilterTheItems() throws Exception {
        StepTestRunner only = runner().param("categoryColumn", "category").param("onlyCategories", List.of("dairy"))
                .run();
        assertEquals(List.of("butter", "milk"), items(only).get("ann"), "jam is in spreads");
        StepTestRunner without = runner().param("categoryColumn", "category")
                .param("excludeCategories", List.of("dairy")).run();
        assertEquals(List.of("jam"), items(without).get("ann"));
        without.assertRowsAccountedFor();
    }

    @Test
    void badExclusionParametersAreRefused() throws Exception {
        runner().param("onlyCategories", List.of("dairy")).assertInvalid("categoryColumn", "onlyCategories needs");
        runner().param("excludeCategories", List.of("dairy")).assertInvalid("categoryColumn", "excludeCategories");
        runner().input("exclusions", Schema.of(Field.of("customer_id", FieldType.STRING)), List.of(), 1)
                .assertInvalid("itemColumn", "input 'exclusions' has no column 'item'");
    }
}

package org.assay.baskets.internal;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.model.TrainedModel;
import org.assay.api.step.StepFailure;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecommendStepTest {

    @TempDir
    Path dir;

    private final RecommendStepType type = new RecommendStepType();

    private static final Schema PURCHASES = Schema.of(Field.of("basket_id", FieldType.STRING),
            Field.of("customer_id", FieldType.STRING), Field.of("item", FieldType.STRING));

    /** bread => butter (0.8), bread & butter => jam (0.6), milk => cereal (0.5), over 100 baskets. */
    private static TrainedModel model(String algorithm, String options) throws Exception {
        List<Rule> rules = List.of(new Rule(List.of("bread"), List.of("butter"), 50, 60, 40, 100),
                new Rule(List.of("bread", "butter"), List.of("jam"), 40, 30, 24, 100),
                new Rule(List.of("milk"), List.of("cereal"), 20, 25, 10, 100),
                new Rule(List.of("bread"), List.of("milk"), 50, 20, 12, 100));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Rule.writeAll(rules, bytes);
        return TrainedModel.builder(Rule.MODEL_FORMAT, AssociateStep.RULES).algorithm(algorithm).options(options)
                .content(bytes.toByteArray()).build();
    }

    private StepTestRunner runner(Object[]... purchases) throws Exception {
        return new StepTestRunner(type, dir).input("in", PURCHASES, purchases)
                .inputModel("model", model("weka.associations.FPGrowth", "-S -M 0.1 -C 0.3"))
                .param("evaluate", false);
    }

    @Test
    void recommendsNotYetBoughtItemsWithTheRuleThatFired() throws Exception {
        StepTestRunner r = runner(row("B1", "ann", "bread"), row("B2", "bob", "bread"), row("B2", "bob", "butter"),
                row("B3", "cy", "tea")).run();
        List<Object[]> out = r.output();
        Map<String, List<Object[]>> byCustomer = new java.util.TreeMap<>();
        out.forEach(o -> byCustomer.computeIfAbsent((String) o[0], k -> new ArrayList<>()).add(o));
        List<Object[]> ann = byCustomer.get("ann");
        assertEquals("butter", ann.get(0)[2]);
        assertEquals("bread => butter", ann.get(0)[3]);
        assertEquals(0.8, (Double) ann.get(0)[4], 1e-12);
        assertEquals(0.8 / 0.6, (Double) ann.get(0)[5], 1e-12);
        assertEquals("milk", ann.get(1)[2]);
        assertEquals(2, ann.size(), "bread & butter => jam needs butter, which ann has not bought");
        List<Object[]> bob = byCustomer.get("bob");
        assertEquals(List.of("jam", "milk"), bob.stream().map(o -> o[2]).toList());
        assertEquals(1L, bob.get(0)[1]);
        assertFalse(byCustomer.containsKey("cy"), "no rule fires for tea");
        r.assertRowsAccountedFor();
    }

    @Test
    void excludedItemsAndTopNLimitTheList() throws Exception {
        StepTestRunner r = runner(row("B1", "ann", "bread")).param("excludeItems", List.of("butter"))
                .param("topN", 1).run();
        assertEquals(1, r.output().size());
        assertEquals("milk", r.output().get(0)[2]);
    }

    @Test
    void frequentlyBoughtWithListsSingleItemRulesPerProduct() throws Exception {
        StepTestRunner r = runner(row("B1", "ann", "bread")).run();
        List<Object[]> related = r.output("related");
        assertEquals(List.of("bread|butter|1", "bread|milk|2", "milk|cereal|1"),
                related.stream().map(o -> o[0] + "|" + o[2] + "|" + o[1]).toList());
    }

    @Test
    void theRulesTableGivesTheSameRecommendationsAsTheModel() throws Exception {
        List<Object[]> lines = GeneratedBaskets.lines(1200, 200, 4);
        AssociateStepType associate = new AssociateStepType();
        StepTestRunner mined = new StepTestRunner(associate, dir.resolve("a")).input("in", GeneratedBaskets.LINES,
                lines, 300).param("minMetric", 0.3).run();
        StepTestRunner viaModel = new StepTestRunner(type, dir.resolve("m")).input("in", GeneratedBaskets.LINES, lines,
                300).inputModel("model", mined.outputModel("model")).param("evaluate", false).run();
        StepTestRunner viaTable = new StepTestRunner(type, dir.resolve("t")).input("in", GeneratedBaskets.LINES, lines,
                300).input("rules", AssociateStep.RULES, mined.output(), 100).param("evaluate", false).run();
        assertFalse(viaModel.output().isEmpty());
        assertEquals(text(viaModel.output()), text(viaTable.output()));
        viaTable.assertRowsAccountedFor();
    }

    private static List<String> text(List<Object[]> rows) {
        return rows.stream().map(java.util.Arrays::toString).toList();
    }

    @Test
    void evaluationBeatsPopularityWhenBasketsFollowPersonas() throws Exception {
        List<Object[]> lines = GeneratedBaskets.personaLines(400, 3, 9);
        StepTestRunner mined = new StepTestRunner(new AssociateStepType(), dir.resolve("a"))
                .input("in", GeneratedBaskets.DATED, lines, 500).param("minSupport", 0.02).param("minMetric", 0.2)
                .run();
        StepTestRunner r = new StepTestRunner(type, dir.resolve("r")).input("in", GeneratedBaskets.DATED, lines, 500)
                .inputModel("model", mined.outputModel("model")).param("orderColumn", "day").param("topN", 3).run();
        Path csv = r.artifacts().stream().filter(a -> a.file().endsWith(RecommendStep.EVALUATION_FILE)).findFirst()
                .orElseThrow().file();
        List<String> table = Files.readAllLines(csv);
        assertEquals("method,n,customers,hit_rate,precision_at_n,recall_at_n,hits,held_out_items", table.get(0));
        String[] rules = table.get(1).split(",");
        String[] filled = table.get(2).split(",");
        String[] popularity = table.get(3).split(",");
        assertEquals("rules+popular", filled[0]);
        assertEquals("rules", rules[0]);
        assertEquals("popularity", popularity[0]);
        assertTrue(Integer.parseInt(rules[2]) > 300, "most customers are scored: " + table);
        // Rules fill fewer than N slots for many customers; topped up with popular items they win clearly.
        assertTrue(Double.parseDouble(filled[3]) > Double.parseDouble(popularity[3]) + 0.05, table.toString());
        assertTrue(Double.parseDouble(filled[4]) > Double.parseDouble(popularity[4]), table.toString());
        assertTrue(Double.parseDouble(filled[3]) >= Double.parseDouble(rules[3]), table.toString());
        r.assertRowsAccountedFor();
    }

    @Test
    void purchasesWithoutCustomerOrItemAreQuarantined() throws Exception {
        StepTestRunner r = runner(row("B1", null, "bread"), row("B2", "bob", null), row("B3", "ann", "bread")).run();
        assertEquals(2, r.quarantined().size());
        assertTrue(r.quarantined().get(0).reason().contains("customer_id"));
        assertEquals("ann", r.output().get(0)[0]);
        r.assertRowsAccountedFor();
    }

    @Test
    void emptyPurchasesGiveNoRecommendationsButTheRelatedList() throws Exception {
        StepTestRunner r = runner().param("evaluate", true).run();
        assertTrue(r.output().isEmpty());
        assertEquals(3, r.output("related").size());
        r.assertRowsAccountedFor();
    }

    @Test
    void exactlyOneRulesInputMustBeConnected() throws Exception {
        StepTestRunner none = new StepTestRunner(type, dir).input("in", PURCHASES, row("B1", "ann", "bread"));
        StepFailure e = assertThrows(StepFailure.class, none::run);
        assertTrue(e.getMessage().contains("exactly one"), e.getMessage());
        StepTestRunner wrong = new StepTestRunner(type, dir).input("in", PURCHASES, row("B1", "ann", "bread"))
                .inputModel("model", TrainedModel.builder("weka.clusterers.Clusterer", PURCHASES).content(new byte[0])
                        .build());
        assertTrue(assertThrows(StepFailure.class, wrong::run).getMessage().contains("not association rules"));
    }

    @Test
    void columnsAndOptionsAreCheckedAtDeploy() {
        new StepTestRunner(type, dir).input("in", Schema.of(Field.of("client", FieldType.STRING)))
                .assertInvalid("customerColumn", "no column 'customer_id'");
        new StepTestRunner(type, dir).input("in", PURCHASES).param("orderColumn", "item")
                .assertInvalid("orderColumn", "text");
        new StepTestRunner(type, dir).input("rules", Schema.of(Field.of("antecedent", FieldType.STRING)))
                .assertInvalid(null, "lacks");
        new StepTestRunner(type, dir).param("evaluationOptions", "-W java.lang.Runtime")
                .assertInvalid("evaluationOptions", "not a Weka class");
    }

    @Test
    void derivedOptionsReachEveryRuleOfTheTable() throws Exception {
        String options = RecommendStep.derivedOptions(Rule.readAll(model("x", "").openContent()));
        assertTrue(options.startsWith("-S -M 0.1 -T 0 -C 0.23999"), options);
        assertTrue(options.contains("-I 3"), options);
    }

    private static final Schema WITH_CATEGORY = Schema.of(Field.of("basket_id", FieldType.STRING),
            Field.of("customer_id", FieldType.STRING), Field.of("item", FieldType.STRING),
            Field.of("category", FieldType.STRING));

    /** bread, butter, jam are bakery-and-spreads; milk and cereal breakfast; bread is in both. */
    private StepTestRunner categorised(String rule) throws Exception {
        return new StepTestRunner(type, dir.resolve(rule)).input("in", WITH_CATEGORY,
                row("B1", "ann", "bread", "bakery"), row("B2", "bob", "butter", "bakery"),
                row("B3", "bob", "jam", "bakery"), row("B4", "cy", "milk", "breakfast"),
                row("B5", "cy", "cereal", "breakfast"))
                .inputModel("model", model("weka.associations.FPGrowth", "-S -M 0.1 -C 0.3"))
                .param("evaluate", false).param("categoryColumn", "category").param("categoryRule", rule);
    }

    @Test
    void categoryRuleKeepsRecommendationsInOrOutOfTheTriggerCategories() throws Exception {
        List<String> same = categorised("same").run().output().stream().filter(o -> o[0].equals("ann"))
                .map(o -> (String) o[2]).toList();
        assertEquals(List.of("butter"), same, "milk is breakfast, bread bakery");
        List<String> other = categorised("other").run().output().stream().filter(o -> o[0].equals("ann"))
                .map(o -> (String) o[2]).toList();
        assertEquals(List.of("milk"), other);
        new StepTestRunner(type, dir).param("categoryRule", "same").assertInvalid("categoryColumn", "needs");
        new StepTestRunner(type, dir).input("in", PURCHASES).param("categoryColumn", "aisle")
                .assertInvalid("categoryColumn", "no column 'aisle'");
    }
}

package org.assay.baskets.internal;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.model.TrainedModel;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.associations.Apriori;
import weka.associations.AssociationRule;
import weka.associations.AssociationRulesProducer;
import weka.associations.Associator;
import weka.associations.FPGrowth;
import weka.associations.Item;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.Utils;

class AssociateStepTest {

    @TempDir
    Path dir;

    private final AssociateStepType type = new AssociateStepType();

    private StepTestRunner runner(List<Object[]> lines) {
        return new StepTestRunner(type, dir).input("in", GeneratedBaskets.LINES, lines, 500);
    }

    /** A rule as text with its three counts, the way both sides can be compared. */
    private static String key(String antecedent, String consequent, long a, long c, long both) {
        return antecedent + " => " + consequent + " [" + a + "/" + c + "/" + both + "]";
    }

    private static Set<String> stepRules(StepTestRunner r) {
        Set<String> keys = new TreeSet<>();
        for (Object[] row : r.output()) {
            keys.add(key((String) row[1], (String) row[2], (Long) row[10], (Long) row[11], (Long) row[12]));
        }
        return keys;
    }

    /** Weka run directly, on dense instances built here independently of the step's converter. */
    private static Set<String> wekaRules(Associator associator, String options, List<Object[]> lines)
            throws Exception {
        Map<String, Set<String>> baskets = new TreeMap<>();
        Set<String> items = new TreeSet<>();
        for (Object[] line : lines) {
            baskets.computeIfAbsent((String) line[0], k -> new HashSet<>()).add((String) line[2]);
            items.add((String) line[2]);
        }
        ArrayList<Attribute> attributes = new ArrayList<>();
        for (String item : items) {
            attributes.add(new Attribute(item, List.of("0", "1")));
        }
        Instances data = new Instances("direct", attributes, baskets.size());
        for (Set<String> basket : baskets.values()) {
            double[] values = new double[attributes.size()];
            for (int a = 0; a < values.length; a++) {
                values[a] = basket.contains(attributes.get(a).name()) ? 1 : 0;
            }
            data.add(new DenseInstance(1, values));
        }
        ((weka.core.OptionHandler) associator).setOptions(Utils.splitOptions(options));
        associator.buildAssociations(data);
        Set<String> keys = new TreeSet<>();
        for (AssociationRule rule : ((AssociationRulesProducer) associator).getAssociationRules().getRules()) {
            keys.add(key(names(rule.getPremise()), names(rule.getConsequence()), rule.getPremiseSupport(),
                    rule.getConsequenceSupport(), rule.getTotalSupport()));
        }
        return keys;
    }

    private static String names(java.util.Collection<Item> items) {
        return String.join(Rule.SEPARATOR, new TreeSet<>(items.stream().map(i -> i.getAttribute().name()).toList()));
    }

    @Test
    void fpGrowthRulesEqualWekaRunDirectlyOnTheSameDataAndOptions() throws Exception {
        List<Object[]> lines = GeneratedBaskets.lines(1500, 300, 11);
        String options = "-S -M 0.02 -T 0 -C 0.3 -I 4 -N 100000";
        StepTestRunner r = runner(lines).param("options", options).param("maxRules", 100000).run();
        Set<String> weka = wekaRules(new FPGrowth(), options, lines);
        assertTrue(weka.size() > 10, "the sample should give a fair number of rules: " + weka.size());
        assertEquals(weka, stepRules(r));
    }

    @Test
    void aprioriRulesEqualWekaRunDirectlyOnTheSameDataAndOptions() throws Exception {
        List<Object[]> lines = GeneratedBaskets.lines(800, 200, 12);
        String options = "-Z -M 0.03 -T 1 -C 1.5 -N 100000";
        StepTestRunner r = runner(lines).param("algorithm", "weka.associations.Apriori").param("options", options)
                .param("maxRules", 100000).param("maxRuleLength", 20).run();
        Set<String> weka = wekaRules(new Apriori(), options, lines);
        assertFalse(weka.isEmpty());
        assertEquals(weka, stepRules(r));
    }

    @Test
    void defaultParametersFindThePlantedRulesWithTheirConfidence() throws Exception {
        StepTestRunner r = runner(GeneratedBaskets.lines(4000, 500, 3)).param("minMetric", 0.6).run();
        Map<String, Object[]> byRule = new TreeMap<>();
        for (Object[] row : r.output()) {
            byRule.put(row[1] + " => " + row[2], row);
        }
        Object[] beer = byRule.get("diapers => beer");
        Object[] parmesan = byRule.get("pasta & tomato sauce => parmesan");
        assertTrue(beer != null && parmesan != null, "planted rules missing from " + byRule.keySet() + "\n"
                + Files.readString(r.artifacts().stream().filter(a -> a.file().endsWith(AssociateStep.SUMMARY_FILE))
                        .findFirst().orElseThrow().file()));
        assertEquals(0.8, (Double) beer[6], 0.04);
        assertEquals(0.7, (Double) parmesan[6], 0.05);
        assertTrue((Double) beer[7] > 3 && (Double) parmesan[7] > 3, "planted rules have a high lift");
        // Noise items are independent: no rule between filler items reaches confidence 0.6.
        assertTrue(byRule.keySet().stream().allMatch(k -> k.contains("beer") || k.contains("diapers")
                || k.contains("pasta") || k.contains("tomato") || k.contains("parmesan")), byRule.keySet().toString());
        // Sorted by lift, the default; ranks from 1.
        List<Object[]> rows = r.output();
        for (int i = 1; i < rows.size(); i++) {
            assertTrue((Double) rows.get(i - 1)[7] >= (Double) rows.get(i)[7]);
            assertEquals((long) i + 1, rows.get(i)[0]);
        }
        r.assertRowsAccountedFor();
        TrainedModel model = r.outputModel("model");
        assertEquals(Rule.MODEL_FORMAT, model.format());
        assertEquals(rows.size(), Rule.readAll(model.openContent()).size());
        Path itemsets = dir.resolve(r.artifacts().stream().filter(a -> a.title().contains("item sets")).findFirst()
                .orElseThrow().file().toString());
        List<String> csv = Files.readAllLines(itemsets);
        assertEquals("items,size,count,support", csv.get(0));
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("parmesan & pasta & tomato sauce,3,")), csv.toString());
    }

    @Test
    void measuresFollowTheirDefinitions() {
        // 100 baskets: A in 40, C in 50, both in 30.
        Rule rule = new Rule(List.of("A"), List.of("C"), 40, 50, 30, 100);
        assertEquals(0.3, rule.support(), 1e-12);
        assertEquals(0.75, rule.confidence(), 1e-12);
        assertEquals(1.5, rule.lift(), 1e-12);
        assertEquals(0.3 - 0.4 * 0.5, rule.leverage(), 1e-12);
        assertEquals((1 - 0.5) / (1 - 0.75), rule.conviction(), 1e-12);
        assertTrue(Double.isInfinite(new Rule(List.of("A"), List.of("C"), 10, 50, 10, 100).conviction()));
    }

    @Test
    void wideFormGivesTheSameRulesAsLongForm() throws Exception {
        List<Object[]> lines = GeneratedBaskets.lines(600, 100, 5);
        Map<String, Set<String>> baskets = new TreeMap<>();
        Set<String> items = new TreeSet<>();
        for (Object[] l : lines) {
            baskets.computeIfAbsent((String) l[0], k -> new HashSet<>()).add((String) l[2]);
            items.add((String) l[2]);
        }
        List<Field> fields = new ArrayList<>(List.of(Field.of("basket_id", FieldType.STRING)));
        items.forEach(i -> fields.add(Field.of(i, FieldType.BOOLEAN)));
        List<Object[]> wide = new ArrayList<>();
        baskets.forEach((id, held) -> {
            Object[] row = new Object[fields.size()];
            row[0] = id;
            int c = 1;
            for (String i : items) {
                row[c++] = held.contains(i);
            }
            wide.add(row);
        });
        StepTestRunner w = new StepTestRunner(type, dir).input("in", Schema.of(fields), wide, 100)
                .param("format", "wide").param("minSupport", 0.03).run();
        StepTestRunner l = runner(lines).param("minSupport", 0.03).run();
        assertFalse(stepRules(l).isEmpty());
        assertEquals(stepRules(l), stepRules(w));
        w.assertRowsAccountedFor();
    }

    @Test
    void linesWithoutBasketOrItemAreQuarantinedAndDuplicatesCountOnce() throws Exception {
        List<Object[]> lines = new ArrayList<>();
        for (int b = 0; b < 20; b++) {
            lines.add(row("B" + b, "C", "bread"));
            lines.add(row("B" + b, "C", "butter"));
            lines.add(row("B" + b, "C", "butter"));
        }
        lines.add(row(null, "C", "bread"));
        lines.add(row("B1", "C", null));
        lines.add(row("B2", "C", "  "));
        StepTestRunner r = runner(lines).param("minSupport", 0.5).run();
        assertEquals(3, r.quarantined().size());
        assertTrue(r.quarantined().get(0).reason().contains("basket_id"), r.quarantined().get(0).reason());
        Object[] rule = r.output().get(0);
        assertEquals(20L, rule[12]);
        assertEquals(20L, rule[13]);
        assertNull(rule[9], "a rule that never fails has an infinite (empty) conviction");
        r.assertRowsAccountedFor();
    }

    @Test
    void emptyInputWritesNoRulesAndSaysSo() throws Exception {
        StepTestRunner r = runner(List.of()).run();
        assertTrue(r.output().isEmpty());
        assertEquals(AssociateStep.RULES, r.outputSchema("out"));
        Path summary = r.artifacts().stream().filter(a -> a.file().endsWith(AssociateStep.SUMMARY_FILE))
                .findFirst().orElseThrow().file();
        assertTrue(Files.readString(summary).contains("no baskets"));
        r.assertRowsAccountedFor();
    }

    @Test
    void maxRuleLengthAndMaxRulesLimitTheOutput() throws Exception {
        List<Object[]> lines = GeneratedBaskets.lines(1000, 100, 8);
        StepTestRunner r = runner(lines).param("minMetric", 0.3).param("maxRuleLength", 2).param("maxRules", 3)
                .param("sortBy", "confidence").run();
        assertEquals(3, r.output().size());
        for (Object[] row : r.output()) {
            assertEquals(1L, row[3]);
            assertEquals(1L, row[4]);
        }
        assertTrue((Double) r.output().get(0)[6] >= (Double) r.output().get(2)[6]);
        r.assertRowsAccountedFor();
    }

    @Test
    void onlyWekaAssociatorsThatProduceRulesAreAccepted() {
        new StepTestRunner(type, dir).param("algorithm", "java.lang.Runtime").assertInvalid("algorithm",
                "not a Weka associator");
        new StepTestRunner(type, dir).param("algorithm", "weka.clusterers.SimpleKMeans").assertInvalid("algorithm",
                "not a Weka associator");
        new StepTestRunner(type, dir).param("algorithm", "weka.associations.NoSuch").assertInvalid("algorithm",
                "has no class");
        new StepTestRunner(type, dir).param("algorithm", "weka.associations.AbstractAssociator")
                .assertInvalid("algorithm", "not a Weka associator");
        new StepTestRunner(type, dir).param("options", "-F \"com.evil.Payload -x\"").assertInvalid("options",
                "not a Weka class");
        new StepTestRunner(type, dir).param("options", "-Q 3").assertInvalid("options", "FPGrowth");
        new StepTestRunner(type, dir).param("metric", "support").assertInvalid("metric", "minSupport");
        new StepTestRunner(type, dir).param("minSupport", 0.0).assertInvalid("minSupport", "above 0");
    }

    @Test
    void columnsAreCheckedAgainstTheInputAtDeploy() {
        Schema other = Schema.of(Field.of("order", FieldType.STRING), Field.of("sku", FieldType.DECIMAL));
        StepTestRunner r = new StepTestRunner(type, dir).input("in", other);
        r.assertInvalid("basketColumn", "no column 'basket_id'");
        r.param("basketColumn", "order").param("itemColumn", "sku").assertInvalid("itemColumn", "decimal");
        new StepTestRunner(type, dir).input("in", Schema.of(Field.of("name", FieldType.STRING)))
                .param("format", "wide").assertInvalid("itemColumns", "no boolean or integer column");
    }

    @Test
    void unreadableOptionsFailTheRunWithTheParameterNamed() {
        StepTestRunner r = runner(GeneratedBaskets.lines(10, 2, 1)).param("options", "-M");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains("options"), e.getMessage());
    }

    @Test
    void designTimeSchemaIsTheRulesTable() {
        assertEquals(AssociateStep.RULES, type.outputSchemas(org.assay.api.step.Parameters.of(type.descriptor(),
                Map.of()), Map.of()).orElseThrow().get("out"));
    }

    @Test
    void itemNamesHoldingTheSeparatorAreWarnedAbout() throws Exception {
        List<Object[]> lines = new ArrayList<>();
        for (int b = 0; b < 10; b++) {
            lines.add(row("B" + b, "C", "salt & pepper"));
            lines.add(row("B" + b, "C", "eggs"));
        }
        StepTestRunner r = runner(lines).param("minSupport", 0.5).run();
        Path summary = r.artifacts().stream().filter(a -> a.file().endsWith(AssociateStep.SUMMARY_FILE))
                .findFirst().orElseThrow().file();
        assertTrue(Files.readString(summary).startsWith("Warning: 1 item names contain '&'"), Files.readString(summary));
        assertEquals(List.of("salt & pepper"), Rule.readAll(r.outputModel("model").openContent()).stream()
                .filter(x -> x.consequent().equals(List.of("salt & pepper"))).findFirst().orElseThrow().consequent());
    }
}

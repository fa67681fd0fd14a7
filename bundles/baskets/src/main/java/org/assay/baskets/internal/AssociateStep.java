package org.assay.baskets.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assay.api.artifact.CsvTable;
import org.assay.api.data.BatchBuilder;
import org.assay.api.data.BatchSink;
import org.assay.api.data.DataStream;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.model.TrainedModel;
import org.assay.api.step.ArtifactKind;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepContext;
import org.assay.api.step.StepFailure;
import weka.associations.AssociationRule;
import weka.associations.AssociationRulesProducer;
import weka.associations.Associator;
import weka.associations.Item;
import weka.core.Instances;

/**
 * One run of {@code weka-associate}: one pass gathers the baskets, Weka mines them as sparse
 * binary instances, and the rules come out as a table sorted by the chosen measure.
 */
final class AssociateStep implements Step {

    static final String SUMMARY_FILE = "rules-summary.txt";
    static final String ITEMSETS_FILE = "frequent-itemsets.csv";

    static final Schema RULES = Schema.of(
            Field.of("rank", FieldType.INTEGER),
            Field.of("antecedent", FieldType.STRING),
            Field.of("consequent", FieldType.STRING),
            Field.of("antecedent_items", FieldType.INTEGER),
            Field.of("consequent_items", FieldType.INTEGER),
            Field.of("support", FieldType.DECIMAL),
            Field.of("confidence", FieldType.DECIMAL),
            Field.of("lift", FieldType.DECIMAL),
            Field.of("leverage", FieldType.DECIMAL),
            Field.of("conviction", FieldType.DECIMAL),
            Field.of("antecedent_count", FieldType.INTEGER),
            Field.of("consequent_count", FieldType.INTEGER),
            Field.of("rule_count", FieldType.INTEGER),
            Field.of("baskets", FieldType.INTEGER));

    private final AssociateParameters p;

    AssociateStep(AssociateParameters p) {
        this.p = p;
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        String algorithm = p.algorithm().strip();
        String options = AssociatorSetup.effectiveOptions(algorithm, p);
        Associator associator;
        try {
            associator = AssociatorSetup.create(algorithm, options);
        } catch (AssociatorSetup.SetupException e) {
            throw new StepFailure("weka-associate: " + e.getMessage(), e);
        }
        BasketReader reader;
        try (DataStream in = ctx.input(PortSpec.IN)) {
            List<ParameterProblem> problems = BasketReader.problems(in.schema(), p.format(), p.basketColumn(),
                    p.itemColumn(), p.itemColumns());
            if (!problems.isEmpty()) {
                throw new StepFailure("weka-associate: " + problems.get(0).parameter() + ": "
                        + problems.get(0).message());
            }
            reader = BasketReader.of(in.schema(), p.format(), p.basketColumn(), p.itemColumn(), p.itemColumns());
            for (var b = in.next(); b != null; b = in.next()) {
                ctx.checkCancelled();
                reader.add(b, ctx);
            }
        }
        Transactions t = reader.transactions();
        List<String> warnings = warnings(algorithm, t);
        warnings.forEach(w -> ctx.log().warn("weka-associate: {}", w));
        ctx.progress(0.3);
        List<Rule> rules = new ArrayList<>();
        List<ItemsetFPGrowth.Itemset> itemsets = List.of();
        String model = "";
        if (t.basketCount() > 0) {
            Instances data = t.toInstances(ctx.stepId());
            ctx.log().info("weka-associate: {} order lines, {} baskets, {} items, {} {}", t.lines(), t.basketCount(),
                    t.itemCount(), algorithm, options);
            try {
                associator.buildAssociations(data);
            } catch (Exception e) {
                throw new StepFailure("weka-associate: " + AssociatorSetup.shortName(algorithm) + " could not mine "
                        + t.basketCount() + " baskets: " + AssociatorSetup.sentence(e) + " Check 'options' (\""
                        + options + "\") or raise minSupport.", e);
            }
            ctx.checkCancelled();
            rules = rules(((AssociationRulesProducer) associator).getAssociationRules().getRules());
            itemsets = associator instanceof ItemsetFPGrowth fp ? fp.itemsets() : itemsetsOf(rules);
            model = associator.toString();
        }
        ctx.progress(0.8);
        long found = rules.size();
        rules.removeIf(r -> r.length() > p.maxRuleLength());
        rules.sort(Rule.order(p.sortBy()));
        if (rules.size() > p.maxRules()) {
            rules = new ArrayList<>(rules.subList(0, p.maxRules()));
        }
        write(ctx.output(PortSpec.OUT, RULES), rules);
        account(ctx, reader, rules.size());
        writeItemsets(ctx, itemsets, t.basketCount());
        writeSummary(ctx, algorithm, options, reader, found, rules.size(), model, warnings);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Rule.writeAll(rules, bytes);
        ctx.outputModel(PortSpec.MODEL, TrainedModel.builder(Rule.MODEL_FORMAT, RULES).algorithm(algorithm)
                .options(options).trainedRows(t.basketCount()).property("rules", Integer.toString(rules.size()))
                .property("sortBy", p.sortBy().jsonName()).content(bytes.toByteArray()).build());
        ctx.progress(1.0);
    }

    /** Apriori counts candidate item sets level by level: slow with many items. */
    static final int APRIORI_ITEMS = 1000;

    private static List<String> warnings(String algorithm, Transactions t) {
        List<String> warnings = new ArrayList<>();
        long ambiguous = t.items().stream().filter(i -> i.contains(Rule.SEPARATOR.strip())).count();
        if (ambiguous > 0) {
            warnings.add(ambiguous + " item names contain '" + Rule.SEPARATOR.strip() + "', which also joins the"
                    + " items of a rule side in the rules table; wire recommend to the model output, which keeps"
                    + " items apart exactly");
        }
        if (algorithm.equals(weka.associations.Apriori.class.getName()) && t.itemCount() > APRIORI_ITEMS) {
            warnings.add("Apriori over " + t.itemCount() + " items may take very long; FPGrowth finds the same"
                    + " rules faster");
        }
        return warnings;
    }

    /** Weka's rules as ours; an item is its attribute's name (Apriori with -Z and FPGrowth mine bought items only). */
    static List<Rule> rules(List<AssociationRule> wekaRules) {
        List<Rule> rules = new ArrayList<>(wekaRules.size());
        for (AssociationRule r : wekaRules) {
            rules.add(new Rule(names(r.getPremise()), names(r.getConsequence()), r.getPremiseSupport(),
                    r.getConsequenceSupport(), r.getTotalSupport(), r.getTotalTransactions()));
        }
        return rules;
    }

    private static List<String> names(Collection<Item> items) {
        List<String> names = new ArrayList<>(items.size());
        for (Item item : items) {
            String value = item.getItemValueAsString();
            String name = item.getAttribute().name();
            names.add("1".equals(value) ? name : name + "=" + value);
        }
        names.sort(null);
        return List.copyOf(names);
    }

    /** For associators that do not expose their item sets: those the rules are made of, with their counts. */
    private static List<ItemsetFPGrowth.Itemset> itemsetsOf(List<Rule> rules) {
        Map<List<String>, Integer> sets = new LinkedHashMap<>();
        for (Rule r : rules) {
            List<String> both = new ArrayList<>(r.antecedent());
            both.addAll(r.consequent());
            both.sort(null);
            sets.putIfAbsent(r.antecedent(), r.antecedentCount());
            sets.putIfAbsent(r.consequent(), r.consequentCount());
            sets.putIfAbsent(List.copyOf(both), r.count());
        }
        List<ItemsetFPGrowth.Itemset> result = new ArrayList<>();
        sets.forEach((items, count) -> result.add(new ItemsetFPGrowth.Itemset(items, count)));
        return result;
    }

    private static void write(BatchSink sink, List<Rule> rules) throws Exception {
        BatchBuilder b = new BatchBuilder(RULES);
        int rank = 0;
        for (Rule r : rules) {
            b.setLong(0, ++rank).setString(1, r.antecedentText()).setString(2, r.consequentText())
                    .setLong(3, r.antecedent().size()).setLong(4, r.consequent().size())
                    .setDouble(5, r.support()).setDouble(6, r.confidence()).setDouble(7, r.lift())
                    .setDouble(8, r.leverage());
            if (Double.isInfinite(r.conviction())) {
                b.setNull(9);
            } else {
                b.setDouble(9, r.conviction());
            }
            b.setLong(10, r.antecedentCount()).setLong(11, r.consequentCount()).setLong(12, r.count())
                    .setLong(13, r.baskets()).endRow();
            if (b.isFull()) {
                sink.write(b.build());
            }
        }
        if (!b.isEmpty()) {
            sink.write(b.build());
        }
    }

    /** Order lines are consumed into baskets: in = rules + quarantined + filtered, as a join accounts. */
    static void account(StepContext ctx, BasketReader reader, long written) {
        long kept = reader.rows() - reader.rejected();
        if (kept >= written) {
            ctx.countFiltered(kept - written);
        } else {
            ctx.countIn(written - kept);
        }
    }

    private static void writeItemsets(StepContext ctx, List<ItemsetFPGrowth.Itemset> itemsets, int baskets)
            throws Exception {
        List<ItemsetFPGrowth.Itemset> sorted = new ArrayList<>(itemsets);
        sorted.sort((a, b) -> a.count() != b.count() ? Integer.compare(b.count(), a.count())
                : String.join(Rule.SEPARATOR, a.items()).compareTo(String.join(Rule.SEPARATOR, b.items())));
        List<List<String>> rows = new ArrayList<>();
        for (ItemsetFPGrowth.Itemset s : sorted) {
            List<String> items = new ArrayList<>(s.items());
            items.sort(null);
            rows.add(List.of(String.join(Rule.SEPARATOR, items), Integer.toString(items.size()),
                    Integer.toString(s.count()), CsvTable.number((double) s.count() / baskets)));
        }
        Path file = ctx.artifactDir().resolve(ITEMSETS_FILE);
        CsvTable.write(file, List.of("items", "size", "count", "support"), rows);
        ctx.addArtifact(file, ArtifactKind.TABLE, "Frequent item sets");
    }

    private void writeSummary(StepContext ctx, String algorithm, String options, BasketReader reader, long found,
            int written, String model, List<String> warnings) throws Exception {
        Transactions t = reader.transactions();
        StringBuilder s = new StringBuilder();
        for (String w : warnings) {
            s.append("Warning: ").append(w).append('\n');
        }
        s.append("Algorithm: ").append(algorithm).append(' ').append(options).append('\n');
        s.append("Input: ").append(reader.rows()).append(" rows (").append(p.format().name().toLowerCase(java.util.Locale.ROOT))
                .append(" form), ").append(reader.rejected()).append(" quarantined\n");
        s.append("Baskets: ").append(t.basketCount()).append(", items: ").append(t.itemCount()).append('\n');
        s.append("Rules: ").append(found).append(" found, ").append(written).append(" written (at most ")
                .append(p.maxRuleLength()).append(" items, best ").append(p.maxRules()).append(" by ")
                .append(p.sortBy().jsonName()).append(")\n");
        if (t.basketCount() == 0) {
            s.append("The input had no baskets: nothing was mined.\n");
        } else {
            s.append('\n').append(model);
        }
        Path file = ctx.artifactDir().resolve(SUMMARY_FILE);
        Files.writeString(file, s.toString(), StandardCharsets.UTF_8);
        ctx.addArtifact(file, ArtifactKind.TEXT, "Association rules (Weka)");
    }
}

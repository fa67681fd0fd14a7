package org.assay.baskets.internal;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.assay.api.artifact.CsvTable;
import org.assay.api.data.Batch;
import org.assay.api.data.BatchBuilder;
import org.assay.api.data.BatchSink;
import org.assay.api.data.Column;
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

/** One run of {@code recommend}. */
final class RecommendStep implements Step {

    static final String RULES_PORT = "rules";
    static final String RELATED_PORT = "related";
    static final String EVALUATION_FILE = "evaluation.csv";
    static final List<String> RULE_COLUMNS = List.of("antecedent", "consequent", "antecedent_count",
            "consequent_count", "rule_count", "baskets");

    static Schema recommendations(String customerColumn) {
        return Schema.of(Field.of(customerColumn, FieldType.STRING), Field.of("rank", FieldType.INTEGER),
                Field.of("item", FieldType.STRING), Field.of("rule", FieldType.STRING),
                Field.of("confidence", FieldType.DECIMAL), Field.of("lift", FieldType.DECIMAL),
                Field.of("support", FieldType.DECIMAL));
    }

    static final Schema RELATED = Schema.of(Field.of("product", FieldType.STRING), Field.of("rank", FieldType.INTEGER),
            Field.of("item", FieldType.STRING), Field.of("confidence", FieldType.DECIMAL),
            Field.of("lift", FieldType.DECIMAL), Field.of("support", FieldType.DECIMAL),
            Field.of("rule_count", FieldType.INTEGER));

    private final RecommendParameters p;

    RecommendStep(RecommendParameters p) {
        this.p = p;
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        boolean fromDataset = ctx.hasInput(RULES_PORT);
        boolean fromModel = ctx.hasInput(PortSpec.MODEL);
        if (fromDataset == fromModel) {
            throw new StepFailure("recommend: connect exactly one of the inputs 'rules' (the rules table of"
                    + " weka-associate) and 'model' (its model output)" + (fromDataset ? ", not both." : "."));
        }
        List<Rule> rules;
        String options;
        long ruleRows = 0;
        if (fromModel) {
            TrainedModel model = ctx.inputModel(PortSpec.MODEL);
            if (!Rule.MODEL_FORMAT.equals(model.format())) {
                throw new StepFailure("recommend: the model is " + model.format() + ", not association rules ("
                        + Rule.MODEL_FORMAT + "); connect the model output of weka-associate.");
            }
            try (InputStream in = model.openContent()) {
                rules = Rule.readAll(in);
            }
            options = weka.associations.FPGrowth.class.getName().equals(model.algorithm()) ? model.options()
                    : derivedOptions(rules);
        } else {
            rules = new ArrayList<>();
            ruleRows = readRules(ctx, rules);
            options = derivedOptions(rules);
        }
        options = p.evaluationOptions().orElse(options);
        RuleIndex index = new RuleIndex(rules, p.minConfidence());

        Purchases purchases;
        try (DataStream in = ctx.input(PortSpec.IN)) {
            List<ParameterProblem> problems = Purchases.problems(in.schema(), p);
            if (!problems.isEmpty()) {
                throw new StepFailure("recommend: " + problems.get(0).parameter() + ": " + problems.get(0).message());
            }
            purchases = Purchases.of(in.schema(), p);
            for (Batch b = in.next(); b != null; b = in.next()) {
                ctx.checkCancelled();
                purchases.add(b, ctx);
            }
        }
        Set<String> items = new HashSet<>();
        rules.forEach(r -> items.addAll(r.consequent()));
        Exclusions exclusions = Exclusions.of(p, purchases.categories(), items);
        if (ctx.hasInput(Exclusions.PORT)) {
            try (DataStream in = ctx.input(Exclusions.PORT)) {
                List<ParameterProblem> problems = Exclusions.problems(in.schema(), p);
                if (!problems.isEmpty()) {
                    throw new StepFailure("recommend: " + problems.get(0).parameter() + ": "
                            + problems.get(0).message());
                }
                for (Batch b = in.next(); b != null; b = in.next()) {
                    ctx.checkCancelled();
                    exclusions.add(b, p, ctx);
                }
            }
        }
        Set<String> excluded = exclusions.everyone();
        ctx.progress(0.4);
        long written = writeRecommendations(ctx, index, purchases, exclusions);
        written += writeRelated(ctx, index, excluded);
        long in = purchases.rows() - purchases.rejected() + ruleRows + exclusions.rows - exclusions.rejected;
        if (in >= written) {
            ctx.countFiltered(in - written);
        } else {
            ctx.countIn(written - in);
        }
        ctx.progress(0.6);
        if (p.evaluate()) {
            evaluate(ctx, purchases, options, excluded);
        }
        ctx.progress(1.0);
    }

    /** FPGrowth options that reproduce the thresholds visible in a rules table. */
    static String derivedOptions(List<Rule> rules) {
        double support = rules.stream().mapToDouble(Rule::support).min().orElse(0.01);
        double confidence = rules.stream().mapToDouble(Rule::confidence).min().orElse(0.5);
        int length = rules.stream().mapToInt(Rule::length).max().orElse(4);
        return String.format(Locale.ROOT, "-S -M %s -T 0 -C %s -I %d -N 1000000", CsvTable.number(support),
                CsvTable.number(Math.max(0, confidence - 1e-9)), Math.max(2, length));
    }

    private static long readRules(StepContext ctx, List<Rule> rules) throws Exception {
        long rows = 0;
        try (DataStream in = ctx.input(RULES_PORT)) {
            Schema s = in.schema();
            List<String> missing = RULE_COLUMNS.stream().filter(c -> !s.contains(c)).toList();
            if (!missing.isEmpty()) {
                throw new StepFailure("recommend: the rules input lacks " + missing + "; connect the rules output of"
                        + " weka-associate.");
            }
            int[] at = RULE_COLUMNS.stream().mapToInt(s::require).toArray();
            for (Batch b = in.next(); b != null; b = in.next()) {
                Column[] c = new Column[at.length];
                for (int k = 0; k < at.length; k++) {
                    c[k] = b.column(at[k]);
                }
                for (int r = 0; r < b.rowCount(); r++) {
                    rows++;
                    boolean complete = true;
                    for (Column col : c) {
                        complete &= !col.isNull(r);
                    }
                    if (!complete || c[2].getLong(r) <= 0 || c[5].getLong(r) <= 0) {
                        ctx.quarantine().reject(rows, b, r, "a rule needs both sides and positive counts");
                        continue;
                    }
                    rules.add(new Rule(Rule.split(c[0].getString(r)), Rule.split(c[1].getString(r)),
                            (int) c[2].getLong(r), (int) c[3].getLong(r), (int) c[4].getLong(r),
                            (int) c[5].getLong(r)));
                }
            }
        }
        return rows - ctx.quarantine().count();
    }

    private long writeRecommendations(StepContext ctx, RuleIndex index, Purchases purchases, Exclusions exclusions)
            throws Exception {
        Schema schema = recommendations(p.customerColumn());
        BatchSink sink = ctx.output(PortSpec.OUT, schema);
        BatchBuilder b = new BatchBuilder(schema);
        long written = 0;
        for (Map.Entry<String, Map<String, Purchases.Basket>> c : purchases.customers().entrySet()) {
            int rank = 0;
            for (RuleIndex.Recommendation r : index.recommend(Purchases.items(c.getValue()), p.topN(),
                    exclusions.forCustomer(c.getKey()),
                    p.categoryRule(), purchases.categories())) {
                b.setString(0, c.getKey()).setLong(1, ++rank).setString(2, r.item())
                        .setString(3, r.rule().antecedentText() + " => " + r.rule().consequentText())
                        .setDouble(4, r.rule().confidence()).setDouble(5, r.rule().lift())
                        .setDouble(6, r.rule().support()).endRow();
                written++;
                if (b.isFull()) {
                    sink.write(b.build());
                }
            }
        }
        if (!b.isEmpty()) {
            sink.write(b.build());
        }
        return written;
    }

    private long writeRelated(StepContext ctx, RuleIndex index, Set<String> excluded) throws Exception {
        BatchSink sink = ctx.output(RELATED_PORT, RELATED);
        BatchBuilder b = new BatchBuilder(RELATED);
        long written = 0;
        for (Map.Entry<String, List<RuleIndex.Recommendation>> e : index.related(p.relatedN(), excluded).entrySet()) {
            int rank = 0;
            for (RuleIndex.Recommendation r : e.getValue()) {
                b.setString(0, e.getKey()).setLong(1, ++rank).setString(2, r.item())
                        .setDouble(3, r.rule().confidence()).setDouble(4, r.rule().lift())
                        .setDouble(5, r.rule().support()).setLong(6, r.rule().count()).endRow();
                written++;
                if (b.isFull()) {
                    sink.write(b.build());
                }
            }
        }
        if (!b.isEmpty()) {
            sink.write(b.build());
        }
        return written;
    }

    private void evaluate(StepContext ctx, Purchases purchases, String options, Set<String> excluded)
            throws Exception {
        RecommendEvaluation.Result result;
        try {
            result = RecommendEvaluation.run(purchases, options, p.topN(), p.minConfidence(), excluded,
                    p.categoryRule());
        } catch (AssociatorSetup.SetupException e) {
            throw new StepFailure("recommend: evaluationOptions: " + e.getMessage(), e);
        }
        List<List<String>> rows = new ArrayList<>();
        for (RecommendEvaluation.Score s : List.of(result.rules(), result.filled(), result.popularity())) {
            rows.add(List.of(s.method(), Integer.toString(s.n()), Integer.toString(s.customers()),
                    CsvTable.number(s.hitRate()), CsvTable.number(s.precision()), CsvTable.number(s.recall()),
                    Long.toString(s.hits()), Long.toString(s.targets())));
        }
        Path file = ctx.artifactDir().resolve(EVALUATION_FILE);
        CsvTable.write(file, List.of("method", "n", "customers", "hit_rate", "precision_at_n", "recall_at_n", "hits",
                "held_out_items"), rows);
        ctx.addArtifact(file, ArtifactKind.TABLE, "Recommendation evaluation (last basket held out)");
        String note = String.format(Locale.ROOT, "Evaluation: last basket of %d customers held out; rules re-mined"
                + " on %d training baskets with FPGrowth %s (%d rules); %d customers with one basket and %d whose"
                + " last basket held nothing new were not scored.%nrules: hit rate %.3f, precision@%d %.3f, recall"
                + " %.3f%nrules+popular: hit rate %.3f, precision@%d %.3f, recall %.3f%npopularity: hit rate %.3f, precision@%d %.3f, recall %.3f%n",
                result.rules().customers(), result.trainingBaskets(), options, result.trainingRules(),
                result.skippedOneBasket(), result.skippedNoNewItems(), result.rules().hitRate(), p.topN(),
                result.rules().precision(), result.rules().recall(), result.filled().hitRate(), p.topN(),
                result.filled().precision(), result.filled().recall(), result.popularity().hitRate(), p.topN(),
                result.popularity().precision(), result.popularity().recall());
        Path text = ctx.artifactDir().resolve("evaluation.txt");
        Files.writeString(text, note, StandardCharsets.UTF_8);
        ctx.addArtifact(text, ArtifactKind.TEXT, "How the evaluation was made");
        ctx.log().info("recommend: {}", note.replace('\n', ' '));
    }
}

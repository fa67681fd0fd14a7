package org.assay.sequences.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assay.api.artifact.CsvTable;
import org.assay.api.data.Batch;
import org.assay.api.data.BatchBuilder;
import org.assay.api.data.BatchSink;
import org.assay.api.data.DataStream;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.ArtifactKind;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepContext;
import org.assay.api.step.StepFailure;

/** One run of {@code sequence-patterns}. */
final class SequencePatternsStep implements Step {

    static final String RULES_PORT = "rules";
    static final String SUMMARY_FILE = "sequence-summary.csv";
    /** Between the events of a pattern in its text form. */
    static final String ARROW = " > ";

    static final Schema PATTERNS = Schema.of(Field.of("pattern", FieldType.STRING),
            Field.of("length", FieldType.INTEGER), Field.of("sequences", FieldType.INTEGER),
            Field.of("support", FieldType.DECIMAL), Field.of("first", FieldType.STRING),
            Field.of("last", FieldType.STRING));

    static final Schema RULES = Schema.of(Field.of("antecedent", FieldType.STRING),
            Field.of("consequent", FieldType.STRING), Field.of("sequences", FieldType.INTEGER),
            Field.of("antecedent_sequences", FieldType.INTEGER), Field.of("consequent_sequences", FieldType.INTEGER),
            Field.of("support", FieldType.DECIMAL), Field.of("confidence", FieldType.DECIMAL),
            Field.of("lift", FieldType.DECIMAL));

    private final SequencePatternsParameters p;

    SequencePatternsStep(SequencePatternsParameters p) {
        this.p = p;
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        EventLog log;
        FieldType orderType;
        try (DataStream in = ctx.input(PortSpec.IN)) {
            Schema s = in.schema();
            orderType = SequencePatternsStepType.orderType(s, p);
            List<ParameterProblem> problems = p.spanProblems(orderType);
            if (!problems.isEmpty()) {
                throw new StepFailure("sequence-patterns: " + problems.get(0).parameter() + ": "
                        + problems.get(0).message());
            }
            log = new EventLog(s, p.keyColumn(), p.orderColumn().orElse(null), p.itemColumn());
            for (Batch b = in.next(); b != null; b = in.next()) {
                ctx.checkCancelled();
                log.add(b, ctx);
            }
        }
        log.seal();
        if (!p.keepRepeats()) {
            log.collapseRepeats();
        }
        ctx.progress(0.3);
        int sequences = log.sequences();
        int requested = (int) Math.max(1, Math.ceil(p.minSupport() * sequences - 1e-9));
        PrefixSpan miner = new PrefixSpan(log, requested, p.maxLength(), p.maxGap(orderType), p.window(orderType),
                p.maxPatterns());
        List<PrefixSpan.Found> patterns = miner.mine(ctx::checkCancelled);
        ctx.progress(0.8);
        long written = writePatterns(ctx, log, patterns);
        List<SequenceRule> rules = SequenceRule.from(patterns, sequences, p.minConfidence(), p.maxRules());
        written += writeRules(ctx, log, rules);
        long in = log.rows() - log.rejected();
        if (in >= written) {
            ctx.countFiltered(in - written);
        } else {
            ctx.countIn(written - in);
        }
        writeSummary(ctx, log, requested, miner, patterns.size(), rules.size());
        if (miner.minCount() > requested) {
            ctx.log().warn("sequence-patterns: more than {} patterns reach minSupport {}; kept the {} most frequent"
                    + " (each held by at least {} of {} sequences)", p.maxPatterns(), p.minSupport(),
                    patterns.size(), miner.minCount(), sequences);
        }
        ctx.progress(1.0);
    }

    static String text(EventLog log, int[] items, int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (i > from) {
                b.append(ARROW);
            }
            b.append(log.itemNames().get(items[i]));
        }
        return b.toString();
    }

    private long writePatterns(StepContext ctx, EventLog log, List<PrefixSpan.Found> patterns) throws Exception {
        BatchSink sink = ctx.output(PortSpec.OUT, PATTERNS);
        BatchBuilder b = new BatchBuilder(PATTERNS);
        double n = log.sequences();
        for (PrefixSpan.Found f : patterns) {
            int[] items = f.items();
            b.setString(0, text(log, items, 0, items.length)).setLong(1, items.length).setLong(2, f.count())
                    .setDouble(3, f.count() / n).setString(4, log.itemNames().get(items[0]))
                    .setString(5, log.itemNames().get(items[items.length - 1])).endRow();
            if (b.isFull()) {
                sink.write(b.build());
            }
        }
        if (!b.isEmpty()) {
            sink.write(b.build());
        }
        return patterns.size();
    }

    private long writeRules(StepContext ctx, EventLog log, List<SequenceRule> rules) throws Exception {
        BatchSink sink = ctx.output(RULES_PORT, RULES);
        BatchBuilder b = new BatchBuilder(RULES);
        for (SequenceRule r : rules) {
            b.setString(0, text(log, r.items(), 0, r.split())).setString(1, text(log, r.items(), r.split(),
                    r.items().length)).setLong(2, r.count()).setLong(3, r.antecedentCount())
                    .setLong(4, r.consequentCount()).setDouble(5, r.support()).setDouble(6, r.confidence())
                    .setDouble(7, r.lift()).endRow();
            if (b.isFull()) {
                sink.write(b.build());
            }
        }
        if (!b.isEmpty()) {
            sink.write(b.build());
        }
        return rules.size();
    }

    private void writeSummary(StepContext ctx, EventLog log, int requested, PrefixSpan miner, int patterns, int rules)
            throws Exception {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("sequences", Long.toString(log.sequences())));
        rows.add(List.of("events", Long.toString(log.events())));
        rows.add(List.of("distinct_items", Long.toString(log.itemNames().size())));
        rows.add(List.of("min_sequences_requested", Long.toString(requested)));
        rows.add(List.of("min_sequences_used", Long.toString(miner.minCount())));
        rows.add(List.of("patterns", Long.toString(patterns)));
        rows.add(List.of("rules", Long.toString(rules)));
        rows.add(List.of("search_nodes", Long.toString(miner.nodes())));
        java.nio.file.Path file = ctx.artifactDir().resolve(SUMMARY_FILE);
        CsvTable.write(file, List.of("metric", "value"), rows);
        ctx.addArtifact(file, ArtifactKind.TABLE, "Sequential patterns: summary");
    }

    /** A rule from a pattern split after {@code split} events, with its counts. */
    record SequenceRule(int[] items, int split, int count, int antecedentCount, int consequentCount,
            int sequences) {

        double support() {
            return count / (double) sequences;
        }

        double confidence() {
            return count / (double) antecedentCount;
        }

        double lift() {
            return confidence() / (consequentCount / (double) sequences);
        }

        /**
         * Every split of every pattern of two or more events whose two sides are themselves among the
         * patterns (they always are, unless maxPatterns cut one at a tie), best first.
         */
        static List<SequenceRule> from(List<PrefixSpan.Found> patterns, int sequences, double minConfidence,
                int maxRules) {
            Map<Key, Integer> counts = new HashMap<>();
            for (PrefixSpan.Found f : patterns) {
                counts.put(new Key(f.items()), f.count());
            }
            List<SequenceRule> rules = new ArrayList<>();
            for (PrefixSpan.Found f : patterns) {
                int[] items = f.items();
                for (int split = 1; split < items.length; split++) {
                    Integer a = counts.get(new Key(Arrays.copyOfRange(items, 0, split)));
                    Integer c = counts.get(new Key(Arrays.copyOfRange(items, split, items.length)));
                    if (a == null || c == null) {
                        continue;
                    }
                    SequenceRule r = new SequenceRule(items, split, f.count(), a, c, sequences);
                    if (r.confidence() >= minConfidence) {
                        rules.add(r);
                    }
                }
            }
            rules.sort(Comparator.comparingDouble(SequenceRule::confidence).reversed()
                    .thenComparing(Comparator.comparingInt(SequenceRule::count).reversed())
                    .thenComparingInt(r -> r.items().length));
            return rules.size() > maxRules ? new ArrayList<>(rules.subList(0, maxRules)) : rules;
        }
    }

    /** An int[] as a map key. */
    private record Key(int[] items) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(items, k.items);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(items);
        }
    }
}

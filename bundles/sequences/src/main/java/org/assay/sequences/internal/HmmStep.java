package org.assay.sequences.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.assay.api.artifact.CsvTable;
import org.assay.api.data.Batch;
import org.assay.api.data.BatchBuilder;
import org.assay.api.data.BatchSink;
import org.assay.api.data.DataStream;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.model.ModelStore;
import org.assay.api.model.TrainedModel;
import org.assay.api.step.ArtifactKind;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepContext;
import org.assay.api.step.StepFailure;

/** One run of {@code hmm}: train (or load), choose the states, decode every customer. */
final class HmmStep implements Step {

    static final String NEXT_PORT = "next";
    static final String STATES_PORT = "states";
    static final String TRANSITIONS_PORT = "transitions";
    static final String SELECTION_FILE = "hmm-model-selection.csv";
    static final String EMISSIONS_FILE = "hmm-emissions.csv";

    static Field keyField(Field input) {
        FieldType t = input.type() == FieldType.INTEGER ? FieldType.INTEGER : FieldType.STRING;
        Field f = Field.of(input.name(), t);
        return input.has(FieldTag.PII) ? f.withTags(FieldTag.PII) : f;
    }

    static Schema current(Field key) {
        return Schema.of(key, Field.of("periods", FieldType.INTEGER), Field.of("state", FieldType.INTEGER),
                Field.of("state_name", FieldType.STRING), Field.of("state_probability", FieldType.DECIMAL),
                Field.of("p_next_same", FieldType.DECIMAL), Field.of("p_next_more_active", FieldType.DECIMAL),
                Field.of("p_next_less_active", FieldType.DECIMAL), Field.of("p_next_least_active", FieldType.DECIMAL));
    }

    static Schema next(Field key) {
        return Schema.of(key, Field.of("state", FieldType.INTEGER), Field.of("state_name", FieldType.STRING),
                Field.of("probability", FieldType.DECIMAL));
    }

    static final Schema STATES = Schema.of(Field.of("state", FieldType.INTEGER),
            Field.of("state_name", FieldType.STRING), Field.of("description", FieldType.STRING),
            Field.of("initial", FieldType.DECIMAL), Field.of("stay", FieldType.DECIMAL),
            Field.of("customers_now", FieldType.INTEGER), Field.of("share_now", FieldType.DECIMAL));

    static final Schema TRANSITIONS = Schema.of(Field.of("from_state", FieldType.INTEGER),
            Field.of("from_name", FieldType.STRING), Field.of("to_state", FieldType.INTEGER),
            Field.of("to_name", FieldType.STRING), Field.of("probability", FieldType.DECIMAL));

    private final HmmParameters p;
    /** The model store as DS has it now, or null: asked at the start and again when saving. */
    private final Supplier<ModelStore> store;
    private double chosenBic = Double.NaN;

    HmmStep(HmmParameters p, Supplier<ModelStore> store) {
        this.p = p;
        this.store = store;
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        if (storesModel(ctx)) {
            // Fail before training, not after minutes of Baum-Welch, when the model has nowhere to go.
            modelStore();
        }
        Observations data;
        Field key;
        try (DataStream in = ctx.input(PortSpec.IN)) {
            Schema s = in.schema();
            for (String c : p.observations()) {
                if (!s.contains(c)) {
                    throw new StepFailure("hmm: observations: the input has no column '" + c + "'; one of "
                            + s.names());
                }
            }
            key = keyField(s.field(p.keyColumn()));
            data = new Observations(s, p.keyColumn(), p.periodColumn(), p.observations());
            for (Batch b = in.next(); b != null; b = in.next()) {
                ctx.checkCancelled();
                data.add(b, ctx);
            }
        }
        data.seal();
        ctx.progress(0.2);
        HmmCodec.Named named;
        Hmm.Values values = data::value;
        if (ctx.hasInput(PortSpec.MODEL)) {
            TrainedModel m = ctx.inputModel(PortSpec.MODEL);
            if (!HmmCodec.FORMAT.equals(m.format())) {
                throw new StepFailure("hmm: the model is " + m.format() + ", not an hmm model (" + HmmCodec.FORMAT
                        + "); connect the model output of an hmm step.");
            }
            try (InputStream in = m.openContent()) {
                named = HmmCodec.read(in);
            }
            values = remap(data, named.model());
        } else if (data.sequences() == 0) {
            named = null;
        } else {
            named = train(ctx, data);
        }
        ctx.progress(0.8);
        long written = 0;
        if (named != null) {
            written = decode(ctx, data, values, named, key);
            byte[] content = HmmCodec.write(named.model(), named.names());
            ctx.outputModel(PortSpec.MODEL, TrainedModel.builder(HmmCodec.FORMAT, Schema.of(List.of()))
                    .algorithm("hmm").options(named.model().states + " states")
                    .trainedRows(data.periods()).content(content).build());
            if (storesModel(ctx)) {
                store(ctx, content, named, data);
            }
        } else {
            ctx.output(PortSpec.OUT, current(key));
            ctx.output(NEXT_PORT, next(key));
            ctx.output(STATES_PORT, STATES);
            ctx.output(TRANSITIONS_PORT, TRANSITIONS);
        }
        long in = data.rows() - data.rejected();
        if (in >= written) {
            ctx.countFiltered(in - written);
        } else {
            ctx.countIn(written - in);
        }
        ctx.progress(1.0);
    }

    /** A new version in the model store, with what the shell and REST show about a model. */
    private void store(StepContext ctx, byte[] content, HmmCodec.Named named, Observations data) throws StepFailure {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("run", ctx.runId());
        meta.put("step", ctx.stepId());
        meta.put("algorithm", "hmm");
        meta.put("format", HmmCodec.FORMAT);
        meta.put("options", named.model().states + " states");
        meta.put("trainedRows", Long.toString(data.periods()));
        meta.put("sequences", Integer.toString(data.sequences()));
        meta.put("states", String.join("|", named.names()));
        meta.put("observations", String.join("|", named.model().columns));
        if (!Double.isNaN(chosenBic)) {
            meta.put("metric.bic", Double.toString(chosenBic));
            meta.put("measured", "bic on " + Math.min(data.sequences(), p.trainingSequences()) + " training sequences");
        }
        String name = p.modelName().get();
        ModelStore s = modelStore();
        try {
            ModelStore.Version saved = s.save(name, content, meta);
            if (p.promote()) {
                // A workflow step acts for nobody in particular: the store records the system principal.
                s.promote(name, saved.version(), ModelStore.SYSTEM);
            }
            ctx.log().info("hmm: model {} stored{}", saved.label(), p.promote() ? " and promoted to champion" : "");
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new StepFailure("hmm: modelName '" + name + "': the model store refused the model: "
                    + e.getMessage());
        }
    }

    /** Whether this run puts its model in the store: a name is given and the model is trained here. */
    private boolean storesModel(StepContext ctx) {
        return p.modelName().isPresent() && !ctx.hasInput(PortSpec.MODEL);
    }

    private ModelStore modelStore() throws StepFailure {
        ModelStore s = store.get();
        if (s == null) {
            throw new StepFailure("hmm: modelName '" + p.modelName().orElse("") + "'"
                    + (p.promote() ? " (with promote)" : "") + " needs the model store, and none is running:"
                    + " install the feature assay-miners (it provides the store weka-classify uses), or leave out"
                    + " modelName to keep the model only in this run's model output.");
        }
        return s;
    }

    /** Model category codes for the input's categories; a category the model never saw is missing. */
    private static Hmm.Values remap(Observations data, Hmm model) throws StepFailure {
        if (data.dims() != model.dims()) {
            throw new StepFailure("hmm: the model was trained on " + model.columns + "; name the same observations");
        }
        int[][] codes = new int[data.dims()][];
        for (int d = 0; d < data.dims(); d++) {
            if (!data.name(d).equals(model.columns.get(d)) || data.categorical(d) != model.categorical[d]
                    || data.count(d) != model.count[d]) {
                throw new StepFailure("hmm: the model was trained on " + model.columns + " (same order and types);"
                        + " observations are " + data.name(d) + " at position " + (d + 1));
            }
            if (data.categorical(d)) {
                List<String> known = model.categories.get(d);
                codes[d] = data.categories(d).stream().mapToInt(known::indexOf).toArray();
            }
        }
        return (t, d) -> {
            double x = data.value(t, d);
            if (codes[d] == null || Double.isNaN(x)) {
                return x;
            }
            int c = codes[d][(int) x];
            return c < 0 ? Double.NaN : c;
        };
    }

    private HmmCodec.Named train(StepContext ctx, Observations data) throws Exception {
        int[] sample = sample(data.sequences(), p.trainingSequences(), p.seed());
        BaumWelch bw = new BaumWelch(data, sample, p.maxIterations(), p.tolerance());
        int from = p.states().orElse(p.minStates());
        int to = p.states().orElse(p.maxStates());
        long periods = 0;
        for (int s : sample) {
            periods += data.end(s) - data.start(s);
        }
        List<List<String>> rows = new ArrayList<>();
        BaumWelch.Fit best = null;
        double bestBic = Double.POSITIVE_INFINITY;
        for (int k = from; k <= to; k++) {
            BaumWelch.Fit f = bw.fit(k, p.restarts(), p.seed(), ctx::checkCancelled);
            double bic = -2 * f.logLikelihood() + f.model().parameters() * Math.log(Math.max(2, periods));
            rows.add(new ArrayList<>(List.of(Integer.toString(k), CsvTable.number(f.logLikelihood()),
                    Integer.toString(f.model().parameters()), CsvTable.number(bic), Integer.toString(f.iterations()),
                    Boolean.toString(f.converged()))));
            if (bic < bestBic) {
                bestBic = bic;
                best = f;
                this.chosenBic = bic;
            }
            ctx.progress(0.2 + 0.6 * (k - from + 1) / (to - from + 1));
        }
        for (List<String> r : rows) {
            r.add(Boolean.toString(Integer.parseInt(r.get(0)) == best.model().states));
        }
        Path file = ctx.artifactDir().resolve(SELECTION_FILE);
        CsvTable.write(file, List.of("states", "log_likelihood", "parameters", "bic", "iterations", "converged",
                "chosen"), rows);
        ctx.addArtifact(file, ArtifactKind.TABLE, "HMM: number of states by BIC (lowest wins)");
        if (!best.converged()) {
            ctx.log().warn("hmm: Baum-Welch stopped at maxIterations ({}) before the tolerance was met",
                    p.maxIterations());
        }
        Hmm ordered = byActivity(best.model(), data);
        List<String> names = p.stateNames().isEmpty() ? StateNames.defaults(ordered.states) : p.stateNames();
        return new HmmCodec.Named(ordered, names);
    }

    /** A seeded sample of n of the sequence indexes (all of them when there are no more). */
    static int[] sample(int sequences, int n, long seed) {
        int[] all = new int[sequences];
        for (int i = 0; i < sequences; i++) {
            all[i] = i;
        }
        if (sequences <= n) {
            return all;
        }
        Random random = new Random(seed);
        for (int i = 0; i < n; i++) {
            int j = i + random.nextInt(sequences - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] chosen = java.util.Arrays.copyOf(all, n);
        java.util.Arrays.sort(chosen);
        return chosen;
    }

    /** States renumbered from the most active down (by the activity column's mean; else by start share). */
    private Hmm byActivity(Hmm h, Observations data) {
        int activity = -1;
        String named = p.activityColumn().orElse(null);
        for (int d = 0; d < h.dims() && activity < 0; d++) {
            if (!h.categorical[d] && (named == null || named.equals(h.columns.get(d)))) {
                activity = d;
            }
        }
        Integer[] order = new Integer[h.states];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        int a = activity;
        java.util.Arrays.sort(order, (x, y) -> a >= 0 ? Double.compare(h.mean[y][a], h.mean[x][a])
                : Double.compare(h.initial[y], h.initial[x]));
        int[] o = new int[order.length];
        for (int i = 0; i < o.length; i++) {
            o[i] = order[i];
        }
        return h.permuted(o);
    }

    private long decode(StepContext ctx, Observations data, Hmm.Values values, HmmCodec.Named named, Field key)
            throws Exception {
        Hmm h = named.model();
        List<String> names = named.names();
        int k = h.states;
        Schema cur = current(key);
        Schema nxt = next(key);
        BatchSink out = ctx.output(PortSpec.OUT, cur);
        BatchSink nextSink = ctx.output(NEXT_PORT, nxt);
        BatchBuilder ob = new BatchBuilder(cur);
        BatchBuilder nb = new BatchBuilder(nxt);
        int longest = 0;
        for (int s = 0; s < data.sequences(); s++) {
            longest = Math.max(longest, data.end(s) - data.start(s));
        }
        double[][] b = new double[longest][k];
        double[] logScale = new double[longest];
        double[][] alpha = new double[longest][k];
        double[] scale = new double[longest];
        long[] now = new long[k];
        boolean integerKey = key.type() == FieldType.INTEGER;
        long written = 0;
        for (int s = 0; s < data.sequences(); s++) {
            if ((s & 1023) == 0) {
                ctx.checkCancelled();
            }
            int from = data.start(s);
            int n = data.end(s) - from;
            h.emissions(values, from, from + n, b, logScale);
            h.forward(b, logScale, n, alpha, scale);
            int[] path = h.viterbi(b, n);
            int state = path[n - 1];
            now[state]++;
            double[] ahead = new double[k];
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    ahead[j] += alpha[n - 1][i] * h.transition[i][j];
                }
            }
            double more = 0;
            double less = 0;
            for (int j = 0; j < k; j++) {
                if (j < state) {
                    more += ahead[j];
                } else if (j > state) {
                    less += ahead[j];
                }
            }
            String keyText = data.key(s);
            setKey(ob, integerKey, keyText);
            ob.setLong(1, n).setLong(2, state + 1).setString(3, names.get(state)).setDouble(4, alpha[n - 1][state])
                    .setDouble(5, ahead[state]).setDouble(6, more).setDouble(7, less).setDouble(8, ahead[k - 1])
                    .endRow();
            written++;
            if (ob.isFull()) {
                out.write(ob.build());
            }
            for (int j = 0; j < k; j++) {
                setKey(nb, integerKey, keyText);
                nb.setLong(1, j + 1).setString(2, names.get(j)).setDouble(3, ahead[j]).endRow();
                written++;
                if (nb.isFull()) {
                    nextSink.write(nb.build());
                }
            }
        }
        if (!ob.isEmpty()) {
            out.write(ob.build());
        }
        if (!nb.isEmpty()) {
            nextSink.write(nb.build());
        }
        written += writeStates(ctx, h, names, now, data.sequences());
        written += writeTransitions(ctx, h, names);
        writeEmissions(ctx, h, names);
        return written;
    }

    private static void setKey(BatchBuilder b, boolean integer, String key) {
        if (integer) {
            b.setLong(0, Long.parseLong(key));
        } else {
            b.setString(0, key);
        }
    }

    private long writeStates(StepContext ctx, Hmm h, List<String> names, long[] now, int customers) throws Exception {
        BatchSink sink = ctx.output(STATES_PORT, STATES);
        BatchBuilder b = new BatchBuilder(STATES);
        for (int k = 0; k < h.states; k++) {
            b.setLong(0, k + 1).setString(1, names.get(k)).setString(2, describe(h, k)).setDouble(3, h.initial[k])
                    .setDouble(4, h.transition[k][k]).setLong(5, now[k])
                    .setDouble(6, customers == 0 ? 0 : now[k] / (double) customers).endRow();
        }
        sink.write(b.build());
        return h.states;
    }

    /** The emission profile in words: "orders 2.1 (sd 0.8), plan mostly pro (71%)". */
    static String describe(Hmm h, int k) {
        List<String> parts = new ArrayList<>();
        for (int d = 0; d < h.dims(); d++) {
            if (h.categorical[d]) {
                double[] pr = h.probability[k][d];
                int top = 0;
                for (int c = 1; c < pr.length; c++) {
                    if (pr[c] > pr[top]) {
                        top = c;
                    }
                }
                parts.add(pr.length == 0 ? h.columns.get(d) + " unseen" : String.format(Locale.ROOT,
                        "%s mostly %s (%.0f%%)", h.columns.get(d), h.categories.get(d).get(top), 100 * pr[top]));
            } else if (h.count[d]) {
                parts.add(String.format(Locale.ROOT, "%s %s a period", h.columns.get(d), round(h.mean[k][d])));
            } else {
                parts.add(String.format(Locale.ROOT, "%s %s (sd %s)", h.columns.get(d), round(h.mean[k][d]),
                        round(Math.sqrt(h.variance[k][d]))));
            }
        }
        return String.join(", ", parts);
    }

    private static String round(double v) {
        return CsvTable.number(Math.abs(v) >= 100 ? Math.rint(v) : Math.rint(v * 100) / 100);
    }

    private long writeTransitions(StepContext ctx, Hmm h, List<String> names) throws Exception {
        BatchSink sink = ctx.output(TRANSITIONS_PORT, TRANSITIONS);
        BatchBuilder b = new BatchBuilder(TRANSITIONS);
        for (int i = 0; i < h.states; i++) {
            for (int j = 0; j < h.states; j++) {
                b.setLong(0, i + 1).setString(1, names.get(i)).setLong(2, j + 1).setString(3, names.get(j))
                        .setDouble(4, h.transition[i][j]).endRow();
            }
        }
        sink.write(b.build());
        return (long) h.states * h.states;
    }

    private void writeEmissions(StepContext ctx, Hmm h, List<String> names) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        for (int k = 0; k < h.states; k++) {
            for (int d = 0; d < h.dims(); d++) {
                if (h.categorical[d]) {
                    for (int c = 0; c < h.probability[k][d].length; c++) {
                        rows.add(List.of(Integer.toString(k + 1), names.get(k), h.columns.get(d),
                                h.categories.get(d).get(c), "", "", CsvTable.number(h.probability[k][d][c])));
                    }
                } else {
                    double sd = h.count[d] ? Math.sqrt(h.mean[k][d]) : Math.sqrt(h.variance[k][d]);
                    rows.add(List.of(Integer.toString(k + 1), names.get(k), h.columns.get(d), "",
                            CsvTable.number(h.mean[k][d]), CsvTable.number(sd), ""));
                }
            }
        }
        Path file = ctx.artifactDir().resolve(EMISSIONS_FILE);
        CsvTable.write(file, List.of("state", "state_name", "column", "category", "mean", "sd", "probability"), rows);
        ctx.addArtifact(file, ArtifactKind.TABLE, "HMM: what each state emits");
    }
}

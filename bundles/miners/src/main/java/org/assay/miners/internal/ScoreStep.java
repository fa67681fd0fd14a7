package org.assay.miners.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assay.api.data.Batch;
import org.assay.api.data.BatchSink;
import org.assay.api.data.Column;
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
import weka.core.Instance;

/**
 * One run of {@code weka-score}: loads the model (from the model port, or the store) through
 * the deserialisation filter, checks the input against its training header, then streams the
 * input once, appending the prediction, the probabilities and the reasons to each batch.
 */
final class ScoreStep implements Step {

    private final ScoreParameters params;
    private final ModelStore store;

    ScoreStep(ScoreParameters params, ModelStore store) {
        this.params = params;
        this.store = store;
    }

    /** A model ready to score: classifier and header, its Assay schema and its properties. */
    record Loaded(WekaModelCodec.Decoded model, Schema schema, Map<String, String> properties, String label) {
    }

    @Override
    public void run(StepContext context) throws Exception {
        Loaded loaded = load(context);
        WekaModelCodec.Decoded model = loaded.model();
        List<Field> added = ScoredColumns.fields(loaded.schema(), params);
        boolean classification = model.header().classAttribute().isNominal();
        int positive = -1;
        if (classification && loaded.properties().containsKey("positiveClass")) {
            positive = model.header().classAttribute().indexOfValue(loaded.properties().get("positiveClass"));
        }
        double cut = cut(loaded, positive);
        if (!Double.isNaN(cut)) {
            context.log().info("weka-score: predicting {} when its probability is at least {}",
                    model.header().classAttribute().value(positive), cut);
        }
        PerturbationExplainer explainer = params.reasons() == 0 ? null : new PerturbationExplainer(model.classifier(),
                model.header(), baselines(loaded.properties()), positive);
        long rows = 0;
        long failed = 0;
        RowEncoder encoder;
        ExplanationsFile explanations = null;
        try (DataStream in = context.input(PortSpec.IN)) {
            Schema schema = in.schema();
            encoder = RowEncoder.of(model.header(), loaded.schema(), schema, "input 'in' does not fit " + loaded.label());
            int key = keyIndex(schema);
            if (explainer != null && params.explanations()) {
                explanations = explanationsFile(context, schema, loaded);
            }
            Schema outSchema = ScoredColumns.output(schema, added);
            BatchSink out = context.output(PortSpec.OUT, outSchema);
            int classes = classification ? model.header().classAttribute().numValues() : 0;
            for (Batch batch = in.next(); batch != null; batch = in.next()) {
                context.checkCancelled();
                int n = batch.rowCount();
                String[] predicted = new String[n];
                double[] value = new double[n];
                BitSet noValue = new BitSet();
                double[][] probability = new double[classes][n];
                BitSet noProbability = new BitSet();
                String[][] reasons = new String[params.reasons()][n];
                int topCount = classification ? ScoredColumns.topCount(params, classes) : 0;
                String[][] top = new String[topCount][n];
                for (int r = 0; r < n; r++) {
                    Instance row = encoder.encode(batch, r);
                    int explained = -1;
                    double score = Double.NaN;
                    List<PerturbationExplainer.Reason> why = List.of();
                    try {
                        if (classification) {
                            double[] dist = model.classifier().distributionForInstance(row);
                            int best = argmax(dist);
                            if (best >= 0 && !Double.isNaN(cut)) {
                                best = dist[positive] >= cut ? positive : 1 - positive;
                            }
                            predicted[r] = best < 0 ? null : model.header().classAttribute().value(best);
                            for (int c = 0; c < classes; c++) {
                                probability[c][r] = dist[c];
                            }
                            if (topCount > 0) {
                                topClasses(dist, top, r, model.header().classAttribute());
                            }
                        } else {
                            value[r] = model.classifier().classifyInstance(row);
                            if (Double.isNaN(value[r])) {
                                noValue.set(r);
                            }
                        }
                        if (explainer != null) {
                            explained = explainer.explainedClass(row);
                            score = explainer.score(row, explained);
                            why = explainer.explain(row, score,
                                    explanations == null ? params.reasons() : Integer.MAX_VALUE);
                            for (int k = 0; k < why.size() && k < params.reasons(); k++) {
                                reasons[k][r] = why.get(k).text();
                            }
                        }
                    } catch (Exception e) {
                        // A row the model cannot score keeps empty predictions; counted and logged once below.
                        failed++;
                        noValue.set(r);
                        noProbability.set(r);
                        predicted[r] = null;
                        why = List.of();
                        score = Double.NaN;
                    }
                    if (explanations != null) {
                        // Outside the try: a failed write fails the step, it is not an unscorable row.
                        explanations.write(key < 0 ? Long.toString(rows + r + 1)
                                : batch.column(key).isNull(r) ? "" : batch.column(key).getString(r),
                                classification ? predicted[r] : noValue.get(r) ? null
                                        : PerturbationExplainer.shown(value[r]),
                                explained < 0 ? "" : model.header().classAttribute().value(explained),
                                score, why);
                    }
                }
                Batch scored = batch;
                int f = 0;
                if (classification) {
                    scored = scored.with(added.get(f++), Column.ofTexts(FieldType.CATEGORICAL, predicted, n));
                    if (params.probabilities()) {
                        for (int c = 0; c < classes; c++) {
                            scored = scored.with(added.get(f++), Column.ofDoubles(FieldType.DECIMAL, probability[c], n,
                                    (BitSet) noProbability.clone()));
                        }
                    }
                } else {
                    scored = scored.with(added.get(f++), Column.ofDoubles(FieldType.DECIMAL, value, n, noValue));
                }
                for (int k = 0; k < topCount; k++) {
                    scored = scored.with(added.get(f++), Column.ofTexts(FieldType.CATEGORICAL, top[k], n));
                }
                for (int k = 0; k < params.reasons(); k++) {
                    scored = scored.with(added.get(f++), Column.ofTexts(FieldType.STRING, reasons[k], n));
                }
                out.write(scored.withSchema(outSchema));
                rows += n;
            }
        } finally {
            if (explanations != null) {
                explanations.close();
            }
        }
        if (failed > 0) {
            context.log().warn("weka-score: {} of {} rows could not be scored by {}; their prediction is empty",
                    failed, rows, loaded.label());
        }
        Map<String, Long> unseen = new TreeMap<>(encoder.unseen());
        unseen.forEach((column, n) -> context.log().warn("weka-score: {} rows have a {} value {} never saw in"
                + " training; scored as missing", n, column, loaded.label()));
        context.log().info("weka-score: scored {} rows with {}", rows, loaded.label());
        context.progress(1.0);
    }

    /** Row {@code r}'s classes by probability, best first (the lower index on a tie), into top[0..k). */
    private static void topClasses(double[] dist, String[][] top, int r, weka.core.Attribute cls) {
        boolean[] taken = new boolean[dist.length];
        for (int k = 0; k < top.length; k++) {
            int best = -1;
            for (int c = 0; c < dist.length; c++) {
                if (!taken[c] && (best < 0 || dist[c] > dist[best])) {
                    best = c;
                }
            }
            taken[best] = true;
            top[k][r] = cls.value(best);
        }
    }

    /** The key column's position: keyColumn, else the first id-tagged column; -1 for row numbers. */
    private int keyIndex(Schema schema) throws StepFailure {
        if (params.keyColumn().isPresent()) {
            int i = schema.indexOf(params.keyColumn().get());
            if (i < 0) {
                throw new StepFailure("keyColumn: input 'in' has no column '" + params.keyColumn().get() + "'.");
            }
            if (schema.field(i).has(FieldTag.PII)) {
                throw new StepFailure("keyColumn: '" + params.keyColumn().get() + "' is personal data (pii); name"
                        + " an id column instead.");
            }
            return i;
        }
        for (int i = 0; i < schema.size(); i++) {
            if (schema.field(i).has(FieldTag.ID) && !schema.field(i).has(FieldTag.PII)) {
                return i;
            }
        }
        return -1;
    }

    private static ExplanationsFile explanationsFile(StepContext context, Schema schema, Loaded loaded)
            throws IOException {
        Set<String> pii = new HashSet<>();
        for (Field f : schema) {
            if (f.has(FieldTag.PII)) {
                pii.add(f.name());
            }
        }
        // The training header's tags count too: a column pii when trained stays so.
        for (Field f : loaded.schema()) {
            if (f.has(FieldTag.PII)) {
                pii.add(f.name());
            }
        }
        Path file = context.artifactDir().resolve(ExplanationsFile.NAME);
        ExplanationsFile out = new ExplanationsFile(file, loaded.label(), pii, baselines(loaded.properties()));
        context.addArtifact(file, ArtifactKind.DATA, "Why each row got its score (assay:explain)");
        return out;
    }

    /**
     * The cut on the positive class's probability: the parameter, else the model's chosen one;
     * NaN to predict the most probable class.
     */
    private double cut(Loaded loaded, int positive) throws StepFailure {
        boolean twoClass = positive >= 0 && loaded.model().header().classAttribute().isNominal()
                && loaded.model().header().classAttribute().numValues() == 2;
        if (params.threshold().isPresent()) {
            if (!twoClass) {
                throw new StepFailure("threshold: " + loaded.label() + " is not a two-class model with a positive"
                        + " class, so there is no probability to cut; leave threshold out.");
            }
            return params.threshold().get();
        }
        String chosen = loaded.properties().get(DecisionThreshold.PROPERTY);
        if (chosen == null || !twoClass) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(chosen);
        } catch (NumberFormatException e) {
            throw new StepFailure(loaded.label() + " has a malformed threshold '" + chosen + "'; give 'threshold'"
                    + " explicitly.");
        }
    }

    private static int argmax(double[] dist) {
        int best = -1;
        double max = 0;
        for (int c = 0; c < dist.length; c++) {
            if (dist[c] > max) {
                max = dist[c];
                best = c;
            }
        }
        return best;
    }

    private static Map<String, String> baselines(Map<String, String> properties) {
        Map<String, String> out = new TreeMap<>();
        properties.forEach((k, v) -> {
            if (k.startsWith(TrainingData.BASELINE)) {
                out.put(k.substring(TrainingData.BASELINE.length()), v);
            }
        });
        return out;
    }

    private Loaded load(StepContext context) throws IOException, StepFailure {
        if (context.hasInput(PortSpec.MODEL)) {
            TrainedModel m = context.inputModel(PortSpec.MODEL);
            if (!WekaModelCodec.FORMAT.equals(m.format())) {
                throw new StepFailure("input 'model' carries a " + m.format() + " model; weka-score applies "
                        + WekaModelCodec.FORMAT + " models from weka-classify.");
            }
            try (InputStream in = m.openContent()) {
                return new Loaded(WekaModelCodec.decode(in, "the model on input 'model'"), m.header(), m.properties(),
                        "the model on input 'model'");
            }
        }
        if (params.modelName().isEmpty()) {
            throw new StepFailure("no model: connect input 'model' to a weka-classify step, or name a stored model in"
                    + " 'modelName'.");
        }
        ModelStore.Version v = resolve(store, params.modelName().get(), params);
        try (InputStream in = store.open(v.name(), v.version())) {
            return new Loaded(WekaModelCodec.decode(in, "stored model " + v.label()), StoredSchema.of(v),
                    v.metadata(), "stored model " + v.label());
        }
    }

    /** The stored version to score with; a tainted one is refused (checked at deploy too). */
    static ModelStore.Version resolve(ModelStore store, String name, ScoreParameters p) throws IOException, StepFailure {
        ModelStore.Version v = find(store, name, p);
        java.util.Optional<String> tainted = org.assay.api.audit.ModelTaint.refusal(v.name(), v.version(),
                v.metadata());
        if (tainted.isPresent()) {
            throw new StepFailure("modelName: " + tainted.get());
        }
        return v;
    }

    static ModelStore.Version find(ModelStore store, String name, ScoreParameters p) throws IOException,
            StepFailure {
        List<ModelStore.Version> versions = store.versions(name);
        if (versions.isEmpty()) {
            List<String> names = store.names();
            throw new StepFailure("modelName: the model store has no model '" + name + "'"
                    + (names.isEmpty() ? " (it is empty; store one with weka-classify's storeAs)" : "; it has " + names)
                    + ".");
        }
        if (ScoreParameters.CHAMPION.equals(p.version())) {
            return store.champion(name).orElseThrow(() -> new StepFailure("version: model '" + name + "' has no"
                    + " champion; promote one (assay:model-promote) or give a version number."));
        }
        int number = p.versionNumber();
        return store.version(name, number).orElseThrow(() -> new StepFailure("version: model '" + name + "' has no"
                + " version " + number + "; it has " + new ArrayList<>(versions.stream().map(x -> "v" + x.version())
                        .toList()) + "."));
    }
}

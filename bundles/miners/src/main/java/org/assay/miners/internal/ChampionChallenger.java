package org.assay.miners.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.assay.api.data.Field;
import org.assay.api.model.ModelStore;
import org.assay.api.model.TrainedModel;

/**
 * Stores a new model version and decides whether it replaces the champion: only when it was
 * measured the same way (same evaluation, folds, seed) and beats the champion's figure on the
 * chosen metric by at least the margin; otherwise it stays a challenger. Comparing figures from
 * different evaluations would promote on luck.
 */
final class ChampionChallenger {

    /** What happened, in a sentence for the log and the summary. */
    record Decision(ModelStore.Version version, boolean promoted, String message) {
    }

    private ChampionChallenger() {
    }

    static Decision store(ModelStore store, String name, byte[] content, TrainedModel model, ModelMetrics metrics,
            Optional<String> metricName, double margin, String runId, String stepId) throws IOException {
        boolean classification = "classification".equals(model.property("task").orElse(""));
        String metric = metricName.orElse(classification ? "auc" : "rmse");
        Map<String, String> meta = new LinkedHashMap<>(model.properties());
        meta.put("run", runId);
        meta.put("step", stepId);
        meta.put("algorithm", model.algorithm());
        meta.put("options", model.options());
        meta.put("format", model.format());
        meta.put("trainedRows", Long.toString(model.trainedRows()));
        int i = 0;
        for (Field f : model.header()) {
            meta.put("schema." + i++, f.name() + ":" + f.type().jsonName()
                    + (f.categories().isEmpty() ? "" : ":" + String.join("|", f.categories())));
        }
        Optional<ModelStore.Version> champion = store.champion(name);
        ModelStore.Version saved = store.save(name, content, meta);
        double value = metrics.headline().getOrDefault(metric, Double.NaN);
        if (champion.isEmpty()) {
            store.promote(name, saved.version());
            return new Decision(saved, true, saved.label() + " stored and promoted to champion (the first champion)");
        }
        ModelStore.Version c = champion.get();
        if (org.assay.api.audit.ModelTaint.isTainted(c.metadata())) {
            // A tainted champion must not score again, whatever its figures: the retrained one replaces it.
            store.promote(name, saved.version());
            return new Decision(saved, true, saved.label() + " stored and promoted to champion in place of tainted "
                    + c.label() + " (trained on erased rows)");
        }
        String figures = metric + " " + QualityGates.format(value) + " vs champion v" + c.version() + "'s "
                + QualityGates.format(c.metric(metric));
        if (!metrics.measured().equals(c.metadata().get("measured"))) {
            return new Decision(saved, false, saved.label() + " stored as challenger: it was measured by "
                    + metrics.measured() + ", champion v" + c.version() + " by " + c.metadata().get("measured")
                    + ", so the figures do not compare; promote it by hand (assay:model-promote) if it is better");
        }
        double gain = QualityGates.higherIsBetter(metric) ? value - c.metric(metric) : c.metric(metric) - value;
        if (!Double.isNaN(gain) && gain > 0 && gain >= margin) {
            store.promote(name, saved.version());
            return new Decision(saved, true, saved.label() + " stored and promoted to champion: " + figures
                    + (margin > 0 ? " (margin " + QualityGates.format(margin) + ")" : ""));
        }
        return new Decision(saved, false, saved.label() + " stored as challenger; champion v" + c.version()
                + " stays: " + figures + (margin > 0 ? ", margin " + QualityGates.format(margin) : ""));
    }
}

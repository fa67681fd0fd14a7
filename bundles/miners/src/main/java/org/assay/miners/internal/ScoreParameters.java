package org.assay.miners.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assay.api.model.ModelStore;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Columns;
import org.assay.api.step.typed.Param;

/** The parameters of {@code weka-score}. */
record ScoreParameters(
        @Param(description = "Score with this model from the model store, when input 'model' is not connected.")
        Optional<String> modelName,
        @Param(description = "Which stored version of modelName: champion, or a version number such as 3.",
                defaultValue = "champion")
        String version,
        @Param(description = "Name of the column added with the prediction (the class, or the value of a"
                            + " regression); replaces an input column of that name.",
                defaultValue = "prediction")
        String predictionColumn,
        @Param(description = "Add a decimal column probability_<class> per class with the model's probability.",
                defaultValue = "true")
        boolean probabilities,
        @Param(description = "For a classification: add this many categorical columns top_1, top_2, ... with the"
                            + " most probable classes, best first (the next-best offer, the likeliest segments)."
                            + " At most the number of classes; 0 for none; ignored for a regression.",
                defaultValue = "0", min = 0, max = 20)
        int topClasses,
        @Param(description = "For a two-class model: predict the positive class when its probability is at least"
                            + " this cut. Default: the cut weka-classify chose with its 'threshold' parameter (max-f1,"
                            + " recall), else the most probable class.",
                min = 0, max = 1)
        Optional<Double> threshold,
        @Param(description = "Add this many text columns reason_1, reason_2, ... with the features that moved the"
                            + " row's score most, e.g. \"contract month-to-month: +0.21\" (its churn probability is"
                            + " 0.21 higher than with the typical contract). 0 for none; each reason costs one"
                            + " prediction per feature and row.",
                defaultValue = "3", min = 0, max = 10)
        int reasons,
        @Param(description = "With reasons above 0, also write the artifact explanations.csv: every feature's"
                            + " contribution for every row, by key, which assay:explain <run> <key> reads. Personal"
                            + " data is never written: pii features show as (personal data).",
                defaultValue = "true")
        boolean explanations,
        @Param(description = "The column that identifies a row in explanations.csv; default the id-tagged column,"
                            + " else the row number (1 for the first row). Must not be a pii column.")
        @Columns(pii = false)
        Optional<String> keyColumn) implements CheckedParameters {

    static final String CHAMPION = "champion";

    @Override
    public List<ParameterProblem> problems() {
        List<ParameterProblem> problems = new ArrayList<>();
        modelName.filter(n -> !ModelStore.validName(n)).ifPresent(n -> problems.add(ParameterProblem.of("modelName",
                "'" + n + "' is not a model name; use letters, digits, '-', '_' and '.'.")));
        if (!CHAMPION.equals(version) && versionNumber() < 1) {
            problems.add(ParameterProblem.of("version", "'" + version + "' is neither champion nor a version number"
                    + " such as 3."));
        }
        if (predictionColumn.isBlank()) {
            problems.add(ParameterProblem.of("predictionColumn", "must not be empty; name the column to add, e.g."
                    + " prediction."));
        }
        return problems;
    }

    /** The version number, or 0 for champion or a malformed value. */
    int versionNumber() {
        try {
            return Integer.parseInt(version.strip().replaceFirst("^v", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

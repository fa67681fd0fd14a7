package org.assay.miners.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assay.api.data.FieldType;
import org.assay.api.model.ModelStore;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Columns;
import org.assay.api.step.typed.Param;

/** The parameters of {@code weka-classify}, and the rules between them. */
record ClassifyParameters(
        @Param(description = "Weka classifier class, under weka.classifiers, e.g. " + ClassifierSetup.EXAMPLES
                            + ". A categorical, boolean or string target makes it a classification, an integer or"
                            + " decimal target a regression (LinearRegression, M5P, RandomForest, ...). auto (the"
                            + " default): weka.classifiers.functions.Logistic for a classification,"
                            + " weka.classifiers.functions.LinearRegression for a regression, Weka's defaults; the"
                            + " summary and the model say which ran.",
                defaultValue = ClassifierSetup.AUTO)
        String algorithm,
        @Param(description = "Options for the classifier, as on Weka's command line, e.g. \"-C 0.25 -M 2\" for J48"
                            + " or \"-W weka.classifiers.trees.J48 -- -M 5\" for a meta scheme. Empty for Weka's"
                            + " defaults. Classes named in the options must be under weka.; options that name a"
                            + " file are refused.")
        Optional<String> options,
        @Param(description = "The column to predict. Default: the input column tagged target. A categorical, boolean"
                            + " or string target (\"Yes\"/\"No\") is a classification, its classes the values in the"
                            + " data; an integer or decimal target a regression (declare a 0/1 column categorical"
                            + " in the reader to classify it).")
        @Columns(types = {FieldType.CATEGORICAL, FieldType.BOOLEAN, FieldType.STRING, FieldType.INTEGER,
                FieldType.DECIMAL})
        Optional<String> target,
        @Param(description = "Columns to learn from: integer, decimal, date and timestamp columns are numeric,"
                            + " categorical, boolean and string columns nominal (the values in the data). Default:"
                            + " every column except the target, columns tagged id or pii, key-like columns (a name"
                            + " like customer_id with a different value in every row), and string columns that do"
                            + " not read as categories: a string column is used when it has at most "
                            + PredictorColumns.MAX_TEXT_VALUES + " distinct values and no more than "
                            + PredictorColumns.MAX_TEXT_SHARE_PERCENT + "% of its rows with a value (ids, surnames"
                            + " and free text fail that). Left-out columns and why are listed in the log,"
                            + " metrics.json and model-summary.txt. Named columns are always used.",
                defaultValue = "[]")
        @Columns(types = {FieldType.INTEGER, FieldType.DECIMAL, FieldType.DATE, FieldType.TIMESTAMP,
                FieldType.CATEGORICAL, FieldType.BOOLEAN, FieldType.STRING})
        List<String> columns,
        @Param(description = "How the model is measured.", defaultValue = "cross-validation")
        EvaluationMode evaluation,
        @Param(description = "Folds for cross-validation.", defaultValue = "10", min = 2, max = 100)
        int folds,
        @Param(description = "Share of the rows, in percent, trained on in a holdout evaluation.",
                defaultValue = "66", min = 1, max = 99)
        double trainPercent,
        @Param(description = "Random seed for the folds or the holdout split; the same seed gives the same figures.",
                defaultValue = "1")
        int seed,
        @Param(description = "The class whose precision, recall, F1 and AUC are the headline figures (metric names"
                            + " without a class) for a two-class target. Default: the rarer class in the training"
                            + " rows (churners, buyers). For more classes the headline figures are Weka's"
                            + " class-weighted averages.")
        Optional<String> positiveClass,
        @Param(description = "How a two-class model turns the positive class's probability into a prediction. The"
                            + " cut is chosen on the evaluation's held-out predictions, its figures (threshold,"
                            + " threshold_precision, threshold_recall, threshold_f1) go to metrics.json and the"
                            + " metrics output, and weka-score predicts with it.",
                defaultValue = "most-probable")
        ThresholdChoice threshold,
        @Param(description = "For threshold recall: the share of the positive rows the cut must find, e.g. 0.8.",
                min = 0, max = 1)
        Optional<Double> minRecall,
        @Param(description = "Quality gates: metric name to a bound, e.g. {\"auc\": \">= 0.80\", \"f1\": \">= 0.6\"}."
                            + " The run fails, and no model is stored, when a figure misses its bound. Metrics: "
                            + QualityGates.METRICS + ".",
                defaultValue = "{}")
        Map<String, String> gates,
        @Param(description = "Store the trained model in the model store under this name, as a new version (letters,"
                            + " digits, '-', '_', '.'). The new version becomes champion when it beats the current"
                            + " champion on 'championMetric' by 'championMargin'; otherwise it stays a challenger.")
        Optional<String> storeAs,
        @Param(description = "The metric the champion/challenger comparison uses. Default: auc for a"
                            + " classification, rmse for a regression.")
        Optional<String> championMetric,
        @Param(description = "How much better a challenger must be to replace the champion, in the metric's units.",
                defaultValue = "0", min = 0)
        double championMargin,
        @Param(description = "At most this many points per class in roc-curve.csv and the curves output, evenly"
                + " spaced over the ranked predictions (the first and last always kept); 0 keeps a point per"
                + " distinct probability, which for a model with smooth probabilities is a point per row. AUC and the"
                + " threshold choice always use every prediction.", defaultValue = "1000", min = 0, max = 1000000)
        int curvePoints) implements CheckedParameters {

    @Override
    public List<ParameterProblem> problems() {
        List<ParameterProblem> problems = new ArrayList<>();
        for (String problem : ClassifierSetup.problems(algorithm, optionString())) {
            problems.add(located(problem));
        }
        for (Map.Entry<String, String> gate : gates.entrySet()) {
            try {
                QualityGates.Gate.parse(gate.getKey(), gate.getValue());
            } catch (IllegalArgumentException e) {
                problems.add(ParameterProblem.of("gates", e.getMessage()));
            }
        }
        if (threshold == ThresholdChoice.RECALL && minRecall.isEmpty()) {
            problems.add(ParameterProblem.of("minRecall", "threshold recall needs the recall to reach, e.g."
                    + " \"minRecall\": 0.8."));
        }
        if (threshold != ThresholdChoice.RECALL && minRecall.isPresent()) {
            problems.add(ParameterProblem.of("minRecall", "is used only with \"threshold\": \"recall\"; set that or"
                    + " leave minRecall out."));
        }
        if (columns.stream().anyMatch(String::isBlank)) {
            problems.add(ParameterProblem.of("columns", "contains an empty name; list the input column names to learn"
                    + " from."));
        }
        target.filter(t -> columns.contains(t)).ifPresent(t -> problems.add(ParameterProblem.of("columns",
                "names the target '" + t + "'; a model may not learn from the column it predicts. Remove it.")));
        storeAs.filter(name -> !ModelStore.validName(name)).ifPresent(name -> problems.add(ParameterProblem.of(
                "storeAs", "'" + name + "' is not a model name; use letters, digits, '-', '_' and '.', e.g."
                        + " churn-model.")));
        championMetric.filter(m -> !QualityGates.isMetric(m)).ifPresent(m -> problems.add(ParameterProblem.of(
                "championMetric", "'" + m + "' is not a metric; use one of " + QualityGates.METRICS + ".")));
        return problems;
    }

    /** The options, empty when not given. */
    String optionString() {
        return options.orElse("");
    }

    private static ParameterProblem located(String problem) {
        for (String parameter : List.of("algorithm", "options")) {
            if (problem.startsWith(parameter + ": ")) {
                return ParameterProblem.of(parameter, problem.substring(parameter.length() + 2));
            }
        }
        return ParameterProblem.general(problem);
    }
}

package org.assay.sequences.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assay.api.data.FieldType;
import org.assay.api.model.ModelStore;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Columns;
import org.assay.api.step.typed.Param;

/** The parameters of {@code hmm}, and the rules between them. */
record HmmParameters(
        @Param(description = "The column identifying a customer (one sequence each).")
        @Columns
        String keyColumn,
        @Param(description = "The column that orders a customer's rows: a month, a week number, a date. One row per"
                + " customer and period; missing periods are not filled in (add them upstream, e.g. with zero"
                + " activity, when a silent month means something).")
        @Columns(types = {FieldType.INTEGER, FieldType.DECIMAL, FieldType.DATE, FieldType.TIMESTAMP})
        String periodColumn,
        @Param(description = "The observed columns: integers are counts (orders, tickets, logins; a Poisson per"
                + " state), decimals are measures (spend; a Gaussian per state), text is a category (a plan, a"
                + " channel; a categorical distribution per state). A missing value is left out of that period's"
                + " likelihood.")
        @Columns
        List<String> observations,
        @Param(description = "The number of hidden states. Default: the one with the lowest BIC between minStates and"
                + " maxStates.", min = 1, max = 10)
        Optional<Integer> states,
        @Param(description = "Fewest states BIC considers.", defaultValue = "2", min = 1, max = 10)
        int minStates,
        @Param(description = "Most states BIC considers.", defaultValue = "5", min = 1, max = 10)
        int maxStates,
        @Param(description = "Baum-Welch starts per number of states (seeded); the best likelihood wins.",
                defaultValue = "3", min = 1, max = 50)
        int restarts,
        @Param(description = "Most Baum-Welch iterations per start.", defaultValue = "200", min = 1, max = 10000)
        int maxIterations,
        @Param(description = "Stop when an iteration improves the log-likelihood by less than this share of it.",
                defaultValue = "1e-6", min = 0, max = 0.1)
        double tolerance,
        @Param(description = "Random seed for the starts and the training sample.", defaultValue = "1")
        long seed,
        @Param(description = "Train on at most this many customers (a seeded random sample); every customer is"
                + " decoded.", defaultValue = "20000", min = 10, max = 10000000)
        int trainingSequences,
        @Param(description = "A numeric observation that says how active a state is; states are numbered and named"
                + " from the most active (state 1) down. Default: the first numeric observation.")
        @Columns(types = {FieldType.INTEGER, FieldType.DECIMAL})
        Optional<String> activityColumn,
        @Param(description = "Names for the states, most active first (as many as states). Default: active / dormant"
                + " for 2, active / cooling / dormant for 3, and so on.", defaultValue = "[]")
        List<String> stateNames,
        @Param(description = "Store the trained model under this name in the model store (the one weka-classify"
                + " uses; assay:model-list shows it): each run adds a version. Not used when decoding with a model"
                + " input.")
        Optional<String> modelName,
        @Param(description = "Make the stored version the champion. An hmm has no held-out figure to gate it on,"
                + " so the newest model wins unless this is false (then promote it with assay:model-promote).",
                defaultValue = "true")
        boolean promote) implements CheckedParameters {

    @Override
    public List<ParameterProblem> problems() {
        List<ParameterProblem> problems = new ArrayList<>();
        if (observations.isEmpty()) {
            problems.add(ParameterProblem.of("observations", "name at least one observed column"));
        }
        for (String c : observations) {
            if (c.equals(keyColumn) || c.equals(periodColumn)) {
                problems.add(ParameterProblem.of("observations", "'" + c + "' is the key or the period column"));
            }
        }
        if (observations.stream().distinct().count() < observations.size()) {
            problems.add(ParameterProblem.of("observations", "names a column twice"));
        }
        modelName.filter(n -> !ModelStore.validName(n)).ifPresent(n -> problems.add(ParameterProblem.of(
                "modelName", "'" + n + "' is not a model name: letters, digits, '.', '_' and '-', at most 100,"
                        + " e.g. engagement-states")));
        if (minStates > maxStates) {
            problems.add(ParameterProblem.of("minStates", "is above maxStates (" + maxStates + ")"));
        }
        if (activityColumn.isPresent() && !observations.contains(activityColumn.get())) {
            problems.add(ParameterProblem.of("activityColumn", "must be one of the observations " + observations));
        }
        if (!stateNames.isEmpty()) {
            if (states.isEmpty()) {
                problems.add(ParameterProblem.of("stateNames", "needs a fixed number of states"));
            } else if (stateNames.size() != states.get()) {
                problems.add(ParameterProblem.of("stateNames", "gives " + stateNames.size() + " names for "
                        + states.get() + " states"));
            }
            if (stateNames.stream().distinct().count() < stateNames.size()) {
                problems.add(ParameterProblem.of("stateNames", "names must differ"));
            }
        }
        return problems;
    }
}

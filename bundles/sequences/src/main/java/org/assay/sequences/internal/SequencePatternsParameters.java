package org.assay.sequences.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assay.api.data.FieldType;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Columns;
import org.assay.api.step.typed.Param;

/** The parameters of {@code sequence-patterns}, and the rules between them. */
record SequencePatternsParameters(
        @Param(description = "The column identifying a sequence: a customer, a session.")
        @Columns
        String keyColumn,
        @Param(description = "The column naming the event: a page, a product category, a contact reason.")
        @Columns
        String itemColumn,
        @Param(description = "The column that orders a sequence's events (date, timestamp or number); events with the"
                + " same value keep their input order. Default: the input order.")
        @Columns(types = {FieldType.INTEGER, FieldType.DECIMAL, FieldType.DATE, FieldType.TIMESTAMP})
        Optional<String> orderColumn,
        @Param(description = "Least share of sequences that must hold a pattern.", defaultValue = "0.01", min = 0,
                max = 1)
        double minSupport,
        @Param(description = "Longest pattern, in events.", defaultValue = "5", min = 1, max = 20)
        int maxLength,
        @Param(description = "Longest time between two consecutive events of a pattern: 30d, 2w, 12h, 15m, 90s; a"
                + " plain number for a numeric order column or, without one, a number of events. Default: no limit.")
        Optional<String> maxGap,
        @Param(description = "Longest time from the first to the last event of a pattern, written like maxGap."
                + " Default: no limit.")
        Optional<String> window,
        @Param(description = "Keep repeated consecutive events (A A B) as they are; false treats a run of the same"
                + " event as one (page reloads, several items of one category in an order).", defaultValue = "true")
        boolean keepRepeats,
        @Param(description = "At most this many patterns, the most frequent: when more are frequent, the least"
                + " support rises until they fit (exactly: a pattern's extensions are never more frequent).",
                defaultValue = "10000", min = 1, max = 1000000)
        int maxPatterns,
        @Param(description = "Sequence rules (A > B => C: of the sequences with A then B, the share that go on to C"
                + " after them) below this confidence are left out.", defaultValue = "0.1", min = 0, max = 1)
        double minConfidence,
        @Param(description = "At most this many rules, by confidence then support.", defaultValue = "10000", min = 0,
                max = 1000000)
        int maxRules) implements CheckedParameters {

    @Override
    public List<ParameterProblem> problems() {
        List<ParameterProblem> problems = new ArrayList<>();
        if (keyColumn.equals(itemColumn)) {
            problems.add(ParameterProblem.of("itemColumn", "must differ from keyColumn"));
        }
        return problems;
    }

    /** Problems reading maxGap and window for an order column of the given type (null: none). */
    List<ParameterProblem> spanProblems(FieldType orderType) {
        List<ParameterProblem> problems = new ArrayList<>();
        for (String[] named : new String[][] {{"maxGap", maxGap.orElse(null)}, {"window", window.orElse(null)}}) {
            if (named[1] != null) {
                try {
                    Gap.parse(named[1], orderType);
                } catch (IllegalArgumentException e) {
                    problems.add(ParameterProblem.of(named[0], e.getMessage()));
                }
            }
        }
        return problems;
    }

    double maxGap(FieldType orderType) {
        return maxGap.map(g -> Gap.parse(g, orderType)).orElse(Double.POSITIVE_INFINITY);
    }

    double window(FieldType orderType) {
        return window.map(g -> Gap.parse(g, orderType)).orElse(Double.POSITIVE_INFINITY);
    }
}

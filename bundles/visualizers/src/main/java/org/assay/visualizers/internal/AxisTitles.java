package org.assay.visualizers.internal;

import java.util.Optional;

import org.assay.api.step.typed.Param;

/**
 * The axis titles of every chart with axes (all but the pie), flattened into the chart's
 * parameters like {@link ChartOptions}: {@code "xLabel"} and {@code "yLabel"} at the top level.
 */
record AxisTitles(
        @Param(description = ChartParameters.X_LABEL_DOC)
        Optional<String> xLabel,
        @Param(description = ChartParameters.Y_LABEL_DOC)
        Optional<String> yLabel) {
}

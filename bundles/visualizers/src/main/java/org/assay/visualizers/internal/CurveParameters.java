package org.assay.visualizers.internal;

import java.util.Optional;

/**
 * The parameters {@code roc-chart} and {@code lift-chart} share: both draw, per class, a curve
 * from the threshold-curve rows that weka-classify writes on its {@code curves} output.
 */
interface CurveParameters extends ChartParameters {

    String CLASS_DOC = "Column with the class each curve point belongs to.";
    String POSITIVE_DOC = "Draw only this class's curve (e.g. \"yes\"). Default: every class, at most "
            + CurveChartStep.MAX_CURVES + ".";
    String MAX_POINTS_DOC = "Most points drawn per curve. The curve is thinned on a grid of this many steps per"
            + " axis (consecutive points in one cell are merged); the area under it is computed from every point.";

    String classColumn();

    String x();

    String y();

    Optional<String> positiveClass();

    int maxPoints();

    Optional<String> xLabel();

    Optional<String> yLabel();
}

package org.assay.visualizers.internal;

import java.util.Optional;

/**
 * The parameters {@code roc-chart} and {@code lift-chart} share: both draw, per class, a curve
 * from the threshold-curve rows that weka-classify writes on its {@code curves} output.
 */
interface CurveParameters extends AxisChartParameters {

    String CLASS_DOC = "Column with the class each curve point belongs to.";
    String POSITIVE_DOC = "Draw only this class's curve (e.g. \"yes\"). Default: every class, at most "
            + CurveChartStep.MAX_CURVES + ".";
    String MAX_POINTS_DOC = "Most points drawn per curve: the curve is thinned on a grid of maxPoints / 2 steps per"
            + " axis (consecutive points in one cell are merged), which a rising curve crosses in at most maxPoints + 1"
            + " cells. The area under the curve is computed from every point read.";

    String classColumn();

    String x();

    String y();

    Optional<String> positiveClass();

    int maxPoints();
}

package org.assay.visualizers.internal;

import java.util.Optional;

/** The parameters of a chart with axes: the common ones and the axis titles. */
interface AxisChartParameters extends ChartParameters {

    AxisTitles axisTitles();

    default Optional<String> xLabel() {
        return axisTitles().xLabel();
    }

    default Optional<String> yLabel() {
        return axisTitles().yLabel();
    }
}

package org.assay.visualizers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.assay.api.step.ParameterSpec;
import org.assay.api.step.StepDescriptor;
import org.junit.jupiter.api.Test;

/**
 * The parameters every chart shares: declared once (ChartOptions, AxisTitles, flattened by the
 * binder) and each chart's own title. They must read alike in every chart's specs, and last.
 */
class ChartParametersTest {

    private static final List<String> COMMON = List.of("title", "xLabel", "yLabel", "file", "width", "height",
            ChartParameters.ALLOW_PII);
    /** A pie has no axes: the common parameters without the axis labels. */
    private static final List<String> WITHOUT_AXES = List.of("title", "file", "width", "height",
            ChartParameters.ALLOW_PII);

    @Test
    void everyChartTypeDeclaresTheCommonParametersLikeTheBarChart() {
        StepDescriptor bar = new BarChartStepType().descriptor();
        for (StepDescriptor other : List.of(new LineChartStepType().descriptor(), new BoxPlotStepType().descriptor(),
                new HistogramStepType().descriptor(), new HeatmapStepType().descriptor(),
                new RocChartStepType().descriptor(), new LiftChartStepType().descriptor(),
                new ConfusionMatrixStepType().descriptor(), new PieChartStepType().descriptor())) {
            List<String> common = other.parameter("xLabel").isPresent() ? COMMON : WITHOUT_AXES;
            for (String name : common) {
                ParameterSpec b = bar.parameter(name).orElseThrow();
                ParameterSpec o = other.parameter(name).orElseThrow(() -> new AssertionError(other.typeId() + " " + name));
                assertEquals(b.type(), o.type(), other.typeId() + " " + name);
                assertEquals(b.defaultValue(), o.defaultValue(), other.typeId() + " " + name);
                assertEquals(b.minimum(), o.minimum(), other.typeId() + " " + name);
                assertEquals(b.maximum(), o.maximum(), other.typeId() + " " + name);
                if (!name.equals("title")) {
                    assertEquals(b.description(), o.description(), other.typeId() + " " + name);
                }
            }
            assertEquals(common, names(other).subList(names(other).size() - common.size(), names(other).size()),
                    other.typeId());
        }
    }

    @Test
    void everyChartDeclaresTheCommonParametersAlike() {
        StepDescriptor bar = new BarChartStepType().descriptor();
        StepDescriptor scatter = new ScatterChartStepType().descriptor();
        for (String name : COMMON) {
            ParameterSpec b = bar.parameter(name).orElseThrow();
            ParameterSpec s = scatter.parameter(name).orElseThrow();
            assertFalse(b.required(), name);
            assertEquals(b.type(), s.type(), name);
            assertEquals(b.defaultValue(), s.defaultValue(), name);
            assertEquals(b.minimum(), s.minimum(), name);
            assertEquals(b.maximum(), s.maximum(), name);
            if (name.equals("title")) {
                // Each chart names its own default title after the shared text.
                assertTrue(b.description().startsWith(ChartParameters.TITLE_DOC), b.description());
                assertTrue(s.description().startsWith(ChartParameters.TITLE_DOC), s.description());
            } else {
                assertEquals(b.description(), s.description(), name);
            }
        }
        // And last, in the same order, after each chart's own parameters.
        assertEquals(COMMON, names(bar).subList(names(bar).size() - COMMON.size(), names(bar).size()));
        assertEquals(COMMON, names(scatter).subList(names(scatter).size() - COMMON.size(), names(scatter).size()));
    }

    @Test
    void theCommonParametersKeepTheirDefaultsAndRanges() {
        StepDescriptor bar = new BarChartStepType().descriptor();
        assertEquals(900L, bar.parameter("width").orElseThrow().defaultValue());
        assertEquals(200.0, bar.parameter("width").orElseThrow().minimum());
        assertEquals(4000.0, bar.parameter("width").orElseThrow().maximum());
        assertEquals(560L, bar.parameter("height").orElseThrow().defaultValue());
        assertEquals(150.0, bar.parameter("height").orElseThrow().minimum());
        assertEquals(false, bar.parameter("allowPii").orElseThrow().defaultValue());
    }

    private static List<String> names(StepDescriptor d) {
        return d.parameters().stream().map(ParameterSpec::name).toList();
    }
}

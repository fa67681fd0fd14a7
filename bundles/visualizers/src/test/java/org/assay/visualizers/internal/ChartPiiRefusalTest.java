package org.assay.visualizers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.ColumnRule;
import org.assay.api.step.ParameterSpec;
import org.assay.api.step.ParameterType;
import org.assay.api.step.PortSpec;
import org.assay.api.step.StepType;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A chart's PNG shows values as pixels, which no grep of the run folder can read; so no chart may
 * draw a pii column unless its workflow says allowPii. This walks every chart step type and
 * every one of its column parameters (as its descriptor declares them, so a new chart or a new
 * column parameter is covered without editing this test) and checks that a pii column of a type
 * the parameter accepts is refused at deploy.
 */
class ChartPiiRefusalTest {

    static final List<StepType> CHARTS = List.of(new BarChartStepType(), new BoxPlotStepType(),
            new ConfusionMatrixStepType(), new HeatmapStepType(), new HistogramStepType(), new LiftChartStepType(),
            new LineChartStepType(), new PieChartStepType(), new RocChartStepType(), new ScatterChartStepType());

    /** One pii column of every type, plus five plain ones of every type. */
    static Schema schema() {
        List<Field> fields = new ArrayList<>();
        for (FieldType t : FieldType.values()) {
            fields.add(Field.of("pii_" + t.jsonName(), t).withTags(FieldTag.PII));
            for (int i = 0; i < 5; i++) {
                fields.add(Field.of("plain_" + t.jsonName() + "_" + i, t));
            }
        }
        return Schema.of(fields);
    }

    @TempDir
    Path dir;

    private static FieldType accepted(ColumnRule rule) {
        return java.util.Arrays.stream(FieldType.values()).filter(rule::accepts).findFirst().orElseThrow();
    }

    private static Object value(ParameterSpec spec, String column) {
        // heatmap's correlation 'columns' gets a second, plain column of the same type, so its minimum
        // count (two) cannot be the only complaint.
        if (spec.type() != ParameterType.STRING_LIST) {
            return column;
        }
        return !"columns".equals(spec.name()) ? List.of(column)
                : List.of(column, column.replaceFirst("^(pii|plain)_([a-z]+).*$", "plain_$2_4"));
    }

    @Test
    void everyColumnParameterOfEveryChartRefusesPiiAtDeploy() {
        assertEquals(10, CHARTS.size(), "every chart step type of the bundle");
        Schema schema = schema();
        int checked = 0;
        for (StepType chart : CHARTS) {
            String type = chart.descriptor().typeId();
            int columnParameters = 0;
            for (ParameterSpec spec : chart.descriptor().parameters()) {
                ColumnRule rule = spec.column();
                if (rule == null || !PortSpec.IN.equals(rule.port())) {
                    continue;
                }
                columnParameters++;
                assertFalse(rule.allowPii(), type + "." + spec.name() + " lets a pii column through");
                assertEquals(ChartParameters.ALLOW_PII, rule.allowPiiParameter(), type + "." + spec.name());
                String column = "pii_" + accepted(rule).jsonName();
                // The other column parameters get distinct plain columns (the required ones only, else all of
                // them but a mode switch such as heatmap's correlation 'columns', else all of them, for pairs such
                // as lower and upper), so only the pii rule can refuse.
                AssertionError refusedOtherwise = null;
                for (int variant = 0; variant < 3; variant++) {
                    boolean all = variant > 0;
                    boolean withModes = variant == 2;
                    StepTestRunner r = new StepTestRunner(chart, dir.resolve(type));
                    int plain = 0;
                    for (ParameterSpec other : chart.descriptor().parameters()) {
                        if ((all || other.required()) && other.column() != null && other != spec
                                && (withModes || other.required() || !"columns".equals(other.name()))) {
                            r.param(other.name(), value(other, "plain_" + accepted(other.column()).jsonName() + "_"
                                    + plain++));
                        }
                    }
                    try {
                        r.param(spec.name(), value(spec, column)).input(PortSpec.IN, schema, new Object[0][])
                                .assertInvalid(spec.name(), "column '" + column + "' is tagged pii");
                        refusedOtherwise = null;
                        break;
                    } catch (AssertionError e) {
                        refusedOtherwise = e;
                    }
                }
                if (refusedOtherwise != null) {
                    throw new AssertionError(type + "." + spec.name() + ": " + refusedOtherwise.getMessage());
                }
                checked++;
            }
            assertTrue(columnParameters > 0, type + " names no column?");
        }
        assertTrue(checked >= 20, "column parameters checked: " + checked);
    }
}

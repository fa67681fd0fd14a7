package org.assay.api.step.typed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.assay.api.data.FieldType;
import org.assay.api.step.ColumnRule;
import org.assay.api.step.ParameterChecks;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.ParameterSpec;
import org.assay.api.step.ParameterType;
import org.assay.api.step.Parameters;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepCategory;
import org.assay.api.step.StepDescriptor;
import org.junit.jupiter.api.Test;

class TypedStepTypeTest {

    enum Mode implements DescribedValue {
        FAST_LANE("skips the checks"), SLOW("checks every row");

        private final String description;

        Mode(String description) {
            this.description = description;
        }

        @Override
        public String description() {
            return description;
        }
    }

    record Params(
            @Param(description = "How many.", defaultValue = "3", min = 1, max = 10) int count,
            @Param(description = "Share.", defaultValue = "0.5") double share,
            @Param(description = "The mode.", defaultValue = "slow") Mode mode,
            @Param(description = "Columns to use.") @Columns(types = {FieldType.INTEGER, FieldType.DECIMAL},
                    pii = false, allowPiiParameter = "allowPii") List<String> columns,
            @Param(description = "Allow pii.", defaultValue = "false") boolean allowPii,
            @Param(description = "Labels.", defaultValue = "{}") Map<String, String> labels,
            @Param(description = "Where to write.", path = Param.PathUse.WRITE) Optional<String> target)
            implements CheckedParameters {

        @Override
        public List<ParameterProblem> problems() {
            return mode == Mode.FAST_LANE && count > 5
                    ? List.of(ParameterProblem.of("count", "fast-lane takes at most 5")) : List.of();
        }
    }

    @AssayStepType("demo-step")
    static final class Demo extends TypedStepType<Params> {
        Demo() {
            super(Params.class);
        }

        @Override
        protected void describe(StepDescriptor.Builder b) {
            b.category(StepCategory.CLEANER).title("Demo").input(PortSpec.IN, "rows").output(PortSpec.OUT, "rows");
        }

        @Override
        protected Step newStep(Params p) {
            return ctx -> { };
        }
    }

    @Test
    void theRecordGivesTheSpecs() {
        StepDescriptor d = new Demo().descriptor();
        assertEquals("demo-step", d.typeId());
        ParameterSpec count = d.parameter("count").orElseThrow();
        assertEquals(ParameterType.INTEGER, count.type());
        assertEquals(3L, count.defaultValue());
        assertEquals(1.0, count.minimum());
        assertEquals(10.0, count.maximum());
        ParameterSpec mode = d.parameter("mode").orElseThrow();
        assertEquals(List.of("fast-lane", "slow"), mode.allowedValues());
        assertTrue(mode.description().endsWith("\"fast-lane\": skips the checks; \"slow\": checks every row."),
                mode.description());
        ParameterSpec columns = d.parameter("columns").orElseThrow();
        assertEquals(ParameterType.STRING_LIST, columns.type());
        assertTrue(columns.required(), "no default and not Optional: required");
        assertEquals(new ColumnRule(PortSpec.IN, Set.of(FieldType.INTEGER, FieldType.DECIMAL), false, "allowPii"),
                columns.column());
        assertEquals(ParameterType.OUTPUT_PATH, d.parameter("target").orElseThrow().type());
        assertFalse(d.parameter("target").orElseThrow().required());
        assertEquals(Map.of(), d.parameter("labels").orElseThrow().defaultValue());
    }

    @Test
    void parametersBindToTheRecord() {
        Demo demo = new Demo();
        Params p = demo.bind(Parameters.of(demo.descriptor(), Map.of("columns", List.of("age"), "mode", "fast-lane",
                "labels", Map.of("a", "b"))));
        assertEquals(new Params(3, 0.5, Mode.FAST_LANE, List.of("age"), false, Map.of("a", "b"), Optional.empty()), p);
    }

    @Test
    void theEngineChecksAndTheRecordsOwnChecksAreOneList() {
        Demo demo = new Demo();
        assertEquals(List.of(), ParameterChecks.problems(demo, Map.of("columns", List.of("age"))));
        List<ParameterProblem> typo = ParameterChecks.problems(demo, Map.of("columns", List.of("a"), "cuont", 4L));
        assertEquals("cuont", typo.get(0).parameter());
        assertTrue(typo.get(0).message().contains("did you mean 'count'?"), typo.toString());
        assertEquals(List.of(ParameterProblem.of("count", "must be at most 10")),
                ParameterChecks.problems(demo, Map.of("columns", List.of("a"), "count", 11L)));
        assertEquals(List.of(ParameterProblem.of("mode", "'medium' is not allowed; use one of [fast-lane, slow]")),
                ParameterChecks.problems(demo, Map.of("columns", List.of("a"), "mode", "medium")));
        assertEquals("columns", ParameterChecks.problems(demo, Map.of()).get(0).parameter());
        assertEquals(List.of(ParameterProblem.of("count", "fast-lane takes at most 5")),
                ParameterChecks.problems(demo, Map.of("columns", List.of("a"), "mode", "fast-lane", "count", 7L)));
        assertEquals(List.of("parameter count: fast-lane takes at most 5"), demo.validate(Parameters.of(
                demo.descriptor(), Map.of("columns", List.of("a"), "mode", "fast-lane", "count", 7L))));
    }

    record Unannotated(int count) { }

    record Unsupported(@Param(description = "x") Set<String> names) { }

    @Test
    void aRecordThatCannotBeDescribedFailsWhenTheTypeIsBuilt() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ParameterBinder.of(Unannotated.class))
                .getMessage().contains("Unannotated.count needs @Param"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ParameterBinder.of(Unsupported.class))
                .getMessage().contains("has no JSON shape"));
    }
}

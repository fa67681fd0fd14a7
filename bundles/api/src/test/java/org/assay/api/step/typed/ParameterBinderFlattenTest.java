package org.assay.api.step.typed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assay.api.step.ParameterChecks;
import org.assay.api.step.ParameterSpec;
import org.assay.api.step.Parameters;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepCategory;
import org.assay.api.step.StepDescriptor;
import org.junit.jupiter.api.Test;

/** A record component of record type without @Param: its components are top-level parameters. */
class ParameterBinderFlattenTest {

    /** Shared by several step types. */
    record Output(
            @Param(description = "File name.") Optional<String> file,
            @Param(description = "Width.", defaultValue = "900", min = 200) int width) {
    }

    record Params(
            @Param(description = "Column.") String column,
            Output output,
            @Param(description = "Allow pii.", defaultValue = "false") boolean allowPii) {
    }

    record Clash(@Param(description = "Width again.") int width, Output output) {
    }

    @AssayStepType("flat-step")
    static final class Flat extends TypedStepType<Params> {
        Flat() {
            super(Params.class);
        }

        @Override
        protected void describe(StepDescriptor.Builder b) {
            b.category(StepCategory.VISUALIZER).title("Flat").input(PortSpec.IN, "rows");
        }

        @Override
        protected Step newStep(Params p) {
            return ctx -> { };
        }
    }

    @Test
    void aNestedRecordsComponentsAreTopLevelParametersInItsPlace() {
        Flat flat = new Flat();
        assertEquals(List.of("column", "file", "width", "allowPii"),
                flat.descriptor().parameters().stream().map(ParameterSpec::name).toList());
        ParameterSpec width = flat.descriptor().parameter("width").orElseThrow();
        assertEquals(900L, width.defaultValue());
        assertEquals(200.0, width.minimum());
        Params p = flat.bind(Parameters.of(flat.descriptor(), Map.of("column", "spend", "file", "chart",
                "width", 1200L)));
        assertEquals(new Params("spend", new Output(Optional.of("chart"), 1200), false), p);
        // Checked like any parameter, and the JSON stays flat: "output" is no parameter.
        assertEquals("width", ParameterChecks.problems(flat, Map.of("column", "a", "width", 10L)).get(0).parameter());
        assertTrue(ParameterChecks.problems(flat, Map.of("column", "a", "output", Map.of())).get(0).message()
                .contains("output"));
    }

    @Test
    void aNameDeclaredTwiceOverTheFlattenedWholeIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ParameterBinder.of(Clash.class));
        assertTrue(e.getMessage().contains("width is declared twice"), e.getMessage());
    }
}

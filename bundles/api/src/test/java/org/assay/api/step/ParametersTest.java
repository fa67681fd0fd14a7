package org.assay.api.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParametersTest {

    private final StepDescriptor d = StepDescriptor.builder("demo-step").category(StepCategory.CLEANER)
            .parameter(ParameterSpec.builder("k", ParameterType.INTEGER).defaultValue(3).build())
            .parameter(ParameterSpec.builder("mode", ParameterType.ENUM).allowed("a", "b").required().build())
            .parameter(ParameterSpec.builder("cols", ParameterType.STRING_LIST).build())
            .parameter(ParameterSpec.builder("map", ParameterType.STRING_MAP).build())
            .input("in", "rows").output("out", "rows").build();

    @Test
    void defaultsFillGaps() {
        Parameters p = Parameters.of(d, Map.of("mode", "b"));
        assertEquals(3, p.integer("k"));
        assertEquals("b", p.string("mode"));
        assertEquals(List.of(), p.stringList("cols"));
        assertEquals(Map.of(), p.stringMap("map"));
        assertFalse(p.has("cols"));
    }

    @Test
    void givenValuesWinAndConvert() {
        Parameters p = Parameters.of(d, Map.of("k", 7L, "mode", "a", "cols", List.of("x", "y"), "map", Map.of("x", "mean")));
        assertEquals(7, p.intValue("k"));
        assertEquals(List.of("x", "y"), p.stringList("cols"));
        assertEquals(Map.of("x", "mean"), p.stringMap("map"));
    }

    @Test
    void undeclaredParameterIsAProgrammingError() {
        Parameters p = Parameters.of(d, Map.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.string("nope"));
        assertTrue(e.getMessage().contains("demo-step declares no parameter 'nope'"));
        assertThrows(IllegalStateException.class, () -> p.string("mode"), "required but unset");
    }

    @Test
    void descriptorChecksItsOwnShape() {
        assertThrows(IllegalArgumentException.class, () -> StepDescriptor.builder("Bad_Id"));
        assertThrows(IllegalArgumentException.class, () -> ParameterSpec.builder("e", ParameterType.ENUM).build());
        assertTrue(d.input("in").isPresent());
        assertFalse(d.output("in").isPresent());
        assertFalse(ParameterSpec.builder("x", ParameterType.STRING).required().defaultValue("v").build().required(),
                "a parameter with a default is never required");
    }
}

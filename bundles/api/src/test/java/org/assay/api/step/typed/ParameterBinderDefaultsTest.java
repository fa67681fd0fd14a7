package org.assay.api.step.typed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterBinderDefaultsTest {

    @Test
    void aCommaInsideAQuotedElementStaysInIt() {
        assertEquals(List.of("a, b", "c"), ParameterBinder.listElements("\"a, b\", \"c\""));
    }

    @Test
    void escapesAndPlainElements() {
        assertEquals(List.of("say \"hi\"", "back\\slash", "plain words", "3"),
                ParameterBinder.listElements("\"say \\\"hi\\\"\" , \"back\\\\slash\", plain words ,3"));
        assertEquals(List.of(" padded "), ParameterBinder.listElements("\" padded \""));
    }

    @Test
    void anUnterminatedStringIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ParameterBinder.listElements("\"a, b"));
    }
}

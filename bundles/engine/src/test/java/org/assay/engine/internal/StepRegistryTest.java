package org.assay.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class StepRegistryTest {

    @Test
    void aServicePropertyThatDisagreesWithTheDescriptorIsRefused() {
        assertEquals(Optional.empty(), StepRegistry.propertyMismatch("numbers", TestSteps.source()));
        assertEquals(Optional.empty(), StepRegistry.propertyMismatch(null, TestSteps.source()));
        String m = StepRegistry.propertyMismatch("numbrs", TestSteps.source()).orElseThrow();
        assertTrue(m.contains("assay.step.type=numbrs says another type than its descriptor (numbers)"), m);
    }
}

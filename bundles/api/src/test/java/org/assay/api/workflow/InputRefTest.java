package org.assay.api.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InputRefTest {

    @Test
    void plainIdMeansTheOutPort() {
        assertEquals(new InputRef("reader", "out"), InputRef.parse("reader"));
        assertEquals("reader", InputRef.parse("reader").toString());
    }

    @Test
    void dotNamesAPort() {
        assertEquals(new InputRef("split", "rejects"), InputRef.parse("split.rejects"));
        assertEquals("split.rejects", InputRef.parse("split.rejects").toString());
    }
}

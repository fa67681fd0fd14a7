package org.assay.api.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.junit.jupiter.api.Test;

class TrainedModelTest {

    private static final Schema HEADER = Schema.of(Field.of("revenue", FieldType.DECIMAL));

    @Test
    void contentOpensFromTheFirstByteEveryTimeAndIsACopy() throws Exception {
        byte[] bytes = "model".getBytes(StandardCharsets.UTF_8);
        TrainedModel m = TrainedModel.builder("test.format", HEADER).content(bytes).build();
        bytes[0] = 'X';
        for (int i = 0; i < 2; i++) {
            try (InputStream in = m.openContent()) {
                assertArrayEquals("model".getBytes(StandardCharsets.UTF_8), in.readAllBytes());
            }
        }
    }

    @Test
    void withContentKeepsEverythingElse() throws Exception {
        Instant at = Instant.parse("2024-05-01T10:00:00Z");
        TrainedModel m = TrainedModel.builder("test.format", HEADER).algorithm("a.B").options("-N 2").trainedRows(7)
                .createdAt(at).property("clusters", "2").content(new byte[] {1}).build();
        TrainedModel moved = m.withContent(ModelContent.of(new byte[] {2}));
        assertEquals("test.format", moved.format());
        assertEquals(HEADER, moved.header());
        assertEquals("a.B", moved.algorithm());
        assertEquals("-N 2", moved.options());
        assertEquals(7, moved.trainedRows());
        assertEquals(at, moved.createdAt());
        assertEquals(Map.of("clusters", "2"), moved.properties());
        try (InputStream in = moved.openContent()) {
            assertArrayEquals(new byte[] {2}, in.readAllBytes());
        }
    }

    @Test
    void aModelNeedsAFormatAndContent() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainedModel.builder(" ", HEADER));
        assertEquals("a model needs a format id, e.g. weka.clusterers.Clusterer", e.getMessage());
        assertThrows(NullPointerException.class, () -> TrainedModel.builder("f", HEADER).build());
        assertThrows(IllegalArgumentException.class, () -> TrainedModel.builder("f", HEADER).trainedRows(-1));
    }
}

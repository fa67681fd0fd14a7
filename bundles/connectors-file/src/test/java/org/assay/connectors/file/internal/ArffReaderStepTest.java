package org.assay.connectors.file.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.Parameters;
import org.assay.api.step.StepFailure;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArffReaderStepTest {

    @TempDir
    Path dir;

    static final String WEATHER = """
            % Weka's weather data, with a few additions
            @relation 'weather nominal'
            @attribute outlook {sunny, overcast, 'light rain'}
            @attribute temperature numeric
            @attribute humidity integer
            @attribute "wind speed" real
            @attribute note string
            @attribute seen date "yyyy-MM-dd HH:mm"
            @attribute play {yes, no}

            @data
            sunny,85,85,1.5,'it''s hot',"2024-05-01 10:15",no
            'light rain',?,96,?,'a \\'quoted\\' note',?,yes
            % a comment between instances
            {0 overcast, 1 64, 6 yes}
            snowy,1,1,1,x,"2024-05-01 10:15",no
            sunny,hot,1,1,x,"2024-05-01 10:15",no
            sunny,1,1,1,x
            """;

    private StepTestRunner reader() throws Exception {
        Files.writeString(dir.resolve("weather.arff"), WEATHER);
        return new StepTestRunner(new ArffReaderStepType(), dir).param("path", "weather.arff");
    }

    @Test
    void readsDenseAndSparseInstancesWithTheirTypes() throws Exception {
        StepTestRunner r = reader().param("target", "play").run();
        Schema s = r.outputSchema("out");
        assertEquals(List.of("outlook", "temperature", "humidity", "wind speed", "note", "seen", "play"), s.names());
        assertEquals(List.of(FieldType.CATEGORICAL, FieldType.DECIMAL, FieldType.INTEGER, FieldType.DECIMAL, FieldType.STRING,
                FieldType.TIMESTAMP, FieldType.CATEGORICAL), s.fields().stream().map(Field::type).toList());
        assertEquals(List.of("sunny", "overcast", "light rain"), s.field("outlook").categories());
        assertTrue(s.field("play").has(FieldTag.TARGET));
        List<Object[]> rows = r.output("out");
        assertEquals(3, rows.size());
        assertArrayEquals(new Object[] {"sunny", 85.0, 85L, 1.5, "it''s hot", Instant.parse("2024-05-01T10:15:00Z"), "no"},
                rows.get(0));
        assertArrayEquals(new Object[] {"light rain", null, 96L, null, "a 'quoted' note", null, "yes"}, rows.get(1));
        assertArrayEquals(new Object[] {"overcast", 64.0, 0L, 0.0, null, null, "yes"}, rows.get(2));
        assertEquals(List.of("line 16 attribute outlook: the value is not one of the values of outlook",
                "line 17 attribute temperature: the value is not a number", "line 18 has 5 values, the header 7 attributes"),
                r.quarantined().stream().map(StepTestRunner.Rejected::reason).toList());
        r.assertRowsAccountedFor();
    }

    @Test
    void theHeaderGivesTheDesignTimeSchema() throws Exception {
        reader();
        ArffReaderStepType type = new ArffReaderStepType();
        Optional<Map<String, Schema>> schemas = type.outputSchemas(Parameters.of(type.descriptor(),
                Map.of("path", "weather.arff")), Map.of(), p -> Optional.of(dir.resolve(p)));
        assertEquals(7, schemas.orElseThrow().get("out").size());
    }

    @Test
    void notAnArffFileOrAMissingTarget() throws Exception {
        Files.writeString(dir.resolve("x.arff"), "a,b\n1,2\n");
        StepFailure f = assertThrows(StepFailure.class, () -> new StepTestRunner(new ArffReaderStepType(), dir)
                .param("path", "x.arff").run());
        assertEquals("x.arff: line 1: expected @relation, @attribute or @data, found 'a,b'", f.getMessage());
        StepFailure t = assertThrows(StepFailure.class, () -> reader().param("target", "class").run());
        assertTrue(t.getMessage().contains("no attribute 'class'"), t.getMessage());
    }
}

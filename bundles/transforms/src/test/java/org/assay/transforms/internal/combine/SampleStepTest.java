package org.assay.transforms.internal.combine;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.Parameters;
import org.assay.api.step.StepFailure;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleStepTest {

    @TempDir
    Path dir;

    static final Schema PEOPLE = Schema.of(Field.of("id", FieldType.INTEGER), Field.of("segment", FieldType.CATEGORICAL));

    /** 1000 rows: segment a 800, b 150, c 40, null 10. */
    static List<Object[]> people() {
        List<Object[]> rows = new ArrayList<>();
        for (long i = 0; i < 1000; i++) {
            rows.add(row(i, i < 800 ? "a" : i < 950 ? "b" : i < 990 ? "c" : null));
        }
        return rows;
    }

    private StepTestRunner sample(List<Object[]> rows) {
        return new StepTestRunner(new SampleStepType(), dir).input("in", PEOPLE, rows, 64);
    }

    static Map<Object, Long> bySegment(List<Object[]> rows) {
        return rows.stream().collect(Collectors.groupingBy(r -> String.valueOf(r[1]), Collectors.counting()));
    }

    @Test
    void nRowsInInputOrderSameSeedSameRows() throws Exception {
        StepTestRunner r = sample(people()).param("n", 100).run();
        assertEquals(100, r.output().size());
        List<Long> ids = r.output().stream().map(row -> (Long) row[0]).toList();
        assertEquals(ids.stream().sorted().toList(), ids, "input order is kept");
        r.assertRowsAccountedFor();
        assertEquals(900, r.filtered());

        assertEquals(ids, sample(people()).param("n", 100).run().output().stream().map(row -> (Long) row[0]).toList());
        assertNotEquals(ids, sample(people()).param("n", 100).param("seed", 7).run().output().stream()
                .map(row -> (Long) row[0]).toList());
    }

    @Test
    void stratifiedFractionKeepsEachSegmentsShareExactly() throws Exception {
        StepTestRunner r = sample(people()).param("fraction", 0.1).param("stratify", "segment").run();
        assertEquals(Map.of("a", 80L, "b", 15L, "c", 4L, "null", 1L), bySegment(r.output()));
        r.assertRowsAccountedFor();
    }

    @Test
    void stratifiedNTakesNPerStratumAndSmallStrataWhole() throws Exception {
        StepTestRunner r = sample(people()).param("n", 20).param("stratify", "segment").run();
        assertEquals(Map.of("a", 20L, "b", 20L, "c", 20L, "null", 10L), bySegment(r.output()));
        r.assertRowsAccountedFor();
    }

    @Test
    void edgesEmptyInputFractionZeroAndOneAndNLargerThanInput() throws Exception {
        StepTestRunner empty = sample(List.of()).param("n", 5).run();
        assertEquals(0, empty.output().size());
        assertEquals(PEOPLE, empty.outputSchema("out"));
        empty.assertRowsAccountedFor();
        assertEquals(0, sample(people()).param("fraction", 0.0).run().output().size());
        assertEquals(1000, sample(people()).param("fraction", 1.0).run().output().size());
        assertEquals(1000, sample(people()).param("n", 5000).run().output().size());
    }

    @Test
    void aMissingStratifyColumnIsRefusedBeforeTheRunWithTheNoSuchColumnWording() {
        sample(people()).param("n", 1).param("stratify", "segmnet")
                .assertInvalid("stratify", "no column 'segmnet' in the input; did you mean 'segment'?");
    }

    @Test
    void parametersAndDesignTimeSchema() {
        StepTestRunner r = new StepTestRunner(new SampleStepType(), dir);
        r.assertInvalid(null, "exactly one of n");
        r.param("n", 5).param("fraction", 0.5).assertInvalid(null, "exactly one of n");
        new StepTestRunner(new SampleStepType(), dir).param("fraction", 1.5).assertInvalid("fraction", "");
        new StepTestRunner(new SampleStepType(), dir).param("n", 0).assertInvalid("n", "");
        SampleStepType type = new SampleStepType();
        assertEquals(Map.of("out", PEOPLE), type.outputSchemas(Parameters.of(type.descriptor(), Map.of("n", 3)),
                Map.of("in", PEOPLE)).orElseThrow());
    }
}

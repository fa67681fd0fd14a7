package org.assay.privacy.internal;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DropPiiStepTest {

    @TempDir
    Path dir;

    @Test
    void dropsEveryPiiColumnNotKept() throws Exception {
        StepTestRunner r = new StepTestRunner(new DropPiiStepType(), dir).param("keep", List.of("phone"))
                .input("in", MaskStepTest.PEOPLE, row(1L, "a@b.c", "123", "Ann", "4111")).run();
        assertEquals(List.of("id", "phone"), r.outputSchema("out").names());
        assertEquals(Arrays.asList(1L, "123"), Arrays.asList(r.output().get(0)));
        r.assertRowsAccountedFor();
        StepTestRunner all = new StepTestRunner(new DropPiiStepType(), dir).input("in", MaskStepTest.PEOPLE).run();
        assertEquals(List.of("id"), all.outputSchema("out").names());
    }

    @Test
    void keepingAColumnThatIsNotPiiIsAMistakeSaidAsOne() {
        new StepTestRunner(new DropPiiStepType(), dir).param("keep", List.of("id")).input("in", MaskStepTest.PEOPLE)
                .assertInvalid("keep", "column 'id' is not tagged pii, so drop-pii keeps it anyway");
        new StepTestRunner(new DropPiiStepType(), dir).param("keep", List.of("phnoe")).input("in", MaskStepTest.PEOPLE)
                .assertInvalid("keep", "did you mean 'phone'");
    }
}

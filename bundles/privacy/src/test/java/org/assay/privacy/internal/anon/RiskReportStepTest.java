package org.assay.privacy.internal.anon;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RiskReportStepTest {

    @TempDir
    Path dir;

    @Test
    void prosecutorRiskOfTheIncognitoPatients() throws Exception {
        // Birth and sex: (76-01-21, M) x2, (86-04-13, F) x2, (76-02-28, M) x1, (76-02-28, F) x1.
        StepTestRunner r = new StepTestRunner(new RiskReportStepType(), dir)
                .param("quasiIdentifiers", List.of("birth", "sex")).param("k", 2)
                .input("in", KAnonymizeStepTest.PATIENTS, KAnonymizeStepTest.patients(), 4).run();
        assertEquals(Arrays.asList(6L, 4L, 2L, 2 / 6.0, 1.0, 4 / 6.0, 2L, 2 / 6.0, 2L),
                Arrays.asList(r.output().get(0)));
        assertEquals(5, r.filtered());
        r.assertRowsAccountedFor();
        assertEquals(1, r.artifacts().size());
    }

    @Test
    void emptyInputReleasesNoRow() throws Exception {
        StepTestRunner r = new StepTestRunner(new RiskReportStepType(), dir).param("quasiIdentifiers", List.of("sex"))
                .input("in", KAnonymizeStepTest.PATIENTS).run();
        assertEquals(0, r.output().size());
        r.assertRowsAccountedFor();
        new StepTestRunner(new RiskReportStepType(), dir).param("quasiIdentifiers", List.of("sx"))
                .input("in", KAnonymizeStepTest.PATIENTS).assertInvalid("quasiIdentifiers", "did you mean 'sex'");
    }
}

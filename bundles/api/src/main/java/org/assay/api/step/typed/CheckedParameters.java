package org.assay.api.step.typed;

import java.util.List;
import org.assay.api.step.ParameterProblem;

/**
 * A parameter record that checks itself across components (one depending on another), so the
 * rules sit beside the parameters they concern. {@link TypedStepType#check} asks it by default.
 */
public interface CheckedParameters {

    /** What is wrong across parameters; empty when all is well. */
    List<ParameterProblem> problems();
}

package org.assay.visualizers.internal;

import java.util.Optional;

import org.assay.api.step.typed.Param;

/**
 * The parameters every chart step has besides its title: the files' name, the image size and
 * the pii switch. A component of each chart's parameter record without {@code @Param}, so the
 * binder flattens it: in the workflow JSON, the docs and the JSON Schema these are top-level
 * parameters of every chart ({@code "width": 1200}), declared here once.
 */
record ChartOptions(
        @Param(description = ChartParameters.FILE_DOC)
        Optional<String> file,
        @Param(description = ChartParameters.WIDTH_DOC, defaultValue = ChartParameters.WIDTH_DEFAULT,
                min = ChartParameters.WIDTH_MIN, max = ChartParameters.WIDTH_MAX)
        int width,
        @Param(description = ChartParameters.HEIGHT_DOC, defaultValue = ChartParameters.HEIGHT_DEFAULT,
                min = ChartParameters.HEIGHT_MIN, max = ChartParameters.HEIGHT_MAX)
        int height,
        @Param(description = ChartParameters.ALLOW_PII_DOC, defaultValue = ChartParameters.ALLOW_PII_DEFAULT)
        boolean allowPii) {
}

package org.assay.visualizers.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.assay.api.step.ParameterSpec;
import org.assay.api.step.ParameterType;
import org.assay.api.step.Parameters;

/** Parameters every chart step has (title, labels, file, size, allowPii) and their checks. */
final class ChartParameters {

    static final String TITLE = "title";
    static final String X_LABEL = "xLabel";
    static final String Y_LABEL = "yLabel";
    static final String FILE = "file";
    static final String WIDTH = "width";
    static final String HEIGHT = "height";
    static final String ALLOW_PII = "allowPii";

    private ChartParameters() {
    }

    static List<ParameterSpec> common(String defaultTitleHint) {
        return List.of(
                ParameterSpec.builder(TITLE, ParameterType.STRING)
                        .description("Chart title. Default: " + defaultTitleHint + ".").build(),
                ParameterSpec.builder(X_LABEL, ParameterType.STRING)
                        .description("Title of the horizontal axis. Default: derived from the column and transform.").build(),
                ParameterSpec.builder(Y_LABEL, ParameterType.STRING)
                        .description("Title of the vertical axis. Default: derived from the column and aggregate.").build(),
                ParameterSpec.builder(FILE, ParameterType.STRING)
                        .description("PNG file name inside the step's artifact folder, ending in .png. Default: <step id>.png.")
                        .build(),
                ParameterSpec.builder(WIDTH, ParameterType.INTEGER)
                        .description("Image width in pixels.").defaultValue(900L).range(200, 4000).build(),
                ParameterSpec.builder(HEIGHT, ParameterType.INTEGER)
                        .description("Image height in pixels.").defaultValue(560L).range(150, 4000).build(),
                ParameterSpec.builder(ALLOW_PII, ParameterType.BOOLEAN)
                        .description("Allow plotting columns tagged pii. Charts publish labels and values, so this is"
                                + " off unless the workflow says so explicitly.")
                        .defaultValue(false).build());
    }

    /** Problems with the common parameters, each naming the parameter. */
    static List<String> validate(Parameters p) {
        List<String> problems = new ArrayList<>();
        p.optionalString(FILE).ifPresent(file -> {
            if (!file.toLowerCase(Locale.ROOT).endsWith(".png")) {
                problems.add("parameter 'file': '" + file + "' must end in .png, e.g. \"segments.png\"");
            }
            if (!isPlainFileName(file)) {
                problems.add("parameter 'file': '" + file + "' must be a plain file name (no folders);"
                        + " charts are written to the step's artifact folder");
            }
        });
        return problems;
    }

    private static boolean isPlainFileName(String file) {
        return !file.isBlank() && !file.contains("/") && !file.contains("\\") && !file.equals("..")
                && !file.startsWith(".") && !file.contains(":");
    }

    /** The PNG file name: the parameter, or the step id with .png. */
    static String pngName(Parameters p, String stepId) {
        return p.optionalString(FILE).orElse(stepId + ".png");
    }
}

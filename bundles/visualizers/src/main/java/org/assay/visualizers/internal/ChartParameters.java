package org.assay.visualizers.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.assay.api.step.ParameterProblem;

/**
 * The parameters every chart step has (title, file, size, allowPii), and their checks. Charts
 * with axes also have xLabel and yLabel ({@link AxisChartParameters}); a pie has none.
 *
 * <p>Each chart's parameter record declares its own title (its default differs per chart) and
 * ends with the shared records {@link AxisTitles} and {@link ChartOptions}, which the binder
 * flattens into top-level parameters: declared once, they read in the workflow JSON, the docs and
 * the JSON Schema as every chart's own. The accessors below reach into them, so the steps read
 * {@code p.width()} as before, and the checks and the file names are written once here.
 * {@code ChartParametersTest} checks that every chart declares them alike.
 */
interface ChartParameters {

    /** The parameter that allows pii columns; every chart column parameter names it. */
    String ALLOW_PII = "allowPii";

    /** Followed by the chart's own default title. */
    String TITLE_DOC = "Chart title. Default: ";
    String X_LABEL_DOC = "Title of the horizontal axis. Default: derived from the column and transform.";
    String Y_LABEL_DOC = "Title of the vertical axis. Default: derived from the column and aggregate.";
    String FILE_DOC = "Base name of the chart's files inside the step's artifact folder: <file>.png, <file>.svg and"
            + " <file>.csv (the numbers drawn) are written side by side. A trailing .png is dropped. Default: the"
            + " step id.";
    String WIDTH_DOC = "Image width in pixels.";
    String WIDTH_DEFAULT = "900";
    double WIDTH_MIN = 200;
    double WIDTH_MAX = 4000;
    String HEIGHT_DOC = "Image height in pixels.";
    String HEIGHT_DEFAULT = "560";
    double HEIGHT_MIN = 150;
    double HEIGHT_MAX = 4000;
    String ALLOW_PII_DOC = "Allow plotting columns tagged pii. Charts publish labels and values, so this is off"
            + " unless the workflow says so explicitly.";
    String ALLOW_PII_DEFAULT = "false";

    Optional<String> title();

    /** The shared file, size and pii parameters. */
    ChartOptions options();

    default Optional<String> file() {
        return options().file();
    }

    default int width() {
        return options().width();
    }

    default int height() {
        return options().height();
    }

    default boolean allowPii() {
        return options().allowPii();
    }

    /** Problems with the common parameters, each at its parameter. */
    default List<ParameterProblem> commonProblems() {
        List<ParameterProblem> problems = new ArrayList<>();
        file().ifPresent(file -> {
            String lower = file.toLowerCase(Locale.ROOT);
            int dot = lower.lastIndexOf('.');
            if (dot > 0 && !lower.endsWith(".png") && lower.length() - dot <= 5) {
                problems.add(ParameterProblem.of("file", "'" + file + "' must be a base name such as \"segments\""
                        + " (or \"segments.png\"); the chart writes .png, .svg and .csv"));
            }
            if (!isPlainFileName(file)) {
                problems.add(ParameterProblem.of("file", "'" + file + "' must be a plain file name (no folders);"
                        + " charts are written to the step's artifact folder"));
            }
        });
        return problems;
    }

    private static boolean isPlainFileName(String file) {
        return !file.isBlank() && !file.contains("/") && !file.contains("\\") && !file.equals("..")
                && !file.startsWith(".") && !file.contains(":");
    }

    /** The files' base name: the parameter without a trailing .png, or the step id. */
    default String baseName(String stepId) {
        String name = file().orElse(stepId);
        return name.toLowerCase(Locale.ROOT).endsWith(".png") ? name.substring(0, name.length() - 4) : name;
    }
}

package org.assay.visualizers.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.assay.api.step.ParameterProblem;

/**
 * The parameters every chart step has (title, file, size, allowPii), and their checks. Charts
 * with axes also have xLabel and yLabel, with the shared descriptions below; a pie has none.
 *
 * <p>A record cannot inherit components and the binder reads no nested record, so each chart's
 * parameter record repeats these five (seven with axes) components, written with the constants below, and
 * implements this interface. Its accessors are then the record's own, and the checks and the
 * file names are written once here. {@code ChartParametersTest} checks that every chart
 * declares the seven alike. (A shared nested record would need the binder to read nested
 * objects and would change the workflow JSON of every chart.)
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

    Optional<String> file();

    int width();

    int height();

    boolean allowPii();

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

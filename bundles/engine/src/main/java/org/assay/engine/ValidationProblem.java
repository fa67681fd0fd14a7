package org.assay.engine;

/**
 * One thing wrong with a workflow document, or worth a warning.
 *
 * @param path     JSON path of the offending value, e.g. {@code $.steps[2].params.k}
 * @param line     1-based line in the source, or 0 when unknown
 * @param column   1-based column in the source, or 0 when unknown
 * @param message  what is wrong and how to fix it, in plain words
 * @param severity errors block a deployment; warnings do not (e.g. a step type not installed
 *                 yet: runs wait for it)
 */
public record ValidationProblem(String path, int line, int column, String message, Severity severity) {

    /** Whether a problem blocks deployment. */
    public enum Severity { ERROR, WARNING }

    public ValidationProblem(String path, int line, int column, String message) {
        this(path, line, column, message, Severity.ERROR);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return (severity == Severity.WARNING ? "warning: " : "")
                + (line > 0 ? "line " + line + ", column " + column + ", " : "") + path + ": " + message;
    }
}

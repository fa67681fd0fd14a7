package org.assay.connectors.file.internal;

import java.io.IOException;
import java.nio.file.Path;
import org.assay.api.step.StepContext;
import org.assay.api.step.StepFailure;

/**
 * What csv-reader finds out about a file before parsing it, from one bounded read of its
 * start ({@link FileHead}): that it is text, its charset and its delimiter. Each choice
 * that was detected rather than given is logged with its reason.
 *
 * @param encoding  how the bytes become text
 * @param delimiter the field separator
 */
record SourceFormat(SourceEncoding encoding, char delimiter) {

    /**
     * Looks at {@code file} for the step's {@code encoding} and {@code delimiter} parameters.
     *
     * @throws StepFailure when the file is not text, or auto detection cannot tell and the
     *                     user has to set a parameter (the message says which and to what)
     */
    static SourceFormat detect(StepContext ctx, Path file, String pathParam) throws IOException, StepFailure {
        FileHead head = FileHead.read(file);
        String encodingParam = ctx.params().string(CsvReaderStepType.ENCODING);
        requireText(head, encodingParam, file, pathParam);
        SourceEncoding encoding = SourceEncoding.of(head, encodingParam, file);
        ctx.log().info("Reading {} as {} ({})", file, encoding.charset().name(), encoding.detected());
        return new SourceFormat(encoding, delimiter(ctx, head, encoding, file));
    }

    /** The {@code delimiter} parameter's character, or the detected one for {@code auto}. */
    private static char delimiter(StepContext ctx, FileHead head, SourceEncoding encoding, Path file)
            throws StepFailure {
        String given = ctx.params().string(CsvReaderStepType.DELIMITER);
        if (!Delimiter.isAuto(given)) {
            return (char) Delimiter.parse(given);
        }
        CharSequence text = head.text(encoding, DelimiterDetection.SAMPLE_CHARS);
        DelimiterDetection.Choice choice = DelimiterDetection.detect(text,
                head.textIsWhole(text, DelimiterDetection.SAMPLE_CHARS));
        if (choice.lookalike() != 0) {
            String d = Delimiter.display(choice.lookalike());
            throw new StepFailure("parameter delimiter: " + file + " looks " + d + "-separated: set \"delimiter\": "
                    + d + " (" + choice.detail() + "; read with \",\" the header is one column). Rows with "
                    + "another number of fields then go to quarantine.");
        }
        ctx.log().info("Delimiter of {}: {}", file.getFileName(), choice.detail());
        return choice.delimiter();
    }

    private static void requireText(FileHead head, String encodingParam, Path file, String pathParam)
            throws StepFailure {
        BinaryContent.Verdict verdict = BinaryContent.check(head, SourceEncoding.declared(head, encodingParam));
        if (verdict == null) {
            return;
        }
        if (verdict.encoding()) {
            throw new StepFailure("parameter encoding: " + file + " " + verdict.message() + ".");
        }
        throw new StepFailure("parameter path: " + file + " is not a text CSV file (path \"" + pathParam + "\"): "
                + verdict.message() + ". Point path at the CSV file.");
    }
}

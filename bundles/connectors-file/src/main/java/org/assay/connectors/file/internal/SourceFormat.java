package org.assay.connectors.file.internal;

import java.nio.file.Path;
import org.assay.api.step.StepFailure;
import org.slf4j.Logger;

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
     * Looks at the start of {@code file} for the step's {@code encoding} and {@code delimiter}
     * parameters; at run time and for the design-time schema alike.
     *
     * @param log where the choices and their reasons go
     * @throws StepFailure when the file is not text, or auto detection cannot tell and the
     *                     user has to set a parameter (the message says which and to what)
     */
    static SourceFormat detect(FileHead head, CsvReaderParameters p, Path file, Logger log) throws StepFailure {
        requireText(head, p.encoding(), file, p.path());
        SourceEncoding encoding = SourceEncoding.of(head, p.encoding(), file);
        log.info("Reading {} as {} ({})", file, encoding.charset().name(), encoding.detected());
        return new SourceFormat(encoding, delimiter(head, p.delimiter(), encoding, file, log));
    }

    /** The {@code delimiter} parameter's character, or the detected one for {@code auto}. */
    private static char delimiter(FileHead head, String given, SourceEncoding encoding, Path file, Logger log)
            throws StepFailure {
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
        log.info("Delimiter of {}: {}", file.getFileName(), choice.detail());
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

package org.assay.connectors.file.internal;

import java.util.ArrayList;
import java.util.List;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Param;
import org.assay.api.step.typed.PiiPolicy;

/** The parameters of {@code csv-writer}, and the checks of their values. */
record CsvWriterParameters(
        @Param(description = "Where to write. A relative path (e.g. \"customers-clean.csv\") is written into "
                + "the run's own folder and listed in the run report, so every run keeps its output. "
                + "An absolute path must lie in the workflow folder's data/ or a folder listed in "
                + "writeRoots (etc/org.assay.engine.cfg); it replaces an existing file, parent folders "
                + "are created. Karaf's own folders are never writable.", path = Param.PathUse.WRITE)
        String path,
        @Param(description = Delimiter.DESCRIPTION, defaultValue = ",")
        String delimiter,
        @Param(description = "Whether to write the column names as the first line.", defaultValue = "true")
        boolean header,
        @Param(description = "Charset of the file, e.g. UTF-8, GB18030, ISO-8859-1; " + CsvWriterParameters.UTF8_BOM
                + " writes UTF-8 with a byte order mark, which Excel needs to show non-ASCII text.",
                defaultValue = "UTF-8")
        String encoding,
        @Param(description = "What to do with columns tagged pii (personal data). A file leaves the platform's "
                + "control, so personal data is written only when the workflow says so.", defaultValue = "refuse")
        PiiPolicy pii) implements CheckedParameters {

    static final String UTF8_BOM = "UTF-8-BOM";

    @Override
    public List<ParameterProblem> problems() {
        List<ParameterProblem> problems = new ArrayList<>();
        if (path == null || path.isBlank()) {
            problems.add(ParameterProblem.of("path", "give the file to write, e.g. \"customers-clean.csv\""));
        }
        if (Delimiter.parse(delimiter) < 0) {
            problems.add(ParameterProblem.of("delimiter", Delimiter.problem(delimiter)));
        }
        if (!writesBom() && (SourceEncoding.AUTO.equalsIgnoreCase(encoding) || SourceEncoding.problem(encoding) != null)) {
            problems.add(ParameterProblem.of("encoding", "'" + encoding + "' is not a charset to write; use UTF-8, "
                    + UTF8_BOM + ", GB18030, ISO-8859-1 or another Java charset name"));
        }
        return problems;
    }

    /** Whether the file starts with a UTF-8 byte order mark. */
    boolean writesBom() {
        return UTF8_BOM.equalsIgnoreCase(encoding);
    }
}

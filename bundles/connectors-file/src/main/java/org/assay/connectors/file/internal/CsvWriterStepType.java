package org.assay.connectors.file.internal;

import java.util.ArrayList;
import java.util.List;
import org.assay.api.step.ParameterSpec;
import org.assay.api.step.ParameterType;
import org.assay.api.step.Parameters;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepCategory;
import org.assay.api.step.StepDescriptor;
import org.assay.api.step.StepType;
import org.osgi.service.component.annotations.Component;

/** The {@code csv-writer} step type: writes a dataset to a CSV file. */
@Component(service = StepType.class, property = StepType.TYPE_PROPERTY + "=" + CsvWriterStepType.TYPE_ID)
public final class CsvWriterStepType implements StepType {

    static final String TYPE_ID = "csv-writer";
    static final String PATH = "path";
    static final String DELIMITER = "delimiter";
    static final String HEADER = "header";
    static final String ENCODING = "encoding";
    static final String UTF8_BOM = "UTF-8-BOM";
    static final String PII = "pii";

    private final StepDescriptor descriptor = StepDescriptor.builder(TYPE_ID)
            .category(StepCategory.SINK)
            .title("Write CSV file")
            .description("Writes the input rows to a CSV file: dates and timestamps as ISO-8601, whole decimals "
                    + "without a trailing .0, empty cells for missing values, quotes only where needed, LF line "
                    + "ends. The file is written under a temporary name and moved into place when complete, so "
                    + "readers never see half a file.")
            .tags("file", "csv", "sink")
            .parameter(ParameterSpec.builder(PATH, ParameterType.OUTPUT_PATH)
                    .description("Where to write. A relative path (e.g. \"customers-clean.csv\") is written into "
                            + "the run's own folder and listed in the run report, so every run keeps its output. "
                            + "An absolute path must lie in the workflow folder's data/ or a folder listed in "
                            + "writeRoots (etc/org.assay.engine.cfg); it replaces an existing file, parent folders "
                            + "are created. Karaf's own folders are never writable.")
                    .required().build())
            .parameter(ParameterSpec.builder(DELIMITER, ParameterType.STRING)
                    .description(Delimiter.DESCRIPTION).defaultValue(",").build())
            .parameter(ParameterSpec.builder(HEADER, ParameterType.BOOLEAN)
                    .description("Whether to write the column names as the first line.")
                    .defaultValue(true).build())
            .parameter(ParameterSpec.builder(ENCODING, ParameterType.STRING)
                    .description("Charset of the file, e.g. UTF-8, GB18030, ISO-8859-1; " + UTF8_BOM
                            + " writes UTF-8 with a byte order mark, which Excel needs to show non-ASCII text.")
                    .defaultValue("UTF-8").build())
            .parameter(ParameterSpec.builder(PII, ParameterType.ENUM)
                    .description("What to do with columns tagged pii (personal data): " + PiiPolicy.describe()
                            + ". A file leaves the platform's control, so personal data is written only when the "
                            + "workflow says so.")
                    .allowed(PiiPolicy.names()).defaultValue(PiiPolicy.REFUSE.jsonName()).build())
            .input(PortSpec.streamed(PortSpec.IN, "The rows to write, read once from first to last."))
            .build();

    @Override
    public StepDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Step newStep() {
        return new CsvWriterStep();
    }

    @Override
    public List<String> validate(Parameters p) {
        List<String> problems = new ArrayList<>();
        if (!p.has(PATH) || p.string(PATH).isBlank()) {
            problems.add("parameter path: give the file to write, e.g. \"customers-clean.csv\"");
        }
        String delimiter = p.string(DELIMITER);
        if (Delimiter.parse(delimiter) < 0) {
            problems.add(Delimiter.problem(delimiter));
        }
        String encoding = p.string(ENCODING);
        if (!UTF8_BOM.equalsIgnoreCase(encoding)) {
            String problem = SourceEncoding.problem(encoding);
            if (problem != null || SourceEncoding.AUTO.equalsIgnoreCase(encoding)) {
                problems.add("parameter encoding: '" + encoding + "' is not a charset to write; use UTF-8, "
                        + UTF8_BOM + ", GB18030, ISO-8859-1 or another Java charset name");
            }
        }
        return problems;
    }
}

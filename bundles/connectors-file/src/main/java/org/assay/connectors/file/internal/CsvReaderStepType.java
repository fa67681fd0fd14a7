package org.assay.connectors.file.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assay.api.data.BatchBuilder;
import org.assay.api.step.ParameterSpec;
import org.assay.api.step.ParameterType;
import org.assay.api.step.Parameters;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepCategory;
import org.assay.api.step.StepDescriptor;
import org.assay.api.step.StepType;
import org.osgi.service.component.annotations.Component;

/** The {@code csv-reader} step type: reads a delimited text file into a typed dataset. */
@Component(service = StepType.class, property = StepType.TYPE_PROPERTY + "=" + CsvReaderStepType.TYPE_ID)
public final class CsvReaderStepType implements StepType {

    static final String TYPE_ID = "csv-reader";
    static final String PATH = "path";
    static final String DELIMITER = "delimiter";
    static final String ENCODING = "encoding";
    static final String HEADER = "header";
    static final String COLUMNS = "columns";
    static final String INFER_TYPES = "inferTypes";
    static final String INFERENCE_ROWS = "inferenceRows";
    static final String DATE_FORMAT = "dateFormat";
    static final String NULL_VALUES = "nullValues";

    private final StepDescriptor descriptor = StepDescriptor.builder(TYPE_ID)
            .category(StepCategory.CONNECTOR)
            .title("Read CSV file")
            .description("Reads a delimited text file (CSV, TSV) into a typed dataset, streaming in batches of "
                    + BatchBuilder.DEFAULT_CAPACITY + " rows so files of any size fit in memory. Column types come "
                    + "from the columns parameter or are inferred from the first rows. Rows with the wrong number "
                    + "of fields or a value that does not fit its column's type go to quarantine with their line "
                    + "number and the reason. Names, emails and phones are tagged pii only when declared so.")
            .tags("file", "csv", "source")
            .parameter(ParameterSpec.builder(PATH, ParameterType.INPUT_PATH)
                    .description("The file to read. A relative path resolves against the workflow folder (workflows/ in "
                            + "the distribution); the file must lie inside it or a folder listed in readRoots "
                            + "(etc/org.assay.engine.cfg).")
                    .required().build())
            .parameter(ParameterSpec.builder(DELIMITER, ParameterType.STRING)
                    .description(Delimiter.READER_DESCRIPTION).defaultValue(Delimiter.AUTO).build())
            .parameter(ParameterSpec.builder(ENCODING, ParameterType.STRING)
                    .description(SourceEncoding.DESCRIPTION)
                    .defaultValue(SourceEncoding.AUTO).build())
            .parameter(ParameterSpec.builder(HEADER, ParameterType.BOOLEAN)
                    .description("Whether the first line holds the column names. Without a header the columns are "
                            + "named column_1, column_2, ...")
                    .defaultValue(true).build())
            .parameter(ParameterSpec.builder(COLUMNS, ParameterType.STRING_MAP)
                    .description("Declared columns: column name to " + ColumnSpec.SYNTAX + ". Declared types are "
                            + "used as they are; tags travel with the column (pii marks personal data for the "
                            + "privacy steps). Undeclared columns are inferred or read as string.")
                    .build())
            .parameter(ParameterSpec.builder(INFER_TYPES, ParameterType.BOOLEAN)
                    .description("Infer the types of undeclared columns from the first inferenceRows rows: boolean "
                            + "(true/false), integer, decimal, date, timestamp or else string; a type wins if it "
                            + "fits all but at most 1% of the sampled values. A later value that does not fit sends "
                            + "its row to quarantine; declare the column to change its type. When false, undeclared "
                            + "columns are strings.")
                    .defaultValue(true).build())
            .parameter(ParameterSpec.builder(INFERENCE_ROWS, ParameterType.INTEGER)
                    .description("How many rows type inference looks at.")
                    .defaultValue(1000L).range(1, 1_000_000).build())
            .parameter(ParameterSpec.builder(DATE_FORMAT, ParameterType.STRING)
                    .description("Pattern of date columns (java.time letters), e.g. dd.MM.yyyy or MM/dd/yyyy. Dates "
                            + "are checked strictly: 2023-02-30 goes to quarantine.")
                    .defaultValue(CellParser.ISO_DATE).build())
            .parameter(ParameterSpec.builder(NULL_VALUES, ParameterType.STRING_LIST)
                    .description("Cell texts that mean 'no value', matched exactly (case-sensitive) in every column.")
                    .defaultValue(List.of("", "NA", "null", "N/A")).build())
            .output(PortSpec.OUT, "The rows of the file that parsed, with the declared or inferred schema.")
            .build();

    @Override
    public StepDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Step newStep() {
        return new CsvReaderStep();
    }

    @Override
    public List<String> validate(Parameters p) {
        List<String> problems = new ArrayList<>();
        if (!p.has(PATH) || p.string(PATH).isBlank()) {
            problems.add("parameter path: give the file to read, e.g. \"data/customers.csv\"");
        }
        String delimiter = p.string(DELIMITER);
        if (!Delimiter.isAuto(delimiter) && Delimiter.parse(delimiter) < 0) {
            problems.add(Delimiter.problem(delimiter));
        }
        String encodingProblem = SourceEncoding.problem(p.string(ENCODING));
        if (encodingProblem != null) {
            problems.add(encodingProblem);
        }
        for (Map.Entry<String, String> e : p.stringMap(COLUMNS).entrySet()) {
            try {
                ColumnSpec.parse(e.getKey(), e.getValue());
            } catch (IllegalArgumentException bad) {
                problems.add(bad.getMessage());
            }
        }
        try {
            new CellParser(p.string(DATE_FORMAT));
        } catch (IllegalArgumentException bad) {
            problems.add("parameter dateFormat: '" + p.string(DATE_FORMAT) + "' is not a valid date pattern ("
                    + bad.getMessage() + "); use letters such as yyyy-MM-dd or dd.MM.yyyy");
        }
        return problems;
    }
}

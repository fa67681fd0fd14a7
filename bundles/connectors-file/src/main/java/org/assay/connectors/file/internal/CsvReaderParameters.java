package org.assay.connectors.file.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Param;

/**
 * The parameters of {@code csv-reader}, and the checks of their values. {@code columns} names
 * columns of the file, not of an input, so it has no column rule: the reader itself checks the
 * names against the header (at run time, and for the design-time schema).
 */
record CsvReaderParameters(
        @Param(description = "The file to read. A relative path resolves against the workflow folder (workflows/ in "
                + "the distribution); the file must lie inside it or a folder listed in readRoots "
                + "(etc/org.assay.engine.cfg).", path = Param.PathUse.READ)
        String path,
        @Param(description = Delimiter.READER_DESCRIPTION, defaultValue = Delimiter.AUTO)
        String delimiter,
        @Param(description = SourceEncoding.DESCRIPTION, defaultValue = SourceEncoding.AUTO)
        String encoding,
        @Param(description = "Whether the first line holds the column names. Without a header the columns are "
                + "named column_1, column_2, ...", defaultValue = "true")
        boolean header,
        @Param(description = "Declared columns: column name to " + ColumnSpec.SYNTAX + ". Declared types are "
                + "used as they are; tags travel with the column (pii marks personal data for the "
                + "privacy steps). Undeclared columns are inferred or read as string.", defaultValue = "{}")
        Map<String, String> columns,
        @Param(description = "Infer the types of undeclared columns from the first inferenceRows rows: boolean "
                + "(true/false), integer, decimal, date, timestamp or else string; a type wins if it "
                + "fits all but at most 1% of the sampled values. A later value that does not fit sends "
                + "its row to quarantine; declare the column to change its type. When false, undeclared "
                + "columns are strings.", defaultValue = "true")
        boolean inferTypes,
        @Param(description = "How many rows type inference looks at.", defaultValue = "1000", min = 1, max = 1_000_000)
        int inferenceRows,
        @Param(description = "Pattern of date columns (java.time letters), e.g. dd.MM.yyyy or MM/dd/yyyy. Dates "
                + "are checked strictly: 2023-02-30 goes to quarantine.", defaultValue = CellParser.ISO_DATE)
        String dateFormat,
        @Param(description = "Cell texts that mean 'no value', matched exactly (case-sensitive) in every column.",
                defaultValue = "[\"\", \"NA\", \"null\", \"N/A\"]")
        List<String> nullValues) implements CheckedParameters {

    @Override
    public List<ParameterProblem> problems() {
        List<ParameterProblem> problems = new ArrayList<>();
        if (path == null || path.isBlank()) {
            problems.add(ParameterProblem.of("path", "give the file to read, e.g. \"data/customers.csv\""));
        }
        if (!Delimiter.isAuto(delimiter) && Delimiter.parse(delimiter) < 0) {
            problems.add(ParameterProblem.of("delimiter", Delimiter.problem(delimiter)));
        }
        String encodingProblem = SourceEncoding.problem(encoding);
        if (encodingProblem != null) {
            problems.add(ParameterProblem.of("encoding", encodingProblem));
        }
        for (Map.Entry<String, String> e : columns.entrySet()) {
            try {
                ColumnSpec.parse(e.getKey(), e.getValue());
            } catch (IllegalArgumentException bad) {
                problems.add(ParameterProblem.of("columns", bad.getMessage()));
            }
        }
        try {
            new CellParser(dateFormat);
        } catch (IllegalArgumentException bad) {
            problems.add(ParameterProblem.of("dateFormat", "'" + dateFormat + "' is not a valid date pattern ("
                    + bad.getMessage() + "); use letters such as yyyy-MM-dd or dd.MM.yyyy"));
        }
        return problems;
    }

    /** The declared columns, parsed; only for checked parameters. */
    Map<String, ColumnSpec> declared() {
        Map<String, ColumnSpec> declared = new LinkedHashMap<>();
        columns.forEach((name, spec) -> declared.put(name, ColumnSpec.parse(name, spec)));
        return declared;
    }

    /** A parser for the cells, with {@code dateFormat}; only for checked parameters. */
    CellParser cellParser() {
        return new CellParser(dateFormat);
    }

    Set<String> nullTexts() {
        return Set.copyOf(nullValues);
    }
}

package org.assay.connectors.file.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Param;

/** The parameters of {@code xlsx-reader}. */
record XlsxReaderParameters(
        @Param(description = "The Excel workbook (.xlsx; the older binary .xls is not read).", path = Param.PathUse.READ)
        String path,
        @Param(description = "The sheet to read, by name; the first sheet when not given.")
        Optional<String> sheet,
        @Param(description = "Whether the sheet's first row holds the column names (else column_1, column_2, ...).",
                defaultValue = "true")
        boolean header,
        @Param(description = "Types and tags of columns, as in csv-reader: {\"customer_id\": \"integer,id\", "
                + "\"email\": \"string,pii\"}. Undeclared types are inferred from the first " + XlsxColumns.SAMPLE
                + " rows: cells formatted as dates become dates or timestamps.", defaultValue = "{}")
        Map<String, String> columns) implements CheckedParameters {

    @Override
    public List<ParameterProblem> problems() {
        List<ParameterProblem> problems = new ArrayList<>();
        if (path == null || path.isBlank()) {
            problems.add(ParameterProblem.of("path", "give the workbook, e.g. \"data/survey.xlsx\""));
        }
        for (Map.Entry<String, String> e : columns.entrySet()) {
            try {
                ColumnSpec.parse(e.getKey(), e.getValue());
            } catch (IllegalArgumentException x) {
                problems.add(ParameterProblem.of("columns", x.getMessage()));
            }
        }
        return problems;
    }
}

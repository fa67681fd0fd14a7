package org.assay.connectors.jdbc.internal;

import java.util.ArrayList;
import java.util.List;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Columns;
import org.assay.api.step.typed.Param;
import org.assay.api.step.typed.PiiPolicy;

/** The parameters of {@code jdbc-writer}, and the checks between them. */
record JdbcWriterParameters(
        @Param(description = "The data source to write, by name (see jdbc-reader); \"assay\" is the embedded H2 "
                + "database the distribution ships.")
        String dataSource,
        @Param(description = "The table, e.g. \"customer_segments\" or \"crm.customer_segments\": letters, digits "
                + "and _. Names are quoted as given; lower case keeps them usable unquoted in PostgreSQL.")
        String table,
        @Param(description = "What happens to the rows the table has already.", defaultValue = "append")
        WriteMode mode,
        @Param(description = "The columns that identify a row: required for upsert, and the primary key of a table "
                + "this step creates.", defaultValue = "[]")
        @Columns List<String> keys,
        @Param(description = "Whether to create the table from the input's columns when it does not exist.",
                defaultValue = "true")
        boolean createTable,
        @Param(description = "Rows sent to the database per round trip.", defaultValue = "1000", min = 1, max = 100000)
        int batchSize,
        @Param(description = "What to do with a row the database refuses.", defaultValue = "fail")
        RejectPolicy onReject,
        @Param(description = "What to do with columns tagged pii (personal data).", defaultValue = "refuse")
        PiiPolicy pii) implements CheckedParameters {

    @Override
    public List<ParameterProblem> problems() {
        List<ParameterProblem> problems = new ArrayList<>();
        if (dataSource == null || dataSource.isBlank()) {
            problems.add(ParameterProblem.of("dataSource", "give the data source's name, e.g. \"assay\""));
        }
        String t = Identifiers.tableProblem(table);
        if (t != null) {
            problems.add(ParameterProblem.of("table", t));
        }
        if (mode == WriteMode.UPSERT && keys.isEmpty()) {
            problems.add(ParameterProblem.of("keys", "upsert needs the key columns, e.g. [\"customer_id\"]"));
        }
        for (String k : keys) {
            String p = Identifiers.columnProblem(k);
            if (p != null) {
                problems.add(ParameterProblem.of("keys", p));
            }
        }
        return problems;
    }
}

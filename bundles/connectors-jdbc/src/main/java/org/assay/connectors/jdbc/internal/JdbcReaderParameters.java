package org.assay.connectors.jdbc.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.assay.api.data.FieldTag;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Param;

/** The parameters of {@code jdbc-reader}, and the checks between them. */
record JdbcReaderParameters(
        @Param(description = "The data source to read, by name: the dataSourceName of a file "
                + "etc/org.ops4j.datasource-<name>.cfg. The distribution ships \"assay\", an embedded H2 database.")
        String dataSource,
        @Param(description = "A table to read whole, e.g. \"customers\" or \"crm.customers\". Give table or query.")
        Optional<String> table,
        @Param(description = "A query that reads (SELECT or WITH), with named parameters such as :since whose "
                + "values come from parameters and are bound by the driver, never pasted into the text.")
        Optional<String> query,
        @Param(description = "The value of each named parameter of the query, e.g. {\"since\": \"2024-01-01\"}; "
                + "converted to the type the database expects for it.", defaultValue = "{}")
        Map<String, String> parameters,
        @Param(description = "Tags for columns, e.g. {\"email\": \"pii\", \"customer_id\": \"id\"}; several "
                + "tags separated by commas.", defaultValue = "{}")
        Map<String, String> tags,
        @Param(description = "Rows the driver fetches per round trip. The reader holds one fetch and one batch "
                + "in memory, so a table of any size streams.", defaultValue = "1000", min = 1, max = 100000)
        int fetchSize,
        @Param(description = "Incremental mode: a column that grows with each new or changed row (an id, a "
                + "modification time). Each run reads only the rows above the highest value the last successful run "
                + "of this workflow's step read; the first run reads every row. A failed run does not advance it.")
        Optional<String> watermark) implements CheckedParameters {

    @Override
    public List<ParameterProblem> problems() {
        List<ParameterProblem> problems = new ArrayList<>();
        if (dataSource == null || dataSource.isBlank()) {
            problems.add(ParameterProblem.of("dataSource", "give the data source's name, e.g. \"assay\""));
        }
        if (table.isPresent() == query.isPresent()) {
            problems.add(ParameterProblem.general(table.isPresent()
                    ? "give table or query, not both"
                    : "give the table to read (\"table\": \"customers\") or a query (\"query\": \"SELECT ...\")"));
        }
        table.map(Identifiers::tableProblem).ifPresent(p -> problems.add(ParameterProblem.of("table", p)));
        if (query.isPresent()) {
            try {
                Set<String> used = NamedQuery.parse(query.get()).distinctNames();
                for (String name : used) {
                    if (!parameters.containsKey(name)) {
                        problems.add(ParameterProblem.of("parameters", "the query uses :" + name
                                + " but parameters gives no value for it"));
                    }
                }
                for (String name : parameters.keySet()) {
                    if (!used.contains(name)) {
                        problems.add(ParameterProblem.of("parameters", "'" + name + "' is not used by the query "
                                + "(it uses " + used.stream().map(n -> ":" + n).toList() + ")"));
                    }
                }
            } catch (IllegalArgumentException e) {
                problems.add(ParameterProblem.of("query", e.getMessage()));
            }
        } else if (!parameters.isEmpty()) {
            problems.add(ParameterProblem.of("parameters", "parameters are for a query; a table is read whole"));
        }
        if (watermark.isPresent()) {
            String problem = watermark.get().isBlank() ? "give the column that grows, e.g. \"updated_at\""
                    : Identifiers.columnProblem(watermark.get());
            if (problem != null) {
                problems.add(ParameterProblem.of("watermark", problem));
            }
        }
        for (Map.Entry<String, String> e : tags.entrySet()) {
            for (String tag : e.getValue().split(",")) {
                try {
                    FieldTag.parse(tag.strip());
                } catch (IllegalArgumentException x) {
                    problems.add(ParameterProblem.of("tags", "column " + e.getKey() + ": " + x.getMessage()));
                }
            }
        }
        return problems;
    }
}

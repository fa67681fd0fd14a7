package org.assay.connectors.file.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Param;

/** The parameters of {@code json-reader}. */
record JsonReaderParameters(
        @Param(description = "The JSON file: an array of objects or JSON lines, plain or gzip-compressed.",
                path = Param.PathUse.READ)
        String path,
        @Param(description = "How the file holds its records.", defaultValue = "auto")
        JsonLayout layout,
        @Param(description = "Where each column comes from in a record, as a JSON Pointer or a dotted path, e.g. "
                + "{\"city\": \"/address/city\", \"first_tag\": \"tags.0\"}. Without it: the record's fields, nested "
                + "objects flattened as address.city, arrays kept as JSON text.", defaultValue = "{}")
        Map<String, String> paths,
        @Param(description = "Types and tags of columns, as in csv-reader: {\"customer_id\": \"integer,id\", "
                + "\"email\": \"string,pii\", \"since\": \"date\"}. Undeclared types are inferred from the first "
                + JsonRecords.SAMPLE + " records.", defaultValue = "{}")
        Map<String, String> columns,
        @Param(description = "An array in each record to make one row per element, e.g. \"/items\"; paths under it "
                + "(\"/items/sku\") are read from the element, the others from the record, so the order's fields "
                + "repeat on each of its item rows. A record whose array is empty or missing gives no row.")
        Optional<String> explode) implements CheckedParameters {

    @Override
    public List<ParameterProblem> problems() {
        List<ParameterProblem> problems = new ArrayList<>();
        if (path == null || path.isBlank()) {
            problems.add(ParameterProblem.of("path", "give the JSON file, e.g. \"data/orders.jsonl\""));
        }
        for (Map.Entry<String, String> e : paths.entrySet()) {
            try {
                JsonRecords.pointer(e.getValue());
            } catch (IllegalArgumentException x) {
                problems.add(ParameterProblem.of("paths", "column " + e.getKey() + ": " + x.getMessage()));
            }
        }
        for (Map.Entry<String, String> e : columns.entrySet()) {
            try {
                ColumnSpec.parse(e.getKey(), e.getValue());
            } catch (IllegalArgumentException x) {
                problems.add(ParameterProblem.of("columns", x.getMessage()));
            }
        }
        explode.ifPresent(x -> {
            try {
                JsonRecords.pointer(x);
            } catch (IllegalArgumentException ex) {
                problems.add(ParameterProblem.of("explode", ex.getMessage()));
            }
        });
        return problems;
    }
}

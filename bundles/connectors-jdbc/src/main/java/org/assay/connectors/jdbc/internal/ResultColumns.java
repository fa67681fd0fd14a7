package org.assay.connectors.jdbc.internal;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assay.api.data.BatchBuilder;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.NearestName;
import org.assay.api.data.Schema;
import org.assay.api.step.StepFailure;

/**
 * The columns of a query result as an Assay schema, and the copying of each row into a batch.
 * Timestamps without a zone are taken as UTC.
 */
final class ResultColumns {

    private final Schema schema;
    /** Per column: a timestamp with a zone, read as an OffsetDateTime. */
    private final boolean[] zoned;

    private ResultColumns(Schema schema, boolean[] zoned) {
        this.schema = schema;
        this.zoned = zoned;
    }

    /**
     * @throws StepFailure for a binary column, two columns of one name, or a tag for a column
     *                     the result does not have
     */
    static ResultColumns of(ResultSetMetaData md, Map<String, String> tags) throws SQLException, StepFailure {
        int n = md.getColumnCount();
        List<Field> fields = new ArrayList<>(n);
        boolean[] zoned = new boolean[n];
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String name = md.getColumnLabel(i);
            int sqlType = md.getColumnType(i);
            String typeName = md.getColumnTypeName(i);
            FieldType type = SqlTypes.fieldType(sqlType, md.getPrecision(i), md.getScale(i)).orElseThrow(() ->
                    new StepFailure("column " + name + " holds binary data (" + typeName + "), which "
                            + "Assay cannot hold: leave it out of the query"));
            if (names.contains(name)) {
                throw new StepFailure("the result has two columns named '" + name + "': give one an alias "
                        + "(SELECT o.id AS order_id, ...)");
            }
            names.add(name);
            boolean nullable = md.isNullable(i) != ResultSetMetaData.columnNoNulls;
            Set<FieldTag> fieldTags = EnumSet.noneOf(FieldTag.class);
            String t = tagsOf(tags, name);
            if (t != null) {
                for (String tag : t.split(",")) {
                    fieldTags.add(FieldTag.parse(tag.strip()));
                }
            }
            fields.add(new Field(name, type, nullable, fieldTags, List.of()));
            // pgjdbc reports timestamptz as Types.TIMESTAMP: its type name tells.
            String lower = typeName == null ? "" : typeName.toLowerCase(java.util.Locale.ROOT);
            zoned[i - 1] = sqlType == Types.TIMESTAMP_WITH_TIMEZONE || lower.equals("timestamptz")
                    || lower.contains("time zone");
        }
        for (String tagged : tags.keySet()) {
            if (names.stream().noneMatch(name -> name.equalsIgnoreCase(tagged))) {
                throw new StepFailure("parameter tags: the result has no column '" + tagged + "'"
                        + NearestName.among(tagged, names).map(s -> "; did you mean '" + s + "'?").orElse("")
                        + "; its columns are " + names);
            }
        }
        return new ResultColumns(Schema.of(fields), zoned);
    }

    /**
     * The tags given for a column: by its exact name, else by the name in any case, since
     * databases differ in the case they store unquoted names in (H2 CUSTOMER_ID,
     * PostgreSQL customer_id) and a workflow should not have to know.
     */
    private static String tagsOf(Map<String, String> tags, String column) {
        String exact = tags.get(column);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, String> e : tags.entrySet()) {
            if (e.getKey().equalsIgnoreCase(column)) {
                return e.getValue();
            }
        }
        return null;
    }

    Schema schema() {
        return schema;
    }

    /** Whether column {@code c} (0-based) is a timestamp with a zone. */
    boolean zoned(int c) {
        return zoned[c];
    }

    /** Copies the current row of {@code rs} into the builder's current row. */
    void copy(ResultSet rs, BatchBuilder b) throws SQLException {
        for (int c = 0; c < zoned.length; c++) {
            int i = c + 1;
            switch (schema.field(c).type()) {
                case INTEGER -> {
                    long v = rs.getLong(i);
                    if (!rs.wasNull()) {
                        b.setLong(c, v);
                    }
                }
                case DECIMAL -> {
                    double v = rs.getDouble(i);
                    if (!rs.wasNull()) {
                        b.setDouble(c, v);
                    }
                }
                case BOOLEAN -> {
                    boolean v = rs.getBoolean(i);
                    if (!rs.wasNull()) {
                        b.setLong(c, v ? 1 : 0);
                    }
                }
                case DATE -> {
                    LocalDate d = rs.getObject(i, LocalDate.class);
                    if (d != null) {
                        b.setLong(c, d.toEpochDay());
                    }
                }
                case TIMESTAMP -> {
                    if (zoned[c]) {
                        OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
                        if (t != null) {
                            b.setLong(c, t.toInstant().toEpochMilli());
                        }
                    } else {
                        LocalDateTime t = rs.getObject(i, LocalDateTime.class);
                        if (t != null) {
                            b.setLong(c, t.toInstant(ZoneOffset.UTC).toEpochMilli());
                        }
                    }
                }
                case STRING, CATEGORICAL -> b.setString(c, rs.getString(i));
            }
        }
        b.endRow();
    }
}

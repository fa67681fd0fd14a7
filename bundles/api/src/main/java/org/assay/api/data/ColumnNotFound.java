package org.assay.api.data;

/**
 * The one wording of "this column does not exist", for the engine's deploy-time checks and for
 * steps that find it out at run time (a schema that was unknown at deploy time):
 * {@code no column 'agee' in the input; did you mean 'age'? Its columns are [id, age, city]}.
 * Stateless; safe from any thread.
 */
public final class ColumnNotFound {

    private ColumnNotFound() {
    }

    /**
     * The message for a missing column.
     *
     * @param column the name as written; not null
     * @param schema the schema it was looked up in; not null
     * @param where  what the schema belongs to, read after "in" ("the input", "input 'left' of
     *               step 'join' (from step 'customers')"); null to leave it out
     * @return the message, without a trailing full stop, so a caller may append advice
     */
    public static String message(String column, Schema schema, String where) {
        StringBuilder m = new StringBuilder("no column '").append(column).append('\'');
        if (where != null && !where.isBlank()) {
            m.append(" in ").append(where);
        }
        if (schema.size() == 0) {
            return m.append("; it has no columns").toString();
        }
        NearestName.among(column, schema.names()).ifPresentOrElse(
                near -> m.append("; did you mean '").append(near).append("'? Its columns are "),
                () -> m.append("; its columns are "));
        return m.append(schema.names()).toString();
    }

    /** {@link #message} as the exception {@link Schema#require} throws. */
    public static IllegalArgumentException exception(String column, Schema schema, String where) {
        return new IllegalArgumentException(message(column, schema, where));
    }
}

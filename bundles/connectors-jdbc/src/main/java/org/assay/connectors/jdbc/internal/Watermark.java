package org.assay.connectors.jdbc.internal;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.assay.api.data.FieldType;
import org.assay.api.step.StepFailure;

/**
 * A value of an incremental {@code jdbc-reader}'s watermark column, kept exactly as the
 * database gave it (a BigDecimal, a timestamp to the microsecond) so that {@code column > last}
 * neither skips nor repeats a row through rounding. Stored as its kind and its ISO text.
 */
record Watermark(Kind kind, Comparable<?> value) {

    /** The column types a watermark may have: ones that grow. */
    enum Kind {
        INTEGER, DECIMAL, DATE, TIMESTAMP, TIMESTAMP_TZ, TEXT;

        static Kind of(FieldType type, boolean zoned, String column) throws StepFailure {
            return switch (type) {
                case INTEGER -> INTEGER;
                case DECIMAL -> DECIMAL;
                case DATE -> DATE;
                case TIMESTAMP -> zoned ? TIMESTAMP_TZ : TIMESTAMP;
                case STRING, CATEGORICAL -> TEXT;
                case BOOLEAN -> throw new StepFailure("parameter watermark: column " + column + " is a boolean, which"
                        + " cannot mark new rows; use a column that grows with each new row, such as an id or a"
                        + " modification time");
            };
        }

        /** The current row's value of the column, or null. */
        Comparable<?> read(ResultSet rs, int column) throws SQLException {
            return switch (this) {
                case INTEGER -> {
                    long v = rs.getLong(column);
                    yield rs.wasNull() ? null : v;
                }
                case DECIMAL -> rs.getBigDecimal(column);
                case DATE -> rs.getObject(column, LocalDate.class);
                case TIMESTAMP -> rs.getObject(column, LocalDateTime.class);
                case TIMESTAMP_TZ -> rs.getObject(column, OffsetDateTime.class);
                case TEXT -> rs.getString(column);
            };
        }

        Comparable<?> parse(String text) {
            return switch (this) {
                case INTEGER -> Long.parseLong(text);
                case DECIMAL -> new BigDecimal(text);
                case DATE -> LocalDate.parse(text);
                case TIMESTAMP -> LocalDateTime.parse(text);
                case TIMESTAMP_TZ -> OffsetDateTime.parse(text);
                case TEXT -> text;
            };
        }
    }

    /** The larger of this and the value read, which must be of this kind. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    Watermark max(Comparable<?> other) {
        if (other == null) {
            return this;
        }
        if (value == null) {
            return new Watermark(kind, other);
        }
        Comparable a = kind == Kind.TIMESTAMP_TZ ? ((OffsetDateTime) value).toInstant() : value;
        Comparable b = kind == Kind.TIMESTAMP_TZ ? ((OffsetDateTime) other).toInstant() : other;
        return a.compareTo(b) >= 0 ? this : new Watermark(kind, other);
    }

    /** Binds the value as the statement's parameter {@code index}. */
    void bind(PreparedStatement ps, int index) throws SQLException {
        switch (kind) {
            case INTEGER -> ps.setLong(index, (Long) value);
            case DECIMAL -> ps.setBigDecimal(index, (BigDecimal) value);
            case TEXT -> ps.setString(index, (String) value);
            default -> ps.setObject(index, value);
        }
    }

    /** The stored form, {@code KIND:text}. */
    String format() {
        return kind.name() + ":" + (value instanceof BigDecimal d ? d.toPlainString() : value.toString());
    }

    /** @throws IllegalArgumentException for text that {@link #format()} did not write */
    static Watermark parse(String stored) {
        int colon = stored.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("not a stored watermark: " + stored);
        }
        Kind kind = Kind.valueOf(stored.substring(0, colon).toUpperCase(Locale.ROOT));
        return new Watermark(kind, kind.parse(stored.substring(colon + 1)));
    }
}

package org.assay.connectors.jdbc.internal;

import java.sql.Types;
import java.util.Optional;
import org.assay.api.data.FieldType;

/**
 * How SQL column types become Assay field types (documented in the README, "Databases").
 * Exact numbers that fit a long (scale 0, precision 1 to 18) are integers; every other number
 * is a decimal (a double). Time of day, UUIDs, JSON and intervals arrive as their text.
 * Binary columns have no Assay type and are refused by name.
 */
final class SqlTypes {

    private SqlTypes() {
    }

    /** The Assay type for a column, or empty when it cannot be held (binary data). */
    static Optional<FieldType> fieldType(int sqlType, int precision, int scale) {
        return Optional.ofNullable(switch (sqlType) {
            case Types.BIT, Types.BOOLEAN -> precision > 1 && sqlType == Types.BIT ? FieldType.STRING : FieldType.BOOLEAN;
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> FieldType.INTEGER;
            case Types.NUMERIC, Types.DECIMAL -> scale == 0 && precision > 0 && precision <= 18
                    ? FieldType.INTEGER : FieldType.DECIMAL;
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> FieldType.DECIMAL;
            case Types.DATE -> FieldType.DATE;
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> FieldType.TIMESTAMP;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> null;
            default -> FieldType.STRING;
        });
    }

    /** The column type {@code jdbc-writer} creates for a field. */
    static String ddlType(FieldType type, Dialect dialect, boolean key) {
        return switch (type) {
            // MariaDB/MySQL cannot index TEXT without a length: keys get a bounded VARCHAR.
            case STRING, CATEGORICAL -> switch (dialect) {
                case MARIADB -> key ? "VARCHAR(255)" : "TEXT";
                case POSTGRESQL -> "TEXT";
                default -> "VARCHAR(1000000)";
            };
            case INTEGER -> "BIGINT";
            case DECIMAL -> dialect == Dialect.MARIADB ? "DOUBLE" : "DOUBLE PRECISION";
            case BOOLEAN -> "BOOLEAN";
            case DATE -> "DATE";
            // MariaDB has no type with a zone: DATETIME(3) holds the UTC instant.
            case TIMESTAMP -> dialect == Dialect.MARIADB ? "DATETIME(3)" : "TIMESTAMP WITH TIME ZONE";
        };
    }

    /** The java.sql.Types code used to bind a null of a field type. */
    static int nullType(FieldType type) {
        return switch (type) {
            case STRING, CATEGORICAL -> Types.VARCHAR;
            case INTEGER -> Types.BIGINT;
            case DECIMAL -> Types.DOUBLE;
            case BOOLEAN -> Types.BOOLEAN;
            case DATE -> Types.DATE;
            case TIMESTAMP -> Types.TIMESTAMP_WITH_TIMEZONE;
        };
    }
}

package org.assay.connectors.jdbc.internal;

import java.math.BigDecimal;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.assay.api.step.StepFailure;

/**
 * Binds the values of named parameters. Values are text in the workflow; each is converted to
 * the type the database reports for its placeholder (a date for {@code created >= :since}),
 * because PostgreSQL refuses to compare a date with text. A driver that cannot tell gets text.
 */
final class QueryParameters {

    private QueryParameters() {
    }

    static void bind(PreparedStatement ps, NamedQuery query, Map<String, String> values) throws SQLException,
            StepFailure {
        List<String> names = query.names();
        ParameterMetaData md = metadata(ps);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String value = values.get(name);
            int type = Types.VARCHAR;
            if (md != null) {
                try {
                    type = md.getParameterType(i + 1);
                } catch (SQLException e) {
                    type = Types.VARCHAR;
                }
            }
            try {
                bindOne(ps, i + 1, type, value);
            } catch (NumberFormatException | DateTimeParseException e) {
                throw new StepFailure("parameter parameters." + name + ": '" + value + "' is not "
                        + expected(type) + ", which the query needs for :" + name);
            }
        }
    }

    private static ParameterMetaData metadata(PreparedStatement ps) {
        try {
            return ps.getParameterMetaData();
        } catch (SQLException e) {
            return null;
        }
    }

    private static void bindOne(PreparedStatement ps, int i, int type, String value) throws SQLException {
        if (value == null) {
            ps.setNull(i, type);
            return;
        }
        String v = value.strip();
        switch (type) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> ps.setLong(i, Long.parseLong(v));
            case Types.NUMERIC, Types.DECIMAL, Types.REAL, Types.FLOAT, Types.DOUBLE -> ps.setBigDecimal(i,
                    new BigDecimal(v));
            case Types.BOOLEAN, Types.BIT -> ps.setBoolean(i, parseBoolean(v));
            case Types.DATE -> ps.setObject(i, LocalDate.parse(v));
            case Types.TIMESTAMP -> ps.setObject(i, localTimestamp(v));
            case Types.TIMESTAMP_WITH_TIMEZONE -> ps.setObject(i, offsetTimestamp(v));
            default -> ps.setString(i, value);
        }
    }

    private static boolean parseBoolean(String v) {
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        if (v.equalsIgnoreCase("false")) {
            return false;
        }
        throw new NumberFormatException(v);
    }

    /** "2024-01-01" is midnight; "2024-01-01T10:00:00Z" is taken at UTC. */
    private static LocalDateTime localTimestamp(String v) {
        if (v.length() == 10) {
            return LocalDate.parse(v).atStartOfDay();
        }
        if (v.endsWith("Z") || v.matches(".*[+-]\\d\\d:\\d\\d$")) {
            return LocalDateTime.ofInstant(offsetTimestamp(v).toInstant(), ZoneOffset.UTC);
        }
        return LocalDateTime.parse(v);
    }

    private static OffsetDateTime offsetTimestamp(String v) {
        if (v.length() == 10) {
            return LocalDate.parse(v).atStartOfDay().atOffset(ZoneOffset.UTC);
        }
        if (v.endsWith("Z") || v.matches(".*[+-]\\d\\d:\\d\\d$")) {
            return OffsetDateTime.ofInstant(Instant.from(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME
                    .parse(v)), ZoneOffset.UTC);
        }
        return LocalDateTime.parse(v).atOffset(ZoneOffset.UTC);
    }

    private static String expected(int type) {
        return switch (type) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> "a whole number";
            case Types.NUMERIC, Types.DECIMAL, Types.REAL, Types.FLOAT, Types.DOUBLE -> "a number";
            case Types.BOOLEAN, Types.BIT -> "true or false";
            case Types.DATE -> "a date (2024-01-31)";
            default -> "a timestamp (2024-01-31T10:00:00Z)";
        };
    }
}

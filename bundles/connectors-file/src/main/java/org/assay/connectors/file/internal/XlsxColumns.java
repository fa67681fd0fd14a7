package org.assay.connectors.file.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.Row;

/**
 * The columns of a sheet and the conversion of its cells. Excel keeps dates as numbers with a
 * date format: a number cell formatted with a year or a day is a date, with hours too a
 * timestamp (taken as UTC, since Excel has no zones). Formula cells give their saved result.
 */
final class XlsxColumns {

    static final int SAMPLE = 1000;

    private final Schema schema;

    private XlsxColumns(Schema schema) {
        this.schema = schema;
    }

    static XlsxColumns plan(List<String> names, List<Row> sample, Map<String, String> declared) {
        List<Field> fields = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            String name = names.get(c);
            ColumnSpec spec = declared.containsKey(name) ? ColumnSpec.parse(name, declared.get(name)) : null;
            FieldType type = spec != null && spec.type() != null ? spec.type() : infer(sample, c);
            fields.add(new Field(name, type, true, spec == null ? Set.of() : spec.tags(), List.of()));
        }
        return new XlsxColumns(Schema.of(fields));
    }

    /** Names from the header row: blanks become column_N, repeats get _2, _3. */
    static List<String> names(Row header, int width, boolean fromHeader) {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < width; c++) {
            Cell h = fromHeader ? cell(header, c) : null;
            String n = h == null || h.getText() == null ? "" : h.getText().strip();
            n = n.isEmpty() ? "column_" + (c + 1) : n;
            String unique = n;
            for (int k = 2; !seen.add(unique); k++) {
                unique = n + "_" + k;
            }
            names.add(unique);
        }
        return names;
    }

    /** The cell, or null beyond the row's last cell (rows are as long as their last filled cell). */
    static Cell cell(Row r, int c) {
        return r == null || c >= r.getCellCount() ? null : r.getCell(c);
    }

    Schema schema() {
        return schema;
    }

    private static FieldType infer(List<Row> sample, int c) {
        boolean any = false;
        boolean integral = true;
        boolean numeric = true;
        boolean bool = true;
        boolean date = true;
        boolean time = false;
        for (Row r : sample) {
            Cell cell = cell(r, c);
            if (cell == null || cell.getType() == CellType.EMPTY || cell.getType() == CellType.ERROR) {
                continue;
            }
            any = true;
            boolean number = cell.getType() == CellType.NUMBER;
            String format = number ? dateFormat(cell) : null;
            date &= format != null;
            time |= format != null && format.equals("timestamp");
            numeric &= number && format == null;
            integral &= number && format == null && isIntegral(cell.asNumber());
            bool &= cell.getType() == CellType.BOOLEAN;
        }
        if (!any) {
            return FieldType.STRING;
        }
        return date ? (time ? FieldType.TIMESTAMP : FieldType.DATE) : integral ? FieldType.INTEGER
                : numeric ? FieldType.DECIMAL : bool ? FieldType.BOOLEAN : FieldType.STRING;
    }

    /** "date", "timestamp", or null for a number cell whose format shows no date. */
    private static String dateFormat(Cell cell) {
        Integer id = cell.getDataFormatId();
        if (id != null && id >= 14 && id <= 17) {
            return "date";
        }
        if (id != null && id == 22) {
            return "timestamp";
        }
        String f = cell.getDataFormatString();
        if (f == null) {
            return null;
        }
        String plain = f.toLowerCase(Locale.ROOT).replaceAll("\"[^\"]*\"|\\[[^]]*]|\\\\.", "");
        if (!plain.contains("y") && !plain.contains("d")) {
            return null;
        }
        return plain.contains("h") || plain.contains("s") ? "timestamp" : "date";
    }

    private static boolean isIntegral(BigDecimal v) {
        return v != null && v.signum() == 0 || v != null && v.stripTrailingZeros().scale() <= 0 && v.abs().compareTo(
                BigDecimal.valueOf(Long.MAX_VALUE)) < 0;
    }

    /**
     * Fills {@code row} from a sheet row.
     *
     * @return null, or why a cell does not fit its column, naming the cell (never its value)
     */
    String values(Row r, Object[] row) {
        for (int c = 0; c < row.length; c++) {
            Cell cell = cell(r, c);
            row[c] = null;
            if (cell == null || cell.getType() == CellType.EMPTY) {
                continue;
            }
            String at = cell.getAddress() + " (column " + schema.field(c).name() + ")";
            if (cell.getType() == CellType.ERROR) {
                return "cell " + at + " holds an Excel error";
            }
            FieldType type = schema.field(c).type();
            Object v = convert(type, cell);
            if (v == null) {
                return "cell " + at + " is not " + (type == FieldType.INTEGER ? "an integer" : "a " + type.jsonName());
            }
            row[c] = v;
        }
        return null;
    }

    private static Object convert(FieldType type, Cell cell) {
        boolean number = cell.getType() == CellType.NUMBER;
        String text = number ? cell.asNumber().stripTrailingZeros().toPlainString()
                : cell.getType() == CellType.BOOLEAN ? String.valueOf(cell.asBoolean())
                : cell.getRawValue() == null ? "" : cell.getRawValue().strip();
        return switch (type) {
            case STRING, CATEGORICAL -> number || cell.getType() == CellType.BOOLEAN ? text : cell.getText();
            case INTEGER -> number && isIntegral(cell.asNumber()) ? Long.valueOf(cell.asNumber().longValueExact())
                    : !number && CellParser.isInteger(text) ? Long.valueOf(text) : null;
            case DECIMAL -> number ? Double.valueOf(cell.asNumber().doubleValue())
                    : Double.isNaN(CellParser.decimal(text)) ? null : CellParser.decimal(text);
            case BOOLEAN -> cell.getType() == CellType.BOOLEAN ? cell.asBoolean()
                    : CellParser.bool(text, false) < 0 ? null : CellParser.bool(text, false) == 1;
            case DATE -> number ? cell.asDate().toLocalDate() : isoDate(text);
            case TIMESTAMP -> number ? cell.asDate().toInstant(ZoneOffset.UTC) : CellParser.timestamp(text);
        };
    }

    private static LocalDate isoDate(String t) {
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

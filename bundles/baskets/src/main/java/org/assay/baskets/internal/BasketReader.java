package org.assay.baskets.internal;

import java.util.ArrayList;
import java.util.List;
import org.assay.api.data.Batch;
import org.assay.api.data.Column;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.StepContext;

/**
 * Reads baskets from the input in either form into {@link Transactions}, quarantining order
 * lines without a basket or an item. Shared by {@code weka-associate} and {@code recommend}.
 */
final class BasketReader {

    private final BasketFormat format;
    private final int basketIndex;
    private final int itemIndex;
    private final int[] itemColumns;
    private final String[] itemNames;
    private final Transactions transactions = new Transactions();
    private long rowNumber;
    private long rejected;

    private BasketReader(BasketFormat format, int basketIndex, int itemIndex, int[] itemColumns, String[] itemNames) {
        this.format = format;
        this.basketIndex = basketIndex;
        this.itemIndex = itemIndex;
        this.itemColumns = itemColumns;
        this.itemNames = itemNames;
    }

    /** Checks the columns against the input schema; the same words at deploy and at run time. */
    static List<ParameterProblem> problems(Schema schema, BasketFormat format, String basketColumn,
            String itemColumn, List<String> named) {
        List<ParameterProblem> problems = new ArrayList<>();
        if (format == BasketFormat.LONG) {
            if (!schema.contains(basketColumn)) {
                problems.add(ParameterProblem.of("basketColumn", "the input has no column '" + basketColumn
                        + "'; name the basket (order) column, one of " + schema.names()));
            }
            if (!schema.contains(itemColumn)) {
                problems.add(ParameterProblem.of("itemColumn", "the input has no column '" + itemColumn
                        + "'; name the item (product) column, one of " + schema.names()));
            } else if (!ITEM_TYPES.contains(schema.field(itemColumn).type())) {
                problems.add(ParameterProblem.of("itemColumn", "'" + itemColumn + "' is "
                        + schema.field(itemColumn).type().jsonName() + "; items must be a string, categorical or"
                        + " integer column"));
            }
            return problems;
        }
        for (String name : named) {
            if (!schema.contains(name)) {
                problems.add(ParameterProblem.of("itemColumns", "the input has no column '" + name + "'"));
            } else if (!WIDE_TYPES.contains(schema.field(name).type())) {
                problems.add(ParameterProblem.of("itemColumns", "'" + name + "' is "
                        + schema.field(name).type().jsonName() + "; wide item columns must be boolean or 0/1 numbers"));
            }
        }
        if (named.isEmpty() && wideDefaults(schema, basketColumn).isEmpty()) {
            problems.add(ParameterProblem.of("itemColumns", "the input has no boolean or integer column to use as"
                    + " items; name them, or use format long"));
        }
        return problems;
    }

    private static final List<FieldType> ITEM_TYPES = List.of(FieldType.STRING, FieldType.CATEGORICAL,
            FieldType.INTEGER);
    private static final List<FieldType> WIDE_TYPES = List.of(FieldType.BOOLEAN, FieldType.INTEGER,
            FieldType.DECIMAL);

    private static List<String> wideDefaults(Schema schema, String basketColumn) {
        List<String> names = new ArrayList<>();
        for (Field f : schema) {
            if ((f.type() == FieldType.BOOLEAN || f.type() == FieldType.INTEGER) && !f.name().equals(basketColumn)
                    && !f.has(FieldTag.ID) && !f.has(FieldTag.PII)) {
                names.add(f.name());
            }
        }
        return names;
    }

    /** A reader for this schema; the caller has checked it with {@link #problems}. */
    static BasketReader of(Schema schema, BasketFormat format, String basketColumn, String itemColumn,
            List<String> named) {
        if (format == BasketFormat.LONG) {
            return new BasketReader(format, schema.require(basketColumn), schema.require(itemColumn), null, null);
        }
        List<String> names = named.isEmpty() ? wideDefaults(schema, basketColumn) : named;
        int[] positions = names.stream().mapToInt(schema::require).toArray();
        return new BasketReader(format, schema.indexOf(basketColumn), -1, positions, names.toArray(String[]::new));
    }

    /** Adds a batch; returns the rows quarantined from it. */
    long add(Batch batch, StepContext ctx) {
        long before = rejected;
        int n = batch.rowCount();
        if (format == BasketFormat.LONG) {
            Column baskets = batch.column(basketIndex);
            Column items = batch.column(itemIndex);
            Schema schema = batch.schema();
            for (int r = 0; r < n; r++) {
                rowNumber++;
                if (baskets.isNull(r) || items.isNull(r)) {
                    String missing = baskets.isNull(r) ? schema.field(basketIndex).name()
                            : schema.field(itemIndex).name();
                    ctx.quarantine().reject(rowNumber, batch, r, "'" + missing + "' is empty: an order line needs a"
                            + " basket and an item");
                    rejected++;
                    continue;
                }
                String item = items.getString(r).strip();
                if (item.isEmpty()) {
                    ctx.quarantine().reject(rowNumber, batch, r, "'" + schema.field(itemIndex).name() + "' is blank");
                    rejected++;
                    continue;
                }
                transactions.add(baskets.getString(r), item);
            }
            return rejected - before;
        }
        Column ids = basketIndex < 0 ? null : batch.column(basketIndex);
        Column[] columns = new Column[itemColumns.length];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = batch.column(itemColumns[c]);
        }
        for (int r = 0; r < n; r++) {
            rowNumber++;
            String basket = ids == null || ids.isNull(r) ? "row " + rowNumber : ids.getString(r);
            boolean any = false;
            for (int c = 0; c < columns.length; c++) {
                Column col = columns[c];
                if (!col.isNull(r) && bought(col, r)) {
                    transactions.add(basket, itemNames[c]);
                    any = true;
                }
            }
            if (!any) {
                transactions.addEmpty(basket);
            }
        }
        return 0;
    }

    private static boolean bought(Column col, int r) {
        return col.type() == FieldType.DECIMAL ? col.getDouble(r) != 0 : col.getLong(r) != 0;
    }

    Transactions transactions() {
        return transactions;
    }

    long rows() {
        return rowNumber;
    }

    long rejected() {
        return rejected;
    }
}

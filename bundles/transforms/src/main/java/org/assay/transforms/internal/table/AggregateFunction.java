package org.assay.transforms.internal.table;

import java.util.Locale;
import org.assay.api.data.FieldType;
import org.assay.api.step.typed.DescribedValue;

/** The functions of {@code aggregate}; every one but {@code count(*)} skips nulls. */
enum AggregateFunction implements DescribedValue {
    COUNT("count(column): rows where the column is not null; count(*) or count(): all rows of the group; an integer"),
    COUNT_DISTINCT("distinct non-null values; an integer"),
    SUM("sum of an integer, decimal or boolean column (trues); integer for integer and boolean, else decimal, "
            + "summed exactly in decimal (12.34 + 23.14 is 35.48) and rounded once; null when every value is null"),
    MEAN("arithmetic mean of a numeric column, as a decimal: the exact decimal sum over the count, rounded once"),
    MIN("smallest value of any column (text compares by code point, dates by time); same type"),
    MAX("largest value of any column; same type"),
    MEDIAN("exact median of a numeric column (mean of the two middle values for an even count), as a decimal"),
    STD("sample standard deviation (n - 1) of a numeric column, as a decimal; null under two values"),
    FIRST("the first non-null value in input order, or first(column, order_column): the value at the smallest "
            + "order (ties: the earlier row; rows with a null order skipped); same type"),
    LAST("the last non-null value in input order, or last(column, order_column): the value at the largest order "
            + "(ties: the later row); same type");

    private final String description;

    AggregateFunction(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }

    String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static AggregateFunction parse(String name) {
        for (AggregateFunction f : values()) {
            if (f.jsonName().equals(name.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        return null;
    }

    /** Whether the function applies to a column of this type. */
    boolean accepts(FieldType type) {
        return switch (this) {
            case COUNT, COUNT_DISTINCT, MIN, MAX, FIRST, LAST -> true;
            case SUM -> type.isNumeric() || type == FieldType.BOOLEAN;
            case MEAN, MEDIAN, STD -> type.isNumeric();
        };
    }

    /** The type of the result over a column of type {@code in} (null for count(*)). */
    FieldType resultType(FieldType in) {
        return switch (this) {
            case COUNT, COUNT_DISTINCT -> FieldType.INTEGER;
            case SUM -> in == FieldType.DECIMAL ? FieldType.DECIMAL : FieldType.INTEGER;
            case MEAN, MEDIAN, STD -> FieldType.DECIMAL;
            case MIN, MAX, FIRST, LAST -> in;
        };
    }
}

package org.assay.cleaners.internal;

import java.util.Locale;
import org.assay.api.data.FieldType;
import org.assay.api.step.typed.DescribedValue;

/** How a missing value is filled; {@link #LEAVE} leaves it missing (per column only). */
enum Strategy implements DescribedValue {
    MEAN("the column's mean, for integer and decimal columns (integers rounded half up)"),
    MEDIAN("the column's exact median, for integer and decimal columns"),
    MODE("the most frequent value (ties to the smallest), for any column"),
    INTERPOLATE("linear interpolation between the nearest known values along orderBy (per groupBy series), for "
            + "integer and decimal columns; at the edges the nearest known value (edge)"),
    KNN("the mean (numbers, integers rounded) or the most frequent value (text, booleans) of the k most similar rows"
            + " that have one, by standardised distance over the numeric columns knnFeatures; for integer, decimal,"
            + " boolean, string and categorical columns"),
    CONSTANT("parameter value, for every column whose type the value parses as"),
    LEAVE("keep the missing values (in columns only)");

    private final String description;

    Strategy(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }

    String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the strategy can fill a column of this type (constant is checked against its value). */
    boolean fits(FieldType type) {
        return switch (this) {
            case MEAN, MEDIAN, INTERPOLATE -> type.isNumeric();
            case KNN -> type != FieldType.DATE && type != FieldType.TIMESTAMP;
            case MODE, CONSTANT, LEAVE -> true;
        };
    }

    static Strategy parse(String text) {
        for (Strategy s : values()) {
            if (s.jsonName().equals(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException(text);
    }
}

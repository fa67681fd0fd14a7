package org.assay.cleaners.internal;

import java.util.Locale;
import org.assay.api.data.FieldType;

/** How a missing value is filled; {@link #LEAVE} leaves it missing (per column only). */
enum Strategy {
    MEAN, MEDIAN, MODE, CONSTANT, LEAVE;

    String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the strategy can fill a column of this type (constant is checked against its value). */
    boolean fits(FieldType type) {
        return switch (this) {
            case MEAN, MEDIAN -> type.isNumeric();
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

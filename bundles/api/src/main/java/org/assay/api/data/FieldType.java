package org.assay.api.data;

/**
 * The logical type of a field and the primitive storage it uses in a {@link Column}.
 *
 * <p>Storage is chosen for tight loops: numbers and temporal values live in primitive
 * arrays, text in a {@code String[]}. Dates are stored as epoch days, timestamps as epoch
 * milliseconds (UTC) and booleans as 0/1, all in a {@code long[]}.
 */
public enum FieldType {
    STRING(Storage.TEXT),
    CATEGORICAL(Storage.TEXT),
    INTEGER(Storage.LONG),
    /**
     * A number with a fraction, held as a binary 64-bit floating point {@code double}
     * (IEEE 754), not as an exact decimal: 0.1 + 0.2 is not 0.3, and amounts above 2^53 lose
     * cents. Fine for statistics and mining; do not sum money with it where every cent must
     * reconcile. It maps to Spark's {@code DoubleType}, not its exact {@code DecimalType}; an
     * exact money type may be added later.
     */
    DECIMAL(Storage.DOUBLE),
    BOOLEAN(Storage.LONG),
    DATE(Storage.LONG),
    TIMESTAMP(Storage.LONG);

    /** How values of a type are held in memory. */
    public enum Storage { TEXT, LONG, DOUBLE }

    private final Storage storage;

    FieldType(Storage storage) {
        this.storage = storage;
    }

    public Storage storage() {
        return storage;
    }

    /** True for integer and decimal fields: the ones a statistic can be computed over. */
    public boolean isNumeric() {
        return this == INTEGER || this == DECIMAL;
    }

    /** The lower-case name used in workflow JSON and documentation. */
    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses a lower- or upper-case type name; throws with the list of valid names. */
    public static FieldType parse(String name) {
        for (FieldType t : values()) {
            if (t.name().equalsIgnoreCase(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown field type '" + name + "'; use one of "
                + java.util.Arrays.stream(values()).map(FieldType::jsonName).toList());
    }
}

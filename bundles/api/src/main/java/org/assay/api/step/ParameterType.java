package org.assay.api.step;

/** The JSON shape of a step parameter. */
public enum ParameterType {
    /** A JSON string. */
    STRING,
    /** A JSON integer. */
    INTEGER,
    /** A JSON number. */
    DECIMAL,
    /** true or false. */
    BOOLEAN,
    /** A JSON string out of {@link ParameterSpec#allowedValues()}. */
    ENUM,
    /** A JSON array of strings. */
    STRING_LIST,
    /** A JSON object whose values are strings, e.g. per-column settings. */
    STRING_MAP;

    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}

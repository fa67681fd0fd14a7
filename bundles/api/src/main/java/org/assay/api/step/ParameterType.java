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
    STRING_MAP,
    /**
     * A JSON string naming a file or folder the step reads. The engine checks at deploy time
     * and again at run time that it lies inside the folders workflows may read; steps resolve
     * it with {@link StepContext#readPath(String)}.
     */
    INPUT_PATH,
    /**
     * A JSON string naming a file or folder the step writes. The engine checks at deploy time
     * and again at run time that it lies inside the folders workflows may write; steps resolve
     * it with {@link StepContext#writePath(String)}.
     */
    OUTPUT_PATH;

    /** Whether values of this type are file system paths the engine confines. */
    public boolean isPath() {
        return this == INPUT_PATH || this == OUTPUT_PATH;
    }

    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}

package org.assay.connectors.file.internal;

import org.assay.api.step.typed.DescribedValue;

/** How a JSON file holds its records; the {@code layout} parameter of {@code json-reader}. */
enum JsonLayout implements DescribedValue {
    AUTO("an array when the file starts with [, else JSON lines"),
    ARRAY("one JSON array of objects"),
    LINES("one JSON object per line (JSON lines, ndjson)");

    private final String effect;

    JsonLayout(String effect) {
        this.effect = effect;
    }

    @Override
    public String description() {
        return effect;
    }
}

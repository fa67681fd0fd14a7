package org.assay.miners.internal;

import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;

/**
 * One input column the clusterer sees, and how its values become a Weka attribute.
 *
 * @param field    the input field
 * @param position its index in the input schema
 * @param nominal  true for categorical and boolean columns (Weka nominal attributes);
 *                 false for integer, decimal, date (epoch day) and timestamp (epoch ms)
 */
record ClusterColumn(Field field, int position, boolean nominal) {

    String name() {
        return field.name();
    }

    boolean isPii() {
        return field.has(FieldTag.PII);
    }

    String describe() {
        return name() + " (" + (nominal ? "nominal" : "numeric") + ")";
    }
}

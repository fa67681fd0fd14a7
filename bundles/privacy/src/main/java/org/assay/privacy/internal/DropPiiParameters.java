package org.assay.privacy.internal;

import java.util.List;
import org.assay.api.step.typed.Columns;
import org.assay.api.step.typed.Param;

/** The parameters of {@code drop-pii}. */
record DropPiiParameters(
        @Param(description = "pii columns to keep anyway; every other column tagged pii is dropped.",
                defaultValue = "[]")
        @Columns
        List<String> keep) {
}

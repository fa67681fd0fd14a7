package org.assay.transforms.internal.describe;

import java.util.List;
import org.assay.api.data.FieldType;
import org.assay.api.step.typed.Columns;
import org.assay.api.step.typed.Param;

/** The parameters of {@code correlate}. */
record CorrelateParameters(
        @Param(description = "Numeric columns for the Pearson and Spearman matrices; empty takes every integer and "
                + "decimal column not tagged id or pii.", defaultValue = "[]")
        @Columns(types = {FieldType.INTEGER, FieldType.DECIMAL}, pii = false, allowPiiParameter = "allowPii")
        List<String> columns,
        @Param(description = "Categorical columns for Cramér's V; empty takes every categorical and boolean column "
                + "not tagged id or pii. String columns must be named.", defaultValue = "[]")
        @Columns(types = {FieldType.CATEGORICAL, FieldType.STRING, FieldType.BOOLEAN}, pii = false,
                allowPiiParameter = "allowPii")
        List<String> categorical,
        @Param(description = "Allow naming columns tagged pii (only coefficients are written, never a value).",
                defaultValue = "false")
        boolean allowPii,
        @Param(description = "Rows held in memory for the coefficients; above it a seeded uniform sample of this "
                + "many rows is used, and every line of correlations.csv says so.", defaultValue = "200000",
                min = 10, max = 5000000)
        int rowBudget,
        @Param(description = "Seed of the row sample.", defaultValue = "42")
        long seed,
        @Param(description = "A categorical column with more distinct values than this gets no Cramér's V.",
                defaultValue = "100", min = 2, max = 10000)
        int maxCategories,
        @Param(description = "Also draw the Pearson and Spearman matrices as PNG heatmaps (up to "
                + CorrelationHeatmap.MAX_COLUMNS + " numeric columns).", defaultValue = "true")
        boolean heatmap) {
}

package org.assay.visualizers.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;

/** A small synthetic customer table shaped like the sample workflow's data. */
final class SampleCustomers {

    static final Schema SCHEMA = Schema.of(
            Field.of("customer_id", FieldType.INTEGER).withTags(FieldTag.ID),
            Field.of("email", FieldType.STRING).withTags(FieldTag.PII),
            Field.of("segment", FieldType.CATEGORICAL).withCategories(List.of("bronze", "silver", "gold")),
            Field.of("region", FieldType.STRING),
            Field.of("spend", FieldType.DECIMAL),
            Field.of("last_purchase", FieldType.DATE),
            Field.of("cluster", FieldType.CATEGORICAL));

    private static final String[] REGIONS = {"North", "South", "East", "West", "Central"};
    private static final String[] SEGMENTS = {"bronze", "silver", "gold"};

    private SampleCustomers() {
    }

    /** {@code n} rows from a fixed seed; clusters differ in spend and recency so a chart shows them apart. */
    static List<Object[]> rows(int n) {
        Random random = new Random(7);
        LocalDate latest = LocalDate.of(2024, 6, 30);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int cluster = random.nextInt(4);
            double spend = Math.max(5, 80 + cluster * 220 + random.nextGaussian() * (60 + cluster * 40));
            int daysAgo = (int) Math.max(0, Math.abs(20 + (3 - cluster) * 60 + random.nextGaussian() * 35));
            rows.add(new Object[] {
                (long) i, "c" + i + "@example.com", SEGMENTS[Math.min(2, cluster * 3 / 4 + random.nextInt(2))],
                REGIONS[random.nextInt(REGIONS.length)], Math.round(spend * 100) / 100.0,
                latest.minusDays(daysAgo), "cluster" + cluster});
        }
        return rows;
    }
}

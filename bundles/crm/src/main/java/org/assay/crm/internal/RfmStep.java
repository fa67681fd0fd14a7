package org.assay.crm.internal;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.assay.api.artifact.CsvTable;
import org.assay.api.data.BatchBuilder;
import org.assay.api.data.BatchSink;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.ArtifactKind;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepContext;

/** One run of {@code rfm}. */
final class RfmStep implements Step {

    static final String SEGMENTS_PORT = "segments";
    static final String RULES_FILE = "rfm-segment-rules.csv";

    static Schema customers(Field key) {
        return Schema.of(key, Field.of("first_order", FieldType.DATE), Field.of("last_order", FieldType.DATE),
                Field.of("recency_days", FieldType.INTEGER), Field.of("frequency", FieldType.INTEGER),
                Field.of("monetary", FieldType.DECIMAL), Field.of("r_score", FieldType.INTEGER),
                Field.of("f_score", FieldType.INTEGER), Field.of("m_score", FieldType.INTEGER),
                Field.of("fm_score", FieldType.INTEGER), Field.of("rfm_score", FieldType.STRING),
                segmentField());
    }

    /**
     * The named segments as a categorical column in the rule table's order: charts give a segment
     * the same colour in every chart of the run, whichever segments each one shows.
     */
    static Field segmentField() {
        return Field.of("segment", FieldType.CATEGORICAL).withCategories(RfmSegments.NAMES);
    }

    static final Schema SEGMENTS = Schema.of(segmentField(),
            Field.of("customers", FieldType.INTEGER), Field.of("share", FieldType.DECIMAL),
            Field.of("revenue", FieldType.DECIMAL), Field.of("revenue_share", FieldType.DECIMAL),
            Field.of("mean_recency_days", FieldType.DECIMAL), Field.of("mean_frequency", FieldType.DECIMAL),
            Field.of("mean_monetary", FieldType.DECIMAL));

    private final RfmParameters p;

    RfmStep(RfmParameters p) {
        this.p = p;
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        Orders orders = Orders.read(ctx, "rfm", p.customerColumn(), p.dateColumn(), p.amountColumn());
        long asOf = AsOf.day(p.asOf(), orders.lastDay());
        List<Orders.Customer> cs = orders.customers(asOf - 1);
        int n = cs.size();
        double[] recency = new double[n];
        double[] frequency = new double[n];
        double[] monetary = new double[n];
        double[] revenue = new double[n];
        for (int i = 0; i < n; i++) {
            Orders.Customer c = cs.get(i);
            recency[i] = asOf - c.last();
            frequency[i] = c.days().length;
            revenue[i] = c.total();
            monetary[i] = p.monetary() == Monetary.TOTAL ? revenue[i] : revenue[i] / c.days().length;
        }
        double[] negRecency = Arrays.stream(recency).map(x -> -x).toArray();
        int[] r = scores(negRecency);
        int[] f = scores(frequency);
        int[] m = scores(monetary);
        Field key = orders.key();
        Schema schema = customers(key);
        BatchSink out = ctx.output(PortSpec.OUT, schema);
        BatchBuilder b = new BatchBuilder(schema);
        boolean integerKey = key.type() == FieldType.INTEGER;
        int segments = RfmSegments.NAMES.size();
        long[] count = new long[segments];
        double[][] sums = new double[segments][4];
        for (int i = 0; i < n; i++) {
            Orders.Customer c = cs.get(i);
            int fm = RfmSegments.fm(f[i], m[i]);
            int s = RfmSegments.segment(r[i], fm);
            count[s]++;
            sums[s][0] += revenue[i];
            sums[s][1] += recency[i];
            sums[s][2] += frequency[i];
            sums[s][3] += monetary[i];
            if (integerKey) {
                b.setLong(0, Long.parseLong(c.key()));
            } else {
                b.setString(0, c.key());
            }
            b.setLong(1, c.first()).setLong(2, c.last()).setLong(3, (long) recency[i]).setLong(4, c.days().length)
                    .setDouble(5, monetary[i]).setLong(6, r[i]).setLong(7, f[i]).setLong(8, m[i]).setLong(9, fm)
                    .setString(10, "" + r[i] + f[i] + m[i]).setString(11, RfmSegments.NAMES.get(s)).endRow();
            if (b.isFull()) {
                out.write(b.build());
            }
        }
        if (!b.isEmpty()) {
            out.write(b.build());
        }
        long written = n + writeSegments(ctx, count, sums, n, Arrays.stream(revenue).sum());
        Path rules = ctx.artifactDir().resolve(RULES_FILE);
        CsvTable.write(rules, List.of("r_score", "fm_score", "segment"), RfmSegments.rows());
        ctx.addArtifact(rules, ArtifactKind.TABLE, "RFM: the segment of each recency and FM score");
        orders.account(ctx, written);
        ctx.progress(1.0);
    }

    private static long writeSegments(StepContext ctx, long[] count, double[][] sums, int customers, double revenue)
            throws Exception {
        BatchSink sink = ctx.output(SEGMENTS_PORT, SEGMENTS);
        if (customers == 0) {
            return 0;
        }
        BatchBuilder b = new BatchBuilder(SEGMENTS);
        long written = 0;
        for (int s = 0; s < count.length; s++) {
            if (count[s] == 0) {
                continue;
            }
            double k = count[s];
            b.setString(0, RfmSegments.NAMES.get(s)).setLong(1, count[s]).setDouble(2, k / customers)
                    .setDouble(3, sums[s][0]).setDouble(4, revenue == 0 ? 0 : sums[s][0] / revenue)
                    .setDouble(5, sums[s][1] / k).setDouble(6, sums[s][2] / k).setDouble(7, sums[s][3] / k).endRow();
            written++;
        }
        sink.write(b.build());
        return written;
    }

    /**
     * Quintile scores 1-5 of the values, higher value higher score. Ties share the score of the
     * first position of their value in ascending order: 1 + floor(5 (p - 1) / n), p 1-based.
     */
    static int[] scores(double[] values) {
        int n = values.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(values[x], values[y]));
        int[] score = new int[n];
        int first = 0;
        for (int j = 0; j < n; j++) {
            if (j > 0 && Double.compare(values[order[j]], values[order[j - 1]]) != 0) {
                first = j;
            }
            score[order[j]] = 1 + (int) (5L * first / n);
        }
        return score;
    }
}

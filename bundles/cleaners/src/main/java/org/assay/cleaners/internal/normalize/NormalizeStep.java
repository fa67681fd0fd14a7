package org.assay.cleaners.internal.normalize;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import org.assay.api.data.Batch;
import org.assay.api.data.BatchSink;
import org.assay.api.data.Column;
import org.assay.api.data.DataStream;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.ArtifactKind;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Quarantine;
import org.assay.api.step.Step;
import org.assay.api.step.StepContext;
import org.assay.api.step.StepFailure;
import org.assay.cleaners.internal.text.CsvCell;

/** One run of {@code normalize}: one pass, each named column rebuilt batch by batch. */
final class NormalizeStep implements Step {

    static final String SUMMARY_FILE = "normalize-summary.csv";

    private final NormalizeParameters params;

    NormalizeStep(NormalizeParameters params) {
        this.params = params;
    }

    /** Counts of one rule over the run. */
    private static final class Tally {
        long values;
        long changed;
        long invalid;
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        try (DataStream in = ctx.input(PortSpec.IN)) {
            Schema schema = in.schema();
            for (String c : params.columns().keySet()) {
                if (!schema.contains(c)) {
                    throw new StepFailure("parameter columns: " + org.assay.api.data.ColumnNotFound.message(c, schema,
                            "the input") + ". Correct the name or remove it from columns.");
                }
            }
            List<ParameterProblem> problems = NormalizeStepType.problems(params, schema);
            if (!problems.isEmpty()) {
                throw new StepFailure("parameter " + problems.get(0).parameter() + ": " + problems.get(0).message());
            }
            // In the input's column order, so invalid_columns and the summary read the same every run.
            List<ColumnNormalization> rules = params.rules().stream()
                    .sorted(java.util.Comparator.comparingInt(r -> schema.indexOf(r.column()))).toList();
            Tally[] tallies = new Tally[rules.size()];
            for (int i = 0; i < tallies.length; i++) {
                tallies[i] = new Tally();
            }
            ValueNormalizer values = new ValueNormalizer(params);
            Schema out = NormalizeStepType.outputSchema(params, schema);
            BatchSink sink = ctx.output(PortSpec.OUT, out);
            long row = 0;
            for (Batch b = in.next(); b != null; b = in.next()) {
                Batch result = normalise(b, row, rules, values, tallies, out, ctx.quarantine());
                if (result.rowCount() > 0) {
                    sink.write(result);
                }
                row += b.rowCount();
                ctx.checkCancelled();
            }
            writeSummary(ctx, rules, tallies);
            ctx.log().info("normalize: {} rows, {} values changed, {} unreadable ({})", row,
                    java.util.Arrays.stream(tallies).mapToLong(t -> t.changed).sum(),
                    java.util.Arrays.stream(tallies).mapToLong(t -> t.invalid).sum(), params.onInvalid().jsonName());
        }
    }

    private Batch normalise(Batch b, long firstRow, List<ColumnNormalization> rules, ValueNormalizer values,
            Tally[] tallies, Schema out, Quarantine quarantine) {
        int n = b.rowCount();
        Schema in = b.schema();
        Column[] columns = new Column[out.size()];
        for (int c = 0; c < in.size(); c++) {
            columns[c] = b.column(c);
        }
        BitSet[] invalid = new BitSet[rules.size()];
        for (int i = 0; i < rules.size(); i++) {
            ColumnNormalization r = rules.get(i);
            int col = in.indexOf(r.column());
            Column c = b.column(col);
            int unitCol = r.unitColumn() == null ? -1 : in.indexOf(r.unitColumn());
            invalid[i] = new BitSet();
            Object[] results = new Object[n];
            for (int row = 0; row < n; row++) {
                String raw = c.getString(row);
                if (raw == null) {
                    continue;
                }
                tallies[i].values++;
                String unit = unitCol < 0 ? null : b.column(unitCol).getString(row);
                Object v = unitCol >= 0 && unit == null ? null : apply(r, values, raw, unit);
                if (v == null) {
                    invalid[i].set(row);
                    tallies[i].invalid++;
                    if (params.onInvalid() == InvalidPolicy.FLAG && r.kind().output() == null
                            || params.onInvalid() == InvalidPolicy.FLAG && r.kind().output() == FieldType.STRING) {
                        results[row] = raw;
                    }
                    continue;
                }
                results[row] = v;
                if (!Objects.equals(display(v, r), raw)) {
                    tallies[i].changed++;
                }
            }
            FieldType t = out.field(col).type();
            columns[col] = column(t, results, n);
            if (unitCol >= 0 && params.unitName().isPresent()) {
                String[] units = new String[n];
                Column u = b.column(unitCol);
                for (int row = 0; row < n; row++) {
                    units[row] = results[row] != null && !invalid[i].get(row) ? params.unitName().get() : u.getString(row);
                }
                columns[unitCol] = Column.ofTexts(u.type(), units, n);
            }
        }
        if (params.onInvalid() == InvalidPolicy.FLAG) {
            String[] flags = new String[n];
            for (int row = 0; row < n; row++) {
                StringBuilder s = new StringBuilder();
                for (int i = 0; i < rules.size(); i++) {
                    if (invalid[i].get(row)) {
                        s.append(s.length() == 0 ? "" : ";").append(rules.get(i).column());
                    }
                }
                flags[row] = s.length() == 0 ? null : s.toString();
            }
            columns[out.size() - 1] = Column.ofTexts(FieldType.STRING, flags, n);
        }
        Batch result = new Batch(out, n, columns);
        if (params.onInvalid() != InvalidPolicy.QUARANTINE) {
            return result;
        }
        int[] keep = new int[n];
        int k = 0;
        for (int row = 0; row < n; row++) {
            String reason = reason(b, row, rules, invalid, quarantine);
            if (reason == null) {
                keep[k++] = row;
            } else {
                quarantine.reject(firstRow + row + 1, b, row, reason);
            }
        }
        return k == n ? result : result.select(keep, k);
    }

    private static Object apply(ColumnNormalization r, ValueNormalizer values, String raw, String unit) {
        return switch (r.kind()) {
            case TEXT -> values.text(raw, r.options());
            case PHONE -> values.phone(raw);
            case EMAIL -> ValueNormalizer.email(raw);
            case DATE -> values.date(raw);
            case TIMESTAMP -> values.timestamp(raw);
            case BOOLEAN -> ValueNormalizer.bool(raw);
            case UNIT -> values.unit(raw, unit);
            case MAP -> values.map(raw);
        };
    }

    /** The value as text, to tell whether the rule changed it. */
    private static String display(Object v, ColumnNormalization r) {
        return switch (r.kind()) {
            case DATE -> java.time.LocalDate.ofEpochDay((Long) v).toString();
            case TIMESTAMP -> java.time.Instant.ofEpochMilli((Long) v).toString();
            case BOOLEAN -> ((Long) v) != 0 ? "true" : "false";
            case UNIT -> Column.formatDecimal((Double) v);
            default -> (String) v;
        };
    }

    private static Column column(FieldType t, Object[] values, int n) {
        return switch (t.storage()) {
            case TEXT -> {
                String[] a = new String[n];
                for (int i = 0; i < n; i++) {
                    a[i] = (String) values[i];
                }
                yield Column.ofTexts(t, a, n);
            }
            case LONG -> {
                long[] a = new long[n];
                BitSet nulls = new BitSet();
                for (int i = 0; i < n; i++) {
                    if (values[i] == null) {
                        nulls.set(i);
                    } else {
                        a[i] = (Long) values[i];
                    }
                }
                yield Column.ofLongs(t, a, n, nulls);
            }
            case DOUBLE -> {
                double[] a = new double[n];
                BitSet nulls = new BitSet();
                for (int i = 0; i < n; i++) {
                    if (values[i] == null) {
                        nulls.set(i);
                    } else {
                        a[i] = (Double) values[i];
                    }
                }
                yield Column.ofDoubles(t, a, n, nulls);
            }
        };
    }

    /** Why the row goes to quarantine, or null when every rule read its value. */
    private String reason(Batch b, int row, List<ColumnNormalization> rules, BitSet[] invalid, Quarantine q) {
        StringBuilder s = null;
        for (int i = 0; i < rules.size(); i++) {
            if (!invalid[i].get(row)) {
                continue;
            }
            ColumnNormalization r = rules.get(i);
            s = s == null ? new StringBuilder("normalize:") : s.append(';');
            String raw = b.column(r.column()).getString(row);
            s.append(" column ").append(r.column()).append(": ")
                    .append(q.mayShow(b.schema(), r.column()) ? "'" + raw + "'" : "the value").append(" is not ")
                    .append(what(r));
        }
        return s == null ? null : s.toString();
    }

    private String what(ColumnNormalization r) {
        return switch (r.kind()) {
            case PHONE -> "a valid phone number (default region " + params.defaultRegion() + ")";
            case EMAIL -> "an e-mail address";
            case DATE -> "a date in any of dateFormats " + params.effectiveDateFormats();
            case TIMESTAMP -> "an ISO timestamp or in any of timestampFormats";
            case BOOLEAN -> "a yes/no value";
            case UNIT -> "a number with a unit listed in units " + params.units().keySet();
            case TEXT, MAP -> "text";
        };
    }

    private void writeSummary(StepContext ctx, List<ColumnNormalization> rules, Tally[] tallies) throws IOException {
        Path file = ctx.artifactDir().resolve(SUMMARY_FILE);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("column,rule,values,changed,invalid,on_invalid\n");
            for (int i = 0; i < rules.size(); i++) {
                ColumnNormalization r = rules.get(i);
                w.write(CsvCell.of(r.column()) + "," + CsvCell.of(params.columns().get(r.column())) + ","
                        + tallies[i].values + "," + tallies[i].changed + "," + tallies[i].invalid + ","
                        + params.onInvalid().jsonName() + "\n");
            }
        }
        ctx.addArtifact(file, ArtifactKind.TABLE, "Normalisation summary");
    }
}

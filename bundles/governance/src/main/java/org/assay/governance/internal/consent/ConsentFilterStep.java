package org.assay.governance.internal.consent;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.assay.api.data.Batch;
import org.assay.api.data.BatchSink;
import org.assay.api.data.Column;
import org.assay.api.data.DataStream;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepContext;
import org.assay.api.step.StepFailure;

/**
 * One run of {@code consent-filter}. Row accounting: kept rows go out, dropped rows and the
 * consent table's rows are counted as filtered. Keys and values are never logged or quoted:
 * they are personal data.
 */
final class ConsentFilterStep implements Step {

    private static final Pattern SEPARATORS = Pattern.compile("[,;|\\s]+");
    private static final Set<String> YES = Set.of("true", "yes", "y", "1");

    private final ConsentFilterParameters p;

    ConsentFilterStep(ConsentFilterParameters p) {
        this.p = p;
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        Set<String> consented = null;
        long tableRows = 0;
        if (p.on().isPresent()) {
            if (!ctx.hasInput(ConsentFilterStepType.CONSENT)) {
                throw new StepFailure("consent-filter: on is set but nothing is connected to the consent input; "
                        + "connect the consent table, or give column instead of on");
            }
            consented = new HashSet<>();
            Set<String> withdrawn = new HashSet<>();
            try (DataStream table = ctx.input(ConsentFilterStepType.CONSENT)) {
                tableRows = load(ctx, table, consented, withdrawn);
            }
            consented.removeAll(withdrawn);
        }
        long kept = 0;
        long dropped = 0;
        try (DataStream in = ctx.input(PortSpec.IN)) {
            Schema schema = in.schema();
            int at = column(schema, p.column().orElseGet(() -> p.on().orElseThrow()), "column", PortSpec.IN);
            BatchSink sink = ctx.output(PortSpec.OUT, schema);
            for (Batch b = in.next(); b != null; b = in.next()) {
                ctx.checkCancelled();
                int[] keep = new int[b.rowCount()];
                int n = 0;
                Column c = b.column(at);
                for (int r = 0; r < b.rowCount(); r++) {
                    boolean ok = consented == null ? consents(c, r) : !c.isNull(r) && consented.contains(c.getString(r));
                    if (ok) {
                        keep[n++] = r;
                    }
                }
                kept += n;
                dropped += b.rowCount() - n;
                if (n == b.rowCount()) {
                    sink.write(b);
                } else if (n > 0) {
                    sink.write(b.select(keep, n));
                }
            }
        }
        ctx.countFiltered(dropped + tableRows);
        ctx.log().info("consent-filter: {} rows have consent for {}, {} rows without it were dropped{}", kept,
                p.purpose(), dropped, tableRows > 0 ? "; consent table: " + tableRows + " rows" : "");
    }

    /** Whether the consent cell of a row covers the purpose. */
    private boolean consents(Column c, int r) {
        if (c.isNull(r)) {
            return false;
        }
        if (c.type() == FieldType.BOOLEAN) {
            return c.getLong(r) != 0;
        }
        for (String token : SEPARATORS.split(c.getString(r).trim().toLowerCase(Locale.ROOT))) {
            if (token.equals(p.purpose()) || YES.contains(token)) {
                return true;
            }
        }
        return false;
    }

    private long load(StepContext ctx, DataStream table, Set<String> consented, Set<String> withdrawn)
            throws Exception {
        Schema schema = table.schema();
        int key = column(schema, p.consentKey(), p.consentOn().isPresent() ? "consentOn" : "on",
                ConsentFilterStepType.CONSENT);
        int purpose = column(schema, p.purposeColumn(), "purposeColumn", ConsentFilterStepType.CONSENT);
        int granted = p.grantedColumn().isPresent()
                ? column(schema, p.grantedColumn().get(), "grantedColumn", ConsentFilterStepType.CONSENT) : -1;
        long rows = 0;
        for (Batch b = table.next(); b != null; b = table.next()) {
            ctx.checkCancelled();
            rows += b.rowCount();
            for (int r = 0; r < b.rowCount(); r++) {
                String k = b.column(key).getString(r);
                String what = b.column(purpose).getString(r);
                if (k == null || what == null || !what.trim().equalsIgnoreCase(p.purpose())) {
                    continue;
                }
                (granted < 0 || isYes(b.column(granted), r) ? consented : withdrawn).add(k);
            }
        }
        return rows;
    }

    private static boolean isYes(Column c, int r) {
        if (c.isNull(r)) {
            return false;
        }
        return c.type() == FieldType.BOOLEAN ? c.getLong(r) != 0 : YES.contains(c.getString(r).trim().toLowerCase(Locale.ROOT));
    }

    private static int column(Schema schema, String name, String parameter, String port) throws StepFailure {
        int i = schema.indexOf(name);
        if (i < 0) {
            throw new StepFailure("consent-filter: parameter " + parameter + " names column '" + name + "', which the "
                    + port + " input does not have (it has " + schema.names() + ")");
        }
        return i;
    }
}

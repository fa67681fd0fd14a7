package org.assay.decisions.internal;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.assay.api.data.Batch;
import org.assay.api.data.Column;
import org.assay.api.data.DataStream;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.StepContext;
import org.assay.api.step.StepFailure;

/**
 * Consent for the workflow's purpose, read the way {@code consent-filter} (bundles/governance)
 * reads it: a candidates' column (boolean, or text listing the purposes), and/or a consent table
 * (key, purpose, optional granted) where a withdrawal for the purpose wins over a grant. A
 * customer is contacted only when every source given says yes. Keys are never logged.
 */
final class Consent {

    private static final Pattern SEPARATORS = Pattern.compile("[,;|\\s]+");
    private static final Set<String> YES = Set.of("true", "yes", "y", "1");

    private final Optional<String> purpose;
    private final Set<String> granted;
    final long tableRows;

    private Consent(Optional<String> purpose, Set<String> granted, long tableRows) {
        this.purpose = purpose;
        this.granted = granted;
        this.tableRows = tableRows;
    }

    /** Reads the consent table when one is connected; without it only the column (if any) counts. */
    static Consent read(StepContext ctx, NextBestActionParameters p) throws Exception {
        if (!ctx.hasInput(NextBestActionStep.CONSENT_PORT)) {
            return new Consent(p.purpose(), null, 0);
        }
        String purpose = p.purpose().orElseThrow(() -> new StepFailure("next-best-action: the consent input is"
                + " connected but purpose is not set; set purpose to the workflow's purpose (e.g. \"marketing\")"));
        Set<String> yes = new HashSet<>();
        Set<String> withdrawn = new HashSet<>();
        long rows = 0;
        try (DataStream table = ctx.input(NextBestActionStep.CONSENT_PORT)) {
            Schema s = table.schema();
            int key = column(s, p.consentKey(), p.consentOn().isPresent() ? "consentOn" : "customerColumn");
            int what = column(s, p.consentPurposeColumn(), "consentPurposeColumn");
            int given = p.consentGrantedColumn().isPresent()
                    ? column(s, p.consentGrantedColumn().get(), "consentGrantedColumn") : -1;
            for (Batch b = table.next(); b != null; b = table.next()) {
                ctx.checkCancelled();
                rows += b.rowCount();
                for (int r = 0; r < b.rowCount(); r++) {
                    String k = b.column(key).getString(r);
                    String w = b.column(what).getString(r);
                    if (k == null || w == null || !w.trim().equalsIgnoreCase(purpose)) {
                        continue;
                    }
                    (given < 0 || isYes(b.column(given), r) ? yes : withdrawn).add(k);
                }
            }
        }
        yes.removeAll(withdrawn);
        return new Consent(p.purpose(), yes, rows);
    }

    /** Whether the consent table (when there is one) grants the customer the purpose. */
    boolean tableAllows(String customer) {
        return granted == null || granted.contains(customer);
    }

    /** Whether a candidates' consent cell covers the purpose: true for a boolean true or a list naming it. */
    boolean cellAllows(Column c, int r) {
        if (c.isNull(r)) {
            return false;
        }
        if (c.type() == FieldType.BOOLEAN) {
            return c.getLong(r) != 0;
        }
        for (String token : SEPARATORS.split(c.getString(r).trim().toLowerCase(Locale.ROOT))) {
            if (purpose.isPresent() && token.equals(purpose.get()) || YES.contains(token)) {
                return true;
            }
        }
        return false;
    }

    /** How the consent was decided, for the report (no personal data). */
    String basis(NextBestActionParameters p) {
        StringBuilder b = new StringBuilder();
        p.consentColumn().ifPresent(c -> b.append("column ").append(c));
        if (granted != null) {
            b.append(b.length() > 0 ? " and " : "").append("the consent table (").append(tableRows).append(" rows)");
        }
        if (b.length() == 0) {
            return "not checked by this step: no consent column or table given";
        }
        return b + purpose.map(x -> " for " + x).orElse("");
    }

    private static boolean isYes(Column c, int r) {
        if (c.isNull(r)) {
            return false;
        }
        return c.type() == FieldType.BOOLEAN ? c.getLong(r) != 0
                : YES.contains(c.getString(r).trim().toLowerCase(Locale.ROOT));
    }

    private static int column(Schema s, String name, String parameter) throws StepFailure {
        int i = s.indexOf(name);
        if (i < 0) {
            throw new StepFailure("next-best-action: parameter " + parameter + " names column '" + name + "', which"
                    + " the consent input does not have (it has " + s.names() + ")");
        }
        return i;
    }
}

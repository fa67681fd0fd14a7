package org.assay.decisions.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assay.api.data.Batch;
import org.assay.api.data.Column;
import org.assay.api.data.DataStream;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.StepContext;
import org.assay.api.step.StepFailure;

/**
 * The offer catalogue: offer, margin, cost, channel, and optionally cap (most actions of the
 * offer), segments (the segments it may go to, separated by ';') and eligibility (a rule over
 * the candidates' columns, compiled by {@link Eligibility} when the candidates' schema is known). A row without an offer,
 * margin, cost or channel, or with a negative margin or cost, is quarantined.
 */
final class Catalogue {

    static final List<String> REQUIRED = List.of("offer", "margin", "cost", "channel");

    record Offer(String name, double margin, double cost, int channel, double cap, Set<String> segments,
            String eligibility) {
    }

    final List<Offer> offers = new ArrayList<>();
    final Map<String, Integer> byName = new HashMap<>();
    final List<String> channels = new ArrayList<>();
    final Map<String, Integer> channelIndex = new HashMap<>();
    long rows;
    long rejected;

    static Catalogue read(DataStream in, StepContext ctx) throws Exception {
        Schema s = in.schema();
        List<String> missing = REQUIRED.stream().filter(c -> !s.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new StepFailure("next-best-action: the offers input lacks " + missing + "; it needs offer, margin,"
                    + " cost and channel (cap, segments and eligibility are optional)");
        }
        for (String numeric : List.of("margin", "cost")) {
            if (s.field(numeric).type().storage() == FieldType.Storage.TEXT) {
                throw new StepFailure("next-best-action: the offers' " + numeric + " column is text; read it as a"
                        + " decimal");
            }
        }
        Catalogue c = new Catalogue();
        int cap = s.indexOf("cap");
        int segments = s.indexOf("segments");
        int eligibility = s.indexOf("eligibility");
        if (eligibility >= 0 && s.field(eligibility).type().storage() != FieldType.Storage.TEXT) {
            throw new StepFailure("next-best-action: the offers' eligibility column must be text (an expression such"
                    + " as plan != 'basic' && tenure_months >= 6)");
        }
        for (Batch b = in.next(); b != null; b = in.next()) {
            Column name = b.column("offer");
            Column margin = b.column("margin");
            Column cost = b.column("cost");
            Column channel = b.column("channel");
            for (int r = 0; r < b.rowCount(); r++) {
                c.rows++;
                String reason = name.isNull(r) || margin.isNull(r) || cost.isNull(r) || channel.isNull(r)
                        ? "an offer needs offer, margin, cost and channel"
                        : margin.getDouble(r) < 0 || cost.getDouble(r) < 0 ? "margin and cost must not be negative"
                        : c.byName.containsKey(name.getString(r)) ? "the offer '" + name.getString(r) + "' is listed"
                                + " twice" : null;
                if (reason != null) {
                    c.rejected++;
                    ctx.quarantine().reject(c.rows, b, r, reason);
                    continue;
                }
                String ch = channel.getString(r);
                int chIndex = c.channelIndex.computeIfAbsent(ch, k -> {
                    c.channels.add(k);
                    return c.channels.size() - 1;
                });
                double limit = cap < 0 || b.column(cap).isNull(r) ? Double.POSITIVE_INFINITY
                        : b.column(cap).getDouble(r);
                Set<String> allowed = new HashSet<>();
                if (segments >= 0 && !b.column(segments).isNull(r)) {
                    for (String seg : b.column(segments).getString(r).split(";")) {
                        if (!seg.isBlank()) {
                            allowed.add(seg.trim());
                        }
                    }
                }
                c.byName.put(name.getString(r), c.offers.size());
                String rule = eligibility < 0 || b.column(eligibility).isNull(r)
                        || b.column(eligibility).getString(r).isBlank() ? null : b.column(eligibility).getString(r);
                c.offers.add(new Offer(name.getString(r), margin.getDouble(r), cost.getDouble(r), chIndex, limit,
                        allowed, rule));
            }
        }
        return c;
    }
}

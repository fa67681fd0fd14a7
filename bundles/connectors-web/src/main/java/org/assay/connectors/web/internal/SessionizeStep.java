package org.assay.connectors.web.internal;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.assay.api.data.Batch;
import org.assay.api.data.BatchBuilder;
import org.assay.api.data.BatchSink;
import org.assay.api.data.Column;
import org.assay.api.data.DataStream;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepContext;

/** One run of {@code sessionize}. See {@link SessionizeStepType}. */
final class SessionizeStep implements Step {

    private static final Pattern ASSET = Pattern.compile(
            "(?i).*\\.(css|js|mjs|map|png|jpe?g|gif|svg|webp|avif|ico|bmp|woff2?|ttf|otf|eot)$");

    private final SessionizeParameters params;
    private final long timeoutMillis;

    /** A session still open: the visitor may come back within the timeout. */
    private static final class Open {
        final String visitor;
        long start;
        long end;
        long pages;
        String landing;
        String exit;
        boolean converted;

        Open(String visitor, long time, String path) {
            this.visitor = visitor;
            this.start = time;
            this.end = time;
            this.landing = path;
            this.exit = path;
        }
    }

    SessionizeStep(SessionizeParameters params) {
        this.params = params;
        this.timeoutMillis = params.timeoutMinutes() * 60_000L;
    }

    static Schema schema(Field visitor) {
        return Schema.of(Field.of("session_id", FieldType.INTEGER).withTags(FieldTag.ID).withNullable(false),
                new Field("visitor", FieldType.STRING, false, visitor.tags(), List.of()),
                Field.of("start", FieldType.TIMESTAMP).withNullable(false),
                Field.of("end", FieldType.TIMESTAMP).withNullable(false),
                Field.of("day", FieldType.DATE).withNullable(false),
                Field.of("duration_seconds", FieldType.INTEGER).withNullable(false),
                Field.of("pages", FieldType.INTEGER).withNullable(false),
                Field.of("landing", FieldType.STRING),
                Field.of("exit", FieldType.STRING),
                Field.of("converted", FieldType.BOOLEAN).withNullable(false));
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        try (DataStream in = ctx.input(PortSpec.IN)) {
            Schema s = in.schema();
            int visitorCol = s.require(params.visitor());
            int timeCol = s.require(params.time());
            int pathCol = s.require(params.path());
            int botCol = params.skipBots() && s.contains("is_bot") && s.field("is_bot").type() == FieldType.BOOLEAN
                    ? s.indexOf("is_bot") : -1;
            Schema outSchema = schema(s.field(visitorCol));
            BatchSink out = ctx.output(PortSpec.OUT, outSchema);
            BatchBuilder b = new BatchBuilder(outSchema);
            // Insertion order is last-activity order: a session is moved to the end when it grows.
            Map<String, Open> open = new LinkedHashMap<>();
            long newest = Long.MIN_VALUE;
            long used = 0;
            long sessions = 0;
            long rowNumber = 0;
            for (Batch batch = in.next(); batch != null; batch = in.next()) {
                Column visitors = batch.column(visitorCol);
                Column times = batch.column(timeCol);
                Column paths = batch.column(pathCol);
                for (int r = 0; r < batch.rowCount(); r++) {
                    rowNumber++;
                    if (times.isNull(r) || visitors.isNull(r)) {
                        ctx.quarantine().reject(rowNumber, batch, r, "no " + (times.isNull(r) ? params.time()
                                : params.visitor()) + ": a request needs a visitor and a time to join a session");
                        continue;
                    }
                    String path = paths.getString(r);
                    if ((botCol >= 0 && !batch.column(botCol).isNull(r) && batch.column(botCol).getLong(r) != 0)
                            || (params.pagesOnly() && path != null && ASSET.matcher(path).matches())) {
                        ctx.countFiltered(1);
                        continue;
                    }
                    long t = times.getLong(r);
                    newest = Math.max(newest, t);
                    // Kept for two timeouts after their last request: a log line is written when a
                    // request ends, so lines arrive slightly out of order; one up to a timeout late
                    // still joins its session.
                    sessions += closeIdle(open, newest - 2 * timeoutMillis, b, out, sessions);
                    Open ended = add(open, visitors.getString(r), t, path);
                    if (ended != null) {
                        emit(ended, ++sessions, b);
                        if (b.isFull()) {
                            out.write(b.build());
                        }
                    }
                    used++;
                }
                ctx.checkCancelled();
            }
            sessions += closeIdle(open, Long.MAX_VALUE, b, out, sessions);
            if (!b.isEmpty()) {
                out.write(b.build());
            }
            ctx.countFiltered(used - sessions);
            ctx.log().info("{} requests made {} sessions", used, sessions);
        }
    }

    /**
     * Adds a request to its visitor's open session, or opens one.
     *
     * @return a session this request ended (the visitor came back after the timeout before the
     *         sweep reached it), to be emitted; else null
     */
    private Open add(Map<String, Open> open, String visitor, long t, String path) {
        Open o = open.remove(visitor);
        Open ended = null;
        if (o != null && (t > o.end + timeoutMillis || t < o.start - timeoutMillis)) {
            ended = o;
            o = null;
        }
        if (o == null) {
            o = new Open(visitor, t, path);
        } else {
            if (t < o.start) {
                o.start = t;
                o.landing = path;
            }
            if (t >= o.end) {
                o.end = t;
                o.exit = path;
            }
        }
        o.pages++;
        o.converted |= params.reachesGoal(path);
        open.put(visitor, o);
        return ended;
    }

    /** Emits the sessions whose last request is before {@code horizon}; returns how many. */
    private long closeIdle(Map<String, Open> open, long horizon, BatchBuilder b, BatchSink out, long before)
            throws IOException {
        long closed = 0;
        for (Iterator<Open> it = open.values().iterator(); it.hasNext(); ) {
            Open o = it.next();
            if (o.end >= horizon) {
                break;
            }
            it.remove();
            emit(o, before + closed + 1, b);
            closed++;
            if (b.isFull()) {
                out.write(b.build());
            }
        }
        return closed;
    }

    private static void emit(Open o, long id, BatchBuilder b) {
        b.setLong(0, id).setString(1, o.visitor).setLong(2, o.start).setLong(3, o.end)
                .setLong(4, Instant.ofEpochMilli(o.start).atZone(ZoneOffset.UTC).toLocalDate().toEpochDay())
                .setLong(5, (o.end - o.start) / 1000).setLong(6, o.pages).setString(7, o.landing)
                .setString(8, o.exit).setLong(9, o.converted ? 1 : 0);
        b.endRow();
    }
}

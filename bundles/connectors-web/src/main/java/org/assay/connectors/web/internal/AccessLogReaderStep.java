package org.assay.connectors.web.internal;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.zip.GZIPInputStream;
import org.assay.api.data.BatchBuilder;
import org.assay.api.data.BatchSink;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepContext;
import org.assay.api.step.StepFailure;

/** One run of {@code access-log-reader}. See {@link AccessLogReaderStepType}. */
final class AccessLogReaderStep implements Step {

    private final AccessLogReaderParameters params;

    AccessLogReaderStep(AccessLogReaderParameters params) {
        this.params = params;
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        Path file = ctx.readPath(params.path());
        LogFormat format = LogFormat.of(params.format());
        AccessLogRows rows = new AccessLogRows(format, params.visitorCookie().orElse(null));
        BatchSink out = ctx.output(PortSpec.OUT, AccessLogRows.SCHEMA);
        BatchBuilder b = new BatchBuilder(AccessLogRows.SCHEMA);
        long lineNumber = 0;
        Object[] row = new Object[AccessLogRows.SCHEMA.size()];
        try (BufferedReader r = new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8), 1 << 16)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lineNumber++;
                ctx.countIn(1);
                if (line.isBlank()) {
                    ctx.countFiltered(1);
                    continue;
                }
                Matcher m = format.match(line);
                String problem = m == null ? "does not fit the log format " + describe(format)
                        : rows.fill(row, lineNumber, m);
                if (problem != null) {
                    // The whole line is masked: it holds the client address, which is pii.
                    ctx.quarantine().reject(lineNumber, AccessLogRows.SCHEMA, List.of(line), "line " + lineNumber + " "
                            + problem);
                    continue;
                }
                if (params.bots() == BotPolicy.DROP && AccessLogRows.isBot(row)) {
                    ctx.countFiltered(1);
                    continue;
                }
                for (int c = 0; c < row.length; c++) {
                    b.set(c, row[c]);
                }
                b.endRow();
                if (b.isFull()) {
                    out.write(b.build());
                    ctx.checkCancelled();
                }
            }
        } catch (NoSuchFileException e) {
            throw new StepFailure("parameter path: no file " + file + "; check the path (relative paths start in the "
                    + "workflow folder)");
        }
        if (!b.isEmpty()) {
            out.write(b.build());
        }
        ctx.log().info("Read {} lines of {}", lineNumber, file.getFileName());
    }

    private static String describe(LogFormat f) {
        return f.pattern().equals(LogFormat.COMBINED) ? "combined" : f.pattern().equals(LogFormat.COMMON) ? "common"
                : "\"" + f.pattern() + "\"";
    }

    /** The file's bytes, gunzipped when they start with gzip's magic number. */
    private static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
    }
}

package ${package}.internal;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.assay.api.data.BatchBuilder;
import org.assay.api.data.BatchSink;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepContext;
import org.assay.api.step.StepFailure;

/** One run of {@code ${stepId}}. See {@link ${className}StepType}. */
final class ${className}Step implements Step {

    private final ${className}Parameters params;

    ${className}Step(${className}Parameters params) {
        this.params = params;
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        // Confined by the engine: a path outside the allowed folders fails here, named.
        Path file = ctx.readPath(params.path());
        BatchSink out = ctx.output(PortSpec.OUT, ${className}StepType.SCHEMA);
        BatchBuilder b = new BatchBuilder(${className}StepType.SCHEMA);
        long number = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                number++;
                ctx.countIn(1);
                if (line.isBlank()) {
                    ctx.countFiltered(1);
                    continue;
                }
                int eq = line.indexOf('=');
                String problem = eq <= 0 ? "has no key=value"
                        : line.length() - eq - 1 > params.maxValueLength()
                                ? "has a value longer than maxValueLength (" + params.maxValueLength() + ")" : null;
                if (problem != null) {
                    // The reason names the line, never its content: it may hold personal data.
                    ctx.quarantine().reject(number, ${className}StepType.SCHEMA, List.of(line), "line " + number + " "
                            + problem);
                    continue;
                }
                b.set(0, number);
                b.set(1, line.substring(0, eq).strip());
                b.set(2, line.substring(eq + 1).strip());
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
        ctx.log().info("Read {} lines of {}", number, file.getFileName());
    }
}

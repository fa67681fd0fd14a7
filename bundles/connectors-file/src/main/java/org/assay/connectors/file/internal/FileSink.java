package org.assay.connectors.file.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.assay.api.data.DataStream;
import org.assay.api.step.ArtifactKind;
import org.assay.api.step.PortSpec;
import org.assay.api.step.StepContext;
import org.assay.api.step.StepFailure;
import org.assay.api.step.typed.PiiPolicy;

/**
 * The file handling of the writers other than csv-writer, done the same way: the path through
 * {@code ctx.writePath} (confined by the engine), the rows through the pii policy, the bytes to
 * {@code <name>.part} created new (a link planted under that name is never followed) and moved
 * over the target only when complete, and a file in the run folder listed as an artifact.
 */
final class FileSink {

    /** Writes the rows of the stream to the open file; returns how many it wrote. */
    @FunctionalInterface
    interface Body {
        long write(DataStream in, OutputStream out) throws IOException, StepFailure;
    }

    private FileSink() {
    }

    static void write(StepContext ctx, String path, PiiPolicy pii, String step, String what, Body body)
            throws IOException, StepFailure {
        Path target = ctx.writePath(path);
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        long rows;
        Files.deleteIfExists(partial);
        try (DataStream raw = ctx.input(PortSpec.IN);
                DataStream in = pii.apply(raw, step);
                OutputStream os = new BufferedOutputStream(Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE), 1 << 16)) {
            rows = body.write(in, os);
        } catch (AccessDeniedException e) {
            Files.deleteIfExists(partial);
            throw new StepFailure("parameter path: the Karaf user may not write " + e.getFile() + ". Choose "
                    + "another path or grant write permission on the folder.", e);
        } catch (RuntimeException | IOException | StepFailure e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        try {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        }
        if (target.startsWith(ctx.artifactDir().toRealPath())) {
            ctx.addArtifact(target, ArtifactKind.DATA, what + " " + target.getFileName() + " (" + rows + " rows)");
        }
        ctx.log().info("Wrote {} rows to {}", rows, target);
    }
}

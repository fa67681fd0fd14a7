package org.assay.transforms.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.assay.api.step.StepContext;

/**
 * The folder a step spills sorted runs or partitions to (aggregate, sort, join): under the step's artifact folder, so it sits with the
 * run's other data (owner-only, like it) and is never listed as an artifact. Spilled runs hold
 * the data's values, personal data included: {@link #delete} removes them when the step ends,
 * however it ends.
 */
public final class SpillFolder {

    private SpillFolder() {
    }

    public static Path create(StepContext ctx, String step) throws IOException {
        return Files.createTempDirectory(ctx.artifactDir(), step + "-spill-");
    }

    /** Deletes the folder and its files; null is nothing to delete. */
    public static void delete(Path dir) throws IOException {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.comparingInt(Path::getNameCount).reversed()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}

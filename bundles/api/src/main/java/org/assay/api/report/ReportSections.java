package org.assay.api.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assay.api.step.ArtifactKind;
import org.assay.api.step.StepContext;

/**
 * Publishes a step's {@link ReportSection}s and reads them back. A section is a file of the
 * step's run ({@code <id>.section.json} in its artifact folder, registered as a
 * {@link ArtifactKind#DATA} artifact), so it survives an engine restart with the run's other
 * files, and a replayed attempt's sections go with the attempt. Stateless.
 */
public final class ReportSections {

    /** How the file of a section ends; the report finds sections among a run's artifacts by it. */
    public static final String FILE_SUFFIX = ".section.json";

    private ReportSections() {
    }

    /**
     * Writes the section into the step's artifact folder and registers it, replacing a section
     * of the same id published earlier in this attempt.
     *
     * @return the file written
     */
    public static Path publish(StepContext context, ReportSection section) throws IOException {
        Path file = context.artifactDir().resolve(section.id() + FILE_SUFFIX);
        boolean again = Files.exists(file);
        write(file, section);
        if (!again) {
            context.addArtifact(file, ArtifactKind.DATA, "Report section: " + section.title());
        }
        return file;
    }

    /**
     * Writes the section to a file, replacing it, without registering it: for tests and tools.
     * A step uses {@link #publish}.
     */
    public static void write(Path file, ReportSection section) throws IOException {
        Files.writeString(file, SectionJson.write(section), StandardCharsets.UTF_8);
    }

    /** Whether the file is a published section, by its name. */
    public static boolean isSection(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().endsWith(FILE_SUFFIX);
    }

    /**
     * Reads a section written by {@link #publish}.
     *
     * @throws IOException when the file cannot be read or is not a section
     */
    public static ReportSection read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try {
            return SectionJson.read(text);
        } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
            throw new IOException(file.getFileName() + " is not a report section: " + e.getMessage(), e);
        }
    }
}

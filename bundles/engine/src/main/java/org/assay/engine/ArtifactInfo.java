package org.assay.engine;

import java.nio.file.Path;
import org.assay.api.step.ArtifactKind;

/** A file a step produced, inside the run folder. */
public record ArtifactInfo(String stepId, Path path, ArtifactKind kind, String title) {
}

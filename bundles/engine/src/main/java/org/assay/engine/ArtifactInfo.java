package org.assay.engine;

import java.nio.file.Path;
import org.assay.api.step.ArtifactKind;

/** A file a step produced, inside the run folder. */
public record ArtifactInfo(String stepId, Path path, ArtifactKind kind, String title) {

    /**
     * The artifact's id within its run, {@code <step id>/<file name>}, for
     * {@link RunService#openArtifact}. An id only names an artifact the run recorded; it is
     * never resolved as a path. When a step registers two files of the same name, the id
     * names the first.
     */
    public String id() {
        return stepId + "/" + path.getFileName();
    }
}

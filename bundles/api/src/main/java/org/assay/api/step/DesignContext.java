package org.assay.api.step;

import java.nio.file.Path;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What a step type may use while the validator works out design-time schemas (at deploy, on
 * the validating thread): a confined look at input files, e.g. to read a CSV header.
 */
@ProviderType
public interface DesignContext {

    /** A context with no file access: every path is unknown. */
    DesignContext NONE = path -> Optional.empty();

    /**
     * The real path of a file a workflow may read (the same confinement as
     * {@link StepContext#readPath}), if it exists and is allowed; empty otherwise. Never throws.
     * Read at most a bounded prefix of it.
     */
    Optional<Path> readableFile(String path);
}

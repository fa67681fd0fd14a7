package org.assay.engine;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** The step types installed right now. Thread-safe. */
@ProviderType
public interface StepCatalog {

    /** Installed types sorted by category, then id. */
    List<StepTypeInfo> list();

    Optional<StepTypeInfo> get(String typeId);

    /** The JSON Schema of workflow documents for the installed types. */
    String workflowJsonSchema();
}

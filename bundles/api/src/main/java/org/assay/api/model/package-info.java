/**
 * Trained models as they travel between steps on {@link org.assay.api.step.PortKind#MODEL}
 * ports: a format id, the header the model was trained on, its metadata and its serialized
 * content. A model is stored as a file in the run, never held by the engine in memory, so a
 * resumed run still has it and a distributed runner can ship it to its workers. Trained
 * models kept beyond a run live in the {@link org.assay.api.model.ModelStore} service (1.1).
 */
@Version("1.1.0")
package org.assay.api.model;

import org.osgi.annotation.versioning.Version;

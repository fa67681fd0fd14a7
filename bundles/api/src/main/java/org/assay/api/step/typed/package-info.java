/**
 * Typed step types: parameters as a Java record, specs and docs derived from it. The pattern
 * every step type copies; see {@link org.assay.api.step.typed.TypedStepType}.
 */
@Version("1.1.0")
package org.assay.api.step.typed;

import org.osgi.annotation.versioning.Version;

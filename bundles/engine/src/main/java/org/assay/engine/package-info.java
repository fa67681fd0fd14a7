/**
 * The engine's services for the shell, REST, dashboards, audit and tests: deploy and validate
 * workflows ({@link org.assay.engine.WorkflowService}), start, query, follow and cancel runs and
 * open the files they produced ({@link org.assay.engine.RunService}), list installed step types
 * ({@link org.assay.engine.StepCatalog}). The services are {@code @ProviderType} (only the engine
 * implements them); the listeners a client registers ({@link org.assay.engine.RunListener},
 * {@link org.assay.engine.WorkflowListener}) are {@code @ConsumerType}. The package version
 * follows semantic versioning and the build's baseline check holds it to that.
 */
@Version("1.6.0")
package org.assay.engine;

import org.osgi.annotation.versioning.Version;

package org.assay.api.step.typed;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Registers a step type's id as the {@code assay.step.type} service property (a DS component
 * property type, as Felix Health Checks does) and names it for {@link TypedStepType}, so the
 * id is written once:
 *
 * <pre>
 * &#64;Component(service = StepType.class)
 * &#64;AssayStepType("impute")
 * public final class ImputeStepType extends TypedStepType&lt;ImputeParameters&gt; { ... }
 * </pre>
 *
 * The engine refuses a step type whose property and descriptor disagree.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AssayStepType {

    /** The type id, lower case and dash-separated (e.g. {@code csv-reader}). */
    String value();
}

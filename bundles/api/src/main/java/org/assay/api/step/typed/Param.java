package org.assay.api.step.typed;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents one component of a step's parameter record. The component's name is the JSON key,
 * its Java type gives the JSON shape (String, int/long, double, boolean, an enum, List&lt;String&gt;,
 * Map&lt;String, String&gt;; wrapped in {@code Optional} when a workflow may leave it out).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Param {

    /** One or two sentences for {@code assay:step-show} and the JSON Schema. */
    String description();

    /**
     * The default as JSON text ({@code "median"} for an enum or string, {@code "42"},
     * {@code "true"}, {@code "[]"}, {@code "{}"}); empty for none. A parameter with a default is
     * never required.
     */
    String defaultValue() default "";

    /** Inclusive lower bound for numbers; NaN for none. */
    double min() default Double.NaN;

    /** Inclusive upper bound for numbers; NaN for none. */
    double max() default Double.NaN;

    /** For a String: whether it is a path the step reads or writes (the engine confines both). */
    PathUse path() default PathUse.NONE;

    /** What a String parameter is, when it is a file system path. */
    enum PathUse { NONE, READ, WRITE }
}

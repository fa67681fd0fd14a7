package org.assay.api.step.typed;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.assay.api.data.FieldType;
import org.assay.api.step.PortSpec;

/**
 * Marks a String, List&lt;String&gt; or Map&lt;String, String&gt; (names in the keys) parameter as
 * naming columns of an input; becomes the spec's {@link org.assay.api.step.ColumnRule}, checked
 * at deploy time against the input's design-time schema.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Columns {

    /** The input port whose columns are named. */
    String port() default PortSpec.IN;

    /** Field types allowed; empty for any. */
    FieldType[] types() default {};

    /** Whether pii columns may be named. */
    boolean pii() default true;

    /** A boolean parameter that allows pii columns when true (with {@code pii = false}); empty for none. */
    String allowPiiParameter() default "";
}

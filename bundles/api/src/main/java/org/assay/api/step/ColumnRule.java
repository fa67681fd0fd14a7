package org.assay.api.step;

import java.util.Objects;
import java.util.Set;
import org.assay.api.data.FieldType;

/**
 * Marks a parameter as naming columns of an input: a {@link ParameterType#STRING} names one
 * column, a {@link ParameterType#STRING_LIST} several, a {@link ParameterType#STRING_MAP}
 * names them in its keys. When the input's schema is known at deploy time (see
 * {@link StepType#outputSchemas}), the validator checks every name, type and the pii rule
 * there, with one wording and a "did you mean".
 *
 * @param port             the input port whose schema the names refer to
 * @param accepts          the field types allowed; empty means any
 * @param allowPii         whether a column tagged pii may be named
 * @param allowPiiParameter the name of a boolean parameter that, when true, allows pii
 *                         columns although {@code allowPii} is false; or null
 */
public record ColumnRule(String port, Set<FieldType> accepts, boolean allowPii, String allowPiiParameter) {

    public ColumnRule {
        Objects.requireNonNull(port, "port");
        accepts = accepts == null ? Set.of() : Set.copyOf(accepts);
    }

    /** Any column of the {@code in} port, pii included. */
    public static ColumnRule any() {
        return new ColumnRule(PortSpec.IN, Set.of(), true, null);
    }

    /** Columns of the {@code in} port of these types (none given: any type); pii allowed. */
    public static ColumnRule of(FieldType... accepts) {
        return new ColumnRule(PortSpec.IN, Set.of(accepts), true, null);
    }

    public ColumnRule onPort(String otherPort) {
        return new ColumnRule(otherPort, accepts, allowPii, allowPiiParameter);
    }

    /** pii columns are refused unless the boolean parameter {@code parameter} is true. */
    public ColumnRule piiOnlyWith(String parameter) {
        return new ColumnRule(port, accepts, false, parameter);
    }

    /** pii columns are always refused. */
    public ColumnRule noPii() {
        return new ColumnRule(port, accepts, false, null);
    }

    public boolean accepts(FieldType type) {
        return accepts.isEmpty() || accepts.contains(type);
    }
}

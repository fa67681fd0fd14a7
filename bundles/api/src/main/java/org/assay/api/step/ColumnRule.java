package org.assay.api.step;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.assay.api.data.ColumnNotFound;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;

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

    /**
     * What is wrong with naming {@code column} in parameter {@code parameter} of a step whose
     * input has {@code schema}, if anything: the column exists, has a type the rule accepts and
     * obeys the pii rule. The one wording of the platform; the validator adds the location.
     *
     * @param params the step's parameters, for {@link #allowPiiParameter()}
     * @param where  how the message names the input, e.g. "the input of step 'filled' (from step 'customers')"
     */
    public Optional<String> problem(String parameter, String column, Schema schema, Parameters params, String where) {
        if (!schema.contains(column)) {
            return Optional.of(ColumnNotFound.message(column, schema, where));
        }
        Field field = schema.field(column);
        if (!accepts(field.type())) {
            return Optional.of("column '" + column + "' is " + field.type().jsonName() + "; parameter " + parameter
                    + " takes " + typeList(accepts) + " columns");
        }
        boolean switchedOn = allowPiiParameter != null
                && Boolean.TRUE.equals(params.asMap().get(allowPiiParameter));
        if (field.has(FieldTag.PII) && !allowPii && !switchedOn) {
            return Optional.of("column '" + column + "' is tagged pii; " + (allowPiiParameter != null
                    ? "set \"" + allowPiiParameter + "\": true on this step if publishing it is intended"
                    : "pii columns are not allowed here; clear them with a privacy step first"));
        }
        return Optional.empty();
    }

    /** The columns a parameter value names: a string, each element of a list, each key of a map. */
    public static List<String> named(Object value) {
        if (value instanceof String column) {
            return List.of(column);
        }
        if (value instanceof List<?> columns) {
            return columns.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        if (value instanceof Map<?, ?> columns) {
            return columns.keySet().stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    /** "integer or decimal", "string, categorical or date", in the order of {@link FieldType}. */
    public static String typeList(Collection<FieldType> types) {
        List<String> names = types.stream().sorted().map(FieldType::jsonName).toList();
        if (names.size() < 2) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }
}

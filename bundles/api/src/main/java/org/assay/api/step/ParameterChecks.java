package org.assay.api.step;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assay.api.data.NearestName;
import org.assay.api.data.Schema;

/**
 * The checks the engine makes on a step's parameters before a run, in plain Java: unknown
 * names (with "did you mean"), missing required ones, JSON shapes, allowed values and ranges,
 * then the step type's own {@link StepType#check}. The engine checks the shapes through the
 * generated JSON Schema (for line and column); {@code StepTestRunner} uses this class, so a
 * unit test rejects what the engine rejects. Stateless.
 */
public final class ParameterChecks {

    private ParameterChecks() {
    }

    /**
     * Every problem with {@code given}, and the column parameters ({@link ColumnRule}) checked
     * against the schemas of the inputs, as the validator checks them when those schemas are
     * known at deploy.
     *
     * @param inputs schema per input port; a port that is absent is not checked
     */
    public static List<ParameterProblem> problems(StepType type, Map<String, ?> given, Map<String, Schema> inputs) {
        List<ParameterProblem> out = new ArrayList<>(problems(type, given));
        if (!out.isEmpty()) {
            return out;
        }
        Parameters params = Parameters.of(type.descriptor(), given);
        for (ParameterSpec p : type.descriptor().parameters()) {
            ColumnRule rule = p.column();
            Schema schema = rule == null ? null : inputs.get(rule.port());
            if (schema == null) {
                continue;
            }
            for (String column : ColumnRule.named(params.asMap().get(p.name()))) {
                rule.problem(p.name(), column, schema, params,
                        rule.port().equals(PortSpec.IN) ? "the input" : "input '" + rule.port() + "'")
                        .ifPresent(m -> out.add(ParameterProblem.of(p.name(), m)));
            }
        }
        if (out.isEmpty() && !inputs.isEmpty()) {
            out.addAll(type.checkWithInputs(params, inputs));
        }
        return out;
    }

    /** Every problem with {@code given} (values as parsed from JSON) for this step type. */
    public static List<ParameterProblem> problems(StepType type, Map<String, ?> given) {
        StepDescriptor d = type.descriptor();
        List<ParameterProblem> out = new ArrayList<>();
        List<String> names = d.parameters().stream().map(ParameterSpec::name).toList();
        for (String name : given.keySet()) {
            if (d.parameter(name).isEmpty()) {
                out.add(ParameterProblem.of(name, "step type " + d.typeId() + " has no parameter '" + name + "'"
                        + NearestName.among(name, names).map(s -> "; did you mean '" + s + "'?").orElse("")
                        + "; its parameters are " + names));
            }
        }
        for (ParameterSpec p : d.parameters()) {
            Object v = given.get(p.name());
            if (v == null) {
                if (p.required()) {
                    out.add(ParameterProblem.of(p.name(), "is required: " + p.description()));
                }
                continue;
            }
            shapeProblem(p, v).ifPresent(m -> out.add(ParameterProblem.of(p.name(), m)));
        }
        if (out.isEmpty()) {
            out.addAll(type.check(Parameters.of(d, given)));
        }
        return out;
    }

    /** Whether the value has the spec's JSON shape, allowed value and range. */
    static Optional<String> shapeProblem(ParameterSpec p, Object v) {
        boolean fits = switch (p.type()) {
            case STRING, INPUT_PATH, OUTPUT_PATH, ENUM -> v instanceof String;
            case INTEGER -> v instanceof Long || v instanceof Integer || v instanceof Short;
            case DECIMAL -> v instanceof Number;
            case BOOLEAN -> v instanceof Boolean;
            case STRING_LIST -> v instanceof List<?> l && l.stream().allMatch(String.class::isInstance);
            case STRING_MAP -> v instanceof Map<?, ?> m && m.values().stream().allMatch(String.class::isInstance);
        };
        if (!fits) {
            return Optional.of("expected " + p.type().jsonName() + " but found " + v.getClass().getSimpleName());
        }
        if (p.type() == ParameterType.ENUM && !p.allowedValues().contains(v)) {
            return Optional.of("'" + v + "' is not allowed; use one of " + p.allowedValues());
        }
        if (v instanceof Number n) {
            if (p.minimum() != null && n.doubleValue() < p.minimum()) {
                return Optional.of("must be at least " + bound(p.minimum()));
            }
            if (p.maximum() != null && n.doubleValue() > p.maximum()) {
                return Optional.of("must be at most " + bound(p.maximum()));
            }
        }
        return Optional.empty();
    }

    private static String bound(double b) {
        return b == Math.rint(b) ? String.valueOf((long) b) : String.valueOf(b);
    }
}

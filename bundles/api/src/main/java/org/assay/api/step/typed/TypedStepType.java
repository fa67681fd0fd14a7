package org.assay.api.step.typed;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assay.api.data.Schema;
import org.assay.api.step.DesignContext;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.Parameters;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepDescriptor;
import org.assay.api.step.StepType;

/**
 * A step type whose parameters are a record {@code P}: the specs, defaults, allowed values and
 * docs are derived from P's components ({@link Param}, {@link Columns}, enums implementing
 * {@link DescribedValue}); the step receives the bound record, never a string lookup. The type
 * id comes from the class's {@link AssayStepType}.
 *
 * <pre>
 * record ImputeParameters(
 *         &#64;Param(description = "...", defaultValue = "median") Strategy strategy,
 *         &#64;Param(description = "...", defaultValue = "{}") &#64;Columns Map&lt;String, String&gt; columns) { }
 *
 * &#64;Component(service = StepType.class)
 * &#64;AssayStepType("impute")
 * public final class ImputeStepType extends TypedStepType&lt;ImputeParameters&gt; {
 *     public ImputeStepType() { super(ImputeParameters.class); }
 *     protected void describe(StepDescriptor.Builder b) { b.category(...).title(...).input(...).output(...); }
 *     protected Step newStep(ImputeParameters p) { return new ImputeStep(p); }
 * }
 * </pre>
 *
 * Shared and thread-safe, like every step type: subclasses hold no per-run state.
 *
 * @param <P> the parameter record
 */
public abstract class TypedStepType<P extends Record> implements StepType {

    private final ParameterBinder<P> binder;
    private volatile StepDescriptor descriptor;

    protected TypedStepType(Class<P> parameters) {
        this.binder = ParameterBinder.of(parameters);
    }

    /** The id from {@link AssayStepType} on the concrete class. */
    public final String typeId() {
        AssayStepType id = getClass().getAnnotation(AssayStepType.class);
        if (id == null) {
            throw new IllegalStateException(getClass().getName() + " needs @AssayStepType(\"<type-id>\")");
        }
        return id.value();
    }

    /**
     * Identity, documentation and ports: category, title, description, tags, inputs, outputs.
     * Parameters come from the record and must not be added here.
     */
    protected abstract void describe(StepDescriptor.Builder builder);

    /** A fresh step for one run, with its bound parameters. */
    protected abstract Step newStep(P parameters);

    /**
     * Checks across parameters that specs cannot express (one depending on another). Types,
     * allowed values, ranges, unknown names and column names are checked by the engine already.
     * The default asks a record that implements {@link CheckedParameters}.
     */
    protected List<ParameterProblem> check(P parameters) {
        return parameters instanceof CheckedParameters c ? c.problems() : List.of();
    }

    /**
     * Checks that need the input schemas (the columns an expression reads, key types); see
     * {@link StepType#checkWithInputs}. Only inputs whose schema is known are in the map.
     */
    protected List<ParameterProblem> check(P parameters, Map<String, Schema> inputs) {
        return List.of();
    }

    /** The design-time output schemas; see {@link StepType#outputSchemas}. Empty: unknown. */
    protected Optional<Map<String, Schema>> outputSchemas(P parameters, Map<String, Schema> inputs) {
        return Optional.empty();
    }

    /** The design-time output schemas of a step that peeks at a file; defaults to the form without context. */
    protected Optional<Map<String, Schema>> outputSchemas(P parameters, Map<String, Schema> inputs,
            DesignContext context) {
        return outputSchemas(parameters, inputs);
    }

    /** For {@link #outputSchemas}: {@code out} has the schema of {@code in} (when it is known). */
    protected static Optional<Map<String, Schema>> sameAsInput(Map<String, Schema> inputs) {
        return Optional.ofNullable(inputs.get(PortSpec.IN)).map(in -> Map.of(PortSpec.OUT, in));
    }

    @Override
    public final StepDescriptor descriptor() {
        StepDescriptor d = descriptor;
        if (d == null) {
            // Built on first use, not in the constructor: describe() may read the subclass's fields.
            StepDescriptor.Builder b = StepDescriptor.builder(typeId());
            describe(b);
            binder.specs().forEach(b::parameter);
            d = b.build();
            descriptor = d;
        }
        return d;
    }

    /** The record for these parameters; see {@link ParameterBinder#bind}. */
    public final P bind(Parameters parameters) {
        return binder.bind(parameters);
    }

    @Override
    public final Step newStep() {
        return ctx -> newStep(bind(ctx.params())).run(ctx);
    }

    @Override
    public final List<ParameterProblem> check(Parameters parameters) {
        P bound;
        try {
            bound = bind(parameters);
        } catch (IllegalArgumentException e) {
            return List.of(ParameterProblem.general(e.getMessage()));
        }
        return check(bound);
    }

    @Override
    public final List<ParameterProblem> checkWithInputs(Parameters parameters, Map<String, Schema> inputs) {
        try {
            return check(bind(parameters), inputs);
        } catch (IllegalArgumentException e) {
            return List.of(); // check(Parameters) reports what does not bind
        }
    }

    @Override
    public final List<String> validate(Parameters parameters) {
        return check(parameters).stream()
                .map(p -> p.parameter() == null ? p.message() : "parameter " + p.parameter() + ": " + p.message())
                .toList();
    }

    @Override
    public final Optional<Map<String, Schema>> outputSchemas(Parameters parameters, Map<String, Schema> inputs) {
        return outputSchemas(parameters, inputs, DesignContext.NONE);
    }

    @Override
    public final Optional<Map<String, Schema>> outputSchemas(Parameters parameters, Map<String, Schema> inputs,
            DesignContext context) {
        try {
            return outputSchemas(bind(parameters), inputs, context);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

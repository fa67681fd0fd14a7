package org.assay.engine.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.assay.api.workflow.StepDefinition;
import org.assay.api.workflow.WorkflowDefinition;
import org.assay.engine.ValidationProblem;

/**
 * A run's workflow checked against the step types installed when it starts: once per run,
 * not once per step (validation parses the document, walks every step and may peek at
 * files). A step whose type was missing then has its parameters checked when the type
 * arrives, again once per set of installed types however many such steps there are.
 */
final class RunValidation {

    private final WorkflowValidator validator;
    private final StepRegistry registry;
    private final String source;
    /** Step types installed at the first validation. */
    private final Set<String> typesAtStart;
    private volatile Validated validated;

    private record Validated(Set<Long> providers, List<ValidationProblem> errors) { }

    RunValidation(WorkflowValidator validator, StepRegistry registry, String source) {
        this.validator = validator;
        this.registry = registry;
        this.source = source;
        this.typesAtStart = new HashSet<>();
        registry.list().forEach(t -> typesAtStart.add(t.typeId()));
        this.validated = validate();
    }

    private Validated validate() {
        Set<Long> providers = registry.serviceIds();
        return new Validated(providers, validator.validate(source).errors());
    }

    /** The parameter problems of one step, as a message, if any. */
    Optional<String> problemsOf(WorkflowDefinition wf, StepDefinition def) {
        Validated v = validated;
        if (!typesAtStart.contains(def.type()) && !v.providers().equals(registry.serviceIds())) {
            v = validate();
            validated = v;
        }
        String at = "$.steps[" + wf.steps().indexOf(def) + "]";
        List<ValidationProblem> errors = v.errors().stream()
                .filter(p -> p.path().equals(at) || p.path().startsWith(at + ".")).toList();
        if (errors.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("step '" + def.id() + "' has invalid parameters for " + def.type() + ": "
                + String.join("; ", errors.stream().map(ValidationProblem::toString).toList()));
    }
}

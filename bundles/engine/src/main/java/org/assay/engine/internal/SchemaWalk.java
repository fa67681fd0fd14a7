package org.assay.engine.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.assay.api.data.ColumnNotFound;
import org.assay.api.data.Schema;
import org.assay.api.step.ColumnRule;
import org.assay.api.step.ParameterSpec;
import org.assay.api.step.DesignContext;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.Parameters;
import org.assay.api.step.PortKind;
import org.assay.api.step.PortSpec;
import org.assay.api.step.StepDescriptor;
import org.assay.api.workflow.InputRef;
import org.assay.api.workflow.StepDefinition;
import org.assay.api.workflow.WorkflowDefinition;
import org.assay.engine.ValidationProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deploy-time schema checks: walks the steps in topological order, hands each step type the
 * design-time schemas of its inputs ({@link org.assay.api.step.StepType#outputSchemas}) and checks
 * every column parameter ({@link ColumnRule}) against them: the column exists, has a type the
 * parameter takes, and is not pii where pii is refused.
 *
 * <p>An unknown schema (a step type that cannot tell, is not installed, failed, or whose
 * parameters are wrong) makes every schema downstream of it unknown too, and no column of an
 * unknown schema is checked: the checks never report what they cannot know. The step then
 * checks its columns at run time, with the same {@link ColumnNotFound} wording.
 */
final class SchemaWalk {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaWalk.class);

    /**
     * What the walk found.
     *
     * @param outputs  per step id whose outputs are known, the schema per dataset output port
     *                 (an output absent from the map is unknown); a step absent is unknown
     * @param problems column problems, each at the parameter (or its element or key)
     */
    record Outcome(Map<String, Map<String, Schema>> outputs, List<ValidationProblem> problems) {
        static final Outcome NONE = new Outcome(Map.of(), List.of());
    }

    private final StepRegistry registry;

    /** A confined peek at input files, for sources that read a header. */
    private final DesignContext design;

    SchemaWalk(StepRegistry registry, DesignContext design) {
        this.registry = registry;
        this.design = design;
    }

    /**
     * Walks the workflow.
     *
     * @param skip indexes of steps whose parameters or wiring already have errors: their column
     *             parameters are not checked and their outputs are unknown, so one mistake is
     *             reported once, not again downstream
     */
    Outcome walk(SourceDocument doc, WorkflowDefinition def, Set<Integer> skip) {
        Optional<List<Integer>> order = topologicalOrder(def);
        if (order.isEmpty()) {
            // Duplicate ids or a cycle: reported by the graph checks; nothing here is reliable.
            return Outcome.NONE;
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < def.steps().size(); i++) {
            index.put(def.steps().get(i).id(), i);
        }
        Map<String, Map<String, Schema>> outputs = new LinkedHashMap<>();
        List<ValidationProblem> problems = new ArrayList<>();
        for (int i : order.get()) {
            StepDefinition s = def.steps().get(i);
            Optional<RegisteredStep> provider = registry.provider(s.type());
            if (provider.isEmpty() || skip.contains(i)) {
                continue;
            }
            StepDescriptor d = provider.get().info().descriptor();
            Parameters params = Parameters.of(d, s.params());
            Map<String, Schema> inputs = new LinkedHashMap<>();
            Map<String, String> inputOrigins = new HashMap<>();
            for (Map.Entry<String, InputRef> in : s.inputs().entrySet()) {
                InputRef ref = in.getValue();
                Optional<PortSpec> port = d.input(in.getKey());
                Map<String, Schema> upstream = outputs.get(ref.stepId());
                if (port.isEmpty() || port.get().kind() != PortKind.DATASET || upstream == null
                        || !upstream.containsKey(ref.port())) {
                    continue;
                }
                inputs.put(in.getKey(), upstream.get(ref.port()));
                inputOrigins.put(in.getKey(), "(from step '" + ref.stepId() + "'"
                        + (PortSpec.OUT.equals(ref.port()) ? "" : ", output '" + ref.port() + "'") + ")");
            }
            String at = "$.steps[" + i + "].params.";
            int before = problems.size();
            for (ParameterSpec p : d.parameters()) {
                ColumnRule rule = p.column();
                Schema schema = rule == null ? null : inputs.get(rule.port());
                if (schema != null) {
                    String where = (PortSpec.IN.equals(rule.port()) ? "the input" : "input '" + rule.port() + "'")
                            + " of step '" + s.id() + "' " + inputOrigins.get(rule.port());
                    check(doc, at + p.name(), p, rule, params, schema, where, problems);
                }
            }
            if (problems.size() == before && !inputs.isEmpty()) {
                for (ParameterProblem p : checkWithInputs(s, provider.get(), params, inputs)) {
                    problems.add(p.parameter() == null ? doc.problem(at.substring(0, at.length() - 1), p.message())
                            : doc.problem(at + p.parameter(), "parameter " + p.parameter() + ": " + p.message()));
                }
            }
            if (problems.size() > before) {
                // Its outputs would be built from columns that do not exist: unknown, not wrong.
                continue;
            }
            outputSchemas(s, provider.get(), params, inputs).ifPresent(o -> outputs.put(s.id(), o));
        }
        return new Outcome(outputs, problems);
    }

    /** The step type's own checks against its input schemas; none when it fails (a bug of its own, logged). */
    private static List<ParameterProblem> checkWithInputs(StepDefinition s, RegisteredStep provider, Parameters params,
            Map<String, Schema> inputs) {
        try {
            List<ParameterProblem> found = provider.type().checkWithInputs(params, Map.copyOf(inputs));
            return found == null ? List.of() : found;
        } catch (RuntimeException e) {
            LOG.warn("Step type {} from {} failed to check step '{}' against its input schemas", s.type(),
                    provider.provider(), s.id(), e);
            return List.of();
        }
    }

    /** The step type's answer, or empty when it cannot tell or fails (a bug of its own, logged). */
    private Optional<Map<String, Schema>> outputSchemas(StepDefinition s, RegisteredStep provider,
            Parameters params, Map<String, Schema> inputs) {
        try {
            Optional<Map<String, Schema>> given = provider.type().outputSchemas(params, Map.copyOf(inputs), design);
            if (given == null || given.isEmpty()) {
                return Optional.empty();
            }
            Map<String, Schema> known = new LinkedHashMap<>();
            given.get().forEach((port, schema) -> {
                if (port != null && schema != null) {
                    known.put(port, schema);
                }
            });
            return Optional.of(known);
        } catch (RuntimeException e) {
            LOG.warn("Step type {} from {} failed to give the output schemas of step '{}'; its outputs are unknown, "
                    + "so columns downstream are checked at run time", s.type(), provider.provider(), s.id(), e);
            return Optional.empty();
        }
    }

    /** Checks each column named by one parameter: a string, each element of a list, each key of a map. */
    private static void check(SourceDocument doc, String path, ParameterSpec p, ColumnRule rule, Parameters params,
            Schema schema, String where, List<ValidationProblem> out) {
        Object value = params.asMap().get(p.name());
        List<String> named = ColumnRule.named(value);
        for (int k = 0; k < named.size(); k++) {
            String column = named.get(k);
            Optional<String> problem = rule.problem(p.name(), column, schema, params, where);
            if (problem.isEmpty()) {
                continue;
            }
            String message = "parameter " + p.name() + ": " + problem.get();
            if (value instanceof List<?>) {
                out.add(doc.problem(path + "[" + k + "]", message));
            } else if (value instanceof Map<?, ?>) {
                out.add(doc.keyProblem(path + "." + column, message));
            } else {
                out.add(doc.problem(path, message));
            }
        }
    }

    /**
     * Step indexes, each after every step it reads from (sources first, in document order); empty
     * when the ids are not unique or the steps form a cycle. Inputs naming no step are ignored here.
     */
    static Optional<List<Integer>> topologicalOrder(WorkflowDefinition def) {
        List<StepDefinition> steps = def.steps();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            if (index.putIfAbsent(steps.get(i).id(), i) != null) {
                return Optional.empty();
            }
        }
        int[] waitingFor = new int[steps.size()];
        List<List<Integer>> downstream = new ArrayList<>();
        steps.forEach(s -> downstream.add(new ArrayList<>()));
        for (int i = 0; i < steps.size(); i++) {
            for (InputRef ref : steps.get(i).inputs().values()) {
                Integer up = index.get(ref.stepId());
                if (up != null) {
                    waitingFor[i]++;
                    downstream.get(up).add(i);
                }
            }
        }
        Deque<Integer> ready = new ArrayDeque<>();
        for (int i = 0; i < steps.size(); i++) {
            if (waitingFor[i] == 0) {
                ready.add(i);
            }
        }
        List<Integer> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            int i = ready.poll();
            order.add(i);
            for (int next : downstream.get(i)) {
                if (--waitingFor[next] == 0) {
                    ready.add(next);
                }
            }
        }
        return order.size() == steps.size() ? Optional.of(order) : Optional.empty();
    }
}

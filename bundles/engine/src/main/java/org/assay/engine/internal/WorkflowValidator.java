package org.assay.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.assay.api.data.NearestName;
import org.assay.api.data.Schema;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.Parameters;
import org.assay.api.step.ParameterSpec;
import org.assay.api.step.ParameterType;
import org.assay.api.step.PortKind;
import org.assay.api.step.PortSpec;
import org.assay.api.step.StepDescriptor;
import org.assay.api.workflow.InputRef;
import org.assay.api.workflow.StepDefinition;
import org.assay.api.workflow.WorkflowDefinition;
import org.assay.engine.CronSchedule;
import org.assay.engine.ValidationProblem;
import org.assay.engine.ValidationProblem.Severity;

/**
 * Decides whether a workflow document can be deployed: JSON syntax, the JSON Schema
 * generated from the installed step types, then the graph (unique ids, inputs exist, ports
 * fit, no cycles), each step type's own parameter checks, and then the column parameters
 * against the design-time schemas of the steps' inputs ({@link SchemaWalk}). Every problem
 * carries the JSON path, line and column.
 *
 * <p>A step type that is not installed is a warning, not an error: integrators deploy
 * workflows and bundles in any order, and a run waits for a missing type.
 */
final class WorkflowValidator {

    /**
     * The outcome: problems, the definition when there is no error, and the design-time output
     * schemas the walk found (see {@link SchemaWalk.Outcome#outputs}; empty when it did not run).
     */
    record Result(List<ValidationProblem> problems, Optional<WorkflowDefinition> definition,
            Map<String, Map<String, Schema>> schemas) {

        Result(List<ValidationProblem> problems, Optional<WorkflowDefinition> definition) {
            this(problems, definition, Map.of());
        }

        boolean hasErrors() {
            return problems.stream().anyMatch(ValidationProblem::isError);
        }

        List<ValidationProblem> errors() {
            return problems.stream().filter(ValidationProblem::isError).toList();
        }

        List<ValidationProblem> warnings() {
            return problems.stream().filter(p -> !p.isError()).toList();
        }
    }

    /** Firings of a schedule looked at to find its shortest interval. */
    private static final int SCHEDULE_FIRINGS_CHECKED = 200;

    private final StepRegistry registry;
    private final FileAccess files;
    private final ResourceLimits limits;
    private final SchemaWalk schemaWalk;

    WorkflowValidator(StepRegistry registry, FileAccess files, ResourceLimits limits) {
        this.registry = registry;
        this.files = files;
        this.limits = limits;
        this.schemaWalk = new SchemaWalk(registry, files::readableFile);
    }

    Result validate(String json) {
        long bytes = utf8Length(json, limits.maxWorkflowBytes());
        if (bytes > limits.maxWorkflowBytes()) {
            // Refused before parsing: a huge document costs memory in every stage below.
            return new Result(List.of(new ValidationProblem("$", 0, 0, "the workflow is larger than "
                    + limits.maxWorkflowBytes() / 1024 + " KiB; " + limits.fileSizeText())), Optional.empty());
        }
        SourceDocument doc;
        try {
            doc = SourceDocument.parse(json);
        } catch (SourceDocument.SyntaxError e) {
            return new Result(List.of(e.problem()), Optional.empty());
        }
        JsonNode root = doc.root();
        if (!root.isObject()) {
            return new Result(List.of(doc.problem("$", "a workflow is a JSON object with format, id and steps")),
                    Optional.empty());
        }
        JsonNode steps = root.path("steps");
        if (steps.size() > limits.maxSteps()) {
            // Alone and early: checking every step of such a document is the cost the limit avoids.
            return new Result(List.of(doc.problem("$.steps", "the workflow has " + steps.size() + " steps; "
                    + ResourceLimits.limitText(String.valueOf(limits.maxSteps()), ResourceLimits.MAX_STEPS_KEY)
                    + "; split it into smaller workflows")), Optional.empty());
        }
        List<StepDescriptor> installed = registry.list().stream().map(i -> i.descriptor()).toList();
        List<ValidationProblem> problems = new ArrayList<>(schemaProblems(doc, installed));
        scheduleProblem(doc).ifPresent(problems::add);
        if (!hasGraphShape(root)) {
            // The graph checks below need steps with ids and types.
            return new Result(sorted(problems), Optional.empty());
        }
        WorkflowDefinition def = toDefinition(root);
        // Report graph problems together with schema problems, so one pass shows them all;
        // a step whose parameters already failed the schema skips its own parameter check.
        Set<Integer> badParams = stepsWithParameterErrors(problems);
        problems.addAll(graphProblems(doc, def, badParams));
        // Column checks need parameters that passed their own checks, so that one mistake is
        // reported once and a step type is never handed parameters it refused.
        SchemaWalk.Outcome walk = schemaWalk.walk(doc, def, stepsWithParameterErrors(problems));
        problems.addAll(walk.problems());
        return new Result(sorted(problems), problems.stream().anyMatch(ValidationProblem::isError)
                ? Optional.empty() : Optional.of(def), walk.outputs());
    }

    /** Indexes of the steps with an error at their parameters ({@code $.steps[i].params...}). */
    private static Set<Integer> stepsWithParameterErrors(List<ValidationProblem> problems) {
        Set<Integer> out = new HashSet<>();
        for (ValidationProblem p : problems) {
            if (p.isError() && p.path().startsWith("$.steps[") && p.path().contains("].params")) {
                out.add(Integer.parseInt(p.path().substring("$.steps[".length(), p.path().indexOf(']'))));
            }
        }
        return out;
    }

    /**
     * The schema says "a string"; whether it is a cron expression Karaf's scheduler accepts,
     * and fires no more often than the limit, is checked here.
     */
    private Optional<ValidationProblem> scheduleProblem(SourceDocument doc) {
        JsonNode schedule = doc.root().path("schedule");
        if (!schedule.isTextual()) {
            return Optional.empty();
        }
        CronSchedule cron;
        try {
            cron = CronSchedule.parse(schedule.asText());
        } catch (IllegalArgumentException e) {
            return Optional.of(doc.problem("$.schedule", e.getMessage()));
        }
        Duration min = limits.minScheduleInterval();
        return cron.shortestInterval(ZonedDateTime.now(), SCHEDULE_FIRINGS_CHECKED)
                .filter(gap -> gap.compareTo(min) < 0)
                .map(gap -> doc.problem("$.schedule", "'" + cron.expression() + "' fires as often as every "
                        + seconds(gap) + "; a schedule may fire at most once every " + seconds(min) + " ("
                        + ResourceLimits.MIN_INTERVAL_KEY + " in etc/org.assay.engine.cfg); e.g. \"0 */5 * * * ?\" "
                        + "fires every 5 minutes"));
    }

    private static String seconds(Duration d) {
        return d.toSeconds() + " s";
    }

    /** UTF-8 size of the text, counting stops once past {@code cap}. */
    private static long utf8Length(String s, long cap) {
        if (s.length() > cap) {
            return s.length();
        }
        long n = 0;
        for (int i = 0; i < s.length() && n <= cap; i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isHighSurrogate(c) ? 2 : 3;
        }
        return n;
    }

    private static List<ValidationProblem> sorted(List<ValidationProblem> problems) {
        List<ValidationProblem> copy = new ArrayList<>(problems);
        copy.sort(Comparator.comparingInt(ValidationProblem::line).thenComparingInt(ValidationProblem::column));
        return copy;
    }

    /** The compiled schema for one set of installed step types. */
    private record CompiledSchema(List<StepDescriptor> installed, JsonSchema schema) { }

    /** Compiling the schema costs more than validating; it only changes when step types come or go. */
    private volatile CompiledSchema compiled;

    private JsonSchema schemaFor(List<StepDescriptor> installed) {
        CompiledSchema c = compiled;
        if (c == null || !c.installed().equals(installed)) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().locale(Locale.ENGLISH)
                    .pathType(PathType.JSON_PATH).build();
            c = new CompiledSchema(installed, JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(WorkflowSchema.generate(installed), config));
            compiled = c;
        }
        return c.schema();
    }

    private List<ValidationProblem> schemaProblems(SourceDocument doc, List<StepDescriptor> installed) {
        JsonSchema schema = schemaFor(installed);
        Map<String, StepDescriptor> byType = new HashMap<>();
        installed.forEach(d -> byType.put(d.typeId(), d));
        List<ValidationProblem> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ValidationMessage m : schema.validate(doc.root())) {
            ValidationProblem p = explain(doc, m, byType);
            if (seen.add(p.path() + p.message())) {
                out.add(p);
            }
        }
        return out;
    }

    /** Turns the validator's message into one a workflow author understands. */
    private ValidationProblem explain(SourceDocument doc, ValidationMessage m, Map<String, StepDescriptor> byType) {
        String path = m.getInstanceLocation().toString();
        String type = m.getType();
        String property = m.getProperty();
        String stepType = stepTypeAt(doc.root(), path);
        boolean inParams = path.endsWith(".params");
        switch (type) {
            case "required" -> {
                if (inParams && stepType != null) {
                    return doc.problem(path, "step type " + stepType + " needs parameter '" + property + "': "
                            + describe(byType.get(stepType), property));
                }
                return doc.problem(path, "missing required field '" + property + "'");
            }
            case "additionalProperties" -> {
                String at = path + "." + property;
                if (inParams && stepType != null) {
                    StepDescriptor d = byType.get(stepType);
                    return doc.keyProblem(at, "step type " + stepType + " has no parameter '" + property
                            + "'" + suggestion(property, d.parameters().stream().map(ParameterSpec::name).toList())
                            + "; its parameters are " + d.parameters().stream().map(ParameterSpec::name).toList());
                }
                return doc.keyProblem(at, "unknown field '" + property + "'");
            }
            case "type" -> {
                Object[] args = m.getArguments();
                String found = args != null && args.length > 0 ? String.valueOf(args[0]) : "another type";
                String expected = args != null && args.length > 1 ? String.valueOf(args[1]) : "a different type";
                return doc.problem(path, "expected " + article(expected) + " but found " + article(found));
            }
            case "enum" -> {
                JsonNode allowed = m.getSchemaNode();
                return doc.problem(path, "'" + valueAt(doc.root(), path) + "' is not allowed; use one of "
                        + (allowed == null ? "the documented values" : allowed.toString()));
            }
            case "const" -> {
                if (path.equals("$.format")) {
                    return doc.problem(path, "this engine reads workflow format "
                            + WorkflowDefinition.CURRENT_FORMAT + "; set \"format\": " + WorkflowDefinition.CURRENT_FORMAT);
                }
                return doc.problem(path, plain(m));
            }
            case "pattern" -> {
                return doc.problem(path, "'" + valueAt(doc.root(), path)
                        + "' is not a valid id: use lower case letters, digits, '-' and '_', starting with a letter or digit");
            }
            case "minimum", "maximum" -> {
                String bound = String.valueOf(m.getArguments()[0]).replaceAll("\\.0$", "");
                return doc.problem(path, "must be " + (type.equals("minimum") ? "at least " : "at most ") + bound);
            }
            case "minItems" -> {
                return doc.problem(path, "a workflow needs at least one step");
            }
            default -> {
                return doc.problem(path, plain(m));
            }
        }
    }

    private static String plain(ValidationMessage m) {
        String text = m.getMessage();
        String prefix = m.getInstanceLocation() + ": ";
        return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
    }

    private static String article(String typeName) {
        return switch (typeName) {
            case "integer", "object", "array" -> "an " + typeName;
            case "null" -> "null";
            default -> "a " + typeName;
        };
    }

    private static String describe(StepDescriptor d, String param) {
        return d == null ? "" : d.parameter(param).map(ParameterSpec::description).orElse("");
    }

    private static String stepTypeAt(JsonNode root, String path) {
        if (!path.startsWith("$.steps[")) {
            return null;
        }
        int close = path.indexOf(']');
        int index = Integer.parseInt(path.substring("$.steps[".length(), close));
        JsonNode step = root.path("steps").path(index);
        return step.path("type").isTextual() ? step.path("type").textValue() : null;
    }

    private static String valueAt(JsonNode root, String path) {
        JsonNode n = root;
        for (String part : path.substring(1).split("(?=[.\\[])")) {
            if (part.isEmpty()) {
                continue;
            }
            n = part.startsWith("[") ? n.path(Integer.parseInt(part.substring(1, part.length() - 1)))
                    : n.path(part.substring(1));
        }
        return n.isTextual() ? n.textValue() : n.toString();
    }

    /**
     * Reads a document that was valid when it was deployed, without checking it against
     * the step types installed now (they may not have started yet).
     */
    static WorkflowDefinition readDeployed(String json) throws SourceDocument.SyntaxError {
        return toDefinition(SourceDocument.parse(json).root());
    }

    private static WorkflowDefinition toDefinition(JsonNode root) {
        List<StepDefinition> steps = new ArrayList<>();
        for (JsonNode s : root.path("steps")) {
            Map<String, Object> params = new LinkedHashMap<>();
            s.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), JsonValues.toJava(e.getValue())));
            Map<String, InputRef> inputs = new LinkedHashMap<>();
            s.path("inputs").fields().forEachRemaining(e -> inputs.put(e.getKey(), InputRef.parse(e.getValue().asText())));
            steps.add(new StepDefinition(s.path("id").asText(), s.path("type").asText(), params, inputs));
        }
        return new WorkflowDefinition(root.path("format").asInt(), root.path("id").asText(),
                root.path("name").isTextual() ? root.path("name").asText() : null,
                root.path("description").isTextual() ? root.path("description").asText() : null,
                root.path("schedule").isTextual() ? root.path("schedule").asText() : null, steps,
                root.path("purpose").isTextual() ? root.path("purpose").asText() : null);
    }

    private static boolean hasGraphShape(JsonNode root) {
        JsonNode steps = root.path("steps");
        if (!steps.isArray() || steps.isEmpty()) {
            return false;
        }
        for (JsonNode s : steps) {
            if (!s.isObject() || !s.path("id").isTextual() || !s.path("type").isTextual()
                    || (s.has("inputs") && !s.path("inputs").isObject())
                    || (s.has("params") && !s.path("params").isObject())) {
                return false;
            }
        }
        return true;
    }

    /**
     * A step parameter named {@code purpose} (consent-filter's) filters for a purpose: it must be
     * the one the workflow declares, so a workflow cannot say "analytics" and use marketing consent.
     */
    private static Optional<ValidationProblem> purposeProblem(SourceDocument doc, WorkflowDefinition def,
            StepDefinition s, String at) {
        Object p = s.params().get("purpose");
        if (!(p instanceof String stepPurpose) || stepPurpose.equals(def.purpose())) {
            return Optional.empty();
        }
        return Optional.of(doc.problem(at + ".params.purpose", def.purpose() == null
                ? "step '" + s.id() + "' filters for purpose '" + stepPurpose + "' but the workflow declares none; "
                        + "add \"purpose\": \"" + stepPurpose + "\" at the top of the workflow"
                : "step '" + s.id() + "' filters for purpose '" + stepPurpose + "' but the workflow's purpose is '"
                        + def.purpose() + "'; use the same purpose in both"));
    }

    private List<ValidationProblem> graphProblems(SourceDocument doc, WorkflowDefinition def, Set<Integer> badParams) {
        List<ValidationProblem> out = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < def.steps().size(); i++) {
            StepDefinition s = def.steps().get(i);
            if (index.putIfAbsent(s.id(), i) != null) {
                out.add(doc.problem("$.steps[" + i + "].id", "step id '" + s.id() + "' is used twice (first by step "
                        + (index.get(s.id()) + 1) + "); step ids must be unique"));
            }
        }
        List<String> typeIds = registry.list().stream().map(i -> i.typeId()).toList();
        for (int i = 0; i < def.steps().size(); i++) {
            StepDefinition s = def.steps().get(i);
            String at = "$.steps[" + i + "]";
            Optional<RegisteredStep> provider = registry.provider(s.type());
            if (provider.isEmpty()) {
                Optional<String> slip = oneSlipFrom(s.type(), typeIds);
                if (slip.isPresent()) {
                    // Almost surely a typo: waiting for a bundle that will never come would hide it.
                    out.add(doc.problem(at + ".type", "unknown step type '" + s.type() + "'; did you mean '"
                            + slip.get() + "'?"));
                } else {
                    out.add(doc.problem(at + ".type", "step type '" + s.type() + "' is not installed"
                            + suggestion(s.type(), typeIds) + "; runs will wait for a bundle that provides it",
                            Severity.WARNING));
                }
            }
            purposeProblem(doc, def, s, at).ifPresent(out::add);
            StepDescriptor d = provider.map(p -> p.info().descriptor()).orElse(null);
            for (Map.Entry<String, InputRef> in : s.inputs().entrySet()) {
                String inAt = at + ".inputs." + in.getKey();
                if (d != null && d.input(in.getKey()).isEmpty()) {
                    out.add(doc.keyProblem(inAt, "step type " + s.type() + " has no input '" + in.getKey()
                            + "'; its inputs are " + d.inputs().stream().map(PortSpec::name).toList()));
                }
                InputRef ref = in.getValue();
                Integer upstream = index.get(ref.stepId());
                if (upstream == null) {
                    out.add(doc.problem(inAt, "no step with id '" + ref.stepId() + "'"
                            + suggestion(ref.stepId(), new ArrayList<>(index.keySet()))));
                    continue;
                }
                if (ref.stepId().equals(s.id())) {
                    out.add(doc.problem(inAt, "a step cannot read its own output"));
                    continue;
                }
                StepDefinition up = def.steps().get(upstream);
                registry.provider(up.type()).map(p -> p.info().descriptor()).ifPresent(ud -> {
                    Optional<PortSpec> produced = ud.output(ref.port());
                    if (produced.isEmpty()) {
                        out.add(doc.problem(inAt, "step '" + up.id() + "' (" + up.type() + ") has no output '"
                                + ref.port() + "'; its outputs are " + ud.outputs().stream().map(PortSpec::name).toList()));
                    } else if (d != null) {
                        d.input(in.getKey()).flatMap(takes -> kindMismatch(s, takes, up, ud, produced.get()))
                                .ifPresent(message -> out.add(doc.problem(inAt, message)));
                    }
                });
            }
            if (d != null) {
                for (PortSpec p : d.inputs()) {
                    if (!p.optional() && !s.inputs().containsKey(p.name())) {
                        out.add(doc.problem(at, "step '" + s.id() + "' (" + s.type() + ") needs input '" + p.name()
                                + "': add \"inputs\": {\"" + p.name() + "\": \"<upstream step id>\"}"));
                    }
                }
                if (badParams.contains(i)) {
                    continue;
                }
                out.addAll(pathProblems(doc, at, d, s));
                try {
                    for (ParameterProblem problem : provider.get().type().check(Parameters.of(d, s.params()))) {
                        out.add(problem.parameter() == null ? doc.problem(at + ".params", problem.message())
                                : doc.problem(at + ".params." + problem.parameter(),
                                        "parameter " + problem.parameter() + ": " + problem.message()));
                    }
                } catch (RuntimeException e) {
                    out.add(doc.problem(at + ".params", "step type " + s.type() + " could not check its parameters: "
                            + e.getMessage()));
                }
            }
        }
        cycle(def).ifPresent(c -> out.add(doc.problem("$.steps", "the steps form a cycle: " + String.join(" -> ", c)
                + "; a workflow must flow one way")));
        return out;
    }

    /**
     * "takes a model, but ... is a dataset", with the upstream port of the right kind to use
     * instead, if the upstream step has one.
     */
    private static Optional<String> kindMismatch(StepDefinition s, PortSpec takes, StepDefinition up,
            StepDescriptor upstream, PortSpec produced) {
        if (takes.kind() == produced.kind()) {
            return Optional.empty();
        }
        String fix = upstream.outputs().stream().filter(o -> o.kind() == takes.kind()).findFirst()
                .map(o -> "use '" + up.id() + "." + o.name() + "'")
                .orElse("step '" + up.id() + "' (" + up.type() + ") has no " + takes.kind().jsonName()
                        + " output; connect a step that writes one");
        return Optional.of("step '" + s.id() + "' input '" + takes.name() + "' takes " + article(takes.kind())
                + ", but '" + up.id() + "." + produced.name() + "' is " + article(produced.kind()) + "; " + fix);
    }

    private static String article(PortKind kind) {
        return "a " + kind.jsonName();
    }

    /** Path parameters outside the folders workflows may read or write; checked again at run time. */
    private List<ValidationProblem> pathProblems(SourceDocument doc, String at, StepDescriptor d, StepDefinition s) {
        List<ValidationProblem> out = new ArrayList<>();
        for (ParameterSpec p : d.parameters()) {
            if (p.type().isPath() && s.params().get(p.name()) instanceof String given) {
                FileAccess.Mode mode = p.type() == ParameterType.INPUT_PATH ? FileAccess.Mode.READ : FileAccess.Mode.WRITE;
                files.deployProblem(given, mode).ifPresent(problem -> out.add(doc.problem(
                        at + ".params." + p.name(), "parameter " + p.name() + ": " + problem)));
            }
        }
        return out;
    }

    /** A cycle as a list of step ids (first repeated at the end), if the graph has one. */
    static Optional<List<String>> cycle(WorkflowDefinition def) {
        Map<String, List<String>> upstream = new HashMap<>();
        for (StepDefinition s : def.steps()) {
            upstream.put(s.id(), s.inputs().values().stream().map(InputRef::stepId).toList());
        }
        Map<String, Integer> state = new HashMap<>();
        for (StepDefinition s : def.steps()) {
            Deque<String> path = new ArrayDeque<>();
            Optional<List<String>> c = visit(s.id(), upstream, state, path);
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }

    private static Optional<List<String>> visit(String id, Map<String, List<String>> upstream,
            Map<String, Integer> state, Deque<String> path) {
        Integer st = state.get(id);
        if (st != null && st == 2) {
            return Optional.empty();
        }
        if (st != null && st == 1) {
            List<String> cycle = new ArrayList<>();
            boolean in = false;
            for (String p : path) {
                in |= p.equals(id);
                if (in) {
                    cycle.add(p);
                }
            }
            cycle.add(id);
            return Optional.of(cycle);
        }
        state.put(id, 1);
        path.addLast(id);
        for (String up : upstream.getOrDefault(id, List.of())) {
            if (upstream.containsKey(up)) {
                Optional<List<String>> c = visit(up, upstream, state, path);
                if (c.isPresent()) {
                    return c;
                }
            }
        }
        path.removeLast();
        state.put(id, 2);
        return Optional.empty();
    }

    /**
     * The installed type one edit (insertion, deletion, substitution or swap of neighbours)
     * away from {@code type}, if there is one; the first in the list wins a tie.
     */
    static Optional<String> oneSlipFrom(String type, List<String> installed) {
        return installed.stream().filter(k -> NearestName.distance(type, k) == 1).findFirst();
    }

    /** "; did you mean x?" for a near miss, else empty. */
    static String suggestion(String given, List<String> known) {
        return NearestName.among(given, known).map(best -> "; did you mean '" + best + "'?").orElse("");
    }
}

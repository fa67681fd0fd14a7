package org.assay.engine.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.assay.api.step.PortKind;
import org.assay.api.step.PortSpec;
import org.assay.api.step.ReadMode;
import org.assay.api.step.StepDescriptor;
import org.assay.api.workflow.InputRef;
import org.assay.api.workflow.StepDefinition;
import org.assay.api.workflow.WorkflowDefinition;

/**
 * What a run executes, decided once when it starts: the edges between the steps still to
 * run, which of them stream through a bounded in-memory channel, and the segments (steps
 * joined by streamed edges) that start together. Pure: the same workflow, finished steps
 * and port declarations give the same plan, so any runner can use it.
 *
 * <p>An edge between dataset ports whose consumer reads the input once ({@link ReadMode#ONCE})
 * streams through a channel. One whose consumer may read it several times is spooled, but
 * the consumer still starts with the producer and follows the spool as it grows
 * ({@link Link#TAIL}): its first pass overlaps the producer. Such edges are taken in document
 * order, and one is plainly spooled instead (the consumer starts once the producer's segment
 * ended) when it would close a cycle among the steps of a segment (counting spooled edges
 * as well) or make segments wait for each other in a circle: with bounded channels, such a
 * cycle can leave every step of it waiting for another (a diamond whose join reads one
 * side to its end first is the usual case).
 */
final class RunPlan {

    /** A connection from an output of a producer to an input of a consumer. */
    record Edge(String producer, String output, String consumer, String input) { }

    /** How an edge carries its rows. */
    enum Link {
        /** A bounded in-memory channel; producer and consumer run at once. */
        STREAM,
        /** A spool file the consumer follows while the producer writes it; they run at once. */
        TAIL,
        /** A spool file the consumer reads once the producer's segment ended. */
        SPOOL
    }

    /** Steps (in document order) started together; {@code after} are the segments whose spools they read. */
    record Segment(int index, List<String> steps, Set<Integer> after) { }

    private final WorkflowDefinition workflow;
    private final List<Edge> edges;
    /** Streamed and tailed edges: those that join steps into a segment. */
    private final Set<Edge> streamed;
    private final Set<Edge> tailed;
    private final List<Segment> segments;
    private final Map<String, Integer> segmentOf;

    private RunPlan(WorkflowDefinition workflow, List<Edge> edges, Set<Edge> streamed, Set<Edge> tailed,
            List<Segment> segments, Map<String, Integer> segmentOf) {
        this.workflow = workflow;
        this.edges = edges;
        this.streamed = streamed;
        this.tailed = tailed;
        this.segments = segments;
        this.segmentOf = segmentOf;
    }

    /**
     * The plan for the steps of {@code wf} not in {@code done}. {@code links} says how each
     * edge may carry its rows at best; {@code e -> Link.SPOOL} spools every edge (each step
     * its own segment).
     */
    static RunPlan of(WorkflowDefinition wf, Set<String> done, Function<Edge, Link> links) {
        List<String> order = new ArrayList<>();
        for (StepDefinition s : wf.steps()) {
            if (!done.contains(s.id())) {
                order.add(s.id());
            }
        }
        List<Edge> edges = new ArrayList<>();
        for (StepDefinition s : wf.steps()) {
            if (done.contains(s.id())) {
                continue;
            }
            s.inputs().forEach((port, ref) -> {
                if (!done.contains(ref.stepId())) {
                    edges.add(new Edge(ref.stepId(), ref.port(), s.id(), port));
                }
            });
        }
        Set<Edge> accepted = new LinkedHashSet<>();
        Set<Edge> tailed = new HashSet<>();
        for (Edge e : edges) {
            Link link = links.apply(e);
            if (link != Link.SPOOL) {
                accepted.add(e);
                if (!deadlockFree(order, edges, accepted)) {
                    accepted.remove(e);
                } else if (link == Link.TAIL) {
                    tailed.add(e);
                }
            }
        }
        accepted.removeAll(tailed);
        Set<Edge> joined = new HashSet<>(accepted);
        joined.addAll(tailed);
        Map<String, Integer> segmentOf = new HashMap<>();
        List<Segment> segments = segments(order, edges, joined, segmentOf);
        return new RunPlan(wf, List.copyOf(edges), Set.copyOf(accepted), Set.copyOf(tailed), List.copyOf(segments),
                Map.copyOf(segmentOf));
    }

    /**
     * How each edge may carry its rows, from the port declarations of the installed step
     * types; an edge touching a type not installed when the run starts is spooled.
     */
    static Function<Edge, Link> linksBy(WorkflowDefinition wf, Function<String, Optional<StepDescriptor>> types) {
        Map<String, String> typeOf = new HashMap<>();
        wf.steps().forEach(s -> typeOf.put(s.id(), s.type()));
        return e -> {
            Optional<StepDescriptor> producer = types.apply(typeOf.get(e.producer()));
            Optional<StepDescriptor> consumer = types.apply(typeOf.get(e.consumer()));
            if (producer.isEmpty() || consumer.isEmpty()) {
                return Link.SPOOL;
            }
            Optional<PortSpec> out = producer.get().output(e.output());
            Optional<PortSpec> in = consumer.get().input(e.input());
            if (out.isEmpty() || in.isEmpty() || out.get().kind() != PortKind.DATASET
                    || in.get().kind() != PortKind.DATASET) {
                return Link.SPOOL;
            }
            return in.get().reads() == ReadMode.ONCE ? Link.STREAM : Link.TAIL;
        };
    }

    WorkflowDefinition workflow() {
        return workflow;
    }

    List<Segment> segments() {
        return segments;
    }

    Segment segmentOf(String stepId) {
        return segments.get(segmentOf.get(stepId));
    }

    /** Whether the edge into {@code consumer.input} streams. */
    boolean streams(String consumer, String input) {
        return streamed.stream().anyMatch(e -> e.consumer().equals(consumer) && e.input().equals(input));
    }

    /** The edges out of a step still to run, streamed or spooled. */
    List<Edge> edgesFrom(String producer) {
        return edges.stream().filter(e -> e.producer().equals(producer)).toList();
    }

    /** Outputs of a step that must be spooled: some step still to run reads them through a spool. */
    Set<String> spooledOutputs(String producer) {
        Set<String> out = new HashSet<>();
        for (Edge e : edges) {
            if (e.producer().equals(producer) && !streamed.contains(e)) {
                out.add(e.output());
            }
        }
        return out;
    }

    /** The streamed edges into the steps of a segment. */
    List<Edge> streamedInto(Segment segment) {
        return streamed.stream().filter(e -> segment.steps().contains(e.consumer())).toList();
    }

    /** The tailed edges into the steps of a segment. */
    List<Edge> tailedInto(Segment segment) {
        return tailed.stream().filter(e -> segment.steps().contains(e.consumer())).toList();
    }

    /** Whether the edge into {@code consumer.input} is a spool the consumer follows as it grows. */
    boolean tails(String consumer, String input) {
        return tailed.stream().anyMatch(e -> e.consumer().equals(consumer) && e.input().equals(input));
    }

    /** Streamed edges out of a step's output. */
    List<Edge> streamedFrom(String producer, String output) {
        return streamed.stream().filter(e -> e.producer().equals(producer) && e.output().equals(output)).toList();
    }

    /** Segments not started whose spooled inputs are all committed. */
    List<Segment> ready(Set<Integer> finished, Set<Integer> started) {
        List<Segment> out = new ArrayList<>();
        for (Segment s : segments) {
            if (!started.contains(s.index()) && finished.containsAll(s.after())) {
                out.add(s);
            }
        }
        return out;
    }

    /** The first input (reading step id, reference) that reads a port of {@code stepId} that {@code has} lacks. */
    static Optional<Map.Entry<String, InputRef>> unsuppliedInput(WorkflowDefinition wf, String stepId,
            Predicate<String> has) {
        for (StepDefinition s : wf.steps()) {
            for (InputRef ref : s.inputs().values()) {
                if (ref.stepId().equals(stepId) && !has.test(ref.port())) {
                    return Optional.of(Map.entry(s.id(), ref));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Whether steps joined by {@code streamed} can always make progress: within a segment the
     * edges (streamed or spooled) form no cycle, ignoring direction, and segments do not wait
     * for each other in a circle.
     */
    private static boolean deadlockFree(List<String> order, List<Edge> edges, Set<Edge> streamed) {
        Map<String, Integer> segmentOf = new HashMap<>();
        List<Segment> segments = segments(order, edges, streamed, segmentOf);
        Map<Integer, Integer> edgesIn = new HashMap<>();
        Set<List<String>> pairs = new HashSet<>();
        for (Edge e : edges) {
            int seg = segmentOf.get(e.producer());
            if (seg == segmentOf.get(e.consumer())) {
                // Two edges between the same steps are a cycle too.
                if (!pairs.add(List.of(e.producer(), e.consumer()))) {
                    return false;
                }
                edgesIn.merge(seg, 1, Integer::sum);
            }
        }
        for (Segment s : segments) {
            // A connected graph without cycles is a tree: one edge fewer than nodes.
            if (edgesIn.getOrDefault(s.index(), 0) != s.steps().size() - 1) {
                return false;
            }
        }
        return !segmentsWaitInACircle(segments);
    }

    private static boolean segmentsWaitInACircle(List<Segment> segments) {
        Map<Integer, Integer> state = new HashMap<>();
        for (Segment s : segments) {
            if (circleFrom(s.index(), segments, state)) {
                return true;
            }
        }
        return false;
    }

    /** Depth-first search; state 1 = on the path, 2 = done. */
    private static boolean circleFrom(int seg, List<Segment> segments, Map<Integer, Integer> state) {
        Integer st = state.get(seg);
        if (st != null) {
            return st == 1;
        }
        state.put(seg, 1);
        for (int before : segments.get(seg).after()) {
            if (circleFrom(before, segments, state)) {
                return true;
            }
        }
        state.put(seg, 2);
        return false;
    }

    /** Connected components of {@code streamed}, numbered in document order of their first step. */
    private static List<Segment> segments(List<String> order, List<Edge> edges, Set<Edge> streamed,
            Map<String, Integer> segmentOf) {
        Map<String, String> parent = new HashMap<>();
        order.forEach(id -> parent.put(id, id));
        for (Edge e : streamed) {
            parent.put(root(parent, e.producer()), root(parent, e.consumer()));
        }
        Map<String, List<String>> byRoot = new LinkedHashMap<>();
        for (String id : order) {
            byRoot.computeIfAbsent(root(parent, id), r -> new ArrayList<>()).add(id);
        }
        int i = 0;
        for (List<String> steps : byRoot.values()) {
            for (String id : steps) {
                segmentOf.put(id, i);
            }
            i++;
        }
        List<Set<Integer>> after = new ArrayList<>();
        for (int s = 0; s < byRoot.size(); s++) {
            after.add(new HashSet<>());
        }
        for (Edge e : edges) {
            int from = segmentOf.get(e.producer());
            int to = segmentOf.get(e.consumer());
            if (from != to) {
                after.get(to).add(from);
            }
        }
        List<Segment> out = new ArrayList<>();
        i = 0;
        for (List<String> steps : byRoot.values()) {
            out.add(new Segment(i, List.copyOf(steps), Set.copyOf(after.get(i))));
            i++;
        }
        return out;
    }

    private static String root(Map<String, String> parent, String id) {
        String r = id;
        while (!parent.get(r).equals(r)) {
            r = parent.get(r);
        }
        return r;
    }
}

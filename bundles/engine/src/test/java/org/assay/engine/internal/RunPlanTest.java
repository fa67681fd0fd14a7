package org.assay.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.assay.api.step.PortSpec;
import org.assay.api.step.StepCategory;
import org.assay.api.step.StepDescriptor;
import org.assay.api.workflow.InputRef;
import org.assay.api.workflow.StepDefinition;
import org.assay.api.workflow.WorkflowDefinition;
import org.junit.jupiter.api.Test;

class RunPlanTest {

    /**
     * A workflow from specs like {@code "b<a"} (step b of type "once" reads a.out at "in"),
     * {@code "j<a,b"} (j reads a at "in" and b at "in2"), {@code "m:many<a"} (type "many").
     */
    static WorkflowDefinition workflow(String... specs) {
        List<StepDefinition> steps = new ArrayList<>();
        for (String spec : specs) {
            String[] parts = spec.split("<");
            String[] idType = parts[0].split(":");
            Map<String, InputRef> inputs = new LinkedHashMap<>();
            if (parts.length > 1) {
                String[] from = parts[1].split(",");
                for (int i = 0; i < from.length; i++) {
                    inputs.put(i == 0 ? "in" : "in" + (i + 1), new InputRef(from[i], "out"));
                }
            }
            steps.add(new StepDefinition(idType[0], idType.length > 1 ? idType[1] : "once", Map.of(), inputs));
        }
        return new WorkflowDefinition(1, "wf", null, null, null, steps);
    }

    private static final StepDescriptor ONCE = StepDescriptor.builder("once").category(StepCategory.CLEANER)
            .input(PortSpec.streamed("in", "rows")).input(PortSpec.streamed("in2", "more rows").asOptional())
            .output("out", "rows").build();
    private static final StepDescriptor MANY = StepDescriptor.builder("many").category(StepCategory.CLEANER)
            .input("in", "rows").output("out", "rows").build();

    private static Function<RunPlan.Edge, RunPlan.Link> streamable(WorkflowDefinition wf) {
        return RunPlan.linksBy(wf, type -> switch (type) {
            case "once" -> Optional.of(ONCE);
            case "many" -> Optional.of(MANY);
            default -> Optional.empty();
        });
    }

    private static RunPlan plan(String... specs) {
        WorkflowDefinition wf = workflow(specs);
        return RunPlan.of(wf, Set.of(), streamable(wf));
    }

    private static List<List<String>> segments(RunPlan plan) {
        return plan.segments().stream().map(RunPlan.Segment::steps).toList();
    }

    @Test
    void aChainReadOnceIsOneSegment() {
        RunPlan plan = plan("a", "b<a", "c<b");
        assertEquals(List.of(List.of("a", "b", "c")), segments(plan));
        assertTrue(plan.streams("b", "in"));
        assertEquals(Set.of(), plan.spooledOutputs("a"));
    }

    @Test
    void aStepThatReadsTwiceFollowsItsSpoolInTheSameSegment() {
        RunPlan plan = plan("a", "m:many<a", "c<m");
        assertEquals(List.of(List.of("a", "m", "c")), segments(plan));
        assertTrue(plan.tails("m", "in"));
        assertFalse(plan.streams("m", "in"));
        assertEquals(Set.of("out"), plan.spooledOutputs("a"));
        assertTrue(plan.streams("c", "in"));
    }

    @Test
    void aSpooledEdgeMakesTheReaderWaitForTheProducersSegment() {
        WorkflowDefinition wf = workflow("a", "m:many<a", "c<m");
        RunPlan plan = RunPlan.of(wf, Set.of(), e -> e.consumer().equals("m") ? RunPlan.Link.SPOOL
                : streamable(wf).apply(e));
        assertEquals(List.of(List.of("a"), List.of("m", "c")), segments(plan));
        assertEquals(Set.of(0), plan.segmentOf("m").after());
        assertEquals(List.of(plan.segments().get(0)), plan.ready(Set.of(), Set.of()));
        assertEquals(List.of(plan.segments().get(1)), plan.ready(Set.of(0), Set.of(0)));
    }

    @Test
    void aFanOutToReadersThatReadOnceStreamsToEach() {
        RunPlan plan = plan("a", "b<a", "c<a");
        assertEquals(List.of(List.of("a", "b", "c")), segments(plan));
        assertEquals(2, plan.streamedFrom("a", "out").size());
    }

    @Test
    void aFanOutToAStepThatReadsTwiceStreamsTheRestAndSpoolsForIt() {
        RunPlan plan = plan("a", "b<a", "m:many<a");
        assertEquals(List.of(List.of("a", "b", "m")), segments(plan));
        assertEquals(Set.of("out"), plan.spooledOutputs("a"));
        assertEquals(1, plan.streamedFrom("a", "out").size());
        assertTrue(plan.tails("m", "in"));
    }

    /**
     * A join reading one side to its end first would wait forever for a tee that waits for
     * the other side: the join reads both sides from spools, after the fan-out.
     */
    @Test
    void aDiamondJoinsFromSpools() {
        RunPlan plan = plan("a", "b<a", "c<a", "j<b,c");
        assertEquals(List.of(List.of("a", "b", "c"), List.of("j")), segments(plan));
        assertFalse(plan.streams("j", "in"));
        assertFalse(plan.streams("j", "in2"));
        assertEquals(Set.of("out"), plan.spooledOutputs("b"));
        assertNoSegmentWaitsForItself(plan);
    }

    @Test
    void twoEdgesBetweenTheSameStepsAreSpooled() {
        RunPlan plan = plan("a", "j<a,a");
        assertFalse(plan.streams("j", "in"));
        assertFalse(plan.streams("j", "in2"));
        assertEquals(2, plan.segments().size());
        assertNoSegmentWaitsForItself(plan);
    }

    @Test
    void aSpooledEdgeInsideWhatWouldBeOneSegmentSplitsIt() {
        // a -> m (spooled, m reads twice) -> j, and a -> j streamed: j would wait for m while a waits for j.
        RunPlan plan = plan("a", "m:many<a", "j<a,m");
        assertEquals(List.of(List.of("a", "m"), List.of("j")), segments(plan));
        assertNoSegmentWaitsForItself(plan);
    }

    @Test
    void stepTypesNotInstalledAndFinishedStepsAreNotStreamed() {
        WorkflowDefinition wf = workflow("a", "x:unknown<a", "c<x");
        RunPlan plan = RunPlan.of(wf, Set.of(), streamable(wf));
        assertEquals(3, plan.segments().size());
        WorkflowDefinition chain = workflow("a", "b<a", "c<b");
        RunPlan resumed = RunPlan.of(chain, Set.of("a"), streamable(chain));
        assertEquals(List.of(List.of("b", "c")), segments(resumed));
        assertEquals(Set.of(), resumed.segmentOf("b").after(), "a finished before the restart");
    }

    @Test
    void withStreamingOffEachStepIsASegment() {
        WorkflowDefinition wf = workflow("a", "b<a", "c<b");
        assertEquals(List.of(List.of("a"), List.of("b"), List.of("c")), segments(RunPlan.of(wf, Set.of(), e -> RunPlan.Link.SPOOL)));
    }

    private static void assertNoSegmentWaitsForItself(RunPlan plan) {
        for (RunPlan.Segment s : plan.segments()) {
            assertFalse(s.after().contains(s.index()), () -> "segment " + s + " waits for itself");
            for (String id : s.steps()) {
                for (RunPlan.Edge e : plan.edgesFrom(id)) {
                    if (s.steps().contains(e.consumer())) {
                        assertTrue(plan.streams(e.consumer(), e.input()) || plan.tails(e.consumer(), e.input()),
                                () -> "spooled edge inside " + s + ": " + e);
                    }
                }
            }
        }
    }
}

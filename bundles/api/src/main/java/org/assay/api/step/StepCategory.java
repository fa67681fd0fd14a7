package org.assay.api.step;

/** The families of steps, in the order a workflow usually uses them. */
public enum StepCategory {
    CONNECTOR, CLEANER, TRANSFORM, MINER, VISUALIZER, PRIVACY, SINK;

    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

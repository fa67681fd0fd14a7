package org.assay.engine.internal;

import java.time.Duration;

/**
 * What one workflow may cost, checked at deploy time. Each limit names the key of
 * etc/org.assay.engine.cfg that raises it, so a refusal can say how to lift it.
 *
 * @param maxWorkflowBytes    largest workflow document, checked before it is parsed
 * @param maxSteps            most steps in one workflow
 * @param minScheduleInterval shortest gap between two firings of a schedule
 */
record ResourceLimits(long maxWorkflowBytes, int maxSteps, Duration minScheduleInterval) {

    static final String MAX_FILE_KEY = "maxWorkflowFileKib";
    static final String MAX_STEPS_KEY = "maxStepsPerWorkflow";
    static final String MIN_INTERVAL_KEY = "minScheduleIntervalSeconds";

    /** The defaults of {@link EngineConfig}, for tests and callers without a configuration. */
    static final ResourceLimits DEFAULTS = new ResourceLimits(1024 * 1024, 500, Duration.ofSeconds(60));

    static ResourceLimits from(EngineConfig c) {
        return new ResourceLimits(Math.max(1, c.maxWorkflowFileKib()) * 1024L, Math.max(1, c.maxStepsPerWorkflow()),
                Duration.ofSeconds(Math.max(0, c.minScheduleIntervalSeconds())));
    }

    /** "the limit is 1024 KiB (maxWorkflowFileKib in etc/org.assay.engine.cfg)". */
    static String limitText(String limit, String key) {
        return "the limit is " + limit + " (" + key + " in etc/org.assay.engine.cfg)";
    }

    String fileSizeText() {
        return limitText(maxWorkflowBytes / 1024 + " KiB", MAX_FILE_KEY);
    }
}

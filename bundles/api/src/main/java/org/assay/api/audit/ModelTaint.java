package org.assay.api.audit;

import java.util.Map;
import java.util.Optional;

/**
 * A stored model trained on rows that were later erased (a GDPR subject erasure) is
 * <em>tainted</em>: what it learnt from the subject cannot be taken out of it, so it must not be
 * used again. The erasure writes the keys below into the model version's metadata; every place
 * that loads or promotes a stored model asks {@link #refusal} first and refuses a tainted one
 * with that message. The one wording and the one rule live here, so a model store, a scoring
 * step and a REST download all say the same.
 */
public final class ModelTaint {

    /** Metadata key: {@code true} when the version is tainted. */
    public static final String TAINTED = "tainted";
    /** Metadata key: when it was marked (an ISO-8601 instant). */
    public static final String AT = "tainted.at";
    /** Metadata key: why, e.g. {@code trained by run R on rows of data subject sha256:..., erased ...}. */
    public static final String REASON = "tainted.reason";

    private ModelTaint() {
    }

    /** Whether the metadata of a stored model version marks it tainted. */
    public static boolean isTainted(Map<String, String> metadata) {
        return metadata != null && "true".equalsIgnoreCase(metadata.getOrDefault(TAINTED, "").trim());
    }

    /**
     * The message that refuses a tainted model version, naming it, why and the fix; empty when
     * the version is not tainted.
     *
     * @param name     the model's name in the store
     * @param version  its version number
     * @param metadata its metadata
     */
    public static Optional<String> refusal(String name, int version, Map<String, String> metadata) {
        if (!isTainted(metadata)) {
            return Optional.empty();
        }
        String reason = metadata.getOrDefault(REASON, "").isBlank() ? "it was trained on rows that were erased"
                : metadata.get(REASON);
        String run = metadata.getOrDefault("run", "");
        return Optional.of("model " + name + " v" + version + " is tainted (" + reason + ") and must not be used."
                + " Retrain it without the erased rows: re-run the workflow that trained it"
                + (run.isBlank() ? "" : " (run " + run + ")")
                + " with assay:run, or erase with assay:subject-erase --rerun, which starts that run; the new version"
                + " becomes champion in place of a tainted one. Then score the champion or name the new version.");
    }
}

package org.assay.api.audit;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Where the data of a run came from, as far as the rules on personal data go: the purpose its
 * workflow declared and the consent basis (which step filtered for consent, from what). A model
 * store asks it when it stores a model trained by a run, so the model says what its data may be
 * used for. The governance bundle provides it; a store must work without it (optional reference).
 */
@ProviderType
public interface DataProvenance {

    /** Metadata key: the purposes the data may be used for, comma-separated; {@code none declared} when none. */
    String PURPOSES = "data.purposes";
    /** Metadata key: how consent was established, e.g. {@code consent-filter 'consent' on column consent}. */
    String CONSENT_BASIS = "data.consentBasis";

    /**
     * The provenance of a run's data as metadata ({@link #PURPOSES}, {@link #CONSENT_BASIS}).
     *
     * @return empty for an unknown run
     */
    Map<String, String> ofRun(String runId);
}

package org.assay.rest.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.assay.api.model.ModelStore;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The model store service (org.assay.api.model.ModelStore, provided by assay-miners), as an
 * optional dynamic reference: the API runs without the miners feature and answers the model
 * endpoints with 503 until a store comes.
 */
@Component(service = ModelStoreAccess.class)
public final class ModelStoreAccess {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ModelStore store;

    public ModelStoreAccess() {
    }

    /** For tests: a given store, or none. */
    ModelStoreAccess(ModelStore store) {
        this.store = store;
    }

    List<String> names() throws IOException {
        return store().names();
    }

    List<ModelStore.Version> versions(String name) throws IOException {
        return store().versions(name);
    }

    Optional<ModelStore.Version> version(String name, int version) throws IOException {
        return store().version(name, version);
    }

    ModelStore.Version promote(String name, int version, String principal) throws IOException {
        return store().promote(name, version, principal);
    }

    ModelStore.Version rollback(String name, String principal) throws IOException {
        return store().rollback(name, principal);
    }

    private ModelStore store() {
        ModelStore s = store;
        if (s == null) {
            throw new ApiProblem(503, "model-store-unavailable", "Model store unavailable",
                    "no model store is running; install the feature assay-miners");
        }
        return s;
    }
}

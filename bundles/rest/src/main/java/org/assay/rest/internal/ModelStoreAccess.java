package org.assay.rest.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The model store of assay-miners, reached through its service. Its interface lives in the
 * miners bundle's private package (org.assay.miners.internal.ModelStore), which no other
 * bundle can import, so the few calls the API needs are made by name on the service object;
 * once miners exports the interface this becomes a plain {@code @Reference}.
 */
@Component(service = ModelStoreAccess.class)
public final class ModelStoreAccess {

    static final String SERVICE = "org.assay.miners.internal.ModelStore";

    /** A stored model version, as the API shows it. */
    record Version(String name, int version, Instant created, boolean champion, Map<String, String> metadata) {
    }

    private final BundleContext context;

    @Activate
    public ModelStoreAccess(BundleContext context) {
        this.context = context;
    }

    /** For tests: no store. */
    ModelStoreAccess() {
        this.context = null;
    }

    List<String> names() {
        @SuppressWarnings("unchecked")
        List<String> names = (List<String>) call("names", new Class<?>[0]);
        return names;
    }

    List<Version> versions(String name) {
        return ((List<?>) call("versions", new Class<?>[] {String.class}, name)).stream().map(ModelStoreAccess::version)
                .toList();
    }

    Optional<Version> version(String name, int version) {
        return ((Optional<?>) call("version", new Class<?>[] {String.class, int.class}, name, version))
                .map(ModelStoreAccess::version);
    }

    Version promote(String name, int version) {
        return version(call("promote", new Class<?>[] {String.class, int.class}, name, version));
    }

    Version rollback(String name) {
        return version(call("rollback", new Class<?>[] {String.class}, name));
    }

    private Object call(String method, Class<?>[] types, Object... args) {
        ServiceReference<?> ref = context == null ? null : context.getServiceReference(SERVICE);
        Object store = ref == null ? null : context.getService(ref);
        if (store == null) {
            throw new ApiProblem(503, "model-store-unavailable", "Model store unavailable",
                    "no model store is running; install the feature assay-miners");
        }
        try {
            Method m = store.getClass().getMethod(method, types);
            return m.invoke(store, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException || cause instanceof IllegalStateException) {
                // The store's own words: "no version 9 of churn", "no earlier champion".
                throw (RuntimeException) cause;
            }
            throw new RuntimeException("the model store failed", cause);
        } catch (ReflectiveOperationException e) {
            throw new ApiProblem(503, "model-store-unavailable", "Model store unavailable",
                    "the installed model store does not offer " + method + "; update assay-miners");
        } finally {
            context.ungetService(ref);
        }
    }

    @SuppressWarnings("unchecked")
    private static Version version(Object v) {
        try {
            Class<?> c = v.getClass();
            return new Version((String) c.getMethod("name").invoke(v), (Integer) c.getMethod("version").invoke(v),
                    (Instant) c.getMethod("created").invoke(v), (Boolean) c.getMethod("champion").invoke(v),
                    (Map<String, String>) c.getMethod("metadata").invoke(v));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the model store's versions changed shape; update assay-rest", e);
        }
    }
}

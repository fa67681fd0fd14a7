package org.assay.sequences.internal;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The model store service found by its interface name and called by method name: the interface
 * is moving from the miners bundle's private package to the api bundle
 * ({@code org.assay.api.model.ModelStore}), and this bundle should need neither. Both names are
 * tried, the api one first. Once the api's interface is released this becomes a typed call.
 */
final class ServiceModelStore implements HmmModelStore {

    static final List<String> SERVICES = List.of("org.assay.api.model.ModelStore",
            "org.assay.miners.internal.ModelStore");

    private final BundleContext context;

    ServiceModelStore(BundleContext context) {
        this.context = context;
    }

    @Override
    public String save(String name, byte[] content, Map<String, String> metadata, boolean promote)
            throws IOException {
        for (String service : SERVICES) {
            ServiceReference<?>[] refs;
            try {
                refs = context.getAllServiceReferences(service, null);
            } catch (InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            }
            if (refs == null || refs.length == 0) {
                continue;
            }
            Object store = context.getService(refs[0]);
            if (store == null) {
                continue;
            }
            try {
                Object version = call(store, "save", new Class<?>[] {String.class, byte[].class, Map.class}, name,
                        content, metadata);
                int number = (Integer) version.getClass().getMethod("version").invoke(version);
                if (promote) {
                    call(store, "promote", new Class<?>[] {String.class, int.class}, name, number);
                }
                return (String) version.getClass().getMethod("label").invoke(version);
            } catch (ReflectiveOperationException e) {
                throw new IOException("the model store (" + service + ") does not offer save/promote as expected;"
                        + " update assay-sequences or assay-miners", e);
            } finally {
                context.ungetService(refs[0]);
            }
        }
        return HmmModelStore.NONE.save(name, content, metadata, promote);
    }

    private static Object call(Object store, String method, Class<?>[] types, Object... args)
            throws ReflectiveOperationException, IOException {
        Method m = findPublic(store.getClass(), method, types);
        try {
            return m.invoke(store, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** The method as declared by a public interface of the class, so it can be invoked from here. */
    private static Method findPublic(Class<?> type, String name, Class<?>[] types) throws NoSuchMethodException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                try {
                    return i.getMethod(name, types);
                } catch (NoSuchMethodException e) {
                    // try the next interface
                }
            }
        }
        return type.getMethod(name, types);
    }
}

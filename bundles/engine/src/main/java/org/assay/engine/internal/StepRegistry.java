package org.assay.engine.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assay.api.step.StepType;
import org.assay.engine.StepCatalog;
import org.assay.engine.StepTypeInfo;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks step type services as they come and go (whiteboard). When several bundles
 * provide the same type id, the highest bundle version wins.
 */
@Component(service = {StepCatalog.class, StepRegistry.class})
public final class StepRegistry implements StepCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(StepRegistry.class);

    /** Told about every change; called on the thread that registers or unregisters. */
    interface Listener {
        void added(RegisteredStep step);

        void removed(RegisteredStep step);
    }

    private final Map<Long, RegisteredStep> byService = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    @Reference(service = StepType.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindStepType(StepType type, ServiceReference<StepType> ref) {
        Bundle b = ref.getBundle();
        long serviceId = (Long) ref.getProperty(Constants.SERVICE_ID);
        String provider = b == null ? "unknown" : b.getSymbolicName() + " " + b.getVersion();
        Optional<String> mismatch = propertyMismatch(ref.getProperty(StepType.TYPE_PROPERTY), type);
        if (mismatch.isPresent()) {
            LOG.error("Ignoring a step type from {}: {}", provider, mismatch.get());
            return;
        }
        add(type, b == null ? "unknown" : b.getSymbolicName(), b == null ? "0.0.0" : b.getVersion().toString(),
                b == null ? -1 : b.getBundleId(), serviceId);
    }

    /**
     * Why a step type's {@code assay.step.type} service property and its descriptor disagree, if
     * they do: filters on the property would find another type than the engine runs.
     */
    static Optional<String> propertyMismatch(Object property, StepType type) {
        if (property == null) {
            return Optional.empty();
        }
        String typeId;
        try {
            typeId = type.descriptor().typeId();
        } catch (RuntimeException e) {
            return Optional.empty(); // add() reports the broken descriptor
        }
        return property.toString().equals(typeId) ? Optional.empty() : Optional.of("its service property "
                + StepType.TYPE_PROPERTY + "=" + property + " says another type than its descriptor (" + typeId
                + "); use @AssayStepType(\"" + typeId + "\") and let the descriptor take the id from it");
    }

    void unbindStepType(StepType type, ServiceReference<StepType> ref) {
        remove((Long) ref.getProperty(Constants.SERVICE_ID));
    }

    /** Registers a provider. Public to the engine's own tests, which run without OSGi. */
    void add(StepType type, String bundleName, String bundleVersion, long bundleId, long serviceId) {
        RegisteredStep step;
        try {
            step = new RegisteredStep(type, new StepTypeInfo(type.descriptor(), bundleName, bundleVersion, bundleId),
                    serviceId);
        } catch (RuntimeException e) {
            LOG.error("Ignoring a step type from {} {}: its descriptor is broken: {}", bundleName, bundleVersion,
                    e.getMessage());
            return;
        }
        byService.put(serviceId, step);
        LOG.info("Step type {} available from {}", step.typeId(), step.provider());
        listeners.forEach(l -> l.added(step));
    }

    void remove(long serviceId) {
        RegisteredStep step = byService.remove(serviceId);
        if (step != null) {
            LOG.info("Step type {} from {} went away", step.typeId(), step.provider());
            listeners.forEach(l -> l.removed(step));
        }
    }

    void addListener(Listener l) {
        listeners.add(l);
    }

    void removeListener(Listener l) {
        listeners.remove(l);
    }

    /** The provider a new run of this type should use, if any. */
    Optional<RegisteredStep> provider(String typeId) {
        return byService.values().stream()
                .filter(s -> s.typeId().equals(typeId))
                .max(Comparator.comparing((RegisteredStep s) -> new VersionOrder(s.info().bundleVersion()))
                        .thenComparingLong(RegisteredStep::serviceId));
    }

    /** The registrations present now: when this changes, what a validation said may change. */
    Set<Long> serviceIds() {
        return Set.copyOf(byService.keySet());
    }

    /** Whether the given service registration is still present. */
    boolean isRegistered(long serviceId) {
        return byService.containsKey(serviceId);
    }

    @Override
    public List<StepTypeInfo> list() {
        List<StepTypeInfo> all = new ArrayList<>();
        byService.values().stream().map(RegisteredStep::typeId).distinct()
                .forEach(id -> provider(id).ifPresent(s -> all.add(s.info())));
        all.sort(Comparator.comparing((StepTypeInfo i) -> i.descriptor().category())
                .thenComparing(StepTypeInfo::typeId));
        return all;
    }

    @Override
    public Optional<StepTypeInfo> get(String typeId) {
        return provider(typeId).map(RegisteredStep::info);
    }

    @Override
    public String workflowJsonSchema() {
        return WorkflowSchema.generate(list().stream().map(StepTypeInfo::descriptor).toList()).toPrettyString();
    }

    /** Orders OSGi versions numerically (1.10.0 after 1.9.0); the qualifier breaks ties. */
    private record VersionOrder(String text) implements Comparable<VersionOrder> {
        @Override
        public int compareTo(VersionOrder o) {
            String[] a = text.split("\\.", 4);
            String[] b = o.text.split("\\.", 4);
            for (int i = 0; i < 3; i++) {
                int c = Long.compare(num(a, i), num(b, i));
                if (c != 0) {
                    return c;
                }
            }
            return (a.length > 3 ? a[3] : "").compareTo(b.length > 3 ? b[3] : "");
        }

        private static long num(String[] parts, int i) {
            try {
                return i < parts.length ? Long.parseLong(parts[i]) : 0;
            } catch (NumberFormatException e) {
                return 0;
            }
        }
    }
}

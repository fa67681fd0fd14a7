package org.assay.miners.internal.shell;

import java.io.IOException;
import java.util.Locale;
import org.assay.api.model.ModelStore;

/** What the model commands share: version arguments and figures. */
final class ModelCommands {

    private ModelCommands() {
    }

    /** "3" or "v3" as a number. */
    static int number(String version) {
        try {
            return Integer.parseInt(version.strip().replaceFirst("^[vV]", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + version + "' is not a version number; give e.g. 3 or v3");
        }
    }

    /** The version named, or the champion when {@code version} is null. */
    static ModelStore.Version version(ModelStore store, String name, String version) throws IOException {
        if (store.versions(name).isEmpty()) {
            throw new IllegalArgumentException("no model '" + name + "' in the store; models: " + store.names());
        }
        if (version == null) {
            return store.champion(name).orElseThrow(() -> new IllegalArgumentException("model " + name + " has no"
                    + " champion; give a version, see assay:model-list " + name));
        }
        int n = number(version);
        return store.version(name, n).orElseThrow(() -> new IllegalArgumentException("model " + name
                + " has no version " + n + "; see assay:model-list " + name));
    }

    static String figure(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
    }
}

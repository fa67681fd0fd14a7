package org.assay.miners.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Versioned models by name: each save is a new version {@code v1, v2, ...} with its metadata
 * (workflow, run, metrics, training schema, content hash, Weka version); one version per name
 * is the champion that scoring by name uses. Promotions are remembered so a rollback returns
 * to the previous champion. Thread-safe.
 *
 * <p>A service of this bundle for now; the engine should later offer model storage beside
 * run storage (same data folder, same retention and the run id it already knows), and this
 * interface is the shape that service needs.
 */
public interface ModelStore {

    Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches() && !name.contains("..");
    }

    /** One stored version. {@code metadata} keys: see {@link FileModelStore}. */
    record Version(String name, int version, Instant created, boolean champion, Map<String, String> metadata) {

        /** A headline metric recorded with the version, or NaN. */
        public double metric(String metric) {
            String v = metadata.get("metric." + metric);
            try {
                return v == null ? Double.NaN : Double.parseDouble(v);
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }

        public String label() {
            return name + " v" + version;
        }
    }

    /** Stores a new version (not champion); returns it. */
    Version save(String name, byte[] content, Map<String, String> metadata) throws IOException;

    /** Model names, sorted. */
    List<String> names() throws IOException;

    /** Versions of a name, oldest first; empty for an unknown name. */
    List<Version> versions(String name) throws IOException;

    Optional<Version> version(String name, int version) throws IOException;

    Optional<Version> champion(String name) throws IOException;

    /** Makes the version champion. @throws IllegalArgumentException when it does not exist */
    Version promote(String name, int version) throws IOException;

    /**
     * Makes the champion before the current one champion again.
     *
     * @throws IllegalStateException when there is no earlier champion
     */
    Version rollback(String name) throws IOException;

    /** Opens a version's content; the caller closes it. */
    InputStream open(String name, int version) throws IOException;
}

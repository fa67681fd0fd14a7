package org.assay.api.model;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Versioned models by name: each save is a new version {@code v1, v2, ...} with its metadata
 * (workflow, run, metrics, training schema, content hash, Weka version); one version per name
 * is the champion that scoring by name uses. Promotions are remembered so a rollback returns
 * to the previous champion. A service the platform provides (the miners bundle today), for
 * the steps that train and score, the shell, REST and governance. Thread-safe.
 *
 * <p>Metadata keys every version has: {@code name}, {@code version}, {@code created} (ISO-8601),
 * {@code sha256} (of the content). A promotion or rollback adds {@code promotedBy},
 * {@code promotedAt} and {@code promotedHow} ({@code promote} or {@code rollback}) to the
 * version that became champion, and {@code demotedBy}/{@code demotedAt} to the one a rollback
 * took down.
 */
@ProviderType
public interface ModelStore {

    /** The model name rule: nothing else is ever used as a folder name. */
    Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    /** The principal of changes nobody logged in made (a workflow's champion-challenger step). */
    String SYSTEM = "system";

    /** Whether a name follows {@link #NAME} (and has no "..").  */
    static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches() && !name.contains("..");
    }

    /**
     * One stored version.
     *
     * @param metadata what was recorded with it (see the interface's keys), unmodifiable
     */
    record Version(String name, int version, Instant created, boolean champion, Map<String, String> metadata) {

        /** A headline metric recorded with the version ({@code metric.<name>}), or NaN. */
        public double metric(String metric) {
            String v = metadata.get("metric." + metric);
            try {
                return v == null ? Double.NaN : Double.parseDouble(v);
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }

        /** "churn v3". */
        public String label() {
            return name + " v" + version;
        }
    }

    /** Stores a new version (not champion); returns it. @throws IllegalArgumentException for a bad name */
    Version save(String name, byte[] content, Map<String, String> metadata) throws IOException;

    /** Model names, sorted. */
    List<String> names() throws IOException;

    /** Versions of a name, oldest first; empty for an unknown name. @throws IllegalArgumentException for a bad name */
    List<Version> versions(String name) throws IOException;

    Optional<Version> version(String name, int version) throws IOException;

    Optional<Version> champion(String name) throws IOException;

    /** Promotes on behalf of {@value #SYSTEM}; see {@link #promote(String, int, String)}. */
    default Version promote(String name, int version) throws IOException {
        return promote(name, version, SYSTEM);
    }

    /**
     * Makes the version champion, recording who did it in the version's metadata and in the
     * audit log when there is one.
     *
     * @param principal a Karaf user name; null or blank means {@value #SYSTEM}
     * @throws IllegalArgumentException when the version does not exist
     */
    Version promote(String name, int version, String principal) throws IOException;

    /** Rolls back on behalf of {@value #SYSTEM}; see {@link #rollback(String, String)}. */
    default Version rollback(String name) throws IOException {
        return rollback(name, SYSTEM);
    }

    /**
     * Makes the champion before the current one champion again, recording who did it as
     * {@link #promote(String, int, String)} does.
     *
     * @param principal a Karaf user name; null or blank means {@value #SYSTEM}
     * @throws IllegalStateException when there is no earlier champion
     */
    Version rollback(String name, String principal) throws IOException;

    /** Opens a version's content, checking its sha256; the caller closes it. */
    InputStream open(String name, int version) throws IOException;
}

package org.assay.secrets;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads the value of a named secret, the one set with {@code assay:secret-set NAME}. The secrets
 * bundle provides it as a service; a step type references it and asks when a run needs the
 * secret, never at deploy. Every read is written to the audit log (when one is installed) as
 * action {@code secret}, change {@code read}, with the name and who read it for what, never the
 * value. Thread-safe.
 */
@ProviderType
@FunctionalInterface
public interface SecretReader {

    /** Secret names: lower-case letters, digits and _, starting with a letter; never a Karaf file name. */
    Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    /** Whether {@code name} is a secret name (a workflow parameter can be checked at deploy). */
    static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /**
     * The secret's value as stored (UTF-8 bytes, trailing line breaks removed). The caller owns
     * the array and should zero it when done; it must never log, report or return the value.
     *
     * @param name   the secret's name
     * @param usedBy who reads it and for what, for the audit, e.g. {@code run 42, step pseudo
     *               (pseudonymize)}; never a value
     * @return empty when the secret is not set
     * @throws IllegalArgumentException when {@code name} is not a secret name
     * @throws IOException              when the secret is set but cannot be read
     */
    Optional<byte[]> read(String name, String usedBy) throws IOException;
}

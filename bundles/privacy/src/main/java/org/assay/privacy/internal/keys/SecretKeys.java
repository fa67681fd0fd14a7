package org.assay.privacy.internal.keys;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.assay.api.step.StepFailure;
import org.assay.secrets.SecretReader;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Keys for the privacy steps, from the named secrets that {@code assay:secret-set} keeps, read
 * through the secrets bundle's {@link SecretReader} (which audits every read). A workflow names
 * the secret, never holds the key; keys are never logged, put in reports or in messages. Each use
 * gets its own key derived from the secret with HMAC-SHA-256 over a purpose label, so one secret
 * used for pseudonyms and for encryption yields unrelated keys. Thread-safe (stateless).
 */
@Component(service = SecretKeys.class)
public final class SecretKeys {

    /** A secret shorter than this is too easy to guess for a keyed pseudonym. */
    static final int MIN_SECRET_BYTES = 16;

    private final SecretReader secrets;

    @Activate
    public SecretKeys(@Reference SecretReader secrets) {
        this.secrets = secrets;
    }

    /** Whether {@code name} is a secret name (checked at deploy). */
    public static boolean validName(String name) {
        return SecretReader.validName(name);
    }

    /**
     * The 32-byte key for {@code purpose} derived from secret {@code name}.
     *
     * @param usedBy for the audit of the read: the run and step, e.g. {@code run 42, step p}
     * @throws StepFailure naming the secret, the step's parameter and the command that sets it,
     *                     when the secret is missing, unreadable or too short
     */
    public byte[] derive(String name, String purpose, String step, String parameter, String usedBy)
            throws StepFailure {
        return derive(name, List.of(purpose), step, parameter, usedBy)[0];
    }

    /** One key per purpose from one read of the secret (one audit entry); see {@link #derive(String, String, String, String, String)}. */
    public byte[][] derive(String name, List<String> purposes, String step, String parameter, String usedBy)
            throws StepFailure {
        byte[] secret = read(name, step, parameter, usedBy);
        try {
            byte[][] keys = new byte[purposes.size()][];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = hmac(secret, purposes.get(i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return keys;
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    private byte[] read(String name, String step, String parameter, String usedBy) throws StepFailure {
        String fix = "set it with assay:secret-set " + name + " (admin role; give it at least " + MIN_SECRET_BYTES
                + " random characters), then run again";
        if (!validName(name)) {
            throw new StepFailure(step + ": parameter " + parameter + ": '" + name + "' is not a secret name; use the "
                    + "name given to assay:secret-set (lower-case letters, digits and _)");
        }
        Optional<byte[]> value;
        try {
            value = secrets.read(name, usedBy + " (" + step + " " + parameter + ")");
        } catch (IOException e) {
            throw new StepFailure(step + ": the secret '" + name + "' cannot be read (" + e.getClass().getSimpleName()
                    + "); check that Karaf's user owns etc/" + name);
        }
        if (value.isEmpty()) {
            throw new StepFailure(step + ": the secret '" + name + "' named by parameter " + parameter
                    + " is not set: " + fix);
        }
        byte[] secret = value.get();
        if (secret.length < MIN_SECRET_BYTES) {
            Arrays.fill(secret, (byte) 0);
            throw new StepFailure(step + ": the secret '" + name + "' is shorter than " + MIN_SECRET_BYTES
                    + " bytes, too short for a key: " + fix);
        }
        return secret;
    }

    /** HMAC-SHA-256 of {@code data} under {@code key}. */
    public static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no HmacSHA256", e);
        }
    }
}

package org.assay.privacy.internal.keys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.assay.api.step.StepFailure;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Keys for the privacy steps, read from the named secrets that {@code assay:secret-set} keeps
 * (the secret {@code NAME} is the owner-only file {@code etc/NAME}, as in bundles/secrets). A
 * workflow names the secret, never holds the key; keys are never logged, put in reports or in
 * messages. Each use gets its own key derived from the secret with HMAC-SHA-256 over a purpose
 * label, so one secret used for pseudonyms and for encryption yields unrelated keys.
 * Thread-safe (stateless).
 */
@Component(service = SecretKeys.class)
public final class SecretKeys {

    /** The secret names bundles/secrets accepts. */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    /** A secret shorter than this is too easy to guess for a keyed pseudonym. */
    static final int MIN_SECRET_BYTES = 16;

    private final Path etc;

    @Activate
    public SecretKeys() {
        this(Path.of(System.getProperty("karaf.etc", "etc")));
    }

    public SecretKeys(Path etc) {
        this.etc = etc;
    }

    /** Whether {@code name} is a secret name (checked at deploy). */
    public static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /**
     * The 32-byte key for {@code purpose} derived from secret {@code name}.
     *
     * @throws StepFailure naming the secret, the step's parameter and the command that sets it,
     *                     when the secret is missing, unreadable or too short
     */
    public byte[] derive(String name, String purpose, String step, String parameter) throws StepFailure {
        byte[] secret = read(name, step, parameter);
        try {
            return hmac(secret, purpose.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    private byte[] read(String name, String step, String parameter) throws StepFailure {
        String fix = "set it with assay:secret-set " + name + " (admin role; give it at least " + MIN_SECRET_BYTES
                + " random characters), then run again";
        if (!validName(name)) {
            throw new StepFailure(step + ": parameter " + parameter + ": '" + name + "' is not a secret name; use the "
                    + "name given to assay:secret-set (lower-case letters, digits and _)");
        }
        Path file = etc.resolve(name);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new StepFailure(step + ": the secret '" + name + "' named by parameter " + parameter
                    + " is not set: " + fix);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new StepFailure(step + ": the secret '" + name + "' cannot be read (" + e.getClass().getSimpleName()
                    + "); check that Karaf's user owns etc/" + name);
        }
        int end = bytes.length;
        while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) {
            end--;
        }
        byte[] secret = Arrays.copyOf(bytes, end);
        Arrays.fill(bytes, (byte) 0);
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

package org.assay.privacy.internal.keys;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for single values. A value encrypts to
 * {@code enc1:<secret name>:<key fingerprint>:<base64url(nonce | ciphertext | tag)>}: the
 * header names the key so a decrypt during a key rotation picks the right one, and the
 * fingerprint (4 bytes of an HMAC of the secret, no use to an attacker) tells a secret that
 * was changed under the same name from a damaged value. The header is the GCM associated
 * data, so it cannot be swapped. Each value gets a fresh random 96-bit nonce, so equal values
 * encrypt differently; keep to fewer than 2^32 values per key (NIST SP 800-38D) by rotating.
 * Not thread-safe: one per step run.
 */
public final class ColumnCipher {

    /** The label the AES key is derived under. */
    public static final String PURPOSE = "assay encrypt aes-256-gcm v1";
    private static final String FINGERPRINT = "assay key fingerprint v1";
    private static final String VERSION = "enc1";
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    /** Why a value did not decrypt; the message never quotes the value. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private record Key(SecretKeySpec aes, String fingerprint) { }

    private final Cipher cipher;
    private final SecureRandom random;
    private final Map<String, Key> keys = new LinkedHashMap<>();
    private final String current;

    /**
     * @param derived secret name to its secret's keys as {@link SecretKeys#derive} gives them for
     *                {@link #PURPOSE} and for the fingerprint; the first entry encrypts
     */
    private ColumnCipher(Map<String, byte[][]> derived, SecureRandom random) {
        try {
            cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no AES/GCM", e);
        }
        this.random = random;
        derived.forEach((name, k) -> keys.put(name, new Key(new SecretKeySpec(k[0], "AES"),
                HexFormat.of().formatHex(k[1], 0, 4))));
        current = derived.keySet().iterator().next();
    }

    /** Reads the secrets through {@code keys}: {@code names}' first is the current key, the rest previous ones. */
    public static ColumnCipher open(SecretKeys keys, Iterable<String> names, String step, String parameter,
            String usedBy) throws org.assay.api.step.StepFailure {
        Map<String, byte[][]> derived = new LinkedHashMap<>();
        for (String name : names) {
            derived.put(name, keys.derive(name, java.util.List.of(PURPOSE, FINGERPRINT), step, parameter, usedBy));
        }
        return new ColumnCipher(derived, new SecureRandom());
    }

    public String encrypt(String value) {
        Key key = keys.get(current);
        String header = VERSION + ":" + current + ":" + key.fingerprint();
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key.aes(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(header.getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
            byte[] all = ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array();
            return header + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(all);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed: " + e.getClass().getSimpleName(), e);
        }
    }

    public String decrypt(String text) throws Refused {
        String[] parts = text.split(":", -1);
        if (parts.length != 4 || !VERSION.equals(parts[0])) {
            throw new Refused("is not a value written by encrypt (enc1:key:fingerprint:data)");
        }
        Key key = keys.get(parts[1]);
        if (key == null) {
            throw new Refused("was encrypted with the secret '" + parts[1] + "', which is neither key nor one of "
                    + "previousKeys; add it to previousKeys");
        }
        if (!key.fingerprint().equals(parts[2])) {
            throw new Refused("was encrypted with an earlier value of the secret '" + parts[1] + "': that secret was "
                    + "changed in place; restore its old value (rotate by setting a new secret name instead)");
        }
        byte[] all;
        try {
            all = Base64.getUrlDecoder().decode(parts[3]);
        } catch (IllegalArgumentException e) {
            throw new Refused("is damaged (its data is not base64)");
        }
        if (all.length < NONCE + TAG_BITS / 8) {
            throw new Refused("is damaged (too short)");
        }
        try {
            cipher.init(Cipher.DECRYPT_MODE, key.aes(), new GCMParameterSpec(TAG_BITS, all, 0, NONCE));
            cipher.updateAAD((parts[0] + ":" + parts[1] + ":" + parts[2]).getBytes(StandardCharsets.US_ASCII));
            return new String(cipher.doFinal(all, NONCE, all.length - NONCE), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new Refused("does not decrypt: it was altered or encrypted under another key");
        } catch (GeneralSecurityException e) {
            throw new Refused("does not decrypt (" + e.getClass().getSimpleName() + ")");
        }
    }
}

package org.assay.privacy.internal.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed pseudonyms: {@code prefix + hex(HMAC-SHA-256(key, value))} cut to {@code length}
 * characters. The same key and value give the same pseudonym in every run and every workflow,
 * so tables pseudonymised apart still join; without the key the value cannot be recovered or
 * checked by trying candidates (unlike a plain hash of an e-mail address). Not thread-safe:
 * one per step run.
 */
public final class Pseudonymizer {

    /** The label the pseudonym key is derived under; changing it changes every pseudonym. */
    public static final String PURPOSE = "assay pseudonymize v1";

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final Mac mac;
    private final String prefix;
    private final int length;
    private final boolean normalize;

    /**
     * @param key       the derived 32-byte key (see {@link SecretKeys#derive})
     * @param length    hex characters kept, 8 to 64 (4 bits each)
     * @param normalize trim and lower-case each value first, so " Ann@X.org" and "ann@x.org" match
     */
    public Pseudonymizer(byte[] key, String prefix, int length, boolean normalize) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no HmacSHA256", e);
        }
        this.prefix = prefix;
        this.length = length;
        this.normalize = normalize;
    }

    public String pseudonym(String value) {
        String v = normalize ? value.trim().toLowerCase(Locale.ROOT) : value;
        byte[] h = mac.doFinal(v.getBytes(StandardCharsets.UTF_8));
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            int b = h[i >> 1] & 0xff;
            out[i] = HEX[(i & 1) == 0 ? b >>> 4 : b & 0xf];
        }
        return prefix.isEmpty() ? new String(out) : prefix + new String(out);
    }
}

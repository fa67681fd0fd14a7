package org.assay.privacy.internal;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.StepFailure;
import org.assay.privacy.internal.keys.SecretKeys;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CipherStepTest {

    @TempDir
    Path dir;

    static final Schema IN = Schema.of(
            Field.of("id", FieldType.INTEGER),
            Field.of("email", FieldType.STRING).withTags(FieldTag.PII),
            Field.of("born", FieldType.DATE).withTags(FieldTag.PII));

    private SecretKeys keys() throws Exception {
        Path etc = Files.createDirectories(dir.resolve("etc"));
        Files.writeString(etc.resolve("crm_key_2026"), "first secret of sixteen+ chars");
        Files.writeString(etc.resolve("crm_key_2027"), "second secret, also long enough");
        return new SecretKeys(new org.assay.privacy.internal.keys.FolderSecrets(etc));
    }

    private List<Object[]> encrypt(SecretKeys keys, String key, Object[]... rows) throws Exception {
        StepTestRunner r = new StepTestRunner(new EncryptStepType(keys), dir).param("columns", List.of("email", "born"))
                .param("key", key).input("in", IN, rows).run();
        assertTrue(r.outputSchema("out").field("email").has(FieldTag.PII), "ciphertext is still personal data");
        r.assertRowsAccountedFor();
        return r.output();
    }

    private StepTestRunner decrypt(SecretKeys keys, String key, List<String> previous, List<Object[]> rows) {
        Schema cipherSchema = Schema.of(IN.field(0), IN.field(1), new Field("born", FieldType.STRING, true,
                IN.field(2).tags(), List.of()));
        return new StepTestRunner(new DecryptStepType(keys), dir).param("columns", List.of("email", "born"))
                .param("key", key).param("previousKeys", previous).input("in", cipherSchema, rows, 4096);
    }

    @Test
    void roundTripWithAFreshNonceForEveryValue() throws Exception {
        SecretKeys keys = keys();
        List<Object[]> enc = encrypt(keys, "crm_key_2026", row(1L, "ann@example.com", java.time.LocalDate.of(1980, 5,
                17)), row(2L, "ann@example.com", null));
        String a = (String) enc.get(0)[1];
        assertTrue(a.startsWith("enc1:crm_key_2026:"), a);
        assertFalse(a.contains("ann"));
        assertNotEquals(a, enc.get(1)[1], "equal values encrypt differently");
        assertNull(enc.get(1)[2]);
        StepTestRunner d = decrypt(keys, "crm_key_2026", List.of(), enc).run();
        assertEquals("ann@example.com", d.output().get(0)[1]);
        assertEquals("1980-05-17", d.output().get(0)[2], "dates come back as ISO text");
        assertEquals("ann@example.com", d.output().get(1)[1]);
        d.assertRowsAccountedFor();
    }

    @Test
    void rotationDecryptsOldValuesWithPreviousKeysAndRefusesThemWithout() throws Exception {
        SecretKeys keys = keys();
        List<Object[]> old = encrypt(keys, "crm_key_2026", row(1L, "old@example.com", null));
        List<Object[]> fresh = encrypt(keys, "crm_key_2027", row(2L, "new@example.com", null));
        List<Object[]> both = new ArrayList<>(old);
        both.addAll(fresh);
        StepTestRunner d = decrypt(keys, "crm_key_2027", List.of("crm_key_2026"), both).run();
        assertEquals(List.of("old@example.com", "new@example.com"), d.output().stream().map(r -> r[1]).toList());
        StepTestRunner without = decrypt(keys, "crm_key_2027", List.of(), both).run();
        assertEquals(1, without.output().size());
        assertEquals(1, without.quarantined().size());
        String reason = without.quarantined().get(0).reason();
        assertTrue(reason.contains("encrypted with the secret 'crm_key_2026', which is neither key nor one of "
                + "previousKeys; add it to previousKeys"), reason);
        assertFalse(without.quarantined().get(0).record().contains("enc1"), "the pii cell is masked");
        without.assertRowsAccountedFor();
    }

    @Test
    void alteredValuesAndSecretsChangedInPlaceAreQuarantinedNotMisread() throws Exception {
        SecretKeys keys = keys();
        List<Object[]> enc = encrypt(keys, "crm_key_2026", row(1L, "ann@example.com", null));
        String v = (String) enc.get(0)[1];
        char last = v.charAt(v.length() - 2);
        String altered = v.substring(0, v.length() - 2) + (last == 'A' ? 'B' : 'A') + v.charAt(v.length() - 1);
        List<Object[]> rows = List.<Object[]>of(row(1L, altered, null), row(2L, "plain text", null), row(3L, v, null));
        StepTestRunner d = decrypt(keys, "crm_key_2026", List.of(), rows).run();
        assertEquals(1, d.output().size());
        assertTrue(d.quarantined().get(0).reason().contains("was altered"), d.quarantined().get(0).reason());
        assertTrue(d.quarantined().get(1).reason().contains("is not a value written by encrypt"));
        Files.writeString(dir.resolve("etc/crm_key_2026"), "changed in place, long enough");
        StepTestRunner changed = decrypt(keys, "crm_key_2026", List.of(), List.<Object[]>of(row(3L, v, null))).run();
        assertTrue(changed.quarantined().get(0).reason().contains("changed in place"),
                changed.quarantined().get(0).reason());
    }

    @Test
    void aMissingKeyNamesTheSecretAndEncryptRefusesPreviousKeys() throws Exception {
        SecretKeys keys = keys();
        StepFailure f = assertThrows(StepFailure.class, () -> encrypt(keys, "vault_key", row(1L, "a", null)));
        assertTrue(f.getMessage().startsWith("encrypt: the secret 'vault_key' named by parameter key is not set: set "
                + "it with assay:secret-set vault_key"), f.getMessage());
        new StepTestRunner(new EncryptStepType(keys), dir).param("columns", List.of("email")).param("key", "a_key")
                .param("previousKeys", List.of("b_key")).assertInvalid("previousKeys", "previousKeys is for decrypt");
        new StepTestRunner(new DecryptStepType(keys), dir).param("columns", List.of("email")).param("key", "a_key")
                .param("previousKeys", List.of("a_key")).assertInvalid("previousKeys", "is key already");
    }
}

package org.assay.privacy.internal;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.StepFailure;
import org.assay.privacy.internal.keys.Pseudonymizer;
import org.assay.privacy.internal.keys.SecretKeys;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudonymizeStepTest {

    @TempDir
    Path dir;

    static final String SECRET = "correct horse battery staple";

    static final Schema CUSTOMERS = Schema.of(
            Field.of("email", FieldType.STRING).withTags(FieldTag.PII),
            Field.of("customer_no", FieldType.INTEGER).withTags(FieldTag.PII),
            Field.of("city", FieldType.STRING));

    private SecretKeys keys() throws Exception {
        Path etc = Files.createDirectories(dir.resolve("etc"));
        Files.writeString(etc.resolve("pseudonym_key"), SECRET + "\n", StandardCharsets.UTF_8);
        return new SecretKeys(new org.assay.privacy.internal.keys.FolderSecrets(etc));
    }

    private StepTestRunner runner(SecretKeys keys) {
        return new StepTestRunner(new PseudonymizeStepType(keys), dir).param("columns", List.of("email", "customer_no"))
                .param("key", "pseudonym_key");
    }

    @Test
    void theSecretIsReadThroughTheSecretReaderOncePerRunNamingTheRun() throws Exception {
        Path etc = Files.createDirectories(dir.resolve("etc"));
        Files.writeString(etc.resolve("pseudonym_key"), SECRET, StandardCharsets.UTF_8);
        org.assay.privacy.internal.keys.FolderSecrets secrets = new org.assay.privacy.internal.keys.FolderSecrets(etc);
        runner(new SecretKeys(secrets)).input("in", CUSTOMERS, row("ann@example.com", 42L, "Oslo")).run();
        assertEquals(List.of("pseudonym_key by run test-run, step step-under-test (pseudonymize key)"), secrets.reads);
    }

    @Test
    void pseudonymsAreTheKnownHmacStableAcrossRunsAndTaggedId() throws Exception {
        SecretKeys keys = keys();
        StepTestRunner r = runner(keys).input("in", CUSTOMERS, row("ann@example.com", 42L, "Oslo"),
                row(null, 43L, "Rome"), row("ann@example.com", 42L, "Bergen")).run();
        // Known answer: HMAC-SHA-256(HMAC-SHA-256(secret, label), value), first 16 hex characters.
        byte[] key = SecretKeys.hmac(SECRET.getBytes(StandardCharsets.UTF_8),
                Pseudonymizer.PURPOSE.getBytes(StandardCharsets.UTF_8));
        String expected = HexFormat.of().formatHex(SecretKeys.hmac(key, "ann@example.com".getBytes(
                StandardCharsets.UTF_8))).substring(0, 16);
        assertEquals(expected, r.output().get(0)[0]);
        assertEquals(r.output().get(0)[0], r.output().get(2)[0], "same value, same pseudonym");
        assertEquals(16, ((String) r.output().get(0)[1]).length(), "numbers are keyed as their text");
        assertNull(r.output().get(1)[0]);
        assertEquals("Oslo", r.output().get(0)[2]);
        StepTestRunner again = runner(keys).input("in", CUSTOMERS, row("ann@example.com", 42L, "Oslo")).run();
        assertEquals(expected, again.output().get(0)[0], "a second run gives the same pseudonym: joins still work");
        Field email = r.outputSchema("out").field("email");
        assertFalse(email.has(FieldTag.PII));
        assertTrue(email.has(FieldTag.ID), "still singles out a person: an identifier");
        r.assertRowsAccountedFor();
    }

    @Test
    void prefixLengthAndNormalizeShapeThePseudonym() throws Exception {
        StepTestRunner r = runner(keys()).param("prefix", "c_").param("length", 8).param("normalize", true)
                .input("in", CUSTOMERS, row(" Ann@Example.com", 1L, null), row("ann@example.com", 2L, null)).run();
        String p = (String) r.output().get(0)[0];
        assertTrue(p.matches("c_[0-9a-f]{8}"), p);
        assertEquals(p, r.output().get(1)[0], "normalised: case and spaces do not matter");
    }

    @Test
    void anotherSecretGivesOtherPseudonyms() throws Exception {
        SecretKeys keys = keys();
        Files.writeString(dir.resolve("etc/other_key"), "another long secret value");
        String a = (String) runner(keys).input("in", CUSTOMERS, row("x@y.z", 1L, null)).run().output().get(0)[0];
        String b = (String) runner(keys).param("key", "other_key").input("in", CUSTOMERS, row("x@y.z", 1L, null))
                .run().output().get(0)[0];
        assertNotEquals(a, b);
    }

    @Test
    void aMissingSecretNamesItAndTheCommandThatSetsIt() throws Exception {
        SecretKeys keys = keys();
        StepFailure f = assertThrows(StepFailure.class, () -> runner(keys).param("key", "crm_pseudonyms")
                .input("in", CUSTOMERS, row("a@b.c", 1L, null)).run());
        assertEquals("pseudonymize: the secret 'crm_pseudonyms' named by parameter key is not set: set it with "
                + "assay:secret-set crm_pseudonyms (admin role; give it at least 16 random characters), then run "
                + "again", f.getMessage());
        Files.writeString(dir.resolve("etc/short_key"), "short");
        StepFailure s = assertThrows(StepFailure.class, () -> runner(keys).param("key", "short_key")
                .input("in", CUSTOMERS, row("a@b.c", 1L, null)).run());
        assertTrue(s.getMessage().contains("shorter than 16 bytes"), s.getMessage());
        assertFalse(s.getMessage().contains("short\""), "never the value");
    }

    @Test
    void aKeyInsteadOfASecretNameIsRefusedAtDeploy() throws Exception {
        runner(keys()).param("key", "Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA==").assertInvalid("key", "never the key itself");
        runner(keys()).param("key", "../users.properties").assertInvalid("key", "is not a secret name");
        runner(keys()).param("length", 4).assertInvalid("length", "");
        runner(keys()).param("columns", List.of("mail")).input("in", CUSTOMERS).assertInvalid("columns",
                "did you mean 'email'");
    }

    @Test
    void theSecretStaysOutOfReportsLogsAndRows() throws Exception {
        StepTestRunner r = runner(keys()).input("in", CUSTOMERS, row("a@b.c", 1L, "x")).run();
        for (Object[] row : r.output()) {
            for (Object v : row) {
                assertFalse(String.valueOf(v).contains("horse"));
            }
        }
        assertEquals(0, r.artifacts().size());
    }
}

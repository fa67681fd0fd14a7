package org.assay.privacy.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assay.api.data.Schema;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepCategory;
import org.assay.api.step.StepDescriptor;
import org.assay.api.step.typed.TypedStepType;
import org.assay.privacy.internal.keys.ColumnCipher;
import org.assay.privacy.internal.keys.SecretKeys;

/**
 * What {@code encrypt} and {@code decrypt} share. Both keep the columns' tags: a ciphertext is
 * still personal data (whoever has the key reads it), so a pii column stays pii and a writer
 * must still be told to write it.
 */
abstract class CipherStepType extends TypedStepType<CipherParameters> {

    private final SecretKeys keys;
    private final boolean encrypt;

    CipherStepType(SecretKeys keys, boolean encrypt) {
        super(CipherParameters.class);
        this.keys = keys;
        this.encrypt = encrypt;
    }

    static final String ROTATION = "Rotation: set a new secret (assay:secret-set crm_key_2027), run decrypt with key "
            + "crm_key_2027 and previousKeys [crm_key_2026] followed by encrypt with key crm_key_2027 over the stored "
            + "data, and delete the old secret once nothing names it. Never change a secret in place: values "
            + "encrypted under its old value no longer decrypt (the fingerprint in each value says so).";

    @Override
    protected void describe(StepDescriptor.Builder b) {
        String name = encrypt ? "encrypt" : "decrypt";
        b.category(StepCategory.PRIVACY).tags("privacy", "pii", "encryption", "aes-gcm", "gdpr")
                .input(PortSpec.streamed(PortSpec.IN, encrypt ? "Rows with columns to encrypt." : "Rows with "
                        + "columns written by encrypt."))
                .output(PortSpec.OUT, "The same rows with the named columns " + name + "ed.");
        if (encrypt) {
            b.title("Encrypt columns (AES-256-GCM)").description("Encrypts each value of the named columns with "
                    + "AES-256-GCM under a key derived from the named secret, with a fresh random nonce per value "
                    + "(equal values encrypt differently), into enc1:<secret>:<fingerprint>:<data>; the header "
                    + "names the key and is authenticated. Columns become string columns and keep their tags. "
                    + "Null stays null. " + ROTATION + " Streams: one pass.");
        } else {
            b.title("Decrypt columns (AES-256-GCM)").description("Decrypts values written by encrypt, under key or "
                    + "whichever of previousKeys a value names; a value that was altered, names another key or "
                    + "was not written by encrypt is quarantined with the reason (never the value). Columns come "
                    + "back as string columns (cast them with select). " + ROTATION + " Streams: one pass.");
        }
    }

    @Override
    protected List<ParameterProblem> check(CipherParameters p) {
        List<ParameterProblem> problems = new java.util.ArrayList<>(super.check(p));
        if (encrypt && !p.previousKeys().isEmpty()) {
            problems.add(ParameterProblem.of("previousKeys", "encrypt uses key only; previousKeys is for decrypt"));
        }
        return problems;
    }

    @Override
    protected Step newStep(CipherParameters p) {
        String name = encrypt ? "encrypt" : "decrypt";
        return new ColumnRewriteStep(name, (in, ctx) -> {
            ColumnCipher cipher = ColumnCipher.open(keys, encrypt ? List.of(p.key()) : p.allKeys(), name, "key",
                    "run " + ctx.runId() + ", step " + ctx.stepId());
            ColumnRewrite.Rewriter r = encrypt ? cipher::encrypt : v -> {
                try {
                    return cipher.decrypt(v);
                } catch (ColumnCipher.Refused refused) {
                    throw new ColumnRewrite.BadValue("the value " + refused.getMessage());
                }
            };
            return ColumnRewrite.atRun(name, in, rewriters(p.columns(), r), f -> f);
        });
    }

    private static Map<String, ColumnRewrite.Rewriter> rewriters(List<String> columns, ColumnRewrite.Rewriter r) {
        Map<String, ColumnRewrite.Rewriter> out = new LinkedHashMap<>();
        columns.forEach(c -> out.put(c, r));
        return out;
    }

    @Override
    protected Optional<Map<String, Schema>> outputSchemas(CipherParameters p, Map<String, Schema> inputs) {
        Schema in = inputs.get(PortSpec.IN);
        if (in == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Map.of(PortSpec.OUT, ColumnRewrite.of(in, rewriters(p.columns(), v -> v), f -> f)
                    .output()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

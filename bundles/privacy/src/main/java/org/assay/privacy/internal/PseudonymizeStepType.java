package org.assay.privacy.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.Schema;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepCategory;
import org.assay.api.step.StepDescriptor;
import org.assay.api.step.StepType;
import org.assay.api.step.typed.AssayStepType;
import org.assay.api.step.typed.TypedStepType;
import org.assay.privacy.internal.keys.Pseudonymizer;
import org.assay.privacy.internal.keys.SecretKeys;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@code pseudonymize} step type. A pseudonym is tagged {@code id}, not {@code pii}: the raw
 * value is gone and cannot be got back without the key, but it still singles out one person
 * (GDPR calls such data pseudonymised, still personal), so clustering and profiling leave it
 * out as they leave out ids, and joins on it work.
 */
@Component(service = StepType.class)
@AssayStepType("pseudonymize")
public final class PseudonymizeStepType extends TypedStepType<PseudonymizeParameters> {

    private final SecretKeys keys;

    @Activate
    public PseudonymizeStepType(@Reference SecretKeys keys) {
        super(PseudonymizeParameters.class);
        this.keys = keys;
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.PRIVACY).title("Replace identifiers by keyed pseudonyms")
                .tags("privacy", "pii", "pseudonym", "hmac", "gdpr")
                .description("Replaces each value of the named columns by prefix + the first length hex characters "
                        + "of HMAC-SHA-256 under a key derived from the named secret. Stable: the same secret and "
                        + "value give the same pseudonym in every run and workflow, so pseudonymised tables still "
                        + "join; without the secret a value cannot be found by trying candidates. Numbers and "
                        + "dates are keyed as their text. Null stays null. The columns become string columns tagged "
                        + "id instead of pii. A missing secret fails the run with the command that sets it. "
                        + "Streams: one pass.")
                .input(PortSpec.streamed(PortSpec.IN, "Rows with identifiers."))
                .output(PortSpec.OUT, "The same rows with the named columns pseudonymised.");
    }

    @Override
    protected Step newStep(PseudonymizeParameters p) {
        return new ColumnRewriteStep("pseudonymize", (in, ctx) -> {
            byte[] key = keys.derive(p.key(), Pseudonymizer.PURPOSE, "pseudonymize", "key",
                    "run " + ctx.runId() + ", step " + ctx.stepId());
            Pseudonymizer pseudonyms = new Pseudonymizer(key, p.prefix().orElse(""), p.length(), p.normalize());
            java.util.Arrays.fill(key, (byte) 0);
            return ColumnRewrite.atRun("pseudonymize", in, rewriters(p.columns(), pseudonyms::pseudonym),
                    PseudonymizeStepType::retag);
        });
    }

    private static Map<String, ColumnRewrite.Rewriter> rewriters(List<String> columns, ColumnRewrite.Rewriter r) {
        Map<String, ColumnRewrite.Rewriter> out = new LinkedHashMap<>();
        columns.forEach(c -> out.put(c, r));
        return out;
    }

    static Field retag(Field f) {
        return f.withoutTag(FieldTag.PII).withTags(FieldTag.ID);
    }

    @Override
    protected Optional<Map<String, Schema>> outputSchemas(PseudonymizeParameters p, Map<String, Schema> inputs) {
        Schema in = inputs.get(PortSpec.IN);
        if (in == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Map.of(PortSpec.OUT, ColumnRewrite.of(in, rewriters(p.columns(), v -> v),
                    PseudonymizeStepType::retag).output()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

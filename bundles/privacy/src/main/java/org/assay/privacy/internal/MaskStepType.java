package org.assay.privacy.internal;

import java.util.LinkedHashMap;
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
import org.osgi.service.component.annotations.Component;

/**
 * The {@code mask} step type: partial masks per kind of value. A masked column is no longer
 * tagged pii: what is left is meant to be shown (a support list, a report), and a mask keeps
 * too little to contact or single out the person on its own.
 */
@Component(service = StepType.class)
@AssayStepType("mask")
public final class MaskStepType extends TypedStepType<MaskParameters> {

    public MaskStepType() {
        super(MaskParameters.class);
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.PRIVACY).title("Mask personal data")
                .tags("privacy", "pii", "mask", "gdpr")
                .description("Replaces each value of the named columns by a partial mask: " + MaskRule.KINDS
                        + ". Null stays null; a value a mask cannot read (an e-mail without @, a phone with few "
                        + "digits) is masked whole as ***. Masked columns become string columns without the pii "
                        + "tag; the others pass through. Streams: one pass.")
                .input(PortSpec.streamed(PortSpec.IN, "Rows with personal data."))
                .output(PortSpec.OUT, "The same rows with the named columns masked.");
    }

    @Override
    protected Step newStep(MaskParameters p) {
        return new ColumnRewriteStep("mask", (in, ctx) -> ColumnRewrite.atRun("mask", in, rewriters(p),
                MaskStepType::retag));
    }

    static Map<String, ColumnRewrite.Rewriter> rewriters(MaskParameters p) {
        Map<String, ColumnRewrite.Rewriter> out = new LinkedHashMap<>();
        p.columns().forEach((column, text) -> {
            MaskRule rule = MaskRule.parse(text);
            out.put(column, rule::apply);
        });
        return out;
    }

    private static Field retag(Field f) {
        return f.withoutTag(FieldTag.PII);
    }

    @Override
    protected Optional<Map<String, Schema>> outputSchemas(MaskParameters p, Map<String, Schema> inputs) {
        Schema in = inputs.get(PortSpec.IN);
        if (in == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Map.of(PortSpec.OUT, ColumnRewrite.of(in, rewriters(p), MaskStepType::retag).output()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

package org.assay.governance.internal.consent;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assay.api.data.Schema;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepCategory;
import org.assay.api.step.StepDescriptor;
import org.assay.api.step.StepType;
import org.assay.api.step.typed.AssayStepType;
import org.assay.api.step.typed.TypedStepType;
import org.osgi.service.component.annotations.Component;

/** The {@code consent-filter} step type: keeps the rows of people who consented to the workflow's purpose. */
@Component(service = StepType.class)
@AssayStepType("consent-filter")
public final class ConsentFilterStepType extends TypedStepType<ConsentFilterParameters> {

    static final String CONSENT = "consent";

    public ConsentFilterStepType() {
        super(ConsentFilterParameters.class);
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.TRANSFORM).title("Keep rows with consent for the purpose")
                .tags("privacy", "consent", "gdpr", "purpose")
                .description("Keeps only the rows of people who consented to purpose, which must be the workflow's "
                        + "declared purpose. Consent comes from a column of the input (column) or from a consent "
                        + "table on the consent input, matched on a key (on); the table is read into memory first. "
                        + "A row without consent, or with a null key or consent value, is dropped and counted as "
                        + "filtered, as are the consent table's rows. Rows keep their order.")
                .input(PortSpec.streamed(PortSpec.IN, "The rows to filter; read once, streaming."))
                .input(PortSpec.streamed(CONSENT, "The consent table: a key column, a purpose column and "
                        + "optionally a granted column; needed with on.").asOptional())
                .output(PortSpec.OUT, "The rows with consent for the purpose, columns unchanged.");
    }

    @Override
    protected Step newStep(ConsentFilterParameters p) {
        return new ConsentFilterStep(p);
    }

    @Override
    protected List<ParameterProblem> check(ConsentFilterParameters p, Map<String, Schema> inputs) {
        Schema consent = inputs.get(CONSENT);
        if (p.on().isPresent() && consent != null && !consent.contains(p.consentKey())) {
            return List.of(ParameterProblem.of(p.consentOn().isPresent() ? "consentOn" : "on", "the consent table has "
                    + "no column '" + p.consentKey() + "' (it has " + consent.names() + "); name its key with consentOn"));
        }
        return List.of();
    }

    /** The input's columns, unchanged. */
    @Override
    protected Optional<Map<String, Schema>> outputSchemas(ConsentFilterParameters p, Map<String, Schema> inputs) {
        return Optional.ofNullable(inputs.get(PortSpec.IN)).map(in -> Map.of(PortSpec.OUT, in));
    }
}

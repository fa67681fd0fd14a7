package org.assay.privacy.internal.anon;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
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

/** The {@code k-anonymize} step type. */
@Component(service = StepType.class)
@AssayStepType("k-anonymize")
public final class KAnonymizeStepType extends TypedStepType<KAnonymizeParameters> {

    public KAnonymizeStepType() {
        super(KAnonymizeParameters.class);
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.PRIVACY).title("k-anonymity and l-diversity by optimal generalisation")
                .tags("privacy", "k-anonymity", "l-diversity", "generalisation", "suppression", "gdpr")
                .description("Generalises the quasi-identifiers along their hierarchies so that every kept row "
                        + "shares them with at least k-1 others (and every such class has at least l distinct "
                        + "values of sensitive), suppressing at most suppressionLimit of the rows (removed, counted "
                        + "as filtered). Of all combinations of levels (the lattice) it returns the one with the "
                        + "least information loss (normalised certainty penalty, a suppressed row costing 1): an "
                        + "exact search, with Flash-style binary searches and predictive tagging to find which "
                        + "nodes are anonymous and a branch and bound on loss. k-anonymity.csv reports achieved k "
                        + "and l, rows suppressed, the loss (NCP and discernibility), the chosen level of each "
                        + "column and the nodes checked. Quasi-identifier columns become string columns with the "
                        + "generalised values (30-34, 12**, 2024-03, *); the others pass through. A row whose "
                        + "value its hierarchy does not cover is quarantined. Reads its input twice; holds one "
                        + "code per row and quasi-identifier.")
                .input(PortSpec.of(PortSpec.IN, "Rows to anonymise, identifiers already dropped or pseudonymised."))
                .output(PortSpec.OUT, "The kept rows with generalised quasi-identifiers.");
    }

    @Override
    protected List<ParameterProblem> check(KAnonymizeParameters p, Map<String, Schema> inputs) {
        Schema in = inputs.get(PortSpec.IN);
        List<ParameterProblem> problems = new ArrayList<>();
        if (in != null) {
            for (String s : Hierarchies.typeProblems(p.quasiIdentifiers(), in)) {
                problems.add(ParameterProblem.of("quasiIdentifiers", s));
            }
        }
        return problems;
    }

    @Override
    protected Step newStep(KAnonymizeParameters p) {
        return new KAnonymizeStep(p);
    }

    static Schema output(Schema in, Iterable<String> quasiIdentifiers) {
        Schema out = in;
        for (String name : quasiIdentifiers) {
            int i = in.indexOf(name);
            if (i >= 0) {
                Field f = in.field(i);
                out = out.with(i, new Field(f.name(), FieldType.STRING, f.nullable(), f.tags(), List.of()));
            }
        }
        return out;
    }

    @Override
    protected Optional<Map<String, Schema>> outputSchemas(KAnonymizeParameters p, Map<String, Schema> inputs) {
        Schema in = inputs.get(PortSpec.IN);
        return in == null ? Optional.empty()
                : Optional.of(Map.of(PortSpec.OUT, output(in, p.quasiIdentifiers().keySet())));
    }
}

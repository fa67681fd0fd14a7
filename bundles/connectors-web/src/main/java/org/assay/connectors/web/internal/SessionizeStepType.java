package org.assay.connectors.web.internal;

import java.util.Map;
import java.util.Optional;
import org.assay.api.data.Schema;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepCategory;
import org.assay.api.step.StepDescriptor;
import org.assay.api.step.StepType;
import org.assay.api.step.typed.AssayStepType;
import org.assay.api.step.typed.TypedStepType;
import org.osgi.service.component.annotations.Component;

/** The {@code sessionize} step type: requests into visits, split by an inactivity gap. */
@Component(service = StepType.class)
@AssayStepType("sessionize")
public final class SessionizeStepType extends TypedStepType<SessionizeParameters> {

    public SessionizeStepType() {
        super(SessionizeParameters.class);
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.TRANSFORM).title("Sessionise web requests").tags("web", "sessions", "aggregate")
                .description("Groups requests into sessions per visitor: a gap of more than timeoutMinutes starts a new "
                        + "one. One row per session: id, visitor, start, end, duration, pages, landing and exit page, "
                        + "and whether it reached the goal. One pass over rows in time order, as a log is: it keeps "
                        + "only the sessions active in the last two timeouts, so memory follows concurrent visitors, "
                        + "not the log's size. A request may come up to timeoutMinutes out of order; one later than "
                        + "that may start a session of its own: sort first a file merged from several servers.")
                .input(PortSpec.streamed(PortSpec.IN, "Requests: a visitor, a time and a path per row "
                        + "(access-log-reader's output)."))
                .output(PortSpec.OUT, "One row per session.");
    }

    @Override
    protected Step newStep(SessionizeParameters p) {
        return new SessionizeStep(p);
    }

    @Override
    protected Optional<Map<String, Schema>> outputSchemas(SessionizeParameters p, Map<String, Schema> inputs) {
        Schema in = inputs.get(PortSpec.IN);
        if (in == null || !in.contains(p.visitor())) {
            return Optional.empty();
        }
        return Optional.of(Map.of(PortSpec.OUT, SessionizeStep.schema(in.field(p.visitor()))));
    }
}

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

/** The {@code access-log-reader} step type: web server access logs into one row per request. */
@Component(service = StepType.class)
@AssayStepType("access-log-reader")
public final class AccessLogReaderStepType extends TypedStepType<AccessLogReaderParameters> {

    public AccessLogReaderStepType() {
        super(AccessLogReaderParameters.class);
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.CONNECTOR).title("Read web access log").tags("web", "log", "source")
                .description("Reads an Apache or Nginx access log (combined, common or a LogFormat pattern; plain or "
                        + "gzip), streaming, one row per request: time with its zone as UTC, method, path, query, "
                        + "status, bytes, referrer, user agent, a bot flag and a visitor key. Client address, user "
                        + "and visitor are tagged pii. Lines that do not fit the format go to quarantine with their "
                        + "line number.")
                .output(PortSpec.OUT, "One row per request.");
    }

    @Override
    protected Step newStep(AccessLogReaderParameters p) {
        return new AccessLogReaderStep(p);
    }

    /** Always the same columns, whatever the format holds (missing fields are empty). */
    @Override
    protected Optional<Map<String, Schema>> outputSchemas(AccessLogReaderParameters p, Map<String, Schema> inputs) {
        return Optional.of(Map.of(PortSpec.OUT, AccessLogRows.SCHEMA));
    }
}

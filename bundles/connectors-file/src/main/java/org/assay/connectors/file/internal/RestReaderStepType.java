package org.assay.connectors.file.internal;

import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepCategory;
import org.assay.api.step.StepDescriptor;
import org.assay.api.step.StepType;
import org.assay.api.step.typed.AssayStepType;
import org.assay.api.step.typed.TypedStepType;
import org.assay.secrets.SecretReader;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The {@code rest-reader} step type: JSON records from a REST API, page by page. */
@Component(service = StepType.class)
@AssayStepType("rest-reader")
public final class RestReaderStepType extends TypedStepType<RestReaderParameters> {

    private final SecretReader secrets;

    /** @param secrets reads the $[secret:NAME] of headers (the secrets bundle's service, which audits each read) */
    @Activate
    public RestReaderStepType(@Reference SecretReader secrets) {
        super(RestReaderParameters.class);
        this.secrets = secrets;
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.CONNECTOR).title("Read a REST API").tags("rest", "http", "api", "json", "source")
                .description("Reads JSON records from an HTTP(S) API, page after page (Link header, a next field or"
                        + " page numbers), into rows the way json-reader reads a file (paths, columns, explode)."
                        + " Only hosts in allowHosts (default: the URL's own host), never a private, loopback or"
                        + " link-local address unless allowPrivateAddresses, no redirects, a size limit per page and"
                        + " a timeout. Credentials go in headers as $[secret:NAME]. A record that does not fit its"
                        + " columns goes to quarantine with its number.")
                .output(PortSpec.OUT, "One row per record (or array element).");
    }

    @Override
    protected Step newStep(RestReaderParameters p) {
        return new RestReaderStep(p, secrets);
    }
}

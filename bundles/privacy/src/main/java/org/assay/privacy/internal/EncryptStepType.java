package org.assay.privacy.internal;

import org.assay.api.step.StepType;
import org.assay.api.step.typed.AssayStepType;
import org.assay.privacy.internal.keys.SecretKeys;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The {@code encrypt} step type (see {@link CipherStepType}). */
@Component(service = StepType.class)
@AssayStepType("encrypt")
public final class EncryptStepType extends CipherStepType {

    @Activate
    public EncryptStepType(@Reference SecretKeys keys) {
        super(keys, true);
    }
}

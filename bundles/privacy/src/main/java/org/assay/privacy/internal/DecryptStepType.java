package org.assay.privacy.internal;

import org.assay.api.step.StepType;
import org.assay.api.step.typed.AssayStepType;
import org.assay.privacy.internal.keys.SecretKeys;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The {@code decrypt} step type (see {@link CipherStepType}). */
@Component(service = StepType.class)
@AssayStepType("decrypt")
public final class DecryptStepType extends CipherStepType {

    @Activate
    public DecryptStepType(@Reference SecretKeys keys) {
        super(keys, false);
    }
}

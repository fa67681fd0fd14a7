package org.assay.transforms.internal.describe;

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

/** The {@code profile} step type: per-column statistics and a data quality summary, rows passed on unchanged. */
@Component(service = StepType.class)
@AssayStepType("profile")
public final class ProfileStepType extends TypedStepType<ProfileParameters> {

    public ProfileStepType() {
        super(ProfileParameters.class);
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.TRANSFORM).title("Profile columns").tags("profile", "statistics", "data quality")
                .description("Reads the input once and passes every row on unchanged, so it can sit anywhere in a "
                        + "pipeline. Writes profile.csv, one line per column: count, missing, completeness, invalid "
                        + "values, distinct (exact up to distinctBudget, then a HyperLogLog estimate), for id "
                        + "columns uniqueness and duplicates, min and max, mean and sample standard deviation "
                        + "(n - 1), quartiles (R type 7 interpolation; exact up to sampleSize values, then from a "
                        + "seeded reservoir sample), the top values with their counts and an equal-width histogram "
                        + "(Freedman-Diaconis or Sturges). Writes data-quality.csv: complete rows, completeness, "
                        + "validity against the declared types (nulls where not nullable, NaN or infinite decimals, "
                        + "undeclared categories) and whether each id column is unique. For the run report it draws "
                        + "a small chart per column (histogram or top values) on PNG sheets (charts). A column "
                        + "tagged pii gets counts only, never a value or a chart, unless allowPii is true.")
                .input(PortSpec.streamed(PortSpec.IN, "The rows to profile; read once."))
                .output(PortSpec.OUT, "The same rows, unchanged.");
    }

    @Override
    protected Step newStep(ProfileParameters p) {
        return new ProfileStep(p);
    }

    @Override
    protected Optional<Map<String, Schema>> outputSchemas(ProfileParameters p, Map<String, Schema> inputs) {
        return sameAsInput(inputs);
    }
}

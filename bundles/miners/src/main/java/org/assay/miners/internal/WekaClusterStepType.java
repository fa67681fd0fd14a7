package org.assay.miners.internal;

import java.util.Map;
import java.util.Optional;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepCategory;
import org.assay.api.step.StepDescriptor;
import org.assay.api.step.StepType;
import org.assay.api.step.typed.AssayStepType;
import org.assay.api.step.typed.TypedStepType;
import org.osgi.service.component.annotations.Component;

/** The {@code weka-cluster} step type: segments rows with any Weka clusterer. Stateless. */
@Component(service = StepType.class)
@AssayStepType("weka-cluster")
public final class WekaClusterStepType extends TypedStepType<WekaClusterParameters> {

    private final int slowRows;

    public WekaClusterStepType() {
        this(ClustererLimits.SLOW_ROWS);
    }

    /** With another row count for the slow-clusterer warning, so tests need not wait for a slow build. */
    WekaClusterStepType(int slowRows) {
        super(WekaClusterParameters.class);
        this.slowRows = slowRows;
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.MINER)
                .title("Cluster with Weka")
                .description("Groups similar rows (customer segments) with a Weka clusterer and appends each row's"
                    + " cluster (C0, C1, ...) as a categorical column. Reads all rows before writing any."
                    + " Rows keep their order; rows with missing values are kept and clustered as Weka"
                    + " handles missing values. Artifacts: model-summary.txt (the model as Weka prints it),"
                    + " cluster-profile.csv (size, share, mean of each numeric column and most frequent value"
                    + " of each categorical column per cluster, in original units), model.bin (the Weka"
                    + " model and data header, readable by Weka's SerializationHelper.readAll and the Weka"
                    + " Explorer), segment-C0.csv, ... (each segment's customers, pii columns as segmentFilesPii says)"
                    + " and a segments section for the run report: a name, size and share of customers and of"
                    + " revenue per segment, every measure against the average, medians, composition and the"
                    + " separation (silhouette).")
                .tags("weka", "clustering", "segmentation")
                .input(PortSpec.IN, "Rows to cluster")
            .output(PortSpec.OUT, "The same rows in the same order, with the cluster column appended")
            .output(PortSpec.model(PortSpec.MODEL, "The trained clusterer with its training header (format "
                    + WekaClusterStep.MODEL_FORMAT + ", the same content as model.bin), for a step that assigns"
                    + " new rows to these clusters. Not written when the input has no rows."));
    }

    @Override
    protected Step newStep(WekaClusterParameters p) {
        return new WekaClusterStep(p, slowRows);
    }

    /** The input's columns with the cluster column appended (or replaced); its labels are known only after the run. */
    @Override
    protected Optional<Map<String, Schema>> outputSchemas(WekaClusterParameters p, Map<String, Schema> inputs) {
        Schema in = inputs.get(PortSpec.IN);
        if (in == null) {
            return Optional.empty();
        }
        return Optional.of(Map.of(PortSpec.OUT, in.with(Field.of(p.clusterColumn(), FieldType.CATEGORICAL))));
    }
}

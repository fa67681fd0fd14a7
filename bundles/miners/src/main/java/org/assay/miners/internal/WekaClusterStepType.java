package org.assay.miners.internal;

import java.util.ArrayList;
import java.util.List;
import org.assay.api.step.ParameterSpec;
import org.assay.api.step.ParameterType;
import org.assay.api.step.Parameters;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepCategory;
import org.assay.api.step.StepDescriptor;
import org.assay.api.step.StepType;
import org.osgi.service.component.annotations.Component;

/** The {@code weka-cluster} step type: segments rows with any Weka clusterer. Stateless. */
@Component(service = StepType.class, property = StepType.TYPE_PROPERTY + "=" + WekaClusterStepType.TYPE_ID)
public final class WekaClusterStepType implements StepType {

    static final String TYPE_ID = "weka-cluster";
    static final String ALGORITHM = "algorithm";
    static final String OPTIONS = "options";
    static final String COLUMNS = "columns";
    static final String STANDARDIZE = "standardize";
    static final String CLUSTER_COLUMN = "clusterColumn";

    private final StepDescriptor descriptor = StepDescriptor.builder(TYPE_ID)
            .category(StepCategory.MINER)
            .title("Cluster with Weka")
            .description("Groups similar rows (customer segments) with a Weka clusterer and appends each row's"
                    + " cluster (C0, C1, ...) as a categorical column. Reads all rows before writing any."
                    + " Rows keep their order; rows with missing values are kept and clustered as Weka"
                    + " handles missing values. Artifacts: model-summary.txt (the model as Weka prints it),"
                    + " cluster-profile.csv (size, share, mean of each numeric column and most frequent value"
                    + " of each categorical column per cluster, in original units) and model.bin (the Weka"
                    + " model and data header, readable by Weka's SerializationHelper.readAll and the Weka"
                    + " Explorer).")
            .tags("weka", "clustering", "segmentation")
            .parameter(ParameterSpec.builder(ALGORITHM, ParameterType.STRING)
                    .description("Weka clusterer class, under weka.clusterers, e.g. " + ClustererSetup.EXAMPLES
                            + ". Clusterers whose time grows with the square of the rows or faster"
                            + " (HierarchicalClusterer) get a warning above " + ClustererLimits.SLOW_ROWS
                            + " rows.")
                    .defaultValue("weka.clusterers.SimpleKMeans").build())
            .parameter(ParameterSpec.builder(OPTIONS, ParameterType.STRING)
                    .description("Options for the clusterer, as on Weka's command line; for SimpleKMeans"
                            + " -N is the number of clusters and -S the random seed. Empty for Weka's defaults."
                            + " As many clusters as rows or more is refused at run time. Classes named in the"
                            + " options (-W, -F, -A, nested schemes) must be under weka.")
                    .defaultValue("-N 4 -S 42").build())
            .parameter(ParameterSpec.builder(COLUMNS, ParameterType.STRING_LIST)
                    .description("Columns to cluster on: integer, decimal, date and timestamp columns are"
                            + " numeric, categorical and boolean columns nominal; string columns are refused."
                            + " Default: every integer and decimal column except those tagged id or pii, the"
                            + " cluster column, and keys: a name like id, customer_id, customerId, order_no,"
                            + " account_number or uuid together with values that differ in every row."
                            + " model-summary.txt lists the columns used and those left out, with the reason."
                            + " Named columns are always used.")
                    .build())
            .parameter(ParameterSpec.builder(STANDARDIZE, ParameterType.BOOLEAN)
                    .description("Rescale numeric columns to mean 0 and standard deviation 1 before"
                            + " clustering, so a column with big numbers (revenue) does not outweigh one with"
                            + " small numbers (orders). The scaling is part of the saved model; the profile"
                            + " reports original units.")
                    .defaultValue(true).build())
            .parameter(ParameterSpec.builder(CLUSTER_COLUMN, ParameterType.STRING)
                    .description("Name of the categorical column added with each row's cluster; replaces an"
                            + " input column of that name.")
                    .defaultValue("cluster").build())
            .input(PortSpec.IN, "Rows to cluster")
            .output(PortSpec.OUT, "The same rows in the same order, with the cluster column appended")
            .output(PortSpec.model(PortSpec.MODEL, "The trained clusterer with its training header (format "
                    + WekaClusterStep.MODEL_FORMAT + ", the same content as model.bin), for a step that assigns"
                    + " new rows to these clusters. Not written when the input has no rows."))
            .build();

    @Override
    public StepDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Step newStep() {
        return new WekaClusterStep();
    }

    @Override
    public List<String> validate(Parameters parameters) {
        List<String> problems = new ArrayList<>(
                ClustererSetup.problems(parameters.string(ALGORITHM), parameters.optionalString(OPTIONS).orElse("")));
        if (parameters.string(CLUSTER_COLUMN).isBlank()) {
            problems.add("clusterColumn: must not be empty; name the column to add, e.g. cluster.");
        }
        for (String column : parameters.stringList(COLUMNS)) {
            if (column.isBlank()) {
                problems.add("columns: contains an empty name; list the input column names to cluster on.");
                break;
            }
        }
        return problems;
    }
}

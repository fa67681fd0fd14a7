package org.assay.miners.internal;

import java.util.ArrayList;
import java.util.List;
import org.assay.api.data.FieldType;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Columns;
import org.assay.api.step.typed.Param;
import org.assay.api.step.typed.PiiPolicy;

/** The parameters of {@code weka-cluster}, and the rules between them. */
record WekaClusterParameters(
        @Param(description = "Weka clusterer class, under weka.clusterers, e.g. " + ClustererSetup.EXAMPLES
                            + ". Clusterers whose time grows with the square of the rows or faster"
                            + " (HierarchicalClusterer) get a warning above " + ClustererLimits.SLOW_ROWS
                            + " rows.",
                defaultValue = "weka.clusterers.SimpleKMeans")
        String algorithm,
        @Param(description = "Options for the clusterer, as on Weka's command line; for SimpleKMeans"
                            + " -N is the number of clusters and -S the random seed. Empty for Weka's defaults."
                            + " As many clusters as rows or more is refused at run time. Classes named in the"
                            + " options (-W, -F, -A, nested schemes) must be under weka.",
                defaultValue = "-N 4 -S 42")
        String options,
        @Param(description = "Columns to cluster on: integer, decimal, date and timestamp columns are"
                            + " numeric, categorical and boolean columns nominal; string columns are refused."
                            + " Default: every integer and decimal column except those tagged id or pii, the"
                            + " cluster column, and keys: a name like id, customer_id, customerId, order_no,"
                            + " account_number or uuid together with values that differ in every row."
                            + " model-summary.txt lists the columns used and those left out, with the reason."
                            + " Named columns are always used.",
                defaultValue = "[]")
        @Columns(types = {FieldType.INTEGER, FieldType.DECIMAL, FieldType.DATE, FieldType.TIMESTAMP,
                FieldType.CATEGORICAL, FieldType.BOOLEAN})
        List<String> columns,
        @Param(description = "Rescale numeric columns to mean 0 and standard deviation 1 before"
                            + " clustering, so a column with big numbers (revenue) does not outweigh one with"
                            + " small numbers (orders). The scaling is part of the saved model; the profile"
                            + " reports original units.",
                defaultValue = "true")
        boolean standardize,
        @Param(description = "Name of the categorical column added with each row's cluster; replaces an"
                            + " input column of that name.",
                defaultValue = "cluster")
        String clusterColumn,
        @Param(description = "The integer or decimal column with each customer's revenue (spend, sales), for"
                            + " each segment's share of revenue in the report. Default: the first such column,"
                            + " not tagged id or pii, whose name contains revenue, spend, sales, amount,"
                            + " monetary or turnover; none found, the report shows no revenue shares.")
        java.util.Optional<String> revenueColumn,
        @Param(description = "Write the customers of each segment to segment-<cluster>.csv in the run folder,"
                            + " for a campaign list.",
                defaultValue = "true")
        boolean segmentFiles,
        @Param(description = "What the segment files do with columns tagged pii: drop them (default), mask them"
                            + " (***), write them, or refuse (fail the step).",
                defaultValue = "drop")
        PiiPolicy segmentFilesPii) implements CheckedParameters {

    /** Names that read as a customer's revenue, when no revenueColumn is given. */
    static final java.util.regex.Pattern REVENUE_NAME = java.util.regex.Pattern.compile(
            "(?i).*(revenue|spend|sales|amount|monetary|turnover).*");

    @Override
    public List<ParameterProblem> problems() {
        List<ParameterProblem> problems = new ArrayList<>();
        for (String problem : ClustererSetup.problems(algorithm, options)) {
            problems.add(located(problem));
        }
        if (clusterColumn.isBlank()) {
            problems.add(ParameterProblem.of("clusterColumn", "must not be empty; name the column to add, e.g. cluster."));
        }
        if (columns.stream().anyMatch(String::isBlank)) {
            problems.add(ParameterProblem.of("columns", "contains an empty name; list the input column names to "
                    + "cluster on."));
        }
        return problems;
    }

    /** ClustererSetup words its problems "algorithm: ..." or "options: ...": put them at that parameter. */
    private static ParameterProblem located(String problem) {
        for (String parameter : List.of("algorithm", "options")) {
            if (problem.startsWith(parameter + ": ")) {
                return ParameterProblem.of(parameter, problem.substring(parameter.length() + 2));
            }
        }
        return ParameterProblem.general(problem);
    }
}

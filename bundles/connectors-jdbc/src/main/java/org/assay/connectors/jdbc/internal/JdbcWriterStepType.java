package org.assay.connectors.jdbc.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assay.api.data.Field;
import org.assay.api.data.Schema;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepCategory;
import org.assay.api.step.StepDescriptor;
import org.assay.api.step.StepType;
import org.assay.api.step.typed.AssayStepType;
import org.assay.api.step.typed.TypedStepType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The {@code jdbc-writer} step type: writes a dataset into a table of a named data source. */
@Component(service = StepType.class)
@AssayStepType("jdbc-writer")
public final class JdbcWriterStepType extends TypedStepType<JdbcWriterParameters> {

    private final DataSources sources;

    @Activate
    public JdbcWriterStepType(@Reference DataSources sources) {
        super(JdbcWriterParameters.class);
        this.sources = sources;
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.SINK).title("Write database table").tags("database", "jdbc", "sink")
                .description("Writes the input rows into a table of a data source configured in "
                        + "etc/org.ops4j.datasource-<name>.cfg: append, replace or upsert on key columns, in batches, "
                        + "in one transaction, so a failed run leaves the table as it was. Creates the table from "
                        + "the input's columns when asked. Table and column names are checked and quoted; values are "
                        + "always bound, never pasted into SQL. Columns tagged pii are written only when told.")
                // One pass from the first batch to the last: the input can stream.
                .input(PortSpec.streamed(PortSpec.IN, "The rows to write."));
    }

    @Override
    protected Step newStep(JdbcWriterParameters p) {
        return new JdbcWriterStep(p, sources);
    }

    /** Column names no table may have, refused at deploy when the input's columns are known. */
    @Override
    protected List<ParameterProblem> check(JdbcWriterParameters p, Map<String, Schema> inputs) {
        Schema in = inputs.get(PortSpec.IN);
        List<ParameterProblem> problems = new ArrayList<>();
        if (in != null) {
            for (Field f : in) {
                String problem = Identifiers.columnProblem(f.name());
                if (problem != null) {
                    problems.add(ParameterProblem.general(problem));
                }
            }
        }
        return problems;
    }
}

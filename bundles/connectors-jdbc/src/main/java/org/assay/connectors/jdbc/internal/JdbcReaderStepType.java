package org.assay.connectors.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.util.Map;
import java.util.Optional;
import org.assay.api.data.BatchBuilder;
import org.assay.api.data.Schema;
import org.assay.api.step.DesignContext;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code jdbc-reader} step type: reads a table or a query of a named data source. */
@Component(service = StepType.class)
@AssayStepType("jdbc-reader")
public final class JdbcReaderStepType extends TypedStepType<JdbcReaderParameters> {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcReaderStepType.class);

    private final DataSources sources;
    private final Watermarks watermarks;

    @Activate
    public JdbcReaderStepType(@Reference DataSources sources, @Reference Watermarks watermarks) {
        super(JdbcReaderParameters.class);
        this.sources = sources;
        this.watermarks = watermarks;
    }

    /** Without run records (tests, benchmarks on a plain class path): no incremental mode. */
    public JdbcReaderStepType(DataSources sources) {
        this(sources, Watermarks.UNAVAILABLE);
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.CONNECTOR).title("Read database table or query").tags("database", "jdbc", "source")
                .description("Reads a table, or a query with named parameters, from a data source configured in "
                        + "etc/org.ops4j.datasource-<name>.cfg. Streams in batches of " + BatchBuilder.DEFAULT_CAPACITY
                        + " rows with the driver fetching fetchSize rows at a time, in one read-only transaction, so "
                        + "tables of any size fit in memory. SQL types map to Assay types (integers, decimals, "
                        + "booleans, dates, timestamps as UTC, everything else as text); binary columns are refused.")
                .output(PortSpec.OUT, "The rows of the table or query.");
    }

    @Override
    protected Step newStep(JdbcReaderParameters p) {
        return new JdbcReaderStep(p, sources, watermarks);
    }

    /**
     * The columns the database reports for the statement, when the data source is up at deploy;
     * unknown otherwise (the run then says what is wrong). Prepared, never executed.
     */
    @Override
    protected Optional<Map<String, Schema>> outputSchemas(JdbcReaderParameters p, Map<String, Schema> inputs,
            DesignContext ctx) {
        if (!p.problems().isEmpty() || sources.find(p.dataSource()).isEmpty()) {
            return Optional.empty();
        }
        try (Connection c = Connections.open(sources, p.dataSource())) {
            String sql = JdbcReaderStep.statement(c, p, p.dataSource()).sql();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ResultSetMetaData md = ps.getMetaData();
                return md == null ? Optional.empty()
                        : Optional.of(Map.of(PortSpec.OUT, ResultColumns.of(md, p.tags()).schema()));
            }
        } catch (Exception e) {
            LOG.debug("No design-time schema for data source {}: {}", p.dataSource(), Connections.reason(e));
            return Optional.empty();
        }
    }
}

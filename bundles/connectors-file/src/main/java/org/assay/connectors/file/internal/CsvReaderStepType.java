package org.assay.connectors.file.internal;

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
import org.osgi.service.component.annotations.Component;

/** The {@code csv-reader} step type: reads a delimited text file into a typed dataset. */
@Component(service = StepType.class)
@AssayStepType("csv-reader")
public final class CsvReaderStepType extends TypedStepType<CsvReaderParameters> {

    public CsvReaderStepType() {
        super(CsvReaderParameters.class);
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.CONNECTOR).title("Read CSV file").tags("file", "csv", "source")
                .description("Reads a delimited text file (CSV, TSV) into a typed dataset, streaming in batches of "
                        + BatchBuilder.DEFAULT_CAPACITY + " rows so files of any size fit in memory. Column types come "
                        + "from the columns parameter or are inferred from the first rows. Rows with the wrong number "
                        + "of fields or a value that does not fit its column's type go to quarantine with their line "
                        + "number and the reason. Names, emails and phones are tagged pii only when declared so.")
                .output(PortSpec.OUT, "The rows of the file that parsed, with the declared or inferred schema.");
    }

    @Override
    protected Step newStep(CsvReaderParameters p) {
        return new CsvReaderStep(p);
    }

    /**
     * The schema the run will give, from the file's first MiB when the workflow may read it;
     * unknown without the file, since declared columns may cover only some of its columns.
     */
    @Override
    protected Optional<Map<String, Schema>> outputSchemas(CsvReaderParameters p, Map<String, Schema> inputs,
            DesignContext ctx) {
        if (!p.problems().isEmpty()) {
            return Optional.empty();
        }
        return ctx.readableFile(p.path()).flatMap(file -> DesignTimeSchema.of(file, p))
                .map(schema -> Map.of(PortSpec.OUT, schema));
    }
}

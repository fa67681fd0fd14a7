package org.assay.connectors.file.internal;

import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepCategory;
import org.assay.api.step.StepDescriptor;
import org.assay.api.step.StepType;
import org.assay.api.step.typed.AssayStepType;
import org.assay.api.step.typed.TypedStepType;
import org.osgi.service.component.annotations.Component;

/** The {@code xlsx-reader} step type: one sheet of an Excel workbook into a typed dataset. */
@Component(service = StepType.class)
@AssayStepType("xlsx-reader")
public final class XlsxReaderStepType extends TypedStepType<XlsxReaderParameters> {

    public XlsxReaderStepType() {
        super(XlsxReaderParameters.class);
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.CONNECTOR).title("Read Excel sheet").tags("file", "excel", "xlsx", "source")
                .description("Reads one sheet of an .xlsx workbook (fastexcel, streaming), the first row as column "
                        + "names. Types come from columns or from the cells of the first " + XlsxColumns.SAMPLE
                        + " rows: whole numbers, numbers, booleans, and cells formatted as dates become dates or "
                        + "timestamps; formulas give their saved result. Empty rows are skipped; a cell that does not "
                        + "fit its column, or an Excel error such as #DIV/0!, sends its row to quarantine.")
                .output(PortSpec.OUT, "One row per sheet row.");
    }

    @Override
    protected Step newStep(XlsxReaderParameters p) {
        return new XlsxReaderStep(p);
    }
}

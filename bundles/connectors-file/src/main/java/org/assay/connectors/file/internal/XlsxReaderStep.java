package org.assay.connectors.file.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.assay.api.data.BatchBuilder;
import org.assay.api.data.BatchSink;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepContext;
import org.assay.api.step.StepFailure;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/** One run of {@code xlsx-reader}. See {@link XlsxReaderStepType}. */
final class XlsxReaderStep implements Step {

    private final XlsxReaderParameters params;

    XlsxReaderStep(XlsxReaderParameters params) {
        this.params = params;
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        Path file = ctx.readPath(params.path());
        if (!Files.isRegularFile(file)) {
            throw new StepFailure("parameter path: no file " + file + "; check the path (relative paths start in the "
                    + "workflow folder)");
        }
        byte[] head = new byte[8];
        try (var in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, head.length);
            if (n < 4 || !ReadableWorkbook.isOOXMLZipHeader(head)) {
                throw new StepFailure("parameter path: " + file.getFileName() + " is not an .xlsx workbook"
                        + (ReadableWorkbook.isOLE2Header(head) ? " but an old binary .xls: save it as .xlsx in Excel "
                        + "or LibreOffice" : ""));
            }
        }
        // Cell formats are read: they are how Excel tells a date from a number.
        try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false))) {
            Sheet sheet = params.sheet().isPresent() ? wb.findSheet(params.sheet().get()).orElseThrow(() ->
                    new StepFailure("parameter sheet: the workbook has no sheet '" + params.sheet().get() + "'; its "
                            + "sheets are " + wb.getSheets().map(Sheet::getName).toList())) : wb.getFirstSheet();
            try (Stream<Row> stream = sheet.openStream()) {
                read(ctx, stream.iterator(), sheet.getName());
            }
        } catch (NoSuchFileException e) {
            throw new StepFailure("parameter path: no file " + file);
        } catch (IOException | RuntimeException e) {
            // fastexcel's ExcelReaderException and zip errors: a damaged or encrypted file.
            throw new StepFailure("parameter path: " + file.getFileName() + " could not be read as a workbook: "
                    + e.getMessage(), e);
        }
    }

    private void read(StepContext ctx, Iterator<Row> rows, String sheetName) throws Exception {
        Row header = params.header() && rows.hasNext() ? rows.next() : null;
        List<Row> sample = new ArrayList<>();
        while (sample.size() < XlsxColumns.SAMPLE && rows.hasNext()) {
            sample.add(rows.next());
        }
        int width = header != null ? header.getCellCount() : 0;
        for (Row r : sample) {
            width = Math.max(width, r.getCellCount());
        }
        if (width == 0) {
            throw new StepFailure("sheet " + sheetName + " is empty");
        }
        XlsxColumns columns = XlsxColumns.plan(XlsxColumns.names(header, width, params.header()), sample,
                params.columns());
        BatchSink out = ctx.output(PortSpec.OUT, columns.schema());
        BatchBuilder b = new BatchBuilder(columns.schema());
        Object[] row = new Object[width];
        Iterator<Row> all = new Iterator<>() {
            private final Iterator<Row> first = sample.iterator();

            public boolean hasNext() {
                return first.hasNext() || rows.hasNext();
            }

            public Row next() {
                return first.hasNext() ? first.next() : rows.next();
            }
        };
        while (all.hasNext()) {
            Row r = all.next();
            ctx.countIn(1);
            if (r.getFirstNonEmptyCell().isEmpty()) {
                ctx.countFiltered(1);
                continue;
            }
            String problem = columns.values(r, row);
            if (problem != null) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < width; c++) {
                    Cell cell = XlsxColumns.cell(r, c);
                    cells.add(cell == null || cell.getText() == null ? "" : cell.getText());
                }
                ctx.quarantine().reject(r.getRowNum(), columns.schema(), cells, "row " + r.getRowNum() + ": " + problem);
                continue;
            }
            for (int c = 0; c < width; c++) {
                b.set(c, row[c]);
            }
            b.endRow();
            if (b.isFull()) {
                out.write(b.build());
                ctx.checkCancelled();
            }
        }
        if (!b.isEmpty()) {
            out.write(b.build());
        }
    }
}

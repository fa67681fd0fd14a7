package org.assay.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assay.api.step.ParameterSpec;
import org.assay.api.step.ParameterType;
import org.assay.api.step.StepCategory;
import org.assay.api.step.StepDescriptor;
import org.assay.api.workflow.StepDefinition;
import org.assay.api.workflow.WorkflowDefinition;
import org.apache.karaf.shell.support.table.ShellTable;
import org.junit.jupiter.api.Test;

class FormatWrapTest {

    /** Words end at every column of a 70-wide cell somewhere in this text, the case Karaf's wrap cut. */
    private static final String DESCRIPTION = "Path of the CSV file to read. Relative paths resolve against the "
            + "workflow's data folder (etc/org.assay.engine.cfg dataFolder), absolute ones must lie under an "
            + "allowed root. Several files: a glob like customers-*.csv reads them in name order as one input, "
            + "each file's header must match the first one or the run fails naming the file and the column.";

    @Test
    void everyWordSurvivesAtEveryWidthAndNoLineIsWider() {
        for (int width = 1; width <= 90; width++) {
            String wrapped = Format.wrap(DESCRIPTION, width);
            for (String line : wrapped.split("\n")) {
                assertTrue(line.length() <= width, () -> "line wider than the cell: '" + line + "'");
            }
            if (width >= longestWord(DESCRIPTION)) {
                assertEquals(DESCRIPTION, wrapped.replace('\n', ' '), "width " + width);
            } else {
                assertEquals(DESCRIPTION.replace(" ", ""), wrapped.replace("\n", "").replace(" ", ""), "width " + width);
            }
        }
    }

    @Test
    void aWordWiderThanTheCellIsBrokenNotCut() {
        assertEquals("abcd\nefgh\nij k", Format.wrap("abcdefghij k", 4));
        assertEquals("ab\nabcd\nef", Format.wrap("ab abcdef", 4));
    }

    @Test
    void existingLineBreaksAndShortTextStay() {
        assertEquals("one\ntwo three", Format.wrap("one\ntwo three", 20));
        assertEquals("short", Format.wrap("short", 20));
        assertEquals("", Format.wrap("", 20));
    }

    @Test
    void stepShowDescriptionColumnLosesNoCharacter() {
        StepDescriptor d = StepDescriptor.builder("csv-reader").category(StepCategory.CONNECTOR).title("CSV reader").description("Reads CSV.")
                .parameter(ParameterSpec.builder("path", ParameterType.STRING).required().description(DESCRIPTION).build())
                .parameter(ParameterSpec.builder("delimiter", ParameterType.STRING).defaultValue(",")
                        .description("Field separator; a word ends exactly at column seventy here: 123456789 1234").build())
                .build();
        List<String> cells = column(StepShowCommand.parameters(d), 4);
        assertEquals(DESCRIPTION + " " + d.parameters().get(1).description(), String.join(" ", cells));
    }

    @Test
    void workflowShowParametersColumnLosesNoCharacter() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("path", "customers.csv");
        params.put("note", DESCRIPTION);
        WorkflowDefinition w = new WorkflowDefinition(1, "w", "W", null, null,
                List.of(new StepDefinition("read", "csv-reader", params, null)));
        List<String> cells = column(WorkflowShowCommand.steps(w), 3);
        assertEquals("path=customers.csv, note=" + DESCRIPTION, String.join(" ", cells));
    }

    /** The pieces of one column in every printed row, in order, trimmed. */
    private static List<String> column(ShellTable table, int index) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        table.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\\R");
        List<String> cells = new ArrayList<>();
        for (int i = 2; i < lines.length; i++) { // header and underline first
            String[] parts = lines[i].split(" [|│] ", -1);
            if (parts.length > index && !parts[index].isBlank()) {
                cells.add(parts[index].strip());
            }
        }
        return cells;
    }

    private static int longestWord(String text) {
        int longest = 0;
        for (String w : text.split(" ")) {
            longest = Math.max(longest, w.length());
        }
        return longest;
    }
}

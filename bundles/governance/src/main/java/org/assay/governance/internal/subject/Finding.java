package org.assay.governance.internal.subject;

import java.nio.file.Path;
import java.util.List;

/**
 * Rows about a data subject found in one place.
 *
 * @param kind     {@code data-file} (a file of the workflow data folder), {@code run-file} (an output
 *                 or quarantine in a run folder), {@code run-text} (a report or log) or
 *                 {@code table} (a database table)
 * @param location the file, or {@code <data source>/<table>}
 * @param runId    the run whose folder holds it, or null
 * @param file     the file, or null for a table
 * @param header   the column names (a text file: {@code line})
 * @param rows     the matching rows, cells as text
 */
public record Finding(String kind, String location, String runId, Path file, List<String> header,
        List<List<String>> rows) {
}

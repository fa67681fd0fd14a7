package org.assay.connectors.file.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.assay.api.step.StepFailure;

/**
 * The records of a JSON file, one at a time: the elements of a top-level array, or one value
 * per line. A JSON-lines line that does not parse is reported with its number and skipped; an
 * array that does not parse ends the file with the line and column of the error. Not
 * thread-safe.
 */
final class JsonRecords implements Closeable {

    /** Records read before the columns and their types are decided. */
    static final int SAMPLE = 1000;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A record, or the reason a line could not be read as one. */
    record Next(long number, JsonNode node, String problem) { }

    private final BufferedReader lines;
    private final JsonParser array;
    private long number;

    private JsonRecords(BufferedReader lines, JsonParser array) {
        this.lines = lines;
        this.array = array;
    }

    static JsonRecords open(Path file, JsonLayout layout) throws IOException, StepFailure {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        BufferedReader reader = new BufferedReader(new InputStreamReader(gzip ? new GZIPInputStream(in, 1 << 16) : in,
                StandardCharsets.UTF_8), 1 << 16);
        JsonLayout actual = layout;
        if (layout == JsonLayout.AUTO) {
            reader.mark(1 << 15);
            int c;
            do {
                c = reader.read();
            } while (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\uFEFF');
            reader.reset();
            actual = c == '[' ? JsonLayout.ARRAY : JsonLayout.LINES;
        }
        if (actual == JsonLayout.LINES) {
            return new JsonRecords(reader, null);
        }
        JsonParser p = MAPPER.createParser(reader);
        if (p.nextToken() != JsonToken.START_ARRAY) {
            p.close();
            throw new StepFailure("parameter layout: " + file.getFileName() + " does not start with [; set \"layout\": "
                    + "\"lines\" for one object per line");
        }
        return new JsonRecords(null, p);
    }

    /** The next record, or null at the end. */
    Next next() throws IOException, StepFailure {
        if (lines != null) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    return new Next(number, MAPPER.readTree(line), null);
                } catch (JsonProcessingException e) {
                    return new Next(number, null, "line " + number + " is not JSON: " + e.getOriginalMessage());
                }
            }
            return null;
        }
        try {
            JsonToken t = array.nextToken();
            if (t == null || t == JsonToken.END_ARRAY) {
                return null;
            }
            number++;
            return new Next(number, array.readValueAsTree(), null);
        } catch (JsonProcessingException e) {
            throw new StepFailure("the JSON array is broken at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + " (record " + (number + 1) + "): " + e.getOriginalMessage()
                    + ". Records before it were read; fix the file to read the rest.");
        }
    }

    /**
     * A JSON Pointer from "/address/city" or the dotted "address.city" ("tags.0" is the first
     * element of tags).
     *
     * @throws IllegalArgumentException for an empty path
     */
    static JsonPointer pointer(String path) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("a path must name a field, e.g. \"/address/city\" or \"address.city\"");
        }
        if (path.startsWith("/")) {
            return JsonPointer.compile(path);
        }
        StringBuilder p = new StringBuilder();
        for (String part : path.split("\\.", -1)) {
            if (part.isEmpty()) {
                throw new IllegalArgumentException("'" + path + "' has an empty part between dots");
            }
            p.append('/').append(part.replace("~", "~0").replace("/", "~1"));
        }
        return JsonPointer.compile(p.toString());
    }

    @Override
    public void close() throws IOException {
        if (lines != null) {
            lines.close();
        } else {
            array.close();
        }
    }
}

package org.assay.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class StepsApiTest {

    private static final String SCHEMA = "{\"properties\":{\"steps\":{\"items\":{\"allOf\":["
            + "{\"if\":{\"properties\":{\"type\":{\"const\":\"impute\"}}},"
            + "\"then\":{\"properties\":{\"params\":{\"type\":\"object\",\"properties\":{\"k\":{\"type\":\"integer\"}}}}}},"
            + "{\"if\":{\"properties\":{\"type\":{\"const\":\"csv-reader\"}}},"
            + "\"then\":{\"properties\":{\"params\":{\"type\":\"object\",\"required\":[\"path\"]}}}}]}}}}";

    @Test
    void parameterSchemaIsTheStepTypesRuleOfTheWorkflowSchema() throws Exception {
        JsonNode s = StepsApi.parameterSchema(SCHEMA, "csv-reader");
        assertEquals("path", s.path("required").path(0).asText());
        assertEquals("https://json-schema.org/draft/2020-12/schema", s.path("$schema").asText());
        assertEquals("integer", StepsApi.parameterSchema(SCHEMA, "impute").path("properties").path("k").path("type").asText());
        assertTrue(StepsApi.parameterSchema(SCHEMA, "nope").isEmpty());
    }
}

package org.assay.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void knownFieldsAreRead() {
        assertEquals("churn", Json.read(b("{\"workflowId\":\"churn\"}"), Bodies.StartRun.class).workflowId());
    }

    @Test
    void unknownFieldIsNamedWithTheAllowedOnes() {
        ApiProblem p = assertThrows(ApiProblem.class,
                () -> Json.read(b("{\"workflowId\":\"churn\",\"priority\":1}"), Bodies.StartRun.class));
        assertEquals(400, p.status());
        assertEquals("priority", p.extra().path("field").asText());
        assertTrue(p.getMessage().contains("allowed: workflowId"), p.getMessage());
        assertTrue(p.toJson(null).path("type").asText().endsWith("/unknown-field"));
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        ApiProblem p = assertThrows(ApiProblem.class, () -> Json.read(b("{\n  \"workflowId\": }"), Bodies.StartRun.class));
        assertEquals(400, p.status());
        assertEquals(2, p.extra().path("line").asInt());
        assertTrue(p.getMessage().startsWith("line 2, column "), p.getMessage());
    }

    @Test
    void trailingTokensEmptyAndNullBodiesAreRefused() {
        assertEquals(400, assertThrows(ApiProblem.class,
                () -> Json.read(b("{\"version\":1} {}"), Bodies.Promote.class)).status());
        assertEquals(400, assertThrows(ApiProblem.class, () -> Json.read(new byte[0], Bodies.Promote.class)).status());
        assertEquals(400, assertThrows(ApiProblem.class, () -> Json.read(b("null"), Bodies.Promote.class)).status());
        assertEquals(400, assertThrows(ApiProblem.class,
                () -> Json.read(b("{\"version\":null}"), Bodies.Promote.class)).status());
    }

    @Test
    void problemJsonHasTheRfc9457Members() {
        var o = ApiProblem.notFound("no run 'x'").toJson("/assay/api/v1/runs/x");
        assertEquals("https://assay.org/problems/not-found", o.path("type").asText());
        assertEquals("Not found", o.path("title").asText());
        assertEquals(404, o.path("status").asInt());
        assertEquals("no run 'x'", o.path("detail").asText());
        assertEquals("/assay/api/v1/runs/x", o.path("instance").asText());
    }
}

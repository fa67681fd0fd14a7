package org.assay.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The checked-in openapi.json documents exactly the served routes, each with the role it is served with. */
class OpenApiTest {

    private static Map<String, String> served() {
        Map<String, String> out = new TreeMap<>();
        for (Routes.Route r : ApiServlet.routes(null, null, null, null, null, null, 1).all()) {
            out.put(r.method() + " " + r.template(), r.role().name().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private static Map<String, String> documented() throws Exception {
        JsonNode doc = Json.MAPPER.readTree(OpenApi.document());
        Map<String, String> out = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> p = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = p.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                out.put(op.getKey().toUpperCase(Locale.ROOT) + " " + p.getKey(), op.getValue().path("x-assay-role").asText());
            }
        }
        return out;
    }

    @Test
    void everyServedRouteIsDocumentedWithItsRoleAndNothingElse() throws Exception {
        assertEquals(served(), documented());
    }

    @Test
    void documentIsOpenApi3WithTheBasePath() throws Exception {
        JsonNode doc = Json.MAPPER.readTree(OpenApi.document());
        assertEquals("3.0.3", doc.path("openapi").asText());
        assertEquals("/assay/api/v1", doc.path("servers").path(0).path("url").asText());
        assertEquals(ApiContext.PATH, doc.path("servers").path(0).path("url").asText());
    }

    @Test
    void everyProtectedOperationDocumentsItsRefusals() throws Exception {
        JsonNode doc = Json.MAPPER.readTree(OpenApi.document());
        doc.path("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(op -> {
            String role = op.getValue().path("x-assay-role").asText();
            JsonNode responses = op.getValue().path("responses");
            if (!role.equals("public")) {
                assertEquals(true, responses.has("401"), op.getKey() + " " + p.getKey() + " lacks 401");
                assertEquals(true, responses.has("429"), op.getKey() + " " + p.getKey() + " lacks 429 (login limit)");
            }
            if (role.equals("operator") || role.equals("admin") || role.equals("viewer")) {
                assertEquals(true, responses.has("403"), op.getKey() + " " + p.getKey() + " lacks 403");
            }
        }));
    }
}

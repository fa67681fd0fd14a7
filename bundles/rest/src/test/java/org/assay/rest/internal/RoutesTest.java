package org.assay.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoutesTest {

    private final Routes routes = new Routes()
            .add("GET", "/workflows/{id}", Role.VIEWER, ex -> { })
            .add("DELETE", "/workflows/{id}", Role.ADMIN, ex -> { })
            .add("POST", "/workflows/validate", Role.VIEWER, ex -> { });

    @Test
    void literalSegmentsWinOverParameters() {
        assertEquals("/workflows/validate", routes.match("POST", List.of("workflows", "validate")).route().template());
        Routes.Match m = routes.match("GET", List.of("workflows", "churn"));
        assertEquals("churn", m.params().get("id"));
    }

    @Test
    void aKnownPathWithAnotherMethodIs405WithAllow() {
        ApiProblem p = assertThrows(ApiProblem.class, () -> routes.match("PUT", List.of("workflows", "churn")));
        assertEquals(405, p.status());
        assertEquals("DELETE, GET", p.headers().get("Allow"));
    }

    @Test
    void anUnknownPathIs404() {
        assertEquals(404, assertThrows(ApiProblem.class, () -> routes.match("GET", List.of("nothing"))).status());
        assertEquals(404, assertThrows(ApiProblem.class,
                () -> routes.match("GET", List.of("workflows", "a", "b"))).status());
    }

    @Test
    void writesAreWhatNeedsMoreThanViewer() {
        assertEquals(List.of(false, true, false), routes.all().stream().map(Routes.Route::isWrite).toList());
    }
}

package org.assay.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Path traversal in ids: every spelling of '..' or a slash inside a segment is refused before routing. */
class PathSegmentsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/runs/r1/artifacts/..%2F..%2Fetc/passwd", "/runs/r1/artifacts/%2e%2e/x",
            "/runs/r1/artifacts/s/..", "/runs/r1/artifacts/s/%2E%2E", "/runs/r1/artifacts/s/a%5c..%5cb",
            "/runs/r1/artifacts/s/a%00b", "/runs/r1/artifacts/s/%2fetc%2fpasswd", "/runs/./x", "/runs/%2",
            "/runs/%zz"})
    void traversalIsRefused(String path) {
        assertEquals(400, assertThrows(ApiProblem.class, () -> ApiServlet.segments(path)).status());
    }

    @Test
    void segmentsAreDecodedOneByOne() {
        assertEquals(List.of("runs", "r 1", "artifacts", "chart", "Ümsatz.png"),
                ApiServlet.segments("/runs/r%201/artifacts/chart/%C3%9Cmsatz.png"));
        assertEquals(List.of("me"), ApiServlet.segments("//me/"));
        assertEquals(List.of(), ApiServlet.segments(""));
    }
}

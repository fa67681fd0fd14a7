package org.assay.rest.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

/** Browser-remembered Basic credentials cannot be used by another site's form to change anything. */
class CrossSiteTest {

    private static HttpServletRequest request(Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(CrossSiteTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getHeader")) {
                        return headers.get(args[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void scriptsWithoutOriginAndSameOriginPagesMayWrite() {
        assertDoesNotThrow(() -> ApiServlet.refuseCrossSite(request(Map.of("Host", "localhost:8181"))));
        assertDoesNotThrow(() -> ApiServlet.refuseCrossSite(request(Map.of("Host", "localhost:8181",
                "Origin", "http://localhost:8181", "Sec-Fetch-Site", "same-origin"))));
    }

    @Test
    void anotherOriginIsRefused() {
        assertEquals(403, assertThrows(ApiProblem.class, () -> ApiServlet.refuseCrossSite(request(Map.of(
                "Host", "localhost:8181", "Origin", "http://evil.example")))).status());
        assertEquals(403, assertThrows(ApiProblem.class, () -> ApiServlet.refuseCrossSite(request(Map.of(
                "Host", "localhost:8181", "Origin", "http://localhost:9999")))).status());
        assertEquals(403, assertThrows(ApiProblem.class, () -> ApiServlet.refuseCrossSite(request(Map.of(
                "Host", "localhost:8181", "Sec-Fetch-Site", "cross-site")))).status());
        assertEquals(403, assertThrows(ApiProblem.class, () -> ApiServlet.refuseCrossSite(request(Map.of(
                "Host", "localhost:8181", "Origin", "null")))).status());
    }
}

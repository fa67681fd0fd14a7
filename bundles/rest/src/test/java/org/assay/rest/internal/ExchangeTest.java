package org.assay.rest.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.util.Map;
import javax.servlet.ReadListener;
import javax.servlet.ServletInputStream;
import javax.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

/** Request bodies: limited in size whether or not the client declares a length, and JSON only. */
class ExchangeTest {

    private static Exchange exchange(String contentType, long declaredLength, InputStream body) {
        ServletInputStream in = new ServletInputStream() {
            @Override
            public int read() throws IOException {
                return body.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return body.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                return false;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener l) {
                throw new UnsupportedOperationException();
            }
        };
        HttpServletRequest req = (HttpServletRequest) Proxy.newProxyInstance(ExchangeTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getContentType" -> contentType;
                    case "getContentLengthLong" -> declaredLength;
                    case "getInputStream" -> in;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return new Exchange(req, null, null, Map.of(), 1024);
    }

    private static InputStream bytes(int n) {
        return new ByteArrayInputStream(new byte[n]);
    }

    @Test
    void aBodyWithinTheLimitIsRead() throws Exception {
        assertArrayEquals(new byte[1024], exchange("application/json; charset=utf-8", 1024, bytes(1024)).jsonBody());
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeReading() {
        InputStream never = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("the body was read");
            }
        };
        assertEquals(413, assertThrows(ApiProblem.class, () -> exchange("application/json", 1025, never).jsonBody())
                .status());
    }

    @Test
    void aChunkedBodyIsCutAtTheLimit() {
        assertEquals(413, assertThrows(ApiProblem.class, () -> exchange("application/json", -1, bytes(5000)).jsonBody())
                .status());
    }

    @Test
    void anotherContentTypeIs415() {
        assertEquals(415, assertThrows(ApiProblem.class, () -> exchange("text/plain", 2, bytes(2)).jsonBody()).status());
        assertEquals(415, assertThrows(ApiProblem.class, () -> exchange(null, 2, bytes(2)).jsonBody()).status());
    }

    @Test
    void aBodyEndingEarlyIs400() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("Early EOF");
            }
        };
        ApiProblem p = assertThrows(ApiProblem.class, () -> exchange("application/json", 10, broken).jsonBody());
        assertEquals(400, p.status());
        assertEquals("the request body ended early: expected 10 bytes, got 0", p.getMessage());
    }
}

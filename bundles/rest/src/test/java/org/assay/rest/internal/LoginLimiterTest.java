package org.assay.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

/** Password guessing is slowed down per address and per user; the time is a settable clock. */
class LoginLimiterTest {

    /** A clock the test moves by hand. */
    private static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-12-02T08:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    private final TestClock clock = new TestClock();
    private final LoginLimiter limiter = new LoginLimiter(3, Duration.ofSeconds(60), clock);

    @Test
    void failuresBeyondTheFreeOnesLockOutForDoublingTimes() {
        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, limiter.retryAfter("10.0.0.1", "ann"));
            limiter.failed("10.0.0.1", "ann");
        }
        assertEquals(Duration.ZERO, limiter.retryAfter("10.0.0.1", "ann"), "three free failures");
        limiter.failed("10.0.0.1", "ann");
        assertEquals(Duration.ofSeconds(1), limiter.retryAfter("10.0.0.1", "ann"));
        clock.advance(Duration.ofSeconds(1));
        limiter.failed("10.0.0.1", "ann");
        assertEquals(Duration.ofSeconds(2), limiter.retryAfter("10.0.0.1", "ann"));
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofSeconds(61));
            limiter.failed("10.0.0.1", "ann");
        }
        assertEquals(Duration.ofSeconds(60), limiter.retryAfter("10.0.0.1", "ann"), "capped");
    }

    @Test
    void theUserIsLockedFromEveryAddressAndTheAddressForEveryUser() {
        for (int i = 0; i < 4; i++) {
            limiter.failed("10.0.0." + i, "ann");
        }
        assertTrue(limiter.retryAfter("192.168.1.1", "ann").compareTo(Duration.ZERO) > 0, "ann from anywhere");
        assertEquals(Duration.ZERO, limiter.retryAfter("192.168.1.1", "bob"));
        for (int i = 0; i < 4; i++) {
            limiter.failed("10.9.9.9", "user" + i);
        }
        assertTrue(limiter.retryAfter("10.9.9.9", "carol").compareTo(Duration.ZERO) > 0, "anyone from 10.9.9.9");
    }

    @Test
    void aSuccessOrQuietTimeClearsTheCount() {
        for (int i = 0; i < 3; i++) {
            limiter.failed("10.0.0.1", "ann");
        }
        limiter.succeeded("10.0.0.1", "ann");
        limiter.failed("10.0.0.1", "ann");
        assertEquals(Duration.ZERO, limiter.retryAfter("10.0.0.1", "ann"), "counting from zero again");
        for (int i = 0; i < 3; i++) {
            limiter.failed("10.0.0.2", "bob");
        }
        clock.advance(Duration.ofHours(1));
        limiter.failed("10.0.0.2", "bob");
        assertEquals(Duration.ZERO, limiter.retryAfter("10.0.0.2", "bob"), "old failures are forgotten");
    }

    @Test
    void memoryStaysBounded() {
        for (int i = 0; i < LoginLimiter.MAX_KEYS * 2; i++) {
            clock.advance(Duration.ofMillis(1));
            limiter.failed("10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255), null);
        }
        assertTrue(limiter.tracked() <= LoginLimiter.MAX_KEYS, limiter.tracked() + " keys");
    }

    /** Through the servlet's login: 429 with Retry-After, and JAAS is not even asked while locked out. */
    @Test
    void aLockedOutLoginIsAnswered429WithRetryAfter() {
        AtomicInteger asked = new AtomicInteger();
        Function<String, Optional<Caller>> jaas = header -> {
            asked.incrementAndGet();
            return header.equals(basic("ann", "right")) ? Optional.of(new Caller("ann", Set.of("viewer")))
                    : Optional.empty();
        };
        HttpServletRequest wrong = request(basic("ann", "guess"));
        for (int i = 0; i < 4; i++) {
            assertEquals(401, assertThrows(ApiProblem.class, () -> ApiServlet.login(wrong, jaas, limiter)).status());
        }
        assertEquals(4, asked.get());
        ApiProblem p = assertThrows(ApiProblem.class, () -> ApiServlet.login(request(basic("ann", "right")), jaas,
                limiter));
        assertEquals(429, p.status());
        assertEquals("1", p.headers().get("Retry-After"));
        assertEquals(ApiProblem.TYPE_BASE + "too-many-logins", p.toJson(null).path("type").asText());
        assertEquals(1, p.toJson(null).path("retryAfterSeconds").asInt());
        assertEquals(4, asked.get(), "a locked-out login costs no JAAS call");
        clock.advance(Duration.ofSeconds(1));
        assertEquals("ann", ApiServlet.login(request(basic("ann", "right")), jaas, limiter).user());
        assertEquals(401, assertThrows(ApiProblem.class, () -> ApiServlet.login(request(null), jaas, limiter)).status(),
                "no credentials: asked to log in, not counted");
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpServletRequest request(String authorization) {
        return (HttpServletRequest) Proxy.newProxyInstance(LoginLimiterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeader" -> "Authorization".equals(args[0]) ? authorization : null;
                    case "getRemoteAddr" -> "127.0.0.1";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}

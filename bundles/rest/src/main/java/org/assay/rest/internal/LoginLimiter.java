package org.assay.rest.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@code freeFailures} failed logins in a row from one
 * remote address, or for one user name, each further failure locks that address (or user)
 * out for twice as long as the one before (1 s, 2 s, 4 s ... up to {@code maxLockout}). A
 * locked-out request is answered 429 without asking JAAS, so guessing costs the server
 * nothing. A successful login clears its user's and its address's count; a count is forgotten
 * {@code forgetAfter} after its last failure. Thread-safe; memory is bounded by
 * {@link #MAX_KEYS}.
 */
final class LoginLimiter {

    /** Addresses and users tracked at once; beyond it the oldest quiet ones are dropped. */
    static final int MAX_KEYS = 10_000;

    private record Failures(int count, Instant last, Instant lockedUntil) {
    }

    private final int freeFailures;
    private final Duration maxLockout;
    private final Duration forgetAfter;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    LoginLimiter(int freeFailures, Duration maxLockout, Clock clock) {
        this.freeFailures = Math.max(1, freeFailures);
        this.maxLockout = maxLockout.isNegative() || maxLockout.isZero() ? Duration.ofSeconds(1) : maxLockout;
        this.forgetAfter = this.maxLockout.multipliedBy(2).plusMinutes(15);
        this.clock = clock;
    }

    /**
     * How long this address or user must still wait before a login is tried; zero when it may
     * try now. The longer of the two locks counts.
     *
     * @param user the user name of the credentials, or null when they name none
     */
    Duration retryAfter(String address, String user) {
        Instant now = clock.instant();
        Duration wait = wait(addressKey(address), now);
        if (user != null) {
            Duration u = wait(userKey(user), now);
            wait = u.compareTo(wait) > 0 ? u : wait;
        }
        return wait;
    }

    /** Counts a failed login against the address and the user. */
    void failed(String address, String user) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_KEYS) {
            prune(now);
        }
        count(addressKey(address), now);
        if (user != null) {
            count(userKey(user), now);
        }
    }

    /** A login succeeded: its user and address start again from zero. */
    void succeeded(String address, String user) {
        failures.remove(addressKey(address));
        if (user != null) {
            failures.remove(userKey(user));
        }
    }

    private Duration wait(String key, Instant now) {
        Failures f = failures.get(key);
        if (f == null || !f.lockedUntil().isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, f.lockedUntil());
    }

    private void count(String key, Instant now) {
        failures.compute(key, (k, f) -> {
            int count = f == null || f.last().plus(forgetAfter).isBefore(now) ? 1 : f.count() + 1;
            Instant until = now;
            if (count > freeFailures) {
                int doublings = Math.min(count - freeFailures - 1, 30);
                Duration lock = Duration.ofSeconds(1L << doublings);
                until = now.plus(lock.compareTo(maxLockout) > 0 ? maxLockout : lock);
            }
            return new Failures(count, now, until);
        });
    }

    /** Drops forgotten counts; when that is not enough, the quietest half. */
    private void prune(Instant now) {
        failures.values().removeIf(f -> f.last().plus(forgetAfter).isBefore(now) && !f.lockedUntil().isAfter(now));
        if (failures.size() >= MAX_KEYS) {
            Instant median = failures.values().stream().map(Failures::last).sorted()
                    .skip(failures.size() / 2).findFirst().orElse(now);
            for (Iterator<Failures> it = failures.values().iterator(); it.hasNext();) {
                if (it.next().last().isBefore(median)) {
                    it.remove();
                }
            }
        }
    }

    private static String addressKey(String address) {
        return "a:" + (address == null ? "" : address);
    }

    private static String userKey(String user) {
        return "u:" + user;
    }

    int tracked() {
        return failures.size();
    }
}

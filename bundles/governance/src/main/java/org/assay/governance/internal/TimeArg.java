package org.assay.governance.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Times on the command line, as assay:run-list takes them. Stateless. */
final class TimeArg {

    private static final Pattern AGO = Pattern.compile("(\\d{1,9})([smhdw])");

    private TimeArg() {
    }

    /**
     * An ISO instant, a local date or date-time in the clock's zone, or an age ({@code 30m},
     * {@code 2h}, {@code 7d}, {@code 2w}: that long before now).
     *
     * @return null for a null or blank value
     * @throws IllegalArgumentException naming the option, with examples
     */
    static Instant parse(String option, String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        Matcher ago = AGO.matcher(v.toLowerCase(Locale.ROOT));
        if (ago.matches()) {
            long n = Long.parseLong(ago.group(1));
            Duration d = switch (ago.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofDays(7 * n);
            };
            return clock.instant().minus(d);
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException notInstant) {
            try {
                return LocalDateTime.parse(v).atZone(clock.getZone()).toInstant();
            } catch (DateTimeParseException notDateTime) {
                try {
                    return LocalDate.parse(v).atStartOfDay(clock.getZone()).toInstant();
                } catch (DateTimeParseException notDate) {
                    throw new IllegalArgumentException(option + " " + v + " is not a time; give a date (2026-12-01), "
                            + "a date and time (2026-12-01T08:00, or 2026-12-01T08:00:00Z in UTC) or an age "
                            + "(30m, 2h, 7d, 2w)");
                }
            }
        }
    }
}

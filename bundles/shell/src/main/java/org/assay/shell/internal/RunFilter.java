package org.assay.shell.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.assay.engine.RunStatus;

/** Reads the filter options of {@code assay:run-list} into what a RunQuery takes. */
final class RunFilter {

    private static final Pattern AGO = Pattern.compile("(\\d{1,6})([smhdw])");

    private RunFilter() {
    }

    /**
     * Statuses as the shell prints them ("running", "waiting for steps") or as names
     * ("WAITING_FOR_STEPS", "waiting-for-steps"); several separated by commas; "waiting" and
     * "done"/"finished" as shorthands.
     *
     * @throws IllegalArgumentException naming the valid values
     */
    static Set<RunStatus> statuses(List<String> values) {
        Set<RunStatus> out = EnumSet.noneOf(RunStatus.class);
        if (values == null) {
            return out;
        }
        for (String value : values) {
            for (String one : value.split(",")) {
                String name = one.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
                if (name.isEmpty()) {
                    continue;
                }
                switch (name) {
                    case "WAITING" -> out.add(RunStatus.WAITING_FOR_STEPS);
                    case "DONE", "FINISHED" -> out.addAll(EnumSet.of(RunStatus.SUCCEEDED, RunStatus.FAILED,
                            RunStatus.CANCELLED));
                    default -> {
                        try {
                            out.add(RunStatus.valueOf(name));
                        } catch (IllegalArgumentException e) {
                            throw new IllegalArgumentException("--status " + one.trim() + " is not a run status; use "
                                    + Arrays.stream(RunStatus.values()).map(s -> s.label().replace(' ', '-'))
                                            .collect(Collectors.joining(", "))
                                    + " (or waiting, finished), several separated by commas");
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * A point in time: an ISO instant ({@code 2026-12-01T08:00:00Z}), a local date or date-time
     * ({@code 2026-12-01}, {@code 2026-12-01T08:00}) in the system's zone, or an age such as
     * {@code 30m}, {@code 2h}, {@code 7d}, {@code 2w} (that long before now).
     *
     * @return null for a null or blank value
     * @throws IllegalArgumentException with examples
     */
    static Instant since(String value, Clock clock) {
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
        ZoneId zone = clock.getZone();
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException notInstant) {
            try {
                return LocalDateTime.parse(v).atZone(zone).toInstant();
            } catch (DateTimeParseException notDateTime) {
                try {
                    return LocalDate.parse(v).atStartOfDay(zone).toInstant();
                } catch (DateTimeParseException notDate) {
                    throw new IllegalArgumentException("--since " + v + " is not a time; give a date (2026-12-01), "
                            + "a date and time (2026-12-01T08:00, or 2026-12-01T08:00:00Z in UTC) or an age "
                            + "(30m, 2h, 7d, 2w)");
                }
            }
        }
    }
}

package org.assay.engine;

import com.cronutils.descriptor.CronDescriptor;
import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A workflow's {@code schedule}: a cron expression in Quartz syntax (seconds, minutes,
 * hours, day of month, month, day of week, optional year; one of the two day fields is
 * {@code ?}), the syntax of Karaf's scheduler that fires it. Immutable.
 */
public final class CronSchedule {

    private static final CronParser QUARTZ = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));

    private final String expression;
    private final String description;
    private final ExecutionTime times;

    private CronSchedule(String expression, Cron cron) {
        this.expression = expression;
        this.description = CronDescriptor.instance(Locale.ENGLISH).describe(cron);
        this.times = ExecutionTime.forCron(cron);
    }

    /**
     * Parses an expression.
     *
     * @throws IllegalArgumentException with a message for the person who wrote it
     */
    public static CronSchedule parse(String expression) {
        String trimmed = expression == null ? "" : expression.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("the schedule is empty; write a Quartz cron expression such as "
                    + "\"0 0 2 * * ?\" (every day at 02:00), or leave the field out");
        }
        int fields = trimmed.split("\\s+").length;
        if (fields < 6 || fields > 7) {
            throw new IllegalArgumentException("'" + trimmed + "' has " + fields + " fields; a Quartz cron expression "
                    + "has 6 or 7: seconds minutes hours day-of-month month day-of-week [year], "
                    + "e.g. \"0 0 2 * * ?\" for every day at 02:00");
        }
        try {
            Cron cron = QUARTZ.parse(trimmed);
            cron.validate();
            return new CronSchedule(trimmed, cron);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + trimmed + "' is not a valid Quartz cron expression: "
                    + plain(e.getMessage()) + " (e.g. \"0 0 2 * * ?\" for every day at 02:00)", e);
        }
    }

    /** cron-utils prefixes "Failed to parse '...'. "; the expression is already in our message. */
    private static String plain(String message) {
        if (message == null) {
            return "unreadable";
        }
        if (message.contains("day-of-week AND a day-of-month")) {
            return "Quartz needs '?' in either the day-of-month or the day-of-week field";
        }
        String m = message.replaceFirst("^Failed to parse cron expression\\.\\s*", "")
                .replaceFirst("^Failed to parse '[^']*'\\.\\s*", "");
        return m.isBlank() ? message : Character.toLowerCase(m.charAt(0)) + m.substring(1);
    }

    public String expression() {
        return expression;
    }

    /** The schedule in words, e.g. "at 02:00". */
    public String description() {
        return description;
    }

    /** The first firing strictly after {@code after}, if there is one (a year field can end it). */
    public Optional<ZonedDateTime> next(ZonedDateTime after) {
        return times.nextExecution(after);
    }

    /** Up to {@code count} firings after {@code after}, in order. */
    public List<ZonedDateTime> next(ZonedDateTime after, int count) {
        List<ZonedDateTime> out = new ArrayList<>();
        ZonedDateTime t = after;
        while (out.size() < count) {
            Optional<ZonedDateTime> n = times.nextExecution(t);
            if (n.isEmpty()) {
                break;
            }
            out.add(n.get());
            t = n.get();
        }
        return out;
    }

    /**
     * The shortest gap between two consecutive firings among the first {@code firings}
     * after {@code after}; empty if it fires fewer than twice. Enough firings cover the
     * bursts of an irregular expression such as {@code 0-5 0 * * * ?}.
     */
    public Optional<Duration> shortestInterval(ZonedDateTime after, int firings) {
        List<ZonedDateTime> times = next(after, firings);
        Duration shortest = null;
        for (int i = 1; i < times.size(); i++) {
            Duration gap = Duration.between(times.get(i - 1), times.get(i));
            if (shortest == null || gap.compareTo(shortest) < 0) {
                shortest = gap;
            }
        }
        return Optional.ofNullable(shortest);
    }

    @Override
    public String toString() {
        return expression + " (" + description + ")";
    }
}

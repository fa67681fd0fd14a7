package org.assay.engine.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.helpers.FormattingTuple;
import org.slf4j.helpers.MessageFormatter;

/**
 * A run's log file, {@code run.log} in its folder: the lines its steps write through
 * {@code StepContext.log()}, as {@code <instant> <LEVEL> <step id> <message>}, one per line
 * (line breaks in a message are written as {@code \n}; an exception as its class and message,
 * its stack trace only in the Karaf log). A line is written when the step's logger is enabled
 * for its level in the Karaf log configuration.
 *
 * <p>The engine writes nothing of the data into it: what a step logs is the step's
 * responsibility, and steps must not log row values (personal data goes only where the
 * workflow puts it). The file is bounded ({@link #MAX_BYTES}); later lines go only to the
 * Karaf log. Opened on the first line, appended to by a resumed run, closed when the run stops.
 * Thread-safe: the steps of a run share it.
 */
final class RunLog implements AutoCloseable {

    static final String FILE_NAME = "run.log";
    static final long MAX_BYTES = 16L << 20;
    private static final Map<String, String> LEVELS = Map.of("trace", "TRACE", "debug", "DEBUG", "info", "INFO",
            "warn", "WARN", "error", "ERROR");

    private final Path file;
    private BufferedWriter out;
    private long written;
    private boolean full;

    RunLog(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /**
     * A logger for one step: every call goes to {@code delegate} (the Karaf log) as before,
     * and enabled lines also to this file.
     */
    Logger forStep(String stepId, Logger delegate) {
        InvocationHandler h = new StepLines(stepId, delegate);
        return (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class}, h);
    }

    synchronized void write(Instant at, String level, String stepId, String message, Throwable thrown) {
        if (full) {
            return;
        }
        StringBuilder line = new StringBuilder(64 + message.length()).append(at).append(' ').append(level)
                .append(' ').append(stepId).append(' ').append(oneLine(message));
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            line.append(t == thrown ? " | " : " | caused by ").append(t.getClass().getName())
                    .append(t.getMessage() == null ? "" : ": " + oneLine(t.getMessage()));
        }
        line.append('\n');
        try {
            if (out == null) {
                out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND, StandardOpenOption.WRITE);
                written = Files.size(file);
            }
            if (written + line.length() > MAX_BYTES) {
                full = true;
                out.write(at + " WARN " + stepId + " run.log reached " + (MAX_BYTES >> 20)
                        + " MiB; further lines of this run are only in the Karaf log\n");
            } else {
                out.write(line.toString());
                written += line.length();
            }
            // Flushed per line: whoever streams the log of a running run sees it as it grows.
            out.flush();
        } catch (IOException e) {
            // The Karaf log has the line anyway; a run does not fail over its log file.
            full = true;
        }
    }

    private static String oneLine(String s) {
        return s.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    @Override
    public synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException ignored) {
                // Every line was flushed when written.
            }
            out = null;
        }
    }

    /** Forwards every Logger call, and copies the enabled log lines to the file. */
    private final class StepLines implements InvocationHandler {

        private final String stepId;
        private final Logger delegate;

        StepLines(String stepId, Logger delegate) {
            this.stepId = stepId;
            this.delegate = delegate;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            Object result;
            try {
                result = method.invoke(delegate, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            String level = LEVELS.get(method.getName());
            if (level != null && args != null && args.length > 0 && method.getReturnType() == void.class
                    && enabled(level)) {
                int at = args[0] instanceof Marker ? 1 : 0;
                if (args.length > at && (args[at] == null || args[at] instanceof String)) {
                    Object[] rest = Arrays.copyOfRange(args, at + 1, args.length);
                    if (method.isVarArgs() && rest.length == 1 && rest[0] instanceof Object[] array) {
                        rest = array;
                    }
                    FormattingTuple t = MessageFormatter.arrayFormat((String) args[at], rest);
                    write(Instant.now(), level, stepId, String.valueOf(t.getMessage()), t.getThrowable());
                }
            }
            return result;
        }

        private boolean enabled(String level) {
            return switch (level.toLowerCase(Locale.ROOT)) {
                case "trace" -> delegate.isTraceEnabled();
                case "debug" -> delegate.isDebugEnabled();
                case "info" -> delegate.isInfoEnabled();
                case "warn" -> delegate.isWarnEnabled();
                default -> delegate.isErrorEnabled();
            };
        }
    }
}

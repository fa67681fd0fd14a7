package org.assay.governance.internal.roles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.CommandSessionListener;
import org.apache.karaf.shell.support.ShellUtil;
import org.assay.api.audit.AuditAction;
import org.assay.api.audit.AuditLog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records changes of users, roles and groups in Karaf's {@code etc/users.properties}: who changed
 * which user's (or group's) roles and groups, before and after; a password change is recorded as
 * such, never its value. Two ways in: Karaf's shell calls this listener around every command, on
 * the thread of the user who typed it, so a {@code jaas:update} (which writes the file for the
 * {@code jaas:user-add}, {@code role-add}, {@code group-add} ... before it) is recorded under that
 * user; and the file is looked at every two seconds, so an edit by hand is recorded too, by
 * {@code system}. While a shell command runs the periodic look waits, so the shell's change is
 * not taken for a hand edit. The file as found at start is the baseline: a change made while
 * Karaf was down is not seen.
 */
@Component(service = CommandSessionListener.class)
public final class UsersFileAuditor implements CommandSessionListener {

    private static final Logger LOG = LoggerFactory.getLogger(UsersFileAuditor.class);
    /** A command name, scoped or not; arguments are never kept (they may hold a password). */
    private static final Pattern COMMAND = Pattern.compile("([a-z]+:)?[a-z][a-z-]*");
    private static final Pattern STATEMENTS = Pattern.compile("[;|\\n]|&&");

    static final long SETTLE_MILLIS = 150;
    static final long SETTLE_MAX_MILLIS = 2000;

    private final AuditLog audit;
    private final Path file;
    private final AtomicInteger running = new AtomicInteger();
    private ScheduledExecutorService poller;
    private UserRoles seen;
    private String seenText;

    @Activate
    public UsersFileAuditor(@Reference AuditLog audit) {
        this(audit, Path.of(System.getProperty("karaf.etc", "etc"), "users.properties"));
        start();
    }

    UsersFileAuditor(AuditLog audit, Path file) {
        this.audit = audit;
        this.file = file;
        this.seenText = read();
        this.seen = parse(seenText);
    }

    /** Starts the periodic look at the file (not in unit tests, which call {@link #check}). */
    void start() {
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "assay-users-audit");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::checkWhenIdle, 2, 2, TimeUnit.SECONDS);
    }

    @Deactivate
    void stop() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }

    /**
     * The periodic look: only while no shell command runs. The test of the count and the look are
     * under the same lock as {@link #beforeExecute}, so a command cannot start (and write the file)
     * between them.
     */
    synchronized void checkWhenIdle() {
        if (running.get() == 0) {
            check("system", "etc/users.properties edited");
        }
    }

    @Override
    public synchronized void beforeExecute(CommandSession session, CharSequence command) {
        // A hand edit made before this command is the system's, not this user's.
        check("system", "etc/users.properties edited");
        running.incrementAndGet();
    }

    @Override
    public void afterExecute(CommandSession session, CharSequence command, Exception exception) {
        after(command);
    }

    @Override
    public void afterExecute(CommandSession session, CharSequence command, Object result) {
        after(command);
    }

    private void after(CharSequence command) {
        try {
            String names = commands(command);
            if (names.contains("jaas:update")) {
                settle();
            }
            String user = ShellUtil.getCurrentUserName();
            check(user == null || user.isBlank() ? "system" : user, "shell " + names);
        } finally {
            running.decrementAndGet();
        }
    }

    /**
     * After a {@code jaas:update}, which saves the file once per queued change: waits until the
     * file has stayed the same for {@value #SETTLE_MILLIS} ms (at most {@value #SETTLE_MAX_MILLIS}
     * ms), so the changes are recorded once, as a whole, under the user who typed them.
     */
    private void settle() {
        long deadline = System.nanoTime() + SETTLE_MAX_MILLIS * 1_000_000L;
        String last = read();
        try {
            while (System.nanoTime() < deadline) {
                Thread.sleep(SETTLE_MILLIS);
                String now = read();
                if (now.equals(last)) {
                    return;
                }
                last = now;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The command names of a line: the first word of each statement, never an argument. */
    static String commands(CharSequence line) {
        Set<String> names = new LinkedHashSet<>();
        for (String statement : STATEMENTS.split(line == null ? "" : line)) {
            String first = statement.strip().split("\\s+", 2)[0];
            if (COMMAND.matcher(first).matches()) {
                names.add(first);
            }
        }
        return names.isEmpty() ? "command" : String.join(" ", names);
    }

    /** Compares the file with what was seen last and records each change under {@code principal}. */
    synchronized int check(String principal, String via) {
        String text = read();
        if (text.equals(seenText)) {
            return 0;
        }
        UserRoles now = parse(text);
        int recorded = 0;
        for (UserRoles.Change c : now.since(seen)) {
            Map<String, String> details = new LinkedHashMap<>(c.details());
            details.put("via", via);
            audit.record(principal, AuditAction.ROLE, c.target(), details);
            recorded++;
        }
        seenText = text;
        seen = now;
        return recorded;
    }

    private String read() {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            LOG.warn("cannot read {} to audit role changes ({})", file, e.getClass().getSimpleName());
            return seenText == null ? "" : seenText;
        }
    }

    private static UserRoles parse(String text) {
        try {
            return UserRoles.parse(text);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("cannot parse users.properties to audit role changes ({})", e.getClass().getSimpleName());
            return UserRoles.EMPTY;
        }
    }
}

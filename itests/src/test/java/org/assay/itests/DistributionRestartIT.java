package org.assay.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * The distribution as a user runs it: unpacked, started with its own scripts, a workflow run
 * with {@code bin/assay}, stopped, replaced by a fresh copy (what a rebuild does to
 * target/assembly) and started again. The user's state lives in ASSAY_HOME: run records, the
 * admin password and a run that was in flight (it resumes after its finished steps) survive.
 * Also checks the defaults a first start sets: a generated password, none known.
 * A plain JUnit test: Pax Exam cannot restart its container inside a test.
 */
public class DistributionRestartIT {

    private static final Pattern RUN_LINE = Pattern.compile("(?m)^Run (\\S+) (succeeded|failed|cancelled)\\b");
    private static final long COMMAND_TIMEOUT_SECONDS = 300;

    private Path home;
    private Path assayHome;
    /** SSH, RMI registry, RMI server and HTTP ports of the current install. */
    private int[] ports;

    @Before
    public void unpackWithFreePorts() throws IOException {
        Path itestDir = Paths.get(AssayKarafTestSupport.requiredProperty("assay.itestDir"));
        home = itestDir.resolve("restart-it");
        assayHome = itestDir.resolve("restart-it-home");
        deleteTree(assayHome);
        install();
    }

    /** A fresh distribution in {@link #home}, with free ports and the test step bundle in deploy/. */
    private void install() throws IOException {
        deleteTree(home);
        unzip(Paths.get(AssayKarafTestSupport.requiredProperty("assay.distribution")), home);
        ports = FreePorts.take(4);
        setProperty("etc/org.apache.karaf.shell.cfg", "sshPort", ports[0]);
        setProperty("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", ports[3]);
        setProperty("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", ports[1]);
        setProperty("etc/org.apache.karaf.management.cfg", "rmiServerPort", ports[2]);
        // The test step bundle, hot-deployed like an integrator's bundle.
        Files.copy(Paths.get(AssayKarafTestSupport.requiredProperty("assay.testSteps")),
                home.resolve("deploy/assay-test-steps.jar"));
    }

    @After
    public void stopKaraf() throws Exception {
        if (home != null && Files.isDirectory(home.resolve("bin"))) {
            exec("bin/assay", "stop");
        }
    }

    @Test
    public void runRecordsSurviveARestartAndARunInFlightResumes() throws Exception {
        long start = System.nanoTime();
        Result started = exec("bin/assay", "start");
        long bootMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(started.output, 0, started.exitCode);
        // The figure the distribution is judged by: start to the Assay shell answering.
        System.out.printf("cold boot to assay:step-list answering: %.1f s%n", bootMillis / 1000.0);
        Files.writeString(home.getParent().resolve("boot-time.txt"), bootMillis + " ms\n");

        String password = assertGeneratedPassword(started);
        assertLocalhostOnly();
        Result known = exec(List.of("bin/client", "-u", "karaf", "-p", "karaf", "-r", "3", "-b"), "jaas:whoami\n");
        assertNotEquals("karaf/karaf must not log in:\n" + known.output, 0, known.exitCode);
        Result stored = exec(List.of("bin/client", "-u", "karaf", "-p", password, "-r", "3", "-b"), "jaas:whoami\n");
        assertEquals(stored.output, 0, stored.exitCode);

        // The sample comes from ASSAY_HOME/workflows, seeded on first use.
        assertTrue(Files.isRegularFile(assayHome.resolve("workflows/customer-segmentation.json")));
        Result run = exec("bin/assay", "run", "customer-segmentation");
        assertEquals(run.output, 0, run.exitCode);
        Matcher m = RUN_LINE.matcher(run.output);
        assertTrue("no 'Run <id> <status>' line in:\n" + run.output, m.find());
        String runId = m.group(1);
        assertEquals(run.output, "succeeded", m.group(2));
        assertTrue(run.output, run.output.contains(assayHome.resolve("data/runs").toString()));
        assertTrue(run.output, run.output.contains("report.html"));

        Result failing = exec("bin/assay", "run", "no-such-workflow");
        assertNotEquals("bin/assay must fail for an unknown workflow:\n" + failing.output, 0, failing.exitCode);

        try (InputStream wf = getClass().getResourceAsStream("/workflows/itest-resume.json")) {
            Files.copy(wf, assayHome.resolve("workflows/itest-resume.json"));
        }
        awaitShell("assay:workflow-list", Pattern.compile("itest-resume"), 60);
        Result slow = shell("assay:run itest-resume");
        Matcher startedRun = Pattern.compile("Started run (\\S+)").matcher(slow.output);
        assertTrue(slow.output, startedRun.find());
        String slowId = startedRun.group(1);
        // Stop Karaf once the first step is done and the slow copy is under way. Karaf may still
        // refresh the steps' bundle just after the start, and a hot-swap replays the whole
        // streaming segment (rows included), so wait until that state has held for a while.
        Pattern underWay = Pattern.compile("test-rows\\s*\\|\\s*succeeded[\\s\\S]*slow-copy\\s*\\|\\s*running");
        awaitShell("assay:run-show " + slowId, underWay, 120);
        Thread.sleep(3000);
        awaitShell("assay:run-show " + slowId, underWay, 120);

        Result stopped = exec("bin/assay", "stop");
        assertEquals(stopped.output, 0, stopped.exitCode);
        install();
        Result restarted = exec("bin/assay", "start");
        assertEquals(restarted.output, 0, restarted.exitCode);
        assertFalse("a reinstall keeps the password:\n" + restarted.output, restarted.output.contains("with password"));
        Result again = exec(List.of("bin/client", "-u", "karaf", "-p", password, "-r", "3", "-b"), "jaas:whoami\n");
        assertEquals(again.output, 0, again.exitCode);

        Result list = shell("assay:run-list");
        assertTrue("run " + runId + " missing after restart:\n" + list.output, list.output.contains(runId));
        assertTrue(list.output, list.output.contains("succeeded"));

        String resumed = awaitShell("assay:run-show " + slowId,
                Pattern.compile("(?m)^Run \\S+ of itest-resume version \\d+: (succeeded|failed|cancelled)"), 180);
        assertTrue(resumed, resumed.contains("itest-resume version 1: succeeded"));
        assertTrue(resumed, resumed.contains("run resumed after rows"));
        // A bundle refresh before the stop may have replayed rows (attempts shown); after the
        // resume it is kept, not run again.
        assertTrue("the finished first step is not run again:\n" + resumed,
                Pattern.compile("test-rows\\s*\\|\\s*succeeded[^|]*\\|").matcher(resumed).find()
                        && resumed.contains("run resumed after rows (their results were kept)"));
        assertTrue("every row copied after the resume:\n" + resumed,
                Pattern.compile("slow-copy\\s*\\|\\s*succeeded[^|]*\\|\\s*100%\\s*\\|\\s*20,000\\s*\\|\\s*20,000")
                        .matcher(resumed).find());
    }

    /** SSH and both JMX ports answer on localhost and not on the machine's other address. */
    private void assertLocalhostOnly() throws IOException, InterruptedException {
        InetAddress external = Sockets.nonLoopbackAddress();
        for (int port : ports) {
            // The web server (REST API) may open its port a moment after the shell answers.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Sockets.accepts(InetAddress.getLoopbackAddress(), port) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertTrue("nothing on 127.0.0.1:" + port, Sockets.accepts(InetAddress.getLoopbackAddress(), port));
            assertFalse("port " + port + " answers on " + external, external != null && Sockets.accepts(external, port));
        }
    }

    /**
     * The first start printed a generated password, stored it for the owner only, and put only
     * its hash in etc/users.properties. Returns it.
     */
    private String assertGeneratedPassword(Result firstStart) throws IOException {
        Path file = assayHome.resolve("admin.password");
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file));
        String password = Files.readString(file, StandardCharsets.UTF_8).trim();
        assertTrue(password, password.matches("[0-9a-f]{32}"));
        assertTrue(firstStart.output, firstStart.output.contains("with password " + password));
        assertTrue(firstStart.output, firstStart.output.contains(file.toString()));
        String users = Files.readString(home.resolve("etc/users.properties"), StandardCharsets.UTF_8);
        assertFalse(users, users.contains(password));
        assertTrue(users, Pattern.compile("(?m)^karaf = \\{CRYPT\\}[0-9a-f]{128}\\{CRYPT\\},_g_:admingroup$").matcher(users).find());
        return password;
    }

    /** Runs a shell command until its output matches, and returns that output. */
    private String awaitShell(String command, Pattern expected, int timeoutSeconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (true) {
            Result r = shell(command);
            if (expected.matcher(r.output).find()) {
                return r.output;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("'" + command + "' did not show " + expected + " within " + timeoutSeconds
                        + " s; last output:\n" + r.output);
            }
            Thread.sleep(1000);
        }
    }

    private Result shell(String command) throws Exception {
        return exec(List.of("bin/assay", "shell"), command + "\n");
    }

    private Result exec(String... command) throws Exception {
        return exec(List.of(command), null);
    }

    private Result exec(List<String> command, String stdin) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).directory(home.toFile()).redirectErrorStream(true);
        // No JAVA_HOME, only java on the PATH, as for many users: bin/setenv must find it.
        pb.environment().remove("JAVA_HOME");
        pb.environment().put("PATH", Paths.get(System.getProperty("java.home"), "bin") + File.pathSeparator
                + pb.environment().getOrDefault("PATH", ""));
        pb.environment().put("ASSAY_HOME", assayHome.toString());
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] out;
        try (InputStream is = p.getInputStream()) {
            out = is.readAllBytes();
        }
        if (!p.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not finish within " + COMMAND_TIMEOUT_SECONDS + " s");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        assertFalse(command + ":\n" + text, text.contains("JAVA_HOME not set"));
        System.out.println("$ " + String.join(" ", command) + "\n" + text);
        return new Result(p.exitValue(), text);
    }

    private void setProperty(String file, String key, int value) throws IOException {
        Path cfg = home.resolve(file);
        String text = Files.readString(cfg, StandardCharsets.UTF_8);
        String line = key + " = " + value;
        Pattern existing = Pattern.compile("(?m)^\\s*" + Pattern.quote(key) + "\\s*=.*$");
        text = existing.matcher(text).find() ? existing.matcher(text).replaceAll(line) : text + "\n" + line + "\n";
        Files.writeString(cfg, text, StandardCharsets.UTF_8);
    }

    /** Unzips without the archive's top folder; zip entries carry no permissions, so bin/* is made executable. */
    static void unzip(Path zip, Path target) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                String name = e.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue;
                }
                Path out = target.resolve(name.substring(slash + 1)).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("zip entry outside the target: " + name);
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out);
                    if (out.getParent().getFileName().toString().equals("bin") && !name.endsWith(".bat")) {
                        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
                    }
                }
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private record Result(int exitCode, String output) {
    }
}

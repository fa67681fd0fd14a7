package org.assay.itests;

import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.vmOptions;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.inject.Inject;
import javax.security.auth.Subject;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.assay.engine.ArtifactInfo;
import org.assay.engine.DeployedWorkflow;
import org.assay.engine.RunInfo;
import org.assay.engine.RunService;
import org.assay.engine.StepCatalog;
import org.assay.engine.StepRunInfo;
import org.assay.engine.WorkflowRejectedException;
import org.assay.engine.WorkflowService;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Boots the real assembled distribution once for all Pax Exam test classes (PerSuite: every
 * subclass must keep this configuration unchanged) and gives tests the engine's services, the
 * shell, and the test step bundle in versions 1.0.0 and 2.0.0.
 *
 * <p>Tests share one container, so each test leaves the step bundles and workflows it relies
 * on in a known state itself (see {@link #installTestSteps(String)}), and uses its own
 * workflow ids.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public abstract class AssayKarafTestSupport {

    static final String KARAF_VERSION = "4.4.10";
    static final String TEST_STEPS_BSN = "assay-test-steps";
    /** Long enough for a busy 2-core CI machine; a hang still fails within minutes, not hours. */
    static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);

    @Inject
    protected BundleContext bundleContext;

    /** How long a test waits for a service to appear: the engine starts after the shell answers. */
    static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(90);

    protected WorkflowService workflows() throws InterruptedException {
        return service(WorkflowService.class);
    }

    protected RunService runs() throws InterruptedException {
        return service(RunService.class);
    }

    protected StepCatalog catalog() throws InterruptedException {
        return service(StepCatalog.class);
    }

    /**
     * Waits for a service. Looked up per call rather than injected: a missing engine then
     * fails the tests that need it with a clear message, not the whole suite at injection.
     */
    protected <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(bundleContext, type, null);
        tracker.open();
        try {
            T service = tracker.waitForService(SERVICE_TIMEOUT.toMillis());
            if (service == null) {
                fail("no " + type.getName() + " service after " + SERVICE_TIMEOUT.toSeconds() + " s");
            }
            return service;
        } finally {
            // The service object stays usable; a test that outlives an update looks it up again.
            tracker.close();
        }
    }

    @Configuration
    public Option[] config() {
        String localRepository = requiredProperty("assay.localRepository");
        int[] ports = FreePorts.take(4);
        return new Option[] {
            karafDistributionConfiguration()
                    .frameworkUrl(new File(requiredProperty("assay.distribution")).toURI().toString())
                    .karafVersion(KARAF_VERSION)
                    .name("Assay")
                    .unpackDirectory(new File(requiredProperty("assay.itestDir"), "exam"))
                    .useDeployFolder(false),
            configureConsole().ignoreLocalConsole(),
            logLevel(LogLevel.WARN),
            // Pax Exam does not start Karaf through bin/karaf: these are the JVM flags it adds.
            // Relative paths: the container runs in its unpacked Karaf folder.
            vmOptions(
                    "--add-reads=java.xml=java.logging",
                    "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
                    "--patch-module", "java.base=lib/endorsed/org.apache.karaf.specs.locator-" + KARAF_VERSION + ".jar",
                    "--patch-module", "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + KARAF_VERSION + ".jar",
                    "--add-opens", "java.base/java.security=ALL-UNNAMED",
                    "--add-opens", "java.base/java.net=ALL-UNNAMED",
                    "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                    "--add-opens", "java.base/java.util=ALL-UNNAMED",
                    "--add-opens", "java.naming/javax.naming.spi=ALL-UNNAMED",
                    "--add-opens", "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
                    "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
                    "--add-exports=java.base/sun.net.www.protocol.ftp=ALL-UNNAMED",
                    "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
                    "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
                    "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
                    "--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED",
                    "--add-exports=jdk.xml.dom/org.w3c.dom.html=ALL-UNNAMED",
                    "--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED",
                    "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
                    "--add-exports=java.security.sasl/com.sun.security.sasl=ALL-UNNAMED",
                    "--add-exports=java.naming/com.sun.jndi.ldap=ALL-UNNAMED"),
            // Offline: Pax Exam's own `exam` feature comes from the local repository (the
            // itests declare its bundles as test dependencies so they are there).
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                    localRepository),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.defaultRepositories",
                    "file:${karaf.home}/${karaf.default.repository}@id=system.repository@snapshots,"
                            + new File(localRepository).toURI() + "@id=local@snapshots"),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.repositories", ""),
            // Free ports, so a Karaf started by another test (or a developer) does not clash.
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(ports[0])),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort",
                    String.valueOf(ports[1])),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort",
                    String.valueOf(ports[2])),
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port",
                    String.valueOf(ports[3])),
            // ScheduleIT fires a schedule every 2 s, which the shipped minimum interval (60 s) refuses.
            editConfigurationFilePut("etc/org.assay.engine.cfg", "minScheduleIntervalSeconds", "1"),
            systemProperty("assay.testSteps").value(requiredProperty("assay.testSteps")),
        };
    }

    static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set; run the itests with Maven (mvn verify)");
        }
        return value;
    }

    /** The folder the engine watches: the distribution's workflows/ (engine default). */
    protected Path workflowDir() {
        return Paths.get(System.getProperty("karaf.base"), "workflows");
    }

    /** Runs shell commands as the karaf user with the admin role and returns what they printed. */
    protected String executeCommand(String command) throws Exception {
        return execute("karaf", Set.of("admin", "manager", "operator", "viewer"), command, false);
    }

    /**
     * Runs shell commands as a user with the given roles, the way an SSH login would: Karaf's
     * command ACLs decide on these roles. A refused command prints Karaf's "Command not found"
     * or "Insufficient credentials"; other failures are returned as their message.
     */
    protected String executeCommandAs(String user, Set<String> roles, String command) throws Exception {
        return execute(user, roles, command, true);
    }

    /** @param printFailure print a command's exception (as a console would) instead of throwing it */
    private String execute(String user, Set<String> roles, String command, boolean printFailure) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            SessionFactory sessions = service(SessionFactory.class);
            awaitAssayCommands(sessions);
            Session session = sessions.create(InputStream.nullInputStream(), out, out);
            Subject subject = new Subject();
            subject.getPrincipals().add(new UserPrincipal(user));
            for (String role : roles) {
                subject.getPrincipals().add(new RolePrincipal(role));
            }
            try {
                Object result = Subject.doAs(subject, (PrivilegedExceptionAction<Object>) () -> session.execute(command));
                if (result != null) {
                    out.println(result);
                }
            } catch (PrivilegedActionException | RuntimeException e) {
                // Gogo's CommandNotFoundException (how an ACL refusal shows) is unchecked.
                if (!printFailure) {
                    throw e;
                }
                Throwable cause = e instanceof PrivilegedActionException ? e.getCause() : e;
                out.println(cause.getClass().getSimpleName() + ": " + cause.getMessage());
            } finally {
                session.close();
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * Waits until the shell bundle's commands are registered. The probe can start while Karaf is
     * still starting the boot features, so the first test of the suite may get here before the
     * assay-shell bundle is active.
     */
    private static void awaitAssayCommands(SessionFactory sessions) throws InterruptedException {
        long deadline = System.nanoTime() + SERVICE_TIMEOUT.toNanos();
        while (sessions.getRegistry().getCommand("assay", "run") == null) {
            if (System.nanoTime() > deadline) {
                fail("the assay:* commands were not registered after " + SERVICE_TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(50);
        }
    }

    /** Waits until every bundle named is ACTIVE; returns the ones that are not at the deadline. */
    protected Set<String> awaitActive(Collection<String> symbolicNames) throws InterruptedException {
        long deadline = System.nanoTime() + SERVICE_TIMEOUT.toNanos();
        while (true) {
            Set<String> notActive = new TreeSet<>(symbolicNames);
            for (Bundle b : bundleContext.getBundles()) {
                if (b.getState() == Bundle.ACTIVE) {
                    notActive.remove(b.getSymbolicName());
                }
            }
            if (notActive.isEmpty() || System.nanoTime() > deadline) {
                return notActive;
            }
            Thread.sleep(50);
        }
    }

    /** Deploys a document through the service, failing the test with the engine's problems. */
    protected DeployedWorkflow deploy(String json, String origin) throws InterruptedException {
        try {
            return workflows().deploy(json, origin);
        } catch (WorkflowRejectedException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    protected String resource(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/workflows/" + name)) {
            if (in == null) {
                throw new IOException("test resource workflows/" + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Polls the run until the condition holds, failing with its last snapshot after the timeout. */
    protected RunInfo awaitRun(String runId, Predicate<RunInfo> condition, String what, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        RunInfo last = null;
        while (System.nanoTime() < deadline) {
            last = runs().get(runId).orElse(null);
            if (last != null && condition.test(last)) {
                return last;
            }
            if (last != null && last.status().isFinished()) {
                break;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("run " + runId + ": expected " + what + " but it is " + describe(last));
    }

    /** Waits for the run to finish and returns its final record. */
    protected RunInfo awaitFinished(String runId) throws InterruptedException {
        RunInfo info = runs().await(runId, RUN_TIMEOUT);
        assertTrue("run " + runId + " did not finish within " + RUN_TIMEOUT + ": " + describe(info),
                info.status().isFinished());
        return info;
    }

    protected static String describe(RunInfo info) {
        if (info == null) {
            return "unknown";
        }
        StringBuilder b = new StringBuilder(info.status().label());
        if (info.error() != null) {
            b.append(" (").append(info.error()).append(')');
        }
        info.steps().forEach(s -> b.append("\n  step ").append(s.stepId()).append(' ').append(s.status().label())
                .append(" in=").append(s.rowsIn()).append(" out=").append(s.rowsOut())
                .append(" quarantined=").append(s.quarantined()).append(" filtered=").append(s.filtered())
                .append(s.error() == null ? "" : " error: " + s.error()));
        info.events().forEach(e -> b.append("\n  event ").append(e));
        return b.toString();
    }

    /** Waits until the step type is in the catalog, from the given bundle version if not null. */
    protected void awaitStepType(String typeId, String bundleVersion) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (catalog().get(typeId).filter(t -> bundleVersion == null || bundleVersion.equals(t.bundleVersion()))
                    .isPresent()) {
                return;
            }
            Thread.sleep(50);
        }
        fail("step type " + typeId + (bundleVersion == null ? "" : " " + bundleVersion) + " never appeared; catalog has "
                + catalog().list().stream().map(t -> t.typeId() + " " + t.bundleVersion()).toList());
    }

    protected Bundle testStepsBundle() {
        for (Bundle b : bundleContext.getBundles()) {
            if (TEST_STEPS_BSN.equals(b.getSymbolicName())) {
                return b;
            }
        }
        return null;
    }

    /** Removes any installed test step bundle, then installs and starts the given version. */
    protected Bundle installTestSteps(String version) throws Exception {
        uninstallTestSteps();
        Bundle bundle;
        try (InputStream in = testStepsJar(version)) {
            bundle = bundleContext.installBundle("assay-itest:test-steps", in);
        }
        bundle.start();
        for (String type : new String[] {"test-rows", "slow-copy", "stream-copy", "test-checksum"}) {
            awaitStepType(type, version);
        }
        return bundle;
    }

    protected void uninstallTestSteps() throws BundleException {
        Bundle old = testStepsBundle();
        if (old != null) {
            old.uninstall();
        }
    }

    /**
     * The test step bundle as the given version. The jar is built as 1.0.0; any other
     * version is the same jar with its Bundle-Version rewritten, which is what a new
     * release of a step bundle looks like to the framework and the engine.
     */
    protected static InputStream testStepsJar(String version) throws IOException {
        Path jar = Paths.get(requiredProperty("assay.testSteps"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarInputStream in = new JarInputStream(Files.newInputStream(jar))) {
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getMainAttributes().put(new Attributes.Name("Bundle-Version"), version);
            try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
                JarEntry entry;
                while ((entry = in.getNextJarEntry()) != null) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }

    /** Waits until the workflow folder's watcher has deployed the workflow. */
    protected void awaitDeployed(String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (workflows().get(id).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(id + " was not deployed from " + workflowDir() + "; deployed: "
                        + workflows().list().stream().map(w -> w.id() + " " + w.lastRejected()).toList());
            }
            Thread.sleep(100);
        }
    }

    protected static StepRunInfo step(RunInfo run, String id) {
        return run.steps().stream().filter(s -> s.stepId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no step " + id + " in " + describe(run)));
    }

    /** The step's artifact with this file name. */
    protected static Path artifact(StepRunInfo step, String name) {
        return step.artifacts().stream().map(ArtifactInfo::path).filter(p -> p.getFileName().toString().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " among " + step.artifacts()));
    }
}

package org.assay.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.junit.Assume;
import org.junit.Test;

/**
 * The assembled distribution boots with every Assay bundle active and the Weka properties set,
 * and is safe by default: no login with a known password, remote access on localhost only.
 */
public class DistributionSmokeIT extends AssayKarafTestSupport {

    private static final List<String> ASSAY_BUNDLES = List.of("assay-api", "assay-engine", "assay-shell", "assay-scheduler",
            "org.assay.weka", "assay-connectors-file", "assay-cleaners", "assay-miners", "assay-visualizers");

    @Test
    public void everyAssayBundleIsActive() throws InterruptedException {
        // Karaf may still be starting boot features when the first test runs.
        String notActive = String.join(", ", awaitActive(ASSAY_BUNDLES));
        assertEquals("bundles not active: " + notActive + "; installed: " + assayBundles(), "", notActive);
    }

    @Test
    public void wekaSystemPropertiesComeFromTheDistribution() {
        assertEquals("com.github.fommil.netlib.F2jBLAS", System.getProperty("com.github.fommil.netlib.BLAS"));
        assertEquals("true", System.getProperty("weka.test.maventest"));
        assertEquals(Path.of(System.getProperty("karaf.data"), "wekafiles").toString(), System.getProperty("WEKA_HOME"));
    }

    @Test
    public void sampleWorkflowsShipInTheWatchedFolder() {
        assertTrue("missing " + workflowDir().resolve("customer-segmentation.json"),
                Files.isRegularFile(workflowDir().resolve("customer-segmentation.json")));
        assertTrue(Files.isRegularFile(workflowDir().resolve("data/customers.csv")));
    }

    @Test
    public void engineServesTheStepCatalog() throws Exception {
        assertNotNull(catalog().get("csv-reader").orElse(null));
        String out = executeCommand("assay:step-list");
        assertTrue(out, out.contains("weka-cluster"));
    }

    /**
     * Roles on the assay:* commands (etc/org.apache.karaf.command.acl.assay.cfg): a viewer reads,
     * an operator also runs, only admin deploys; a command without an ACL entry needs admin.
     */
    @Test
    public void commandAclsGiveEachRoleItsCommands() throws Exception {
        Set<String> viewer = Set.of("viewer", "ssh");
        Set<String> operator = Set.of("operator", "viewer", "ssh");
        Path probe = workflowDir().getParent().resolve("acl-probe.json");

        String steps = executeCommandAs("ann", viewer, "assay:step-list");
        assertTrue(steps, steps.contains("csv-reader"));
        String runs = executeCommandAs("ann", viewer, "assay:run-list | grep -v nothing");
        assertFalse(runs, refused(runs));
        assertRefused(executeCommandAs("ann", viewer, "assay:run customer-segmentation"));
        assertRefused(executeCommandAs("ann", viewer, "assay:run-cancel 20000101-0001"));
        assertRefused(executeCommandAs("ann", viewer, "shell:cat etc/users.properties"));
        assertRefused(executeCommandAs("ann", viewer, "bundle:list"));

        assertRefused(executeCommandAs("olaf", operator, "assay:workflow-deploy " + probe));
        assertRefused(executeCommandAs("olaf", operator, "log:display"));
        assertRefused(executeCommandAs("olaf", operator, "feature:install webconsole"));
        String cancel = executeCommandAs("olaf", operator, "assay:run-cancel 20000101-0001");
        assertFalse(cancel, refused(cancel));

        // The file does not exist: admin gets past the ACL to the command's own error.
        String admin = executeCommandAs("karaf", Set.of("admin", "ssh"), "assay:workflow-deploy " + probe);
        assertTrue(admin, admin.contains("no file"));
        assertFalse(admin, refused(admin));
    }

    /** A new assay:* command must get its roles; without an entry it would be admin only by accident. */
    @Test
    public void everyAssayCommandHasAnAclEntry() throws Exception {
        executeCommand("assay:step-list");
        Properties acl = cfg("org.apache.karaf.command.acl.assay.cfg");
        List<String> missing = service(org.apache.karaf.shell.api.console.SessionFactory.class).getRegistry().getCommands().stream()
                .filter(c -> "assay".equals(c.getScope()))
                .map(org.apache.karaf.shell.api.console.Command::getName)
                .filter(name -> !acl.containsKey(name))
                .sorted()
                .collect(Collectors.toList());
        assertTrue("assay commands without an entry in etc/org.apache.karaf.command.acl.assay.cfg: " + missing, missing.isEmpty());
    }

    private static boolean refused(String out) {
        return out.contains("Command not found") || out.contains("Insufficient credentials");
    }

    private static void assertRefused(String out) {
        assertTrue("expected the command to be refused, got: " + out, refused(out));
    }

    @Test
    public void noUserLogsInWithTheOldDefaultPassword() throws Exception {
        String users = Files.readString(etc("users.properties"), StandardCharsets.UTF_8);
        assertFalse(users, Pattern.compile("(?m)^\\s*[^#\\s][^=]*=\\s*karaf\\s*(,|$)").matcher(users).find());
        assertFalse("karaf/karaf must not log in", logsIn("karaf", "karaf"));
    }

    /** A password written by hand logs in and is replaced by its hash: encryption is on. */
    @Test
    public void usersPropertiesHoldsOnlyPasswordHashes() throws Exception {
        Path file = etc("users.properties");
        String original = Files.readString(file, StandardCharsets.UTF_8);
        try {
            Files.writeString(file, original + "\nitest-admin = itest-password-1234,_g_:admingroup\n", StandardCharsets.UTF_8);
            // The realm reads the file again when it sees it changed; on a busy machine that may
            // take a moment, so try for a while before calling it refused.
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
            boolean in = logsIn("itest-admin", "itest-password-1234");
            while (!in && System.nanoTime() < deadline) {
                Thread.sleep(200);
                in = logsIn("itest-admin", "itest-password-1234");
            }
            assertTrue("a user written into users.properties could not log in within 30 s", in);
            String rewritten = Files.readString(file, StandardCharsets.UTF_8);
            assertFalse(rewritten, rewritten.contains("itest-password-1234"));
            assertTrue(rewritten, Pattern.compile("(?m)^itest-admin\\s*=\\s*\\{CRYPT\\}[0-9A-Fa-f]{128}\\{CRYPT\\},").matcher(rewritten).find());
        } finally {
            Files.writeString(file, original, StandardCharsets.UTF_8);
        }
    }

    /**
     * SSH answers on localhost only. The JMX ports are checked on the distribution started by
     * its scripts ({@link DistributionRestartIT}): in Pax Exam's JVM the RMI registry also
     * answers on other addresses, which bin/karaf's does not.
     */
    @Test
    public void sshListensOnLocalhostOnly() throws Exception {
        Properties shell = cfg("org.apache.karaf.shell.cfg");
        Properties management = cfg("org.apache.karaf.management.cfg");
        assertEquals("127.0.0.1", shell.getProperty("sshHost"));
        assertEquals("127.0.0.1", management.getProperty("rmiRegistryHost"));
        assertEquals("127.0.0.1", management.getProperty("rmiServerHost"));
        int port = Integer.parseInt(shell.getProperty("sshPort"));
        assertTrue("nothing on 127.0.0.1:" + port, awaitAccepting(InetAddress.getLoopbackAddress(), port));
        InetAddress external = Sockets.nonLoopbackAddress();
        Assume.assumeTrue("this machine has no non-loopback address to try", external != null);
        assertFalse("SSH port " + port + " answers on " + external, Sockets.accepts(external, port));
    }

    /** A JAAS login to the karaf realm: false only when the realm refuses these credentials. */
    private static boolean logsIn(String user, String password) throws LoginException {
        // LoginContext loads the realm's proxy login module through the context class loader.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ProxyLoginModule.class.getClassLoader());
        try {
            return logsInWithContextLoader(user, password);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static boolean logsInWithContextLoader(String user, String password) throws LoginException {
        LoginContext login = new LoginContext("karaf", callbacks -> {
            for (Callback c : callbacks) {
                if (c instanceof NameCallback name) {
                    name.setName(user);
                } else if (c instanceof PasswordCallback pw) {
                    pw.setPassword(password.toCharArray());
                } else {
                    throw new UnsupportedCallbackException(c);
                }
            }
        });
        try {
            login.login();
        } catch (FailedLoginException refused) {
            return false;
        }
        login.logout();
        return true;
    }

    /** The SSH and RMI servers start with their boot features, maybe after the first test. */
    private static boolean awaitAccepting(InetAddress address, int port) throws InterruptedException {
        long deadline = System.nanoTime() + SERVICE_TIMEOUT.toNanos();
        while (!Sockets.accepts(address, port)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    private static Path etc(String name) {
        return Path.of(System.getProperty("karaf.etc"), name);
    }

    private static Properties cfg(String name) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(etc(name), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    private String assayBundles() {
        return Arrays.stream(bundleContext.getBundles())
                .filter(b -> b.getSymbolicName() != null && b.getSymbolicName().contains("assay"))
                .map(b -> b.getSymbolicName() + " " + b.getVersion() + " state " + b.getState())
                .collect(Collectors.joining(", "));
    }
}

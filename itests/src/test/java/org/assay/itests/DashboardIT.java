package org.assay.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser on the real distribution: headless Chromium (Debian's
 * {@code chromium} and {@code chromium-driver}) driven by Selenium against {@code bin/assay
 * start}, the way a newcomer opens http://localhost:8181/assay/. The admin logs in, starts the
 * sample, watches it finish without a reload, and sees the run's ECharts charts; a viewer sees
 * no start button and the API refuses the viewer's start. Screenshots go to
 * target/dashboard-screenshots.
 *
 * <p>A plain JUnit test like {@link DistributionRestartIT}: the browser runs next to Karaf, not
 * inside it. The methods share one Karaf and run in name order.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class DashboardIT {

    static final String CHROMIUM = System.getProperty("assay.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("assay.chromedriver", "/usr/bin/chromedriver");
    private static final String VIEWER = "analyst";
    private static final String VIEWER_PASSWORD = "viewer-" + Long.toHexString(System.nanoTime());
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(4);

    private static Path home;
    private static Path assayHome;
    private static Path screenshots;
    private static String base;
    private static String adminPassword;
    private static WebDriver browser;
    /** The sample run the admin started, for the later checks. */
    private static String runId;

    @BeforeClass
    public static void startKarafAndBrowser() throws Exception {
        assertTrue("DashboardIT needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver); "
                + "missing: " + CHROMIUM + " or " + CHROMEDRIVER,
                Files.isExecutable(Paths.get(CHROMIUM)) && Files.isExecutable(Paths.get(CHROMEDRIVER)));
        Path itestDir = Paths.get(AssayKarafTestSupport.requiredProperty("assay.itestDir"));
        home = itestDir.resolve("dashboard-it");
        assayHome = itestDir.resolve("dashboard-it-home");
        screenshots = itestDir.resolve("dashboard-screenshots");
        DistributionRestartIT.deleteTree(home);
        DistributionRestartIT.deleteTree(assayHome);
        DistributionRestartIT.deleteTree(screenshots);
        Files.createDirectories(screenshots);
        DistributionRestartIT.unzip(Paths.get(AssayKarafTestSupport.requiredProperty("assay.distribution")), home);
        int[] ports = FreePorts.take(4);
        setProperty("etc/org.apache.karaf.shell.cfg", "sshPort", ports[0]);
        setProperty("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", ports[1]);
        setProperty("etc/org.apache.karaf.management.cfg", "rmiServerPort", ports[2]);
        setProperty("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", ports[3]);
        // A viewer, as an administrator adds one: a plain password is hashed on its first login.
        Files.writeString(home.resolve("etc/users.properties"), VIEWER + " = " + VIEWER_PASSWORD + ",_g_:viewergroup\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        base = "http://127.0.0.1:" + ports[3] + "/assay/";

        String started = exec("bin/assay", "start");
        adminPassword = Files.readString(assayHome.resolve("admin.password"), StandardCharsets.UTF_8).trim();
        assertTrue(started, !adminPassword.isEmpty());
        awaitSampleDeployed();

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-extensions", "--no-first-run", "--window-size=1280,1000");
        // The driver named explicitly: Selenium Manager must not look for (or download) one.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    @AfterClass
    public static void stopBrowserAndKaraf() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (home != null && Files.isDirectory(home.resolve("bin"))) {
            exec("bin/assay", "stop");
        }
    }

    @Test
    public void a_adminStartsTheSampleWatchesItFinishAndSeesItsCharts() throws Exception {
        browser.get(base);
        login("karaf", adminPassword);
        WebElement start = waitFor(By.id("start-run"));
        screenshot("01-runs-admin");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("start-workflow")))
                .selectByValue("customer-segmentation");
        start.click();
        WebElement started = waitFor(By.cssSelector(".notice-ok a"));
        runId = started.getText();
        started.click();
        waitFor(By.cssSelector("#step-table tbody tr"));
        // Marks this page: a reload would drop the mark, so the finish below came in live.
        js().executeScript("window.assayNoReload = true;");
        screenshot("02-run-started");
        new WebDriverWait(browser, RUN_TIMEOUT).until(d -> finalStatus() != null);
        assertEquals("the page followed the run without a reload", Boolean.TRUE, js().executeScript("return window.assayNoReload === true;"));
        assertEquals(describeSteps(), "succeeded", finalStatus());
        List<WebElement> steps = browser.findElements(By.cssSelector("#step-table tbody tr"));
        assertEquals(describeSteps(), sampleSteps("customer-segmentation"), steps.size());
        for (WebElement row : steps) {
            assertTrue(row.getText(), row.findElement(By.cssSelector(".status")).getText().equals("succeeded"));
        }

        // The report part: an ECharts chart drawn from the bar chart's data and the segment profiles.
        WebElement chart = new WebDriverWait(browser, Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class)
                .until(d -> drawnChart());
        Dimension size = chart.getSize();
        assertTrue("chart canvas " + size, size.getWidth() > 100 && size.getHeight() > 100);
        assertTrue(browser.findElement(By.id("report")).getText().contains("Customers per segment"));
        // The scatter chart is drawn by ECharts from the step's CSV (its points), not shown as the PNG.
        WebElement scatter = waitFor(By.cssSelector("figure[data-step-type=scatter-chart] .chart canvas"));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(js().executeScript(
                "const c = arguments[0].closest('.chart'); return !!c.echarts;", scatter)));
        Object points = js().executeScript("const o = arguments[0].closest('.chart').echarts.getOption();"
                + " return o.series.every(s => s.type === 'scatter') ? o.series.reduce((n, s) => n + s.data.length, 0) : -1;",
                scatter);
        assertTrue("scatter points drawn: " + points, ((Number) points).longValue() > 100);
        assertTrue("no PNG in place of the scatter chart", browser.findElements(
                By.cssSelector("figure[data-step-type=scatter-chart] img")).isEmpty());
        for (String type : new String[] {"bar-chart", "pie-chart", "box-plot"}) {
            assertFalse(type + " drawn from its data", browser.findElements(
                    By.cssSelector("figure[data-step-type=" + type + "] .chart")).isEmpty());
        }
        js().executeScript("arguments[0].scrollIntoView();", scatter);
        Thread.sleep(600);
        screenshot("04-scatter-chart");
        WebElement profile = waitFor(By.cssSelector("[id^=profile-] .chart canvas"));
        assertTrue(profile.getSize().getHeight() > 100);
        // Interactive: choosing another measure redraws the profile chart with it.
        WebElement measure = browser.findElement(By.cssSelector("[id^=profile-] select"));
        new org.openqa.selenium.support.ui.Select(measure).selectByVisibleText("mean income");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[id^=profile-]"), "mean income"));
        Thread.sleep(600); // ECharts' 300 ms animation, so the screenshot shows the bars at full height
        screenshot("04-segment-profiles");
        js().executeScript("window.scrollTo(0, 0);");
        screenshot("03-run-finished");
        js().executeScript("document.getElementById('report').scrollIntoView();");
        screenshot("04-run-report");
        // The sample's 8 malformed rows, counted by kind of reason (not one line per row).
        String report = browser.findElement(By.id("report")).getText();
        assertTrue(report, report.contains("8 rows quarantined"));
        assertTrue(report, report.contains("expected N fields, found N"));
        // Counted over all rows by the API, with masked examples per reason.
        assertTrue(report, report.contains("Examples (masked)"));
        assertFalse("an example row per reason", browser.findElements(By.cssSelector("#report ul.examples li")).isEmpty());
        js().executeScript("[...document.querySelectorAll('#report h2')].find(e => e.textContent === 'Quarantine').scrollIntoView();");
        Thread.sleep(600);
        screenshot("04-quarantine");
        browser.manage().window().setSize(new Dimension(390, 900));
        Thread.sleep(600);
        screenshot("05-run-report-phone");
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }

    @Test
    public void b_theEditorShowsAProblemAtItsLine() throws Exception {
        browser.get(base + "#/workflows");
        waitFor(By.cssSelector("button.start[data-workflow=customer-segmentation]"));
        screenshot("06-workflows-admin");
        browser.get(base + "#/workflows/customer-segmentation/edit");
        WebElement editor = waitFor(By.id("editor"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !editor.getAttribute("value").isEmpty());
        // Line 3 loses its closing quote: a JSON syntax error the engine reports at its line.
        js().executeScript("const e = arguments[0]; const lines = e.value.split('\\n');"
                + "lines[2] = lines[2].replace('\",', ','); e.value = lines.join('\\n');"
                + "e.dispatchEvent(new Event('input'));", editor);
        browser.findElement(By.id("validate")).click();
        WebElement problem = waitFor(By.cssSelector("#editor-problems .problems li"));
        assertTrue(problem.getText(), problem.getText().matches("(?s)line [34].*"));
        assertFalse(browser.findElements(By.cssSelector(".gutter .bad")).isEmpty());
        screenshot("07-editor-problem");
    }

    @Test
    public void c_theStepCatalogueComesFromTheInstalledSteps() throws Exception {
        browser.get(base + "#/steps");
        WebElement csv = waitFor(By.cssSelector("a[href='#/steps/csv-reader']"));
        screenshot("08-steps");
        csv.click();
        WebElement parameters = waitFor(By.xpath("//h2[text()='Parameters']/following-sibling::div//table"));
        assertTrue(parameters.getText(), parameters.getText().contains("path"));
        screenshot("09-step-csv-reader");
    }

    @Test
    public void d_aViewerHasNoStartButtonAndTheApiRefusesTheViewersStart() throws Exception {
        browser.get(base);
        waitFor(By.id("logout")).click();
        waitFor(By.id("login-user"));
        login(VIEWER, VIEWER_PASSWORD);
        waitFor(By.id("runs-list"));
        waitFor(By.cssSelector("a.run-link"));
        assertTrue("a viewer sees no start form", browser.findElements(By.id("start-run")).isEmpty());
        assertTrue(browser.findElement(By.id("who-name")).getText().contains("viewer"));
        screenshot("10-runs-viewer");
        browser.get(base + "#/workflows");
        waitFor(By.cssSelector("a[href='#/workflows/customer-segmentation/edit']"));
        assertTrue("a viewer sees no start button", browser.findElements(By.cssSelector("button.start")).isEmpty());
        assertTrue("a viewer sees no undeploy button", browser.findElements(By.cssSelector("button.danger")).isEmpty());
        assertTrue("a viewer sees no new-workflow button", browser.findElements(By.id("new-workflow")).isEmpty());
        browser.get(base + "#/runs/" + runId);
        waitFor(By.cssSelector("#step-table tbody tr"));
        assertTrue(browser.findElements(By.id("cancel-run")).isEmpty());
        screenshot("11-workflows-viewer");

        // The same start from the viewer's page, as a crafted request would send it.
        Object status = js().executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "const auth = JSON.parse(sessionStorage.getItem('assay.session')).auth;"
                + "fetch('api/v1/runs', {method: 'POST', headers: {'Authorization': auth, 'Content-Type': 'application/json',"
                + " 'X-Requested-With': 'XMLHttpRequest'}, body: JSON.stringify({workflowId: 'customer-segmentation'})})"
                + ".then(r => done(r.status), e => done(String(e)));");
        assertEquals(403L, status);
        HttpResponse<String> direct = api("POST", "runs", VIEWER, VIEWER_PASSWORD, "{\"workflowId\":\"customer-segmentation\"}");
        assertEquals(direct.body(), 403, direct.statusCode());
        assertTrue(direct.body(), direct.headers().firstValue("Content-Type").orElse("").contains("problem+json"));
    }

    /**
     * The pages' parsers and chart helpers, run in the browser: CSV with quotes and line breaks,
     * SSE blocks, the scatter sample (fixed seed, in input order, said in the title), category colours.
     */
    @Test
    public void e_theParsersHandleQuotesLineBreaksAndEventBlocks() {
        browser.get(base);
        waitFor(By.id("main"));
        Object result = js().executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "Promise.all([import('./js/api.js'), import('./js/charts.js')]).then(([api, charts]) => {"
                + "  const rows = api.parseCsv('a,b\\r\\n\"x, \"\"y\"\"\",\"two\\nlines\"\\n,\\n');"
                + "  const events = [];"
                + "  api.parseEventBlock(': keep-alive\\nevent: STEP_PROGRESS\\ndata: {\"kind\":\"STEP_PROGRESS\",\\ndata: \"stepId\":\"s\"}', (k, d) => events.push([k, d.stepId]));"
                + "  api.parseEventBlock(': only a comment', (k, d) => events.push(['unexpected', k]));"
                + "  const points = Array.from({length: 12000}, (_, i) => [String(i), String(i % 7)]);"
                + "  const a = charts.samplePoints(points, 5000), b = charts.samplePoints(points, 5000);"
                + "  const sample = [a.length, JSON.stringify(a) === JSON.stringify(b), a.every((p, i) => i === 0 || +a[i - 1][0] < +p[0])];"
                + "  const title = charts.scatterOption('t', ['x', 'y'], points).title.text;"
                + "  const colours = [charts.categoryColour(['C2', 'C10', 'C0', 'C1'], 'C0'), charts.categoryColour(['C2', 'C10', 'C0', 'C1'], 'C10')];"
                + "  done(JSON.stringify({rows, events, sample, title, colours}));"
                + "}, e => done(String(e)));");
        assertEquals("{\"rows\":[[\"a\",\"b\"],[\"x, \\\"y\\\"\",\"two\\nlines\"],[\"\",\"\"]],"
                + "\"events\":[[\"STEP_PROGRESS\",\"s\"]],"
                + "\"sample\":[5000,true,true],\"title\":\"t (random sample of 5,000 of 12,000 points)\","
                + "\"colours\":[\"#0072B2\",\"#CC79A7\"]}", result);
    }

    /** The pages come with a policy that keeps them to their own files; only the web folder is served. */
    @Test
    public void f_theFilesCarryASecurityPolicyAndNothingElseOfTheBundleIsServed() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> index = http.send(HttpRequest.newBuilder(URI.create(base)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, index.statusCode());
        String policy = index.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy, policy.contains("default-src 'self'") && policy.contains("script-src 'self';")
                && policy.contains("frame-ancestors 'none'"));
        assertEquals("nosniff", index.headers().firstValue("X-Content-Type-Options").orElse(""));
        for (String path : List.of("OSGI-INF/org.assay.dashboard.internal.DashboardServlet.xml", "META-INF/MANIFEST.MF",
                "org/assay/dashboard/internal/Assets.class", "js/", "vendor/echarts/LICENSE")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(path, 404, r.statusCode());
        }
        HttpResponse<String> echarts = http.send(HttpRequest.newBuilder(URI.create(base + "vendor/echarts/echarts.min.js")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, echarts.statusCode());
        assertTrue(echarts.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
    }

    // --- browser helpers

    private static void login(String user, String password) {
        WebElement name = waitFor(By.id("login-user"));
        name.clear();
        name.sendKeys(user);
        browser.findElement(By.id("login-password")).sendKeys(password);
        screenshot("00-login-" + user);
        browser.findElement(By.id("login-submit")).click();
        waitFor(By.id("logout"));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.findElement(By.id("who")).isDisplayed());
    }

    private static WebElement waitFor(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private static JavascriptExecutor js() {
        return (JavascriptExecutor) browser;
    }

    /** The run's status once it has finished, else null. */
    private static String finalStatus() {
        // Read in the page: the live page redraws the summary on every event (stale elements).
        Object text = js().executeScript("const s = document.querySelector('.facts .status'); return s ? s.textContent : null;");
        return text != null && Pattern.matches("succeeded|failed|cancelled", text.toString()) ? text.toString() : null;
    }

    private static String describeSteps() {
        return browser.findElements(By.id("step-table")).stream().map(WebElement::getText).findFirst().orElse("no step table");
    }

    /** The first chart canvas ECharts has drawn on, or null. */
    private static WebElement drawnChart() {
        for (WebElement canvas : browser.findElements(By.cssSelector("#report .chart canvas"))) {
            Object drawn = js().executeScript("const c = arguments[0]; return c.width > 0 && c.height > 0"
                    + " && !!c.closest('.chart').echarts;", canvas);
            if (Boolean.TRUE.equals(drawn)) {
                return canvas;
            }
        }
        return null;
    }

    private static void screenshot(String name) {
        try {
            Path file = screenshots.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new AssertionError("screenshot " + name + ": " + e.getMessage(), e);
        }
    }

    // --- Karaf and API helpers

    private static void awaitSampleDeployed() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = api("GET", "workflows/customer-segmentation", "karaf", adminPassword, null);
                if (last.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // HTTP not up yet
            }
            Thread.sleep(500);
        }
        fail("the sample workflow was not deployed over the API within 120 s: "
                + (last == null ? "no answer" : last.statusCode() + " " + last.body()));
    }

    private static HttpResponse<String> api(String method, String path, String user, String password, String json)
            throws IOException, InterruptedException {
        String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "api/v1/" + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Basic " + auth)
                .header("Accept", "application/json");
        request = json == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void setProperty(String file, String key, int value) throws IOException {
        Path cfg = home.resolve(file);
        String text = Files.readString(cfg, StandardCharsets.UTF_8);
        String line = key + " = " + value;
        Pattern existing = Pattern.compile("(?m)^\\s*" + Pattern.quote(key) + "\\s*=.*$");
        text = existing.matcher(text).find() ? existing.matcher(text).replaceAll(line) : text + "\n" + line + "\n";
        Files.writeString(cfg, text, StandardCharsets.UTF_8);
    }

    private static String exec(String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(home.toFile())
                .redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.remove("JAVA_HOME");
        env.put("PATH", Paths.get(System.getProperty("java.home"), "bin") + File.pathSeparator + env.getOrDefault("PATH", ""));
        env.put("ASSAY_HOME", assayHome.toString());
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out;
        try (InputStream in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within 300 s");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        System.out.println("$ " + String.join(" ", command) + "\n" + text);
        assertEquals(text, 0, p.exitValue());
        return text;
    }

    /** The number of steps of a sample workflow, as the distribution ships it. */
    private static int sampleSteps(String id) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(home)) {
            Path file = files.filter(f -> f.getFileName().toString().equals(id + ".json")
                    && f.getParent().getFileName().toString().equals("workflows")).findFirst()
                    .orElseThrow(() -> new AssertionError(id + ".json is not in " + home));
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile()).path("steps").size();
        }
    }
}

package org.assay.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assay.api.step.ArtifactKind;
import org.assay.engine.RunInfo;
import org.assay.engine.RunStatus;
import org.assay.engine.StepRunInfo;
import org.assay.engine.WorkflowRejectedException;
import org.junit.Test;

/**
 * The analyst report of the sample segmentation, as a reader sees it: headless Chromium lays
 * it out at desktop and phone width, a script in the page reports the size of every image and
 * how far every table box reaches, and the test fails on a broken layout (an image without
 * size or not decoded, a page wider than the screen). Screenshots land in the itests'
 * {@code target/report-screenshots}. A {@code report} step's named report is checked too.
 */
public class ReportIT extends AssayKarafTestSupport {

    private static final String WORKFLOW = "customer-segmentation";
    private static final int DESKTOP = 1280;
    private static final int PHONE = 390;
    /** Chromium's headless window is at least 500 px wide: the phone width is an iframe inside it. */
    private static final int WINDOW_MIN = 500;

    /** Collects layout facts once the page (and its data-URI images) has loaded. */
    private static final String PROBE = "<script>window.addEventListener('load',function(){"
            + "var d=document,out=['viewport '+innerWidth,'scrollWidth '+d.documentElement.scrollWidth];"
            + "d.querySelectorAll('img,svg').forEach(function(e){var r=e.getBoundingClientRect();"
            + "out.push('img '+Math.round(r.width)+' '+Math.round(r.height)+' '"
            + "+(e.tagName!=='IMG'||(e.complete&&e.naturalWidth>0)));});"
            // A table in a box that scrolls sideways shows as wide as its box; any other as wide as itself.
            + "d.querySelectorAll('table').forEach(function(t){var o=getComputedStyle(t.parentElement).overflowX;"
            + "var b=(o==='auto'||o==='scroll'?t.parentElement:t).getBoundingClientRect();"
            + "out.push('box '+Math.round(b.right));});"
            + "var text=out.join('\\n');if(parent!==window){parent.postMessage(text,'*');}"
            + "else{var p=d.createElement('pre');p.id='layout-facts';p.textContent=text;d.body.appendChild(p);}});"
            + "</script>";

    @Test
    public void theSegmentationReportOpensWithSegmentsAndLaysOutOnDesktopAndPhone() throws Exception {
        awaitDeployed(WORKFLOW);
        RunInfo run = awaitFinished(runs().start(WORKFLOW).runId());
        assertEquals(describe(run), RunStatus.SUCCEEDED, run.status());
        String html = Files.readString(run.report(), StandardCharsets.UTF_8);
        Path shots = Files.createDirectories(itestDir().resolve("report-screenshots"));
        Files.copy(run.report(), shots.resolve("report.html"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        int findings = html.indexOf("What this run found");
        int segments = html.indexOf(">Customer segments</h2>");
        int steps = html.indexOf("<h2 id=\"steps\">");
        int appendix = html.indexOf("<h2 id=\"appendix\">");
        assertTrue("findings, segments, steps, appendix out of order: " + List.of(findings, segments, steps, appendix),
                findings > 0 && findings < segments && segments < steps && steps < appendix);
        Matcher first = Pattern.compile("<ul class=\"findings\"><li>(C\\d — [^<]+)</li>").matcher(html);
        assertTrue("the report does not open with a segment in words", first.find());
        assertTrue(first.group(1), first.group(1).matches("C\\d — .+: [0-9,]+ customers \\(\\d+\\.\\d%\\),"
                + " \\d+\\.\\d% of revenue; on average .+"));
        assertTrue("Weka's model dump must be in the appendix", html.indexOf("Final cluster centroids") > appendix);
        assertFalse("personal data in the report", html.contains("@example.com"));
        assertFalse("the report fetches something", Pattern.compile("(src|href)=\"(https?:)?//").matcher(html).find());
        long charts = run.steps().stream().flatMap(s -> s.artifacts().stream())
                .filter(a -> a.kind() == ArtifactKind.CHART).map(a -> a.stepId() + "/" + a.title()).distinct().count();
        assertTrue("no chart in the sample", charts > 0);

        Path report = run.report();
        Path probe = probe(report, report.resolveSibling("layout-probe.html"));
        Path phone = Files.writeString(report.resolveSibling("layout-phone.html"),
                "<!DOCTYPE html><html><body style=\"margin:0\"><iframe src=\"layout-probe.html\" style=\"width:"
                        + PHONE + "px;height:30000px;border:0\"></iframe><script>window.addEventListener('message',"
                        + "function(e){var p=document.createElement('pre');p.id='layout-facts';p.textContent=e.data;"
                        + "document.body.appendChild(p);});</script></body></html>\n");

        assertLaidOut("desktop", facts(chromium(DESKTOP, 2000, "--dump-dom", probe.toUri().toString())), DESKTOP,
                charts);
        assertLaidOut("phone", facts(chromium(WINDOW_MIN, 2000, "--dump-dom", phone.toUri().toString())), PHONE,
                charts);

        screenshot(report.toUri().toString(), DESKTOP, 3600, shots.resolve("report-desktop.png"));
        screenshot(phone.toUri().toString(), WINDOW_MIN, 3600, shots.resolve("report-phone.png"));
    }

    @Test
    public void aReportStepWritesANamedReportOfTheChosenParts() throws Exception {
        String json = Files.readString(workflowDir().resolve(WORKFLOW + ".json"), StandardCharsets.UTF_8)
                .replace("\"id\": \"" + WORKFLOW + "\"", "\"id\": \"segments-weekly\"")
                .replaceFirst("\"steps\": \\[", "\"steps\": [\n    { \"id\": \"weekly\", \"type\": \"report\", \"params\":"
                        + " { \"name\": \"Weekly segments\", \"path\": \"out/\", \"sections\": [\"findings\","
                        + " \"segments\"] } },");
        Files.writeString(workflowDir().resolve("segments-weekly.json"), json, StandardCharsets.UTF_8);
        try {
            awaitDeployed("segments-weekly");
            RunInfo run = awaitFinished(runs().start("segments-weekly").runId());
            assertEquals(describe(run), RunStatus.SUCCEEDED, run.status());
            StepRunInfo weekly = step(run, "weekly");
            Path file = artifact(weekly, "weekly-segments.html");
            assertTrue(file + " is not in the run folder", file.startsWith(run.folder()));
            String html = Files.readString(file, StandardCharsets.UTF_8);
            assertTrue(html, html.contains("<h1>Weekly segments</h1>") && html.contains(">Customer segments</h2>"));
            assertFalse("steps were not chosen", html.contains("<h2 id=\"steps\">"));
        } finally {
            Files.deleteIfExists(workflowDir().resolve("segments-weekly.json"));
        }
    }

    /** The report step's path is an OUTPUT_PATH: the engine refuses an escape when the workflow is deployed. */
    @Test
    public void aReportStepMayNotWriteOutsideTheFoldersWorkflowsMayWrite() throws Exception {
        for (String path : List.of("../../../../../../../../etc/escape.html", "/etc/escape.html")) {
            String json = "{\"format\": 1, \"id\": \"report-escape\", \"steps\": [{\"id\": \"r\", \"type\":"
                    + " \"report\", \"params\": {\"name\": \"x\", \"path\": \"" + path + "\"}}]}";
            try {
                workflows().deploy(json, "report-escape.json");
                throw new AssertionError("a report step writing " + path + " must be rejected");
            } catch (WorkflowRejectedException e) {
                assertTrue(e.problems().toString(), e.problems().stream()
                        .anyMatch(p -> p.path().equals("$.steps[0].params.path")));
            }
        }
    }

    private static void assertLaidOut(String where, List<String> facts, int width, long charts) {
        String all = where + " layout: " + facts;
        assertEquals(all, "viewport " + width, facts.get(0));
        int scroll = Integer.parseInt(facts.get(1).split(" ")[1]);
        assertTrue(all + ": the page is wider than the screen", scroll <= width);
        long images = 0;
        for (String f : facts) {
            String[] p = f.split(" ");
            if (p[0].equals("img")) {
                images++;
                assertTrue(all + ": an image without size or not decoded: " + f,
                        Integer.parseInt(p[1]) > 0 && Integer.parseInt(p[2]) > 0 && p[3].equals("true"));
                assertTrue(all + ": an image wider than the screen: " + f, Integer.parseInt(p[1]) <= width);
            } else if (p[0].equals("box")) {
                assertTrue(all + ": a table reaches past the screen: " + f, Integer.parseInt(p[1]) <= width);
            }
        }
        assertTrue(all + ": " + images + " images for " + charts + " charts", images >= charts);
    }

    /** A copy of the report that may run the probe script (the report itself allows no script). */
    private static Path probe(Path report, Path target) throws IOException {
        String html = Files.readString(report, StandardCharsets.UTF_8)
                .replace("default-src 'none';", "default-src 'none'; script-src 'unsafe-inline';")
                .replace("</body>", PROBE + "</body>");
        return Files.writeString(target, html, StandardCharsets.UTF_8);
    }

    private static List<String> facts(String dom) {
        Matcher m = Pattern.compile("<pre id=\"layout-facts\">([^<]*)</pre>").matcher(dom);
        assertTrue("the probe reported nothing; Chromium printed:\n" + dom.substring(0, Math.min(2000, dom.length())),
                m.find());
        return List.of(m.group(1).split("\n"));
    }

    private static void screenshot(String url, int width, int height, Path png) throws Exception {
        Files.deleteIfExists(png);
        chromium(width, height, "--screenshot=" + png, url);
        byte[] head = Files.readAllBytes(png);
        assertTrue(png + " is not a PNG", head.length > 1000 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G');
    }

    /** Runs headless Chromium and returns what it printed on stdout. */
    private static String chromium(int width, int height, String... args) throws Exception {
        String binary = System.getenv().getOrDefault("ASSAY_CHROMIUM", "/usr/bin/chromium");
        assertTrue(binary + " is missing: install Debian's chromium (apt-get install chromium) or set ASSAY_CHROMIUM",
                Files.isExecutable(Paths.get(binary)));
        List<String> cmd = new ArrayList<>(List.of(binary, "--headless", "--no-sandbox", "--disable-gpu",
                "--hide-scrollbars", "--allow-file-access-from-files", "--virtual-time-budget=10000",
                "--window-size=" + width + "," + height));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("chromium", ".out");
        Path err = Files.createTempFile("chromium", ".err");
        try {
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("Chromium did not finish in 120 s: " + cmd);
            }
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            assertEquals("Chromium failed: " + cmd + "\n" + Files.readString(err), 0, p.exitValue());
            return stdout;
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** The itests' target folder: Karaf runs unpacked in target/exam/<id>. */
    private static Path itestDir() {
        Path base = Paths.get(System.getProperty("karaf.base")).toAbsolutePath();
        for (Path p = base; p != null; p = p.getParent()) {
            if (p.getFileName() != null && p.getFileName().toString().equals("exam")) {
                return p.getParent();
            }
        }
        return base;
    }
}

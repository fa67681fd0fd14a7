package org.assay.dashboard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AssetsTest {

    @Test
    void theStartPageIsIndexHtml() {
        assertEquals("web/index.html", Assets.resolve("/").orElseThrow().resource());
        assertEquals("web/index.html", Assets.resolve(null).orElseThrow().resource());
        assertEquals("text/html; charset=utf-8", Assets.resolve("/").orElseThrow().contentType());
    }

    @Test
    void filesGetTheirContentType() {
        assertEquals(new Assets.Asset("web/js/app.js", "text/javascript; charset=utf-8"),
                Assets.resolve("/js/app.js").orElseThrow());
        assertEquals("text/css; charset=utf-8", Assets.resolve("/app.css").orElseThrow().contentType());
        assertEquals("web/vendor/echarts/echarts.min.js", Assets.resolve("/vendor/echarts/echarts.min.js").orElseThrow().resource());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../OSGI-INF/x.xml", "/js/../../META-INF/MANIFEST.MF", "/.hidden.js", "/js/",
            "/org/assay/dashboard/internal/Assets.class", "/js\\app.js", "/%2e%2e/x.js", "/a//b.js", "/x.js/",
            "/vendor/echarts/LICENSE", "relative.js", "/js/app.js;jsessionid=1", "/...js"})
    void nothingOutsideWebOrOfUnknownTypeIsServed(String path) {
        assertTrue(Assets.resolve(path).isEmpty(), path);
    }

    /** Every script and stylesheet index.html and the modules refer to is in the bundle and servable. */
    @Test
    void everyFileThePagesLoadIsServable() throws IOException {
        String index = read("web/index.html");
        Matcher m = Pattern.compile("(?:src|href)=\"([^\"#:]+)\"").matcher(index);
        int found = 0;
        while (m.find()) {
            String path = "/" + m.group(1).replaceFirst("^\\./", "");
            var asset = Assets.resolve(path);
            assertTrue(asset.isPresent(), path);
            read(asset.get().resource());
            found++;
        }
        assertTrue(found >= 3, "index.html loads its script, styles and ECharts");
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = AssetsTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is not in the bundle");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

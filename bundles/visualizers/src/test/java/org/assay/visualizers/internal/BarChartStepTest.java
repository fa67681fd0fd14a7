package org.assay.visualizers.internal;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.ArtifactKind;
import org.assay.api.step.ColumnRule;
import org.assay.api.step.ParameterSpec;
import org.assay.api.step.ReadMode;
import org.assay.api.step.StepCategory;
import org.assay.api.step.StepDescriptor;
import org.assay.api.step.StepFailure;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BarChartStepTest {

    private static final Schema ORDERS = Schema.of(
            Field.of("segment", FieldType.CATEGORICAL).withCategories(List.of("bronze", "silver", "gold")),
            Field.of("channel", FieldType.STRING),
            Field.of("amount", FieldType.DECIMAL),
            Field.of("email", FieldType.STRING).withTags(FieldTag.PII));

    private static final Object[][] ORDER_ROWS = {
        row("gold", "web", 100.0, "a@x.org"),
        row("silver", "shop", 40.0, "b@x.org"),
        row("gold", "shop", 300.0, "c@x.org"),
        row("bronze", "web", 10.0, "d@x.org"),
        row("silver", "web", null, "e@x.org"),
        row(null, "web", 5.0, "f@x.org"),
        row("gold", "web", 200.0, "g@x.org"),
    };

    @TempDir
    Path dir;

    private StepTestRunner runner() {
        return new StepTestRunner(new BarChartStepType(), dir);
    }

    private static List<Object[]> orders() {
        return List.of(ORDER_ROWS);
    }

    @Test
    void countsRowsPerCategoryAndWritesPngAndTable() throws Exception {
        StepTestRunner r = runner().param("category", "segment").param("width", 640).param("height", 400)
                .input("in", ORDERS, orders(), 3).run();

        assertEquals(3, r.artifacts().size());
        StepTestRunner.Artifact png = r.artifacts().get(0);
        assertEquals(ArtifactKind.CHART, png.kind());
        assertEquals("Rows by segment", png.title());
        assertEquals("step-under-test.png", png.file().getFileName().toString());
        BufferedImage image = ImageIO.read(png.file().toFile());
        assertNotNull(image, "not a readable image");
        assertEquals(640, image.getWidth());
        assertEquals(400, image.getHeight());

        StepTestRunner.Artifact svg = r.artifacts().get(1);
        assertEquals(ArtifactKind.CHART, svg.kind());
        assertEquals("Rows by segment", svg.title());
        assertEquals("step-under-test.svg", svg.file().getFileName().toString());
        ChartAssertions.assertSvg(svg.file(), 640, 400);
        StepTestRunner.Artifact table = r.artifacts().get(2);
        assertEquals(ArtifactKind.DATA, table.kind());
        // Declared category order, missing values last.
        assertEquals(List.of("segment,rows", "bronze,1", "silver,2", "gold,3", "(missing),1"),
                lines(table.file()));
        assertEquals(7, r.countedOut());
        r.assertRowsAccountedFor();
    }

    @Test
    void sumIsTheDefaultWithAValueAndSkipsNulls() throws Exception {
        StepTestRunner r = runner().param("category", "segment").param("value", "amount")
                .input("in", ORDERS, orders(), 2).run();

        assertEquals("Sum of amount by segment", r.artifacts().get(0).title());
        assertEquals(List.of("segment,sum of amount,rows", "bronze,10,1", "silver,40,2", "gold,600,3",
                "(missing),5,1"), lines(r.artifacts().get(2).file()));
        r.assertRowsAccountedFor();
    }

    @Test
    void meanAndCountUseOnlyRowsWithAValue() throws Exception {
        StepTestRunner mean = runner().param("category", "segment").param("value", "amount")
                .param("aggregate", "mean").input("in", ORDERS, ORDER_ROWS).run();
        assertEquals(List.of("segment,mean of amount,rows", "bronze,10,1", "silver,40,2", "gold,200,3",
                "(missing),5,1"), lines(mean.artifacts().get(2).file()));

        StepTestRunner count = new StepTestRunner(new BarChartStepType(), dir.resolve("count"))
                .param("category", "segment").param("value", "amount").param("aggregate", "count")
                .input("in", ORDERS, ORDER_ROWS).run();
        assertEquals("silver,1,2", lines(count.artifacts().get(2).file()).get(2));
    }

    @Test
    void sortsByValueAndMergesTheSmallestIntoOther() throws Exception {
        Schema schema = Schema.of(Field.of("city", FieldType.STRING), Field.of("revenue", FieldType.INTEGER));
        List<Object[]> rows = new ArrayList<>();
        String[] cities = {"Athens", "Berlin", "Cairo", "Dublin", "Essen"};
        long[] revenue = {30, 50, 10, 40, 20};
        for (int i = 0; i < cities.length; i++) {
            rows.add(row(cities[i], revenue[i]));
            rows.add(row(cities[i], revenue[i]));
        }
        StepTestRunner r = runner().param("category", "city").param("value", "revenue")
                .param("sort", "value-desc").param("maxCategories", 3).input("in", schema, rows, 4).run();

        assertEquals(List.of("city,sum of revenue,rows", "Berlin,100,2", "Dublin,80,2", "Other (3),120,6"),
                lines(r.artifacts().get(2).file()));
        assertEquals(10, r.countedOut());
        r.assertRowsAccountedFor();
    }

    @Test
    void aTopNChartWithoutItsOtherBarDrawsNBars() throws Exception {
        Schema schema = Schema.of(Field.of("city", FieldType.STRING), Field.of("revenue", FieldType.INTEGER));
        List<Object[]> rows = new ArrayList<>();
        String[] cities = {"Athens", "Berlin", "Cairo", "Dublin", "Essen"};
        long[] revenue = {30, 50, 10, 40, 20};
        for (int i = 0; i < cities.length; i++) {
            rows.add(row(cities[i], revenue[i]));
        }
        StepTestRunner r = runner().param("category", "city").param("value", "revenue").param("sort", "value-desc")
                .param("maxCategories", 3).param("showOther", false).input("in", schema, rows, 4).run();

        // Three cities drawn; the table keeps the folded rest.
        assertEquals(List.of("city,sum of revenue,rows", "Berlin,50,1", "Dublin,40,1", "Athens,30,1",
                "Other (2),30,2"), lines(r.artifacts().get(2).file()));
    }

    @Test
    void groupsBarsBySeries() throws Exception {
        StepTestRunner r = runner().param("category", "segment").param("series", "channel")
                .param("value", "amount").input("in", ORDERS, orders(), 3).run();

        assertEquals("Sum of amount by segment and channel", r.artifacts().get(0).title());
        assertEquals(List.of("segment,channel,sum of amount,rows", "bronze,web,10,1", "silver,shop,40,1",
                "silver,web,0,1", "gold,shop,300,1", "gold,web,300,2", "(missing),web,5,1"),
                lines(r.artifacts().get(2).file()));
        assertNotNull(ImageIO.read(r.artifacts().get(0).file().toFile()));
    }

    @Test
    void refusesPiiColumnsUnlessAllowed() throws Exception {
        // Refused before the run, as the engine refuses it at deploy when the input's columns are known.
        runner().param("category", "email").input("in", ORDERS, ORDER_ROWS).assertInvalid("category",
                "column 'email' is tagged pii; set \"allowPii\": true on this step if publishing it is intended");
        runner().param("category", "segment").param("series", "email").input("in", ORDERS, ORDER_ROWS)
                .assertInvalid("series", "column 'email' is tagged pii");

        StepTestRunner allowed = runner().param("category", "email").param("allowPii", true)
                .input("in", ORDERS, ORDER_ROWS).run();
        assertEquals(8, lines(allowed.artifacts().get(2).file()).size());
    }

    @Test
    void namesTheParameterAndTheColumnsWhenAColumnIsUnknown() {
        runner().param("category", "segmnt").input("in", ORDERS, ORDER_ROWS).assertInvalid("category",
                "no column 'segmnt' in the input; did you mean 'segment'? Its columns are [segment, channel, amount, email]");
    }

    @Test
    void refusesATextValueColumn() {
        runner().param("category", "segment").param("value", "channel").input("in", ORDERS, ORDER_ROWS)
                .assertInvalid("value", "column 'channel' is string; parameter value takes integer, decimal or boolean columns");
    }

    @Test
    void validationCatchesParametersThatDoNotFitTogether() {
        runner().param("category", "segment").param("aggregate", "mean")
                .assertInvalid("aggregate", "mean needs parameter 'value', the numeric column to mean; set 'value' or"
                        + " use \"aggregate\": \"count\"");
        runner().param("category", "segment").param("aggregate", "sum")
                .assertInvalid("aggregate", "sum needs parameter 'value'");
        runner().param("category", "segment").param("series", "segment")
                .assertInvalid("series", "it names the same column as 'category'");

        runner().param("category", "segment").param("file", "../out.jpg")
                .assertInvalid("file", "'../out.jpg' must be a base name such as \"segments\" (or \"segments.png\")")
                .assertInvalid("file", "'../out.jpg' must be a plain file name (no folders)");
        IllegalArgumentException badFile = assertThrows(IllegalArgumentException.class, () -> runner()
                .param("category", "segment").param("file", "../out.jpg").input("in", ORDERS, ORDER_ROWS).run());
        assertTrue(badFile.getMessage().contains("must be a base name"), badFile.getMessage());
        assertTrue(badFile.getMessage().contains("must be a plain file name"), badFile.getMessage());
    }

    @Test
    void writesTheFileNamedInParameters() throws Exception {
        StepTestRunner r = runner().param("category", "channel").param("file", "Channels.PNG")
                .param("title", "Orders per channel").input("in", ORDERS, ORDER_ROWS).run();
        assertEquals("Channels.png", r.artifacts().get(0).file().getFileName().toString());
        assertEquals("Channels.svg", r.artifacts().get(1).file().getFileName().toString());
        assertEquals("Channels.csv", r.artifacts().get(2).file().getFileName().toString());
        assertEquals("Orders per channel", r.artifacts().get(0).title());
        assertEquals(List.of("channel,rows", "shop,2", "web,5"), lines(r.artifacts().get(2).file()));
    }

    @Test
    void drawsAnEmptyChartForNoRows() throws Exception {
        StepTestRunner r = runner().param("category", "segment").input("in", ORDERS, new Object[0][]).run();
        assertNotNull(ImageIO.read(r.artifacts().get(0).file().toFile()));
        assertEquals(List.of("segment,rows"), lines(r.artifacts().get(2).file()));
        assertEquals(0, r.countedOut());
        r.assertRowsAccountedFor();
    }

    @Test
    void describesItself() {
        BarChartStepType type = new BarChartStepType();
        assertEquals("bar-chart", type.descriptor().typeId());
        assertEquals(StepCategory.VISUALIZER, type.descriptor().category());
        assertEquals(List.of("in"), type.descriptor().inputs().stream().map(p -> p.name()).toList());
        // One pass over the rows: the input can stream.
        assertEquals(org.assay.api.step.ReadMode.ONCE, type.descriptor().input("in").orElseThrow().reads());
        assertTrue(type.descriptor().outputs().isEmpty());
        assertTrue(type.descriptor().parameter("category").orElseThrow().required());
        assertEquals(30L, type.descriptor().parameter("maxCategories").orElseThrow().defaultValue());
    }

    @Test
    void columnParametersDeclareTheTypesAndThePiiRuleTheEngineChecksAtDeploy() {
        StepDescriptor d = new BarChartStepType().descriptor();
        ColumnRule category = d.parameter("category").orElseThrow().column();
        assertEquals(Set.of(), category.accepts(), "a category may be of any type");
        assertFalse(category.allowPii());
        assertEquals("allowPii", category.allowPiiParameter());
        assertEquals(Set.of(FieldType.INTEGER, FieldType.DECIMAL, FieldType.BOOLEAN),
                d.parameter("value").orElseThrow().column().accepts());
        ColumnRule series = d.parameter("series").orElseThrow().column();
        assertEquals(Set.of(), series.accepts());
        assertEquals("allowPii", series.allowPiiParameter());
        assertNull(d.parameter("title").orElseThrow().column());
    }

    @Test
    void readsItsInputOnceSoTheEngineMayStreamIt() {
        assertEquals(ReadMode.ONCE, new BarChartStepType().descriptor().inputs().get(0).reads());
    }

    @Test
    void theChoicesDocumentThemselves() {
        StepDescriptor d = new BarChartStepType().descriptor();
        ParameterSpec aggregate = d.parameter("aggregate").orElseThrow();
        assertEquals(List.of("count", "sum", "mean"), aggregate.allowedValues());
        assertNull(aggregate.defaultValue(), "the default depends on 'value'");
        assertTrue(aggregate.description().contains("\"mean\": mean of 'value'"), aggregate.description());
        assertEquals(List.of("category", "value-desc"), d.parameter("sort").orElseThrow().allowedValues());
        assertEquals("category", d.parameter("sort").orElseThrow().defaultValue());

        runner().param("category", "segment").param("aggregate", "average")
                .assertInvalid("aggregate", "'average' is not allowed; use one of [count, sum, mean]");
        runner().param("category", "segment").param("sort", "value")
                .assertInvalid("sort", "use one of [category, value-desc]");
        runner().param("categroy", "segment")
                .assertInvalid("categroy", "did you mean 'category'?")
                .assertInvalid("category", "is required");
        runner().param("category", "segment").param("maxCategories", 1)
                .assertInvalid("maxCategories", "must be at least 2");
    }

    private static List<String> lines(Path file) throws Exception {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }
}

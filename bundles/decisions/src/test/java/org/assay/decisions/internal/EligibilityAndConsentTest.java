package org.assay.decisions.internal;

import static org.assay.testkit.StepTestRunner.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.report.ReportBlock;
import org.assay.api.report.ReportSection;
import org.assay.api.report.ReportSections;
import org.assay.api.step.StepFailure;
import org.assay.testkit.StepTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Eligibility rules, consent by purpose and the report section of {@code next-best-action}. */
class EligibilityAndConsentTest {

    @TempDir
    Path dir;

    static final Schema CANDIDATES = Schema.of(Field.of("customer_id", FieldType.STRING),
            Field.of("offer", FieldType.STRING), Field.of("propensity", FieldType.DECIMAL),
            Field.of("plan", FieldType.STRING), Field.of("tenure_months", FieldType.INTEGER),
            Field.of("consents", FieldType.STRING));
    static final Schema OFFERS = Schema.of(Field.of("offer", FieldType.STRING), Field.of("margin", FieldType.DECIMAL),
            Field.of("cost", FieldType.DECIMAL), Field.of("channel", FieldType.STRING),
            Field.of("eligibility", FieldType.STRING));
    static final Schema CONSENT = Schema.of(Field.of("customer_id", FieldType.STRING),
            Field.of("purpose", FieldType.STRING), Field.of("granted", FieldType.BOOLEAN));

    static List<Object[]> offers(String upgradeRule) {
        return List.of(row("upgrade", 100.0, 2.0, "call", upgradeRule), row("bundle", 30.0, 1.0, "email", null));
    }

    /** 60 customers, both offers each; plan and tenure vary; every third lists only analytics consent. */
    static List<Object[]> candidates() {
        String[] plans = {"basic", "plus", "premium"};
        List<Object[]> rows = new ArrayList<>();
        for (int c = 0; c < 60; c++) {
            String consents = c % 3 == 0 ? "analytics" : "marketing;analytics";
            rows.add(row("c" + c, "upgrade", 0.4, plans[c % 3], (long) (c % 12), consents));
            rows.add(row("c" + c, "bundle", 0.3, plans[c % 3], (long) (c % 12), consents));
        }
        return rows;
    }

    private StepTestRunner runner(Path where, String upgradeRule) {
        return new StepTestRunner(new NextBestActionStepType(), where).input("in", CANDIDATES, candidates(), 25)
                .input("offers", OFFERS, offers(upgradeRule), 10).param("maxPerCustomer", 2)
                .param("simulations", 200);
    }

    @Test
    void anOfferGoesOnlyToCustomersItsRuleAccepts() throws Exception {
        StepTestRunner r = runner(dir, "plan != 'basic' && tenure_months >= 6").run();
        Map<String, Object[]> byCustomer = new HashMap<>();
        candidates().forEach(c -> byCustomer.put((String) c[0], c));
        long upgrades = 0;
        for (Object[] a : r.output()) {
            if (a[1].equals("upgrade")) {
                upgrades++;
                Object[] c = byCustomer.get((String) a[0]);
                assertFalse(c[3].equals("basic"), "no upgrade for basic: " + a[0]);
                assertTrue((Long) c[4] >= 6, "no upgrade under 6 months: " + a[0]);
                assertTrue(((String) a[9]).contains("; eligible by plan != 'basic' && tenure_months >= 6;"),
                        (String) a[9]);
            }
        }
        // plan is not basic for 40 of 60 and tenure >= 6 for half of those.
        assertEquals(20, upgrades);
        assertEquals(60, r.output().stream().filter(a -> a[1].equals("bundle")).count(), "bundle has no rule");
        r.assertRowsAccountedFor();
    }

    @Test
    void theParameterRuleIsCheckedAtDeployAndCombinedWithTheColumn() throws Exception {
        runner(dir, null).param("eligibility", Map.of("upgrade", "plan != 'basic' &&")).assertInvalid("eligibility",
                "offer 'upgrade'");
        runner(dir, null).param("eligibility", Map.of("upgrade", "tenure >= 6")).assertInvalid("eligibility",
                "no candidate column 'tenure'");
        runner(dir, null).param("eligibility", Map.of("upgrade", "tenure_months + 1")).assertInvalid("eligibility",
                "not true or false");
        StepTestRunner r = runner(dir, "tenure_months >= 6").param("eligibility", Map.of("upgrade",
                "plan == 'premium'")).run();
        Set<String> upgraded = r.output().stream().filter(a -> a[1].equals("upgrade")).map(a -> (String) a[0])
                .collect(Collectors.toSet());
        // premium is c % 3 == 2; tenure c % 12 >= 6: c in {8, 11} mod 12 -> 10 customers of 60.
        assertEquals(10, upgraded.size());
        upgraded.forEach(c -> {
            int n = Integer.parseInt(c.substring(1));
            assertTrue(n % 3 == 2 && n % 12 >= 6, c);
        });
    }

    @Test
    void aBrokenRuleFailsTheRunNamingTheOfferAndThePosition() {
        StepFailure f = assertThrows(StepFailure.class, () -> runner(dir, "plan != 'basic' && tenure_months >=")
                .run());
        assertTrue(f.getMessage().contains("offer 'upgrade'"), f.getMessage());
        assertTrue(f.getMessage().contains("line 1, column"), f.getMessage());
        StepFailure unknown = assertThrows(StepFailure.class, () -> runner(dir.resolve("b"), "segment == 'x'").run());
        assertTrue(unknown.getMessage().contains("no candidate column 'segment'"), unknown.getMessage());
    }

    @Test
    void attacksAreRefusedBeforeAnythingRuns() {
        List<String> attacks = List.of("plan.getClass().forName('java.lang.Runtime')", "''.getClass()",
                "java.lang.System.exit(1)", "System.exit(1)", "while (true) { 1 }", "for (x : [1,2]) { x }",
                "new('java.io.File', '/etc/passwd')", "plan = 'premium'", "x -> x", "`${plan}`",
                "plan.class.classLoader", "#pragma jexl.namespace.sys java.lang.System\nsys:exit(1)");
        for (String attack : attacks) {
            runner(dir, null).param("eligibility", Map.of("upgrade", attack)).assertInvalid("eligibility",
                    "offer 'upgrade'");
            StepFailure f = assertThrows(StepFailure.class, () -> runner(dir.resolve("x" + attack.hashCode()), attack)
                    .run(), attack);
            assertTrue(f.getMessage().contains("offer 'upgrade'"), f.getMessage());
        }
    }

    @Test
    void aTextConsentColumnCountsOnlyThePurposeNamed() throws Exception {
        StepTestRunner r = runner(dir, null).param("purpose", "marketing").param("consentColumn", "consents").run();
        Set<String> contacted = r.output().stream().map(a -> (String) a[0]).collect(Collectors.toSet());
        assertEquals(40, contacted.size());
        assertTrue(contacted.stream().noneMatch(c -> Integer.parseInt(c.substring(1)) % 3 == 0),
                "no one with analytics consent only");
        runner(dir, null).param("consentColumn", "consents").assertInvalid("purpose", "set purpose");
        r.assertRowsAccountedFor();
    }

    @Test
    void aConsentTableForThePurposeDecidesAndAWithdrawalWins() throws Exception {
        List<Object[]> consent = new ArrayList<>();
        for (int c = 0; c < 60; c++) {
            consent.add(row("c" + c, c < 30 ? "marketing" : "analytics", true));
        }
        consent.add(row("c5", "Marketing", false));
        StepTestRunner r = runner(dir, null).input("consent", CONSENT, consent, 7).param("purpose", "marketing")
                .param("consentGrantedColumn", "granted").run();
        Set<String> contacted = r.output().stream().map(a -> (String) a[0]).collect(Collectors.toSet());
        assertEquals(29, contacted.size());
        assertFalse(contacted.contains("c5"), "withdrawn");
        assertTrue(contacted.stream().allMatch(c -> Integer.parseInt(c.substring(1)) < 30));
        r.assertRowsAccountedFor();
        assertThrows(StepFailure.class, () -> runner(dir.resolve("b"), null).input("consent", CONSENT, consent, 7)
                .run(), "the consent table needs purpose");
    }

    @Test
    void theReportSectionOpensWithTheAnswerAndShowsTheSimulationChart() throws Exception {
        StepTestRunner r = runner(dir, "tenure_months >= 6").param("budget", 50.0).param("simulationChart",
                "Simulated revenue").run();
        Path file;
        try (var files = Files.list(dir.resolve("artifacts"))) {
            file = files.filter(ReportSections::isSection).findFirst().orElseThrow();
        }
        ReportSection s = ReportSections.read(file);
        assertEquals(NextBestActionReport.SECTION_ID, s.id());
        Map<String, Double> summary = new HashMap<>();
        r.output("summary").forEach(x -> summary.put((String) x[0], (Double) x[1]));
        String first = s.summary().get(0);
        assertTrue(first.startsWith("Make " + summary.get("actions").intValue() + " offers to "), first);
        assertTrue(first.contains(" of the 60 candidate customers for "), first);
        assertTrue(first.contains(String.format(java.util.Locale.ROOT, "%,.2f", summary.get("budget_used"))), first);
        assertTrue(first.contains(" of the 50.00 budget"), first);
        assertTrue(s.summary().get(1).contains("LP bound"), s.summary().get(1));
        assertTrue(s.summary().get(2).contains("200 simulated campaigns"), s.summary().get(2));
        assertTrue(s.blocks().stream().anyMatch(b -> b instanceof ReportBlock.Chart c
                && c.title().equals("Simulated revenue")));
        assertTrue(s.blocks().stream().anyMatch(b -> b instanceof ReportBlock.Table t
                && t.caption().startsWith("What if") && t.rows().size() == 3));
        assertTrue(s.blocks().stream().anyMatch(b -> b instanceof ReportBlock.Paragraph p
                && p.text().contains("not eligible")));
        assertTrue(s.blocks().stream().noneMatch(b -> b instanceof ReportBlock.Table t
                && t.rows().stream().flatMap(List::stream).anyMatch(v -> v.matches("c\\d+"))), "no customer named");
    }
}

package org.assay.api.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SectionJsonTest {

    @Test
    void everyBlockSurvivesTheRoundTrip() {
        ReportSection s = ReportSection.builder("segments", "Customer \"segments\"").order(ReportSection.MODELS)
                .summary("C1: 13% of customers, 49 orders\non average")
                .paragraph("tab\there, back\\slash, unicode é ✓ and \u0001 control")
                .figures(List.of(new ReportBlock.Figure("Silhouette", "0.41", null)))
                .table("", List.of("a", "b"), List.of(List.of("1", "x,y"), List.of()))
                .chart("Customers per segment")
                .appendix("Model", "=== Run information ===\n  -N 4")
                .build();
        assertEquals(s, SectionJson.read(SectionJson.write(s)));
    }

    @Test
    void anEmptySectionSurvives() {
        ReportSection s = ReportSection.builder("x", "").build();
        assertEquals(s, SectionJson.read(SectionJson.write(s)));
    }

    @Test
    void refusesABadIdAndBrokenJson() {
        assertThrows(IllegalArgumentException.class, () -> ReportSection.builder("../x", "t").build());
        assertThrows(IllegalArgumentException.class, () -> SectionJson.read("{\"id\":\"x\""));
        assertThrows(IllegalArgumentException.class, () -> SectionJson.read(
                "{\"id\":\"x\",\"title\":\"t\",\"order\":1,\"summary\":[],\"blocks\":[{\"type\":\"video\"}]}"));
    }
}

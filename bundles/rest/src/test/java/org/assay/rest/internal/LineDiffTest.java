package org.assay.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LineDiffTest {

    private static String ops(List<LineDiff.Line> lines) {
        return lines.stream().map(l -> l.op() + l.text()).collect(Collectors.joining("|"));
    }

    @Test
    void changedLineIsRemovedThenAdded() {
        assertEquals(" a|-b|+B| c", ops(LineDiff.diff("a\nb\nc", "a\nB\nc")));
    }

    @Test
    void insertionsAndDeletionsAlign() {
        assertEquals(" a|+x| b|-c| d", ops(LineDiff.diff("a\nb\nc\nd", "a\nx\nb\nd")));
    }

    @Test
    void identicalTextHasNoChanges() {
        assertEquals(" a| b", ops(LineDiff.diff("a\nb", "a\r\nb")));
    }

    @Test
    void unifiedTextNamesBothVersions() {
        assertEquals("--- v1\n+++ v2\n a\n-b\n+c\n", LineDiff.unified("v1", "v2", LineDiff.diff("a\nb", "a\nc")));
    }
}

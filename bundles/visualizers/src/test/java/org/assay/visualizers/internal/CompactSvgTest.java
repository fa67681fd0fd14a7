package org.assay.visualizers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Markers and line pieces merged as {@link CompactSvg} says, and nothing else touched. */
class CompactSvgTest {

    private static final String CLIP = " clip-path='url(#c0)'";
    private static final String DOT = "style='fill:rgb(0,114,178);fill-opacity:0.4313725531101227'" + CLIP + "/>";
    private static final String STROKE = "style='stroke-width:2.200000047683716;stroke:rgb(0,114,178)'" + CLIP + "/>";

    @Test
    void consecutiveMarkersOfOneStyleBecomeOneGroupOfCircles() {
        String svg = "<svg><rect/><ellipse cx='1.23' cy='4.56' rx='2.5' ry='2.5' " + DOT
                + "<ellipse cx='7' cy='8.04' rx='2.5' ry='2.5' " + DOT
                + "<ellipse cx='9' cy='9' rx='2.5' ry='2.5' style='fill:rgb(230,159,0)'/></svg>";
        assertEquals("<svg><rect/><g style='fill:rgb(0,114,178);fill-opacity:0.431'" + CLIP + ">"
                + "<circle cx='1.2' cy='4.6' r='2.5'/><circle cx='7' cy='8' r='2.5'/></g>"
                + "<g style='fill:rgb(230,159,0)'><circle cx='9' cy='9' r='2.5'/></g></svg>", CompactSvg.of(svg));
    }

    @Test
    void linePiecesThatContinueBecomeOnePathWithoutFill() {
        String svg = "<svg><line x1='1' y1='2' x2='3' y2='4' " + STROKE + "<line x1='3' y1='4' x2='5.55' y2='6' "
                + STROKE + "<line x1='9' y1='9' x2='10' y2='10' " + STROKE + "<text>a</text></svg>";
        String style = "style='fill:none;stroke-width:2.200;stroke:rgb(0,114,178)'" + CLIP + "/>";
        assertEquals("<svg><path d='M1 2L3 4L5.6 6' " + style + "<path d='M9 9L10 10' " + style + "<text>a</text></svg>",
                CompactSvg.of(svg));
    }
}

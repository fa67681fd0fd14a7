package org.assay.visualizers.internal;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the SVG that JFreeSVG writes for XChart small where charts have many points. JFreeSVG
 * writes every marker as an ellipse and every piece of a line as a line element, each with its
 * own style and clip path (about 160 to 230 bytes: a 20,000-point scatter was 3.3 MB, four lines
 * of 1,000 points 1 MB). Consecutive markers with one style and clip become a group of circles
 * (about 35 bytes each); consecutive line pieces with one style and clip, each starting where the
 * last ended, become one path (about 13 bytes a point). Centres and line points are kept to a
 * tenth of a pixel. The drawing order, and so the picture, stays the same: only neighbours are
 * merged, and a group's fill and opacity are inherited by its circles as SVG defines. Stateless.
 */
final class CompactSvg {

    private static final String NUMBER = "([-0-9.]+)";
    private static final Pattern MARKER = Pattern.compile("<ellipse cx='" + NUMBER + "' cy='" + NUMBER + "'"
            + " rx='([0-9.]+)' ry='\\3' style='([^']*)'(?: clip-path='([^']*)')?/>");
    private static final Pattern LINE = Pattern.compile("<line x1='" + NUMBER + "' y1='" + NUMBER + "' x2='"
            + NUMBER + "' y2='" + NUMBER + "' style='([^']*)'(?: clip-path='([^']*)')?/>");
    private static final Pattern DIGITS = Pattern.compile("(:[0-9]\\.[0-9]{3})[0-9]+");

    private CompactSvg() {
    }

    static String of(String svg) {
        return lines(markers(svg));
    }

    static String markers(String svg) {
        Matcher m = MARKER.matcher(svg);
        StringBuilder out = new StringBuilder(svg.length() / 2);
        int copied = 0;
        String style = null;
        String clip = null;
        while (m.find()) {
            boolean joins = style != null && m.start() == copied && m.group(4).equals(style)
                    && Objects.equals(m.group(5), clip);
            if (!joins) {
                if (style != null) {
                    out.append("</g>");
                }
                out.append(svg, copied, m.start());
                style = m.group(4);
                clip = m.group(5);
                out.append("<g style='").append(shortStyle(style)).append('\'').append(clipAttribute(clip)).append('>');
            }
            out.append("<circle cx='").append(tenths(m.group(1))).append("' cy='").append(tenths(m.group(2)))
                    .append("' r='").append(m.group(3)).append("'/>");
            copied = m.end();
        }
        if (style != null) {
            out.append("</g>");
        }
        return out.append(svg, copied, svg.length()).toString();
    }

    static String lines(String svg) {
        Matcher m = LINE.matcher(svg);
        StringBuilder out = new StringBuilder(svg.length() / 2);
        int copied = 0;
        String style = null;
        String clip = null;
        String endX = null;
        String endY = null;
        while (m.find()) {
            String x1 = tenths(m.group(1));
            String y1 = tenths(m.group(2));
            boolean joins = style != null && m.start() == copied && m.group(5).equals(style)
                    && Objects.equals(m.group(6), clip) && x1.equals(endX) && y1.equals(endY);
            if (!joins) {
                if (style != null) {
                    out.append("' style='fill:none;").append(shortStyle(style)).append("'").append(clipAttribute(clip))
                            .append("/>");
                }
                out.append(svg, copied, m.start());
                style = m.group(5);
                clip = m.group(6);
                out.append("<path d='M").append(x1).append(' ').append(y1);
            }
            endX = tenths(m.group(3));
            endY = tenths(m.group(4));
            out.append('L').append(endX).append(' ').append(endY);
            copied = m.end();
        }
        if (style != null) {
            out.append("' style='fill:none;").append(shortStyle(style)).append("'").append(clipAttribute(clip)).append("/>");
        }
        return out.append(svg, copied, svg.length()).toString();
    }

    /** fill-opacity:0.4313725531101227 as fill-opacity:0.431. (A line has no fill; its path says fill:none.) */
    private static String shortStyle(String style) {
        return DIGITS.matcher(style).replaceAll("$1");
    }

    private static String clipAttribute(String clip) {
        return clip == null ? "" : " clip-path='" + clip + "'";
    }

    private static String tenths(String number) {
        return ChartLook.svgNumber(Math.round(Double.parseDouble(number) * 10) / 10.0);
    }
}

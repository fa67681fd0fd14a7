package org.assay.visualizers.internal;

/**
 * How a bar chart writes its category labels under the bars: upright, slanted or vertical,
 * how long a label may be, and the tick spacing hint XChart gets.
 *
 * <p>XChart labels only every n-th category when the room per bar is below the tick spacing
 * hint (74 px by default), so eleven RFM segments on a 900 px chart showed only every second
 * name and the reader could not tell which bar was "At risk". A slanted or vertical label needs
 * only the height of its text across the axis, so those get a hint of about one line of text.
 *
 * @param rotation        label rotation in degrees (0, 45 or 90)
 * @param tickSpacingHint the smallest room per label, in pixels, below which XChart skips labels
 * @param maxLabelChars   longest label drawn; a longer one is shortened with an ellipsis
 */
record CategoryAxisLayout(int rotation, int tickSpacingHint, int maxLabelChars) {

    /** XChart's default: upright labels need about this much room each. */
    static final int UPRIGHT_HINT = 74;
    /** A slanted 12-point label needs about its line height divided by sin 45°. */
    static final int SLANTED_HINT = 20;
    /** A vertical 12-point label needs about its line height. */
    static final int VERTICAL_HINT = 14;

    /** The layout for {@code categories} bars whose longest label has {@code longest} characters. */
    static CategoryAxisLayout of(int categories, int longest) {
        if (categories > 15) {
            return new CategoryAxisLayout(90, VERTICAL_HINT, 22);
        }
        if (categories > 8 || longest * categories > 90) {
            // Slanted labels run into the space below the neighbours' labels, so they may be
            // longer than upright ones: "product_category = home" is whole at 30.
            return new CategoryAxisLayout(45, SLANTED_HINT, 30);
        }
        return new CategoryAxisLayout(0, UPRIGHT_HINT, 22);
    }
}

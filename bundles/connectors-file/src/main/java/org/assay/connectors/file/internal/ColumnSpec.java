package org.assay.connectors.file.internal;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;

/**
 * A declared column from the {@code columns} parameter: comma-separated words, at most one
 * type (string, categorical, integer, decimal, boolean, date, timestamp) and any tags (id,
 * target, pii), in any order and case, e.g. {@code "integer,id"}, {@code "string, pii"} or
 * just {@code "pii"}. Without a type the column's type is inferred (or string when
 * inference is off).
 *
 * @param type the declared type, or null when only tags were given
 * @param tags declared tags, possibly empty
 */
record ColumnSpec(FieldType type, Set<FieldTag> tags) {

    static final String SYNTAX = "comma-separated words: at most one type (string, categorical, integer, decimal, "
            + "boolean, date, timestamp) and any tags (id, target, pii), e.g. \"integer,id\", \"string,pii\" or \"pii\"";

    /**
     * Parses one declaration.
     *
     * @throws IllegalArgumentException with a message naming the column and the wrong word (not the
     *                                  parameter: the engine adds its name)
     */
    static ColumnSpec parse(String column, String text) {
        FieldType type = null;
        EnumSet<FieldTag> tags = EnumSet.noneOf(FieldTag.class);
        for (String raw : text.split(",")) {
            String word = raw.strip().toLowerCase(Locale.ROOT);
            if (word.isEmpty()) {
                continue;
            }
            FieldType t = typeOrNull(word);
            if (t != null) {
                if (type != null && type != t) {
                    throw new IllegalArgumentException("column '" + column + "' declares two types, "
                            + type.jsonName() + " and " + t.jsonName() + "; keep one");
                }
                type = t;
                continue;
            }
            FieldTag tag = tagOrNull(word);
            if (tag == null) {
                throw new IllegalArgumentException("column '" + column + "': '" + word
                        + "' is neither a type nor a tag; write " + SYNTAX);
            }
            tags.add(tag);
        }
        return new ColumnSpec(type, Set.copyOf(tags));
    }

    private static FieldType typeOrNull(String word) {
        for (FieldType t : FieldType.values()) {
            if (t.jsonName().equals(word)) {
                return t;
            }
        }
        return null;
    }

    private static FieldTag tagOrNull(String word) {
        for (FieldTag t : FieldTag.values()) {
            if (t.name().toLowerCase(Locale.ROOT).equals(word)) {
                return t;
            }
        }
        return null;
    }
}

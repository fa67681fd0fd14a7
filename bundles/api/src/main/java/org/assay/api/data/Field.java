package org.assay.api.data;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One named, typed column of a {@link Schema}. Immutable.
 *
 * @param name       unique within its schema, never blank
 * @param type       logical type
 * @param nullable   whether rows may hold no value
 * @param tags       tags such as {@link FieldTag#PII}; never null
 * @param categories for {@link FieldType#CATEGORICAL}, the known values in a stable order
 *                   (may be empty when not known up front); empty for other types
 */
public record Field(String name, FieldType type, boolean nullable, Set<FieldTag> tags, List<String> categories) {

    public Field {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.isBlank()) {
            throw new IllegalArgumentException("field name must not be blank");
        }
        tags = tags == null || tags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(tags));
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    /** A nullable field with no tags. */
    public static Field of(String name, FieldType type) {
        return new Field(name, type, true, Set.of(), List.of());
    }

    public boolean has(FieldTag tag) {
        return tags.contains(tag);
    }

    public Field withTags(FieldTag... more) {
        EnumSet<FieldTag> all = EnumSet.noneOf(FieldTag.class);
        all.addAll(tags);
        all.addAll(List.of(more));
        return new Field(name, type, nullable, all, categories);
    }

    public Field withoutTag(FieldTag tag) {
        EnumSet<FieldTag> all = EnumSet.noneOf(FieldTag.class);
        all.addAll(tags);
        all.remove(tag);
        return new Field(name, type, nullable, all, categories);
    }

    public Field withNullable(boolean value) {
        return new Field(name, type, value, tags, categories);
    }

    public Field withCategories(List<String> values) {
        return new Field(name, type, nullable, tags, values);
    }

    public Field renamed(String newName) {
        return new Field(newName, type, nullable, tags, categories);
    }
}

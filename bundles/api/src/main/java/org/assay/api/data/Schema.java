package org.assay.api.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** An ordered list of uniquely named fields. Immutable and safe to share between threads. */
public final class Schema implements Iterable<Field> {

    private final List<Field> fields;
    private final Map<String, Integer> index;

    private Schema(List<Field> fields) {
        this.fields = List.copyOf(fields);
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < this.fields.size(); i++) {
            if (byName.putIfAbsent(this.fields.get(i).name(), i) != null) {
                throw new IllegalArgumentException("duplicate field name '" + this.fields.get(i).name() + "'");
            }
        }
        this.index = Collections.unmodifiableMap(byName);
    }

    public static Schema of(List<Field> fields) {
        return new Schema(fields);
    }

    public static Schema of(Field... fields) {
        return new Schema(List.of(fields));
    }

    public List<Field> fields() {
        return fields;
    }

    public int size() {
        return fields.size();
    }

    public Field field(int i) {
        return fields.get(i);
    }

    /** Position of the named field, or -1. */
    public int indexOf(String name) {
        Integer i = index.get(name);
        return i == null ? -1 : i;
    }

    public boolean contains(String name) {
        return index.containsKey(name);
    }

    /**
     * Position of the named field.
     *
     * @throws IllegalArgumentException naming the missing field, the nearest one and the ones that
     *                                  exist, worded by {@link ColumnNotFound}
     */
    public int require(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw ColumnNotFound.exception(name, this, null);
        }
        return i;
    }

    public Field field(String name) {
        return fields.get(require(name));
    }

    public List<String> names() {
        return fields.stream().map(Field::name).toList();
    }

    /** A new schema with {@code field} appended (or replacing the field of the same name). */
    public Schema with(Field field) {
        List<Field> copy = new ArrayList<>(fields);
        int at = indexOf(field.name());
        if (at >= 0) {
            copy.set(at, field);
        } else {
            copy.add(field);
        }
        return new Schema(copy);
    }

    /** A new schema with field {@code i} replaced. */
    public Schema with(int i, Field field) {
        List<Field> copy = new ArrayList<>(fields);
        copy.set(i, field);
        return new Schema(copy);
    }

    @Override
    public Iterator<Field> iterator() {
        return fields.iterator();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Schema s && s.fields.equals(fields);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fields);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Schema[");
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            b.append(i == 0 ? "" : ", ").append(f.name()).append(':').append(f.type().jsonName());
            if (!f.tags().isEmpty()) {
                b.append(f.tags());
            }
        }
        return b.append(']').toString();
    }
}

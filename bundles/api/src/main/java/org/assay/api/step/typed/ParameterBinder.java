package org.assay.api.step.typed;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.assay.api.step.ColumnRule;
import org.assay.api.step.ParameterSpec;
import org.assay.api.step.ParameterType;
import org.assay.api.step.Parameters;

/**
 * Turns a parameter record into {@link ParameterSpec}s, and bound {@link Parameters} into an
 * instance of the record. Built once per step type; immutable and thread-safe.
 *
 * <p>A component whose type is itself a record and that has no {@link Param} is flattened: its
 * own components are parameters at the top level, in its place, and it is built from them. So
 * parameters that several step types share (a chart's file, size and pii switch) are declared
 * once in a small record, and the workflow JSON, the specs, the JSON Schema and the docs read
 * as if each were declared in the step's record. Names must stay unique over the flattened
 * whole. A nested record's {@link CheckedParameters#problems()} is not called by itself: the
 * outer record's checks include it when they should.
 *
 * @param <P> the parameter record
 */
public final class ParameterBinder<P extends Record> {

    private final Class<P> type;
    /** Every parameter, flattened, in order. */
    private final List<Component> components;
    /** Per record component: a {@link Component}, or the binder of a flattened record. */
    private final List<Object> slots;
    private final Constructor<P> constructor;

    /** One record component: its spec and how to convert a JSON value into it. */
    private record Component(String name, ParameterSpec spec, Class<?> raw, boolean optional) { }

    private ParameterBinder(Class<P> type) {
        this.type = type;
        RecordComponent[] rc = type.getRecordComponents();
        if (rc == null) {
            throw new IllegalArgumentException(type.getName() + " is not a record");
        }
        List<Component> list = new ArrayList<>();
        List<Object> parts = new ArrayList<>();
        for (RecordComponent c : rc) {
            if (c.getAnnotation(Param.class) == null && c.getType().isRecord()) {
                ParameterBinder<?> nested = nested(c.getType());
                parts.add(nested);
                list.addAll(nested.components);
            } else {
                Component component = component(type, c);
                parts.add(component);
                list.add(component);
            }
        }
        Set<String> names = new java.util.HashSet<>();
        for (Component c : list) {
            if (!names.add(c.name())) {
                throw new IllegalArgumentException(type.getSimpleName() + ": parameter " + c.name()
                        + " is declared twice (a flattened record has a component of the same name)");
            }
        }
        this.components = List.copyOf(list);
        this.slots = List.copyOf(parts);
        try {
            this.constructor = type.getDeclaredConstructor(Arrays.stream(rc).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new));
            this.constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("record " + type.getName() + " has no canonical constructor", e);
        }
    }

    /**
     * The binder for a parameter record.
     *
     * @throws IllegalArgumentException when a component lacks {@link Param} or has a type with no
     *                                  JSON shape: a programming error, found when the step type is built
     */
    public static <P extends Record> ParameterBinder<P> of(Class<P> type) {
        return new ParameterBinder<>(type);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ParameterBinder<?> nested(Class<?> record) {
        return new ParameterBinder(record);
    }

    /** The specs, in the record's component order (a flattened record's in its place). */
    public List<ParameterSpec> specs() {
        return components.stream().map(Component::spec).toList();
    }

    /**
     * The record for these parameters (defaults already applied by {@link Parameters}).
     *
     * @throws IllegalArgumentException with a message for the user when a value does not fit,
     *                                  e.g. a number too large for an int, or a record's own check fails
     */
    public P bind(Parameters parameters) {
        return bind(parameters.asMap());
    }

    private P bind(Map<String, Object> values) {
        Object[] args = new Object[slots.size()];
        for (int i = 0; i < args.length; i++) {
            if (slots.get(i) instanceof ParameterBinder<?> nested) {
                args[i] = nested.bind(values);
                continue;
            }
            Component c = (Component) slots.get(i);
            Object v = values.get(c.name());
            Object converted = v == null ? null : convert(c, v);
            if (c.optional()) {
                args[i] = Optional.ofNullable(converted);
            } else if (converted == null && c.raw().isPrimitive()) {
                throw new IllegalArgumentException("parameter " + c.name() + " is not set");
            } else {
                args[i] = converted;
            }
        }
        try {
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalStateException("cannot build " + type.getSimpleName() + ": " + cause, cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        }
    }

    private static Object convert(Component c, Object v) {
        Class<?> raw = c.raw();
        String name = c.name();
        if (raw == String.class) {
            return v.toString();
        }
        if (raw == int.class || raw == Integer.class) {
            long l = ((Number) v).longValue();
            if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("parameter " + name + ": " + l + " is too large");
            }
            return (int) l;
        }
        if (raw == long.class || raw == Long.class) {
            return ((Number) v).longValue();
        }
        if (raw == double.class || raw == Double.class) {
            return ((Number) v).doubleValue();
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return v;
        }
        if (raw.isEnum()) {
            return enumConstant(raw, name, v.toString());
        }
        if (raw == List.class) {
            return ((List<?>) v).stream().map(String::valueOf).toList();
        }
        if (raw == Map.class) {
            Map<String, String> out = new LinkedHashMap<>();
            ((Map<?, ?>) v).forEach((k, x) -> out.put(String.valueOf(k), String.valueOf(x)));
            return Collections.unmodifiableMap(out);
        }
        throw new IllegalStateException("no conversion for " + raw);
    }

    private static Object enumConstant(Class<?> raw, String parameter, String text) {
        for (Object constant : raw.getEnumConstants()) {
            if (jsonName((Enum<?>) constant).equals(text)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("parameter " + parameter + ": '" + text + "' is not one of "
                + allowed(raw));
    }

    /** How an enum constant is written in JSON: lower case, {@code -} for {@code _}. */
    public static String jsonName(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static List<String> allowed(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(e -> jsonName((Enum<?>) e)).toList();
    }

    private static Component component(Class<?> record, RecordComponent c) {
        Param param = c.getAnnotation(Param.class);
        if (param == null) {
            throw new IllegalArgumentException(record.getSimpleName() + "." + c.getName() + " needs @Param (or a record type, to be flattened)");
        }
        boolean optional = c.getType() == Optional.class;
        Type generic = optional ? argument(c.getGenericType(), 0) : c.getGenericType();
        Class<?> raw = rawClass(generic);
        ParameterType shape = shape(record, c, raw, generic, param);
        ParameterSpec.Builder b = ParameterSpec.builder(c.getName(), shape);
        String description = param.description();
        if (raw.isEnum()) {
            b.allowed(allowed(raw).toArray(String[]::new));
            if (DescribedValue.class.isAssignableFrom(raw)) {
                description += " " + Arrays.stream(raw.getEnumConstants())
                        .map(e -> "\"" + jsonName((Enum<?>) e) + "\": " + ((DescribedValue) e).description())
                        .collect(Collectors.joining("; ")) + ".";
            }
        }
        b.description(description);
        if (!param.defaultValue().isEmpty()) {
            b.defaultValue(defaultValue(record, c, param.defaultValue()));
        } else if (!optional) {
            b.required();
        }
        if (!Double.isNaN(param.min())) {
            b.minimum(param.min());
        }
        if (!Double.isNaN(param.max())) {
            b.maximum(param.max());
        }
        Columns columns = c.getAnnotation(Columns.class);
        if (columns != null) {
            b.columns(new ColumnRule(columns.port(), Set.of(columns.types()), columns.pii(),
                    columns.allowPiiParameter().isEmpty() ? null : columns.allowPiiParameter()));
        }
        return new Component(c.getName(), b.build(), raw, optional);
    }

    private static ParameterType shape(Class<?> record, RecordComponent c, Class<?> raw, Type generic, Param param) {
        String where = record.getSimpleName() + "." + c.getName();
        if (raw == String.class) {
            return switch (param.path()) {
                case READ -> ParameterType.INPUT_PATH;
                case WRITE -> ParameterType.OUTPUT_PATH;
                case NONE -> ParameterType.STRING;
            };
        }
        if (param.path() != Param.PathUse.NONE) {
            throw new IllegalArgumentException(where + ": only a String can be a path");
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            return ParameterType.INTEGER;
        }
        if (raw == double.class || raw == Double.class) {
            return ParameterType.DECIMAL;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return ParameterType.BOOLEAN;
        }
        if (raw.isEnum()) {
            return ParameterType.ENUM;
        }
        if (raw == List.class && rawClass(argument(generic, 0)) == String.class) {
            return ParameterType.STRING_LIST;
        }
        if (raw == Map.class && rawClass(argument(generic, 0)) == String.class
                && rawClass(argument(generic, 1)) == String.class) {
            return ParameterType.STRING_MAP;
        }
        throw new IllegalArgumentException(where + ": type " + generic.getTypeName() + " has no JSON shape; use "
                + "String, int, long, double, boolean, an enum, List<String> or Map<String, String>");
    }

    /**
     * A default written as JSON text, for the shapes parameters have: booleans, numbers, a list
     * of strings ({@code ["a", "b"]}), an empty object, else the text itself.
     */
    private static Object defaultValue(Class<?> record, RecordComponent c, String json) {
        String t = json.strip();
        if (t.equals("true") || t.equals("false")) {
            return Boolean.valueOf(t);
        }
        if (t.matches("-?[0-9]+")) {
            return Long.valueOf(t);
        }
        if (t.matches("-?[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?")) {
            return Double.valueOf(t);
        }
        if (t.equals("{}")) {
            return Map.of();
        }
        if (t.startsWith("[") && t.endsWith("]")) {
            String inner = t.substring(1, t.length() - 1).strip();
            if (inner.isEmpty()) {
                return List.of();
            }
            return listElements(inner);
        }
        if (t.startsWith("{")) {
            throw new IllegalArgumentException(record.getSimpleName() + "." + c.getName()
                    + ": only {} can be a map default");
        }
        return t;
    }

    /**
     * The elements of a list default's inside: commas inside a quoted element stay in it, and
     * {@code \"} and {@code \\} in one stand for a quote and a backslash.
     */
    static List<String> listElements(String inner) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < inner.length(); i++) {
            char ch = inner.charAt(i);
            if (quoted) {
                if (ch == '\\' && i + 1 < inner.length()) {
                    cur.append(inner.charAt(++i));
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
                wasQuoted = true;
            } else if (ch == ',') {
                out.add(wasQuoted ? cur.toString() : cur.toString().strip());
                cur.setLength(0);
                wasQuoted = false;
            } else if (!wasQuoted && !(cur.length() == 0 && Character.isWhitespace(ch))) {
                cur.append(ch);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated string in list default [" + inner + "]");
        }
        out.add(wasQuoted ? cur.toString() : cur.toString().strip());
        return List.copyOf(out);
    }

    private static Type argument(Type generic, int i) {
        if (generic instanceof ParameterizedType p) {
            return p.getActualTypeArguments()[i];
        }
        throw new IllegalArgumentException(generic.getTypeName() + " needs a type argument");
    }

    private static Class<?> rawClass(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        throw new IllegalArgumentException("unsupported parameter type " + t.getTypeName());
    }
}

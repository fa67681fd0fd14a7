package org.assay.shell.internal;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;

/**
 * Lets a command take its options after its arguments too ({@code assay:workflow-show <id> --source}).
 *
 * <p>Karaf's parser reads options only before the first argument and treats every later word as
 * one more argument, so the order people type and the README shows failed with "too many
 * arguments". A command that has both arguments and options declares, after its real arguments,
 * one multi-valued {@link Argument} named {@link #ARGUMENT} that collects the words after them, and calls
 * {@link #apply} first thing in {@code execute()}. The words are read against the command's own
 * {@link Option} fields (name, aliases, {@code name=value}), the way Karaf reads leading ones, so
 * both orders mean the same and an option added later trails without more code.
 */
final class TrailingOptions {

    /** Name of the argument that collects trailing options; Karaf's help then reads "[options] id [options]". */
    static final String ARGUMENT = "options";

    private TrailingOptions() {
    }

    /**
     * Sets the options named in {@code words} on {@code command}.
     *
     * @param words the words after the command's arguments, as Karaf collected them; null or empty
     *              when there were none
     * @throws IllegalArgumentException naming the word and the command's usage when a word is no
     *                                  option of the command, lacks its value or has a value of the
     *                                  wrong kind
     */
    static void apply(Action command, List<String> words) {
        if (words == null || words.isEmpty()) {
            return;
        }
        List<Field> options = optionFields(command.getClass());
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            int eq = word.indexOf('=');
            String name = eq >= 0 ? word.substring(0, eq) : word;
            Field field = options.stream().filter(f -> names(f).contains(name)).findFirst().orElse(null);
            if (field == null) {
                throw new IllegalArgumentException((word.startsWith("-") ? "unknown option '" : "unexpected argument '")
                        + word + "'; usage: " + usage(command.getClass()));
            }
            String value;
            if (eq >= 0) {
                value = word.substring(eq + 1);
            } else if (isFlag(field)) {
                value = "true";
            } else if (i + 1 < words.size()) {
                value = words.get(++i);
            } else {
                throw new IllegalArgumentException("option " + name + " needs a value; usage: " + usage(command.getClass()));
            }
            set(command, field, name, value);
        }
    }

    /** "assay:run-list [--limit <value>] [--workflow <value>]" style, from the annotations. */
    static String usage(Class<? extends Action> type) {
        Command c = type.getAnnotation(Command.class);
        StringBuilder s = new StringBuilder(c.scope() + ":" + c.name());
        List<Field> arguments = new ArrayList<>();
        for (Class<?> t = type; t != null; t = t.getSuperclass()) {
            Arrays.stream(t.getDeclaredFields()).filter(f -> f.isAnnotationPresent(Argument.class)).forEach(arguments::add);
        }
        arguments.sort(Comparator.comparingInt(f -> f.getAnnotation(Argument.class).index()));
        for (Field f : arguments) {
            Argument a = f.getAnnotation(Argument.class);
            if (a.name().equals(ARGUMENT)) {
                continue; // its options are listed below
            }
            String name = Argument.DEFAULT.equals(a.name()) ? f.getName() : a.name();
            s.append(a.required() ? " <" + name + ">" : " [<" + name + ">]");
        }
        for (Field f : optionFields(type)) {
            s.append(" [").append(f.getAnnotation(Option.class).name()).append(isFlag(f) ? "]" : " <value>]");
        }
        return s.toString();
    }

    private static List<Field> optionFields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> t = type; t != null; t = t.getSuperclass()) {
            Arrays.stream(t.getDeclaredFields()).filter(f -> f.isAnnotationPresent(Option.class)).forEach(fields::add);
        }
        fields.sort(Comparator.comparing(f -> f.getAnnotation(Option.class).name()));
        return fields;
    }

    private static List<String> names(Field f) {
        Option o = f.getAnnotation(Option.class);
        List<String> names = new ArrayList<>(Arrays.asList(o.aliases()));
        names.add(o.name());
        return names;
    }

    private static boolean isFlag(Field f) {
        return f.getType() == boolean.class || f.getType() == Boolean.class;
    }

    private static void set(Action command, Field field, String name, String value) {
        Object converted;
        Class<?> type = field.getType();
        if (isFlag(field)) {
            if (!value.equals("true") && !value.equals("false")) {
                throw new IllegalArgumentException("option " + name + " is true or false, not '" + value + "'");
            }
            converted = Boolean.valueOf(value);
        } else if (type == int.class || type == Integer.class) {
            try {
                converted = Integer.valueOf(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("option " + name + " needs a whole number, not '" + value + "'");
            }
        } else if (type == String.class) {
            converted = value;
        } else {
            // A programming error, found by TrailingOptionsTest over every command.
            throw new IllegalStateException(command.getClass().getSimpleName() + "." + field.getName()
                    + ": a trailing option of type " + type.getName() + " is not supported");
        }
        try {
            field.setAccessible(true);
            field.set(command, converted);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot set option " + name + " of " + command.getClass().getSimpleName(), e);
        }
    }
}

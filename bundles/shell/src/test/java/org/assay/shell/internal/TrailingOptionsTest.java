package org.assay.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.junit.jupiter.api.Test;

class TrailingOptionsTest {

    @Command(scope = "test", name = "show", description = "A command to parse.")
    static final class Sample implements Action {
        @Argument(index = 0, name = "id", required = true, description = "Id")
        String id;

        @Option(name = "--source", aliases = "-s", description = "A flag")
        boolean source;

        @Option(name = "--limit", aliases = "-n", description = "A number")
        int limit = 20;

        @Option(name = "--workflow", description = "A text")
        String workflow;

        @Argument(index = 1, name = TrailingOptions.ARGUMENT, multiValued = true, description = "Options after the id")
        List<String> trailing;

        @Override
        public Object execute() {
            TrailingOptions.apply(this, trailing);
            return null;
        }
    }

    private static Sample parse(String... trailing) {
        Sample s = new Sample();
        s.trailing = List.of(trailing);
        s.execute();
        return s;
    }

    @Test
    void flagsByNameAndAlias() {
        assertTrue(parse("--source").source);
        assertTrue(parse("-s").source);
        assertFalse(parse("--source=false").source);
    }

    @Test
    void valuesAsNextWordOrAfterEquals() {
        Sample s = parse("-n", "5", "--workflow=customer-segmentation");
        assertEquals(5, s.limit);
        assertEquals("customer-segmentation", s.workflow);
        assertEquals(7, parse("--limit", "7", "--source").limit);
    }

    @Test
    void noTrailingWordsChangeNothing() {
        Sample s = new Sample();
        s.execute();
        assertEquals(20, s.limit);
        assertFalse(s.source);
    }

    @Test
    void unknownWordsNameTheWordAndTheUsage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("--sorce"));
        assertEquals("unknown option '--sorce'; usage: test:show <id> [--limit <value>] [--source] [--workflow <value>]",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> parse("other-id"));
        assertTrue(e.getMessage().startsWith("unexpected argument 'other-id'; usage: test:show <id>"), e.getMessage());
    }

    @Test
    void missingOrWrongValuesSaySo() {
        assertEquals("option --limit needs a value; usage: test:show <id> [--limit <value>] [--source] [--workflow <value>]",
                assertThrows(IllegalArgumentException.class, () -> parse("--limit")).getMessage());
        assertEquals("option -n needs a whole number, not 'ten'",
                assertThrows(IllegalArgumentException.class, () -> parse("-n", "ten")).getMessage());
        assertEquals("option --source is true or false, not 'yes'",
                assertThrows(IllegalArgumentException.class, () -> parse("--source=yes")).getMessage());
    }

    /**
     * Every command that has both arguments and options collects trailing words and accepts each of
     * its options there: the README writes options after the id.
     */
    @Test
    void everyCommandWithArgumentsAndOptionsTakesEachOptionTrailing() throws Exception {
        for (Class<? extends Action> type : commands()) {
            List<Field> options = annotated(type, Option.class);
            List<Field> arguments = annotated(type, Argument.class);
            if (options.isEmpty() || arguments.isEmpty()) {
                continue;
            }
            Field trailing = arguments.stream().filter(f -> f.getAnnotation(Argument.class).name().equals(TrailingOptions.ARGUMENT))
                    .findFirst().orElseThrow(() -> new AssertionError(type.getSimpleName() + " has options but no trailing '"
                            + TrailingOptions.ARGUMENT + "' argument"));
            assertTrue(trailing.getAnnotation(Argument.class).multiValued(), type.getSimpleName());
            assertEquals(arguments.size() - 1, trailing.getAnnotation(Argument.class).index(), type.getSimpleName());
            for (Field option : options) {
                Action command = type.getDeclaredConstructor().newInstance();
                String name = option.getAnnotation(Option.class).name();
                List<String> words = new ArrayList<>(List.of(name));
                if (option.getType() == int.class) {
                    words.add("3");
                } else if (option.getType() == String.class) {
                    words.add("x");
                }
                TrailingOptions.apply(command, words);
            }
        }
    }

    /** The command classes of this bundle, found in its compiled classes rather than listed by hand. */
    @SuppressWarnings("unchecked")
    private static List<Class<? extends Action>> commands() throws Exception {
        Path dir = Path.of(RunCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(RunCommand.class.getPackageName().replace('.', '/'));
        List<Class<? extends Action>> commands = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = f.getFileName().toString();
                Class<?> c = Class.forName(RunCommand.class.getPackageName() + "." + name.substring(0, name.length() - 6));
                if (c.isAnnotationPresent(Command.class)) {
                    commands.add((Class<? extends Action>) c);
                }
            }
        }
        assertTrue(commands.size() >= 10, "found only " + commands);
        return commands;
    }

    private static List<Field> annotated(Class<?> type, Class<? extends java.lang.annotation.Annotation> a) {
        return List.of(type.getDeclaredFields()).stream().filter(f -> f.isAnnotationPresent(a)).toList();
    }
}

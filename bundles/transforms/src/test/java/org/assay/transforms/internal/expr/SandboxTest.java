package org.assay.transforms.internal.expr;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The known expression-injection routes, each refused at compile time with a plain message. */
class SandboxTest {

    private static String refusal(String source) {
        ExpressionException e = assertThrows(ExpressionException.class, () -> ExpressionCompiler.compile(source),
                source);
        String m = e.getMessage();
        assertFalse(m.contains("org.apache") || m.contains("Exception") || m.contains("java.lang.reflect"),
                "plain message, got: " + m);
        return m;
    }

    private static void refused(String source, String expected) {
        String m = refusal(source);
        assertTrue(m.contains(expected), "'" + source + "' -> " + m);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''.getClass()|method call is not allowed",
        "''.getClass().forName('java.lang.Runtime')|method call is not allowed",
        "name.class|property access",
        "java.lang.Runtime.getRuntime().exec('id')|method call is not allowed",
        "java.lang.Runtime|property access and dotted names",
        "System.exit(0)|method call is not allowed",
        "Math.abs(x)|method call is not allowed",
        "new('java.lang.ProcessBuilder', 'id')|create instance is not allowed",
        "x = 1; y = 2|';' separates statements",
        "x = 1|assign",
        "x++|assign",
        "x += 1|assign",
        "for (i : [1, 2]) i|syntax error",
        "for (var i : [1, 2]) { i }|blocks",
        "while (true) 1|syntax error",
        "do 1 while (true)|syntax error",
        "x -> x|not allowed",
        "(x) => x|not allowed",
        "function(x) { x }|blocks",
        "var x = 1|syntax error",
        "#pragma jexl.namespace.r java.lang.Runtime|pragmas",
        "@silent x|annotations",
        "`${x.getClass()}`|template strings",
        "~/(a+)+/|regex literals",
        "x[0]|indexing",
        "x?.y|property access",
        "r:getRuntime()|unknown namespace",
        "getClass(x)|unknown function 'getClass'",
        "{'a': 1}|map literals",
        "1 .. 10|not allowed",
        "x instanceof y|not allowed",
        "'\\u0067etClass'|unicode escapes",
        "x\\u002egetClass()|unicode escapes",
    })
    void injectionRoutesAreRefused(String source, String expected) {
        refused(source, expected);
    }

    @Test
    void tooLongIsRefused() {
        refused("x + 1".repeat(500), "at most " + ExpressionCompiler.MAX_LENGTH);
    }

    @Test
    void tooDeepIsRefused() {
        refused("(".repeat(40) + "x" + ")".repeat(40), "nested more than");
        refused("- ".repeat(150) + "x", "nested");
        refused("!".repeat(1500) + "x", "nested");
        refused("lower(".repeat(40) + "x" + ")".repeat(40), "nested more than");
    }

    @Test
    void controlCharactersAreRefused() {
        refused("x\u0000 + 1", "control characters");
    }

    @Test
    void syntaxErrorsSayWhere() {
        refused("x +", "syntax error at line 1, column");
        refused("", "empty");
        refused("lowr(name)", "did you mean 'lower'?");
        refused("lower(a, b)", "lower takes 1");
        refused("matches(a, '(')", "not a regular expression");
        refused("matches(a, '" + "a".repeat(300) + "')", "at most " + BoundedRegex.MAX_PATTERN);
    }

    @Test
    void permissionsDenyEverythingButTheLibrary() throws Exception {
        assertFalse(SandboxPermissions.INSTANCE.allow(Runtime.class));
        assertFalse(SandboxPermissions.INSTANCE.allow(Class.class));
        assertFalse(SandboxPermissions.INSTANCE.allow(String.class.getMethod("getClass")));
        assertFalse(SandboxPermissions.INSTANCE.allow(ProcessBuilder.class.getConstructor(String[].class)));
        assertTrue(SandboxPermissions.INSTANCE.allow(ExprFunctions.class.getMethod("lower", Object.class)));
    }

    @Test
    void catastrophicRegexFailsTheRowNotTheRun() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BoundedRegex.find("a".repeat(60) + "!", "^(.*a){20}$"));
        assertTrue(e.getMessage().contains("steps"), e.getMessage());
    }
}

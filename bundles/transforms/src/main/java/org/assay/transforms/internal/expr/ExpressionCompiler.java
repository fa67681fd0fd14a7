package org.assay.transforms.internal.expr;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlExpression;
import org.apache.commons.jexl3.JexlFeatures;
import org.apache.commons.jexl3.JexlInfo;
import org.apache.commons.jexl3.parser.ASTArguments;
import org.apache.commons.jexl3.parser.ASTFunctionNode;
import org.apache.commons.jexl3.parser.ASTIdentifier;
import org.apache.commons.jexl3.parser.ASTJexlScript;
import org.apache.commons.jexl3.parser.ASTNamespaceIdentifier;
import org.apache.commons.jexl3.parser.ASTStringLiteral;
import org.apache.commons.jexl3.parser.JexlNode;
import org.apache.commons.jexl3.parser.Parser;
import org.assay.api.data.NearestName;

/**
 * Compiles the expression language: JEXL 3 expressions in a sandbox. What an expression may
 * hold is an allow-list checked on the parsed tree: column names (variables), number, text,
 * true/false/null literals, list literals ({@code [1, 2]}), {@code + - * / %}, comparisons,
 * {@code && || !}, {@code ?:}, {@code ??}, {@code =~ !~ =^ =$}, {@code empty()}, {@code size()} and the
 * functions of {@link #FUNCTIONS}. Everything else (method calls, property access, indexing,
 * {@code new}, assignments, loops, lambdas, blocks, pragmas, annotations, templates, class
 * names) is refused before anything runs, and JEXL's own features and a deny-all permission set
 * refuse it again. An expression is a single expression: no {@code ;}.
 * <p>Null rules ({@link NullSafeArithmetic}): a null column is null; arithmetic with a null is
 * null; {@code <, <=, >, >=} with a null are false; {@code x == null} is true for a null; a
 * null in a boolean position counts as false (so {@code !(x > 1)} is true for a null x); the
 * functions give null for a null argument except {@code coalesce}. Division is decimal.
 */
public final class ExpressionCompiler {

    public static final int MAX_LENGTH = 2_000;
    /** Brackets nested inside each other. */
    public static final int MAX_NESTING = 32;
    /** Levels of the parsed tree (a + b + c counts one level per operator). */
    public static final int MAX_DEPTH = 100;
    public static final String NAMESPACE = "fn";

    /** The function library: name to signature and meaning, as listed in the docs. */
    public static final Map<String, String> FUNCTIONS;
    private static final Map<String, int[]> ARITY = new HashMap<>();

    static {
        Map<String, String> f = new LinkedHashMap<>();
        fn(f, "year", "year(date) - the year, integer", 1);
        fn(f, "month", "month(date) - the month 1-12, integer", 1);
        fn(f, "day", "day(date) - the day of the month, integer", 1);
        fn(f, "days_between", "days_between(from, to) - days from one date to another, integer", 2);
        fn(f, "today", "today() - today's date in UTC", 0);
        fn(f, "date", "date('2024-01-31') - a date from ISO text", 1);
        fn(f, "lower", "lower(text) - in lower case", 1);
        fn(f, "upper", "upper(text) - in upper case", 1);
        fn(f, "trim", "trim(text) - without leading and trailing white space", 1);
        fn(f, "length", "length(text) - characters, integer", 1);
        fn(f, "contains", "contains(text, part) - case-sensitive, boolean", 2);
        fn(f, "starts_with", "starts_with(text, prefix) - boolean", 2);
        fn(f, "ends_with", "ends_with(text, suffix) - boolean", 2);
        fn(f, "matches", "matches(text, regex) - a match anywhere; pattern at most " + BoundedRegex.MAX_PATTERN
                + " characters, " + BoundedRegex.MAX_STEPS + " steps per row", 2);
        fn(f, "substring", "substring(text, start[, count]) - 0-based, clamped to the text", 2, 3);
        fn(f, "round", "round(x) - half up to an integer; round(x, digits) - to a decimal", 1, 2);
        fn(f, "abs", "abs(x) - the absolute value of a number", 1);
        fn(f, "coalesce", "coalesce(a, b, ...) - the first value that is not null", -1);
        fn(f, "min", "min(a, b) - the smaller number", 2);
        fn(f, "max", "max(a, b) - the larger number", 2);
        FUNCTIONS = java.util.Collections.unmodifiableMap(f);
    }

    private static void fn(Map<String, String> f, String name, String doc, int... arity) {
        f.put(name, doc);
        ARITY.put(name, arity);
    }

    /** What each refused construct is called in a message. */
    private static final Map<String, String> REFUSED = Map.ofEntries(
            Map.entry("ASTMethodNode", "method calls (x.f()) are not allowed; use the functions"),
            Map.entry("ASTIdentifierAccess", "property access and dotted names (x.y, java.lang.X) are not allowed"),
            Map.entry("ASTIdentifierAccessSafe", "property access (x?.y) is not allowed"),
            Map.entry("ASTIdentifierAccessJxlt", "property access is not allowed"),
            Map.entry("ASTIdentifierAccessSafeJxlt", "property access is not allowed"),
            Map.entry("ASTArrayAccess", "indexing (x[0]) is not allowed"),
            Map.entry("ASTConstructorNode", "new(...) is not allowed"),
            Map.entry("ASTQualifiedIdentifier", "class names are not allowed"),
            Map.entry("ASTJexlLambda", "functions and lambdas are not allowed"),
            Map.entry("ASTBlock", "blocks are not allowed"),
            Map.entry("ASTVar", "variables are not allowed"),
            Map.entry("ASTDefineVars", "variables are not allowed"),
            Map.entry("ASTAssignment", "assignment is not allowed"),
            Map.entry("ASTForeachStatement", "loops are not allowed"),
            Map.entry("ASTWhileStatement", "loops are not allowed"),
            Map.entry("ASTDoWhileStatement", "loops are not allowed"),
            Map.entry("ASTMapLiteral", "map literals are not allowed"),
            Map.entry("ASTSetLiteral", "set literals are not allowed"),
            Map.entry("ASTJxltLiteral", "template strings are not allowed"),
            Map.entry("ASTRegexLiteral", "regex literals (~/.../) are not allowed; use matches(text, 'regex')"),
            Map.entry("ASTAnnotatedStatement", "annotations are not allowed"),
            Map.entry("ASTAnnotation", "annotations are not allowed"));

    private static final Set<String> ALLOWED = Set.of("ASTJexlScript", "ASTIdentifier", "ASTNumberLiteral",
            "ASTStringLiteral", "ASTTrueNode", "ASTFalseNode", "ASTNullLiteral", "ASTAddNode", "ASTSubNode",
            "ASTMulNode", "ASTDivNode", "ASTModNode", "ASTUnaryMinusNode", "ASTUnaryPlusNode", "ASTNotNode",
            "ASTAndNode", "ASTOrNode", "ASTEQNode", "ASTNENode", "ASTEQSNode", "ASTNESNode", "ASTLTNode",
            "ASTGTNode", "ASTLENode", "ASTGENode", "ASTTernaryNode", "ASTNullpNode", "ASTERNode", "ASTNRNode",
            "ASTSWNode", "ASTNSWNode", "ASTEWNode", "ASTNEWNode", "ASTFunctionNode", "ASTArguments",
            "ASTNamespaceIdentifier", "ASTReference", "ASTReferenceExpression", "ASTArrayLiteral",
            "ASTEmptyFunction", "ASTSizeFunction");

    static final JexlFeatures FEATURES = new JexlFeatures()
            .script(false).loops(false).newInstance(false).sideEffect(false).sideEffectGlobal(false)
            .lambda(false).fatArrow(false).thinArrow(false).pragma(false).pragmaAnywhere(false)
            .importPragma(false).namespacePragma(false).annotation(false).localVar(false).methodCall(false)
            .register(false).namespaceInstantiation(false);

    static final JexlEngine ENGINE;

    static {
        Map<String, Object> namespaces = new HashMap<>();
        namespaces.put(null, ExprFunctions.class);
        namespaces.put(NAMESPACE, ExprFunctions.class);
        ENGINE = new JexlBuilder().features(FEATURES).permissions(SandboxPermissions.INSTANCE)
                .arithmetic(new NullSafeArithmetic()).strict(true).safe(false).silent(false).antish(false)
                .booleanLogical(true).namespaces(namespaces).stackOverflow(512).cache(0).create();
    }

    private static final java.util.regex.Pattern FEATURE =
            java.util.regex.Pattern.compile("@\\d+:\\d+ (.*?) error in '(.*)'");

    private ExpressionCompiler() {
    }

    /**
     * Parses and checks an expression once; the result evaluates per row.
     *
     * @throws ExpressionException with a plain message (and line and column when there is one)
     */
    public static Expression compile(String source) {
        if (source == null || source.isBlank()) {
            throw new ExpressionException("the expression is empty");
        }
        if (source.length() > MAX_LENGTH) {
            throw new ExpressionException("the expression is " + source.length() + " characters; at most "
                    + MAX_LENGTH + " are allowed");
        }
        scan(source);
        ASTJexlScript tree;
        try {
            tree = new Parser(source).parse(new JexlInfo("expression", 1, 1), FEATURES, source, null);
        } catch (JexlException e) {
            throw new ExpressionException(syntax(e));
        } catch (StackOverflowError e) {
            throw new ExpressionException("the expression is nested too deeply");
        }
        if (tree.jjtGetNumChildren() != 1) {
            throw new ExpressionException("write one expression, not " + tree.jjtGetNumChildren());
        }
        Set<String> columns = new LinkedHashSet<>();
        check(tree, 0, columns);
        JexlExpression compiled;
        try {
            compiled = ENGINE.createExpression(source);
        } catch (JexlException e) {
            throw new ExpressionException(syntax(e));
        }
        return new Expression(source, compiled, tree.jjtGetChild(0), Set.copyOf(columns));
    }

    /** Refusals that need no parser: characters and nesting no expression here has a use for. */
    private static void scan(String s) {
        char quote = 0;
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && (s.charAt(i + 1) == 'u' || s.charAt(i + 1) == 'U')) {
                throw new ExpressionException("unicode escapes (\\u...) are not allowed in expressions; write the "
                        + "character itself" + at(s, i));
            }
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                throw new ExpressionException("control characters are not allowed in expressions" + at(s, i));
            }
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            switch (c) {
                case '\'', '"' -> quote = c;
                case ';' -> throw new ExpressionException("write one expression: ';' separates statements, which "
                        + "are not allowed" + at(s, i));
                case '`' -> throw new ExpressionException("template strings (`...`) are not allowed" + at(s, i));
                case '#' -> throw new ExpressionException("pragmas (#...) are not allowed" + at(s, i));
                case '@' -> throw new ExpressionException("annotations (@...) are not allowed" + at(s, i));
                case '{', '}' -> throw new ExpressionException("blocks and map literals ({...}) are not allowed"
                        + at(s, i));
                case '(', '[' -> {
                    if (++depth > MAX_NESTING) {
                        throw new ExpressionException("brackets are nested more than " + MAX_NESTING + " deep"
                                + at(s, i));
                    }
                }
                case ')', ']' -> depth--;
                default -> { }
            }
        }
    }

    private static String at(String s, int index) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < index; i++) {
            if (s.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return " (line " + line + ", column " + column + ")";
    }

    /** Where a node is, as " (line 1, column 5)"; empty when the parser gave no position. */
    static String at(JexlNode node) {
        return node.getLine() > 0 ? " (line " + node.getLine() + ", column " + node.getColumn() + ")" : "";
    }

    private static void check(JexlNode node, int depth, Set<String> columns) {
        if (depth > MAX_DEPTH) {
            throw new ExpressionException("the expression is nested more than " + MAX_DEPTH + " levels deep");
        }
        String kind = node.getClass().getSimpleName();
        if (!ALLOWED.contains(kind)) {
            String why = REFUSED.get(kind);
            throw new ExpressionException((why != null ? why : "this construct (" + kind.substring(3)
                    + ") is not allowed in an expression") + at(node));
        }
        if (node instanceof ASTFunctionNode f) {
            checkFunction(f, depth, columns);
            return;
        }
        if (node instanceof ASTIdentifier id) {
            columns.add(id.getName());
        }
        for (int i = 0; i < node.jjtGetNumChildren(); i++) {
            check(node.jjtGetChild(i), depth + 1, columns);
        }
    }

    private static void checkFunction(ASTFunctionNode f, int depth, Set<String> columns) {
        int n = f.jjtGetNumChildren();
        JexlNode last = f.jjtGetChild(n - 1);
        if (!(last instanceof ASTArguments args)) {
            throw new ExpressionException("this kind of call is not allowed" + at(f));
        }
        String namespace;
        String name;
        if (n == 2 && f.jjtGetChild(0) instanceof ASTNamespaceIdentifier ns) {
            namespace = ns.getNamespace();
            name = ns.getName();
        } else if (n == 2 && f.jjtGetChild(0) instanceof ASTIdentifier id) {
            namespace = null;
            name = id.getName();
        } else if (n == 3 && f.jjtGetChild(0) instanceof ASTIdentifier ns
                && f.jjtGetChild(1) instanceof ASTIdentifier id) {
            namespace = ns.getName();
            name = id.getName();
        } else {
            throw new ExpressionException("this kind of call is not allowed" + at(f));
        }
        if (namespace != null && !namespace.equals(NAMESPACE)) {
            throw new ExpressionException("unknown namespace '" + namespace + ":'; functions are called as "
                    + "lower(x) or " + NAMESPACE + ":lower(x)" + at(f));
        }
        String doc = FUNCTIONS.get(name);
        if (doc == null) {
            throw new ExpressionException("unknown function '" + name + "'"
                    + NearestName.among(name, FUNCTIONS.keySet()).map(s -> "; did you mean '" + s + "'?").orElse("")
                    + at(f) + ". Functions: " + String.join(", ", FUNCTIONS.keySet()));
        }
        int given = args.jjtGetNumChildren();
        int[] arity = ARITY.get(name);
        boolean fits = arity[0] < 0 ? given >= 1 : java.util.Arrays.stream(arity).anyMatch(a -> a == given);
        if (!fits) {
            throw new ExpressionException(name + " takes " + (arity[0] < 0 ? "one or more arguments"
                    : java.util.Arrays.toString(arity).replaceAll("[\\[\\]]", "").replace(", ", " or ")
                    + " argument(s)") + ", not " + given + ": " + doc + at(f));
        }
        if (name.equals("matches") && args.jjtGetChild(1) instanceof ASTStringLiteral pattern) {
            try {
                BoundedRegex.compile(pattern.getLiteral());
            } catch (IllegalArgumentException e) {
                throw new ExpressionException(e.getMessage() + at(f));
            }
        }
        check(args, depth + 1, columns);
    }

    /** JEXL's parse error without its class names: what was wrong and where. */
    private static String syntax(JexlException e) {
        JexlInfo info = e.getInfo();
        String where = info == null ? "" : " at line " + info.getLine() + ", column " + info.getColumn();
        String detail = e.getDetail();
        if (e instanceof JexlException.Feature) {
            java.util.regex.Matcher m = FEATURE.matcher(String.valueOf(e.getMessage()));
            return m.find() ? m.group(1) + " is not allowed in an expression" + where + ": '" + m.group(2) + "'"
                    : "not allowed in an expression" + where;
        }
        return "syntax error" + where + (detail == null || detail.isBlank() ? "" : " near '" + detail + "'");
    }
}

package org.assay.transforms.internal.expr;

import java.math.MathContext;
import java.util.Collection;
import org.apache.commons.jexl3.JexlArithmetic;

/**
 * The expression language's arithmetic, with the null rules documented in
 * {@link ExpressionCompiler}: arithmetic with a null gives null, an ordering comparison with a
 * null is false, {@code ==} and {@code !=} treat null as a value, and null in a boolean
 * position ({@code &&}, {@code ||}, {@code !}, {@code ?:}) counts as false. Division is always
 * decimal, and dividing by zero fails the row. Otherwise JEXL's strict arithmetic (no
 * string-to-number coercion surprises: '3' + 1 is the text '31').
 */
public final class NullSafeArithmetic extends JexlArithmetic {

    public NullSafeArithmetic() {
        super(true);
    }

    private NullSafeArithmetic(MathContext context, int scale) {
        super(true, context, scale);
    }

    @Override
    protected JexlArithmetic createWithOptions(boolean strict, MathContext context, int scale) {
        // Always strict: the options of a context must not loosen the documented rules.
        return new NullSafeArithmetic(context, scale);
    }

    /** No operator refuses a null operand: each gives the documented null result instead. */
    @Override
    public boolean isStrict(org.apache.commons.jexl3.JexlOperator operator) {
        return false;
    }

    @Override
    public Object add(Object left, Object right) {
        return left == null || right == null ? null : super.add(left, right);
    }

    @Override
    public Object subtract(Object left, Object right) {
        return left == null || right == null ? null : super.subtract(left, right);
    }

    @Override
    public Object multiply(Object left, Object right) {
        return left == null || right == null ? null : super.multiply(left, right);
    }

    @Override
    public Object divide(Object left, Object right) {
        if (left == null || right == null) {
            return null;
        }
        double d = ExprFunctions.number(right, "/").doubleValue();
        if (d == 0) {
            throw new ArithmeticException("division by zero");
        }
        return ExprFunctions.number(left, "/").doubleValue() / d;
    }

    @Override
    public Object mod(Object left, Object right) {
        if (left == null || right == null) {
            return null;
        }
        if (ExprFunctions.number(right, "%").doubleValue() == 0) {
            throw new ArithmeticException("modulo by zero");
        }
        return super.mod(left, right);
    }

    @Override
    public Object negate(Object value) {
        return value == null ? null : super.negate(value);
    }

    @Override
    public boolean lessThan(Object left, Object right) {
        return left != null && right != null && super.lessThan(left, right);
    }

    @Override
    public boolean greaterThan(Object left, Object right) {
        return left != null && right != null && super.greaterThan(left, right);
    }

    @Override
    public boolean lessThanOrEqual(Object left, Object right) {
        return left != null && right != null && super.lessThanOrEqual(left, right);
    }

    @Override
    public boolean greaterThanOrEqual(Object left, Object right) {
        return left != null && right != null && super.greaterThanOrEqual(left, right);
    }

    @Override
    public boolean toBoolean(Object value) {
        return value != null && super.toBoolean(value);
    }

    @Override
    protected boolean toBoolean(boolean strict, Object value) {
        return value != null && super.toBoolean(strict, value);
    }

    @Override
    public Object not(Object value) {
        return !toBoolean(value);
    }

    /**
     * {@code x =~ y}: membership when y is a list ({@code city =~ ['Oslo', 'Rome']}), else a
     * bounded regular expression search, never JEXL's unbounded one.
     */
    @Override
    public Boolean contains(Object container, Object value) {
        if (container == null || value == null) {
            return false;
        }
        if (container instanceof String regex && value instanceof String text) {
            return BoundedRegex.matchesWhole(text, regex);
        }
        if (container instanceof java.util.regex.Pattern regex && value instanceof String text) {
            // JEXL compiles a literal pattern before it gets here; it is matched with the same budget.
            return BoundedRegex.matchesWhole(text, regex.pattern());
        }
        if (container instanceof Collection<?> list) {
            return list.stream().anyMatch(v -> v != null && equals(v, value));
        }
        if (container instanceof Object[] array) {
            return java.util.Arrays.stream(array).anyMatch(v -> v != null && equals(v, value));
        }
        if (container.getClass().isArray()) {
            int n = java.lang.reflect.Array.getLength(container);
            for (int i = 0; i < n; i++) {
                if (equals(java.lang.reflect.Array.get(container, i), value)) {
                    return true;
                }
            }
            return false;
        }
        throw new IllegalArgumentException("=~ needs text and a pattern, or a value and a list, got "
                + ExprFunctions.describe(value) + " and " + ExprFunctions.describe(container));
    }
}

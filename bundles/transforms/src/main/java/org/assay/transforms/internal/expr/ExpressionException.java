package org.assay.transforms.internal.expr;

/** An expression the sandbox refuses at deploy: a syntax error, a forbidden construct, an unknown function. */
public final class ExpressionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    ExpressionException(String message) {
        super(message);
    }
}

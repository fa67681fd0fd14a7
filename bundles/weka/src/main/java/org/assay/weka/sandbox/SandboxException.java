package org.assay.weka.sandbox;

/**
 * A user's class name or options refused, or not readable: the message is for the user and
 * starts with the parameter at fault ({@code "options: ..."}); the cause, if any, is Weka's.
 */
public final class SandboxException extends Exception {
    private static final long serialVersionUID = 1L;

    public SandboxException(String message, Throwable cause) {
        super(message, cause);
    }
}

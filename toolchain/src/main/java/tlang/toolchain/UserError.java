package tlang.toolchain;

/**
 * A problem with how tcc was invoked or with its environment — a missing file, an unknown
 * target, an unwritable output. Reported as one line, exit status 2, never a stack trace.
 */
public final class UserError extends RuntimeException {
    public UserError(String message) { super(message); }
}

package tlang.backend;

/** LLVM rejected something: a bug in tcc (bad IR) or an environment problem (file not writable). */
public final class BackendException extends RuntimeException {
    public BackendException(String message) { super(message); }
}

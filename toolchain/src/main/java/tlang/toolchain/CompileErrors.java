package tlang.toolchain;

/** The program has errors; they have already been printed. Exit status 1. */
public final class CompileErrors extends RuntimeException {
    public CompileErrors(int count) { super(count + " error" + (count == 1 ? "" : "s")); }
}

package tlang.midend;

/**
 * What a panic does (`tcc build --panic=unwind|abort`). UNWIND, the default: the panic
 * unwinds the stack, running drops, to the nearest `catch` (or reports and exits with 101
 * when there is none). ABORT: the panic reports and ends the process with SIGABRT where it
 * happens; the program has no landing pads (smaller, and calls need no unwind tables
 * entries of their own).
 */
public enum PanicStrategy {
    UNWIND("unwind"), ABORT("abort");

    public final String flag;

    PanicStrategy(String flag) { this.flag = flag; }

    public static java.util.Optional<PanicStrategy> byFlag(String flag) {
        for (PanicStrategy s : values()) if (s.flag.equals(flag)) return java.util.Optional.of(s);
        return java.util.Optional.empty();
    }
}

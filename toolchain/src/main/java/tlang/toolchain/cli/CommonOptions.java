package tlang.toolchain.cli;

import picocli.CommandLine.Option;

import java.io.PrintStream;

/** `--verbose`, and the streams a command writes to (tests substitute their own). */
public final class CommonOptions {
    static final ThreadLocal<PrintStream[]> STREAMS = ThreadLocal.withInitial(() -> new PrintStream[]{System.out, System.err});

    @Option(names = {"-v", "--verbose"}, description = "show internal details (Java stack traces of internal errors)")
    boolean verbose;

    PrintStream out() { return STREAMS.get()[0]; }
    PrintStream err() { return STREAMS.get()[1]; }
}

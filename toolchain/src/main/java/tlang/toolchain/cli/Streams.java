package tlang.toolchain.cli;

import java.io.PrintStream;

/** Lets Main hand commands the streams to write to (stdout and stderr, or a test's buffers). */
public final class Streams {
    private Streams() {}

    public static void set(PrintStream out, PrintStream err) {
        CommonOptions.STREAMS.set(new PrintStream[]{out, err});
    }
}

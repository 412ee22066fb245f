package tlang.toolchain.cli;

import picocli.CommandLine.Option;

import java.io.PrintStream;

/** `--verbose`, and the streams a command writes to (tests substitute their own). */
public final class CommonOptions {
    static final ThreadLocal<PrintStream[]> STREAMS = ThreadLocal.withInitial(() -> new PrintStream[]{System.out, System.err});

    @Option(names = {"-v", "--verbose"}, description = "show internal details (Java stack traces of internal errors)")
    boolean verbose;

    @Option(names = "--error-format", paramLabel = "FORMAT", defaultValue = "human",
            description = "how to print diagnostics: human (default) or json (one object per line, for editors)")
    String errorFormat;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "colour diagnostics: auto (on terminals, unless NO_COLOR is set), always or never")
    String color;

    /** The diagnostic options, checked. */
    tlang.toolchain.driver.Driver.DiagnosticStyle diagnosticStyle() {
        boolean json = switch (errorFormat) {
            case "human" -> false;
            case "json" -> true;
            default -> throw new tlang.toolchain.UserError("unknown --error-format `" + errorFormat + "` (use human or json)");
        };
        boolean colored = switch (color) {
            case "always" -> true;
            case "never" -> false;
            case "auto" -> System.console() != null && System.getenv("NO_COLOR") == null && !"dumb".equals(System.getenv("TERM"));
            default -> throw new tlang.toolchain.UserError("unknown --color `" + color + "` (use auto, always or never)");
        };
        return new tlang.toolchain.driver.Driver.DiagnosticStyle(json, colored && !json);
    }

    tlang.toolchain.driver.Driver driver() {
        return new tlang.toolchain.driver.Driver(err(), diagnosticStyle());
    }

    PrintStream out() { return STREAMS.get()[0]; }
    PrintStream err() { return STREAMS.get()[1]; }
}

package tlang.toolchain.cli;

import picocli.CommandLine.Option;
import tlang.backend.OptLevel;
import tlang.backend.Target;
import tlang.toolchain.UserError;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The options `build` and `run` share: target, optimization level and panic strategy. */
public final class TargetOptions {
    @Option(names = "--target", paramLabel = "TARGET",
            description = "x86_64-linux or aarch64-linux (default: this machine's)")
    String target;

    @Option(names = "-O", paramLabel = "LEVEL",
            description = "optimization level 0-3, written -O0 .. -O3 (default: -O2)")
    String opt;

    @Option(names = "--panic", paramLabel = "STRATEGY",
            description = "what a panic does: unwind (default: run drops up to a `catch`, else report and exit 101) "
                    + "or abort (report and end with SIGABRT at once; no landing pads)")
    String panic;

    @Option(names = "--link", paramLabel = "FILE",
            description = "also link FILE into the executable: a C source (.c, compiled with the bundled clang "
                    + "for the target, freestanding), an object (.o) or an archive (.a); repeatable")
    java.util.List<java.nio.file.Path> link = new java.util.ArrayList<>();

    java.util.List<java.nio.file.Path> link() { return java.util.List.copyOf(link); }

    tlang.midend.PanicStrategy panic() {
        if (panic == null) return tlang.midend.PanicStrategy.UNWIND;
        return tlang.midend.PanicStrategy.byFlag(panic).orElseThrow(() -> new UserError(
                "unknown panic strategy `" + panic + "` (use unwind or abort)"));
    }

    Target target() {
        if (target == null) {
            return Target.host().orElseThrow(() -> new UserError(
                    "this machine (" + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                            + ") is not a T target; pass --target " + targetNames()));
        }
        return Target.byName(target).orElseThrow(() -> new UserError(
                "unknown target `" + target + "` (known targets: " + targetNames() + ")"));
    }

    OptLevel opt() {
        if (opt == null) return OptLevel.O2;
        return switch (opt) {
            case "0" -> OptLevel.O0;
            case "1" -> OptLevel.O1;
            case "2" -> OptLevel.O2;
            case "3" -> OptLevel.O3;
            default -> throw new UserError("unknown optimization level `-O" + opt + "` (use -O0, -O1, -O2 or -O3)");
        };
    }

    static String targetNames() {
        return Arrays.stream(Target.values()).map(t -> t.name).collect(Collectors.joining(", "));
    }
}

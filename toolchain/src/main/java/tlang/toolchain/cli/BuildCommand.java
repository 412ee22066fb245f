package tlang.toolchain.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tlang.toolchain.UserError;
import tlang.toolchain.driver.Driver;
import tlang.toolchain.driver.Emit;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Compile a T program into a static executable (or an object file, assembly, LLVM IR or TIR).",
                "The program is a .t file (and the module files it declares) or a package,",
                "a directory with a t.toml manifest. The output goes to the current directory,",
                "named after the file or the package, unless -o says otherwise."})
public final class BuildCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE|DIR", description = "the program's main source file (.t), or a package directory (with t.toml)")
    Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "where to write the result (default: the file's name without .t, or the package's name, plus the --emit extension)")
    Path output;

    @Option(names = "--emit", paramLabel = "KIND", description = "exe (default), obj, asm, llvm-ir or tir")
    String emit;

    @Mixin TargetOptions targetOptions;
    @Mixin CommonOptions common;

    @Override
    public Integer call() {
        Emit kind = emit == null ? Emit.EXE : Emit.byFlag(emit).orElseThrow(() -> new UserError(
                "unknown --emit kind `" + emit + "` (use " + Arrays.stream(Emit.values()).map(e -> e.flag).collect(Collectors.joining(", ")) + ")"));
        Path out = output != null ? output : Path.of(Driver.programName(file) + kind.extension);
        common.driver().build(new Driver.Options(file, targetOptions.target(), targetOptions.opt(), kind, out, targetOptions.panic(), targetOptions.link()));
        return 0;
    }
}

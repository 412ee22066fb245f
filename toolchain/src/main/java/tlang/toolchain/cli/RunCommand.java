package tlang.toolchain.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import tlang.backend.Target;
import tlang.toolchain.UserError;
import tlang.toolchain.driver.Driver;
import tlang.toolchain.driver.Emit;
import tlang.toolchain.driver.Runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Build a T program and run it; its exit status becomes tcc's.",
                "Executables for the other architecture run under qemu-<arch>-static."})
public final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE|DIR", description = "the program's main source file (.t), or a package directory (with t.toml)")
    Path file;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "arguments for the program (after --)")
    List<String> args = new ArrayList<>();

    @Mixin TargetOptions targetOptions;
    @Mixin CommonOptions common;

    @Override
    public Integer call() {
        Target target = targetOptions.target();
        // Fail before compiling when the program could not be run anyway.
        Runner.command(Path.of("probe"), target, List.of());
        Path dir;
        try {
            dir = Files.createTempDirectory("tcc-run-");
        } catch (IOException e) {
            throw new UserError("cannot create a temporary directory: " + e.getMessage());
        }
        Path exe = dir.resolve(Driver.programName(file));
        try {
            common.driver().build(new Driver.Options(file, target, targetOptions.opt(), Emit.EXE, exe, targetOptions.panic(), targetOptions.link()));
            common.err().flush();
            return Runner.runInheritingIo(exe, target, args);
        } finally {
            try {
                Files.deleteIfExists(exe);
                Files.deleteIfExists(dir);
            } catch (IOException ignored) {
                // A leftover temporary file is harmless.
            }
        }
    }
}

package tlang.toolchain.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import tlang.toolchain.driver.Driver;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Parse and type-check a T program without generating code.")
public final class CheckCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE|DIR", description = "the program's main source file (.t), or a package directory (with t.toml)")
    Path file;

    @Mixin CommonOptions common;

    @Override
    public Integer call() {
        common.driver().check(file);
        return 0;
    }
}

package tlang.toolchain.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tlang.toolchain.UserError;
import tlang.toolchain.driver.Driver;
import tlang.toolchain.driver.Emit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Builds one program several times in this JVM and reports the wall time of the first
 * build (a cold JVM: classes loaded and code interpreted) and the median of the later
 * ones (a warm JVM, as a compile server or an IDE would see). Used by bench/run; hidden
 * from `tcc --help` because it is a measuring tool, not a user command.
 */
@Command(name = "build-timing", hidden = true, mixinStandardHelpOptions = true,
        description = "Time repeated in-process builds of FILE (cold JVM, then warm).")
public final class BuildTimingCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE") Path file;

    @Option(names = "--repeat", defaultValue = "10", description = "number of builds (default: 10)")
    int repeat;

    @Mixin TargetOptions targetOptions;
    @Mixin CommonOptions common;

    @Override
    public Integer call() throws IOException {
        if (repeat < 2) throw new UserError("--repeat needs at least 2 builds (one cold, one warm)");
        Path dir = Files.createTempDirectory("tcc-timing-");
        Path out = dir.resolve("a.out");
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        List<Long> nanos = new ArrayList<>();
        try {
            for (int i = 0; i < repeat; i++) {
                long start = System.nanoTime();
                (i == 0 ? common.driver() : new Driver(quiet, common.diagnosticStyle())).build(
                        new Driver.Options(file, targetOptions.target(), targetOptions.opt(), Emit.EXE, out, targetOptions.panic()));
                nanos.add(System.nanoTime() - start);
            }
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(dir);
        }
        List<Long> warm = new ArrayList<>(nanos.subList(1, nanos.size()));
        Collections.sort(warm);
        long median = warm.get(warm.size() / 2);
        common.out().printf("first-build-ms %.1f%nwarm-median-ms %.1f%nwarm-min-ms %.1f%n",
                nanos.get(0) / 1e6, median / 1e6, warm.get(0) / 1e6);
        return 0;
    }
}

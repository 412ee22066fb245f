package tlang.toolchain.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tlang.backend.Target;
import tlang.toolchain.driver.Runner;

import java.util.concurrent.Callable;

@Command(name = "targets", mixinStandardHelpOptions = true,
        description = "List the targets tcc can build for, and how each runs on this machine.")
public final class TargetsCommand implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Override
    public Integer call() {
        Target host = Target.host().orElse(null);
        for (Target t : Target.values()) {
            String how = t == host ? "native (this machine)"
                    : Runner.emulator(t).map(p -> "runs under " + p).orElse("builds; running it needs " + Runner.emulatorName(t));
            common.out().printf("%-14s %-28s %s%n", t.name, t.triple, how);
        }
        return 0;
    }
}

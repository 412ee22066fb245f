package tlang.toolchain.driver;

import tlang.backend.Target;
import tlang.toolchain.UserError;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a built executable: directly when it is for this machine, under qemu user-mode
 * emulation (`qemu-aarch64-static`) when it is for the other architecture.
 */
public final class Runner {
    private Runner() {}

    /** The command line that runs {@code exe} built for {@code target} on this host. */
    public static List<String> command(Path exe, Target target, List<String> args) {
        List<String> cmd = new ArrayList<>();
        Optional<Target> host = Target.host();
        if (host.isEmpty() || host.get() != target) {
            Path qemu = emulator(target).orElseThrow(() -> new UserError(
                    "cannot run a " + target.name + " executable on this " + System.getProperty("os.arch") + " host: "
                            + emulatorName(target) + " was not found on PATH (on Debian or Ubuntu: apt-get install qemu-user-static)"));
            cmd.add(qemu.toString());
        }
        cmd.add(exe.toAbsolutePath().toString());
        cmd.addAll(args);
        return cmd;
    }

    public static String emulatorName(Target target) {
        return "qemu-" + target.machine + "-static";
    }

    /** The user-mode emulator for {@code target}, if one is installed. */
    public static Optional<Path> emulator(Target target) {
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        for (String name : List.of(emulatorName(target), "qemu-" + target.machine)) {
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.isEmpty()) continue;
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Runs with the terminal's standard streams and returns the exit status (128+N for signal N). */
    public static int runInheritingIo(Path exe, Target target, List<String> args) {
        try {
            Process p = new ProcessBuilder(command(exe, target, args)).inheritIO().start();
            return p.waitFor();
        } catch (IOException e) {
            throw new UserError("cannot run `" + exe + "`: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }
}

package tlang.tests;

import tlang.backend.Target;
import tlang.toolchain.Main;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Helpers the end-to-end suites share: run tcc in-process, run executables, find qemu. */
final class Tcc {
    private Tcc() {}

    /** The repository's tests/ directory (Maven runs tests with the module as working directory). */
    static final Path TESTS_DIR = Path.of("").toAbsolutePath();
    static final Path REPO = TESTS_DIR.getParent();
    static final boolean CI = "true".equalsIgnoreCase(System.getenv("CI"));

    record Result(int exitCode, String out, String err) {}

    /** Runs `tcc ARGS` in this JVM, through the real command line. */
    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs an executable built for {@code target}: natively or under qemu. */
    static Result execute(Path exe, Target target, List<String> args, Path workDir) throws IOException, InterruptedException {
        return execute(exe, target, args, workDir, java.util.Map.of());
    }

    /** Runs with extra environment variables; qemu's own "uncaught target signal" line is dropped from stderr. */
    static Result execute(Path exe, Target target, List<String> args, Path workDir, java.util.Map<String, String> env) throws IOException, InterruptedException {
        return execute(exe, target, args, workDir, env, null);
    }

    /** {@code stdin}: the file the program reads as standard input; null: /dev/null. */
    static Result execute(Path exe, Target target, List<String> args, Path workDir, java.util.Map<String, String> env, Path stdin) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (Target.host().orElse(null) != target) cmd.add(qemu(target).toString());
        cmd.add(exe.toString());
        cmd.addAll(args);
        Path stdout = Files.createTempFile(workDir, "stdout", ".txt");
        Path stderr = Files.createTempFile(workDir, "stderr", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).redirectInput(ProcessBuilder.Redirect.from(stdin != null ? stdin.toFile() : new java.io.File("/dev/null")));
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(exe + " did not finish within 60 s");
        }
        // Decoded leniently: a program may write bytes that are not UTF-8.
        String err = text(stderr).replaceAll("(?m)^qemu: uncaught target signal [0-9]+ \\(.*\\) - core dumped\\n", "");
        return new Result(p.exitValue(), text(stdout), err);
    }

    /** A file's bytes as UTF-8, with malformed bytes replaced rather than rejected. */
    static String text(Path file) throws IOException {
        return new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Whether executables for {@code target} can run here (natively or with qemu). */
    static boolean canRun(Target target) {
        return Target.host().orElse(null) == target || tlang.toolchain.driver.Runner.emulator(target).isPresent();
    }

    static Path qemu(Target target) {
        return tlang.toolchain.driver.Runner.emulator(target).orElseThrow(() -> new AssertionError("no qemu for " + target.name));
    }

    /**
     * Outside CI a missing qemu only skips running AArch64 binaries (they are still built),
     * with a visible warning; in CI it is a failure, so that nothing passes by not running.
     */
    static void requireRunnable(Target target) {
        if (canRun(target)) return;
        String msg = "cannot run " + target.name + " executables: " + tlang.toolchain.driver.Runner.emulatorName(target) + " is not installed";
        if (CI) throw new AssertionError(msg + " (CI=true requires it; .ci/run installs qemu-user-static)");
        System.err.println("WARNING: " + msg + "; skipping execution (install qemu-user-static)");
        org.junit.jupiter.api.Assumptions.abort(msg);
    }
}

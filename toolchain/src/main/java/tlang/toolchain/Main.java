package tlang.toolchain;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import tlang.toolchain.cli.BuildCommand;
import tlang.toolchain.cli.BuildTimingCommand;
import tlang.toolchain.cli.CheckCommand;
import tlang.toolchain.cli.RunCommand;
import tlang.toolchain.cli.TargetsCommand;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Arrays;

/**
 * `tcc`, the T toolchain's command line. Exit statuses: 0 success, 1 the program has
 * errors, 2 a usage or environment problem, 3 an internal compiler error; `tcc run`
 * returns the program's own status.
 */
@Command(name = "tcc", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "The T compiler and toolchain.",
        subcommands = {BuildCommand.class, RunCommand.class, CheckCommand.class, TargetsCommand.class,
                BuildTimingCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override public String[] getVersion() {
            return new String[]{"tcc " + Version.tcc() + " (LLVM " + Version.llvm() + "; targets x86_64-linux, aarch64-linux)"};
        }
    }

    @Override
    public void run() {
        throw new UserError("no command given (try `tcc --help`; `tcc run FILE.t` builds and runs a program)");
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true);
        System.exit(execute(args, out, System.err));
    }

    /**
     * The compiler's phases recurse over the program's tree, so deeply nested code needs a
     * deep stack: tcc runs on a thread of its own with room for tens of thousands of levels
     * (the parser caps nesting well below that).
     */
    private static final long STACK_BYTES = 512L << 20;

    /** Runs tcc with the given streams and returns its exit status; never throws. */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        int[] status = {3};
        Thread t = new Thread(null, () -> status[0] = executeHere(args, out, err), "tcc", STACK_BYTES);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
        return status[0];
    }

    private static int executeHere(String[] args, PrintStream out, PrintStream err) {
        boolean verbose = Arrays.asList(args).contains("--verbose") || Arrays.asList(args).contains("-v");
        tlang.toolchain.cli.Streams.set(out, err);
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setParameterExceptionHandler((ex, a) -> {
            String sub = ex.getCommandLine().getCommandName();
            err.println("tcc: " + ex.getMessage() + " (see `" + ("tcc".equals(sub) ? "tcc" : "tcc " + sub) + " --help`)");
            return 2;
        });
        cli.setExecutionExceptionHandler((ex, c, parsed) -> handle(ex, err, verbose));
        try {
            return cli.execute(args);
        } catch (Throwable t) {
            return handle(t, err, verbose);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static int handle(Throwable ex, PrintStream err, boolean verbose) {
        switch (ex) {
            case CompileErrors ce -> { return 1; }
            case UserError ue -> {
                err.println("tcc: " + ue.getMessage());
                return 2;
            }
            default -> {
                err.println("tcc: internal compiler error: " + ex);
                if (verbose) ex.printStackTrace(err);
                else err.println("tcc: this is a bug in tcc; run again with --verbose for details and report it");
                return 3;
            }
        }
    }
}

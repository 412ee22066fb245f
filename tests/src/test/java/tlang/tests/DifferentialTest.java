package tlang.tests;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import tlang.backend.Target;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Differential testing of integer and float expressions: {@link ProgramGenerator} writes
 * random, well-typed programs in T and in C that print thousands of expressions — casts
 * between all integer and float types, arithmetic, bitwise operators, shifts, comparisons,
 * `if` and `match` expressions, calls of small generated functions, constants — together
 * with what each must print. tcc builds the T programs for both targets (x86-64 natively,
 * AArch64 under qemu) and gcc the C ones; all three must agree, line by line: T's output
 * exactly, C's (which prints floats with 17 digits rather than T's shortest ones) by value.
 * (Without gcc, outside CI, T is still checked against the generator.)
 *
 * <p>The generator never lets an expression overflow (that would be a trap in T and
 * undefined behaviour in C); {@link #overflowTraps} checks the other side: operations that
 * do overflow trap, with T's message and exit status 101, and
 * {@link #overflowInConstantsIsACompileError} that in constants they are compile errors.
 *
 * <p>The seed is fixed, so a run is reproducible; {@code -Dtlang.diff.seed=N} picks another
 * (failures name theirs). {@code tlang.diff.programs}, {@code tlang.diff.chunks} (functions
 * of prints per program), {@code tlang.diff.perChunk} and {@code tlang.diff.depth} change the
 * amount, {@code tlang.diff.opt} tcc's optimization level (e.g. -O0) and
 * {@code tlang.diff.cflags} adds gcc flags. The sources of failing programs are kept under
 * tests/target/differential/ (of all programs with {@code -Dtlang.diff.keep=true}). A longer
 * hunt, with the C side checked for undefined behaviour:
 * <pre>
 * mvn -q -B package -pl tests -am -Dtest=DifferentialTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dtlang.diff.seed=7 -Dtlang.diff.programs=20 -Dtlang.diff.depth=6 -Dtlang.diff.opt=-O0 \
 *     "-Dtlang.diff.cflags=-fsanitize=undefined -fno-sanitize-recover=all"
 * </pre>
 */
class DifferentialTest {
    static final long DEFAULT_SEED = 20250611L;

    @TempDir Path work;

    static long seed() {
        String s = System.getProperty("tlang.diff.seed", "").strip();
        return s.isEmpty() ? DEFAULT_SEED : Long.decode(s);
    }

    static String rerun(long seed) {
        return "seed " + seed + " (rerun with -Dtlang.diff.seed=" + seed + ")";
    }

    /** Where a program's sources are kept for a failure report. */
    static Path keep(long seed, String name, String text) throws Exception {
        Path dir = Files.createDirectories(Tcc.TESTS_DIR.resolve("target/differential/seed-" + seed));
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    static Optional<Path> gcc() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, "gcc");
            if (Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    record Output(int exitCode, String out, String err) {}

    /** tcc's diagnostics without its warnings (unreachable match arms, unused bindings: many). */
    static String errorsOnly(String diagnostics) {
        StringBuilder out = new StringBuilder();
        boolean keep = true;
        for (String line : diagnostics.split("\n")) {
            if (line.matches("\\S.*?: (warning|error)(\\[\\w+\\])?: .*") || line.startsWith("error")) keep = !line.matches("\\S.*?: warning.*");
            if (keep) out.append(line).append('\n');
        }
        return out.toString();
    }

    /** Whether C's `%.17g` and T's shortest digits (Rust's) denote the same value of {@code type}. */
    static boolean sameFloat(String c, String t, ProgramGenerator.FloatType type) {
        Double a = parseFloat(c, type), b = parseFloat(t, type);
        return a != null && b != null && Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
    }

    /** A printed float, read (rounded once) as a value of {@code type}. */
    static Double parseFloat(String s, ProgramGenerator.FloatType type) {
        return switch (s.strip().toLowerCase()) {
            case "nan", "-nan" -> Double.NaN;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> {
                try {
                    yield type == ProgramGenerator.FloatType.F32 ? (double) Float.parseFloat(s) : Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    yield null;
                }
            }
        };
    }

    static Output runProcess(List<String> cmd, Path dir) throws Exception {
        Path out = Files.createTempFile(dir, "out", ".txt"), err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", cmd) + " did not finish within 120 s");
        }
        return new Output(p.exitValue(), Tcc.text(out), Tcc.text(err));
    }

    /** One generated program, its C build started early (gcc runs in parallel with tcc). */
    final class Case {
        final int index;
        final long seed;
        final ProgramGenerator.Program program;
        final Path tSource, cSource;
        CompletableFuture<Output> cRun;

        Case(int index, long seed, ProgramGenerator.Program program) throws Exception {
            this.index = index;
            this.seed = seed;
            this.program = program;
            this.tSource = work.resolve("diff" + index + ".t");
            this.cSource = work.resolve("diff" + index + ".c");
            Files.writeString(tSource, program.t());
            Files.writeString(cSource, program.c());
        }

        void startC(Path gcc) {
            Path exe = work.resolve("diff" + index + "-c");
            cRun = CompletableFuture.supplyAsync(() -> {
                try {
                    // -frounding-math: gcc 12 otherwise folds `0.0 - (double)i` into `-(double)i`,
                    // which is -0.0 for i == 0 (IEEE 754 and T say +0.0).
                    List<String> cmd = new ArrayList<>(List.of(gcc.toString(), "-O1", "-std=gnu11", "-frounding-math", "-w"));
                    // For checking the generator itself, e.g. -fsanitize=undefined -fno-sanitize-recover=all.
                    String extra = System.getProperty("tlang.diff.cflags", "").strip();
                    if (!extra.isEmpty()) cmd.addAll(List.of(extra.split("\\s+")));
                    cmd.addAll(List.of("-o", exe.toString(), cSource.toString(), "-lm"));
                    Output build = runProcess(cmd, work);
                    if (build.exitCode() != 0) return new Output(-1, "", "gcc failed:\n" + build.err());
                    return runProcess(List.of(exe.toString()), work);
                } catch (Exception e) {
                    return new Output(-1, "", "running the C program failed: " + e);
                }
            });
        }

        /** C's output, or null without gcc. */
        Output c() {
            return cRun == null ? null : cRun.join();
        }

        String where() throws Exception {
            return "program " + index + " of " + rerun(seed) + "; sources kept as "
                    + keep(seed, "diff" + index + ".t", program.t()) + " and " + keep(seed, "diff" + index + ".c", program.c());
        }

        /** Compares {@code actual} (from T, or from C when {@code ofT} is false) with the generator's values. */
        void compare(String what, Output actual, boolean ofT) throws Exception {
            List<ProgramGenerator.Line> lines = program.lines();
            String[] got = actual.out().split("\n", -1);
            Output c = ofT ? c() : actual;
            String[] fromC = c == null ? null : c.out().split("\n", -1);
            StringBuilder report = new StringBuilder();
            int mismatches = 0;
            for (int i = 0; i < lines.size(); i++) {
                String g = i < got.length - 1 || (i < got.length && !got[i].isEmpty()) ? got[i] : "<missing>";
                if (g.equals(lines.get(i).expected()) || (!ofT && lines.get(i).floating() != null && sameFloat(g, lines.get(i).expected(), lines.get(i).floating()))) continue;
                if (++mismatches > 10) continue;
                ProgramGenerator.Line l = lines.get(i);
                String cValue = fromC == null ? "(no gcc)" : i < fromC.length ? fromC[i] : "<missing>";
                boolean cAgrees = cValue.equals(l.expected()) || (l.floating() != null && sameFloat(cValue, l.expected(), l.floating()));
                report.append("\n  line ").append(i + 1).append(" in T: ").append(l.t())
                        .append("\n    in C: ").append(l.c());
                if (ofT) report.append("\n    ").append(what).append(" printed: ").append(g);
                report.append("\n    C printed: ").append(cValue)
                        .append("\n    expected (generator): ").append(l.expected())
                        .append(!ofT ? "  (C disagrees with the generator: a generator bug?)"
                                : cAgrees ? "  (C agrees with the generator: a tcc bug?)" : "");
            }
            if (mismatches == 0 && got.length != lines.size() + 1) {
                report.append("\n  ").append(got.length - 1 - lines.size()).append(" extra lines of output");
                mismatches++;
            }
            if (mismatches > 0 || actual.exitCode() != 0 || (ofT && !actual.err().isEmpty())) {
                fail(what + ": " + mismatches + " of " + lines.size() + " lines differ, exit status " + actual.exitCode()
                        + (actual.err().isEmpty() ? "" : ", stderr:\n" + actual.err()) + "\n" + where() + report);
            }
        }
    }

    @TestFactory
    List<DynamicNode> randomExpressions() throws Exception {
        long seed = seed();
        int programs = Integer.getInteger("tlang.diff.programs", 6);
        int chunks = Integer.getInteger("tlang.diff.chunks", 6);
        int perChunk = Integer.getInteger("tlang.diff.perChunk", 100);
        int depth = Integer.getInteger("tlang.diff.depth", 5);
        Optional<Path> gcc = gcc();
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < programs; i++) {
            Case c = new Case(i, seed, new ProgramGenerator(seed * 1_000_003L + i, depth).program(10, chunks, perChunk));
            gcc.ifPresent(c::startC);
            if (Boolean.getBoolean("tlang.diff.keep")) c.where();
            cases.add(c);
        }
        List<DynamicNode> nodes = new ArrayList<>();
        for (Case c : cases) {
            List<DynamicTest> tests = new ArrayList<>();
            tests.add(DynamicTest.dynamicTest("C (gcc) agrees with the generator", () -> {
                if (gcc.isEmpty()) {
                    String msg = "gcc is not installed: the T programs are checked against the generator only";
                    if (Tcc.CI) throw new AssertionError(msg + " (CI=true requires gcc)");
                    System.err.println("WARNING: " + msg);
                    Assumptions.abort(msg);
                }
                c.compare("C", c.c(), false);
            }));
            for (Target target : Target.values()) {
                tests.add(DynamicTest.dynamicTest(target.name, () -> {
                    Path exe = work.resolve("diff" + c.index + "-" + target.name);
                    List<String> args = new ArrayList<>(List.of("build", c.tSource.toString(), "--target", target.name, "-o", exe.toString()));
                    String opt = System.getProperty("tlang.diff.opt", "").strip(); // e.g. -O0; tcc's default otherwise
                    if (!opt.isEmpty()) args.add(opt);
                    Tcc.Result build = Tcc.run(args.toArray(String[]::new));
                    if (build.exitCode() != 0) fail("tcc build failed:\n" + errorsOnly(build.err()) + "\n" + c.where());
                    Tcc.requireRunnable(target);
                    Tcc.Result run = Tcc.execute(exe, target, List.of(), work);
                    c.compare("T on " + target.name, new Output(run.exitCode(), run.out(), run.err()), true);
                }));
            }
            nodes.add(DynamicContainer.dynamicContainer("program " + c.index + " (" + c.program.lines().size() + " expressions, seed " + seed + ")", tests));
        }
        return nodes;
    }

    /** Operations that overflow (or divide by zero, or shift too far) trap, with status 101 and T's message. */
    @TestFactory
    List<DynamicTest> overflowTraps() throws Exception {
        long seed = seed();
        ProgramGenerator.TrapProgram program = new ProgramGenerator(seed, 1).trapProgram(3);
        Path src = work.resolve("traps.t");
        Files.writeString(src, program.t());
        if (Boolean.getBoolean("tlang.diff.keep")) keep(seed, "traps.t", program.t());
        List<DynamicTest> tests = new ArrayList<>();
        for (Target target : Target.values()) {
            tests.add(DynamicTest.dynamicTest(target.name, () -> {
                Path exe = work.resolve("traps-" + target.name);
                Tcc.Result build = Tcc.run("build", src.toString(), "--target", target.name, "-o", exe.toString());
                if (build.exitCode() != 0) fail("tcc build failed:\n" + build.err() + "\n" + rerun(seed) + ", kept as " + keep(seed, "traps.t", program.t()));
                Tcc.requireRunnable(target);
                StringBuilder failures = new StringBuilder();
                for (ProgramGenerator.TrapCase tc : program.cases()) {
                    Tcc.Result run = Tcc.execute(exe, target, List.of(tc.name()), work);
                    Pattern expected = Pattern.compile("panicked at [^\\n]*traps\\.t:" + tc.line() + ":\\d+: " + Pattern.quote(tc.message()) + "\\n");
                    if (run.exitCode() != 101 || !run.out().equals(tc.name() + "\n") || !expected.matcher(run.err()).find()) {
                        failures.append("\n  ").append(tc.name()).append(": ").append(tc.expression())
                                .append("\n    expected exit 101, stdout `").append(tc.name()).append("`, stderr `panicked at ...traps.t:")
                                .append(tc.line()).append(":..: ").append(tc.message()).append('`')
                                .append("\n    got exit ").append(run.exitCode()).append(", stdout `").append(run.out().strip())
                                .append("`, stderr `").append(run.err().strip()).append('`');
                    }
                }
                if (!failures.isEmpty()) fail("traps on " + target.name + ", " + rerun(seed) + ", program kept as " + keep(seed, "traps.t", program.t()) + failures);
                assertTrue(program.cases().size() >= 10);
            }));
        }
        return tests;
    }

    /**
     * The same operations in constants: T computes constants at compile time, where they must
     * be compile errors with the same messages (one per constant, nothing else).
     */
    @Test
    void overflowInConstantsIsACompileError() throws Exception {
        long seed = seed();
        List<String> kinds = new ArrayList<>(List.of(ProgramGenerator.TRAP_KINDS));
        ProgramGenerator.TrapProgram program = new ProgramGenerator(seed, 1).constTrapProgram(3, kinds);
        Path src = work.resolve("const-traps.t");
        Files.writeString(src, program.t());
        Tcc.Result check = Tcc.run("check", src.toString());
        StringBuilder failures = new StringBuilder();
        for (ProgramGenerator.TrapCase tc : program.cases()) {
            Pattern expected = Pattern.compile("const-traps\\.t:" + tc.line() + ":\\d+: error\\[E0080\\]: evaluation of constant value failed: " + Pattern.quote(tc.message()) + "\n");
            if (!expected.matcher(check.err()).find()) {
                failures.append("\n  ").append(tc.name()).append(" (line ").append(tc.line()).append("): ").append(tc.expression())
                        .append("\n    expected error: ").append(tc.message());
            }
        }
        String count = "due to " + program.cases().size() + " previous errors";
        if (check.exitCode() != 1 || !check.err().contains(count) || !failures.isEmpty()) {
            fail("constants that trap, " + rerun(seed) + ", program kept as " + keep(seed, "const-traps.t", program.t())
                    + ": expected exit status 1 and one error per constant (" + count + "); got exit " + check.exitCode() + failures
                    + "\ntcc's stderr:\n" + check.err());
        }
    }
}

package tlang.tests;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The compiler never throws on bad input. Truncated, shuffled and mutated versions of every
 * program in the corpus (tests/programs, tests/packages, tests/diagnostics, examples) go through the real
 * `tcc check`, which must answer with status 0 (the mutant happens to be valid) or 1 and
 * well-formed `path:line:col: error: ...` diagnostics, or 2 for a file that is not UTF-8 —
 * never 3 (an internal compiler error), never Java exception text, never a hang.
 *
 * <p>Mutants come from a seeded RNG: the same seed gives the same mutants. Override it with
 * {@code -Dtlang.fuzz.seed=N}, the number of mutants per corpus file with
 * {@code -Dtlang.fuzz.mutants=N}, the per-check time limit with {@code -Dtlang.fuzz.timeout=SECONDS}.
 *
 * <p>Crashes that are known and not yet fixed live in tests/robustness/known-bugs/: each file
 * there must still crash (so that a fix is noticed and the file moved to
 * tests/robustness/regressions/, which must not crash), and mutants that crash the same way
 * (same exception and compiler frame) are counted rather than failed. See tests/robustness/README.md.
 */
class RobustnessTest {
    static final long DEFAULT_SEED = 0x7E57_F022L;
    static final long SEED = Long.decode(System.getProperty("tlang.fuzz.seed", Long.toString(DEFAULT_SEED)));
    static final int PER_FILE = Integer.getInteger("tlang.fuzz.mutants", 16);
    static final long TIMEOUT_MS = Long.getLong("tlang.fuzz.timeout", 10) * 1000;
    static final Path ROBUSTNESS = Tcc.TESTS_DIR.resolve("robustness");
    static final Path FAILURES = Tcc.TESTS_DIR.resolve("target/robustness-failures");
    /** After this many hangs the run stops: each one leaves a thread spinning. */
    static final int MAX_HANGS = 3;

    /** One input for `tcc check`: where it came from and how it was made. */
    record Case(String id, String origin, String how, byte[] bytes) {}

    record Failure(Case c, MutatorCheck.Outcome outcome) {}

    @Test
    void mutatedCorpusNeverCrashesTheCompiler(@TempDir Path work) throws IOException {
        Map<String, Path> known = knownBugSignatures(work);
        List<Case> cases = new ArrayList<>(fixedCases());
        cases.addAll(randomCases());

        Map<MutatorCheck.Verdict, Integer> verdicts = new EnumMap<>(MutatorCheck.Verdict.class);
        Map<String, Integer> knownHits = new TreeMap<>();
        List<Failure> failures = new ArrayList<>();
        long start = System.nanoTime();
        long slowestMs = -1;
        String slowest = "";
        int hangs = 0, run = 0;
        Path file = work.resolve("mutant.t");
        try (MutatorCheck checker = new MutatorCheck(TIMEOUT_MS)) {
            for (Case c : cases) {
                MutatorCheck.Outcome o = checker.check(file, c.bytes());
                run++;
                verdicts.merge(o.verdict(), 1, Integer::sum);
                if (o.millis() > slowestMs) { slowestMs = o.millis(); slowest = c.id() + " (" + c.how() + ")"; }
                if (o.verdict().ok) continue;
                boolean tooManyHangs = o.verdict() == MutatorCheck.Verdict.HANG && ++hangs >= MAX_HANGS;
                if (known.containsKey(o.signature())) knownHits.merge(o.signature(), 1, Integer::sum);
                else failures.add(new Failure(c, o));
                if (tooManyHangs) {
                    failures.add(new Failure(c, new MutatorCheck.Outcome(MutatorCheck.Verdict.HANG, -1, "too many hangs",
                            "stopped after " + hangs + " hangs; " + (cases.size() - run) + " inputs not checked", 0)));
                    break;
                }
            }
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            StringBuilder summary = new StringBuilder();
            summary.append("robustness: ").append(run).append(" of ").append(cases.size()).append(" inputs checked in ")
                    .append(seconds).append(" s (seed ").append(seedText()).append("): ").append(verdicts);
            summary.append("; slowest ").append(slowestMs).append(" ms: ").append(slowest);
            knownHits.forEach((sig, n) -> summary.append("\n  known bug (").append(ROBUSTNESS.relativize(known.get(sig)))
                    .append("), hit by ").append(n).append(" mutants: ").append(sig));
            summary.append("\n  known bugs: ").append(known.size()).append(" (").append(String.join("; ", known.keySet())).append(")");
            System.out.println(summary);
            if (!failures.isEmpty()) fail(report(failures, checker, work) + "\n" + summary);
        }
    }

    @TestFactory
    Stream<DynamicTest> knownBugsStillFail(@TempDir Path work) throws IOException {
        return files("known-bugs").stream().map(f -> DynamicTest.dynamicTest(ROBUSTNESS.relativize(f).toString(), () -> {
            MutatorCheck.Outcome o = checkCopy(f, work);
            assertFalse(o.verdict().ok, () -> "known bug " + Tcc.REPO.relativize(f) + " no longer breaks tcc check (" + o.verdict()
                    + ", exit status " + o.exitCode() + "): it looks fixed, so move it to tests/robustness/regressions/"
                    + " (see tests/robustness/README.md)");
        }));
    }

    @TestFactory
    Stream<DynamicTest> regressionsStayFixed(@TempDir Path work) throws IOException {
        return files("regressions").stream().map(f -> DynamicTest.dynamicTest(ROBUSTNESS.relativize(f).toString(), () -> {
            MutatorCheck.Outcome o = checkCopy(f, work);
            assertTrue(o.verdict().ok, () -> Tcc.REPO.relativize(f) + " was fixed, but breaks tcc check again: " + o.verdict()
                    + " " + o.signature() + " (exit status " + o.exitCode() + ")\n" + (o.detail() == null ? "" : o.detail()));
        }));
    }

    /** Checks a copy of {@code f} (so that a robustness file is never written to), time-boxed and judged. */
    private static MutatorCheck.Outcome checkCopy(Path f, Path work) throws IOException {
        try (MutatorCheck checker = new MutatorCheck(TIMEOUT_MS)) {
            return checker.check(work.resolve(f.getFileName().toString()), Files.readAllBytes(f));
        }
    }

    // ---- inputs -----------------------------------------------------------------------

    static List<Path> corpus() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path dir : List.of(Tcc.TESTS_DIR.resolve("programs"), Tcc.TESTS_DIR.resolve("packages"), Tcc.TESTS_DIR.resolve("diagnostics"), Tcc.REPO.resolve("examples"))) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(p -> p.toString().endsWith(".t")).sorted().forEach(files::add);
            }
        }
        return files;
    }

    /** Mutants of every corpus file, each from its own RNG derived from the seed, the file and its number. */
    static List<Case> randomCases() throws IOException {
        List<Case> cases = new ArrayList<>();
        for (Path f : corpus()) {
            String rel = Tcc.REPO.relativize(f).toString();
            String text = Files.readString(f);
            for (int i = 0; i < PER_FILE; i++) {
                Random r = new Random(mix(SEED, rel.hashCode(), i));
                Mutator.Mutant m = Mutator.mutate(text, r);
                cases.add(new Case(rel + "#" + i, rel, m.describe(), m.bytes()));
            }
        }
        return cases;
    }

    /** Inputs every run covers whatever the seed: all prefixes of hello.t, deep nesting, invalid UTF-8, odd files. */
    static List<Case> fixedCases() throws IOException {
        List<Case> cases = new ArrayList<>();
        Path helloPath = Tcc.REPO.resolve("examples/hello.t");
        String hello = Files.readString(helloPath);
        for (int i = 0; i < hello.length(); i++) {
            cases.add(new Case("hello.t prefix " + i, "examples/hello.t", "truncate@" + i, utf8(hello.substring(0, i))));
        }
        byte[] helloBytes = utf8(hello);
        for (int i = 0; i <= helloBytes.length; i += Math.max(1, helloBytes.length / 8)) {
            for (byte[] bad : Mutator.INVALID_UTF8) {
                byte[] b = new byte[helloBytes.length + bad.length];
                System.arraycopy(helloBytes, 0, b, 0, i);
                System.arraycopy(bad, 0, b, i, bad.length);
                System.arraycopy(helloBytes, i, b, i + bad.length, helloBytes.length - i);
                cases.add(new Case("hello.t invalid UTF-8 @" + i, "examples/hello.t", "insert-invalid-utf8@" + i, b));
            }
        }
        for (int depth : new int[]{100, 10_000}) {
            for (int shape = 0; shape < Mutator.DEEP_SHAPES; shape++) {
                String src = "fn main() {\n    let _d = " + Mutator.deepShape(shape, depth) + ";\n}\n";
                cases.add(new Case("deep#" + shape + "x" + depth, "generated", "deep#" + shape + "x" + depth, utf8(src)));
            }
        }
        // Nesting outside expressions: types, patterns, comments, items.
        int d = 10_000;
        String[] deepElsewhere = {
                "fn f(x: " + "(".repeat(d) + "i32" + ",)".repeat(d) + ") {}\nfn main() {}\n",
                "fn f(x: " + "& ".repeat(d) + "i32) {}\nfn main() {}\n",
                "fn main() {\n    let " + "(".repeat(d) + "x" + ",)".repeat(d) + " = 1;\n}\n",
                "fn main() {\n    match 1 { " + "(".repeat(d) + "1" + ")".repeat(d) + " => {} _ => {} }\n}\n",
                "fn main() {\n    match 1 { " + "1 | ".repeat(d) + "2 => {} _ => {} }\n}\n",
                "/*".repeat(d) + "*/".repeat(d) + "\nfn main() {}\n",
                "/*".repeat(d) + "\nfn main() {}\n",
                "fn main() {\n" + "    fn g() {\n".repeat(d) + "}\n".repeat(d) + "}\n",
                "}".repeat(d) + "\nfn main() {}\n",
                "fn main() {\n" + "    let x = 1;\n".repeat(d) + "}\n",
                "fn main() {\n    let x = (" + "1, ".repeat(d) + ");\n}\n",
                "fn main() {\n    println(\"" + "{}".repeat(d) + "\"" + ", 1".repeat(d) + ");\n}\n",
                "enum E { " + "A, ".repeat(d) + "}\nfn main() {\n    match E::A { E::A => {} }\n}\n",
        };
        for (int i = 0; i < deepElsewhere.length; i++) {
            cases.add(new Case("deep-other#" + i, "generated", Mutator.abbreviate(deepElsewhere[i]), utf8(deepElsewhere[i])));
        }
        String[] odd = {"", "\n", "\uFEFF", "\uFEFFfn main() {}\n", "\u0000", "fn main() {}\u0000", "fn", "fn main", "fn main(",
                "fn main() {", "\"", "'", "/*", "/* /* */", "'a", "'\\", "\"\\", "\"\\u{", "\"\\u{110000}\"", "'\\u{D800}'",
                "fn main() { let x = 'ab'; }", "fn main() { 'l: loop { break 'l; } }", "#", "@", "\\", "fn main() {}\r\n\r",
                "fn main() {}" + "\n".repeat(100_000), "\t".repeat(100_000)};
        for (int i = 0; i < odd.length; i++) cases.add(new Case("odd#" + i, "generated", Mutator.abbreviate(odd[i]), utf8(odd[i])));
        return cases;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static long mix(long seed, long a, long b) {
        long h = seed ^ 0x9E3779B97F4A7C15L * (a + 1) ^ 0xC2B2AE3D27D4EB4FL * (b + 1);
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        return h;
    }

    private static String seedText() {
        return "0x" + Long.toHexString(SEED) + (SEED == DEFAULT_SEED ? ", the default" : "");
    }

    private static List<Path> files(String dir) throws IOException {
        Path d = ROBUSTNESS.resolve(dir);
        if (!Files.isDirectory(d)) return List.of();
        try (Stream<Path> walk = Files.walk(d)) {
            return walk.filter(p -> p.toString().endsWith(".t")).sorted().toList();
        }
    }

    /** The crash signature of each known bug that still crashes, and its file. */
    private static Map<String, Path> knownBugSignatures(Path work) throws IOException {
        Map<String, Path> known = new LinkedHashMap<>();
        try (MutatorCheck checker = new MutatorCheck(TIMEOUT_MS)) {
            for (Path f : files("known-bugs")) {
                MutatorCheck.Outcome o = checker.check(work.resolve("known.t"), Files.readAllBytes(f));
                if (o.verdict().ok) continue; // knownBugsStillFail reports it
                known.putIfAbsent(o.signature(), f);
            }
        }
        return known;
    }

    // ---- reporting --------------------------------------------------------------------

    /** Groups failures by signature, saves and minimizes one mutant per group, and explains how to reproduce. */
    private static String report(List<Failure> failures, MutatorCheck checker, Path work) throws IOException {
        Map<String, List<Failure>> groups = new LinkedHashMap<>();
        for (Failure f : failures) {
            String key = f.outcome().verdict() + ": " + f.outcome().signature();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
        }
        Files.createDirectories(FAILURES);
        StringBuilder b = new StringBuilder();
        b.append(failures.size()).append(" inputs broke `tcc check` in ").append(groups.size()).append(" ways (seed ")
                .append(seedText()).append("; rerun with -Dtlang.fuzz.seed=0x").append(Long.toHexString(SEED))
                .append("; inputs saved under ").append(Tcc.REPO.relativize(FAILURES)).append("):\n");
        int g = 0;
        Path scratch = work.resolve("minimize.t");
        for (Map.Entry<String, List<Failure>> e : groups.entrySet()) {
            g++;
            List<Failure> list = e.getValue();
            Failure first = list.get(0);
            b.append("\n[").append(g).append("] ").append(e.getKey()).append(" (").append(list.size()).append(" inputs)\n");
            for (Failure f : list.subList(0, Math.min(3, list.size()))) {
                b.append("    ").append(f.c().id()).append(": ").append(Mutator.abbreviate200(f.c().how())).append('\n');
            }
            Path saved = FAILURES.resolve("failure-" + g + ".t");
            Files.write(saved, first.c().bytes());
            b.append("    saved: ").append(Tcc.REPO.relativize(saved)).append('\n');
            if (first.outcome().detail() != null) b.append(indent(first.outcome().detail()));
            // Hangs and floods take seconds per try: not worth minimizing here.
            MutatorCheck.Verdict v = first.outcome().verdict();
            boolean minimizable = g <= 8 && v != MutatorCheck.Verdict.HANG && v != MutatorCheck.Verdict.FLOOD
                    && MutatorCheck.isUtf8(first.c().bytes());
            if (minimizable) {
                String want = first.outcome().signature();
                MutatorCheck.Verdict verdict = first.outcome().verdict();
                String min = MutatorMinimizer.minimize(first.c().bytes(), s -> {
                    try {
                        MutatorCheck.Outcome o = checker.check(scratch, utf8(s));
                        if (o.verdict() != verdict) return false;
                        return want.equals(o.signature());
                    } catch (IOException ex) {
                        return false;
                    }
                }, 500, 15_000);
                Path minPath = FAILURES.resolve("failure-" + g + "-min.t");
                Files.writeString(minPath, min);
                b.append("    minimized (").append(Tcc.REPO.relativize(minPath)).append("):\n")
                        .append(indent(MutatorCheck.firstLines(min, 10)));
            }
        }
        b.append("\nA crash that cannot be fixed now can be recorded as a known bug: put its minimized input in "
                + "tests/robustness/known-bugs/ (see tests/robustness/README.md).\n");
        return b.toString();
    }

    private static String indent(String s) {
        StringBuilder b = new StringBuilder();
        for (String l : s.split("\n")) b.append("      ").append(l).append('\n');
        return b.toString();
    }
}

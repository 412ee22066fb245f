package tlang.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * A program of the end-to-end corpus: `tests/programs/**\/NAME.t`, its expected stdout in
 * `NAME.out`, and directives in leading comment lines:
 * `// args: a b`, `// exit: 3`, `// stderr: text expected somewhere in stderr` (repeatable),
 * `// env: NAME=value` (repeatable), `// flags: --panic=abort` (extra `tcc build` options),
 * `// link: helper.c` (repeatable: a C source, object or archive beside the program, passed
 * to `tcc build --link`), `// stdin: input.txt` (a file beside the program that becomes its
 * standard input; without it, stdin is /dev/null). Input files must not end in `.t`.
 * A package, `tests/packages/NAME/` with its t.toml, is built as a whole; its directives
 * lead its entry file and its stdout is in `expected.out`.
 */
record TestProgram(Path source, String relative, List<String> args, int exitCode, List<String> stderrContains, String expectedOut,
                   java.util.Map<String, String> env, List<String> flags, Path stdin) {

    static List<TestProgram> all(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            List<TestProgram> list = new ArrayList<>();
            for (Path p : walk.filter(f -> f.toString().endsWith(".t")).sorted().toList()) list.add(load(p));
            return list;
        }
    }

    /** The packages under {@code root}: its directories with a t.toml. */
    static List<TestProgram> packages(Path root) throws IOException {
        try (Stream<Path> list = Files.list(root)) {
            List<TestProgram> out = new ArrayList<>();
            for (Path dir : list.filter(d -> Files.exists(d.resolve("t.toml"))).sorted().toList()) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^entry\\s*=\\s*\"([^\"]+)\"").matcher(Files.readString(dir.resolve("t.toml")));
                Path entry = dir.resolve(m.find() ? m.group(1) : "src/main.t");
                out.add(load(entry, dir.resolve("expected.out"), Tcc.TESTS_DIR.relativize(dir.toAbsolutePath()).toString()));
            }
            return out;
        }
    }

    static TestProgram load(Path source) throws IOException {
        String name = source.getFileName().toString();
        Path out = source.resolveSibling(name.substring(0, name.length() - 2) + ".out");
        return load(source, out, Tcc.TESTS_DIR.relativize(source.toAbsolutePath()).toString());
    }

    /** {@code relative}: what `tcc build` is given, relative to tests/. */
    static TestProgram load(Path source, Path out, String relative) throws IOException {
        List<String> args = List.of();
        int exit = 0;
        List<String> stderr = new ArrayList<>();
        java.util.Map<String, String> env = new java.util.HashMap<>();
        List<String> flags = List.of();
        List<String> links = new ArrayList<>();
        Path stdin = null;
        for (String line : Files.readAllLines(source)) {
            if (!line.startsWith("//")) break;
            String d = line.substring(2).strip();
            if (d.startsWith("args:")) args = Arrays.stream(d.substring(5).strip().split("\\s+")).filter(s -> !s.isEmpty()).toList();
            else if (d.startsWith("exit:")) exit = Integer.parseInt(d.substring(5).strip());
            else if (d.startsWith("stderr:")) stderr.add(d.substring(7).strip());
            else if (d.startsWith("flags:")) flags = Arrays.stream(d.substring(6).strip().split("\\s+")).filter(s -> !s.isEmpty()).toList();
            else if (d.startsWith("link:")) {
                // Relative to the program; the build runs in tests/, so made relative to that.
                Path file = source.toAbsolutePath().resolveSibling(d.substring(5).strip());
                links.add("--link");
                links.add(Tcc.TESTS_DIR.toAbsolutePath().relativize(file).toString());
            }
            else if (d.startsWith("stdin:")) {
                stdin = source.toAbsolutePath().resolveSibling(d.substring(6).strip());
                if (!Files.isRegularFile(stdin)) throw new AssertionError(source + ": no stdin file " + stdin);
            }
            else if (d.startsWith("env:")) {
                String kv = d.substring(4).strip();
                env.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            }
        }
        if (!Files.exists(out)) throw new AssertionError("missing expected output " + out);
        if (!links.isEmpty()) {
            List<String> all = new ArrayList<>(flags);
            all.addAll(links);
            flags = List.copyOf(all);
        }
        return new TestProgram(source, relative, args, exit, List.copyOf(stderr), Files.readString(out), java.util.Map.copyOf(env), flags, stdin);
    }
}

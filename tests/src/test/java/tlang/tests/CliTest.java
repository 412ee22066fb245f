package tlang.tests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tlang.backend.Target;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The `tcc` command line: every subcommand, every kind of bad input, and what it writes. */
class CliTest {
    @TempDir Path work;

    private static final String HELLO = "../examples/hello.t";

    private static void assertOneLineError(Tcc.Result result, int code, String fragment) {
        assertEquals(code, result.exitCode(), result.err());
        // The one-time "compiling the T runtime" progress line may come first.
        Tcc.Result r = new Tcc.Result(result.exitCode(), result.out(), result.err().lines()
                .filter(l -> !l.startsWith("tcc: compiling the T runtime")).map(l -> l + "\n").reduce("", String::concat));
        assertTrue(r.err().contains(fragment), () -> "expected `" + fragment + "` in:\n" + r.err());
        assertEquals(1, r.err().strip().lines().count(), () -> "expected one line, got:\n" + r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), "a Java stack trace leaked:\n" + r.err());
    }

    @Test
    void versionNamesTccAndLlvm() {
        Tcc.Result r = Tcc.run("--version");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().matches("(?s)tcc \\d+\\.\\d+\\.\\d+ \\(LLVM 20\\.1\\.7; .*\\)\\n"), r.out());
    }

    @Test
    void helpOnEveryCommand() {
        for (String cmd : List.of("build", "run", "check", "targets")) {
            Tcc.Result r = Tcc.run(cmd, "--help");
            assertEquals(0, r.exitCode(), cmd);
            assertTrue(r.out().contains("Usage: tcc " + cmd), r.out());
        }
        Tcc.Result top = Tcc.run("--help");
        assertEquals(0, top.exitCode());
        for (String cmd : List.of("build", "run", "check", "targets")) assertTrue(top.out().contains(cmd), top.out());
    }

    @Test
    void targetsListsBoth() {
        Tcc.Result r = Tcc.run("targets");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("x86_64-linux") && r.out().contains("aarch64-linux"), r.out());
    }

    @Test
    void noCommandIsAUsageError() {
        assertOneLineError(Tcc.run(), 2, "no command given");
    }

    @Test
    void missingFile() {
        assertOneLineError(Tcc.run("build", "no/such/file.t"), 2, "cannot read `no/such/file.t`: no such file");
        assertOneLineError(Tcc.run("run", "missing.t"), 2, "no such file");
        assertOneLineError(Tcc.run("check", "missing.t"), 2, "no such file");
    }

    @Test
    void directoryInsteadOfFile() {
        assertOneLineError(Tcc.run("check", work.toString()), 2, "is a directory");
    }

    @Test
    void unknownTarget() {
        assertOneLineError(Tcc.run("build", HELLO, "--target", "riscv64-linux"), 2, "unknown target `riscv64-linux`");
    }

    @Test
    void badFlags() {
        assertOneLineError(Tcc.run("build", HELLO, "--frobnicate"), 2, "Unknown option: '--frobnicate'");
        assertOneLineError(Tcc.run("build", HELLO, "-O9"), 2, "unknown optimization level `-O9`");
        assertOneLineError(Tcc.run("build", HELLO, "--emit", "wasm"), 2, "unknown --emit kind `wasm`");
        assertOneLineError(Tcc.run("build", HELLO, "--panic=ignore"), 2, "unknown panic strategy `ignore` (use unwind or abort)");
        assertOneLineError(Tcc.run("build"), 2, "Missing required parameter");
        assertOneLineError(Tcc.run("frobnicate"), 2, "Unmatched argument");
    }

    @Test
    void unwritableOutput() {
        assertOneLineError(Tcc.run("build", HELLO, "-o", "/no/such/dir/hello"), 2, "cannot write output");
        assertOneLineError(Tcc.run("build", HELLO, "-o", work.toString()), 2, "is a directory");
        assertOneLineError(Tcc.run("build", HELLO, "-o", "/proc/hello"), 2, "cannot write output");
    }

    @Test
    void invalidUtf8Source() throws Exception {
        Path bad = work.resolve("bad.t");
        Files.write(bad, new byte[]{'f', 'n', ' ', (byte) 0xff, (byte) 0xfe});
        assertOneLineError(Tcc.run("check", bad.toString()), 2, "not valid UTF-8");
    }

    @Test
    void compileErrorsExitWithOne() throws Exception {
        Path bad = work.resolve("bad.t");
        Files.writeString(bad, "fn main() {\n    let x: i64 = true;\n    println(\"{}\", y);\n}\n");
        Tcc.Result r = Tcc.run("build", bad.toString(), "-o", work.resolve("bad").toString());
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains(bad + ":2:18: error[E0308]: mismatched types: expected `i64`, found `bool`"), r.err());
        assertTrue(r.err().contains(bad + ":3:19: error[E0425]: cannot find value `y` in this scope"), r.err());
        assertTrue(r.err().contains("due to 2 previous errors"), r.err());
        assertFalse(Files.exists(work.resolve("bad")), "no output on errors");
    }

    @Test
    void jsonDiagnosticsForEditors() throws Exception {
        Path bad = work.resolve("bad.t");
        Files.writeString(bad, "fn main() {\n    let x: i64 = \"s\";\n}\n");
        Tcc.Result r = Tcc.run("check", bad.toString(), "--error-format=json");
        assertEquals(1, r.exitCode());
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), r.err());
        String json = lines.get(0);
        assertTrue(json.startsWith("{\"level\":\"error\",\"code\":\"E0308\",\"message\":\"mismatched types: expected `i64`, found `String`\""), json);
        assertTrue(json.contains("\"line_start\":2,\"column_start\":18,\"line_end\":2,\"column_end\":21"), json);
        assertTrue(json.contains("\"rendered\":\"" + bad.toString().replace("\\", "\\\\") + ":2:18: error[E0308]"), json);
    }

    @Test
    void colourOnlyWhenAsked() throws Exception {
        Path bad = work.resolve("bad.t");
        Files.writeString(bad, "fn main() { y }\n");
        assertTrue(Tcc.run("check", bad.toString(), "--color=always").err().contains("\u001b[1;31merror[E0425]"));
        assertFalse(Tcc.run("check", bad.toString(), "--color=never").err().contains("\u001b["));
        // Tests run without a terminal, so `auto` is plain.
        assertFalse(Tcc.run("check", bad.toString()).err().contains("\u001b["));
        assertOneLineError(Tcc.run("check", bad.toString(), "--color=sometimes"), 2, "unknown --color `sometimes`");
        assertOneLineError(Tcc.run("check", bad.toString(), "--error-format=xml"), 2, "unknown --error-format `xml`");
    }

    @Test
    void checkAcceptsAGoodProgram() {
        Tcc.Result r = Tcc.run("check", HELLO);
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err());
    }

    @Test
    void emitsEveryKind() throws Exception {
        for (Target t : Target.values()) {
            Path obj = work.resolve(t.name + ".o");
            assertEquals(0, Tcc.run("build", HELLO, "--target", t.name, "--emit", "obj", "-o", obj.toString()).exitCode());
            ElfFile elf = ElfFile.read(obj);
            assertEquals(ElfFile.ET_REL, elf.type());
            assertEquals(t == Target.X86_64_LINUX ? ElfFile.EM_X86_64 : ElfFile.EM_AARCH64, elf.machine());

            Path asm = work.resolve(t.name + ".s");
            assertEquals(0, Tcc.run("build", HELLO, "--target", t.name, "--emit", "asm", "-o", asm.toString()).exitCode());
            String text = Files.readString(asm);
            assertTrue(text.contains("_TN5hello3fibE"), "assembly names the mangled function");
            assertTrue(t == Target.X86_64_LINUX ? text.contains("%rsp") || text.contains("%rdi") : text.contains("x30") || text.contains("w0"), "assembly for " + t.name);
        }
        Path ll = work.resolve("hello.ll");
        assertEquals(0, Tcc.run("build", HELLO, "--emit", "llvm-ir", "-O0", "-o", ll.toString()).exitCode());
        String ir = Files.readString(ll);
        assertTrue(ir.contains("define internal i64 @_TN5hello3fibE(i64"), ir);
        assertTrue(ir.contains("llvm.sadd.with.overflow.i64"), "overflow-checked addition at -O0");

        Path tir = work.resolve("hello.tir");
        assertEquals(0, Tcc.run("build", HELLO, "--emit", "tir", "-o", tir.toString()).exitCode());
        assertTrue(Files.readString(tir).contains("checked add"), Files.readString(tir));
    }

    @Test
    void aarch64ExecutableIsStaticArm() throws Exception {
        Path exe = work.resolve("hello-arm");
        Tcc.Result r = Tcc.run("build", HELLO, "--target", "aarch64-linux", "-o", exe.toString());
        assertEquals(0, r.exitCode(), r.err());
        ElfFile elf = ElfFile.read(exe);
        assertEquals(ElfFile.EM_AARCH64, elf.machine());
        assertTrue(elf.isStaticExecutable());
        // `file` is how a user would check; ask it too where it is installed.
        if (Files.isExecutable(Path.of("/usr/bin/file"))) {
            Process p = new ProcessBuilder("file", exe.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            assertTrue(out.contains("ARM aarch64") && out.contains("statically linked"), out);
        }
        Tcc.requireRunnable(Target.AARCH64_LINUX);
        Tcc.Result run = Tcc.execute(exe, Target.AARCH64_LINUX, List.of("x"), work);
        assertEquals("Hello from T!\nfib(20) = 6765\nyou gave me 1 argument(s); the first is x\n", run.out());
    }

    @Test
    void runPassesArgumentsAndExitStatus() throws Exception {
        Path prog = work.resolve("status.t");
        // `tcc run` hands the program tcc's own stdio, so this program says what it saw
        // through its exit status only (output would go straight to the test JVM's stdout).
        Files.writeString(prog, "fn main() {\n    if std::env::arg(1) == \"hi\" && std::env::arg_count() == 2 { std::process::exit(42); }\n    std::process::exit(1);\n}\n");
        Tcc.Result r = Tcc.run("run", prog.toString(), "--", "hi");
        assertEquals(42, r.exitCode(), r.err());
    }

    // ---- packages --------------------------------------------------------------------

    /** Writes a package of two modules into {@code dir}: `main` calls `greet::hello` and `greet::boom`. */
    private static Path writePackage(Path dir, String manifest) throws Exception {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("t.toml"), manifest);
        Files.writeString(dir.resolve("src/main.t"), """
                mod greet;

                fn main() {
                    greet::hello(std::env::arg_count());
                    if std::env::arg(1) == "boom" { greet::boom(std::env::arg_count()); }
                    std::process::exit(greet::status());
                }
                """);
        Files.writeString(dir.resolve("src/greet.t"), """
                pub fn hello(n: i64) { println("hello from greet, {} argument(s)", n - 1); }

                pub fn boom(n: i64) {
                    let a = [1, 2];
                    println("{}", a[n]);
                }

                pub fn status() -> i32 { 7 }
                """);
        return dir;
    }

    private static final String MANIFEST = "[package]\nname = \"cli-demo\"\nversion = \"0.1.0\"\n";

    @Test
    void buildRunAndCheckAPackageDirectory() throws Exception {
        Path pkg = writePackage(work.resolve("pkg"), MANIFEST);
        Path exe = work.resolve("demo");
        Tcc.Result build = Tcc.run("build", pkg.toString(), "-o", exe.toString());
        assertEquals(0, build.exitCode(), build.err());
        assertTrue(ElfFile.read(exe).isStaticExecutable());
        Tcc.Result run = Tcc.execute(exe, Target.host().orElseThrow(), List.of("a", "b"), work);
        assertEquals("hello from greet, 2 argument(s)\n", run.out());
        assertEquals(7, run.exitCode());

        Tcc.Result check = Tcc.run("check", pkg.toString());
        assertEquals(0, check.exitCode(), check.err());
        assertEquals("", check.err());
        // `tcc run DIR` hands the program tcc's own stdio; its status comes back.
        assertEquals(7, Tcc.run("run", pkg.toString(), "--", "x").exitCode());
    }

    @Test
    void packageExecutableIsNamedAfterThePackageInTheCurrentDirectory() throws Exception {
        Path pkg = writePackage(work.resolve("pkg"), MANIFEST);
        Path expected = Path.of("cli-demo").toAbsolutePath();
        try {
            Tcc.Result build = Tcc.run("build", pkg.toString());
            assertEquals(0, build.exitCode(), build.err());
            assertTrue(Files.isRegularFile(expected), "tcc build DIR writes ./NAME");
            Tcc.Result obj = Tcc.run("build", pkg.toString(), "--emit", "obj");
            assertEquals(0, obj.exitCode(), obj.err());
            assertTrue(Files.isRegularFile(Path.of("cli-demo.o")), "--emit obj writes ./NAME.o");
        } finally {
            Files.deleteIfExists(expected);
            Files.deleteIfExists(Path.of("cli-demo.o"));
        }
    }

    @Test
    void customEntryFile() throws Exception {
        Path pkg = writePackage(work.resolve("pkg"), MANIFEST + "entry = \"src/start.t\"\n");
        Files.move(pkg.resolve("src/main.t"), pkg.resolve("src/start.t"));
        Tcc.Result check = Tcc.run("check", pkg.toString());
        assertEquals(0, check.exitCode(), check.err());
    }

    @Test
    void directoryWithoutManifest() throws Exception {
        Path dir = Files.createDirectories(work.resolve("plain"));
        assertOneLineError(Tcc.run("build", dir.toString()), 2, "is a directory without a t.toml");
        assertOneLineError(Tcc.run("run", dir.toString()), 2, "is a directory without a t.toml");
    }

    /** A bad manifest is a compile error located in t.toml: status 1, `t.toml:LINE:COL: error[CODE]`. */
    private void assertManifestError(String manifest, String located) throws Exception {
        Path pkg = writePackage(work.resolve("bad" + manifest.hashCode()), manifest);
        for (String cmd : List.of("build", "check", "run")) {
            Tcc.Result r = Tcc.run(cmd, pkg.toString());
            assertEquals(1, r.exitCode(), r.err());
            assertTrue(r.err().contains(pkg.resolve("t.toml") + ":" + located), () -> "expected `" + located + "` in:\n" + r.err());
            assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), "a Java stack trace leaked:\n" + r.err());
        }
    }

    @Test
    void badManifests() throws Exception {
        assertManifestError("[package]\nname = \"x\nversion = \"0.1.0\"\n", "2:8: error[E1601]: unterminated string");
        assertManifestError("[package]\nname = \"x\"\nversion = \"0.1.0\"\nauthor = \"me\"\n", "4:1: error[E1602]: unknown key `author` in [package]");
        assertManifestError("[package]\nversion = \"0.1.0\"\n", "1:1: error[E1603]: missing `name` in [package]");
        assertManifestError("[package]\nname = \"x\"\n", "1:1: error[E1603]: missing `version` in [package]");
        assertManifestError("name = \"x\"\n", "1:1: error[E1602]: key `name` is outside any table");
        assertManifestError(MANIFEST + "entry = \"src/nowhere.t\"\n", "4:9: error[E1604]: the package's entry file");
        assertManifestError("[package]\nname = 5\nversion = \"0.1.0\"\n", "2:8: error[E1603]: `name` must be a string, not a number");
    }

    @Test
    void manifestThatIsNotUtf8() throws Exception {
        Path pkg = writePackage(work.resolve("pkg"), MANIFEST);
        Files.write(pkg.resolve("t.toml"), new byte[]{'[', (byte) 0xff, ']'});
        assertOneLineError(Tcc.run("check", pkg.toString()), 2, "not valid UTF-8");
    }

    @Test
    void moduleFileThatIsNotUtf8() throws Exception {
        Path pkg = writePackage(work.resolve("pkg"), MANIFEST);
        Files.write(pkg.resolve("src/greet.t"), new byte[]{'f', 'n', ' ', (byte) 0xff});
        Tcc.Result r = Tcc.run("check", pkg.toString());
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains(pkg.resolve("src/main.t") + ":1:5: error[E1502]: cannot read `" + pkg.resolve("src/greet.t") + "`"), r.err());
    }

    @Test
    void diagnosticsNameTheModuleFile() throws Exception {
        Path pkg = writePackage(work.resolve("pkg"), MANIFEST);
        Files.writeString(pkg.resolve("src/greet.t"), "pub fn hello(n: i64) { let s: String = n; }\npub fn boom(n: i64) {}\npub fn status() -> i32 { 0 }\n");
        Tcc.Result r = Tcc.run("check", pkg.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().startsWith(pkg.resolve("src/greet.t") + ":1:40: error[E0308]: mismatched types: expected `String`, found `i64`"), r.err());
        assertTrue(r.err().contains("could not compile `cli-demo` due to 1 previous error"), r.err());
        Tcc.Result json = Tcc.run("check", pkg.toString(), "--error-format=json");
        assertTrue(json.err().contains("\"file\":\"" + pkg.resolve("src/greet.t") + "\""), json.err());
    }

    @Test
    void symbolsAndBacktracesCarryTheModulePath() throws Exception {
        Path pkg = writePackage(work.resolve("pkg"), MANIFEST);
        Path asm = work.resolve("demo.s");
        assertEquals(0, Tcc.run("build", pkg.toString(), "-O0", "--emit", "asm", "-o", asm.toString()).exitCode());
        String text = Files.readString(asm);
        assertTrue(text.contains("_TN8cli_demo5greet5helloE") && text.contains("_TN8cli_demo4mainE"), "symbols: package, module, function");

        Path exe = work.resolve("demo");
        assertEquals(0, Tcc.run("build", pkg.toString(), "-O0", "-o", exe.toString()).exitCode());
        Tcc.Result run = Tcc.execute(exe, Target.host().orElseThrow(), List.of("boom"), work, java.util.Map.of("T_BACKTRACE", "1"));
        assertEquals(101, run.exitCode(), run.err());
        assertTrue(run.err().contains("panicked at " + pkg.resolve("src/greet.t") + ":5:19: index out of bounds"), run.err());
        assertTrue(run.err().contains("0: cli_demo::greet::boom") && run.err().contains("1: cli_demo::main"), run.err());
    }
}

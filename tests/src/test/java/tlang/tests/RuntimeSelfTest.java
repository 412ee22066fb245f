package tlang.tests;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import tlang.backend.Target;
import tlang.backend.tools.LlvmTools;
import tlang.toolchain.driver.CacheDirectory;
import tlang.toolchain.driver.RuntimeLibrary;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The runtime's own tests (native-runtime/test-c): C programs that stand in for compiled T
 * code, built with the bundled clang against the runtime archive tcc caches, and run on
 * both targets. They pin the ABI's behaviour independently of the compiler. The same
 * conventions as test-c/run-tests.sh: optional NAME.cflags (extra clang flags), NAME.ll
 * (LLVM IR linked in, for landing pads C cannot express) and NAME.env (KEY=VALUE lines).
 */
class RuntimeSelfTest {
    @TempDir Path work;

    @TestFactory
    Stream<DynamicTest> cPrograms() throws Exception {
        Path dir = Tcc.REPO.resolve("native-runtime/test-c");
        List<Path> sources;
        try (Stream<Path> s = Files.list(dir)) {
            sources = s.filter(p -> p.toString().endsWith(".c")).sorted().toList();
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Target target : Target.values()) {
            for (Path c : sources) {
                tests.add(DynamicTest.dynamicTest(target.name + " " + c.getFileName(), () -> check(c, target)));
            }
        }
        return tests.stream();
    }

    private void check(Path c, Target target) throws Exception {
        Path cache = CacheDirectory.root();
        LlvmTools tools = LlvmTools.locate(cache);
        Path archive = RuntimeLibrary.archive(target, tools, cache, System.err);
        String name = c.getFileName().toString().replace(".c", "");
        Path obj = work.resolve(target.name + "-" + name + ".o");
        Path exe = work.resolve(target.name + "-" + name);
        Path rt = Tcc.REPO.resolve("native-runtime");
        List<String> compile = new ArrayList<>(List.of(tools.clang().toString(), "--target=" + target.triple));
        compile.addAll(RuntimeLibrary.cflags(target));
        compile.addAll(List.of("-I", rt.resolve("include").toString(), "-I", rt.resolve("src").toString(),
                "-I", rt.resolve("arch").resolve(target.archDir).toString(), "-c", c.toString(), "-o", obj.toString()));
        Path dir = c.getParent();
        Path cflags = dir.resolve(name + ".cflags");
        List<String> extra = Files.exists(cflags) ? List.of(Files.readString(cflags).trim().split("\\s+")) : List.of();
        compile.addAll(2, extra);
        LlvmTools.Result cc = tools.run(compile);
        assertEquals(0, cc.exitCode(), cc.output());
        Path ll = dir.resolve(name + ".ll");
        if (Files.exists(ll)) {
            // Merge the IR companion into the test's object, so the link is the usual one.
            Path irObj = work.resolve(target.name + "-" + name + ".ll.o"), merged = work.resolve(target.name + "-" + name + ".merged.o");
            List<String> ir = new ArrayList<>(List.of(tools.clang().toString(), "--target=" + target.triple, "-O2", "-fno-pic", "-Wno-override-module"));
            ir.addAll(extra);
            ir.addAll(List.of("-c", ll.toString(), "-o", irObj.toString()));
            LlvmTools.Result irc = tools.run(ir);
            assertEquals(0, irc.exitCode(), irc.output());
            LlvmTools.Result ld = tools.run(List.of(tools.lld().toString(), "-r", "-o", merged.toString(), obj.toString(), irObj.toString()));
            assertEquals(0, ld.exitCode(), ld.output());
            obj = merged;
        }
        tlang.toolchain.driver.Linker.link(tools, target, obj, archive, exe);
        Tcc.requireRunnable(target);
        java.util.Map<String, String> env = new java.util.HashMap<>();
        Path envFile = dir.resolve(name + ".env");
        if (Files.exists(envFile)) {
            for (String line : Files.readAllLines(envFile)) {
                int eq = line.indexOf('=');
                if (eq > 0) env.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        Tcc.Result r = Tcc.execute(exe, target, List.of("a", "bc"), Files.createDirectories(work.resolve("run")), env);
        assertEquals(Tcc.text(dir.resolve(name + ".expected")), r.out(), "stdout");
        assertEquals(Tcc.text(dir.resolve(name + ".expected_stderr")), r.err(), "stderr");
        assertEquals(Integer.parseInt(Files.readString(dir.resolve(name + ".expected_status")).strip()), r.exitCode(), "exit status");
    }
}

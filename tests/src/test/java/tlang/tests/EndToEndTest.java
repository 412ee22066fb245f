package tlang.tests;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import tlang.backend.Target;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The end-to-end corpus: every program under tests/programs, and every package (a directory
 * with a t.toml) under tests/packages, is compiled by tcc for both targets and run — x86-64
 * natively, AArch64 under qemu — and its stdout, exit status and stderr are compared with
 * what the program's files expect. Each runs with `T_LEAK_CHECK=1`: a leak fails it.
 */
class EndToEndTest {
    @TempDir Path work;

    @TestFactory
    List<DynamicContainer> programs() throws Exception {
        List<DynamicContainer> containers = new ArrayList<>();
        for (Target target : Target.values()) {
            List<DynamicTest> tests = new ArrayList<>();
            List<TestProgram> all = new ArrayList<>(TestProgram.all(Tcc.TESTS_DIR.resolve("programs")));
            all.addAll(TestProgram.packages(Tcc.TESTS_DIR.resolve("packages")));
            for (TestProgram p : all) {
                tests.add(DynamicTest.dynamicTest(p.relative(), () -> check(p, target)));
            }
            containers.add(DynamicContainer.dynamicContainer(target.name, tests));
        }
        return containers;
    }

    private void check(TestProgram p, Target target) throws Exception {
        Path exe = work.resolve(target.name + "-" + p.relative().replace('/', '_').replace(".t", ""));
        List<String> command = new ArrayList<>(List.of("build", p.relative(), "--target", target.name, "-o", exe.toString()));
        command.addAll(p.flags());
        Tcc.Result build = Tcc.run(command.toArray(String[]::new));
        assertEquals(0, build.exitCode(), () -> "tcc build failed:\n" + build.err());
        assertTrue(ElfFile.read(exe).isStaticExecutable(), "not a static executable");
        Tcc.requireRunnable(target);
        // Every program runs with the leak check on (a program may turn it off itself):
        // what it allocated must all be freed when main returns.
        java.util.Map<String, String> env = new java.util.HashMap<>(java.util.Map.of("T_LEAK_CHECK", "1"));
        env.putAll(p.env());
        Tcc.Result run = Tcc.execute(exe, target, p.args(), Files.createDirectories(work.resolve("run")), env, p.stdin());
        assertEquals(p.expectedOut(), run.out(), "stdout of " + p.relative() + " on " + target.name);
        assertEquals(p.exitCode(), run.exitCode(), () -> "exit status of " + p.relative() + " on " + target.name + "; stderr:\n" + run.err());
        for (String s : p.stderrContains()) {
            assertTrue(run.err().contains(s), () -> "stderr of " + p.relative() + " lacks `" + s + "`; it was:\n" + run.err());
        }
        if (p.stderrContains().isEmpty() && p.exitCode() == 0) assertEquals("", run.err(), "unexpected stderr");
    }
}

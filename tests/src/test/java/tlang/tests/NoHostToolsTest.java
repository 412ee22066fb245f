package tlang.tests;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tlang.backend.tools.LlvmTools;
import tlang.toolchain.driver.CacheDirectory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * tcc must not run the host's C compiler, assembler or linker: everything comes from the
 * LLVM jar. A build from an empty cache (so the runtime is compiled too) runs under
 * `strace -f -e trace=execve`, and every program it starts must live in the directory the
 * jar's tools were extracted to.
 */
class NoHostToolsTest {
    @TempDir Path work;

    @Test
    void everyExecutedProgramComesFromTheLlvmJar() throws Exception {
        boolean haveStrace = Files.isExecutable(Path.of("/usr/bin/strace"));
        if (!haveStrace && Tcc.CI) throw new AssertionError("strace is required in CI (.ci/run installs it)");
        Assumptions.assumeTrue(haveStrace, "strace not installed");

        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
        Path log = work.resolve("strace.log");
        Path cache = Files.createDirectories(work.resolve("cache"));
        List<String> cmd = new ArrayList<>(List.of("strace", "-f", "-qq", "-e", "trace=execve", "-o", log.toString(),
                java.toString(), "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "tlang.toolchain.Main", "build", "../examples/hello.t", "--target", "aarch64-linux", "-o", work.resolve("hello").toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("XDG_CACHE_HOME", cache.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "build under strace timed out");
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("compiling the T runtime"), "the runtime was compiled in this run:\n" + out);

        Path tools = LlvmTools.locate(CacheDirectory.root()).binDirectory().toRealPath();
        // The JVM starts child processes through its own helper (jspawnhelper), which then
        // executes the real program; that helper belongs to the JDK running tcc.
        Path javaHome = Path.of(System.getProperty("java.home")).toRealPath();
        Pattern execve = Pattern.compile("execve\\(\"([^\"]+)\".*\\) = 0");
        List<String> programs = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            Matcher m = execve.matcher(line);
            if (m.find()) programs.add(m.group(1));
        }
        assertFalse(programs.isEmpty(), "strace saw no execve");
        assertEquals(java.toRealPath(), Path.of(programs.get(0)).toRealPath(), "the first program is the JVM itself");
        List<String> started = programs.subList(1, programs.size());
        assertTrue(started.stream().anyMatch(s -> s.endsWith("/clang")), "clang ran: " + started);
        assertTrue(started.stream().anyMatch(s -> s.endsWith("/ld.lld")), "ld.lld ran: " + started);
        for (String s : started) {
            Path real = Path.of(s).toRealPath();
            if (real.startsWith(javaHome) && real.getFileName().toString().equals("jspawnhelper")) continue;
            assertTrue(real.startsWith(tools), s + " is not one of the LLVM jar's tools (" + tools + ")");
        }
    }
}

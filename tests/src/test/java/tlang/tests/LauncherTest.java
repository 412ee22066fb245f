package tlang.tests;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shell side: the JDK finder the launcher and scripts share. */
class LauncherTest {
    private static Tcc.Result bash(String script, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(List.of("bash", "-c", script)).directory(Tcc.REPO.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes()), err = new String(p.getErrorStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Tcc.Result(p.exitValue(), out, err);
    }

    @Test
    void findsAJdkOfAtLeast21() throws Exception {
        Tcc.Result r = bash(". scripts/find-jdk.sh && echo \"$T_JAVA_HOME $T_JAVA_MAJOR\"", Map.of());
        assertEquals(0, r.exitCode(), r.err());
        String[] parts = r.out().strip().split(" ");
        assertTrue(Integer.parseInt(parts[1]) >= 21, r.out());
        assertTrue(Files.isExecutable(Path.of(parts[0], "bin", "javac")), r.out());
    }

    @Test
    void saysPlainlyWhenThereIsNone() throws Exception {
        // Only old JDKs: one in JAVA_HOME, the system java 17 on PATH (if any), no install locations.
        Path fakeOld = Files.createTempDirectory("old-jdk");
        Files.createDirectories(fakeOld.resolve("bin"));
        for (String tool : List.of("java", "javac")) {
            Path t = fakeOld.resolve("bin").resolve(tool);
            Files.writeString(t, "#!/bin/sh\nexit 0\n");
            t.toFile().setExecutable(true);
        }
        Files.writeString(fakeOld.resolve("release"), "JAVA_VERSION=\"17.0.2\"\n");
        Tcc.Result r = bash(". scripts/find-jdk.sh; echo unreachable",
                Map.of("JAVA_HOME", fakeOld.toString(), "T_JDK_DIRS", "", "PATH", "/usr/bin:/bin"));
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("no JDK 21 or newer found"), r.err());
        assertEquals("", r.out());
    }
}

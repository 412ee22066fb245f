package tlang.tests;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The diagnostics corpus: `tcc check` on each tests/diagnostics/NAME.t must exit with 1 and
 * print exactly NAME.err — the messages, their locations and carets, nothing more. A
 * directory with a t.toml is a package checked as a whole (errors across its module files,
 * or in its manifest): `tcc check diagnostics/packages/NAME` prints NAME.err beside it.
 */
class DiagnosticsTest {
    @TestFactory
    Stream<DynamicTest> diagnostics() throws Exception {
        Path dir = Tcc.TESTS_DIR.resolve("diagnostics");
        List<Path> inputs;
        try (Stream<Path> walk = Files.walk(dir)) {
            inputs = walk.filter(p -> p.toString().endsWith(".t") && packageOf(dir, p) == null
                    || Files.isDirectory(p) && Files.exists(p.resolve("t.toml"))).sorted().toList();
        }
        return inputs.stream().map(f -> DynamicTest.dynamicTest(Tcc.TESTS_DIR.relativize(f).toString(), () -> {
            String rel = Tcc.TESTS_DIR.relativize(f).toString();
            Path expected = f.resolveSibling(f.getFileName().toString().replaceAll("\\.t$", "") + ".err");
            Tcc.Result r = Tcc.run("check", rel);
            assertEquals(Files.readString(expected), r.err(), "diagnostics of " + rel);
            assertEquals(1, r.exitCode(), "exit status of tcc check " + rel);
            assertFalse(r.err().contains("Exception"), "a Java exception leaked");
        }));
    }

    /** The package directory (one with a t.toml) that a file belongs to, below {@code root}; null if none. */
    static Path packageOf(Path root, Path file) {
        for (Path d = file.getParent(); d != null && d.startsWith(root) && !d.equals(root); d = d.getParent()) {
            if (Files.exists(d.resolve("t.toml"))) return d;
        }
        return null;
    }
}

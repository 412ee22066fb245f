package tlang.tests;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import tlang.backend.Target;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps docs/language.md honest: every ```t block in it is a complete program that must
 * build and run on both targets, printing exactly what its `// prints:` lines say.
 */
class DocsExamplesTest {
    @TempDir Path work;

    record Example(int line, String source, String expected) {}

    static List<Example> examples(Path doc) throws Exception {
        List<String> lines = Files.readAllLines(doc);
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals("```t")) continue;
            int start = i + 1;
            StringBuilder src = new StringBuilder(), expected = new StringBuilder();
            for (i = start; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
                String l = lines.get(i);
                src.append(l).append('\n');
                if (l.startsWith("// prints: ")) expected.append(l.substring("// prints: ".length())).append('\n');
            }
            out.add(new Example(start, src.toString(), expected.toString()));
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> languageReferenceExamples() throws Exception {
        List<Example> examples = examples(Tcc.REPO.resolve("docs/language.md"));
        assertTrue(examples.size() >= 4, "the reference has examples");
        List<DynamicTest> tests = new ArrayList<>();
        for (Example e : examples) {
            for (Target t : Target.values()) {
                tests.add(DynamicTest.dynamicTest("docs/language.md:" + e.line() + " on " + t.name, () -> {
                    Path src = work.resolve("example" + e.line() + ".t");
                    Files.writeString(src, e.source());
                    Path exe = work.resolve("example" + e.line() + "-" + t.name);
                    Tcc.Result build = Tcc.run("build", src.toString(), "--target", t.name, "-o", exe.toString());
                    assertEquals(0, build.exitCode(), build.err());
                    Tcc.requireRunnable(t);
                    Tcc.Result run = Tcc.execute(exe, t, List.of(), work);
                    assertEquals(e.expected(), run.out());
                    assertEquals(0, run.exitCode(), run.err());
                }));
            }
        }
        return tests.stream();
    }
}

package tlang.runtime;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

class RuntimeSourcesTest {
    @Test
    void packagesHeadersSourcesAndBothArchitectures() {
        List<String> paths = RuntimeSources.all().stream().map(RuntimeSources.SourceFile::path).toList();
        assertTrue(paths.contains("include/trt.h"), paths.toString());
        assertTrue(paths.contains("src/start.c"), paths.toString());
        assertTrue(paths.contains("arch/x86_64/start.S"), paths.toString());
        assertTrue(paths.contains("arch/aarch64/start.S"), paths.toString());
        assertTrue(paths.stream().noneMatch(p -> p.startsWith("test-c/")), "C tests are not part of the runtime");
    }
}

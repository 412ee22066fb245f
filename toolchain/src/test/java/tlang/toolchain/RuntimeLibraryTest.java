package tlang.toolchain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tlang.backend.Target;
import tlang.backend.tools.LlvmTools;
import tlang.runtime.RuntimeSources;
import tlang.toolchain.driver.CacheDirectory;
import tlang.toolchain.driver.RuntimeLibrary;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuntimeLibraryTest {
    @TempDir Path cache;

    @Test
    void keyChangesWithAnySourceByteAndWithTheTarget() {
        List<RuntimeSources.SourceFile> sources = RuntimeSources.all();
        String key = RuntimeLibraryAccess.key(Target.X86_64_LINUX, sources);
        assertEquals(key, RuntimeLibraryAccess.key(Target.X86_64_LINUX, RuntimeSources.all()), "deterministic");
        assertNotEquals(key, RuntimeLibraryAccess.key(Target.AARCH64_LINUX, sources));
        List<RuntimeSources.SourceFile> changed = new ArrayList<>(sources);
        RuntimeSources.SourceFile first = changed.get(0);
        byte[] edited = first.content().clone();
        edited[edited.length - 1] ^= 1;
        changed.set(0, new RuntimeSources.SourceFile(first.path(), edited));
        assertNotEquals(key, RuntimeLibraryAccess.key(Target.X86_64_LINUX, changed));
    }

    @Test
    void concurrentFirstBuildsAgreeAndLaterOnesAreCached() throws Exception {
        LlvmTools tools = LlvmTools.locate(CacheDirectory.root());
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<Path>> builds = new ArrayList<>();
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        PrintStream p = new PrintStream(progress, true);
        for (int i = 0; i < 3; i++) builds.add(pool.submit(() -> RuntimeLibrary.archive(Target.AARCH64_LINUX, tools, cache, p)));
        List<Path> archives = new ArrayList<>();
        for (Future<Path> f : builds) archives.add(f.get());
        pool.shutdown();
        assertEquals(1, archives.stream().distinct().count());
        Path archive = archives.get(0);
        assertTrue(new String(Files.readAllBytes(archive), 0, 8).equals("!<arch>\n"), "a whole ar archive");
        try (var leftovers = Files.list(archive.getParent().getParent())) {
            assertEquals(1, leftovers.count(), "no temporary build directories are left behind");
        }
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        assertEquals(archive, RuntimeLibrary.archive(Target.AARCH64_LINUX, tools, cache, new PrintStream(again, true)));
        assertEquals("", again.toString(), "a cached archive prints nothing");
        assertTrue(progress.toString().contains("compiling the T runtime for aarch64-linux"), progress.toString());
    }
}

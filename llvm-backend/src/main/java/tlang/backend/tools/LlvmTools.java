package tlang.backend.tools;

import org.bytedeco.javacpp.Loader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The LLVM executables tcc runs — clang (for the runtime's C), ld.lld and llvm-ar — all taken
 * from the bytedeco LLVM jar, never from the host, so that building needs no system compiler
 * or linker.
 *
 * <p>JavaCPP extracts the jar's programs to its cache. They link against
 * `libLLVM.so.20.1` and `libclang-cpp.so.20.1`, which the jar ships only under unversioned
 * names; tcc keeps a tool directory of its own with links under the versioned names and
 * runs the programs with that directory on LD_LIBRARY_PATH.
 */
public final class LlvmTools {
    /** Major.minor of the bundled LLVM; the shared-library names carry it. Bump with the pom. */
    public static final String LLVM_SONAME_VERSION = "20.1";
    private static final List<String> SHARED_LIBRARIES = List.of("libLLVM", "libclang-cpp");

    private static LlvmTools instance;

    private final Path binDir;
    private final Path libDir;

    private LlvmTools(Path binDir, Path libDir) {
        this.binDir = binDir;
        this.libDir = libDir;
    }

    /** Locates (extracting on first use) the bundled tools; {@code cacheRoot} is tcc's cache. */
    public static synchronized LlvmTools locate(Path cacheRoot) {
        if (instance != null) return instance;
        String clang;
        try {
            clang = Loader.load(org.bytedeco.llvm.program.clang.class);
        } catch (Throwable t) {
            throw new IllegalStateException("cannot extract the LLVM tools from the bytedeco LLVM jar: " + t.getMessage(), t);
        }
        Path bin = Path.of(clang).getParent();
        for (String tool : List.of("clang", "ld.lld", "llvm-ar")) {
            Path p = bin.resolve(tool);
            if (!Files.isRegularFile(p)) throw new IllegalStateException("the LLVM jar has no " + tool + " (looked in " + bin + ")");
            // Some programs come out of the jar without the execute bit.
            if (!Files.isExecutable(p) && !p.toFile().setExecutable(true)) {
                throw new IllegalStateException("cannot make " + p + " executable");
            }
        }
        instance = new LlvmTools(bin, linkDirectory(bin, cacheRoot));
        return instance;
    }

    private static Path linkDirectory(Path bin, Path cacheRoot) {
        // One directory per extracted LLVM, named after where JavaCPP put it.
        Path dir = cacheRoot.resolve("tools").resolve("llvm-" + LLVM_SONAME_VERSION + "-" + Integer.toHexString(bin.toString().hashCode()));
        try {
            boolean complete = SHARED_LIBRARIES.stream().allMatch(l -> Files.exists(dir.resolve(l + ".so." + LLVM_SONAME_VERSION)));
            if (complete) return dir;
            // Build the directory beside its final place and rename it in, so that
            // concurrent tcc processes never see it half made.
            Files.createDirectories(dir.getParent());
            Path tmp = Files.createTempDirectory(dir.getParent(), "tmp-");
            for (String lib : SHARED_LIBRARIES) {
                Path target = bin.resolve(lib + ".so");
                if (!Files.exists(target)) throw new IllegalStateException("the LLVM jar has no " + target.getFileName());
                Files.createSymbolicLink(tmp.resolve(lib + ".so." + LLVM_SONAME_VERSION), target);
            }
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                // Another process won the race; its directory is as good as ours.
                deleteTree(tmp);
                if (!Files.isDirectory(dir)) throw raced;
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the LLVM tool directory " + dir, e);
        }
    }

    private static void deleteTree(Path p) throws IOException {
        try (var walk = Files.walk(p)) {
            for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(q);
        }
    }

    public Path clang() { return binDir.resolve("clang"); }
    public Path lld() { return binDir.resolve("ld.lld"); }
    public Path ar() { return binDir.resolve("llvm-ar"); }
    public Path binDirectory() { return binDir; }
    public Path libraryDirectory() { return libDir; }

    /** The result of running a tool. */
    public record Result(int exitCode, String output) {}

    /** Runs a bundled tool with the library path it needs; output and errors are captured together. */
    public Result run(List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        String old = env.get("LD_LIBRARY_PATH");
        env.put("LD_LIBRARY_PATH", libDir + ":" + binDir + (old == null || old.isEmpty() ? "" : ":" + old));
        try {
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes());
            return new Result(p.waitFor(), out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }
}

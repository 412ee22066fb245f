package tlang.toolchain.driver;

import tlang.backend.Target;
import tlang.backend.tools.LlvmTools;
import tlang.runtime.RuntimeSources;
import tlang.toolchain.Version;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The native runtime as a static archive for one target, compiled from the sources inside
 * tcc with the bundled clang on first use and cached, as Zig does with its runtime.
 *
 * <p>The cache key is a hash of tcc's version, the target, the compiler flags and every
 * source file, so a changed runtime or flag never reuses a stale archive. Concurrent tcc
 * processes may both build it; each writes to its own temporary directory and renames the
 * finished archive into place atomically, so a reader sees a whole archive or none.
 */
public final class RuntimeLibrary {
    private RuntimeLibrary() {}

    /** Flags for every runtime file; docs/runtime.md explains each. */
    public static final List<String> CFLAGS = List.of(
            "-std=c11", "-ffreestanding", "-nostdlib", "-fno-builtin", "-fno-stack-protector", "-fno-pic",
            "-O2", "-funwind-tables", "-ffunction-sections", "-fdata-sections", "-Wall", "-Wextra", "-Werror");

    /**
     * {@link #CFLAGS} plus what one target needs: on AArch64, {@code -mno-outline-atomics}, so that
     * C11 atomics compile to inline LDXR/STXR (or LSE) instead of calls to libgcc's
     * {@code __aarch64_ldadd8_acq_rel} and friends, which clang picks by default only when it finds a
     * host GCC installation (the build must not depend on the host, and there is no libgcc).
     */
    public static List<String> cflags(Target target) {
        if (target.archDir.equals("aarch64")) {
            List<String> all = new ArrayList<>(CFLAGS);
            all.add("-mno-outline-atomics");
            return List.copyOf(all);
        }
        return CFLAGS;
    }

    public static Path archive(Target target, LlvmTools tools, Path cacheRoot, PrintStream progress) {
        List<RuntimeSources.SourceFile> sources = RuntimeSources.all();
        String key = cacheKey(target, sources);
        Path dir = cacheRoot.resolve("runtime").resolve(target.name + "-" + key);
        Path archive = dir.resolve("libtrt.a");
        if (Files.isRegularFile(archive)) return archive;
        progress.println("tcc: compiling the T runtime for " + target.name + " (first use; cached in " + cacheRoot + ")");
        try {
            Files.createDirectories(dir);
            Path work = Files.createTempDirectory(dir.getParent(), "build-");
            try {
                build(target, tools, sources, work);
                Path tmpArchive = work.resolve("libtrt.a");
                Files.move(tmpArchive, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                deleteTree(work);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the runtime in " + dir + ": " + e.getMessage(), e);
        }
        return archive;
    }

    public static String cacheKey(Target target, List<RuntimeSources.SourceFile> sources) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(("tcc " + Version.tcc() + "\0" + target.triple + "\0" + String.join(" ", cflags(target)) + "\0").getBytes());
            for (RuntimeSources.SourceFile f : sources) {
                sha.update(f.path().getBytes());
                sha.update((byte) 0);
                sha.update(Integer.toString(f.content().length).getBytes());
                sha.update((byte) 0);
                sha.update(f.content());
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void build(Target target, LlvmTools tools, List<RuntimeSources.SourceFile> sources, Path work) throws IOException {
        Path src = work.resolve("src");
        List<Path> toCompile = new ArrayList<>();
        for (RuntimeSources.SourceFile f : sources) {
            Path p = src.resolve(f.path());
            Files.createDirectories(p.getParent());
            Files.write(p, f.content());
            boolean ours = !f.path().startsWith("arch/") || f.path().startsWith("arch/" + target.archDir + "/");
            if (f.isCompiled() && ours) toCompile.add(p);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
        List<Path> objects = new ArrayList<>();
        try {
            List<Future<Path>> jobs = new ArrayList<>();
            for (Path file : toCompile) {
                String rel = src.relativize(file).toString().replace('/', '_');
                Path obj = work.resolve(rel + ".o");
                jobs.add(pool.submit(() -> {
                    List<String> cmd = new ArrayList<>(List.of(tools.clang().toString(), "--target=" + target.triple));
                    cmd.addAll(cflags(target));
                    cmd.addAll(List.of("-I", src.resolve("include").toString(), "-I", src.resolve("src").toString(),
                            "-I", src.resolve("arch").resolve(target.archDir).toString(), "-c", file.toString(), "-o", obj.toString()));
                    LlvmTools.Result r = tools.run(cmd);
                    if (r.exitCode() != 0) throw new IllegalStateException("clang failed on " + src.relativize(file) + ":\n" + r.output());
                    return obj;
                }));
            }
            for (Future<Path> job : jobs) objects.add(job.get());
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot compile the T runtime: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while compiling the runtime", e);
        } finally {
            pool.shutdownNow();
        }
        objects.sort(Comparator.naturalOrder());
        List<String> ar = new ArrayList<>(List.of(tools.ar().toString(), "rcs", work.resolve("libtrt.a").toString()));
        objects.forEach(o -> ar.add(o.toString()));
        LlvmTools.Result r = tools.run(ar);
        if (r.exitCode() != 0) throw new IllegalStateException("llvm-ar failed:\n" + r.output());
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (var walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(q);
        }
    }
}

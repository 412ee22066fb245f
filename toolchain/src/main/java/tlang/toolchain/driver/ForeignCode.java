package tlang.toolchain.driver;

import tlang.backend.Target;
import tlang.backend.tools.LlvmTools;
import tlang.runtime.RuntimeSources;
import tlang.toolchain.UserError;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of `--link`: C sources compiled with the bundled clang for the target, objects
 * and archives handed to the linker as they are.
 *
 * <p>C code is compiled freestanding, the way the runtime is (RuntimeLibrary's flags minus
 * its warnings-as-errors): T executables link no libc, so C code may use what the file
 * itself defines, the compiler's freestanding headers (stdint.h, stddef.h, stdbool.h, ...)
 * and the runtime's entry points, whose headers (`trt.h` and the ones it includes) are on
 * the include path. `memcpy`, `memmove`, `memset` and `memcmp` are the runtime's.
 */
final class ForeignCode {
    private ForeignCode() {}

    /** Flags for a user's C file; the target's (AArch64: no outlined atomics) are added. */
    static final List<String> CFLAGS = List.of("-ffreestanding", "-nostdlib", "-fno-stack-protector", "-fno-pic",
            "-O2", "-funwind-tables", "-ffunction-sections", "-fdata-sections");

    /** Refuses what cannot be linked, before anything is compiled. */
    static void check(List<Path> files, Emit emit) {
        if (files.isEmpty()) return;
        if (emit != Emit.EXE) throw new UserError("--link needs an executable to link into; it cannot be used with --emit " + emit.flag);
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (!(name.endsWith(".c") || name.endsWith(".o") || name.endsWith(".a"))) {
                throw new UserError("cannot link `" + f + "`: --link takes C sources (.c), objects (.o) and archives (.a)");
            }
            if (!Files.isRegularFile(f)) throw new UserError("cannot link `" + f + "`: no such file");
        }
    }

    /** What the linker gets for {@code files}: each `.c` compiled into {@code work}. */
    static List<Path> objects(List<Path> files, Target target, LlvmTools tools, Path work) {
        List<Path> out = new ArrayList<>();
        Path include = null;
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            if (!f.getFileName().toString().endsWith(".c")) {
                out.add(f);
                continue;
            }
            if (include == null) include = runtimeHeaders(work);
            Path obj = work.resolve("link" + i + "-" + f.getFileName().toString().replace(".c", ".o"));
            List<String> cmd = new ArrayList<>(List.of(tools.clang().toString(), "--target=" + target.triple));
            cmd.addAll(CFLAGS);
            if (target.archDir.equals("aarch64")) cmd.add("-mno-outline-atomics");
            cmd.addAll(List.of("-I", include.toString(), "-c", f.toString(), "-o", obj.toString()));
            LlvmTools.Result r = tools.run(cmd);
            if (r.exitCode() != 0) throw new UserError("cannot compile `" + f + "` (--link):\n" + r.output().strip());
            out.add(obj);
        }
        return out;
    }

    /** The runtime's public headers (`native-runtime/include`), written under {@code work}. */
    private static Path runtimeHeaders(Path work) {
        Path dir = work.resolve("include");
        try {
            for (RuntimeSources.SourceFile s : RuntimeSources.all()) {
                if (!s.path().startsWith("include/")) continue;
                Path p = work.resolve(s.path());
                Files.createDirectories(p.getParent());
                Files.write(p, s.content());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the runtime's headers to " + dir, e);
        }
        return dir;
    }
}

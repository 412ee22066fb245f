package tlang.toolchain.driver;

import tlang.backend.Target;
import tlang.backend.tools.LlvmTools;
import tlang.toolchain.UserError;

import java.nio.file.Path;
import java.util.List;

/**
 * Links a program's object file with the runtime archive into a static executable using
 * the bundled ld.lld: no dynamic loader, no libc, `_start` from the runtime as the entry.
 */
public final class Linker {
    private Linker() {}

    public static void link(LlvmTools tools, Target target, Path object, Path runtime, Path output) {
        link(tools, target, object, List.of(), runtime, output);
    }

    /**
     * {@code extra}: the objects and archives of `--link`, after the program's object and
     * before the runtime, so that the runtime's archive resolves what C code calls too.
     */
    public static void link(LlvmTools tools, Target target, Path object, List<Path> extra, Path runtime, Path output) {
        String emulation = switch (target) {
            case X86_64_LINUX -> "elf_x86_64";
            case AARCH64_LINUX -> "aarch64linux";
        };
        List<String> cmd = new java.util.ArrayList<>(List.of(tools.lld().toString(), "-m", emulation, "-static", "-e", "_start",
                "--gc-sections", "--eh-frame-hdr", "-z", "noexecstack",
                "-o", output.toString(), object.toString()));
        extra.forEach(p -> cmd.add(p.toString()));
        cmd.add(runtime.toString());
        LlvmTools.Result r = tools.run(cmd);
        if (r.exitCode() == 0) return;
        String out = r.output().strip();
        // An output the linker cannot create is the user's environment, not a bug in tcc.
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("cannot open output file [^:]*: (.*)").matcher(out);
        if (m.find()) throw new UserError("cannot write output `" + output + "`: " + m.group(1).strip());
        java.util.regex.Matcher dup = java.util.regex.Pattern.compile("duplicate symbol: (\\S+)").matcher(out);
        if (dup.find()) {
            throw new UserError("linking failed: the C symbol `" + dup.group(1) + "` is defined twice (an `extern \"C\" fn` and C code, two `extern \"C\" fn`s of different modules, or two --link files)");
        }
        // With `--link`, a symbol nobody defines is the user's: a foreign function without its C code.
        if (!extra.isEmpty() || out.contains("undefined symbol")) {
            java.util.regex.Matcher u = java.util.regex.Pattern.compile("undefined symbol: (\\S+)").matcher(out);
            if (u.find() && !u.group(1).startsWith("trt_") && !u.group(1).startsWith("_TN")) {
                throw new UserError("linking failed: undefined symbol `" + u.group(1) + "` (a foreign function whose C code was not given? pass it with --link FILE.c)");
            }
            if (!extra.isEmpty()) throw new UserError("linking failed:\n" + out);
        }
        throw new IllegalStateException("linking failed:\n" + out);
    }
}

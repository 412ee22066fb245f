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
        String emulation = switch (target) {
            case X86_64_LINUX -> "elf_x86_64";
            case AARCH64_LINUX -> "aarch64linux";
        };
        List<String> cmd = List.of(tools.lld().toString(), "-m", emulation, "-static", "-e", "_start",
                "--gc-sections", "--eh-frame-hdr", "-z", "noexecstack",
                "-o", output.toString(), object.toString(), runtime.toString());
        LlvmTools.Result r = tools.run(cmd);
        if (r.exitCode() == 0) return;
        String out = r.output().strip();
        // An output the linker cannot create is the user's environment, not a bug in tcc.
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("cannot open output file [^:]*: (.*)").matcher(out);
        if (m.find()) throw new UserError("cannot write output `" + output + "`: " + m.group(1).strip());
        throw new IllegalStateException("linking failed:\n" + out);
    }
}

package tlang.backend;

import java.util.Arrays;
import java.util.Optional;

/**
 * The targets tcc builds for. {@code name} is what users type (`--target aarch64-linux`),
 * {@code triple} what LLVM and clang are told, {@code machine} what `uname -m` prints.
 */
public enum Target {
    X86_64_LINUX("x86_64-linux", "x86_64-unknown-linux-gnu", "x86_64", "x86-64", "x86_64"),
    AARCH64_LINUX("aarch64-linux", "aarch64-unknown-linux-gnu", "aarch64", "generic", "aarch64");

    public final String name;
    public final String triple;
    public final String machine;
    public final String cpu;
    /** Directory under native-runtime/arch/ with this target's start-up code. */
    public final String archDir;

    Target(String name, String triple, String machine, String cpu, String archDir) {
        this.name = name;
        this.triple = triple;
        this.machine = machine;
        this.cpu = cpu;
        this.archDir = archDir;
    }

    public static Optional<Target> byName(String name) {
        return Arrays.stream(values()).filter(t -> t.name.equals(name) || t.triple.equals(name)).findFirst();
    }

    /** The target matching the machine tcc runs on, if it is one we support. */
    public static Optional<Target> host() {
        String arch = System.getProperty("os.arch", "");
        String os = System.getProperty("os.name", "");
        if (!os.toLowerCase().contains("linux")) return Optional.empty();
        return switch (arch) {
            case "amd64", "x86_64" -> Optional.of(X86_64_LINUX);
            case "aarch64", "arm64" -> Optional.of(AARCH64_LINUX);
            default -> Optional.empty();
        };
    }
}

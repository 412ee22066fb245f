package tlang.toolchain.driver;

import java.util.Arrays;
import java.util.Optional;

/** What `tcc build --emit` writes. */
public enum Emit {
    EXE("exe", ""), OBJ("obj", ".o"), ASM("asm", ".s"), LLVM_IR("llvm-ir", ".ll"), TIR("tir", ".tir");

    public final String flag;
    public final String extension;

    Emit(String flag, String extension) {
        this.flag = flag;
        this.extension = extension;
    }

    public static Optional<Emit> byFlag(String flag) {
        return Arrays.stream(values()).filter(e -> e.flag.equals(flag)).findFirst();
    }
}

package tlang.backend;

import static org.bytedeco.llvm.global.LLVM.LLVMCodeGenLevelAggressive;
import static org.bytedeco.llvm.global.LLVM.LLVMCodeGenLevelDefault;
import static org.bytedeco.llvm.global.LLVM.LLVMCodeGenLevelLess;
import static org.bytedeco.llvm.global.LLVM.LLVMCodeGenLevelNone;

/** Optimization levels, as `-O0` .. `-O3`, mapped to LLVM's pass pipelines and codegen levels. */
public enum OptLevel {
    O0("default<O0>", LLVMCodeGenLevelNone),
    O1("default<O1>", LLVMCodeGenLevelLess),
    O2("default<O2>", LLVMCodeGenLevelDefault),
    O3("default<O3>", LLVMCodeGenLevelAggressive);

    public final String pipeline;
    public final int codeGenLevel;

    OptLevel(String pipeline, int codeGenLevel) {
        this.pipeline = pipeline;
        this.codeGenLevel = codeGenLevel;
    }
}

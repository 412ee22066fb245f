package tlang.backend;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.llvm.LLVM.LLVMContextRef;
import org.bytedeco.llvm.LLVM.LLVMErrorRef;
import org.bytedeco.llvm.LLVM.LLVMModuleRef;
import org.bytedeco.llvm.LLVM.LLVMPassBuilderOptionsRef;
import org.bytedeco.llvm.LLVM.LLVMTargetDataRef;
import org.bytedeco.llvm.LLVM.LLVMTargetMachineRef;
import org.bytedeco.llvm.LLVM.LLVMTargetRef;
import tlang.midend.PanicStrategy;
import tlang.midend.pass.PanicAbort;
import tlang.midend.tir.TirModule;

import java.nio.file.Path;

import static org.bytedeco.llvm.global.LLVM.*;

/**
 * Drives LLVM for one compilation: builds the module from TIR, verifies it, runs the
 * optimization pipeline for the chosen level and writes an object file, assembly or IR.
 * Each instance owns its LLVM context, so compilations on different threads are independent.
 */
public final class CodeGenerator implements AutoCloseable {
    public enum Output { OBJECT, ASSEMBLY, LLVM_IR }

    private static boolean targetsInitialized;

    private final Target target;
    private final OptLevel opt;
    private final LLVMContextRef ctx;
    private final LLVMModuleRef module;
    private final LLVMTargetMachineRef machine;

    public CodeGenerator(TirModule tir, Target target, OptLevel opt) {
        this(tir, target, opt, PanicStrategy.UNWIND);
    }

    /**
     * Under {@link PanicStrategy#ABORT} the module is first put into the abort form
     * ({@link PanicAbort}: no unwind edges, no landing pads; the driver has usually done so
     * already) and the panic entry points are the runtime's `*_abort` ones.
     */
    public CodeGenerator(TirModule tir, Target target, OptLevel opt, PanicStrategy panic) {
        initializeTargets();
        if (panic == PanicStrategy.ABORT) tir = new PanicAbort().run(tir);
        this.target = target;
        this.opt = opt;
        this.ctx = LLVMContextCreate();
        this.module = LLVMModuleCreateWithNameInContext(tir.name(), ctx);
        this.machine = createMachine();
        LLVMSetTarget(module, target.triple);
        LLVMTargetDataRef layout = LLVMCreateTargetDataLayout(machine);
        LLVMSetModuleDataLayout(module, layout);
        LLVMDisposeTargetData(layout);
        new LlvmEmitter(ctx, module, target, panic).emit(tir);
        verify();
        optimize();
    }

    private static synchronized void initializeTargets() {
        if (targetsInitialized) return;
        LLVMInitializeX86TargetInfo();
        LLVMInitializeX86Target();
        LLVMInitializeX86TargetMC();
        LLVMInitializeX86AsmPrinter();
        LLVMInitializeX86AsmParser();
        LLVMInitializeAArch64TargetInfo();
        LLVMInitializeAArch64Target();
        LLVMInitializeAArch64TargetMC();
        LLVMInitializeAArch64AsmPrinter();
        LLVMInitializeAArch64AsmParser();
        targetsInitialized = true;
    }

    private LLVMTargetMachineRef createMachine() {
        LLVMTargetRef t = new LLVMTargetRef();
        BytePointer error = new BytePointer();
        if (LLVMGetTargetFromTriple(new BytePointer(target.triple), t, error) != 0) {
            throw new BackendException("LLVM does not know target " + target.triple + ": " + take(error));
        }
        // Static, non-PIE executables: T links everything into one file with no loader.
        return LLVMCreateTargetMachine(t, target.triple, target.cpu, "", opt.codeGenLevel, LLVMRelocStatic, LLVMCodeModelDefault);
    }

    private void verify() {
        BytePointer message = new BytePointer();
        if (LLVMVerifyModule(module, LLVMReturnStatusAction, message) != 0) {
            throw new BackendException("internal compiler error: invalid LLVM IR: " + take(message));
        }
        LLVMDisposeMessage(message);
    }

    private void optimize() {
        LLVMPassBuilderOptionsRef options = LLVMCreatePassBuilderOptions();
        try {
            LLVMErrorRef err = LLVMRunPasses(module, opt.pipeline, machine, options);
            if (err != null && !err.isNull()) {
                BytePointer msg = LLVMGetErrorMessage(err);
                String text = msg.getString();
                LLVMDisposeErrorMessage(msg);
                throw new BackendException("internal compiler error: LLVM pass pipeline failed: " + text);
            }
        } finally {
            LLVMDisposePassBuilderOptions(options);
        }
    }

    public void write(Output kind, Path file) {
        BytePointer error = new BytePointer();
        String path = file.toString();
        int failed = switch (kind) {
            case LLVM_IR -> LLVMPrintModuleToFile(module, path, error);
            case OBJECT -> LLVMTargetMachineEmitToFile(machine, module, new BytePointer(path), LLVMObjectFile, error);
            case ASSEMBLY -> LLVMTargetMachineEmitToFile(machine, module, new BytePointer(path), LLVMAssemblyFile, error);
        };
        if (failed != 0) throw new BackendException("cannot write " + path + ": " + take(error));
    }

    /** The optimized module as LLVM IR text, for tests. */
    public String irText() {
        BytePointer p = LLVMPrintModuleToString(module);
        String s = p.getString();
        LLVMDisposeMessage(p);
        return s;
    }

    private static String take(BytePointer message) {
        if (message == null || message.isNull()) return "(no message)";
        String s = message.getString().strip();
        LLVMDisposeMessage(message);
        return s;
    }

    @Override
    public void close() {
        LLVMDisposeTargetMachine(machine);
        LLVMDisposeModule(module);
        LLVMContextDispose(ctx);
    }
}

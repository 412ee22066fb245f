package tlang.backend;

import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.llvm.LLVM.LLVMBasicBlockRef;
import org.bytedeco.llvm.LLVM.LLVMBuilderRef;
import org.bytedeco.llvm.LLVM.LLVMContextRef;
import org.bytedeco.llvm.LLVM.LLVMModuleRef;
import org.bytedeco.llvm.LLVM.LLVMTypeRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;
import tlang.midend.tir.Block;
import tlang.midend.tir.ExternFunction;
import tlang.midend.tir.Function;
import tlang.midend.tir.Inst;
import tlang.midend.tir.Location;
import tlang.midend.tir.Terminator;
import tlang.midend.tir.TirModule;
import tlang.midend.tir.TirType;
import tlang.midend.tir.Value;
import tlang.midend.RuntimeAbi;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.bytedeco.llvm.global.LLVM.*;

/**
 * Translates a TIR module into an LLVM module through the LLVM C API.
 *
 * <p>Each TIR construct maps to a few LLVM instructions: slots become allocas in the entry
 * block (promoted to registers by LLVM's mem2reg), checked arithmetic becomes an
 * `llvm.s*.with.overflow` intrinsic and a branch to a cold block that calls the runtime's
 * `trt_panic` with the source location, strings are `{ptr, i64}` pairs.
 */
final class LlvmEmitter {
    private final LLVMContextRef ctx;
    private final LLVMModuleRef module;
    private final LLVMBuilderRef builder;
    private final LLVMTypeRef i1, i32, i64, ptr, str, voidType;
    private final Map<String, LLVMValueRef> functions = new HashMap<>();
    private final Map<String, LLVMTypeRef> functionTypes = new HashMap<>();
    private final Map<String, LLVMValueRef> strings = new HashMap<>();
    private final Target target;

    // Per-function state.
    private LLVMValueRef currentFunction;
    private LLVMValueRef[] temps;
    private LLVMBasicBlockRef[] blocks;

    LlvmEmitter(LLVMContextRef ctx, LLVMModuleRef module, Target target) {
        this.ctx = ctx;
        this.module = module;
        this.target = target;
        this.builder = LLVMCreateBuilderInContext(ctx);
        i1 = LLVMInt1TypeInContext(ctx);
        i32 = LLVMInt32TypeInContext(ctx);
        i64 = LLVMInt64TypeInContext(ctx);
        ptr = LLVMPointerTypeInContext(ctx, 0);
        voidType = LLVMVoidTypeInContext(ctx);
        str = LLVMStructTypeInContext(ctx, new PointerPointer<>(ptr, i64), 2, 0);
    }

    void emit(TirModule m) {
        try {
            for (ExternFunction e : m.externs()) declareExtern(e);
            for (Function f : m.functions()) declare(f);
            for (Function f : m.functions()) define(f);
        } finally {
            LLVMDisposeBuilder(builder);
        }
    }

    private LLVMTypeRef type(TirType t) {
        return switch (t) {
            case UNIT -> voidType;
            case BOOL -> i1;
            case I32 -> i32;
            case I64 -> i64;
            case PTR -> ptr;
            case STR -> str;
        };
    }

    private LLVMTypeRef functionType(List<TirType> params, TirType result) {
        LLVMTypeRef[] ps = params.stream().map(this::type).toArray(LLVMTypeRef[]::new);
        return LLVMFunctionType(type(result), new PointerPointer<>(ps), ps.length, 0);
    }

    private void attribute(LLVMValueRef fn, int index, String name) {
        int kind = LLVMGetEnumAttributeKindForName(name, name.length());
        LLVMAddAttributeAtIndex(fn, index, LLVMCreateEnumAttribute(ctx, kind, 0));
    }

    private void declareExtern(ExternFunction e) {
        LLVMTypeRef ft = functionType(e.params(), e.result());
        LLVMValueRef fn = LLVMAddFunction(module, e.symbol(), ft);
        functions.put(e.symbol(), fn);
        functionTypes.put(e.symbol(), ft);
        attribute(fn, LLVMAttributeFunctionIndex, "nounwind");
        if (e.noReturn()) {
            attribute(fn, LLVMAttributeFunctionIndex, "noreturn");
            attribute(fn, LLVMAttributeFunctionIndex, "cold");
        }
        // The C ABI passes `bool` zero-extended; clang's callee relies on it on x86-64.
        for (int i = 0; i < e.params().size(); i++) {
            if (e.params().get(i) == TirType.BOOL) attribute(fn, i + 1, "zeroext");
        }
    }

    private void declare(Function f) {
        LLVMTypeRef ft = functionType(f.params(), f.result());
        LLVMValueRef fn = LLVMAddFunction(module, f.symbol(), ft);
        functions.put(f.symbol(), fn);
        functionTypes.put(f.symbol(), ft);
        // The program entry is called by the runtime; everything else stays inside the
        // executable, so LLVM may specialize, inline and drop it freely.
        if (!f.symbol().equals(RuntimeAbi.ENTRY)) LLVMSetLinkage(fn, LLVMInternalLinkage);
        attribute(fn, LLVMAttributeFunctionIndex, "nounwind"); // until panics unwind
        // Unwind tables give debuggers and, later, our unwinder the call frame information.
        int uw = LLVMGetEnumAttributeKindForName("uwtable", 7);
        LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex, LLVMCreateEnumAttribute(ctx, uw, 2));
        if (f.noReturn()) attribute(fn, LLVMAttributeFunctionIndex, "noreturn");
        if (target == Target.AARCH64_LINUX || target == Target.X86_64_LINUX) {
            LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex,
                    LLVMCreateStringAttribute(ctx, "frame-pointer", 13, "non-leaf", 8));
        }
    }

    private void define(Function f) {
        currentFunction = functions.get(f.symbol());
        temps = new LLVMValueRef[f.tempCount()];
        blocks = new LLVMBasicBlockRef[f.blocks().size()];
        for (Block b : f.blocks()) blocks[b.id] = LLVMAppendBasicBlockInContext(ctx, currentFunction, "b" + b.id);
        for (Block b : f.blocks()) {
            LLVMPositionBuilderAtEnd(builder, blocks[b.id]);
            for (Inst inst : b.insts) instruction(inst);
            terminator(b.terminator);
        }
    }

    private LLVMValueRef value(Value v) {
        return switch (v) {
            case Value.IntConst c -> LLVMConstInt(type(c.type()), c.value(), 1);
            case Value.BoolConst b -> LLVMConstInt(i1, b.value() ? 1 : 0, 0);
            case Value.StrConst s -> stringConstant(s.utf8());
            case Value.UnitConst u -> throw new IllegalStateException("unit values have no representation");
            case Value.Param p -> LLVMGetParam(currentFunction, p.index());
            case Value.Temp t -> {
                LLVMValueRef r = temps[t.id()];
                if (r == null) throw new IllegalStateException("%" + t.id() + " used before definition");
                yield r;
            }
        };
    }

    /** A `{ptr, i64}` constant pointing at a private, deduplicated byte array. */
    private LLVMValueRef stringConstant(byte[] bytes) {
        String key = new String(bytes, StandardCharsets.ISO_8859_1);
        LLVMValueRef global = strings.get(key);
        if (global == null) {
            org.bytedeco.javacpp.BytePointer data = new org.bytedeco.javacpp.BytePointer(bytes.length == 0 ? 1 : bytes.length);
            data.put(bytes, 0, bytes.length);
            LLVMValueRef init = LLVMConstStringInContext2(ctx, data, bytes.length, 1);
            global = LLVMAddGlobal(module, LLVMTypeOf(init), ".str." + strings.size());
            LLVMSetInitializer(global, init);
            LLVMSetGlobalConstant(global, 1);
            LLVMSetLinkage(global, LLVMPrivateLinkage);
            LLVMSetUnnamedAddress(global, LLVMGlobalUnnamedAddr);
            strings.put(key, global);
        }
        return LLVMConstStructInContext(ctx, new PointerPointer<>(global, LLVMConstInt(i64, bytes.length, 0)), 2, 0);
    }

    private void define(Value.Temp t, LLVMValueRef v) {
        temps[t.id()] = v;
    }

    private void instruction(Inst inst) {
        switch (inst) {
            case Inst.Slot s -> define(s.result(), LLVMBuildAlloca(builder, type(s.slotType()), s.name()));
            case Inst.Load l -> define(l.result(), LLVMBuildLoad2(builder, type(l.type()), value(l.slot()), ""));
            case Inst.Store s -> LLVMBuildStore(builder, value(s.value()), value(s.slot()));
            case Inst.IntArith a -> define(a.result(), arithmetic(a));
            case Inst.Compare c -> define(c.result(), LLVMBuildICmp(builder, predicate(c.op()), value(c.left()), value(c.right()), ""));
            case Inst.Not n -> define(n.result(), LLVMBuildNot(builder, value(n.operand()), ""));
            case Inst.IntCast c -> {
                LLVMValueRef v = value(c.operand());
                LLVMTypeRef to = type(c.result().type());
                int from = LLVMGetIntTypeWidth(LLVMTypeOf(v)), width = LLVMGetIntTypeWidth(to);
                define(c.result(), width < from ? LLVMBuildTrunc(builder, v, to, "") : width > from ? LLVMBuildSExt(builder, v, to, "") : v);
            }
            case Inst.StrPart p -> define(p.result(), LLVMBuildExtractValue(builder, value(p.string()), p.length() ? 1 : 0, ""));
            case Inst.MakeStr m -> {
                LLVMValueRef s = LLVMBuildInsertValue(builder, LLVMGetPoison(str), value(m.pointer()), 0, "");
                define(m.result(), LLVMBuildInsertValue(builder, s, value(m.length()), 1, ""));
            }
            case Inst.Call c -> {
                LLVMValueRef[] args = c.args().stream().map(this::value).toArray(LLVMValueRef[]::new);
                LLVMValueRef call = LLVMBuildCall2(builder, functionTypes.get(c.callee()), functions.get(c.callee()),
                        new PointerPointer<>(args), args.length, "");
                for (int i = 0; i < c.args().size(); i++) {
                    if (c.args().get(i).type() == TirType.BOOL) {
                        int kind = LLVMGetEnumAttributeKindForName("zeroext", 7);
                        LLVMAddCallSiteAttribute(call, i + 1, LLVMCreateEnumAttribute(ctx, kind, 0));
                    }
                }
                if (c.result() != null) define(c.result(), call);
            }
        }
    }

    private static int predicate(Inst.CmpOp op) {
        return switch (op) {
            case EQ -> LLVMIntEQ; case NE -> LLVMIntNE; case LT -> LLVMIntSLT;
            case LE -> LLVMIntSLE; case GT -> LLVMIntSGT; case GE -> LLVMIntSGE;
        };
    }

    private LLVMValueRef arithmetic(Inst.IntArith a) {
        LLVMValueRef l = value(a.left()), r = value(a.right());
        if (a.trap() == null) {
            return switch (a.op()) {
                case ADD -> LLVMBuildAdd(builder, l, r, "");
                case SUB, NEG -> LLVMBuildSub(builder, l, r, "");
                case MUL -> LLVMBuildMul(builder, l, r, "");
                case DIV, REM -> throw new IllegalStateException("division must keep its zero check");
            };
        }
        return switch (a.op()) {
            case ADD -> withOverflow("llvm.sadd.with.overflow", l, r, a.trap(), "attempt to add with overflow");
            case SUB -> withOverflow("llvm.ssub.with.overflow", l, r, a.trap(), "attempt to subtract with overflow");
            case NEG -> withOverflow("llvm.ssub.with.overflow", l, r, a.trap(), "attempt to negate with overflow");
            case MUL -> withOverflow("llvm.smul.with.overflow", l, r, a.trap(), "attempt to multiply with overflow");
            case DIV, REM -> division(a, l, r);
        };
    }

    private LLVMValueRef withOverflow(String intrinsic, LLVMValueRef l, LLVMValueRef r, Location at, String message) {
        LLVMTypeRef t = LLVMTypeOf(l);
        int id = LLVMLookupIntrinsicID(intrinsic, intrinsic.length());
        LLVMValueRef fn = LLVMGetIntrinsicDeclaration(module, id, new PointerPointer<>(new LLVMTypeRef[]{t}), 1);
        LLVMTypeRef resultType = LLVMStructTypeInContext(ctx, new PointerPointer<>(t, i1), 2, 0);
        LLVMTypeRef ft = LLVMFunctionType(resultType, new PointerPointer<>(t, t), 2, 0);
        LLVMValueRef pair = LLVMBuildCall2(builder, ft, fn, new PointerPointer<>(l, r), 2, "");
        LLVMValueRef overflowed = LLVMBuildExtractValue(builder, pair, 1, "");
        trapIf(overflowed, at, message);
        return LLVMBuildExtractValue(builder, pair, 0, "");
    }

    /** Division and remainder panic on a zero divisor and on MIN / -1 (which overflows). */
    private LLVMValueRef division(Inst.IntArith a, LLVMValueRef l, LLVMValueRef r) {
        boolean div = a.op() == Inst.ArithOp.DIV;
        LLVMTypeRef t = LLVMTypeOf(l);
        long divisor = a.right() instanceof Value.IntConst c ? c.value() : 0;
        boolean constant = a.right() instanceof Value.IntConst;
        if (!constant || divisor == 0) {
            trapIf(LLVMBuildICmp(builder, LLVMIntEQ, r, LLVMConstInt(t, 0, 0), ""), a.trap(),
                    div ? "attempt to divide by zero" : "attempt to calculate the remainder with a divisor of zero");
        }
        if (!constant || divisor == -1) {
            LLVMValueRef isMin = LLVMBuildICmp(builder, LLVMIntEQ, l, LLVMConstInt(t, Long.MIN_VALUE, 1), "");
            LLVMValueRef isMinusOne = LLVMBuildICmp(builder, LLVMIntEQ, r, LLVMConstInt(t, -1, 1), "");
            trapIf(LLVMBuildAnd(builder, isMin, isMinusOne, ""), a.trap(),
                    div ? "attempt to divide with overflow" : "attempt to calculate the remainder with overflow");
        }
        return div ? LLVMBuildSDiv(builder, l, r, "") : LLVMBuildSRem(builder, l, r, "");
    }

    /** Branches to a cold block that panics at {@code at} when {@code condition} holds. */
    private void trapIf(LLVMValueRef condition, Location at, String message) {
        LLVMBasicBlockRef panic = LLVMAppendBasicBlockInContext(ctx, currentFunction, "panic");
        LLVMBasicBlockRef ok = LLVMAppendBasicBlockInContext(ctx, currentFunction, "ok");
        LLVMBuildCondBr(builder, condition, panic, ok);
        LLVMPositionBuilderAtEnd(builder, panic);
        LLVMValueRef msg = stringConstant(message.getBytes(StandardCharsets.UTF_8));
        LLVMValueRef file = stringConstant(at.file().getBytes(StandardCharsets.UTF_8));
        String name = RuntimeAbi.PANIC.symbol();
        LLVMValueRef[] args = {
                LLVMBuildExtractValue(builder, msg, 0, ""), LLVMBuildExtractValue(builder, msg, 1, ""),
                LLVMBuildExtractValue(builder, file, 0, ""), LLVMBuildExtractValue(builder, file, 1, ""),
                LLVMConstInt(i32, at.line(), 0), LLVMConstInt(i32, at.column(), 0)};
        LLVMBuildCall2(builder, functionTypes.get(name), functions.get(name), new PointerPointer<>(args), args.length, "");
        LLVMBuildUnreachable(builder);
        LLVMPositionBuilderAtEnd(builder, ok);
    }

    private void terminator(Terminator t) {
        switch (t) {
            case Terminator.Jump j -> LLVMBuildBr(builder, blocks[j.target()]);
            case Terminator.Branch b -> LLVMBuildCondBr(builder, value(b.condition()), blocks[b.ifTrue()], blocks[b.ifFalse()]);
            case Terminator.Return r -> {
                if (r.value() == null) LLVMBuildRetVoid(builder); else LLVMBuildRet(builder, value(r.value()));
            }
            case Terminator.Unreachable u -> LLVMBuildUnreachable(builder);
        }
    }
}

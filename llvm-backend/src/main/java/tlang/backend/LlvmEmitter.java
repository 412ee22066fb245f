package tlang.backend;

import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.llvm.LLVM.LLVMBasicBlockRef;
import org.bytedeco.llvm.LLVM.LLVMBuilderRef;
import org.bytedeco.llvm.LLVM.LLVMContextRef;
import org.bytedeco.llvm.LLVM.LLVMModuleRef;
import org.bytedeco.llvm.LLVM.LLVMTypeRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;
import tlang.midend.RuntimeAbi;
import tlang.midend.tir.Block;
import tlang.midend.tir.ExternFunction;
import tlang.midend.tir.Function;
import tlang.midend.tir.Inst;
import tlang.midend.tir.Location;
import tlang.midend.tir.Terminator;
import tlang.midend.tir.TirModule;
import tlang.midend.tir.TirType;
import tlang.midend.tir.Value;
import tlang.midend.PanicStrategy;
import tlang.midend.tir.Unwinding;

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
 * `llvm.s*.with.overflow` intrinsic and a branch to the function's panic block, strings are
 * `{ptr, i64}` pairs.
 *
 * <p><b>Checks stay small.</b> A failing check does not call the runtime where it fails:
 * it branches, marked unlikely, to one panic block per function and kind (arithmetic,
 * bounds), passing through a phi the address of a constant "site" record that holds its
 * message and source location (and, for bounds checks, a phi of the index). That one block
 * loads the record and makes the only call to `trt_panic` / `trt_panic_bounds`. So a check
 * costs a compare, a branch and a phi entry instead of a six-argument call, which keeps
 * a small helper with several checks under LLVM's inlining threshold, and the cold code
 * is one call per function.
 *
 * <p><b>Unwinding</b> (the unwind strategy). A call that may unwind ({@link Unwinding}) in a
 * TIR block with an unwind edge becomes an `invoke` whose unwind label is the landing pad;
 * every other call stays a plain `call`, so a function has invokes (and call-site entries
 * in its LSDA) only where a panic has something to do. A function with landing pads names
 * `trt_personality`; a landing pad is `landingpad { ptr, i32 } cleanup` (or `catch ptr
 * null` for a `catch`), storing the exception pointer in its slot; `resume` rebuilds the
 * pair. Functions from which no panic can escape are `nounwind` (LLVM then drops their
 * unwind information's call-site entries), the others not. A check failing in a block with
 * an unwind edge reaches a panic block of its own per landing pad, which invokes the panic
 * entry point. Under the abort strategy there is none of this: the entry points are the
 * `*_abort` ones and every function is `nounwind`.
 */
final class LlvmEmitter {
    private final LLVMContextRef ctx;
    private final LLVMModuleRef module;
    private final LLVMBuilderRef builder;
    private final LLVMTypeRef i1, i32, i64, ptr, str, voidType;
    private final Map<String, LLVMValueRef> functions = new HashMap<>();
    private final Map<String, LLVMTypeRef> functionTypes = new HashMap<>();
    private final Map<String, LLVMValueRef> strings = new HashMap<>();
    private final Map<Value.Vtable, LLVMValueRef> vtables = new HashMap<>();
    private final Target target;
    private final PanicStrategy panicStrategy;
    /** What may unwind (null under the abort strategy: nothing does). */
    private Unwinding unwinding;
    private LLVMValueRef personality;
    private LLVMTypeRef landingPadType;

    // Per-function state.
    /** The LLVM landing pad of the TIR block being emitted, or null (calls stay calls). */
    private LLVMBasicBlockRef unwindTo;
    private int unwindTarget = Block.NONE;
    private LLVMValueRef currentFunction;
    /** Whether the current function is a class's drop glue (see findObjectDrops). */
    private boolean inObjectDrop;
    private final java.util.Set<String> objectDrops = new java.util.HashSet<>();
    private LLVMValueRef[] temps;
    private LLVMBasicBlockRef[] blocks;
    /** The shared panic blocks of the current function, by unwind target, made at their first check. */
    private final Map<Integer, PanicBlock> arithmeticPanics = new HashMap<>(), boundsPanics = new HashMap<>();

    /** A function's panic block: its phis, one incoming value per failing check. */
    private record PanicBlock(LLVMBasicBlockRef block, LLVMValueRef site, LLVMValueRef index) {}

    /** Constant site records, shared by all functions: {message or length, location}. */
    private final Map<List<Object>, LLVMValueRef> sites = new HashMap<>();
    private LLVMTypeRef arithmeticSiteType, boundsSiteType;

    LlvmEmitter(LLVMContextRef ctx, LLVMModuleRef module, Target target, PanicStrategy panicStrategy) {
        this.ctx = ctx;
        this.module = module;
        this.target = target;
        this.panicStrategy = panicStrategy;
        this.builder = LLVMCreateBuilderInContext(ctx);
        i1 = LLVMInt1TypeInContext(ctx);
        i32 = LLVMInt32TypeInContext(ctx);
        i64 = LLVMInt64TypeInContext(ctx);
        ptr = LLVMPointerTypeInContext(ctx, 0);
        voidType = LLVMVoidTypeInContext(ctx);
        str = LLVMStructTypeInContext(ctx, new PointerPointer<>(ptr, i64, ptr), 3, 0);
        LLVMTypeRef i8 = LLVMInt8TypeInContext(ctx);
        // {message ptr, message length, file ptr, file length, line, column}
        arithmeticSiteType = LLVMStructTypeInContext(ctx, new PointerPointer<>(ptr, i64, ptr, i64, i32, i32), 6, 0);
        // {array length, file ptr, file length, line, column, index is signed}
        boundsSiteType = LLVMStructTypeInContext(ctx, new PointerPointer<>(i64, ptr, i64, i32, i32, i8), 6, 0);
    }

    void emit(TirModule m) {
        try {
            unwinding = panicStrategy == PanicStrategy.UNWIND ? Unwinding.of(m) : null;
            for (ExternFunction e : m.externs()) declareExtern(e);
            for (Function f : m.functions()) declare(f);
            keepEntryCalleesOutOfLine(m);
            findObjectDrops(m);
            for (Function f : m.functions()) define(f);
        } finally {
            LLVMDisposeBuilder(builder);
        }
    }

    private LLVMTypeRef type(TirType t) {
        return switch (t) {
            case TirType.Simple simple -> switch (simple) {
                case UNIT -> voidType;
                case BOOL -> i1;
                case PTR -> ptr;
                case STR -> str;
            };
            case TirType.Int i -> LLVMIntTypeInContext(ctx, i.bits());
            case TirType.Float f -> f.bits() == 32 ? LLVMFloatTypeInContext(ctx) : LLVMDoubleTypeInContext(ctx);
            case TirType.Struct st -> {
                LLVMTypeRef[] fields = st.fields().stream().map(this::type).toArray(LLVMTypeRef[]::new);
                yield LLVMStructTypeInContext(ctx, new PointerPointer<>(fields), fields.length, 0);
            }
            case TirType.Array a -> LLVMArrayType2(type(a.element()), a.length());
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
        // Under the abort strategy the panic entry points are the *_abort ones.
        String name = panicStrategy == PanicStrategy.ABORT ? RuntimeAbi.abortVariant(e.symbol()) : e.symbol();
        LLVMValueRef fn = LLVMAddFunction(module, name, ft);
        functions.put(e.symbol(), fn);
        functionTypes.put(e.symbol(), ft);
        if (!mayUnwind(e.symbol())) attribute(fn, LLVMAttributeFunctionIndex, "nounwind");
        if (e.noReturn()) {
            attribute(fn, LLVMAttributeFunctionIndex, "noreturn");
            attribute(fn, LLVMAttributeFunctionIndex, "cold");
        }
        // The C ABI passes `bool` zero-extended; clang's callee relies on it on x86-64.
        for (int i = 0; i < e.params().size(); i++) {
            if (e.params().get(i) == TirType.BOOL) attribute(fn, i + 1, "zeroext");
        }
        // A foreign function (`extern "C" { ... }`): declared exactly as clang would.
        if (!RuntimeAbi.ALL.contains(e)) cAbiExtensions(fn, e.params(), e.result());
    }

    /**
     * What clang puts on a C function of these types for the target: on x86-64 (System V)
     * integers narrower than 32 bits (and `bool`) are extended to 32 by the caller for
     * arguments and by the callee for results — `signext`/`zeroext` by their signedness;
     * AAPCS64 leaves the upper bits unspecified, so AArch64 gets no attribute (the callee
     * extends what it receives). Used for foreign declarations and `extern "C" fn` entries.
     */
    private void cAbiExtensions(LLVMValueRef fn, List<TirType> params, TirType result) {
        if (target != Target.X86_64_LINUX) return;
        for (int i = 0; i < params.size(); i++) {
            String ext = extension(params.get(i));
            if (ext != null) attribute(fn, i + 1, ext);
        }
        String ext = extension(result);
        if (ext != null) attribute(fn, LLVMAttributeReturnIndex, ext);
    }

    private static String extension(TirType t) {
        if (t == TirType.BOOL) return "zeroext";
        if (t instanceof TirType.Int i && i.bits() < 32) return i.signed() ? "signext" : "zeroext";
        return null;
    }

    private void declare(Function f) {
        LLVMTypeRef ft = functionType(f.params(), f.result());
        LLVMValueRef fn = LLVMAddFunction(module, f.symbol(), ft);
        functions.put(f.symbol(), fn);
        functionTypes.put(f.symbol(), ft);
        // The program entry is called by the runtime; everything else stays inside the
        // executable, so LLVM may specialize, inline and drop it freely.
        // An `extern "C" fn`'s entry is called from C code under its C name.
        if (!f.symbol().equals(RuntimeAbi.ENTRY) && !f.exported()) LLVMSetLinkage(fn, LLVMInternalLinkage);
        if (f.exported()) cAbiExtensions(fn, f.params(), f.result());
        if (!mayUnwind(f.symbol())) attribute(fn, LLVMAttributeFunctionIndex, "nounwind");
        // Unwind tables give debuggers, backtraces and the unwinder the call frame information
        // (of nounwind functions too: backtraces walk through them).
        int uw = LLVMGetEnumAttributeKindForName("uwtable", 7);
        LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex, LLVMCreateEnumAttribute(ctx, uw, 2));
        if (f.noReturn()) attribute(fn, LLVMAttributeFunctionIndex, "noreturn");
        if (target == Target.AARCH64_LINUX || target == Target.X86_64_LINUX) {
            LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex,
                    LLVMCreateStringAttribute(ctx, "frame-pointer", 13, "non-leaf", 8));
        }
    }

    /**
     * The functions that are some class's `trt_type.drop` (the `{object drop}` glue): they
     * run once per object, from its last release, and release what its fields hold. There
     * the release is usually the last one of the field's object too (a tree, a list, a
     * buffer owned by one object), so the inline sequence's test would mostly fail and only
     * add to the call: those releases stay plain calls.
     */
    private void findObjectDrops(TirModule m) {
        for (Function f : m.functions()) {
            for (Block b : f.blocks()) {
                for (Inst inst : b.insts) {
                    if (inst instanceof Inst.Call c) {
                        for (Value v : c.args()) if (v instanceof Value.TypeInfo t && t.drop() != null) objectDrops.add(t.drop());
                    }
                }
            }
        }
    }

    /**
     * What the program entry calls (`main`) stays a function of its own: LLVM would inline
     * it into `t_entry`, the frame short backtraces stop at and hide, and a panic's
     * backtrace would then show nothing of `main`.
     */
    private void keepEntryCalleesOutOfLine(TirModule m) {
        for (Function f : m.functions()) {
            if (!f.symbol().equals(RuntimeAbi.ENTRY)) continue;
            for (Block b : f.blocks()) {
                for (Inst inst : b.insts) {
                    if (inst instanceof Inst.Call c && m.functions().stream().anyMatch(x -> x.symbol().equals(c.callee()))) {
                        attribute(functions.get(c.callee()), LLVMAttributeFunctionIndex, "noinline");
                    }
                }
            }
        }
    }

    private void define(Function f) {
        currentFunction = functions.get(f.symbol());
        inObjectDrop = objectDrops.contains(f.symbol());
        temps = new LLVMValueRef[f.tempCount()];
        blocks = new LLVMBasicBlockRef[f.blocks().size()];
        arithmeticPanics.clear();
        boundsPanics.clear();
        for (Block b : f.blocks()) blocks[b.id] = LLVMAppendBasicBlockInContext(ctx, currentFunction, (b.isLandingPad() ? "lpad" : "b") + b.id);
        if (f.blocks().stream().anyMatch(Block::isLandingPad)) LLVMSetPersonalityFn(currentFunction, personality());
        // Every alloca first, in LLVM's entry block: a check in TIR's entry block splits it
        // in LLVM, and an alloca after the split would be a dynamic one to LLVM (which then
        // refuses to inline the function).
        LLVMPositionBuilderAtEnd(builder, blocks[0]);
        for (Inst inst : f.blocks().get(0).insts) {
            if (inst instanceof Inst.Slot s) define(s.result(), LLVMBuildAlloca(builder, type(s.slotType()), s.name()));
        }
        for (Block b : f.blocks()) {
            LLVMPositionBuilderAtEnd(builder, blocks[b.id]);
            boolean unwinds = unwinding != null && b.unwind != Block.NONE;
            unwindTarget = unwinds ? b.unwind : Block.NONE;
            unwindTo = unwinds ? blocks[b.unwind] : null;
            for (Inst inst : b.insts) if (!(inst instanceof Inst.Slot)) instruction(inst);
            terminator(b.terminator);
        }
        unwindTo = null;
        unwindTarget = Block.NONE;
    }

    /** Whether a call of {@code symbol} may unwind (never under the abort strategy). */
    private boolean mayUnwind(String symbol) {
        return unwinding != null && unwinding.mayUnwind(symbol);
    }

    /** `declare i32 @trt_personality(...)`, on first use. */
    private LLVMValueRef personality() {
        if (personality == null) {
            LLVMTypeRef ft = LLVMFunctionType(i32, new PointerPointer<>(0), 0, 1);
            personality = LLVMAddFunction(module, RuntimeAbi.PERSONALITY, ft);
            landingPadType = LLVMStructTypeInContext(ctx, new PointerPointer<>(ptr, i32), 2, 0);
        }
        return personality;
    }

    /**
     * A landing pad: `landingpad { ptr, i32 }` with a catch-all clause for a `catch` (the
     * handler gives anything but a T panic to trt_panic_catch, which aborts, so the frames
     * it protects are truly nounwind) or a cleanup clause; the exception pointer goes to
     * the pad's slot.
     */
    private void landingPad(Inst.LandingPad lp) {
        LLVMValueRef pad = LLVMBuildLandingPad(builder, landingPadType, personality(), lp.catches() ? 1 : 0, "");
        if (lp.catches()) LLVMAddClause(pad, LLVMConstNull(ptr));
        else LLVMSetCleanup(pad, 1);
        LLVMBuildStore(builder, LLVMBuildExtractValue(builder, pad, 0, "exception"), value(lp.slot()));
    }

    private LLVMValueRef value(Value v) {
        return switch (v) {
            case Value.IntConst c -> LLVMConstInt(type(c.type()), c.value(), 1);
            case Value.FloatConst c -> LLVMConstReal(type(c.type()), c.value());
            case Value.ZeroConst z -> LLVMConstNull(type(z.type()));
            case Value.FormatSpecConst f -> formatSpec(f);
            case Value.BoolConst b -> LLVMConstInt(i1, b.value() ? 1 : 0, 0);
            case Value.StrConst s -> stringConstant(s.utf8());
            case Value.UnitConst u -> throw new IllegalStateException("unit values have no representation");
            case Value.Param p -> LLVMGetParam(currentFunction, p.index());
            case Value.FuncRef r -> functions.get(r.symbol());
            case Value.Vtable table -> vtable(table);
            case Value.TypeInfo info -> typeInfo(info);
            case Value.Temp t -> {
                LLVMValueRef r = temps[t.id()];
                if (r == null) throw new IllegalStateException("%" + t.id() + " used before definition");
                yield r;
            }
        };
    }

    private final Map<Value.FormatSpecConst, LLVMValueRef> specs = new HashMap<>();

    /** A private constant `trt_fmt_spec` {u32 fill, i32 width, i32 precision, u8 kind, u8 align, u8 flags, u8 reserved}. */
    private LLVMValueRef formatSpec(Value.FormatSpecConst f) {
        return specs.computeIfAbsent(f, k -> {
            LLVMTypeRef i8 = LLVMInt8TypeInContext(ctx);
            LLVMValueRef[] fields = {
                    LLVMConstInt(i32, f.fill(), 0), LLVMConstInt(i32, f.width(), 1), LLVMConstInt(i32, f.precision(), 1),
                    LLVMConstInt(i8, f.kind(), 0), LLVMConstInt(i8, f.align(), 0), LLVMConstInt(i8, f.flags(), 0), LLVMConstInt(i8, 0, 0)};
            LLVMValueRef init = LLVMConstStructInContext(ctx, new PointerPointer<>(fields), fields.length, 0);
            LLVMValueRef global = LLVMAddGlobal(module, LLVMTypeOf(init), ".fmtspec." + specs.size());
            LLVMSetInitializer(global, init);
            LLVMSetGlobalConstant(global, 1);
            LLVMSetLinkage(global, LLVMPrivateLinkage);
            LLVMSetUnnamedAddress(global, LLVMGlobalUnnamedAddr);
            return global;
        });
    }

    /** A `{ptr, i64}` constant pointing at a private, deduplicated byte array. */
    /** A vtable: a private constant array of function addresses, one per distinct table. */
    private LLVMValueRef vtable(Value.Vtable v) {
        LLVMValueRef global = vtables.get(v);
        if (global == null) {
            LLVMValueRef[] entries = v.methods().stream().map(functions::get).toArray(LLVMValueRef[]::new);
            LLVMTypeRef ptr = LLVMPointerTypeInContext(ctx, 0);
            global = privateConstant(LLVMConstArray2(ptr, new PointerPointer<>(entries), entries.length), ".vtable." + vtables.size());
            vtables.put(v, global);
        }
        return global;
    }

    private final Map<Value.TypeInfo, LLVMValueRef> typeInfos = new HashMap<>();

    /**
     * A class's `trt_type` (abi.md): {u32 magic "TTYP", u32 flags, ptr drop, ptr visit, ptr
     * name, i64 name length}, one per class. Its address identifies the type, so it is not
     * `unnamed_addr`. No `visit` yet: nothing shares objects across tasks before the
     * scheduler lands.
     */
    private LLVMValueRef typeInfo(Value.TypeInfo t) {
        LLVMValueRef global = typeInfos.get(t);
        if (global == null) {
            byte[] name = t.name().getBytes(StandardCharsets.UTF_8);
            LLVMTypeRef ptr = LLVMPointerTypeInContext(ctx, 0);
            LLVMValueRef drop = t.drop() == null ? LLVMConstNull(ptr) : functions.get(t.drop());
            if (drop == null) throw new IllegalStateException("no function " + t.drop() + " for the type of " + t.name());
            LLVMValueRef[] fields = {
                    LLVMConstInt(i32, 0x50595454L, 0), LLVMConstInt(i32, 0, 0), drop, LLVMConstNull(ptr),
                    stringBytes(name), LLVMConstInt(LLVMInt64TypeInContext(ctx), name.length, 0)};
            LLVMValueRef init = LLVMConstStructInContext(ctx, new PointerPointer<>(fields), fields.length, 0);
            global = LLVMAddGlobal(module, LLVMTypeOf(init), ".type." + typeInfos.size());
            LLVMSetInitializer(global, init);
            LLVMSetGlobalConstant(global, 1);
            LLVMSetLinkage(global, LLVMPrivateLinkage);
            LLVMSetAlignment(global, 8);
            typeInfos.put(t, global);
        }
        return global;
    }

    /** A read-only global of this module only, whose address nothing compares (so LLVM may merge it). */
    private LLVMValueRef privateConstant(LLVMValueRef init, String name) {
        LLVMValueRef global = LLVMAddGlobal(module, LLVMTypeOf(init), name);
        LLVMSetInitializer(global, init);
        LLVMSetGlobalConstant(global, 1);
        LLVMSetLinkage(global, LLVMPrivateLinkage);
        LLVMSetUnnamedAddress(global, LLVMGlobalUnnamedAddr);
        return global;
    }

    private LLVMValueRef stringConstant(byte[] bytes) {
        return LLVMConstStructInContext(ctx, new PointerPointer<>(stringBytes(bytes), LLVMConstInt(i64, bytes.length, 0), LLVMConstNull(ptr)), 3, 0);
    }

    /** The address of a private, deduplicated constant holding {@code bytes}. */
    private LLVMValueRef stringBytes(byte[] bytes) {
        String key = new String(bytes, StandardCharsets.ISO_8859_1);
        LLVMValueRef global = strings.get(key);
        if (global == null) {
            org.bytedeco.javacpp.BytePointer data = new org.bytedeco.javacpp.BytePointer(bytes.length == 0 ? 1 : bytes.length);
            data.put(bytes, 0, bytes.length);
            global = privateConstant(LLVMConstStringInContext2(ctx, data, bytes.length, 1), ".str." + strings.size());
            strings.put(key, global);
        }
        return global;
    }

    private void define(Value.Temp t, LLVMValueRef v) {
        temps[t.id()] = v;
    }

    private void instruction(Inst inst) {
        switch (inst) {
            case Inst.Slot s -> throw new IllegalStateException("slots are emitted with the entry block");
            case Inst.Load l -> define(l.result(), LLVMBuildLoad2(builder, type(l.type()), value(l.slot()), ""));
            case Inst.Store s -> LLVMBuildStore(builder, value(s.value()), value(s.slot()));
            case Inst.IntArith a -> define(a.result(), arithmetic(a));
            case Inst.Compare c -> define(c.result(), compare(c));
            case Inst.Not n -> define(n.result(), LLVMBuildNot(builder, value(n.operand()), ""));
            case Inst.FloatArith a -> define(a.result(), floatArithmetic(a));
            case Inst.Cast c -> define(c.result(), cast(value(c.operand()), c.operand().type(), c.result().type()));
            case Inst.MakeStruct m -> {
                LLVMTypeRef st = type(m.result().type());
                LLVMValueRef agg = m.fields().isEmpty() ? LLVMConstNull(st) : LLVMGetPoison(st);
                for (int i = 0; i < m.fields().size(); i++) agg = LLVMBuildInsertValue(builder, agg, value(m.fields().get(i)), i, "");
                define(m.result(), agg);
            }
            case Inst.ExtractField x -> define(x.result(), LLVMBuildExtractValue(builder, value(x.aggregate()), x.index(), ""));
            case Inst.FieldAddr fa -> define(fa.result(), LLVMBuildStructGEP2(builder, type(fa.type()), value(fa.pointer()), fa.index(), ""));
            case Inst.ElementAddr ea -> define(ea.result(), elementAddress(ea));
            case Inst.CopyMem c -> LLVMBuildMemCpy(builder, value(c.destination()), 1, value(c.source()), 1, LLVMSizeOf(type(c.type())));
            case Inst.Select sel -> define(sel.result(), LLVMBuildSelect(builder, value(sel.condition()), value(sel.ifTrue()), value(sel.ifFalse()), ""));
            case Inst.Intrinsic in -> define(in.result(), intrinsic(in));
            case Inst.StrPart p -> define(p.result(), LLVMBuildExtractValue(builder, value(p.string()), p.part().ordinal(), ""));
            case Inst.MakeStr m -> {
                LLVMValueRef s = LLVMBuildInsertValue(builder, LLVMGetPoison(str), value(m.pointer()), 0, "");
                s = LLVMBuildInsertValue(builder, s, value(m.length()), 1, "");
                define(m.result(), LLVMBuildInsertValue(builder, s, value(m.owner()), 2, ""));
            }
            case Inst.Call c when c.callee().equals(RuntimeAbi.RC_RETAIN.symbol()) -> inlineRetain(c);
            case Inst.Call c when c.callee().equals(RuntimeAbi.RC_RELEASE.symbol()) && !inObjectDrop -> inlineRelease(c);
            case Inst.Call c when RuntimeAbi.skipsNull(c.callee()) -> {
                LLVMValueRef p = value(c.args().get(0));
                LLVMBasicBlockRef call = LLVMAppendBasicBlockInContext(ctx, currentFunction, "nonnull"), done = LLVMAppendBasicBlockInContext(ctx, currentFunction, "done");
                LLVMBuildCondBr(builder, LLVMBuildIsNull(builder, p, ""), done, call);
                LLVMPositionBuilderAtEnd(builder, call);
                call(c.result(), functionTypes.get(c.callee()), functions.get(c.callee()), c.args(), false);
                LLVMBuildBr(builder, done);
                LLVMPositionBuilderAtEnd(builder, done);
            }
            case Inst.Call c -> call(c.result(), functionTypes.get(c.callee()), functions.get(c.callee()), c.args(), mayUnwind(c.callee()));
            case Inst.CallIndirect c -> {
                List<TirType> params = c.args().stream().map(Value::type).toList();
                call(c.result(), functionType(params, c.result() == null ? TirType.UNIT : c.result().type()), value(c.callee()), c.args(),
                        unwinding != null);
            }
            case Inst.LandingPad lp -> landingPad(lp);
        }
    }

    /**
     * `trt_rc_retain(p)` with its not-shared fast path inline (docs/abi.md, "The inline
     * sequences"): null does nothing; otherwise load the strong word
     * {@code w}; when {@code (w - ONE) & (FLAGS | TOP_BIT)} is 0 — not shared, not immortal,
     * not dead, not about to overflow — store {@code w + ONE}; anything else calls the
     * runtime, which does what it always did (atomics, the immortal no-op, the fatal
     * errors). The test is the runtime's own, bit for bit, so both take the slow path in
     * exactly the same cases. TIR keeps the one call (the RC passes look for it); only the
     * LLVM IR has the expansion.
     */
    private void inlineRetain(Inst.Call c) {
        LLVMValueRef p = value(c.args().get(0));
        LLVMBasicBlockRef load = block("rc.retain"), fast = block("rc.retain.fast"), slow = block("rc.retain.slow"),
                done = block("rc.retain.done");
        LLVMBuildCondBr(builder, LLVMBuildIsNull(builder, p, ""), done, load);
        LLVMPositionBuilderAtEnd(builder, load);
        LLVMValueRef w = strongWord(p);
        LLVMValueRef tested = LLVMBuildAnd(builder, LLVMBuildSub(builder, w, LLVMConstInt(i32, RC_ONE, 0), ""),
                LLVMConstInt(i32, RC_FLAGS | RC_TOP_BIT, 0), "");
        unlikely(LLVMBuildCondBr(builder, LLVMBuildICmp(builder, LLVMIntNE, tested, LLVMConstInt(i32, 0, 0), ""), slow, fast));
        LLVMPositionBuilderAtEnd(builder, fast);
        storeStrongWord(p, LLVMBuildAdd(builder, w, LLVMConstInt(i32, RC_ONE, 0), ""));
        LLVMBuildBr(builder, done);
        LLVMPositionBuilderAtEnd(builder, slow);
        coldCall(c, false);
        LLVMBuildBr(builder, done);
        LLVMPositionBuilderAtEnd(builder, done);
    }

    /**
     * `trt_rc_release(p)` with its not-shared fast path inline: null does nothing; when the
     * strong word {@code w} has no flag and {@code w > ONE} (not the last reference), store
     * {@code w - ONE}; otherwise call the runtime — the last release (drop, weak count,
     * free), shared and immortal objects, and a release of a dead object (reported). The
     * call may run a `Drop` impl, so it is an `invoke` where the block has a landing pad.
     */
    private void inlineRelease(Inst.Call c) {
        LLVMValueRef p = value(c.args().get(0));
        LLVMBasicBlockRef load = block("rc.release"), fast = block("rc.release.fast"), slow = block("rc.release.slow"),
                done = block("rc.release.done");
        LLVMBuildCondBr(builder, LLVMBuildIsNull(builder, p, ""), done, load);
        LLVMPositionBuilderAtEnd(builder, load);
        LLVMValueRef w = strongWord(p);
        LLVMValueRef noFlags = LLVMBuildICmp(builder, LLVMIntEQ,
                LLVMBuildAnd(builder, w, LLVMConstInt(i32, RC_FLAGS, 0), ""), LLVMConstInt(i32, 0, 0), "");
        LLVMValueRef notLast = LLVMBuildICmp(builder, LLVMIntUGT, w, LLVMConstInt(i32, RC_ONE, 0), "");
        // Likely, but less so than a retain's: every object's last release takes the call.
        branchWeights(LLVMBuildCondBr(builder, LLVMBuildAnd(builder, noFlags, notLast, ""), fast, slow), 20, 1);
        LLVMPositionBuilderAtEnd(builder, fast);
        storeStrongWord(p, LLVMBuildSub(builder, w, LLVMConstInt(i32, RC_ONE, 0), ""));
        LLVMBuildBr(builder, done);
        LLVMPositionBuilderAtEnd(builder, slow);
        coldCall(c, mayUnwind(c.callee()));
        LLVMBuildBr(builder, done);
        LLVMPositionBuilderAtEnd(builder, done);
    }

    // The strong word of the object header (native-runtime/include/trt_rc.h).
    private static final long RC_FLAGS = 3, RC_ONE = 4, RC_TOP_BIT = 0x80000000L;

    /**
     * The strong word, read as an `unordered` atomic: it compiles to a plain load on both
     * targets, but unlike a plain load it stays defined when another thread changes a
     * shared object's count at the same time (it then reads some value that thread wrote,
     * whose SHARED bit is set: the bit is never cleared), and LLVM still forwards it.
     */
    private LLVMValueRef strongWord(LLVMValueRef p) {
        LLVMValueRef w = LLVMBuildLoad2(builder, i32, p, "rc");
        LLVMSetOrdering(w, LLVMAtomicOrderingUnordered);
        LLVMSetAlignment(w, 4);
        return w;
    }

    /** Stores the strong word of an object no other thread can reach (not shared). */
    private void storeStrongWord(LLVMValueRef p, LLVMValueRef w) {
        LLVMValueRef store = LLVMBuildStore(builder, w, p);
        LLVMSetOrdering(store, LLVMAtomicOrderingUnordered);
        LLVMSetAlignment(store, 4);
    }

    private LLVMBasicBlockRef block(String name) {
        return LLVMAppendBasicBlockInContext(ctx, currentFunction, name);
    }

    /** The runtime call of an inline sequence's slow path, marked `cold` at the call site. */
    private void coldCall(Inst.Call c, boolean mayUnwind) {
        LLVMValueRef call = call(c.result(), functionTypes.get(c.callee()), functions.get(c.callee()), c.args(), mayUnwind);
        int kind = LLVMGetEnumAttributeKindForName("cold", 4);
        LLVMAddCallSiteAttribute(call, LLVMAttributeFunctionIndex, LLVMCreateEnumAttribute(ctx, kind, 0));
    }

    /**
     * A call; an `invoke` when it {@code mayUnwind} and the block has a landing pad (the
     * code after it continues in the invoke's normal destination).
     */
    private LLVMValueRef call(Value.Temp result, LLVMTypeRef type, LLVMValueRef callee, List<Value> arguments, boolean mayUnwind) {
        LLVMValueRef[] args = arguments.stream().map(this::value).toArray(LLVMValueRef[]::new);
        LLVMValueRef call;
        if (mayUnwind && unwindTo != null) {
            LLVMBasicBlockRef next = LLVMAppendBasicBlockInContext(ctx, currentFunction, "cont");
            call = LLVMBuildInvoke2(builder, type, callee, new PointerPointer<>(args), args.length, next, unwindTo, "");
            LLVMPositionBuilderAtEnd(builder, next);
        } else {
            call = LLVMBuildCall2(builder, type, callee, new PointerPointer<>(args), args.length, "");
        }
        for (int i = 0; i < arguments.size(); i++) {
            if (arguments.get(i).type() == TirType.BOOL) {
                int kind = LLVMGetEnumAttributeKindForName("zeroext", 7);
                LLVMAddCallSiteAttribute(call, i + 1, LLVMCreateEnumAttribute(ctx, kind, 0));
            }
        }
        if (result != null) define(result, call);
        return call;
    }

    /**
     * `&array[index]`. The index is widened to 64 bits by its own signedness; one unsigned
     * comparison against the length then rejects negative and too-large indices alike.
     */
    private LLVMValueRef elementAddress(Inst.ElementAddr ea) {
        TirType.Int it = (TirType.Int) ea.index().type();
        LLVMValueRef index = value(ea.index());
        if (it.bits() < 64) index = it.signed() ? LLVMBuildSExt(builder, index, i64, "") : LLVMBuildZExt(builder, index, i64, "");
        if (ea.check() != null) {
            LLVMValueRef outside = LLVMBuildICmp(builder, LLVMIntUGE, index, LLVMConstInt(i64, ea.type().length(), 0), "");
            PanicBlock panic = boundsPanics.computeIfAbsent(unwindTarget, k -> boundsPanicBlock());
            branchToPanic(outside, panic, boundsSite(ea.type().length(), it.signed(), ea.check()), index, "inbounds");
        }
        LLVMValueRef[] indices = {LLVMConstInt(i64, 0, 0), index};
        return LLVMBuildInBoundsGEP2(builder, type(ea.type()), value(ea.pointer()), new PointerPointer<>(indices), 2, "");
    }

    /** An LLVM intrinsic overloaded on the operand type: `llvm.sqrt.f64`, `llvm.ctpop.i32`, ... */
    private LLVMValueRef intrinsic(Inst.Intrinsic in) {
        String name = switch (in.op()) {
            case SQRT -> "llvm.sqrt"; case FABS -> "llvm.fabs"; case FLOOR -> "llvm.floor"; case CEIL -> "llvm.ceil";
            case ROUND -> "llvm.round"; case TRUNC -> "llvm.trunc"; case FMIN -> "llvm.minnum"; case FMAX -> "llvm.maxnum";
            case CTPOP -> "llvm.ctpop"; case CTLZ -> "llvm.ctlz"; case CTTZ -> "llvm.cttz";
            case FSHL -> "llvm.fshl"; case FSHR -> "llvm.fshr";
        };
        LLVMTypeRef t = type(in.args().get(0).type());
        List<LLVMValueRef> args = new java.util.ArrayList<>();
        for (Value v : in.args()) args.add(value(v));
        // ctlz/cttz take "is zero poison?": no, a zero input gives the bit width, as in Rust.
        if (in.op() == Inst.IntrinsicOp.CTLZ || in.op() == Inst.IntrinsicOp.CTTZ) args.add(LLVMConstInt(i1, 0, 0));
        int id = LLVMLookupIntrinsicID(name, name.length());
        LLVMValueRef fn = LLVMGetIntrinsicDeclaration(module, id, new PointerPointer<>(new LLVMTypeRef[]{t}), 1);
        LLVMTypeRef[] paramTypes = args.stream().map(org.bytedeco.llvm.global.LLVM::LLVMTypeOf).toArray(LLVMTypeRef[]::new);
        LLVMTypeRef ft = LLVMFunctionType(t, new PointerPointer<>(paramTypes), paramTypes.length, 0);
        LLVMValueRef[] argv = args.toArray(LLVMValueRef[]::new);
        return LLVMBuildCall2(builder, ft, fn, new PointerPointer<>(argv), argv.length, "");
    }

    private LLVMValueRef compare(Inst.Compare c) {
        LLVMValueRef l = value(c.left()), r = value(c.right());
        TirType t = c.left().type();
        if (t instanceof TirType.Float) {
            // Ordered comparisons are false with NaN; `!=` is the unordered one, true with NaN.
            int p = switch (c.op()) {
                case EQ -> LLVMRealOEQ; case NE -> LLVMRealUNE; case LT -> LLVMRealOLT;
                case LE -> LLVMRealOLE; case GT -> LLVMRealOGT; case GE -> LLVMRealOGE;
            };
            return LLVMBuildFCmp(builder, p, l, r, "");
        }
        boolean signed = t instanceof TirType.Int i && i.signed();
        int p = switch (c.op()) {
            case EQ -> LLVMIntEQ; case NE -> LLVMIntNE;
            case LT -> signed ? LLVMIntSLT : LLVMIntULT; case LE -> signed ? LLVMIntSLE : LLVMIntULE;
            case GT -> signed ? LLVMIntSGT : LLVMIntUGT; case GE -> signed ? LLVMIntSGE : LLVMIntUGE;
        };
        return LLVMBuildICmp(builder, p, l, r, "");
    }

    private LLVMValueRef floatArithmetic(Inst.FloatArith a) {
        LLVMValueRef r = value(a.right());
        if (a.op() == Inst.FloatOp.NEG) return LLVMBuildFNeg(builder, r, "");
        LLVMValueRef l = value(a.left());
        return switch (a.op()) {
            case ADD -> LLVMBuildFAdd(builder, l, r, "");
            case SUB -> LLVMBuildFSub(builder, l, r, "");
            case MUL -> LLVMBuildFMul(builder, l, r, "");
            case DIV -> LLVMBuildFDiv(builder, l, r, "");
            case REM -> LLVMBuildFRem(builder, l, r, "");
            case NEG -> throw new IllegalStateException();
        };
    }

    /** `as`: integers by the source's signedness, float to integer saturating (Rust's rule). */
    private LLVMValueRef cast(LLVMValueRef v, TirType from, TirType to) {
        LLVMTypeRef target = type(to);
        if (from == TirType.BOOL && to instanceof TirType.Int) return LLVMBuildZExt(builder, v, target, "");
        // Raw pointers: to and from 64-bit integers, and to other pointer types (no-op).
        if (from == TirType.PTR && to == TirType.PTR) return v;
        if (from == TirType.PTR && to instanceof TirType.Int) return LLVMBuildPtrToInt(builder, v, target, "");
        if (from instanceof TirType.Int && to == TirType.PTR) return LLVMBuildIntToPtr(builder, v, target, "");
        if (from instanceof TirType.Int fi && to instanceof TirType.Int ti) {
            if (ti.bits() < fi.bits()) return LLVMBuildTrunc(builder, v, target, "");
            if (ti.bits() > fi.bits()) return fi.signed() ? LLVMBuildSExt(builder, v, target, "") : LLVMBuildZExt(builder, v, target, "");
            return v;
        }
        if (from instanceof TirType.Int fi && to instanceof TirType.Float) {
            return fi.signed() ? LLVMBuildSIToFP(builder, v, target, "") : LLVMBuildUIToFP(builder, v, target, "");
        }
        if (from instanceof TirType.Float && to instanceof TirType.Int ti) {
            String name = ti.signed() ? "llvm.fptosi.sat" : "llvm.fptoui.sat";
            int id = LLVMLookupIntrinsicID(name, name.length());
            LLVMValueRef fn = LLVMGetIntrinsicDeclaration(module, id, new PointerPointer<>(target, LLVMTypeOf(v)), 2);
            LLVMTypeRef ft = LLVMFunctionType(target, new PointerPointer<>(new LLVMTypeRef[]{LLVMTypeOf(v)}), 1, 0);
            return LLVMBuildCall2(builder, ft, fn, new PointerPointer<>(new LLVMValueRef[]{v}), 1, "");
        }
        if (from instanceof TirType.Float ff && to instanceof TirType.Float tf) {
            if (tf.bits() > ff.bits()) return LLVMBuildFPExt(builder, v, target, "");
            if (tf.bits() < ff.bits()) return LLVMBuildFPTrunc(builder, v, target, "");
            return v;
        }
        throw new IllegalStateException("no cast from " + from.spelling() + " to " + to.spelling());
    }

    private LLVMValueRef arithmetic(Inst.IntArith a) {
        LLVMValueRef l = value(a.left()), r = value(a.right());
        boolean signed = a.left().type() instanceof TirType.Int i && i.signed();
        switch (a.op()) {
            case AND: return LLVMBuildAnd(builder, l, r, "");
            case OR: return LLVMBuildOr(builder, l, r, "");
            case XOR: return LLVMBuildXor(builder, l, r, "");
            case SHL: case SHR: return shift(a, l, r, signed);
            default: break;
        }
        if (a.trap() == null) {
            return switch (a.op()) {
                case ADD -> LLVMBuildAdd(builder, l, r, "");
                case SUB, NEG -> LLVMBuildSub(builder, l, r, "");
                case MUL -> LLVMBuildMul(builder, l, r, "");
                default -> throw new IllegalStateException(a.op() + " must keep its checks");
            };
        }
        String s = signed ? "s" : "u";
        return switch (a.op()) {
            case ADD -> withOverflow("llvm." + s + "add.with.overflow", l, r, a.trap(), "attempt to add with overflow");
            case SUB -> withOverflow("llvm." + s + "sub.with.overflow", l, r, a.trap(), "attempt to subtract with overflow");
            case NEG -> withOverflow("llvm." + s + "sub.with.overflow", l, r, a.trap(), "attempt to negate with overflow");
            case MUL -> withOverflow("llvm." + s + "mul.with.overflow", l, r, a.trap(), "attempt to multiply with overflow");
            case DIV, REM -> division(a, l, r, signed);
            default -> throw new IllegalStateException(a.op().name());
        };
    }

    /**
     * Shifts panic when the amount is the type's width or more (or negative), as in Rust;
     * the amount may be of another integer type and is checked in its own type first.
     */
    private LLVMValueRef shift(Inst.IntArith a, LLVMValueRef l, LLVMValueRef r, boolean signed) {
        TirType.Int valueType = (TirType.Int) a.left().type();
        TirType.Int amountType = (TirType.Int) a.right().type();
        LLVMTypeRef at = LLVMTypeOf(r);
        if (a.trap() != null) {
            // Unsigned comparison: a negative amount is huge and fails the check too.
            LLVMValueRef tooFar = LLVMBuildICmp(builder, LLVMIntUGE, r, LLVMConstInt(at, valueType.bits(), 0), "");
            trapIf(tooFar, a.trap(), a.op() == Inst.ArithOp.SHL ? "attempt to shift left with overflow" : "attempt to shift right with overflow");
        }
        LLVMValueRef amount = r;
        if (amountType.bits() > valueType.bits()) amount = LLVMBuildTrunc(builder, r, LLVMTypeOf(l), "");
        else if (amountType.bits() < valueType.bits()) amount = LLVMBuildZExt(builder, r, LLVMTypeOf(l), "");
        if (a.trap() == null) {
            // Wrapping shifts mask the amount, like Rust's wrapping_shl.
            amount = LLVMBuildAnd(builder, amount, LLVMConstInt(LLVMTypeOf(l), valueType.bits() - 1, 0), "");
        }
        if (a.op() == Inst.ArithOp.SHL) return LLVMBuildShl(builder, l, amount, "");
        return signed ? LLVMBuildAShr(builder, l, amount, "") : LLVMBuildLShr(builder, l, amount, "");
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

    /** Division and remainder panic on a zero divisor, and (signed) on MIN / -1, which overflows. */
    private LLVMValueRef division(Inst.IntArith a, LLVMValueRef l, LLVMValueRef r, boolean signed) {
        boolean div = a.op() == Inst.ArithOp.DIV;
        LLVMTypeRef t = LLVMTypeOf(l);
        int bits = ((TirType.Int) a.left().type()).bits();
        long divisor = a.right() instanceof Value.IntConst c ? c.value() : 0;
        boolean constant = a.right() instanceof Value.IntConst;
        if (!constant || divisor == 0) {
            trapIf(LLVMBuildICmp(builder, LLVMIntEQ, r, LLVMConstInt(t, 0, 0), ""), a.trap(),
                    div ? "attempt to divide by zero" : "attempt to calculate the remainder with a divisor of zero");
        }
        if (signed && (!constant || divisor == -1)) {
            long min = bits == 64 ? Long.MIN_VALUE : -(1L << (bits - 1));
            LLVMValueRef isMin = LLVMBuildICmp(builder, LLVMIntEQ, l, LLVMConstInt(t, min, 1), "");
            LLVMValueRef isMinusOne = LLVMBuildICmp(builder, LLVMIntEQ, r, LLVMConstInt(t, -1, 1), "");
            trapIf(LLVMBuildAnd(builder, isMin, isMinusOne, ""), a.trap(),
                    div ? "attempt to divide with overflow" : "attempt to calculate the remainder with overflow");
        }
        if (signed) return div ? LLVMBuildSDiv(builder, l, r, "") : LLVMBuildSRem(builder, l, r, "");
        return div ? LLVMBuildUDiv(builder, l, r, "") : LLVMBuildURem(builder, l, r, "");
    }

    /** Panics at {@code at} with {@code message} when {@code condition} holds. */
    private void trapIf(LLVMValueRef condition, Location at, String message) {
        PanicBlock panic = arithmeticPanics.computeIfAbsent(unwindTarget, k -> arithmeticPanicBlock());
        branchToPanic(condition, panic, arithmeticSite(message, at), null, "ok");
    }

    /**
     * Ends the current block with an unlikely branch to {@code panic} when {@code condition}
     * holds, handing it {@code site} (and {@code index}), and continues in a new block.
     */
    private void branchToPanic(LLVMValueRef condition, PanicBlock panic, LLVMValueRef site, LLVMValueRef index, String okName) {
        LLVMBasicBlockRef here = LLVMGetInsertBlock(builder);
        LLVMBasicBlockRef ok = LLVMAppendBasicBlockInContext(ctx, currentFunction, okName);
        LLVMValueRef br = LLVMBuildCondBr(builder, condition, panic.block(), ok);
        unlikely(br);
        addIncoming(panic.site(), site, here);
        if (panic.index() != null) addIncoming(panic.index(), index, here);
        LLVMPositionBuilderAtEnd(builder, ok);
    }

    private static void addIncoming(LLVMValueRef phi, LLVMValueRef value, LLVMBasicBlockRef from) {
        LLVMAddIncoming(phi, new PointerPointer<>(new LLVMValueRef[]{value}), new PointerPointer<>(new LLVMBasicBlockRef[]{from}), 1);
    }

    /** Branch weights saying the true side is taken about once in 2000 (clang's __builtin_expect). */
    private void unlikely(LLVMValueRef branch) {
        branchWeights(branch, 1, 2000);
    }

    /** `!prof !{"branch_weights", ifTrue, ifFalse}` on a conditional branch. */
    private void branchWeights(LLVMValueRef branch, int ifTrue, int ifFalse) {
        int kind = LLVMGetMDKindIDInContext(ctx, "prof", 4);
        org.bytedeco.llvm.LLVM.LLVMMetadataRef[] ops = {
                LLVMMDStringInContext2(ctx, "branch_weights", 14),
                LLVMValueAsMetadata(LLVMConstInt(i32, ifTrue, 0)),
                LLVMValueAsMetadata(LLVMConstInt(i32, ifFalse, 0))};
        LLVMSetMetadata(branch, kind, LLVMMetadataAsValue(ctx, LLVMMDNodeInContext2(ctx, new PointerPointer<>(ops), ops.length)));
    }

    /** The function's arithmetic panic block: `trt_panic` with the fields of the phi's site. */
    private PanicBlock arithmeticPanicBlock() {
        LLVMBasicBlockRef saved = LLVMGetInsertBlock(builder);
        LLVMBasicBlockRef block = LLVMAppendBasicBlockInContext(ctx, currentFunction, "panic");
        LLVMPositionBuilderAtEnd(builder, block);
        LLVMValueRef site = LLVMBuildPhi(builder, ptr, "site");
        LLVMValueRef[] args = {
                siteField(arithmeticSiteType, site, 0, ptr), siteField(arithmeticSiteType, site, 1, i64),
                siteField(arithmeticSiteType, site, 2, ptr), siteField(arithmeticSiteType, site, 3, i64),
                siteField(arithmeticSiteType, site, 4, i32), siteField(arithmeticSiteType, site, 5, i32)};
        String name = RuntimeAbi.PANIC.symbol();
        panicCall(name, args);
        LLVMBuildUnreachable(builder);
        LLVMPositionBuilderAtEnd(builder, saved);
        return new PanicBlock(block, site, null);
    }

    /** The function's bounds panic block: `trt_panic_bounds` with the phi's index and site. */
    private PanicBlock boundsPanicBlock() {
        LLVMBasicBlockRef saved = LLVMGetInsertBlock(builder);
        LLVMBasicBlockRef block = LLVMAppendBasicBlockInContext(ctx, currentFunction, "bounds");
        LLVMPositionBuilderAtEnd(builder, block);
        LLVMValueRef site = LLVMBuildPhi(builder, ptr, "site");
        LLVMValueRef index = LLVMBuildPhi(builder, i64, "index");
        LLVMValueRef signed = LLVMBuildTrunc(builder, siteField(boundsSiteType, site, 5, LLVMInt8TypeInContext(ctx)), i1, "");
        LLVMValueRef[] args = {
                index, siteField(boundsSiteType, site, 0, i64), signed,
                siteField(boundsSiteType, site, 1, ptr), siteField(boundsSiteType, site, 2, i64),
                siteField(boundsSiteType, site, 3, i32), siteField(boundsSiteType, site, 4, i32)};
        String name = RuntimeAbi.PANIC_BOUNDS.symbol();
        LLVMValueRef call = panicCall(name, args);
        int kind = LLVMGetEnumAttributeKindForName("zeroext", 7);
        LLVMAddCallSiteAttribute(call, 3, LLVMCreateEnumAttribute(ctx, kind, 0));
        LLVMBuildUnreachable(builder);
        LLVMPositionBuilderAtEnd(builder, saved);
        return new PanicBlock(block, site, index);
    }

    /**
     * The call of a panic entry point in a panic block: an `invoke` of the block's landing
     * pad when the checks it serves have one (its normal destination is unreachable).
     */
    private LLVMValueRef panicCall(String name, LLVMValueRef[] args) {
        if (unwindTo == null || !mayUnwind(name)) {
            return LLVMBuildCall2(builder, functionTypes.get(name), functions.get(name), new PointerPointer<>(args), args.length, "");
        }
        LLVMBasicBlockRef never = LLVMAppendBasicBlockInContext(ctx, currentFunction, "noreturn");
        LLVMValueRef invoke = LLVMBuildInvoke2(builder, functionTypes.get(name), functions.get(name), new PointerPointer<>(args), args.length,
                never, unwindTo, "");
        LLVMPositionBuilderAtEnd(builder, never);
        return invoke;
    }

    private LLVMValueRef siteField(LLVMTypeRef siteType, LLVMValueRef site, int index, LLVMTypeRef type) {
        return LLVMBuildLoad2(builder, type, LLVMBuildStructGEP2(builder, siteType, site, index, ""), "");
    }

    /** The constant record of an arithmetic check: its message and where it is. */
    private LLVMValueRef arithmeticSite(String message, Location at) {
        return sites.computeIfAbsent(List.of("arith", message, at), k -> {
            LLVMValueRef msg = stringConstant(message.getBytes(StandardCharsets.UTF_8));
            LLVMValueRef file = stringConstant(at.file().getBytes(StandardCharsets.UTF_8));
            return siteGlobal(arithmeticSiteType, LLVMGetAggregateElement(msg, 0), LLVMGetAggregateElement(msg, 1),
                    LLVMGetAggregateElement(file, 0), LLVMGetAggregateElement(file, 1),
                    LLVMConstInt(i32, at.line(), 0), LLVMConstInt(i32, at.column(), 0));
        });
    }

    /** The constant record of a bounds check: the array's length, where it is, the index's signedness. */
    private LLVMValueRef boundsSite(long length, boolean signed, Location at) {
        return sites.computeIfAbsent(List.of("bounds", length, signed, at), k -> {
            LLVMValueRef file = stringConstant(at.file().getBytes(StandardCharsets.UTF_8));
            return siteGlobal(boundsSiteType, LLVMConstInt(i64, length, 0), LLVMGetAggregateElement(file, 0),
                    LLVMGetAggregateElement(file, 1), LLVMConstInt(i32, at.line(), 0), LLVMConstInt(i32, at.column(), 0),
                    LLVMConstInt(LLVMInt8TypeInContext(ctx), signed ? 1 : 0, 0));
        });
    }

    private LLVMValueRef siteGlobal(LLVMTypeRef type, LLVMValueRef... fields) {
        LLVMValueRef init = LLVMConstStructInContext(ctx, new PointerPointer<>(fields), fields.length, 0);
        LLVMValueRef global = LLVMAddGlobal(module, type, ".site." + sites.size());
        LLVMSetInitializer(global, init);
        LLVMSetGlobalConstant(global, 1);
        LLVMSetLinkage(global, LLVMPrivateLinkage);
        LLVMSetUnnamedAddress(global, LLVMGlobalUnnamedAddr);
        return global;
    }

    private void terminator(Terminator t) {
        switch (t) {
            case Terminator.Jump j -> LLVMBuildBr(builder, blocks[j.target()]);
            case Terminator.Branch b -> LLVMBuildCondBr(builder, value(b.condition()), blocks[b.ifTrue()], blocks[b.ifFalse()]);
            case Terminator.Return r -> {
                if (r.value() == null) LLVMBuildRetVoid(builder); else LLVMBuildRet(builder, value(r.value()));
            }
            case Terminator.Unreachable u -> LLVMBuildUnreachable(builder);
            case Terminator.Resume r -> {
                if (unwinding == null) {
                    LLVMBuildUnreachable(builder); // the abort strategy: nothing unwinds
                    break;
                }
                personality();
                LLVMValueRef pair = LLVMBuildInsertValue(builder, LLVMGetPoison(landingPadType), value(r.exception()), 0, "");
                pair = LLVMBuildInsertValue(builder, pair, LLVMConstInt(i32, 0, 0), 1, "");
                LLVMBuildResume(builder, pair);
            }
        }
    }
}

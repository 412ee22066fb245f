package tlang.midend.lower;

import tlang.frontend.check.Symbol;
import tlang.frontend.types.Type;
import tlang.midend.Mangler;
import tlang.midend.RuntimeAbi;
import tlang.midend.tir.Block;
import tlang.midend.tir.Function;
import tlang.midend.tir.Inst;
import tlang.midend.tir.Terminator;
import tlang.midend.tir.TirType;
import tlang.midend.tir.Value;

import java.util.List;
import java.util.Set;

/**
 * Prelude functions whose bodies the compiler writes: those of `std::rc::Weak<C>`, which
 * work on the object's header through the runtime's reference-counting entry points. A
 * `Weak` is the address of the object (not counted as a strong reference), or null for
 * `Weak::new()`; copies retain a weak reference and drops release one ({@link DropGlue}).
 */
final class Intrinsics {
    private Intrinsics() {}

    private static final Set<String> WEAK = Set.of("new", "from", "upgrade", "strong_count", "weak_count", "clone");

    static boolean isIntrinsic(Symbol.Function f) {
        return f.owner() != null && DropGlue.isWeak(f.owner()) && WEAK.contains(f.name());
    }

    /** The function {@code f} of {@code Weak<C>} ({@code owner}, concrete). */
    static Function lower(AstToTir lowering, Symbol.Function f, String symbol, Type owner) {
        FunctionBuilder fb = lowering.builder();
        Value self = new Value.Param(0, TirType.PTR);
        List<TirType> params = f.name().equals("new") ? List.of() : List.of(TirType.PTR);
        Type resultType = lowering.concrete(f.result());
        TirType result = AstToTir.tirType(resultType);
        Value returned;
        switch (f.name()) {
            case "new" -> returned = new Value.ZeroConst(TirType.PTR);
            case "from" -> {
                // The argument's strong reference is given up for a weak one.
                fb.add(new Inst.Call(null, RuntimeAbi.RC_WEAK_RETAIN.symbol(), List.of(self)));
                fb.add(new Inst.Call(null, RuntimeAbi.RC_RELEASE.symbol(), List.of(self)));
                returned = self;
            }
            case "clone" -> {
                Value object = fb.add(new Inst.Load(fb.temp(TirType.PTR), self, TirType.PTR));
                fb.add(new Inst.Call(null, RuntimeAbi.RC_WEAK_RETAIN.symbol(), List.of(object)));
                returned = object;
            }
            case "strong_count", "weak_count" -> {
                Value.Temp out = fb.slot(TirType.U64, "count");
                fb.add(new Inst.Store(out, new Value.IntConst(TirType.U64, 0)));
                Value object = fb.add(new Inst.Load(fb.temp(TirType.PTR), self, TirType.PTR));
                Block some = fb.newBlock(), done = fb.newBlock();
                fb.branch(isNull(fb, object), done, some);
                fb.switchTo(some);
                Value again = fb.add(new Inst.Load(fb.temp(TirType.PTR), self, TirType.PTR));
                String entry = (f.name().equals("strong_count") ? RuntimeAbi.RC_STRONG_COUNT : RuntimeAbi.RC_WEAK_COUNT).symbol();
                Value count = fb.add(new Inst.Call(fb.temp(TirType.U32), entry, List.of(again)));
                fb.add(new Inst.Store(out, fb.add(new Inst.Cast(fb.temp(TirType.U64), count))));
                fb.jumpTo(done);
                returned = fb.add(new Inst.Load(fb.temp(TirType.U64), out, TirType.U64));
            }
            case "upgrade" -> {
                // Some(object) with a new strong reference while the object lives, else None.
                Type.Enum option = (Type.Enum) resultType;
                EnumLayout layout = EnumLayout.of(option);
                Value.Temp out = fb.slot(layout.type(), "upgraded");
                store(fb, out, layout, option.variantIndex("None"), null);
                Value object = fb.add(new Inst.Load(fb.temp(TirType.PTR), self, TirType.PTR));
                Block live = fb.newBlock(), got = fb.newBlock(), done = fb.newBlock();
                fb.branch(isNull(fb, object), done, live);
                fb.switchTo(live);
                Value again = fb.add(new Inst.Load(fb.temp(TirType.PTR), self, TirType.PTR));
                Value strong = fb.add(new Inst.Call(fb.temp(TirType.PTR), RuntimeAbi.RC_WEAK_UPGRADE.symbol(), List.of(again)));
                Value.Temp upgraded = fb.slot(TirType.PTR, "strong");
                fb.add(new Inst.Store(upgraded, strong));
                fb.branch(isNull(fb, strong), done, got);
                fb.switchTo(got);
                store(fb, out, layout, option.variantIndex("Some"), fb.add(new Inst.Load(fb.temp(TirType.PTR), upgraded, TirType.PTR)));
                fb.jumpTo(done);
                returned = fb.add(new Inst.Load(fb.temp(layout.type()), out, layout.type()));
            }
            default -> throw new IllegalStateException("no intrinsic " + f.name());
        }
        fb.terminate(new Terminator.Return(result == TirType.UNIT ? null : returned));
        return fb.finish(symbol, Mangler.demangle(symbol), params, result, false);
    }

    private static Value isNull(FunctionBuilder fb, Value pointer) {
        return fb.add(new Inst.Compare(fb.temp(TirType.BOOL), Inst.CmpOp.EQ, pointer, new Value.ZeroConst(TirType.PTR)));
    }

    private static void store(FunctionBuilder fb, Value slot, EnumLayout layout, int variant, Value payload) {
        layout.setTag(fb, slot, variant);
        if (payload == null) return;
        TirType.Struct variantType = layout.variants().get(variant);
        Value field = layout.payload(fb, slot);
        fb.add(new Inst.Store(field, fb.add(new Inst.MakeStruct(fb.temp(variantType), List.of(payload)))));
    }
}

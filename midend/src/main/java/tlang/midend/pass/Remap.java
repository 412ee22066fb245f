package tlang.midend.pass;

import tlang.midend.tir.Inst;
import tlang.midend.tir.Terminator;
import tlang.midend.tir.Value;

import java.util.List;
import java.util.function.IntUnaryOperator;
import java.util.function.UnaryOperator;

/**
 * Rewrites every value an instruction or terminator mentions — the temp it defines as well
 * as its operands — and a terminator's block targets: what copying a function body into
 * another function needs (fresh temp numbers, parameters replaced by arguments, blocks
 * renumbered). {@link Substitution} is the operands-only special case.
 */
final class Remap {
    private Remap() {}

    /** {@code values} maps each operand and each defined temp (which must stay a temp). */
    static Inst inst(Inst inst, UnaryOperator<Value> values) {
        UnaryOperator<Value.Temp> def = t -> t == null ? null : (Value.Temp) values.apply(t);
        return switch (inst) {
            case Inst.Slot s -> new Inst.Slot(def.apply(s.result()), s.slotType(), s.name());
            case Inst.Load l -> new Inst.Load(def.apply(l.result()), values.apply(l.slot()), l.type());
            case Inst.Store s -> new Inst.Store(values.apply(s.slot()), values.apply(s.value()));
            case Inst.IntArith a -> new Inst.IntArith(def.apply(a.result()), a.op(), values.apply(a.left()), values.apply(a.right()), a.trap());
            case Inst.FloatArith a -> new Inst.FloatArith(def.apply(a.result()), a.op(), values.apply(a.left()), values.apply(a.right()));
            case Inst.Compare c -> new Inst.Compare(def.apply(c.result()), c.op(), values.apply(c.left()), values.apply(c.right()));
            case Inst.Not n -> new Inst.Not(def.apply(n.result()), values.apply(n.operand()));
            case Inst.Cast c -> new Inst.Cast(def.apply(c.result()), values.apply(c.operand()));
            case Inst.MakeStruct m -> new Inst.MakeStruct(def.apply(m.result()), all(m.fields(), values));
            case Inst.ExtractField x -> new Inst.ExtractField(def.apply(x.result()), values.apply(x.aggregate()), x.index());
            case Inst.FieldAddr fa -> new Inst.FieldAddr(def.apply(fa.result()), values.apply(fa.pointer()), fa.type(), fa.index());
            case Inst.ElementAddr ea -> new Inst.ElementAddr(def.apply(ea.result()), values.apply(ea.pointer()), ea.type(), values.apply(ea.index()), ea.check());
            case Inst.CopyMem c -> new Inst.CopyMem(values.apply(c.destination()), values.apply(c.source()), c.type());
            case Inst.Select s -> new Inst.Select(def.apply(s.result()), values.apply(s.condition()), values.apply(s.ifTrue()), values.apply(s.ifFalse()));
            case Inst.Intrinsic in -> new Inst.Intrinsic(def.apply(in.result()), in.op(), all(in.args(), values));
            case Inst.StrPart p -> new Inst.StrPart(def.apply(p.result()), values.apply(p.string()), p.part());
            case Inst.MakeStr m -> new Inst.MakeStr(def.apply(m.result()), values.apply(m.pointer()), values.apply(m.length()), values.apply(m.owner()));
            case Inst.Call c -> new Inst.Call(def.apply(c.result()), c.callee(), all(c.args(), values));
            case Inst.CallIndirect c -> new Inst.CallIndirect(def.apply(c.result()), values.apply(c.callee()), all(c.args(), values), c.method());
            case Inst.LandingPad lp -> new Inst.LandingPad(values.apply(lp.slot()), lp.catches());
        };
    }

    /** A terminator with its operand mapped and its targets renumbered (Return stays Return). */
    static Terminator terminator(Terminator t, UnaryOperator<Value> values, IntUnaryOperator blocks) {
        return switch (t) {
            case Terminator.Jump j -> new Terminator.Jump(blocks.applyAsInt(j.target()));
            case Terminator.Branch b -> new Terminator.Branch(values.apply(b.condition()), blocks.applyAsInt(b.ifTrue()), blocks.applyAsInt(b.ifFalse()));
            case Terminator.Return r -> r.value() == null ? r : new Terminator.Return(values.apply(r.value()));
            case Terminator.Unreachable u -> u;
            case Terminator.Resume r -> new Terminator.Resume(values.apply(r.exception()));
        };
    }

    private static List<Value> all(List<Value> vs, UnaryOperator<Value> values) {
        return vs.stream().map(values).toList();
    }
}

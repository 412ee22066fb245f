package tlang.midend.pass;

import tlang.midend.tir.Inst;
import tlang.midend.tir.Terminator;
import tlang.midend.tir.Value;

import java.util.List;
import java.util.Map;

/** Replaces operands that are temps with known values; shared by the passes that need it. */
final class Substitution {
    private Substitution() {}

    static Value apply(Value v, Map<Integer, Value> known) {
        if (v instanceof Value.Temp t) {
            Value r = known.get(t.id());
            if (r != null) return r;
        }
        return v;
    }

    private static List<Value> apply(List<Value> vs, Map<Integer, Value> known) {
        return vs.stream().map(v -> apply(v, known)).toList();
    }

    static Inst apply(Inst inst, Map<Integer, Value> known) {
        if (known.isEmpty()) return inst;
        return switch (inst) {
            case Inst.Slot s -> s;
            case Inst.Load l -> new Inst.Load(l.result(), apply(l.slot(), known), l.type());
            case Inst.Store s -> new Inst.Store(apply(s.slot(), known), apply(s.value(), known));
            case Inst.IntArith a -> new Inst.IntArith(a.result(), a.op(), apply(a.left(), known), apply(a.right(), known), a.trap());
            case Inst.FloatArith a -> new Inst.FloatArith(a.result(), a.op(), apply(a.left(), known), apply(a.right(), known));
            case Inst.Compare c -> new Inst.Compare(c.result(), c.op(), apply(c.left(), known), apply(c.right(), known));
            case Inst.Not n -> new Inst.Not(n.result(), apply(n.operand(), known));
            case Inst.Cast c -> new Inst.Cast(c.result(), apply(c.operand(), known));
            case Inst.MakeStruct m -> new Inst.MakeStruct(m.result(), apply(m.fields(), known));
            case Inst.ExtractField x -> new Inst.ExtractField(x.result(), apply(x.aggregate(), known), x.index());
            case Inst.FieldAddr fa -> new Inst.FieldAddr(fa.result(), apply(fa.pointer(), known), fa.type(), fa.index());
            case Inst.ElementAddr ea -> new Inst.ElementAddr(ea.result(), apply(ea.pointer(), known), ea.type(), apply(ea.index(), known), ea.check());
            case Inst.CopyMem c -> new Inst.CopyMem(apply(c.destination(), known), apply(c.source(), known), c.type());
            case Inst.Select s -> new Inst.Select(s.result(), apply(s.condition(), known), apply(s.ifTrue(), known), apply(s.ifFalse(), known));
            case Inst.Intrinsic in -> new Inst.Intrinsic(in.result(), in.op(), apply(in.args(), known));
            case Inst.StrPart p -> new Inst.StrPart(p.result(), apply(p.string(), known), p.part());
            case Inst.MakeStr m -> new Inst.MakeStr(m.result(), apply(m.pointer(), known), apply(m.length(), known), apply(m.owner(), known));
            case Inst.Call c -> new Inst.Call(c.result(), c.callee(), apply(c.args(), known));
            // A call through an address now known to be a function's becomes a direct call
            // (which the inliner can then see through).
            case Inst.CallIndirect c -> apply(c.callee(), known) instanceof Value.FuncRef r
                    ? new Inst.Call(c.result(), r.symbol(), apply(c.args(), known))
                    : new Inst.CallIndirect(c.result(), apply(c.callee(), known), apply(c.args(), known), c.method());
            case Inst.LandingPad lp -> new Inst.LandingPad(apply(lp.slot(), known), lp.catches());
        };
    }

    static Terminator apply(Terminator t, Map<Integer, Value> known) {
        if (known.isEmpty()) return t;
        return switch (t) {
            case Terminator.Branch b -> new Terminator.Branch(apply(b.condition(), known), b.ifTrue(), b.ifFalse());
            case Terminator.Return r -> r.value() == null ? r : new Terminator.Return(apply(r.value(), known));
            case Terminator.Resume r -> new Terminator.Resume(apply(r.exception(), known));
            default -> t;
        };
    }
}

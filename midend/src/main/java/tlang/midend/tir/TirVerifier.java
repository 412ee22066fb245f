package tlang.midend.tir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the structural invariants of TIR, so that a pass that breaks them is caught at the
 * pass rather than as a crash or a miscompile in LLVM. Run after lowering and after every
 * pass in tests; the driver runs it too (it is cheap).
 */
public final class TirVerifier {
    private TirVerifier() {}

    /** Returns the problems found; empty when the module is well formed. */
    public static List<String> verify(TirModule m) {
        List<String> problems = new ArrayList<>();
        Map<String, Signature> callees = new HashMap<>();
        for (ExternFunction e : m.externs()) callees.put(e.symbol(), new Signature(e.params(), e.result()));
        for (Function f : m.functions()) {
            if (callees.put(f.symbol(), new Signature(f.params(), f.result())) != null) problems.add("duplicate symbol " + f.symbol());
        }
        for (Function f : m.functions()) verifyFunction(f, callees, problems);
        return problems;
    }

    private record Signature(List<TirType> params, TirType result) {}

    private static void verifyFunction(Function f, Map<String, Signature> callees, List<String> problems) {
        String where = "in " + f.symbol() + ": ";
        Set<Integer> defined = new HashSet<>();
        // Slots live in the entry block, which dominates every block: usable everywhere.
        Set<Integer> slots = new HashSet<>();
        for (Block b : f.blocks()) {
            for (Inst inst : b.insts) if (inst instanceof Inst.Slot s) slots.add(s.result().id());
        }
        for (int i = 0; i < f.blocks().size(); i++) {
            Block b = f.blocks().get(i);
            if (b.id != i) problems.add(where + "block " + b.id + " is at index " + i);
            Set<Integer> local = new HashSet<>(slots);
            checkUnwind(f, b, where, problems);
            for (Inst inst : b.insts) {
                for (Value v : operands(inst)) checkOperand(v, local, f, where + "b" + b.id + ": " + TirPrinter.inst(inst), problems);
                if (inst instanceof Inst.Slot && b.id != 0) problems.add(where + "slot outside the entry block in b" + b.id);
                if (inst instanceof Inst.Call c) checkCall(c, callees, where, problems);
                checkTypes(inst, where + "b" + b.id + ": " + TirPrinter.inst(inst), problems);
                Value.Temp r = inst.result();
                if (r != null) {
                    if (!defined.add(r.id())) problems.add(where + "%" + r.id() + " defined twice");
                    local.add(r.id());
                }
            }
            switch (b.terminator) {
                case null -> problems.add(where + "b" + b.id + " has no terminator");
                case Terminator.Jump j -> checkTarget(j.target(), f, where, problems);
                case Terminator.Branch br -> {
                    checkOperand(br.condition(), local, f, where + "branch in b" + b.id, problems);
                    if (br.condition().type() != TirType.BOOL) problems.add(where + "branch on a non-bool in b" + b.id);
                    checkTarget(br.ifTrue(), f, where, problems);
                    checkTarget(br.ifFalse(), f, where, problems);
                }
                case Terminator.Return r -> {
                    TirType t = r.value() == null ? TirType.UNIT : r.value().type();
                    if (r.value() != null) checkOperand(r.value(), local, f, where + "return in b" + b.id, problems);
                    if (!t.equals(f.result())) problems.add(where + "returns " + t.spelling() + " from a function returning " + f.result().spelling());
                }
                case Terminator.Unreachable u -> {}
                case Terminator.Resume r -> {
                    checkOperand(r.exception(), local, f, where + "resume in b" + b.id, problems);
                    if (r.exception().type() != TirType.PTR) problems.add(where + "resume of a non-pointer in b" + b.id);
                }
            }
        }
    }

    /**
     * The unwinding structure: an unwind edge leads to a landing pad; a landing pad is a
     * block of its own (not the entry) holding only its {@link Inst.LandingPad}, with no
     * unwind edge of its own, ending in a jump; nothing jumps or branches to one.
     */
    private static void checkUnwind(Function f, Block b, String where, List<String> problems) {
        List<Block> blocks = f.blocks();
        if (b.unwind != Block.NONE && (b.unwind < 0 || b.unwind >= blocks.size() || !blocks.get(b.unwind).isLandingPad())) {
            problems.add(where + "b" + b.id + " unwinds to b" + b.unwind + ", which is not a landing pad");
        }
        for (int i = 0; i < b.insts.size(); i++) {
            if (b.insts.get(i) instanceof Inst.LandingPad lp) {
                if (i != 0 || b.insts.size() != 1) problems.add(where + "landingpad is not the only instruction of b" + b.id);
                if (lp.slot().type() != TirType.PTR) problems.add(where + "landingpad stores through a non-pointer in b" + b.id);
            }
        }
        if (b.isLandingPad()) {
            if (b.id == 0) problems.add(where + "the entry block is a landing pad");
            if (b.unwind != Block.NONE) problems.add(where + "landing pad b" + b.id + " has an unwind edge");
            if (!(b.terminator instanceof Terminator.Jump)) problems.add(where + "landing pad b" + b.id + " does not end in a jump");
        }
        List<Integer> targets = switch (b.terminator) {
            case Terminator.Jump j -> List.of(j.target());
            case Terminator.Branch br -> List.of(br.ifTrue(), br.ifFalse());
            case null, default -> List.of();
        };
        for (int t : targets) {
            if (t >= 0 && t < blocks.size() && blocks.get(t).isLandingPad()) problems.add(where + "b" + b.id + " jumps to landing pad b" + t);
        }
    }

    private static void checkCall(Inst.Call c, Map<String, Signature> callees, String where, List<String> problems) {
        Signature s = callees.get(c.callee());
        if (s == null) { problems.add(where + "call to unknown function " + c.callee()); return; }
        if (s.params().size() != c.args().size()) { problems.add(where + "wrong argument count calling " + c.callee()); return; }
        for (int i = 0; i < s.params().size(); i++) {
            if (!s.params().get(i).equals(c.args().get(i).type())) problems.add(where + "argument " + i + " of " + c.callee() + " has type " + c.args().get(i).type().spelling());
        }
        TirType r = c.result() == null ? TirType.UNIT : c.result().type();
        if (!r.equals(s.result())) problems.add(where + "call to " + c.callee() + " expects result " + r.spelling());
    }

    /** Operand and result types of the instructions whose types must agree. */
    private static void checkTypes(Inst inst, String where, List<String> problems) {
        switch (inst) {
            case Inst.IntArith a -> {
                boolean shift = a.op() == Inst.ArithOp.SHL || a.op() == Inst.ArithOp.SHR;
                boolean bool = a.left().type() == TirType.BOOL && (a.op() == Inst.ArithOp.AND || a.op() == Inst.ArithOp.OR || a.op() == Inst.ArithOp.XOR);
                if (!(a.left().type() instanceof TirType.Int) && !bool) problems.add(where + ": integer operation on " + a.left().type().spelling());
                if (!shift && !a.left().type().equals(a.right().type())) problems.add(where + ": operand types differ");
                if (shift && !(a.right().type() instanceof TirType.Int)) problems.add(where + ": shift amount is not an integer");
                if (!a.result().type().equals(a.left().type())) problems.add(where + ": result type differs from the operands'");
            }
            case Inst.FloatArith a -> {
                if (!(a.right().type() instanceof TirType.Float) || !a.result().type().equals(a.right().type())) problems.add(where + ": float operation types");
            }
            case Inst.Compare c -> {
                if (!c.left().type().equals(c.right().type())) problems.add(where + ": compared types differ");
                if (c.result().type() != TirType.BOOL) problems.add(where + ": comparison result is not bool");
            }
            case Inst.Store s -> {
                if (s.slot().type() != TirType.PTR) problems.add(where + ": store through a non-pointer");
            }
            case Inst.ElementAddr ea -> {
                if (ea.pointer().type() != TirType.PTR) problems.add(where + ": element address of a non-pointer");
                if (!(ea.index().type() instanceof TirType.Int)) problems.add(where + ": array index is not an integer");
            }
            case Inst.Select s -> {
                if (s.condition().type() != TirType.BOOL) problems.add(where + ": select condition is not bool");
                if (!s.ifTrue().type().equals(s.ifFalse().type()) || !s.result().type().equals(s.ifTrue().type())) problems.add(where + ": select types differ");
            }
            default -> {}
        }
    }

    private static void checkTarget(int target, Function f, String where, List<String> problems) {
        if (target < 0 || target >= f.blocks().size()) problems.add(where + "jump to missing block b" + target);
        if (target == 0) problems.add(where + "jump to the entry block");
    }

    private static void checkOperand(Value v, Set<Integer> local, Function f, String where, List<String> problems) {
        if (v instanceof Value.Temp t && !local.contains(t.id())) problems.add(where + ": %" + t.id() + " used before its definition in this block");
        if (v instanceof Value.Param p && (p.index() >= f.params().size() || !f.params().get(p.index()).equals(p.type()))) problems.add(where + ": bad parameter %p" + p.index());
    }

    /** The values an instruction reads, in order (shared with the passes). */
    public static List<Value> operands(Inst inst) {
        return switch (inst) {
            case Inst.Slot s -> List.of();
            case Inst.Load l -> List.of(l.slot());
            case Inst.Store s -> List.of(s.slot(), s.value());
            case Inst.IntArith a -> List.of(a.left(), a.right());
            case Inst.Compare c -> List.of(c.left(), c.right());
            case Inst.Not n -> List.of(n.operand());
            case Inst.FloatArith a -> List.of(a.left(), a.right());
            case Inst.Cast c -> List.of(c.operand());
            case Inst.MakeStruct m -> m.fields();
            case Inst.ExtractField x -> List.of(x.aggregate());
            case Inst.FieldAddr fa -> List.of(fa.pointer());
            case Inst.ElementAddr ea -> List.of(ea.pointer(), ea.index());
            case Inst.Select s -> List.of(s.condition(), s.ifTrue(), s.ifFalse());
            case Inst.CopyMem c -> List.of(c.destination(), c.source());
            case Inst.Intrinsic in -> in.args();
            case Inst.StrPart p -> List.of(p.string());
            case Inst.MakeStr m -> List.of(m.pointer(), m.length(), m.owner());
            case Inst.Call c -> c.args();
            case Inst.CallIndirect c -> {
                List<Value> all = new java.util.ArrayList<>(c.args());
                all.add(0, c.callee());
                yield all;
            }
            case Inst.LandingPad lp -> List.of(lp.slot());
        };
    }
}

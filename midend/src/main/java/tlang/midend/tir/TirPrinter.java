package tlang.midend.tir;

import java.util.stream.Collectors;

/** The textual form of TIR (`tcc build --emit tir`), for reading and for tests. */
public final class TirPrinter {
    private TirPrinter() {}

    public static String print(TirModule m) {
        StringBuilder b = new StringBuilder("module ").append(m.name()).append("\n\n");
        for (ExternFunction e : m.externs()) {
            b.append("extern fn ").append(e.symbol()).append('(')
             .append(e.params().stream().map(t -> t.spelling()).collect(Collectors.joining(", "))).append(") -> ")
             .append(e.result().spelling()).append(e.noReturn() ? " noreturn" : "").append(e.unwinds() ? " unwinds" : "").append('\n');
        }
        for (Function f : m.functions()) {
            b.append('\n').append("fn ").append(f.symbol()).append(" \"").append(f.sourceName()).append("\"(");
            for (int i = 0; i < f.params().size(); i++) b.append(i > 0 ? ", " : "").append("%p").append(i).append(": ").append(f.params().get(i).spelling());
            b.append(") -> ").append(f.result().spelling()).append(f.noReturn() ? " noreturn" : "").append(" {\n");
            for (Block block : f.blocks()) {
                b.append("b").append(block.id);
                if (block.unwind != Block.NONE) b.append(" (unwind b").append(block.unwind).append(')');
                b.append(":\n");
                for (Inst inst : block.insts) b.append("    ").append(inst(inst)).append('\n');
                b.append("    ").append(terminator(block.terminator)).append('\n');
            }
            b.append("}\n");
        }
        return b.toString();
    }

    static String value(Value v) {
        return switch (v) {
            case Value.IntConst c -> c.value() + ":" + c.type().spelling();
            case Value.BoolConst c -> Boolean.toString(c.value());
            case Value.FloatConst c -> c.value() + ":" + c.type().spelling();
            case Value.ZeroConst z -> "zero:" + z.type().spelling();
            case Value.FormatSpecConst f -> "spec{fill=" + f.fill() + ",width=" + f.width() + ",precision=" + f.precision()
                    + ",kind=" + f.kind() + ",align=" + f.align() + ",flags=" + f.flags() + "}";
            case Value.StrConst s -> '"' + s.text().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
            case Value.UnitConst u -> "()";
            case Value.Param p -> "%p" + p.index();
            case Value.FuncRef r -> "@" + r.symbol();
            case Value.TypeInfo t -> "typeinfo " + t.name() + (t.drop() == null ? "" : "[drop @" + t.drop() + "]");
            case Value.Vtable table -> "vtable " + table.trait() + "[" + String.join(", ", table.methods().stream().map(x -> "@" + x).toList()) + "]";
            case Value.Temp t -> "%" + t.id();
        };
    }

    static String inst(Inst inst) {
        String def = inst.result() == null ? "" : value(inst.result()) + ": " + inst.result().type().spelling() + " = ";
        return def + switch (inst) {
            case Inst.Slot s -> "slot " + s.slotType().spelling() + " ; " + s.name();
            case Inst.Load l -> "load " + value(l.slot());
            case Inst.Store s -> "store " + value(s.slot()) + ", " + value(s.value());
            case Inst.IntArith a -> (a.trap() == null ? "wrapping " : "checked ") + a.op().name().toLowerCase() + " "
                    + value(a.left()) + ", " + value(a.right()) + (a.trap() == null ? "" : " ; traps at " + a.trap());
            case Inst.Compare c -> "cmp " + c.op().name().toLowerCase() + " " + value(c.left()) + ", " + value(c.right());
            case Inst.Not n -> "not " + value(n.operand());
            case Inst.FloatArith a -> "f" + a.op().name().toLowerCase() + " " + value(a.left()) + ", " + value(a.right());
            case Inst.Cast c -> "cast " + value(c.operand()) + " : " + c.operand().type().spelling();
            case Inst.MakeStruct m -> "struct(" + m.fields().stream().map(TirPrinter::value).collect(Collectors.joining(", ")) + ")";
            case Inst.ExtractField x -> "extract " + value(x.aggregate()) + ", " + x.index();
            case Inst.FieldAddr fa -> "fieldaddr " + value(fa.pointer()) + ", " + fa.index() + " : " + fa.type().spelling();
            case Inst.ElementAddr ea -> "elementaddr " + value(ea.pointer()) + ", " + value(ea.index()) + " : " + ea.type().spelling()
                    + (ea.check() == null ? "" : " ; bounds checked at " + ea.check());
            case Inst.CopyMem c -> "copy " + value(c.destination()) + ", " + value(c.source()) + " : " + c.type().spelling();
            case Inst.Select s -> "select " + value(s.condition()) + ", " + value(s.ifTrue()) + ", " + value(s.ifFalse());
            case Inst.Intrinsic in -> in.op().name().toLowerCase() + " " + in.args().stream().map(TirPrinter::value).collect(Collectors.joining(", "));
            case Inst.StrPart p -> switch (p.part()) { case POINTER -> "strptr "; case LENGTH -> "strlen "; case OWNER -> "strowner "; } + value(p.string());
            case Inst.MakeStr m -> "makestr " + value(m.pointer()) + ", " + value(m.length()) + ", " + value(m.owner());
            case Inst.Call c -> "call " + c.callee() + "(" + c.args().stream().map(TirPrinter::value).collect(Collectors.joining(", ")) + ")";
            case Inst.CallIndirect c -> "call_indirect " + (c.method() == null ? "" : "<" + c.method().trait() + "#" + c.method().index() + "> ") + value(c.callee()) + "(" + c.args().stream().map(TirPrinter::value).collect(Collectors.joining(", ")) + ")";
            case Inst.LandingPad lp -> "landingpad " + value(lp.slot()) + (lp.catches() ? ", catch" : ", cleanup");
        };
    }

    static String terminator(Terminator t) {
        return switch (t) {
            case null -> "<no terminator>";
            case Terminator.Jump j -> "jump b" + j.target();
            case Terminator.Branch br -> "branch " + value(br.condition()) + ", b" + br.ifTrue() + ", b" + br.ifFalse();
            case Terminator.Return r -> r.value() == null ? "return" : "return " + value(r.value());
            case Terminator.Unreachable u -> "unreachable";
            case Terminator.Resume r -> "resume " + value(r.exception());
        };
    }
}

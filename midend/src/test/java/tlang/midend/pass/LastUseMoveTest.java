package tlang.midend.pass;

import org.junit.jupiter.api.Test;
import tlang.frontend.diag.Diagnostics;
import tlang.frontend.Frontend;
import tlang.frontend.source.SourceFile;
import tlang.frontend.check.CheckedProgram;
import tlang.midend.RuntimeAbi;
import tlang.midend.lower.AstToTir;
import tlang.midend.tir.Block;
import tlang.midend.tir.Function;
import tlang.midend.tir.Inst;
import tlang.midend.tir.Terminator;
import tlang.midend.tir.TirModule;
import tlang.midend.tir.TirPrinter;
import tlang.midend.tir.TirType;
import tlang.midend.tir.TirVerifier;
import tlang.midend.tir.Value;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link LastUseMove} on hand-built TIR (the shapes the lowering makes: a copy is a load and
 * a retain, a drop a load and a release or a `{drop}` glue call, cleanup pads, drop flags)
 * and on lowered programs.
 */
class LastUseMoveTest {
    private static final TirType PTR = TirType.PTR, STR = TirType.STR;
    private static final String STR_RETAIN = RuntimeAbi.STR_RETAIN.symbol(), STR_RELEASE = RuntimeAbi.STR_RELEASE.symbol(),
            RETAIN = RuntimeAbi.RC_RETAIN.symbol(), RELEASE = RuntimeAbi.RC_RELEASE.symbol();
    private static final TirType.Struct PAIR = new TirType.Struct(List.of(PTR));

    /** `sink(s)`: a function that takes a string (it may unwind: it calls the runtime's panic). */
    private static Function sink() {
        Block b = new Block(0);
        b.insts.add(new Inst.Call(null, RuntimeAbi.PANIC_END.symbol(), List.of()));
        b.terminator = new Terminator.Unreachable();
        return new Function("sink", "m::sink", List.of(STR), TirType.UNIT, true, List.of(b), 0);
    }

    /** Blocks and temps of a function being built. */
    private static final class Builder extends TirBuilder {
        /** A copy of the string in {@code slot}: its load and its owner's retain. */
        Value.Temp copy(Block b, Value slot) {
            Value.Temp s = load(b, slot, STR);
            Value.Temp owner = temp(PTR);
            b.insts.add(new Inst.StrPart(owner, s, Inst.StrPart.Part.OWNER));
            b.insts.add(new Inst.Call(null, STR_RETAIN, List.of(owner)));
            return s;
        }

        /** The string in {@code slot} released. */
        void drop(Block b, Value slot) {
            Value.Temp s = load(b, slot, STR);
            Value.Temp owner = temp(PTR);
            b.insts.add(new Inst.StrPart(owner, s, Inst.StrPart.Part.OWNER));
            b.insts.add(new Inst.Call(null, STR_RELEASE, List.of(owner)));
        }

        /** A cleanup pad that releases the string in {@code slot}, then resumes. */
        Block cleanup(Value slot, Value.Temp exception) {
            Block pad = block(), code = block();
            pad.insts.add(new Inst.LandingPad(exception, false));
            pad.terminator = new Terminator.Jump(code.id);
            drop(code, slot);
            code.terminator = new Terminator.Resume(load(code, exception, PTR));
            return pad;
        }

        Function finish(String symbol, List<TirType> params) {
            return new Function(symbol, "m::" + symbol, params, TirType.UNIT, false, List.copyOf(blocks), temps);
        }
    }

    /**
     * `fn f(s: String) { sink(s); [after] }`: the parameter's slot, copied for the call,
     * released at the end (and by the pad of the call's block); {@code after} may read it.
     */
    private static Function passOn(boolean readAfter) {
        Builder fb = new Builder();
        Block entry = fb.block();
        Value.Temp s = fb.slot(STR, "s"), exception = fb.slot(PTR, "exception");
        entry.insts.add(new Inst.Store(s, new Value.Param(0, STR)));
        Block body = fb.block();
        entry.terminator = new Terminator.Jump(body.id);
        Block pad = fb.cleanup(s, exception);
        body.unwind = pad.id;
        Value.Temp copy = fb.copy(body, s);
        body.insts.add(new Inst.Call(null, "sink", List.of(copy)));
        Block end = fb.block();
        body.terminator = new Terminator.Jump(end.id);
        if (readAfter) {
            Value.Temp again = fb.load(end, s, STR);
            end.insts.add(new Inst.StrPart(fb.temp(TirType.I64), again, Inst.StrPart.Part.LENGTH));
        }
        fb.drop(end, s);
        end.terminator = new Terminator.Return(null);
        return fb.finish("f", List.of(STR));
    }

    private static TirModule module(Function... fs) {
        List<Function> all = new ArrayList<>(List.of(fs));
        all.add(sink());
        TirModule m = new TirModule("m", RuntimeAbi.ALL, all);
        assertEquals(List.of(), TirVerifier.verify(m), () -> TirPrinter.print(m));
        return m;
    }

    private static TirModule move(TirModule m, boolean classes) {
        TirModule out = new Pipeline(List.of(new LastUseMove(true, classes)), true).run(m);
        assertEquals(List.of(), TirVerifier.verify(out), () -> TirPrinter.print(out));
        return out;
    }

    private static TirModule move(TirModule m) { return move(m, false); }

    private static Function fn(TirModule m, String symbol) {
        return m.functions().stream().filter(x -> x.symbol().equals(symbol)).findFirst().orElseThrow();
    }

    private static String print(Function f) { return TirPrinter.print(new TirModule("m", List.of(), List.of(f))); }

    private static int calls(Function f, String callee) {
        int n = 0;
        for (Block b : f.blocks()) for (Inst i : b.insts) if (i instanceof Inst.Call c && c.callee().equals(callee)) n++;
        return n;
    }

    private static int zeroStores(Function f) {
        int n = 0;
        for (Block b : f.blocks()) for (Inst i : b.insts) if (i instanceof Inst.Store s && s.value() instanceof Value.ZeroConst) n++;
        return n;
    }

    @Test
    void aCopyAtTheLastUseMovesAndItsDropsGo() {
        Function f = fn(move(module(passOn(false))), "f");
        String text = print(f);
        assertEquals(0, calls(f, STR_RETAIN), text);
        // The release at the end and the pad's (the call comes after the move) both see zero.
        assertEquals(0, calls(f, STR_RELEASE), text);
        assertEquals(1, zeroStores(f), text);
        assertTrue(text.contains("store %0, zero:str"), text);
    }

    @Test
    void aReadAfterTheCopyKeepsIt() {
        Function f = fn(move(module(passOn(true))), "f");
        assertEquals(1, calls(f, STR_RETAIN), print(f));
        assertEquals(2, calls(f, STR_RELEASE), print(f));
        assertEquals(0, zeroStores(f), print(f));
    }

    /** `loop { sink(s); if c { break } }` then s dropped: the copy is read again next time round. */
    @Test
    void aCopyInALoopThatComesBackKeepsIt() {
        Builder fb = new Builder();
        Block entry = fb.block();
        Value.Temp s = fb.slot(STR, "s"), exception = fb.slot(PTR, "exception");
        entry.insts.add(new Inst.Store(s, new Value.Param(0, STR)));
        Block head = fb.block();
        entry.terminator = new Terminator.Jump(head.id);
        Block pad = fb.cleanup(s, exception);
        head.unwind = pad.id;
        Value.Temp copy = fb.copy(head, s);
        head.insts.add(new Inst.Call(null, "sink", List.of(copy)));
        Block end = fb.block();
        head.terminator = new Terminator.Branch(new Value.Param(1, TirType.BOOL), end.id, head.id);
        fb.drop(end, s);
        end.terminator = new Terminator.Return(null);
        Function f = fn(move(module(fb.finish("f", List.of(STR, TirType.BOOL)))), "f");
        assertEquals(1, calls(f, STR_RETAIN), print(f));
        assertEquals(2, calls(f, STR_RELEASE), print(f));
    }

    /** A slot nothing drops (it holds a borrowed value): its copy must keep its retain. */
    @Test
    void aSlotThatIsNeverDroppedKeepsItsCopies() {
        Builder fb = new Builder();
        Block entry = fb.block();
        Value.Temp s = fb.slot(STR, "borrowed");
        entry.insts.add(new Inst.Store(s, new Value.Param(0, STR)));
        Value.Temp copy = fb.copy(entry, s);
        entry.insts.add(new Inst.Call(null, "sink", List.of(copy)));
        entry.terminator = new Terminator.Return(null);
        Function f = fn(move(module(fb.finish("f", List.of(STR)))), "f");
        assertEquals(1, calls(f, STR_RETAIN), print(f));
    }

    /** S's address stored outside a slot (into memory a parameter points to) escapes: no move. */
    @Test
    void anEscapedAddressKeepsTheCopy() {
        Function base = passOn(false);
        Block entry = base.blocks().get(0);
        Value.Temp s = (Value.Temp) ((Inst.Store) entry.insts.get(entry.insts.size() - 1)).slot();
        entry.insts.add(new Inst.Store(new Value.Param(1, PTR), s));
        Function f = new Function("f", "m::f", List.of(STR, PTR), TirType.UNIT, false, base.blocks(), base.tempCount());
        Function out = fn(move(module(f)), "f");
        assertEquals(1, calls(out, STR_RETAIN), print(out));
    }

    /**
     * A drop flag: `if flag { drop s }` at the end. The copy is on a path where the flag is set
     * (s is read there), so the drop under the flag is the one that comes first.
     */
    @Test
    void aDropUnderItsFlagCounts() {
        Builder fb = new Builder();
        Block entry = fb.block();
        Value.Temp s = fb.slot(STR, "s"), live = fb.slot(TirType.BOOL, "s.live");
        entry.insts.add(new Inst.Store(s, new Value.Param(0, STR)));
        entry.insts.add(new Inst.Store(live, new Value.BoolConst(true)));
        Block moved = fb.block(), copied = fb.block(), join = fb.block(), drop = fb.block(), end = fb.block();
        entry.terminator = new Terminator.Branch(new Value.Param(1, TirType.BOOL), moved.id, copied.id);
        // `sink(move s)`: no retain, the flag cleared.
        Value.Temp v = fb.load(moved, s, STR);
        moved.insts.add(new Inst.Store(live, new Value.BoolConst(false)));
        moved.insts.add(new Inst.Call(null, "sink", List.of(v)));
        moved.terminator = new Terminator.Jump(join.id);
        Value.Temp copy = fb.copy(copied, s);
        copied.insts.add(new Inst.Call(null, "sink", List.of(copy)));
        copied.terminator = new Terminator.Jump(join.id);
        Value.Temp flag = fb.load(join, live, TirType.BOOL);
        join.terminator = new Terminator.Branch(flag, drop.id, end.id);
        fb.drop(drop, s);
        drop.terminator = new Terminator.Jump(end.id);
        end.terminator = new Terminator.Return(null);
        Function f = fn(move(module(fb.finish("f", List.of(STR, TirType.BOOL)))), "f");
        assertEquals(0, calls(f, STR_RETAIN), print(f));
        // The flag's drop stays (on the copied path it releases the zero, which does nothing).
        assertEquals(1, calls(f, STR_RELEASE), print(f));
        assertEquals(1, zeroStores(f), print(f));
    }

    /** An aggregate: `store A, %t; call T{retain}(A)` is the copy, `T{drop}(S)` the drop. */
    @Test
    void anAggregateCopyMovesThroughItsGlue() {
        Builder glue = new Builder();
        Block g = glue.block();
        g.terminator = new Terminator.Return(null);
        Function retain = new Function("Pair_retain", "m::Pair::{retain}", List.of(PTR), TirType.UNIT, false, List.of(g), 0);
        Block d = new Block(0);
        d.terminator = new Terminator.Return(null);
        Function dropGlue = new Function("Pair_drop", "m::Pair::{drop}", List.of(PTR), TirType.UNIT, false, List.of(d), 0);

        Builder fb = new Builder();
        Block entry = fb.block();
        Value.Temp s = fb.slot(PAIR, "p"), arg = fb.slot(PAIR, "glue.arg"), w = fb.slot(PAIR, "w");
        entry.insts.add(new Inst.Store(s, new Value.ZeroConst(PAIR)));
        Value.Temp t = fb.load(entry, s, PAIR);
        entry.insts.add(new Inst.Store(arg, t));
        entry.insts.add(new Inst.Call(null, "Pair_retain", List.of(arg)));
        entry.insts.add(new Inst.Store(w, t));
        entry.insts.add(new Inst.Call(null, "Pair_drop", List.of(w)));
        entry.insts.add(new Inst.Call(null, "Pair_drop", List.of(s)));
        entry.terminator = new Terminator.Return(null);
        TirModule out = move(module(fb.finish("f", List.of()), retain, dropGlue));
        Function f = fn(out, "f");
        assertEquals(0, calls(f, "Pair_retain"), print(f));
        assertEquals(1, calls(f, "Pair_drop"), print(f)); // w's; p's saw the zero and went
    }

    /** A bare class reference keeps its copy (its object lives to the end of its scope), unless asked. */
    @Test
    void classReferencesMoveOnlyWhenAsked() {
        Builder fb = new Builder();
        Block entry = fb.block();
        Value.Temp c = fb.slot(PTR, "c");
        entry.insts.add(new Inst.Store(c, new Value.Param(0, PTR)));
        Value.Temp t = fb.load(entry, c, PTR);
        entry.insts.add(new Inst.Call(null, RETAIN, List.of(t)));
        entry.insts.add(new Inst.Call(null, RELEASE, List.of(t)));
        entry.insts.add(new Inst.Call(null, RELEASE, List.of(fb.load(entry, c, PTR))));
        entry.terminator = new Terminator.Return(null);
        TirModule m = module(fb.finish("f", List.of(PTR)));
        assertEquals(1, calls(fn(move(m), "f"), RETAIN));
        Function moved = fn(move(m, true), "f");
        assertEquals(0, calls(moved, RETAIN), print(moved));
        assertEquals(1, calls(moved, RELEASE), print(moved));
    }

    // ---- lowered programs ----------------------------------------------------------------

    private static TirModule lower(String text) {
        Diagnostics d = new Diagnostics();
        CheckedProgram p = Frontend.analyze(new SourceFile("m.t", text), "m", d);
        assertNotNull(p, () -> d.all().toString());
        TirModule m = AstToTir.lower(p);
        assertEquals(List.of(), TirVerifier.verify(m), () -> TirPrinter.print(m));
        return m;
    }

    private static int glueCalls(Function f, String suffix) {
        int n = 0;
        for (Block b : f.blocks()) for (Inst i : b.insts) if (i instanceof Inst.Call c && c.callee().endsWith(suffix)) n++;
        return n;
    }

    @Test
    void aLoweredVectorHandedOnAtItsLastUseIsNotCopied() {
        TirModule m = move(lower("""
                fn grow(v: Vec<i64>) -> Vec<i64> {
                    let mut w = v;
                    w.push(2);
                    w
                }
                fn keep(v: Vec<i64>) -> usize {
                    let mut w = v;
                    w.push(2);
                    v.len() + w.len()
                }
                fn main() { println("{}", grow(Vec::new()).len() + keep(Vec::new())); }
                """));
        Function grow = fn(m, "_TN1m4growE"), keep = fn(m, "_TN1m4keepE");
        // grow: `let mut w = v` and `w` as the result both move: no retain glue is left.
        assertEquals(0, glueCalls(grow, "{retain}E"), print(grow));
        // keep: v is read after the copy; w's copy for `w.len()` is a borrow.
        assertEquals(1, glueCalls(keep, "{retain}E"), print(keep));
    }

    @Test
    void aLoweredStringPassedAtItsLastUseIsNotRetained() {
        TirModule m = move(lower("""
                fn size(s: String) -> usize { s.len() }
                fn twice(s: String) -> usize { size(s) + size(s) }
                fn main() { println("{}", twice(format("{}", 12))); }
                """));
        Function twice = fn(m, "_TN1m5twiceE");
        // The first call copies (s is read again), the second moves.
        assertEquals(1, calls(twice, STR_RETAIN), print(twice));
    }
}

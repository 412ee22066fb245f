package tlang.midend.pass;

import org.junit.jupiter.api.Test;
import tlang.midend.RuntimeAbi;
import tlang.midend.tir.Block;
import tlang.midend.tir.Function;
import tlang.midend.tir.Inst;
import tlang.midend.tir.Location;
import tlang.midend.tir.Terminator;
import tlang.midend.tir.TirModule;
import tlang.midend.tir.TirPrinter;
import tlang.midend.tir.TirType;
import tlang.midend.tir.TirVerifier;
import tlang.midend.tir.Value;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The RC passes on hand-built TIR: {@link RcPairs} (which retains meet a release with
 * nothing in between that could tell, within one block) and
 * {@link BorrowParams} (which parameters move their release into the caller). Each case
 * builds the shape the lowering makes for a T program and counts the RC calls left.
 */
class RcPassesTest {
    private static final TirType PTR = TirType.PTR, I64 = TirType.I64;
    private static final Location AT = new Location("m.t", 2, 5);
    private static final String RETAIN = RuntimeAbi.RC_RETAIN.symbol(), RELEASE = RuntimeAbi.RC_RELEASE.symbol();
    /** A class object: the header, then an i64 field and a reference field. */
    private static final TirType.Struct OBJECT = new TirType.Struct(List.of(TirType.I32, TirType.I32, PTR, I64, PTR));

    /** Blocks under construction; temps numbered from 0. */
    private static final class Builder extends TirBuilder {
        /** Field 3 (the i64) of the object {@code object} points to. */
        Value.Temp field(Block b, Value object) {
            Value.Temp a = temp(PTR);
            b.insts.add(new Inst.FieldAddr(a, object, OBJECT, 3));
            return load(b, a, I64);
        }

        /** A cleanup pad that releases what {@code slot} holds, then resumes. */
        Block cleanup(Value slot) {
            Value.Temp exception = slot(PTR, "exception");
            Block pad = block(), code = block();
            pad.insts.add(new Inst.LandingPad(exception, false));
            pad.terminator = new Terminator.Jump(code.id);
            code.insts.add(call(RELEASE, load(code, slot, PTR)));
            code.terminator = new Terminator.Resume(load(code, exception, PTR));
            return pad;
        }

    }

    private static Inst call(String callee, Value... args) { return new Inst.Call(null, callee, List.of(args)); }

    private static Value.Param param(int i) { return new Value.Param(i, PTR); }

    private static Value.IntConst i64(long v) { return new Value.IntConst(I64, v); }

    private static TirModule module(Function... fs) {
        TirModule m = new TirModule("m", RuntimeAbi.ALL, List.of(fs));
        assertEquals(List.of(), TirVerifier.verify(m), () -> TirPrinter.print(m));
        return m;
    }

    private static TirModule run(ModulePass pass, TirModule m) {
        TirModule out = new Pipeline(List.of(pass), true).run(m);
        assertEquals(List.of(), TirVerifier.verify(out), () -> TirPrinter.print(out));
        return out;
    }

    /** rc-pairs, then simplify-cfg and rc-pairs again (as the standard pipeline runs them). */
    private static TirModule pairs(TirModule m, boolean unwinds) {
        TirModule out = new Pipeline(List.of(new RcPairs(unwinds), new SimplifyCfg(), new RcPairs(unwinds)), true).run(m);
        assertEquals(List.of(), TirVerifier.verify(out), () -> TirPrinter.print(out));
        return out;
    }

    private static TirModule pairs(TirModule m) { return pairs(m, true); }

    private static Function fn(TirModule m, String symbol) {
        return m.functions().stream().filter(x -> x.symbol().equals(symbol)).findFirst().orElseThrow();
    }

    private static String print(Function f) {
        return TirPrinter.print(new TirModule("m", List.of(), List.of(f)));
    }

    private static int calls(Function f, String callee) {
        int n = 0;
        for (Block b : f.blocks()) for (Inst i : b.insts) if (i instanceof Inst.Call c && c.callee().equals(callee)) n++;
        return n;
    }

    /** `releaser(p)`: a function that gives up its parameter (a by-value class parameter). */
    private static Function releaser() {
        Builder b = new Builder();
        Block b0 = b.block();
        b0.insts.add(call(RELEASE, param(0)));
        b0.terminator = new Terminator.Return(null);
        return b.finish("releaser", List.of(PTR), TirType.UNIT);
    }

    /** `reader(&x)`: reads a field of the object its parameter's slot holds (a `&self` method). */
    private static Function reader() {
        Builder b = new Builder();
        Block b0 = b.block();
        Value.Temp object = b.load(b0, param(0), PTR);
        b0.terminator = new Terminator.Return(b.field(b0, object));
        return b.finish("reader", List.of(PTR), I64);
    }

    // ---- rc-pairs ----

    /** f(p0, p1): retain p0, {@code between}, release p0, return. */
    private static Function pair(Inst between, boolean pad) {
        Builder b = new Builder();
        Block b0 = b.block();
        if (pad) {
            Value.Temp c = b.slot(PTR, "c");
            Block body = b.block(), padBlock = b.cleanup(c);
            b0.insts.add(new Inst.Store(c, param(0)));
            b0.terminator = new Terminator.Jump(body.id);
            body.unwind = padBlock.id;
            b0 = body;
        }
        b0.insts.add(call(RETAIN, param(0)));
        if (between != null) b0.insts.add(between);
        b0.insts.add(call(RELEASE, param(0)));
        b0.terminator = new Terminator.Return(null);
        return b.finish("f", List.of(PTR, PTR), TirType.UNIT);
    }

    @Test
    void aCopyReadAndDroppedInOneBlockCostsNothing() {
        // let c = x; c.value  (x a parameter the function owns; constant-fold has forwarded c)
        Builder b = new Builder();
        Block b0 = b.block();
        b0.insts.add(call(RETAIN, param(0)));
        Value.Temp v = b.field(b0, param(0));
        b0.insts.add(call(RELEASE, param(0)));
        b0.insts.add(call(RELEASE, param(0)));
        b0.terminator = new Terminator.Return(v);
        Function f = fn(pairs(module(b.finish("f", List.of(PTR), I64))), "f");
        assertEquals(0, calls(f, RETAIN), print(f));
        assertEquals(1, calls(f, RELEASE), "the parameter's own release stays:\n" + print(f));
    }

    @Test
    void quietCallsBetweenArePassed() {
        // reader(&x) is a T function that releases nothing and reads no count.
        Function g = pair(new Inst.Call(new Value.Temp(100, I64), "reader", List.of(param(1))), false);
        g = new Function(g.symbol(), g.sourceName(), g.params(), g.result(), false, g.blocks(), 101);
        Function f = fn(pairs(module(g, reader())), "f");
        assertEquals(0, calls(f, RETAIN), print(f));
        assertEquals(0, calls(f, RELEASE), print(f));
    }

    @Test
    void aCallThatMayReleaseKeepsThePair() {
        // The copy may be p0's last count while `releaser` gives up p1 (the same object).
        Function f = fn(pairs(module(pair(call("releaser", param(1)), false), releaser())), "f");
        assertEquals(1, calls(f, RETAIN), print(f));
        assertEquals(1, calls(f, RELEASE), print(f));
    }

    @Test
    void anotherReleaseKeepsThePair() {
        Function f = fn(pairs(module(pair(call(RELEASE, param(1)), false))), "f");
        assertEquals(1, calls(f, RETAIN), print(f));
        assertEquals(2, calls(f, RELEASE), print(f));
    }

    @Test
    void anIndirectCallKeepsThePair() {
        Function f = fn(pairs(module(pair(new Inst.CallIndirect(null, param(1), List.of()), false))), "f");
        assertEquals(1, calls(f, RETAIN), print(f));
    }

    @Test
    void readingACountIsObservable() {
        Value.Temp n = new Value.Temp(100, TirType.U32);
        Function g = pair(new Inst.Call(n, RuntimeAbi.RC_STRONG_COUNT.symbol(), List.of(param(0))), false);
        g = new Function(g.symbol(), g.sourceName(), g.params(), g.result(), false, g.blocks(), 101);
        Function f = fn(pairs(module(g)), "f");
        assertEquals(1, calls(f, RETAIN), "strong_count sees the copy:\n" + print(f));
        Value.Temp u = new Value.Temp(100, TirType.BOOL);
        Function h = pair(new Inst.Call(u, RuntimeAbi.RC_IS_UNIQUE.symbol(), List.of(param(0))), false);
        h = new Function(h.symbol(), h.sourceName(), h.params(), h.result(), false, h.blocks(), 101);
        Function k = fn(pairs(module(h)), "f");
        assertEquals(1, calls(k, RETAIN), "is_unique sees the copy:\n" + print(k));
    }

    @Test
    void somethingThatMayUnwindBetweenKeepsThePair() {
        // A check between them: its cleanup releases the copy, which must still hold a count.
        Inst check = new Inst.IntArith(new Value.Temp(100, I64), Inst.ArithOp.ADD, new Value.Param(1, I64), i64(1), AT);
        Function g = pair(check, true);
        g = new Function(g.symbol(), g.sourceName(), List.of(PTR, I64), g.result(), false, g.blocks(), 101);
        Function f = fn(pairs(module(g)), "f");
        assertEquals(1, calls(f, RETAIN), print(f));
        // Under --panic=abort a panic ends the process: nothing is left to release the copy.
        Function a = fn(pairs(module(g), false), "f");
        assertEquals(0, calls(a, RETAIN), print(a));
    }

    @Test
    void differentValuesDoNotPair() {
        Builder b = new Builder();
        Block b0 = b.block();
        b0.insts.add(call(RETAIN, param(0)));
        b0.insts.add(call(RELEASE, param(1)));
        b0.terminator = new Terminator.Return(null);
        Function f = fn(pairs(module(b.finish("f", List.of(PTR, PTR), TirType.UNIT))), "f");
        assertEquals(1, calls(f, RETAIN), print(f));
        assertEquals(1, calls(f, RELEASE), print(f));
    }

    @Test
    void aReleaseInAnotherBlockStays() {
        Builder b = new Builder();
        Block b0 = b.block(), b1 = b.block();
        b0.insts.add(call(RETAIN, param(0)));
        b0.terminator = new Terminator.Branch(new Value.Param(1, TirType.BOOL), b1.id, b1.id);
        b1.insts.add(call(RELEASE, param(0)));
        b1.terminator = new Terminator.Return(null);
        Function f = fn(run(new RcPairs(), module(b.finish("f", List.of(PTR, TirType.BOOL), TirType.UNIT))), "f");
        assertEquals(1, calls(f, RETAIN), print(f));
    }

    @Test
    void pairsNestInsideEachOther() {
        Builder b = new Builder();
        Block b0 = b.block();
        b0.insts.add(call(RETAIN, param(0)));
        b0.insts.add(call(RETAIN, param(0)));
        b0.insts.add(call(RELEASE, param(0)));
        b0.insts.add(call(RELEASE, param(0)));
        b0.terminator = new Terminator.Return(null);
        Function f = fn(run(new RcPairs(), module(b.finish("f", List.of(PTR), TirType.UNIT))), "f");
        assertEquals(0, calls(f, RETAIN) + calls(f, RELEASE), print(f));
    }

    // ---- rc-region-pairs ----

    /**
     * binary-trees' `check` in TIR: `walk(&self) -> i64 { let mut c = 1; if let Some(l) =
     * self.left { c += l.walk(); } c }` with the field read as a plain pointer. The binding
     * l is a slot stored with the field and retained; the recursive call and the checked
     * addition sit in a block that unwinds to a pad releasing l; l is released after them.
     * {@code extra} goes after that release (something else walk does), {@code beforeInPad}
     * lets an instruction before the retain unwind to the same pad.
     */
    private static Function walk(String symbol, Inst extra, boolean beforeInPad) {
        Builder b = new Builder();
        Block b0 = b.block();
        Value.Temp l = b.slot(PTR, "l"), c = b.slot(I64, "c");
        Block body = b.block(), after = b.block(), pad = b.cleanup(l);
        b0.insts.add(new Inst.Store(c, i64(1)));
        Value.Temp self = b.load(b0, param(0), PTR);
        Value.Temp field = b.temp(PTR);
        b0.insts.add(new Inst.FieldAddr(field, self, OBJECT, 4));
        Value.Temp child = b.load(b0, field, PTR);
        if (beforeInPad) {
            // A checked operation before the copy, unwinding to the pad that releases l.
            b0.unwind = pad.id;
            b0.insts.add(new Inst.IntArith(b.temp(I64), Inst.ArithOp.ADD, new Value.Param(1, I64), i64(1), AT));
        }
        b0.insts.add(new Inst.Store(l, child));
        b0.insts.add(call(RETAIN, b.load(b0, l, PTR)));
        b0.terminator = new Terminator.Jump(body.id);
        body.unwind = pad.id;
        Value.Temp r = b.temp(I64), sum = b.temp(I64);
        body.insts.add(new Inst.Call(r, symbol, List.of(l, new Value.Param(1, I64))));
        body.insts.add(new Inst.IntArith(sum, Inst.ArithOp.ADD, b.load(body, c, I64), r, AT));
        body.insts.add(new Inst.Store(c, sum));
        body.terminator = new Terminator.Jump(after.id);
        after.insts.add(call(RELEASE, b.load(after, l, PTR)));
        if (extra != null) after.insts.add(extra);
        after.terminator = new Terminator.Return(b.load(after, c, I64));
        return b.finish(symbol, List.of(PTR, I64), I64);
    }

    private static TirModule regions(TirModule m, boolean unwinds) {
        return run(new RcRegionPairs(unwinds), m);
    }

    @Test
    void aCopyAroundARecursiveCallThatReleasesNothingGoes() {
        Function f = fn(regions(module(walk("walk", null, false)), true), "walk");
        assertEquals(0, calls(f, RETAIN) + calls(f, RELEASE), "the retain, the release and the pad's release go:\n" + print(f));
    }

    @Test
    void aRecursiveCallThatReleasesSomethingElseKeepsThePair() {
        // walk also gives up its second argument's object: its recursive call may free the
        // object the copy keeps alive.
        Function f = fn(regions(module(walk("walk", call(RELEASE, param(0)), false)), true), "walk");
        assertEquals(1, calls(f, RETAIN), print(f));
        assertEquals(3, calls(f, RELEASE), print(f));
    }

    @Test
    void aCallOfAFunctionThatReleasesKeepsThePair() {
        Function w = walk("walk", null, false);
        // The block of the call calls `releaser` too.
        Block body = w.blocks().get(1);
        body.insts.add(0, call("releaser", param(0)));
        Function f = fn(regions(module(w, releaser()), true), "walk");
        assertEquals(1, calls(f, RETAIN), print(f));
    }

    @Test
    void aPadAlsoReachedFromBeforeTheCopyKeepsThePair() {
        // The pad releases l for a panic before the retain too: it must stay, and the copy with it.
        Function f = fn(regions(module(walk("walk", null, true)), true), "walk");
        assertEquals(1, calls(f, RETAIN), print(f));
        assertEquals(2, calls(f, RELEASE), print(f));
    }

    @Test
    void aCalleeThatMayWriteTheHolderKeepsThePair() {
        // `writer(&mut l)` may put another object in l: the release after it is not of the copy.
        Builder b = new Builder();
        Block b0 = b.block();
        b0.insts.add(new Inst.Store(param(0), new Value.ZeroConst(PTR)));
        b0.terminator = new Terminator.Return(i64(0));
        Function writer = b.finish("writer", List.of(PTR, I64), I64);
        Function w = walk("walk", null, false);
        Block body = w.blocks().get(1);
        Inst.Call recursive = (Inst.Call) body.insts.get(0);
        body.insts.set(0, new Inst.Call(recursive.result(), "writer", recursive.args()));
        Function f = fn(regions(module(w, writer), true), "walk");
        assertEquals(1, calls(f, RETAIN), print(f));
        // The same callee reading only: the holder still holds the copy.
        Function g = fn(regions(module(walk("walk", null, false), reader()), true), "walk");
        assertEquals(0, calls(g, RETAIN), print(g));
    }

    @Test
    void aPathThatKeepsTheCopyKeepsThePair() {
        // The normal way out returns without releasing (the copy was moved out): the pad's
        // release alone cannot be cancelled.
        Function w = walk("walk", null, false);
        w.blocks().get(2).insts.removeIf(RcPairs::isRelease);
        Function f = fn(regions(module(w), true), "walk");
        assertEquals(1, calls(f, RETAIN), print(f));
        assertEquals(1, calls(f, RELEASE), print(f));
    }

    @Test
    void readingACountInTheRegionKeepsThePair() {
        Function w = walk("walk", null, false);
        Block body = w.blocks().get(1);
        body.insts.add(0, new Inst.Call(new Value.Temp(w.tempCount(), TirType.BOOL), RuntimeAbi.RC_IS_UNIQUE.symbol(), List.of(param(0))));
        w = new Function(w.symbol(), w.sourceName(), w.params(), w.result(), false, w.blocks(), w.tempCount() + 1);
        Function f = fn(regions(module(w), true), "walk");
        assertEquals(1, calls(f, RETAIN), print(f));
    }

    @Test
    void aLoopBackToTheRetainKeepsThePair() {
        // b1: l = p0; retain(l); loop to b1 or release in b2. Going round retains again
        // before any release: the copies pile up, and only the last is released.
        Builder b = new Builder();
        Block b0 = b.block(), b1 = b.block(), b2 = b.block();
        Value.Temp l = b.slot(PTR, "l");
        b0.terminator = new Terminator.Jump(b1.id);
        b1.insts.add(new Inst.Store(l, param(0)));
        b1.insts.add(call(RETAIN, b.load(b1, l, PTR)));
        b1.terminator = new Terminator.Branch(new Value.Param(1, TirType.BOOL), b1.id, b2.id);
        b2.insts.add(call(RELEASE, b.load(b2, l, PTR)));
        b2.terminator = new Terminator.Return(null);
        Function f = fn(regions(module(b.finish("f", List.of(PTR, TirType.BOOL), TirType.UNIT)), true), "f");
        assertEquals(1, calls(f, RETAIN), print(f));
        assertEquals(1, calls(f, RELEASE), print(f));
    }

    // ---- rc-reuse ----

    /**
     * `s = Obj { value: s.value + 1, next: null }` with s in a slot: read the field, allocate
     * the new object, fill it, release the old one, store the new one. {@code between} goes
     * after the field stores, before the old value is loaded for its release.
     */
    private static Function replace(Inst between, String drop) {
        Builder b = new Builder();
        Block b0 = b.block();
        Value.Temp s = b.slot(PTR, "s");
        b0.insts.add(new Inst.Store(s, param(0)));
        Value.Temp old = b.load(b0, s, PTR);
        Value.Temp v = b.field(b0, old);
        Value.Temp y = b.temp(PTR);
        b0.insts.add(new Inst.Call(y, RuntimeAbi.RC_ALLOC.symbol(), List.of(new Value.TypeInfo("Obj", drop), i64(24))));
        Value.Temp a = b.temp(PTR);
        b0.insts.add(new Inst.FieldAddr(a, y, OBJECT, 3));
        b0.insts.add(new Inst.Store(a, v));
        if (between != null) b0.insts.add(between);
        b0.insts.add(call(RELEASE, b.load(b0, s, PTR)));
        b0.insts.add(new Inst.Store(s, y));
        b0.insts.add(call(RELEASE, b.load(b0, s, PTR)));
        b0.terminator = new Terminator.Return(v);
        return b.finish("f", List.of(PTR), I64);
    }

    @Test
    void aReleaseAfterAnAllocationIsFusedWithIt() {
        Function f = fn(run(new RcReuse(), module(replace(null, null))), "f");
        assertEquals(1, calls(f, RcReuse.REUSE), print(f));
        assertEquals(0, calls(f, RcReuse.ALLOC), print(f));
        assertEquals(1, calls(f, RELEASE), "the new object's own release stays:\n" + print(f));
        // The old value is loaded before the reuse, from the slot that held it.
        Block b0 = f.blocks().get(0);
        int reuse = 0;
        while (!(b0.insts.get(reuse) instanceof Inst.Call c && c.callee().equals(RcReuse.REUSE))) reuse++;
        assertTrue(b0.insts.get(reuse - 1) instanceof Inst.Load, print(f));
    }

    @Test
    void aCallOrATrapBetweenKeepsTheAllocation() {
        Inst write = new Inst.Call(null, RuntimeAbi.WRITE_I64.symbol(), List.of(new Value.IntConst(TirType.I32, 1), i64(2)));
        Function f = fn(run(new RcReuse(), module(replace(write, null))), "f");
        assertEquals(0, calls(f, RcReuse.REUSE), "the drop would move before the write:\n" + print(f));
        Inst trap = new Inst.IntArith(new Value.Temp(50, I64), Inst.ArithOp.ADD, i64(1), i64(2), AT);
        Function g = replace(trap, null);
        g = new Function(g.symbol(), g.sourceName(), g.params(), g.result(), false, g.blocks(), 51);
        Function h = fn(run(new RcReuse(), module(g)), "f");
        assertEquals(0, calls(h, RcReuse.REUSE), print(h));
    }

    @Test
    void readingTheOldObjectBetweenKeepsTheAllocation() {
        // A load through the old value (its memory may be the new object by then).
        Function f = replace(null, null);
        Block b0 = f.blocks().get(0);
        int at = 0;
        while (!(b0.insts.get(at) instanceof Inst.FieldAddr fa && fa.index() == 3 && b0.insts.get(at - 1) instanceof Inst.Call)) at++;
        Value.Temp old = ((Inst.Load) b0.insts.get(2)).result();
        b0.insts.add(at, new Inst.FieldAddr(new Value.Temp(60, PTR), old, OBJECT, 3));
        f = new Function(f.symbol(), f.sourceName(), f.params(), f.result(), false, f.blocks(), 61);
        Function g = fn(run(new RcReuse(), module(f)), "f");
        assertEquals(0, calls(g, RcReuse.REUSE), print(g));
    }

    @Test
    void aDropThatMayUnwindKeepsTheAllocation() {
        // Obj's drop function releases (which may unwind): running it at the allocation could
        // panic where the program allocates.
        Builder b = new Builder();
        Block b0 = b.block();
        b0.insts.add(call(RELEASE, param(0)));
        b0.terminator = new Terminator.Return(null);
        Function drop = b.finish("obj_drop", List.of(PTR), TirType.UNIT);
        Function f = fn(run(new RcReuse(), module(replace(null, "obj_drop"), drop)), "f");
        assertEquals(0, calls(f, RcReuse.REUSE), print(f));
        // A drop that cannot unwind is fine.
        Builder q = new Builder();
        Block q0 = q.block();
        q0.terminator = new Terminator.Return(null);
        Function quiet = q.finish("obj_drop", List.of(PTR), TirType.UNIT);
        Function g = fn(run(new RcReuse(), module(replace(null, "obj_drop"), quiet)), "f");
        assertEquals(1, calls(g, RcReuse.REUSE), print(g));
    }

    // ---- borrow-params ----

    /**
     * `field_of(n: Node) -> i64 { n.value }` (with {@code checked}, `n.value + 1`, whose
     * block unwinds to a cleanup that releases n): reads a field, then releases n.
     */
    private static Function fieldOf(boolean checked) {
        Builder b = new Builder();
        Block b0 = b.block();
        if (!checked) {
            Value v = b.field(b0, param(0));
            b0.insts.add(call(RELEASE, param(0)));
            b0.terminator = new Terminator.Return(v);
            return b.finish("field_of", List.of(PTR), I64);
        }
        Value.Temp r = b.slot(I64, "r"), exception = b.slot(PTR, "exception");
        Block rest = b.block(), last = b.block(), pad = b.block(), code = b.block();
        b0.terminator = new Terminator.Jump(rest.id);
        rest.unwind = pad.id;
        Value.Temp w = b.temp(I64);
        rest.insts.add(new Inst.IntArith(w, Inst.ArithOp.ADD, b.field(rest, param(0)), i64(1), AT));
        rest.insts.add(new Inst.Store(r, w));
        rest.terminator = new Terminator.Jump(last.id);
        last.insts.add(call(RELEASE, param(0)));
        last.terminator = new Terminator.Return(b.load(last, r, I64));
        pad.insts.add(new Inst.LandingPad(exception, false));
        pad.terminator = new Terminator.Jump(code.id);
        code.insts.add(call(RELEASE, param(0)));
        code.terminator = new Terminator.Resume(b.load(code, exception, PTR));
        return b.finish("field_of", List.of(PTR), I64);
    }

    /** `main`: `let n = ...; field_of(n)` — a copy for the call, n dropped at its end. */
    private static Function caller() {
        Builder b = new Builder();
        Block b0 = b.block();
        Value.Temp n = b.slot(PTR, "n");
        b0.insts.add(new Inst.Store(n, param(0)));
        Value.Temp x = b.load(b0, n, PTR);
        b0.insts.add(call(RETAIN, x));
        Value.Temp r = b.temp(I64);
        b0.insts.add(new Inst.Call(r, "field_of", List.of(x)));
        b0.insts.add(call(RELEASE, b.load(b0, n, PTR)));
        b0.terminator = new Terminator.Return(r);
        return b.finish("caller", List.of(PTR), I64);
    }

    @Test
    void aParameterReleasedLastIsReleasedByTheCaller() {
        TirModule m = run(new BorrowParams(), module(fieldOf(false), caller()));
        Function callee = fn(m, "field_of"), c = fn(m, "caller");
        assertEquals(0, calls(callee, RELEASE), print(callee));
        assertEquals(2, calls(c, RELEASE), "after the call, and n's own:\n" + print(c));
        // The copy for the call now meets the release after it.
        Function paired = fn(pairs(m), "caller");
        assertEquals(0, calls(paired, RETAIN), print(paired));
        assertEquals(1, calls(paired, RELEASE), print(paired));
    }

    @Test
    void aCalleeThatMayUnwindGetsItsReleaseInTheCallersPad() {
        TirModule m = run(new BorrowParams(), module(fieldOf(true), caller()));
        Function callee = fn(m, "field_of"), c = fn(m, "caller");
        assertEquals(0, calls(callee, RELEASE), "the cleanup's release moved too:\n" + print(callee));
        String shown = print(c);
        assertEquals(1, c.blocks().stream().filter(Block::isLandingPad).count(), shown);
        assertEquals(3, calls(c, RELEASE), "after the call, in its pad, and n's own:\n" + shown);
        for (Block b : c.blocks()) {
            for (Inst i : b.insts) if (i instanceof Inst.Call call && call.callee().equals("field_of")) {
                assertEquals(1, b.insts.stream().filter(x -> x instanceof Inst.Call).count(), "the call is alone in its block:\n" + shown);
                assertTrue(b.unwind != Block.NONE, shown);
            }
        }
    }

    @Test
    void aParameterWithSomethingAfterItsReleaseStays() {
        Builder b = new Builder();
        Block b0 = b.block();
        Value v = b.field(b0, param(0));
        b0.insts.add(call(RELEASE, param(0)));
        b0.insts.add(new Inst.Call(null, RuntimeAbi.WRITE_I64.symbol(), List.of(new Value.IntConst(TirType.I32, 1), v)));
        b0.terminator = new Terminator.Return(v);
        TirModule m = run(new BorrowParams(), module(b.finish("field_of", List.of(PTR), I64), caller()));
        assertEquals(1, calls(fn(m, "field_of"), RELEASE));
        assertEquals(1, calls(fn(m, "caller"), RELEASE));
    }

    @Test
    void aFunctionWhoseAddressIsTakenKeepsItsConvention() {
        Builder b = new Builder();
        Block b0 = b.block();
        Value.Temp r = b.temp(I64);
        b0.insts.add(new Inst.CallIndirect(r, new Value.FuncRef("field_of"), List.of(param(0))));
        b0.terminator = new Terminator.Return(r);
        TirModule m = run(new BorrowParams(), module(fieldOf(false), caller(), b.finish("g", List.of(PTR), I64)));
        assertEquals(1, calls(fn(m, "field_of"), RELEASE));
    }

    @Test
    void theStandardPipelineRunsTheRcPasses() {
        TirModule m = Pipeline.standard(true).run(module(fieldOf(true), caller()));
        assertEquals(List.of(), TirVerifier.verify(m));
    }
}

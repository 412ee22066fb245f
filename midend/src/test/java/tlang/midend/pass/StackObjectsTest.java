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
import java.util.function.BiConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link StackObjects} on hand-built TIR in the lowering's shapes: objects that stay in
 * their function (read, passed by `&self`, passed to a callee that only reads or gives it
 * up, allocated in a loop and dropped every round, released by a cleanup pad) move to a
 * slot; objects that escape (stored into another object, returned, kept by a callee, made
 * `Weak`, given to an unknown function, alive across a loop's back edge, or alive when a
 * panic may leave the function) stay on the heap.
 */
class StackObjectsTest {
    private static final TirType PTR = TirType.PTR, I64 = TirType.I64;
    private static final Location AT = new Location("m.t", 3, 9);
    private static final String ALLOC = RuntimeAbi.RC_ALLOC.symbol(), RETAIN = RuntimeAbi.RC_RETAIN.symbol(),
            RELEASE = RuntimeAbi.RC_RELEASE.symbol(), WEAK_RETAIN = RuntimeAbi.RC_WEAK_RETAIN.symbol();
    /** A class object: the header, an i64 field and a reference field. */
    private static final TirType.Struct OBJECT = new TirType.Struct(List.of(TirType.I32, TirType.I32, PTR, I64, PTR));
    private static final Value.TypeInfo POINT = new Value.TypeInfo("Point", null);

    private static final class Builder extends TirBuilder {
        Value.Temp alloc(Block b, Value.TypeInfo type) {
            Value.Temp p = temp(PTR);
            b.insts.add(new Inst.Call(p, ALLOC, List.of(type, new Value.IntConst(I64, 16))));
            return p;
        }

        Value.Temp fieldAddr(Block b, Value object, int index) {
            Value.Temp a = temp(PTR);
            b.insts.add(new Inst.FieldAddr(a, object, OBJECT, index));
            return a;
        }

        /** Field 3 (the i64) of the object. */
        Value.Temp field(Block b, Value object) { return load(b, fieldAddr(b, object, 3), I64); }

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

    private static TirModule module(Function... fs) {
        TirModule m = new TirModule("m", RuntimeAbi.ALL, List.of(fs));
        assertEquals(List.of(), TirVerifier.verify(m), () -> TirPrinter.print(m));
        return m;
    }

    private static Function stack(TirModule m) {
        TirModule out = new Pipeline(List.of(new StackObjects()), true).run(m);
        return out.functions().stream().filter(x -> x.symbol().equals("f")).findFirst().orElseThrow();
    }

    private static int calls(Function f, String callee) {
        int n = 0;
        for (Block b : f.blocks()) for (Inst i : b.insts) if (i instanceof Inst.Call c && c.callee().equals(callee)) n++;
        return n;
    }

    private static String print(Function f) { return TirPrinter.print(new TirModule("m", List.of(), List.of(f))); }

    private static void onStack(Function f) {
        assertEquals(0, calls(f, ALLOC), print(f));
        assertTrue(f.blocks().get(0).insts.stream().anyMatch(i -> i instanceof Inst.Slot s && s.name().startsWith("stack object")), print(f));
    }

    private static void onHeap(Function f) { assertEquals(1, calls(f, ALLOC), print(f)); }

    /**
     * f(p0): let o = Point {..}; {use}(o); o dropped. {@code use} gets the block, the
     * object and the builder, after the object's field was written.
     */
    private static Function straight(BiConsumer<Block, Value.Temp> use, Builder b) {
        Block b0 = b.block();
        Value.Temp o = b.alloc(b0, POINT);
        b0.insts.add(new Inst.Store(b.fieldAddr(b0, o, 3), new Value.IntConst(I64, 7)));
        use.accept(b0, o);
        b0.insts.add(call(RELEASE, o));
        b0.terminator = new Terminator.Return(null);
        return b.finish("f", List.of(PTR), TirType.UNIT);
    }

    // ---- positive ----

    @Test
    void anObjectOnlyReadAndDroppedLivesInTheFrame() {
        Builder b = new Builder();
        Function f = stack(module(straight((blk, o) -> {
            b.field(blk, o);
            blk.insts.add(call(RETAIN, o));          // a copy ...
            blk.insts.add(call(RELEASE, o));         // ... dropped
        }, b)));
        onStack(f);
        assertEquals(2, calls(f, RELEASE), "the releases stay: the runtime still drops it\n" + print(f));
        // the header: strong = TRT_RC_ONE, weak = 1 | TRT_RC_STACK, the type
        String text = print(f);
        assertTrue(text.contains("store %") && text.contains(StackObjects.WEAK_STACK + ":i32"), text);
    }

    @Test
    void aSelfMethodThatReadsTheObjectKeepsItInTheFrame() {
        // reader(&o): the callee gets the address of the slot holding o and only loads from it.
        Builder r = new Builder();
        Block r0 = r.block();
        Value.Temp obj = r.load(r0, param(0), PTR);
        r0.terminator = new Terminator.Return(r.field(r0, obj));
        Function reader = r.finish("reader", List.of(PTR), I64);
        Builder b = new Builder();
        Function f = straight((blk, o) -> {
            Value.Temp s = b.slot(PTR, "o");
            blk.insts.add(new Inst.Store(s, o));
            blk.insts.add(new Inst.Call(b.temp(I64), "reader", List.of(s)));
        }, b);
        onStack(stack(module(f, reader)));
    }

    @Test
    void aCalleeThatGivesTheObjectUpCountsAsTheRelease() {
        // consume(o) releases its parameter: the retain for the call and the callee's release balance.
        Builder c = new Builder();
        Block c0 = c.block();
        c.field(c0, param(0));
        c0.insts.add(call(RELEASE, param(0)));
        c0.terminator = new Terminator.Return(null);
        Function consume = c.finish("consume", List.of(PTR), TirType.UNIT);
        Builder b = new Builder();
        Function f = straight((blk, o) -> {
            blk.insts.add(call(RETAIN, o));
            blk.insts.add(call("consume", o));
        }, b);
        onStack(stack(module(f, consume)));
    }

    /** for .. { let o = Point {..}; o.x; } with the object in a slot, its pad releasing it. */
    private static Function loop(boolean releaseEachRound, boolean pad) {
        Builder b = new Builder();
        Block b0 = b.block();
        Value.Temp s = b.slot(PTR, "o");
        Value.Temp i = b.slot(I64, "i");
        b0.insts.add(new Inst.Store(i, new Value.IntConst(I64, 0)));
        Block head = b.block(), body = b.block(), use = b.block(), done = b.block();
        b0.terminator = new Terminator.Jump(head.id);
        Value.Temp iv = b.load(head, i, I64);
        Value.Temp more = b.temp(TirType.BOOL);
        head.insts.add(new Inst.Compare(more, Inst.CmpOp.LT, iv, new Value.IntConst(I64, 10)));
        head.terminator = new Terminator.Branch(more, body.id, done.id);
        Value.Temp o = b.alloc(body, POINT);
        body.insts.add(new Inst.Store(s, o));
        body.terminator = new Terminator.Jump(use.id);
        if (pad) use.unwind = b.cleanup(s).id;
        Value.Temp x = b.field(use, b.load(use, s, PTR));
        Value.Temp iv2 = b.load(use, i, I64);
        Value.Temp sum = b.temp(I64);
        use.insts.add(new Inst.IntArith(sum, Inst.ArithOp.ADD, iv2, x, AT)); // checked: may unwind
        use.insts.add(new Inst.Store(i, new Value.IntConst(I64, 1)));
        // The end of the round's scope: the lowering drops in a block of its own, without the pad.
        Block end = b.block();
        use.terminator = new Terminator.Jump(end.id);
        if (releaseEachRound) end.insts.add(call(RELEASE, b.load(end, s, PTR)));
        end.terminator = new Terminator.Jump(head.id);
        done.terminator = new Terminator.Return(null);
        return b.finish("f", List.of(PTR), TirType.UNIT);
    }

    @Test
    void anObjectDroppedEveryRoundReusesItsSlot() {
        onStack(stack(module(loop(true, true))));
    }

    // ---- negative ----

    @Test
    void anObjectStillAliveAtTheNextRoundStaysOnTheHeap() {
        onHeap(stack(module(loop(false, true))));
    }

    @Test
    void anObjectAliveWhenAPanicMayLeaveTheFunctionStaysOnTheHeap() {
        // No landing pad: a failing check would leave the frame with the object alive.
        onHeap(stack(module(loop(true, false))));
    }

    @Test
    void underPanicAbortAPanicEndsTheProcessAndTheObjectMayBeAliveThere() {
        Function f = new Pipeline(List.of(new StackObjects(false)), true).run(module(loop(true, false))).functions().get(0);
        onStack(f);
    }

    @Test
    void anObjectStoredIntoAFieldEscapes() {
        Builder b = new Builder();
        onHeap(stack(module(straight((blk, o) -> {
            blk.insts.add(call(RETAIN, o));
            blk.insts.add(new Inst.Store(b.fieldAddr(blk, param(0), 4), o));
        }, b))));
    }

    @Test
    void aReturnedObjectEscapes() {
        Builder b = new Builder();
        Block b0 = b.block();
        Value.Temp o = b.alloc(b0, POINT);
        b0.terminator = new Terminator.Return(o);
        onHeap(stack(module(b.finish("f", List.of(PTR), PTR))));
    }

    @Test
    void aDropInTheSameBlockAsThePadThatReleasesAgainIsRejected() {
        // The release's drop may panic into a pad that releases the object again: the counts disagree.
        Function f = loop(true, true);
        Block use = f.blocks().stream().filter(x -> x.unwind != Block.NONE).findFirst().orElseThrow();
        Block end = f.blocks().get(((Terminator.Jump) use.terminator).target());
        use.insts.addAll(end.insts);
        end.insts.clear();
        onHeap(stack(module(f)));
    }

    @Test
    void aCalleeThatStoresTheObjectCaptures() {
        Builder k = new Builder();
        Block k0 = k.block();
        Value.Temp global = k.temp(PTR);
        k0.insts.add(new Inst.Call(global, RuntimeAbi.ALLOC.symbol(), List.of(new Value.IntConst(TirType.U64, 8))));
        k0.insts.add(new Inst.Store(global, param(0)));
        k0.terminator = new Terminator.Return(null);
        Function keep = k.finish("keep", List.of(PTR), TirType.UNIT);
        Builder b = new Builder();
        Function f = straight((blk, o) -> {
            blk.insts.add(call(RETAIN, o));
            blk.insts.add(call("keep", o));
        }, b);
        onHeap(stack(module(f, keep)));
    }

    @Test
    void aWeakReferenceEscapes() {
        Builder b = new Builder();
        onHeap(stack(module(straight((blk, o) -> blk.insts.add(call(WEAK_RETAIN, o)), b))));
    }

    @Test
    void aSelfMethodThatReplacesTheCallersObjectCaptures() {
        // `*self = other` through the address of the caller's variable: not a read.
        Builder r = new Builder();
        Block r0 = r.block();
        r0.insts.add(new Inst.Store(param(0), param(1)));
        r0.terminator = new Terminator.Return(null);
        Function replace = r.finish("replace", List.of(PTR, PTR), TirType.UNIT);
        Builder b = new Builder();
        Function f = straight((blk, o) -> {
            Value.Temp s = b.slot(PTR, "o");
            blk.insts.add(new Inst.Store(s, o));
            blk.insts.add(call("replace", s, param(0)));
        }, b);
        onHeap(stack(module(f, replace)));
    }

    @Test
    void aDropThatKeepsTheObjectKeepsItOnTheHeap() {
        // The type's drop function hands the object to a callee that stores it.
        Builder d = new Builder();
        Block d0 = d.block();
        d0.insts.add(new Inst.Store(d.fieldAddr(d0, param(0), 4), param(0)));
        d0.terminator = new Terminator.Return(null);
        Function drop = d.finish("drop", List.of(PTR), TirType.UNIT);
        Builder b = new Builder();
        Block b0 = b.block();
        Value.Temp o = b.alloc(b0, new Value.TypeInfo("Noisy", "drop"));
        b0.insts.add(call(RELEASE, o));
        b0.terminator = new Terminator.Return(null);
        onHeap(stack(module(b.finish("f", List.of(PTR), TirType.UNIT), drop)));
    }

    @Test
    void anObjectGivenToAnUnknownFunctionEscapes() {
        Builder b = new Builder();
        onHeap(stack(module(straight((blk, o) -> {
            Value.Temp fnAddr = b.load(blk, param(0), PTR);
            blk.insts.add(new Inst.CallIndirect(null, fnAddr, List.of(o)));
        }, b))));
    }

    @Test
    void pathsThatDisagreeOnTheCountKeepItOnTheHeap() {
        // if c { drop(o) } ; return — one path returns with the object alive.
        Builder b = new Builder();
        Block b0 = b.block(), yes = b.block(), end = b.block();
        Value.Temp s = b.slot(PTR, "o");
        Value.Temp o = b.alloc(b0, POINT);
        b0.insts.add(new Inst.Store(s, o));
        Value.Temp c = b.temp(TirType.BOOL);
        b0.insts.add(new Inst.Compare(c, Inst.CmpOp.EQ, o, param(0)));
        b0.terminator = new Terminator.Branch(c, yes.id, end.id);
        yes.insts.add(call(RELEASE, b.load(yes, s, PTR)));
        yes.terminator = new Terminator.Jump(end.id);
        end.terminator = new Terminator.Return(null);
        onHeap(stack(module(b.finish("f", List.of(PTR), TirType.UNIT))));
    }
}

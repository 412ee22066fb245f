package tlang.midend.pass;

import org.junit.jupiter.api.Test;
import tlang.frontend.Frontend;
import tlang.frontend.check.CheckedProgram;
import tlang.frontend.diag.Diagnostics;
import tlang.frontend.source.SourceFile;
import tlang.midend.lower.AstToTir;
import tlang.midend.tir.Block;
import tlang.midend.tir.Function;
import tlang.midend.tir.Inst;
import tlang.midend.tir.Inst.ArithOp;
import tlang.midend.tir.Inst.CmpOp;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The range-check-elimination pass on hand-built TIR: the checks value ranges prove
 * cannot fail lose their location, and — the side that matters most, since a wrong
 * removal is a silent wrong answer — every check that can fail keeps it. Then the shapes
 * the lowering gives real loops, through the standard pipeline.
 */
class RangeCheckEliminationTest {
    private static final TirType I8 = TirType.I8, U8 = TirType.U8, I32 = TirType.I32, U32 = TirType.U32, I64 = TirType.I64, U64 = TirType.U64;
    private static final Location AT = new Location("m.t", 1, 1);

    static Value.IntConst c(TirType t, long v) { return new Value.IntConst(t, v); }

    /** A function under construction: block 0 is the entry, temps numbered from 0. */
    static final class Fn {
        final List<Block> blocks = new ArrayList<>();
        final List<TirType> params;
        int temps;

        Fn(TirType... params) {
            this.params = List.of(params);
            block();
        }

        Block block() {
            Block b = new Block(blocks.size());
            blocks.add(b);
            return b;
        }

        Value.Param param(int i) { return new Value.Param(i, params.get(i)); }

        Value.Temp temp(TirType t) { return new Value.Temp(temps++, t); }

        Value.Temp slot(TirType t) {
            Value.Temp s = temp(TirType.PTR);
            blocks.get(0).insts.add(0, new Inst.Slot(s, t, "s" + s.id()));
            return s;
        }

        Value.Temp load(Block b, Value.Temp slot, TirType t) {
            Value.Temp r = temp(t);
            b.insts.add(new Inst.Load(r, slot, t));
            return r;
        }

        void store(Block b, Value.Temp slot, Value v) { b.insts.add(new Inst.Store(slot, v)); }

        Value.Temp checked(Block b, ArithOp op, Value l, Value r) { return arith(b, op, l, r, AT); }

        Value.Temp wrapping(Block b, ArithOp op, Value l, Value r) { return arith(b, op, l, r, null); }

        Value.Temp arith(Block b, ArithOp op, Value l, Value r, Location trap) {
            Value.Temp t = temp(l.type());
            b.insts.add(new Inst.IntArith(t, op, l, r, trap));
            return t;
        }

        Value.Temp cmp(Block b, CmpOp op, Value l, Value r) {
            Value.Temp t = temp(TirType.BOOL);
            b.insts.add(new Inst.Compare(t, op, l, r));
            return t;
        }

        Value.Temp cast(Block b, Value v, TirType to) {
            Value.Temp t = temp(to);
            b.insts.add(new Inst.Cast(t, v));
            return t;
        }

        Value.Temp element(Block b, Value.Temp array, long length, Value index) {
            Value.Temp t = temp(TirType.PTR);
            b.insts.add(new Inst.ElementAddr(t, array, new TirType.Array(I64, length), index, AT));
            return t;
        }

        /** Ends {@code b} branching on {@code op l r}, and returns {@code [then, else]}. */
        Block[] branch(Block b, CmpOp op, Value l, Value r) {
            Value.Temp cond = cmp(b, op, l, r);
            Block yes = block(), no = block();
            b.terminator = new Terminator.Branch(cond, yes.id, no.id);
            return new Block[]{yes, no};
        }

        /** Ends every open block with a return; runs the pass (and the verifier). */
        Function eliminate() {
            for (Block b : blocks) if (b.terminator == null) b.terminator = new Terminator.Return(null);
            Function f = new Function("f", "f", params, TirType.UNIT, false, List.copyOf(blocks), temps);
            return eliminate(new TirModule("m", List.of(), List.of(f))).functions().get(0);
        }

        static TirModule eliminate(TirModule m) {
            TirModule out = new Pipeline(List.of(new RangeCheckElimination()), true).run(m);
            assertEquals(List.of(), TirVerifier.verify(out));
            return out;
        }
    }

    /** Whether the instruction defining {@code t} still has its check. */
    static boolean checked(Function f, Value.Temp t) {
        for (Block b : f.blocks()) {
            for (Inst inst : b.insts) {
                if (t.equals(inst.result())) {
                    return switch (inst) {
                        case Inst.IntArith a -> a.trap() != null;
                        case Inst.ElementAddr ea -> ea.check() != null;
                        default -> throw new AssertionError("not a check: " + inst);
                    };
                }
            }
        }
        throw new AssertionError("no %" + t.id());
    }

    static String print(Function f) { return TirPrinter.print(new TirModule("m", List.of(), List.of(f))); }

    /**
     * {@code let mut i = start; while i OP bound { i += step; }}: whether the addition keeps
     * its check after the pass.
     */
    private static boolean counterKeepsCheck(TirType t, long start, CmpOp op, Value bound, long step) {
        Fn fn = new Fn(t);
        Value.Temp i = fn.slot(t);
        Block entry = fn.blocks.get(0), head = fn.block();
        fn.store(entry, i, c(t, start));
        entry.terminator = new Terminator.Jump(head.id);
        Block[] arms = fn.branch(head, op, fn.load(head, i, t), bound instanceof Value.Param ? fn.param(0) : bound);
        Value.Temp sum = fn.checked(arms[0], ArithOp.ADD, fn.load(arms[0], i, t), c(t, step));
        fn.store(arms[0], i, sum);
        arms[0].terminator = new Terminator.Jump(head.id);
        Function f = fn.eliminate();
        return checked(f, sum);
    }

    @Test
    void aCounterBelowABoundCannotOverflow() {
        Value n = new Value.Param(0, I64);
        assertFalse(counterKeepsCheck(I64, 0, CmpOp.LT, n, 1), "i < n, so i + 1 <= n <= MAX");
        assertFalse(counterKeepsCheck(I8, 0, CmpOp.LT, c(I8, 127), 1));
        assertFalse(counterKeepsCheck(U8, 0, CmpOp.NE, c(U8, 255), 1), "i != 255 tops a counter that starts at 0 and climbs by one");
        assertFalse(counterKeepsCheck(I64, 0, CmpOp.LT, c(I64, 1000), 7));
    }

    @Test
    void aCounterThatMayPassItsBoundKeepsItsCheck() {
        Value n = new Value.Param(0, I64);
        assertTrue(counterKeepsCheck(I64, 0, CmpOp.LT, n, 2), "i < n leaves i = MAX - 1, and MAX - 1 + 2 overflows");
        assertTrue(counterKeepsCheck(I64, 0, CmpOp.LE, n, 1), "i <= n leaves i = MAX");
        assertTrue(counterKeepsCheck(I8, 0, CmpOp.LE, c(I8, 127), 1), "i <= 127 always holds");
        assertTrue(counterKeepsCheck(U8, 250, CmpOp.LT, c(U8, 255), 2), "250, 252, 254, 256");
        assertTrue(counterKeepsCheck(U8, 0, CmpOp.NE, c(U8, 255), 2), "an even counter never meets 255");
        assertTrue(counterKeepsCheck(I64, 0, CmpOp.GT, n, 1), "a bound from below says nothing of the top");
    }

    @Test
    void anUnboundedIncrementKeepsItsCheck() {
        Fn fn = new Fn(I64);
        Value.Temp i = fn.slot(I64);
        Block entry = fn.blocks.get(0), body = fn.block();
        fn.store(entry, i, c(I64, 0));
        entry.terminator = new Terminator.Jump(body.id);
        Value.Temp next = fn.checked(body, ArithOp.ADD, fn.load(body, i, I64), c(I64, 1));
        fn.store(body, i, next);
        body.terminator = new Terminator.Jump(body.id);
        Block tail = fn.block();
        Value.Temp p1 = fn.checked(entry, ArithOp.ADD, fn.param(0), c(I64, 1));
        tail.terminator = new Terminator.Return(null);
        Function f = fn.eliminate();
        assertTrue(checked(f, next), "loop { i += 1 } overflows in the end:\n" + print(f));
        assertTrue(checked(f, p1), "a parameter may be MAX");
    }

    @Test
    void unsignedSubtractionNeedsALowerBound() {
        Fn fn = new Fn(U64);
        Block entry = fn.blocks.get(0);
        Value.Temp bare = fn.checked(entry, ArithOp.SUB, fn.param(0), c(U64, 1));
        Block[] arms = fn.branch(entry, CmpOp.GT, fn.param(0), c(U64, 0));
        Value.Temp guarded = fn.checked(arms[0], ArithOp.SUB, fn.param(0), c(U64, 1));
        Value.Temp unguarded = fn.checked(arms[1], ArithOp.SUB, fn.param(0), c(U64, 1));
        Function f = fn.eliminate();
        assertTrue(checked(f, bare), "n - 1 with n = 0");
        assertFalse(checked(f, guarded), "n > 0, so n - 1 >= 0");
        assertTrue(checked(f, unguarded), "the other arm has n = 0");
    }

    @Test
    void aCountdownStopsAtZero() {
        for (CmpOp op : new CmpOp[]{CmpOp.GT, CmpOp.GE}) {
            Fn fn = new Fn(U64);
            Value.Temp i = fn.slot(U64);
            Block entry = fn.blocks.get(0), head = fn.block();
            fn.store(entry, i, fn.param(0));
            entry.terminator = new Terminator.Jump(head.id);
            Block[] arms = fn.branch(head, op, fn.load(head, i, U64), c(U64, 0));
            Value.Temp down = fn.checked(arms[0], ArithOp.SUB, fn.load(arms[0], i, U64), c(U64, 1));
            fn.store(arms[0], i, down);
            arms[0].terminator = new Terminator.Jump(head.id);
            Function f = fn.eliminate();
            assertEquals(op == CmpOp.GE, checked(f, down), op + ":\n" + print(f));
        }
    }

    /** {@code while i OP bound { a[i]; i += 1 }} over an array of {@code length}: whether the index keeps its check. */
    private static boolean indexKeepsCheck(CmpOp op, long bound, long length) {
        Fn fn = new Fn();
        Value.Temp i = fn.slot(I64), a = fn.slot(new TirType.Array(I64, length));
        Block entry = fn.blocks.get(0), head = fn.block();
        fn.store(entry, i, c(I64, 0));
        entry.terminator = new Terminator.Jump(head.id);
        Block[] arms = fn.branch(head, op, fn.load(head, i, I64), c(I64, bound));
        Value.Temp x = fn.load(arms[0], i, I64);
        Value.Temp at = fn.element(arms[0], a, length, x);
        fn.store(arms[0], i, fn.checked(arms[0], ArithOp.ADD, x, c(I64, 1)));
        arms[0].terminator = new Terminator.Jump(head.id);
        return checked(fn.eliminate(), at);
    }

    @Test
    void indicesBelowTheLengthLoseTheirBoundsCheck() {
        assertFalse(indexKeepsCheck(CmpOp.LT, 16, 16));
        assertFalse(indexKeepsCheck(CmpOp.LE, 15, 16));
        assertFalse(indexKeepsCheck(CmpOp.LT, 10, 16));
        assertTrue(indexKeepsCheck(CmpOp.LE, 16, 16), "i = 16 is one past the end");
        assertTrue(indexKeepsCheck(CmpOp.LT, 16, 10));
        assertTrue(indexKeepsCheck(CmpOp.NE, 17, 16), "i runs up to 16");
    }

    @Test
    void aSignedIndexNeedsBothBounds() {
        Fn fn = new Fn(I64);
        Value.Temp a = fn.slot(new TirType.Array(I64, 16));
        Block entry = fn.blocks.get(0);
        Block[] below = fn.branch(entry, CmpOp.LT, fn.param(0), c(I64, 16));
        Value.Temp maybeNegative = fn.element(below[0], a, 16, fn.param(0));
        Block[] both = fn.branch(below[0], CmpOp.GE, fn.param(0), c(I64, 0));
        Value.Temp inside = fn.element(both[0], a, 16, fn.param(0));
        Function f = fn.eliminate();
        assertTrue(checked(f, maybeNegative), "p < 16 allows -1");
        assertFalse(checked(f, inside), "0 <= p < 16");
    }

    @Test
    void aPassedBoundsCheckBoundsTheIndexAfterIt() {
        Fn fn = new Fn(I64);
        Value.Temp a = fn.slot(new TirType.Array(I64, 16)), b = fn.slot(new TirType.Array(I64, 16));
        Block entry = fn.blocks.get(0);
        Value.Temp first = fn.element(entry, a, 16, fn.param(0));
        Value.Temp second = fn.element(entry, b, 16, fn.param(0));
        Value.Temp next = fn.checked(entry, ArithOp.ADD, fn.param(0), c(I64, 1));
        Function f = fn.eliminate();
        assertTrue(checked(f, first));
        assertFalse(checked(f, second), "past a[p], p is in [0, 15]");
        assertFalse(checked(f, next));
    }

    @Test
    void castsFromNarrowerTypesKeepTheirRange() {
        Fn fn = new Fn(U8, U8);
        Block entry = fn.blocks.get(0);
        Value.Temp x = fn.cast(entry, fn.param(0), U32), y = fn.cast(entry, fn.param(1), U32);
        Value.Temp times = fn.checked(entry, ArithOp.MUL, y, c(U32, 3));
        Value.Temp sum = fn.checked(entry, ArithOp.ADD, x, times);
        Value.Temp reinterpreted = fn.cast(entry, fn.param(0), I8);
        Value.Temp wraps = fn.checked(entry, ArithOp.ADD, reinterpreted, c(I8, 1));
        Value.Temp signedByte = fn.cast(entry, reinterpreted, I32);
        Value.Temp negative = fn.checked(entry, ArithOp.SUB, signedByte, c(I32, 1000));
        Function f = fn.eliminate();
        assertFalse(checked(f, times));
        assertFalse(checked(f, sum), "255 + 765 fits a u32");
        assertTrue(checked(f, wraps), "a u8 read as an i8 may be 127");
        assertFalse(checked(f, negative), "an i8 widened to i32 is at least -128");
    }

    @Test
    void aWrappedValueMayBeAnything() {
        Fn fn = new Fn(U8);
        Block entry = fn.blocks.get(0);
        Value.Temp wrapped = fn.wrapping(entry, ArithOp.ADD, fn.param(0), c(U8, 1));
        Value.Temp afterWrap = fn.checked(entry, ArithOp.SUB, wrapped, c(U8, 1));
        Value.Temp plus = fn.checked(entry, ArithOp.ADD, fn.param(0), c(U8, 1));
        Value.Temp afterCheck = fn.checked(entry, ArithOp.SUB, plus, c(U8, 1));
        Function f = fn.eliminate();
        assertTrue(checked(f, plus));
        assertTrue(checked(f, afterWrap), "255 wraps to 0, and 0 - 1 overflows");
        assertFalse(checked(f, afterCheck), "past a checked x + 1, the sum is at least 1");
    }

    @Test
    void multiplicationNearTheTop() {
        for (long bound : new long[]{3037000500L, 3037000501L}) {
            Fn fn = new Fn(I64);
            Block[] nonNegative = fn.branch(fn.blocks.get(0), CmpOp.GE, fn.param(0), c(I64, 0));
            Block[] below = fn.branch(nonNegative[0], CmpOp.LT, fn.param(0), c(I64, bound));
            Value.Temp square = fn.checked(below[0], ArithOp.MUL, fn.param(0), fn.param(0));
            // 3037000499^2 = 9223372030926249001 fits an i64; 3037000500^2 does not.
            assertEquals(bound == 3037000501L, checked(fn.eliminate(), square), "p < " + bound);
        }
        Fn fn = new Fn(I64);
        Block[] below = fn.branch(fn.blocks.get(0), CmpOp.LT, fn.param(0), c(I64, 1000));
        Value.Temp twice = fn.checked(below[0], ArithOp.MUL, fn.param(0), c(I64, 2));
        assertTrue(checked(fn.eliminate(), twice), "p < 1000 may still be very negative");
    }

    @Test
    void divisionsKeepTheirChecksButBoundTheirResults() {
        Fn fn = new Fn(I64, U64, I64);
        Value.Temp a = fn.slot(new TirType.Array(I64, 16));
        Block entry = fn.blocks.get(0);
        Value.Temp half = fn.checked(entry, ArithOp.DIV, fn.param(0), c(I64, 2));
        Value.Temp back = fn.checked(entry, ArithOp.MUL, half, c(I64, 2));
        Value.Temp unsignedRem = fn.checked(entry, ArithOp.REM, fn.param(1), c(U64, 16));
        Value.Temp atUnsigned = fn.element(entry, a, 16, unsignedRem);
        Value.Temp signedRem = fn.checked(entry, ArithOp.REM, fn.param(2), c(I64, 16));
        Value.Temp atSigned = fn.element(entry, a, 16, signedRem);
        Function f = fn.eliminate();
        assertTrue(checked(f, half) && checked(f, unsignedRem) && checked(f, signedRem), "the backend keeps division checks");
        assertFalse(checked(f, back), "(p / 2) * 2 fits");
        assertFalse(checked(f, atUnsigned), "n % 16 is in [0, 15]");
        assertTrue(checked(f, atSigned), "a negative p gives a negative remainder");
    }

    @Test
    void shiftsByLessThanTheWidth() {
        Fn fn = new Fn(U32, U32);
        Block entry = fn.blocks.get(0);
        Value.Temp any = fn.checked(entry, ArithOp.SHL, fn.param(0), fn.param(1));
        Value.Temp constant = fn.checked(entry, ArithOp.SHR, fn.param(0), c(U32, 31));
        Value.Temp tooFar = fn.checked(entry, ArithOp.SHR, fn.param(0), c(U32, 32));
        Block[] small = fn.branch(entry, CmpOp.LT, fn.param(1), c(U32, 32));
        Value.Temp guarded = fn.checked(small[0], ArithOp.SHL, fn.param(0), fn.param(1));
        Function f = fn.eliminate();
        assertTrue(checked(f, any));
        assertFalse(checked(f, constant));
        assertTrue(checked(f, tooFar));
        assertFalse(checked(f, guarded));
    }

    @Test
    void aSlotWhoseAddressEscapesIsNotTracked() {
        Fn fn = new Fn();
        Value.Temp i = fn.slot(I64), j = fn.slot(I64);
        Block entry = fn.blocks.get(0);
        fn.store(entry, i, c(I64, 0));
        fn.store(entry, j, c(I64, 0));
        entry.insts.add(new Inst.Call(null, "g", List.of(i)));
        Value.Temp viaCall = fn.checked(entry, ArithOp.ADD, fn.load(entry, i, I64), c(I64, 1));
        Value.Temp kept = fn.checked(entry, ArithOp.ADD, fn.load(entry, j, I64), c(I64, 1));
        for (Block b : fn.blocks) if (b.terminator == null) b.terminator = new Terminator.Return(null);
        Function f = new Function("f", "f", List.of(), TirType.UNIT, false, List.copyOf(fn.blocks), fn.temps);
        Block gb = new Block(0);
        gb.terminator = new Terminator.Return(null);
        Function g = new Function("g", "g", List.of(TirType.PTR), TirType.UNIT, false, List.of(gb), 0);
        Function out = Fn.eliminate(new TirModule("m", List.of(), List.of(f, g))).functions().get(0);
        assertTrue(checked(out, viaCall), "g may have stored anything in i");
        assertFalse(checked(out, kept), "nothing can change j");
    }

    @Test
    void valuesCarriedThroughOtherSlotsKeepWhatTheBranchSaid() {
        // b0: i = p; t = i; if t < 10 { load i + 1 }: the comparison of the copy bounds both.
        Fn fn = new Fn(I8);
        Value.Temp i = fn.slot(I8), t = fn.slot(I8);
        Block entry = fn.blocks.get(0);
        fn.store(entry, i, fn.param(0));
        Value.Temp x = fn.load(entry, i, I8);
        fn.store(entry, t, x);
        Block[] arms = fn.branch(entry, CmpOp.LT, fn.load(entry, t, I8), c(I8, 10));
        Value.Temp viaI = fn.checked(arms[0], ArithOp.ADD, fn.load(arms[0], i, I8), c(I8, 100));
        Value.Temp viaParam = fn.checked(arms[0], ArithOp.ADD, fn.param(0), c(I8, 117));
        Value.Temp elsewhere = fn.checked(arms[1], ArithOp.ADD, fn.load(arms[1], i, I8), c(I8, 100));
        Function f = fn.eliminate();
        assertFalse(checked(f, viaI), print(f));
        assertFalse(checked(f, viaParam));
        assertTrue(checked(f, elsewhere));
    }

    @Test
    void aStoreAfterTheComparisonEndsItsWord() {
        // if i < 10 { ... } with i overwritten by an unknown value between the comparison and the branch.
        Fn fn = new Fn(I8, I8);
        Value.Temp i = fn.slot(I8);
        Block entry = fn.blocks.get(0);
        fn.store(entry, i, fn.param(0));
        Value.Temp cond = fn.cmp(entry, CmpOp.LT, fn.load(entry, i, I8), c(I8, 10));
        fn.store(entry, i, fn.param(1));
        Block yes = fn.block(), no = fn.block();
        entry.terminator = new Terminator.Branch(cond, yes.id, no.id);
        Value.Temp sum = fn.checked(yes, ArithOp.ADD, fn.load(yes, i, I8), c(I8, 100));
        assertTrue(checked(fn.eliminate(), sum));
    }

    @Test
    void unreachedBlocksAreLeftAlone() {
        Fn fn = new Fn(I64);
        Block orphan = fn.block();
        Value.Temp zero = fn.checked(orphan, ArithOp.ADD, fn.param(0), c(I64, 0));
        assertTrue(checked(fn.eliminate(), zero));
    }

    @Test
    void oddTirIsLeftAloneWithoutExceptions() {
        // Not what the lowering makes, but the pass must not throw on it: an integer type of
        // no known width, a temp used outside its block, a slot written with another type,
        // a branch to a block that does not exist.
        TirType odd = new TirType.Int(0, true);
        Fn fn = new Fn(odd, I64);
        Value.Temp s = fn.slot(I64);
        Block entry = fn.blocks.get(0), next = fn.block();
        Value.Temp x = fn.checked(entry, ArithOp.ADD, fn.param(0), c(odd, 1));
        fn.store(entry, s, c(I32, 1));
        Value.Temp y = fn.checked(entry, ArithOp.SHL, fn.param(1), x);
        entry.terminator = new Terminator.Jump(next.id);
        Value.Temp z = fn.checked(next, ArithOp.ADD, y, fn.load(next, s, I64));
        next.terminator = new Terminator.Return(null);
        Function f = new Function("f", "f", fn.params, TirType.UNIT, false, List.copyOf(fn.blocks), fn.temps);
        Function out = new RangeCheckElimination().run(f);
        assertTrue(checked(out, x) && checked(out, y) && checked(out, z));
        Block broken = new Block(0);
        broken.insts.add(new Inst.IntArith(new Value.Temp(0, I64), ArithOp.ADD, c(I64, 1), c(I64, 1), AT));
        broken.terminator = new Terminator.Jump(7);
        Function g = new Function("g", "g", List.of(), TirType.UNIT, false, List.of(broken), 1);
        assertTrue(checked(new RangeCheckElimination().run(g), new Value.Temp(0, I64)), "a function with a dangling edge is not analysed");
    }

    // ---- real programs, through the standard pipeline

    private static TirModule standard(String text) {
        Diagnostics d = new Diagnostics();
        CheckedProgram p = Frontend.analyze(new SourceFile("m.t", text), "m", d);
        assertNotNull(p, () -> d.all().toString());
        TirModule out = Pipeline.standard(true).run(AstToTir.lower(p));
        assertEquals(List.of(), TirVerifier.verify(out));
        return out;
    }

    private static String fn(TirModule m, String symbol) {
        Function f = m.functions().stream().filter(x -> x.symbol().equals(symbol)).findFirst().orElseThrow();
        return print(f);
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) n++;
        return n;
    }

    @Test
    void loopsOfRealPrograms() {
        TirModule m = standard("""
                fn sum(a: &[i64; 16]) -> i64 {
                    let mut s = 0;
                    let mut i = 0;
                    while i < 16 {
                        s += a[i];
                        i += 1;
                    }
                    for j in 0..=15 { s += a[j]; }
                    s
                }
                fn twice(n: i64) -> i64 {
                    let mut t = 0;
                    for i in 0..n {
                        if i < 1000 { t += i * 2; }
                    }
                    t
                }
                fn bytes(b: &[u8; 8]) -> u32 {
                    let mut s: u32 = 0;
                    for i in 0..8 { s = s * 3 + (b[i] as u32); }
                    s
                }
                fn main() {
                    let a = [1; 16];
                    let b = [7u8; 8];
                    println("{} {} {}", sum(&a), twice(std::env::arg_count()), bytes(&b));
                }
                """);
        String main = fn(m, "_TN1m4mainE");
        assertEquals(0, count(main, "bounds checked"), "a[i] with i < 16, a[j] with j <= 15, b[i] with i < 8:\n" + main);
        assertFalse(main.contains("traps at m.t:6:9"), "i += 1 with i < 16:\n" + main);
        assertFalse(main.contains("traps at m.t:14:28"), "i * 2 with 0 <= i < 1000:\n" + main);
        assertEquals(5, count(main, "traps at"), main);
        assertTrue(main.contains("traps at m.t:5:9") && main.contains("traps at m.t:8:23") && main.contains("traps at m.t:14:23"),
                "the sums of unknown values keep theirs:\n" + main);
        assertEquals(2, count(main, "traps at m.t:20:25"), "s * 3 grows without bound, and so does the sum:\n" + main);
    }

    @Test
    void conditionsJoinedByAndAndOr() {
        TirModule m = standard("""
                fn f(a: &[i64; 16], n: i64) -> i64 {
                    let mut s = 0;
                    let mut i = 0;
                    while i < n && i < 16 {
                        s += a[i];
                        i += 1;
                    }
                    let mut j = 0;
                    while !(j >= 16 || j >= n) {
                        s += a[j];
                        j += 1;
                    }
                    let mut k = n;
                    while k < 16 || k > 100 {
                        s += a[k];
                        k += 1;
                    }
                    s
                }
                fn main() {
                    let a = [1; 16];
                    println("{}", f(&a, std::env::arg_count()));
                }
                """);
        String main = fn(m, "_TN1m4mainE");
        assertFalse(main.contains("bounds checked at m.t:5:14") || main.contains("traps at m.t:6:9"), "i < n && i < 16:\n" + main);
        assertFalse(main.contains("bounds checked at m.t:10:14") || main.contains("traps at m.t:11:9"), "!(j >= 16 || j >= n):\n" + main);
        assertTrue(main.contains("bounds checked at m.t:15:14"), "k < 16 || k > 100 lets k be anything but 16..=100:\n" + main);
        assertFalse(main.contains("traps at m.t:16:9"), "but past a[k], k is at most 15:\n" + main);
    }

    @Test
    void aBoundsCheckLaterInTheBodyBoundsTheCounterOfTheNextRound() {
        // The spectral-norm shape: `n` is unknown, but `out[i]` at the end of each round
        // means the next round's `i` is at most 64, and `v[j]` does the same for `j`; so
        // `(i + j) * (i + j + 1)` fits. Once the first loop nest has run, `n <= 64` too.
        TirModule m = standard("""
                fn f(n: i64, v: &[i64; 64], out: &mut [i64; 64]) {
                    for i in 0..n {
                        let mut s = 0;
                        for j in 0..n {
                            s += (i + j) * (i + j + 1) / 2 + v[j];
                        }
                        out[i] = s;
                    }
                }
                fn main() {
                    let v = [1; 64];
                    let mut out = [0; 64];
                    let mut again = [0; 64];
                    let n = std::env::arg_count();
                    f(n, &v, &mut out);
                    f(n, &out, &mut again);
                    println("{}", again[0]);
                }
                """);
        String main = fn(m, "_TN1m4mainE");
        // Two copies of f: each keeps `s +=` and `+ v[j]` (v's elements are unknown) and the
        // division (the backend's business); the first also keeps v[j] and out[i].
        assertEquals(2, count(main, "traps at m.t:5:13"), main);
        assertEquals(2, count(main, "checked div"), main);
        assertEquals(4, count(main, "traps at m.t:5:19"), "the division and the sum with v[j]:\n" + main);
        assertFalse(main.contains("checked mul") || main.contains("traps at m.t:5:29"), "i + j and i + j + 1 are at most 128 and 129:\n" + main);
        assertEquals(1, count(main, "bounds checked at m.t:5:46"), "the second nest knows n <= 64:\n" + main);
        assertEquals(1, count(main, "bounds checked at m.t:7:9"), main);
    }

    @Test
    void overflowsThatHappenKeepTheirChecks() {
        TirModule m = standard("""
                fn main() {
                    let mut i: u8 = 250;
                    while i < 255 { i += 2; }
                    let mut k: i64 = std::env::arg_count();
                    while k < 9223372036854775807 { k += 1; }
                    let a = [1, 2, 3, 4, 5];
                    let mut s = 0;
                    for j in 0..5 { s += a[j + 1]; }
                    println("{} {} {}", i, k, s);
                }
                """);
        String main = fn(m, "_TN1m4mainE");
        assertTrue(main.contains("traps at m.t:3:21"), "250, 252, 254, 256:\n" + main);
        assertFalse(main.contains("traps at m.t:5:39"), "k < MAX, so k + 1 fits:\n" + main);
        assertTrue(main.contains("bounds checked at m.t:8:26"), "a[5]:\n" + main);
    }
}

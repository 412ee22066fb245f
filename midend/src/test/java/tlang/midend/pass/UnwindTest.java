package tlang.midend.pass;

import org.junit.jupiter.api.Test;
import tlang.frontend.Frontend;
import tlang.frontend.check.CheckedProgram;
import tlang.frontend.diag.Diagnostics;
import tlang.frontend.source.SourceFile;
import tlang.midend.RuntimeAbi;
import tlang.midend.lower.AstToTir;
import tlang.midend.tir.Block;
import tlang.midend.tir.Function;
import tlang.midend.tir.Inst;
import tlang.midend.tir.Location;
import tlang.midend.tir.Terminator;
import tlang.midend.tir.TirModule;
import tlang.midend.tir.TirPrinter;
import tlang.midend.tir.TirType;
import tlang.midend.tir.TirVerifier;
import tlang.midend.tir.Unwinding;
import tlang.midend.tir.Value;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Unwind edges, landing pads and `resume` in TIR: what the verifier accepts, and that every
 * pass keeps them (SimplifyCfg, the inliner, prune-unwind, panic-abort, the standard
 * pipeline). T has no drops yet, so the cleanup pads here are built by hand, as the drops
 * of the memory issue will be lowered.
 */
class UnwindTest {
    private static final TirType I64 = TirType.I64;
    private static final Location AT = new Location("m.t", 3, 7);

    private static Value.IntConst i64(long v) { return new Value.IntConst(I64, v); }

    /** Blocks under construction; temps numbered from 0. */
    private static final class Builder {
        final List<Block> blocks = new ArrayList<>();
        int temps;

        Block block(int unwind) {
            Block b = new Block(blocks.size(), unwind);
            blocks.add(b);
            return b;
        }

        Value.Temp temp(TirType t) { return new Value.Temp(temps++, t); }

        Value.Temp slot(TirType t, String name) {
            Value.Temp s = temp(TirType.PTR);
            blocks.get(0).insts.add(0, new Inst.Slot(s, t, name));
            return s;
        }

        Function finish(String symbol, List<TirType> params, TirType result) {
            return new Function(symbol, symbol, params, result, false, List.copyOf(blocks), temps);
        }
    }

    /** `note(x)`: the stand-in for a drop; writes a number (cannot unwind). */
    private static Inst note(long x) {
        return new Inst.Call(null, RuntimeAbi.WRITE_I64.symbol(), List.of(new Value.IntConst(TirType.I32, 1), i64(x)));
    }

    /** `h(x) = x + 1`, checked: it may panic (overflow), so it may unwind. */
    private static Function h() {
        Builder b = new Builder();
        Block b0 = b.block(Block.NONE);
        Value.Temp r = b.temp(I64);
        b0.insts.add(new Inst.IntArith(r, Inst.ArithOp.ADD, new Value.Param(0, I64), i64(1), AT));
        b0.terminator = new Terminator.Return(r);
        return b.finish("h", List.of(I64), I64);
    }

    /**
     * `g(x)`: calls h(x) with a drop pending, so the call's block unwinds to a cleanup pad
     * that runs the drop (note 7) and resumes.
     */
    private static Function g() {
        Builder b = new Builder();
        Block b0 = b.block(Block.NONE);
        Value.Temp exception = b.slot(TirType.PTR, "exception");
        Block body = b.block(Block.NONE), pad = b.block(Block.NONE), cleanup = b.block(Block.NONE);
        body.unwind = pad.id;
        b0.terminator = new Terminator.Jump(body.id);
        Value.Temp r = b.temp(I64);
        body.insts.add(new Inst.Call(r, "h", List.of(new Value.Param(0, I64))));
        body.insts.add(note(1));
        body.terminator = new Terminator.Return(r);
        pad.insts.add(new Inst.LandingPad(exception, false));
        pad.terminator = new Terminator.Jump(cleanup.id);
        cleanup.insts.add(note(7));
        Value.Temp e = b.temp(TirType.PTR);
        cleanup.insts.add(new Inst.Load(e, exception, TirType.PTR));
        cleanup.terminator = new Terminator.Resume(e);
        return b.finish("g", List.of(I64), I64);
    }

    /** `f()`: catches a panic of g(5): its call's block unwinds to a catching pad. */
    private static Function f() {
        Builder b = new Builder();
        Block b0 = b.block(Block.NONE);
        Value.Temp exception = b.slot(TirType.PTR, "exception");
        Value.Temp panic = b.slot(new TirType.Struct(List.of(TirType.STR, TirType.STR, TirType.U32, TirType.U32)), "panic");
        Block body = b.block(Block.NONE), pad = b.block(Block.NONE), handler = b.block(Block.NONE);
        body.unwind = pad.id;
        b0.terminator = new Terminator.Jump(body.id);
        Value.Temp r = b.temp(I64);
        body.insts.add(new Inst.Call(r, "g", List.of(i64(5))));
        body.terminator = new Terminator.Return(r);
        pad.insts.add(new Inst.LandingPad(exception, true));
        pad.terminator = new Terminator.Jump(handler.id);
        Value.Temp e = b.temp(TirType.PTR);
        handler.insts.add(new Inst.Load(e, exception, TirType.PTR));
        handler.insts.add(new Inst.Call(null, RuntimeAbi.PANIC_CATCH.symbol(), List.of(e, panic)));
        handler.terminator = new Terminator.Return(i64(-1));
        return b.finish("f", List.of(), I64);
    }

    private static TirModule module(Function... fs) {
        TirModule m = new TirModule("m", RuntimeAbi.ALL, List.of(fs));
        assertEquals(List.of(), TirVerifier.verify(m), () -> TirPrinter.print(m));
        return m;
    }

    private static Function fn(TirModule m, String symbol) {
        return m.functions().stream().filter(x -> x.symbol().equals(symbol)).findFirst().orElseThrow();
    }

    private static String print(Function f) {
        return TirPrinter.print(new TirModule("m", List.of(), List.of(f)));
    }

    private static long pads(Function f) {
        return f.blocks().stream().filter(Block::isLandingPad).count();
    }

    // ---- the verifier and the printer ----

    @Test
    void printsUnwindEdgesLandingPadsAndResume() {
        String g = print(g());
        assertTrue(g.contains("b1 (unwind b2):"), g);
        assertTrue(g.contains("landingpad %0, cleanup"), g);
        assertTrue(g.contains("resume %"), g);
        assertTrue(print(f()).contains("landingpad %0, catch"), print(f()));
        assertTrue(TirPrinter.print(module(h())).contains("extern fn trt_panic(ptr, i64, ptr, i64, i32, i32) -> () noreturn unwinds"));
    }

    private static List<String> problems(Function f) {
        return TirVerifier.verify(new TirModule("m", RuntimeAbi.ALL, List.of(f, h())));
    }

    @Test
    void verifierRejectsMalformedUnwinding() {
        Function g = g();
        g.blocks().get(0).unwind = 3; // the cleanup code, not a pad
        assertTrue(problems(g).stream().anyMatch(p -> p.contains("unwinds to b3, which is not a landing pad")), problems(g).toString());

        g = g();
        g.blocks().get(0).terminator = new Terminator.Jump(2);
        assertTrue(problems(g).stream().anyMatch(p -> p.contains("jumps to landing pad b2")), problems(g).toString());

        g = g();
        g.blocks().get(2).insts.add(note(3));
        assertTrue(problems(g).stream().anyMatch(p -> p.contains("landingpad is not the only instruction of b2")), problems(g).toString());

        g = g();
        g.blocks().get(2).unwind = 2;
        assertTrue(problems(g).stream().anyMatch(p -> p.contains("landing pad b2 has an unwind edge")), problems(g).toString());

        g = g();
        g.blocks().get(3).terminator = new Terminator.Resume(i64(0));
        assertTrue(problems(g).stream().anyMatch(p -> p.contains("resume of a non-pointer")), problems(g).toString());
    }

    // ---- the analysis ----

    @Test
    void functionsThatCannotLetAPanicOutAreNounwind() {
        // k calls itself and nothing that panics: nounwind although recursive; f catches
        // everything g lets out; g and h may unwind.
        Builder b = new Builder();
        Block b0 = b.block(Block.NONE);
        b0.insts.add(new Inst.Call(null, "k", List.of()));
        b0.terminator = new Terminator.Return(null);
        Function k = b.finish("k", List.of(), TirType.UNIT);
        TirModule m = module(f(), g(), h(), k);
        Unwinding u = Unwinding.of(m);
        assertEquals(List.of("g", "h"), u.unwindingFunctions(m));
        assertTrue(u.mayUnwind(RuntimeAbi.PANIC.symbol()));
        assertFalse(u.mayUnwind(RuntimeAbi.WRITE.symbol()));
    }

    @Test
    void aRecursiveFunctionWhosePadNothingReachesIsNounwind() {
        // r calls itself with a drop pending (a cleanup pad that releases and resumes), and
        // nothing else: the pad is entered only if the call unwinds, which it cannot — so
        // neither the pad's resume nor the release in it makes r unwind.
        Builder b = new Builder();
        Block b0 = b.block(Block.NONE);
        Value.Temp exception = b.slot(TirType.PTR, "exception");
        Block body = b.block(Block.NONE), pad = b.block(Block.NONE), cleanup = b.block(Block.NONE);
        body.unwind = pad.id;
        b0.terminator = new Terminator.Jump(body.id);
        body.insts.add(new Inst.Call(null, "r", List.of()));
        body.terminator = new Terminator.Return(null);
        pad.insts.add(new Inst.LandingPad(exception, false));
        pad.terminator = new Terminator.Jump(cleanup.id);
        cleanup.insts.add(new Inst.Call(null, RuntimeAbi.RC_RELEASE.symbol(), List.of(new Value.ZeroConst(TirType.PTR))));
        Value.Temp e = b.temp(TirType.PTR);
        cleanup.insts.add(new Inst.Load(e, exception, TirType.PTR));
        cleanup.terminator = new Terminator.Resume(e);
        TirModule m = module(b.finish("r", List.of(), TirType.UNIT), g(), h());
        assertEquals(List.of("g", "h"), Unwinding.of(m).unwindingFunctions(m));
        // With something in the body that may panic, the pad is reached and r unwinds.
        body.insts.add(new Inst.IntArith(b.temp(I64), Inst.ArithOp.ADD, i64(1), i64(2), AT));
        TirModule m2 = module(b.finish("r", List.of(), TirType.UNIT), g(), h());
        assertEquals(List.of("r", "g", "h"), Unwinding.of(m2).unwindingFunctions(m2));
    }

    // ---- the passes ----

    @Test
    void simplifyCfgKeepsPadsThatAreUnwoundToAndNeverMergesAcrossEdges() {
        Function g = new SimplifyCfg().run(g());
        assertEquals(List.of(), TirVerifier.verify(module(g, h())));
        // b0 only jumps: the body cannot merge into it (its call unwinds elsewhere), the
        // pad stays a block of one instruction, the cleanup code a block of its own.
        assertEquals(1, pads(g), print(g));
        Block body = g.blocks().stream().filter(x -> x.unwind != Block.NONE).findFirst().orElseThrow();
        assertTrue(g.blocks().get(body.unwind).isLandingPad(), print(g));
        assertEquals(1, g.blocks().get(body.unwind).insts.size(), print(g));

        // Nothing unwinds to the pad any more: it goes, with its cleanup code.
        Function g2 = g();
        g2.blocks().get(1).unwind = Block.NONE;
        Function tidied = new SimplifyCfg().run(g2);
        assertEquals(0, pads(tidied), print(tidied));
        assertFalse(print(tidied).contains("resume"), print(tidied));
    }

    @Test
    void blocksMergeWhenOnlyOneSideMayUnwind() {
        // b1 (unwind b2) holds only a store: it cannot unwind, so the jump into it from b0
        // (no edge) merges, and the edge is not needed for what b1 held.
        Builder b = new Builder();
        Block b0 = b.block(Block.NONE);
        Value.Temp exception = b.slot(TirType.PTR, "exception");
        Value.Temp x = b.slot(I64, "x");
        Block b1 = b.block(Block.NONE), b2 = b.block(Block.NONE), b3 = b.block(Block.NONE);
        b1.unwind = b2.id;
        b0.terminator = new Terminator.Jump(1);
        b1.insts.add(new Inst.Store(x, i64(1)));
        b1.terminator = new Terminator.Return(null);
        b2.insts.add(new Inst.LandingPad(exception, true));
        b2.terminator = new Terminator.Jump(3);
        b3.terminator = new Terminator.Return(null);
        Function out = new SimplifyCfg().run(b.finish("s", List.of(), TirType.UNIT));
        assertEquals(List.of(), TirVerifier.verify(module(out)));
        assertEquals(Block.NONE, out.blocks().get(0).unwind, print(out));
        assertTrue(out.blocks().get(0).insts.stream().anyMatch(i -> i instanceof Inst.Store), print(out));
    }

    @Test
    void inlinedCodeUnwindsWhereTheCallDidAndResumeContinuesInTheCallersPad() {
        TirModule m = module(f(), g(), h());
        CallSiteInliner inliner = new CallSiteInliner(fn(m, "f"));
        // f's b1 is `%r = call g(5); return %r`.
        assertEquals(-1, inliner.inline(1, 0, fn(m, "g")));
        Function f = inliner.finish();
        TirModule after = new TirModule("m", RuntimeAbi.ALL, List.of(f, g(), h()));
        assertEquals(List.of(), TirVerifier.verify(after), () -> print(f));
        String text = print(f);

        // g's pad came along: two pads now, both catching (g's inherits f's catch, since one
        // frame holds both and the search phase must find the handler in it).
        assertEquals(2, pads(f), text);
        assertTrue(f.blocks().stream().filter(Block::isLandingPad).allMatch(x -> x.landingPad().catches()), text);
        // The call of h is in a block unwinding to g's pad copy; g's entry code and the rest
        // of f's block unwind to f's pad.
        Block callsH = f.blocks().stream().filter(x -> x.insts.stream().anyMatch(i -> i instanceof Inst.Call c && c.callee().equals("h")))
                .findFirst().orElseThrow();
        Block gPad = f.blocks().get(callsH.unwind);
        assertTrue(gPad.isLandingPad() && gPad.id != 2, text);
        // g's resume became: store the exception in f's slot, jump to f's handler.
        assertFalse(text.contains("resume"), text);
        Block cleanup = f.blocks().get(((Terminator.Jump) gPad.terminator).target());
        assertInstanceOf(Inst.Store.class, cleanup.insts.get(cleanup.insts.size() - 1), text);
        assertEquals(3, ((Terminator.Jump) cleanup.terminator).target(), text);
        // The drop code itself is under f's pad (a panic there aborts in the runtime anyway).
        assertEquals(2, cleanup.unwind, text);
    }

    @Test
    void withoutALandingPadAtTheCallAnInlinedResumeStaysAResume() {
        // A caller with no pad: inlining g keeps g's pad (a cleanup) and its resume.
        Builder b = new Builder();
        Block b0 = b.block(Block.NONE);
        Value.Temp r = b.temp(I64);
        b0.insts.add(new Inst.Call(r, "g", List.of(i64(2))));
        b0.terminator = new Terminator.Return(r);
        Function caller = b.finish("c", List.of(), I64);
        CallSiteInliner inliner = new CallSiteInliner(caller);
        inliner.inline(0, 0, g());
        Function out = inliner.finish();
        assertEquals(List.of(), TirVerifier.verify(new TirModule("m", RuntimeAbi.ALL, List.of(out, g(), h()))), () -> print(out));
        assertEquals(1, pads(out), print(out));
        assertFalse(out.blocks().stream().filter(Block::isLandingPad).anyMatch(x -> x.landingPad().catches()), print(out));
        assertTrue(print(out).contains("resume"), print(out));
    }

    @Test
    void theInlinerPassKeepsUnwindingAndItsResultVerifies() {
        TirModule m = new Pipeline(List.of(new Inline()), true).run(module(f(), g(), h()));
        Function f = fn(m, "f");
        assertTrue(pads(f) >= 1, print(f));
        assertTrue(f.blocks().stream().anyMatch(x -> x.unwind != Block.NONE), print(f));
    }

    @Test
    void pruneUnwindDropsEdgesOfBlocksThatCannotUnwind() {
        // g calls a function that cannot panic: its pad is useless.
        Builder b = new Builder();
        Block b0 = b.block(Block.NONE);
        Value.Temp r = b.temp(I64);
        b0.insts.add(new Inst.IntArith(r, Inst.ArithOp.ADD, new Value.Param(0, I64), i64(1), null));
        b0.terminator = new Terminator.Return(r);
        Function safeH = b.finish("h", List.of(I64), I64);
        TirModule m = new Pipeline(List.of(new PruneUnwind(), new SimplifyCfg()), true).run(module(g(), safeH));
        Function g = fn(m, "g");
        assertEquals(0, pads(g), print(g));
        assertTrue(g.blocks().stream().allMatch(x -> x.unwind == Block.NONE), print(g));
        // With the checked h the pad stays.
        TirModule kept = new Pipeline(List.of(new PruneUnwind(), new SimplifyCfg()), true).run(module(g(), h()));
        assertEquals(1, pads(fn(kept, "g")), print(fn(kept, "g")));
    }

    @Test
    void panicAbortRemovesEveryEdgePadAndResume() {
        TirModule m = new Pipeline(List.of(new PanicAbort()), true).run(module(f(), g(), h()));
        for (Function x : m.functions()) {
            assertEquals(0, pads(x), print(x));
            assertTrue(x.blocks().stream().allMatch(blk -> blk.unwind == Block.NONE && !(blk.terminator instanceof Terminator.Resume)), print(x));
        }
        assertFalse(TirPrinter.print(m).contains("call trt_panic_catch("), TirPrinter.print(m));
    }

    // ---- `catch` lowered, through the pipeline ----

    private static TirModule lower(String text) {
        Diagnostics d = new Diagnostics();
        CheckedProgram p = Frontend.analyze(new SourceFile("m.t", text), "m", d);
        assertNotNull(p, () -> d.all().toString());
        TirModule m = AstToTir.lower(p);
        assertEquals(List.of(), TirVerifier.verify(m), () -> TirPrinter.print(m));
        return m;
    }

    private static final String CATCHING = """
            fn risky(x: i64) -> i64 { if x > 3 { panic("too big: {}", x); } x * 2 }
            fn safe(x: i64) -> i64 { x }
            fn main() {
                let n = std::env::arg_count();
                let a = std::panic::catch(|| risky(n));
                let b = std::panic::catch(|| safe(n));
                println("{} {}", a.is_ok(), b.is_ok());
            }
            """;

    @Test
    void catchIsACallInABlockUnwindingToACatchingPad() {
        TirModule m = lower(CATCHING);
        String main = print(fn(m, "_TN1m4mainE"));
        // One catching pad per catch (the others are cleanups: `a` and `b` hold a `Panic`,
        // whose message is a String that must be released while unwinding).
        assertEquals(2, main.split(", catch", -1).length - 1, main);
        assertTrue(main.contains("landingpad %"), main);
        assertTrue(main.contains("call trt_panic_catch("), main);
        assertTrue(main.contains("(unwind b"), main);
    }

    @Test
    void theStandardPipelineKeepsTheCatchThatIsNeededAndDropsTheOtherOne() {
        TirModule m = Pipeline.standard(true).run(lower(CATCHING));
        Function main = fn(m, "_TN1m4mainE");
        // Both closures are inlined; the one that can panic keeps its pad (with the panic
        // call of the inlined `risky` under it), the other's pad is gone.
        assertEquals(1, pads(main), print(main));
        Block pad = main.blocks().stream().filter(Block::isLandingPad).findFirst().orElseThrow();
        assertTrue(main.blocks().stream().anyMatch(x -> x.unwind == pad.id
                && x.insts.stream().anyMatch(i -> i instanceof Inst.Call c && c.callee().equals(RuntimeAbi.PANIC_END.symbol()))), print(main));
        assertFalse(Unwinding.of(m).mayUnwind(main), "main lets nothing out:\n" + print(main));
    }

    @Test
    void panicAbortTurnsCatchIntoAPlainCall() {
        TirModule m = new Pipeline(List.of(new PanicAbort()), true).run(lower(CATCHING));
        Function main = fn(m, "_TN1m4mainE");
        assertEquals(0, pads(main), print(main));
        assertFalse(print(main).contains("trt_panic_catch"), print(main));
    }
}

package tlang.tests;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import tlang.backend.CodeGenerator;
import tlang.backend.OptLevel;
import tlang.backend.Target;
import tlang.backend.tools.LlvmTools;
import tlang.midend.RuntimeAbi;
import tlang.midend.pass.Pipeline;
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
import tlang.toolchain.driver.CacheDirectory;
import tlang.toolchain.driver.Linker;
import tlang.toolchain.driver.RuntimeLibrary;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cleanup landing pads, run for real: T has no drops yet, so these programs are TIR built
 * by hand the way the memory issue will lower drops — a call with a drop pending unwinds
 * to a cleanup pad that runs the drop (here: prints) and resumes. Each program is compiled
 * as is (-O0) and after the standard pipeline (-O2: the inliner merges the frames, so the
 * callees' pads must inherit the catch of the caller's), for both targets, and run through
 * the runtime's unwinder.
 */
class CleanupUnwindTest {
    @TempDir Path work;

    private static final Location AT = new Location("m.t", 3, 7);
    private static final TirType PANIC = new TirType.Struct(List.of(TirType.STR, TirType.STR, TirType.U32, TirType.U32));

    /** A function under construction: blocks, temps, and a few instructions as helpers. */
    private static final class Fn {
        final String symbol;
        final List<TirType> params;
        final TirType result;
        final List<Block> blocks = new ArrayList<>();
        int temps;

        Fn(String symbol, List<TirType> params, TirType result) {
            this.symbol = symbol;
            this.params = params;
            this.result = result;
            block(Block.NONE);
        }

        Block block(int unwind) {
            Block b = new Block(blocks.size(), unwind);
            blocks.add(b);
            return b;
        }

        Value.Temp temp(TirType t) { return new Value.Temp(temps++, t); }

        Value.Temp slot(TirType t) {
            Value.Temp s = temp(TirType.PTR);
            blocks.get(0).insts.add(0, new Inst.Slot(s, t, "slot"));
            return s;
        }

        void print(Block b, String text) {
            Value.StrConst s = new Value.StrConst(text);
            Value.Temp ptr = temp(TirType.PTR);
            b.insts.add(new Inst.StrPart(ptr, s, false));
            b.insts.add(new Inst.Call(null, RuntimeAbi.WRITE.symbol(), List.of(new Value.IntConst(TirType.I32, 1), ptr,
                    new Value.IntConst(TirType.I64, s.utf8().length))));
        }

        Value.Temp load(Block b, Value.Temp slot, TirType t) {
            Value.Temp v = temp(t);
            b.insts.add(new Inst.Load(v, slot, t));
            return v;
        }

        /** A body block unwinding to a new pad whose code runs {@code drop} then resumes. */
        Block withDrop(Block from, String drop) {
            Value.Temp exception = slot(TirType.PTR);
            Block pad = block(Block.NONE), cleanup = block(Block.NONE), body = block(pad.id);
            from.terminator = new Terminator.Jump(body.id);
            pad.insts.add(new Inst.LandingPad(exception, false));
            pad.terminator = new Terminator.Jump(cleanup.id);
            print(cleanup, drop);
            cleanup.terminator = new Terminator.Resume(load(cleanup, exception, TirType.PTR));
            return body;
        }

        Function finish() {
            return new Function(symbol, symbol, params, result, false, List.copyOf(blocks), temps);
        }
    }

    /** `inner(x)`: `x + i64::MAX`, checked: overflows for x = 1. */
    private static Function inner() {
        Fn f = new Fn("inner", List.of(TirType.I64), TirType.I64);
        Value.Temp r = f.temp(TirType.I64);
        f.blocks.get(0).insts.add(new Inst.IntArith(r, Inst.ArithOp.ADD, new Value.Param(0, TirType.I64),
                new Value.IntConst(TirType.I64, Long.MAX_VALUE), AT));
        f.blocks.get(0).terminator = new Terminator.Return(r);
        return f.finish();
    }

    /** `middle(x)`: drops "a" on a normal return from its first scope, then calls inner with "b" pending. */
    private static Function middle(boolean failingDrop) {
        Fn f = new Fn("middle", List.of(TirType.I64), TirType.I64);
        Block b0 = f.blocks.get(0);
        f.print(b0, "middle: scope a ends, drop a\n");
        Block body = f.withDrop(b0, "drop b (middle)\n");
        if (failingDrop) {
            // The drop of b itself panics: a panic while one unwinds.
            Block cleanup = f.blocks.get(f.blocks.get(body.unwind).id + 1);
            Value.StrConst msg = new Value.StrConst("drop failed"), file = new Value.StrConst("m.t");
            Value.Temp mp = f.temp(TirType.PTR), fp = f.temp(TirType.PTR);
            List<Inst> code = new ArrayList<>(List.of(new Inst.StrPart(mp, msg, false), new Inst.StrPart(fp, file, false),
                    new Inst.Call(null, RuntimeAbi.PANIC.symbol(), List.of(mp, new Value.IntConst(TirType.I64, 11), fp,
                            new Value.IntConst(TirType.I64, 3), new Value.IntConst(TirType.I32, 9), new Value.IntConst(TirType.I32, 9)))));
            cleanup.insts.addAll(2, code);
        }
        Value.Temp r = f.temp(TirType.I64);
        body.insts.add(new Inst.Call(r, "inner", List.of(new Value.Param(0, TirType.I64))));
        f.print(body, "not reached (middle)\n");
        body.terminator = new Terminator.Return(r);
        return f.finish();
    }

    /** `outer()`: calls middle(1) with "c" pending. */
    private static Function outer() {
        Fn f = new Fn("outer", List.of(), TirType.I64);
        Block body = f.withDrop(f.blocks.get(0), "drop c (outer)\n");
        Value.Temp r = f.temp(TirType.I64);
        body.insts.add(new Inst.Call(r, "middle", List.of(new Value.IntConst(TirType.I64, 1))));
        body.terminator = new Terminator.Return(r);
        return f.finish();
    }

    /** `catcher()`: calls outer() under a catch and prints what it caught. */
    private static Function catcher() {
        Fn f = new Fn("catcher", List.of(), TirType.UNIT);
        Value.Temp exception = f.slot(TirType.PTR), panic = f.slot(PANIC);
        Block pad = f.block(Block.NONE), handler = f.block(Block.NONE), body = f.block(pad.id);
        f.blocks.get(0).terminator = new Terminator.Jump(body.id);
        body.insts.add(new Inst.Call(f.temp(TirType.I64), "outer", List.of()));
        f.print(body, "no panic\n");
        body.terminator = new Terminator.Return(null);
        pad.insts.add(new Inst.LandingPad(exception, true));
        pad.terminator = new Terminator.Jump(handler.id);
        handler.insts.add(new Inst.Call(null, RuntimeAbi.PANIC_CATCH.symbol(), List.of(f.load(handler, exception, TirType.PTR), panic)));
        f.print(handler, "caught: ");
        Value.Temp p = f.load(handler, panic, PANIC), m = f.temp(TirType.STR), ptr = f.temp(TirType.PTR), len = f.temp(TirType.I64);
        handler.insts.add(new Inst.ExtractField(m, p, 0));
        handler.insts.add(new Inst.StrPart(ptr, m, false));
        handler.insts.add(new Inst.StrPart(len, m, true));
        handler.insts.add(new Inst.Call(null, RuntimeAbi.WRITE.symbol(), List.of(new Value.IntConst(TirType.I32, 1), ptr, len)));
        f.print(handler, "\nafter the catch\n");
        handler.terminator = new Terminator.Return(null);
        return f.finish();
    }

    private static Function entry(String callee) {
        Fn f = new Fn(RuntimeAbi.ENTRY, List.of(), TirType.I32);
        f.blocks.get(0).insts.add(new Inst.Call(callee.equals("outer") ? f.temp(TirType.I64) : null, callee, List.of()));
        f.blocks.get(0).terminator = new Terminator.Return(new Value.IntConst(TirType.I32, 0));
        return f.finish();
    }

    private record Case(String name, TirModule module, String stdout, int status, String stderr) {}

    private static List<Case> cases() {
        return List.of(
                new Case("caught", new TirModule("m", RuntimeAbi.ALL, List.of(entry("catcher"), catcher(), outer(), middle(false), inner())),
                        "middle: scope a ends, drop a\ndrop b (middle)\ndrop c (outer)\ncaught: attempt to add with overflow\nafter the catch\n",
                        0, ""),
                // No catch: the search phase finds no handler, so the report comes first and no drop runs.
                new Case("uncaught", new TirModule("m", RuntimeAbi.ALL, List.of(entry("outer"), outer(), middle(false), inner())),
                        "middle: scope a ends, drop a\n", 101, "panicked at m.t:3:7: attempt to add with overflow\n"),
                // A drop that panics while the first panic unwinds: both messages, abort.
                new Case("panic-in-drop", new TirModule("m", RuntimeAbi.ALL, List.of(entry("catcher"), catcher(), outer(), middle(true), inner())),
                        "middle: scope a ends, drop a\ndrop b (middle)\n", 134,
                        "panicked at m.t:3:7: attempt to add with overflow\npanicked at m.t:9:9: drop failed\n"
                                + "fatal runtime error: panicked while a panic was unwinding, aborting\n"));
    }

    @TestFactory
    List<DynamicTest> cleanupsRunInOrderAcrossFrames() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Target target : Target.values()) {
            for (OptLevel opt : List.of(OptLevel.O0, OptLevel.O2)) {
                for (Case c : cases()) {
                    tests.add(DynamicTest.dynamicTest(target.name + " " + opt + " " + c.name(), () -> check(c, target, opt)));
                }
            }
        }
        return tests;
    }

    private void check(Case c, Target target, OptLevel opt) throws Exception {
        TirModule m = c.module();
        assertEquals(List.of(), TirVerifier.verify(m), () -> TirPrinter.print(c.module()));
        if (opt != OptLevel.O0) {
            m = Pipeline.standard(true).run(m);
            if (c.name().equals("caught")) {
                // The inliner merged the frames into catcher's: the pad the overflow unwinds
                // to was middle's cleanup pad and now catches; its code runs both drops,
                // then the handler (no resume is left).
                Function f = m.functions().stream().filter(x -> x.symbol().equals("catcher")).findFirst().orElseThrow();
                List<Block> pads = f.blocks().stream().filter(Block::isLandingPad).toList();
                String text = TirPrinter.print(m);
                assertTrue(!pads.isEmpty() && pads.stream().allMatch(pad -> pad.landingPad().catches()), text);
                assertTrue(f.blocks().stream().noneMatch(x -> x.terminator instanceof Terminator.Resume), text);
            }
        }
        Path dir = Files.createDirectories(work.resolve(target.name + "-" + opt + "-" + c.name()));
        Path object = dir.resolve("m.o"), exe = dir.resolve("m");
        try (CodeGenerator gen = new CodeGenerator(m, target, opt)) {
            gen.write(CodeGenerator.Output.OBJECT, object);
        }
        LlvmTools tools = LlvmTools.locate(CacheDirectory.root());
        Path runtime = RuntimeLibrary.archive(target, tools, CacheDirectory.root(), System.err);
        Linker.link(tools, target, object, runtime, exe);
        Tcc.requireRunnable(target);
        Tcc.Result run = Tcc.execute(exe, target, List.of(), dir);
        String tir = TirPrinter.print(m);
        assertEquals(c.stdout(), run.out(), () -> "stdout; stderr was:\n" + run.err() + "\nTIR:\n" + tir);
        assertEquals(c.status(), run.exitCode(), () -> "status; stderr was:\n" + run.err());
        assertTrue(run.err().equals(c.stderr()), () -> "stderr:\n" + run.err());
    }
}

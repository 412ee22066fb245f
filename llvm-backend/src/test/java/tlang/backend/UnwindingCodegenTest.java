package tlang.backend;

import org.junit.jupiter.api.Test;
import tlang.frontend.Frontend;
import tlang.frontend.diag.Diagnostics;
import tlang.frontend.source.SourceFile;
import tlang.midend.PanicStrategy;
import tlang.midend.RuntimeAbi;
import tlang.midend.lower.AstToTir;
import tlang.midend.tir.Block;
import tlang.midend.tir.Function;
import tlang.midend.tir.Inst;
import tlang.midend.tir.Location;
import tlang.midend.tir.Terminator;
import tlang.midend.tir.TirModule;
import tlang.midend.tir.TirType;
import tlang.midend.tir.Value;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the backend emits for unwinding: the personality only on functions with landing
 * pads, `invoke` only for calls that may unwind in a block with a landing pad, `nounwind`
 * exactly on functions no panic can leave, cleanup pads and `resume`, and none of it under
 * the abort strategy.
 */
class UnwindingCodegenTest {
    private static TirModule tir(String text) {
        Diagnostics d = new Diagnostics();
        return AstToTir.lower(Frontend.analyze(new SourceFile("m.t", text), "m", d));
    }

    private static String ir(TirModule m, OptLevel opt, PanicStrategy panic) {
        try (CodeGenerator gen = new CodeGenerator(m, Target.X86_64_LINUX, opt, panic)) {
            return gen.irText();
        }
    }

    /** The definition of one function in LLVM IR text (a name with braces given quoted). */
    private static String function(String ir, String symbol) {
        String name = symbol.contains("{") ? "\"" + symbol + "\"" : symbol;
        int start = ir.indexOf("\ndefine ");
        while (start >= 0 && !ir.substring(start, ir.indexOf('\n', start + 1)).contains("@" + name + "(")) {
            start = ir.indexOf("\ndefine ", start + 1);
        }
        assertTrue(start >= 0, () -> "no definition of " + symbol + " in\n" + ir);
        return ir.substring(start + 1, ir.indexOf("\n}\n", start) + 2);
    }

    /** The function attributes of a defined function (its attribute group's text). */
    private static String attributes(String ir, String symbol) {
        String f = function(ir, symbol);
        Matcher m = Pattern.compile("\\) #(\\d+) ").matcher(f.substring(0, f.indexOf('\n')));
        assertTrue(m.find(), f);
        Matcher g = Pattern.compile("attributes #" + m.group(1) + " = \\{([^}]*)}").matcher(ir);
        assertTrue(g.find(), ir);
        return g.group(1);
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) n++;
        return n;
    }

    private static final String CATCHING = """
            fn safe(x: i64) -> i64 { x }
            fn risky(x: i64) -> i64 { if x > 3 { panic("too big: {}", x); } x * 2 }
            fn main() {
                let n = std::env::arg_count();
                let a = std::panic::catch(|| risky(n)).is_ok();
                let b = std::panic::catch(|| safe(n)).is_ok();
                println("{} {}", a, b);
            }
            """;

    @Test
    void catchBecomesAnInvokeWithACatchAllLandingPad() {
        String ir = ir(tir(CATCHING), OptLevel.O0, PanicStrategy.UNWIND);
        String main = function(ir, "_TN1m4mainE");
        assertTrue(main.contains("personality ptr @trt_personality"), main);
        // Two catching pads; at -O0 (no prune-unwind) the temporary `Result` each `.is_ok()`
        // borrows also has a cleanup pad, though nothing after it can unwind.
        assertEquals(2, count(main, "catch ptr null"), main);
        assertEquals(count(main, "landingpad { ptr, i32 }"), 2 + count(main, "\n          cleanup"), main);
        assertEquals(2, count(main, "call void @trt_panic_catch("), main);
        // The closure that may panic is invoked; the one that cannot is called plainly,
        // although its block has a landing pad too.
        assertEquals(1, count(main, "invoke "), main);
        assertTrue(main.contains("invoke i64 @\"_TN1m4main14{closure@5:31}E\""), main);
        assertTrue(main.contains("call i64 @\"_TN1m4main14{closure@6:31}E\""), main);
    }

    @Test
    void nounwindExactlyWhereNoPanicCanEscape() {
        String ir = ir(tir(CATCHING), OptLevel.O0, PanicStrategy.UNWIND);
        assertTrue(attributes(ir, "_TN1m4safeE").contains("nounwind"), ir);
        assertFalse(attributes(ir, "_TN1m5riskyE").contains("nounwind"), ir);
        assertFalse(attributes(ir, "_TN1m4main14{closure@5:31}E").contains("nounwind"), ir);
        assertTrue(attributes(ir, "_TN1m4main14{closure@6:31}E").contains("nounwind"), ir);
        // main catches everything its closures raise and checks nothing itself.
        assertTrue(attributes(ir, "_TN1m4mainE").contains("nounwind"), ir);
        // Every function keeps its unwind table: backtraces walk through nounwind frames.
        assertTrue(attributes(ir, "_TN1m4safeE").contains("uwtable"), ir);
        // Only functions with landing pads name the personality.
        assertEquals(1, count(ir, "personality ptr @trt_personality"), ir);
        // The panic entry points may unwind; the other runtime functions may not.
        assertTrue(ir.contains("declare void @trt_panic_end() #"), ir);
        assertFalse(declaration(ir, "trt_panic_end").contains("nounwind"), ir);
        assertTrue(declaration(ir, "trt_sink_write").contains("nounwind"), ir);
    }

    private static String declaration(String ir, String symbol) {
        Matcher m = Pattern.compile("declare [^\\n]*@" + symbol + "\\([^\\n]*#(\\d+)").matcher(ir);
        assertTrue(m.find(), ir);
        Matcher g = Pattern.compile("attributes #" + m.group(1) + " = \\{([^}]*)}").matcher(ir);
        assertTrue(g.find(), ir);
        return g.group(1);
    }

    @Test
    void aProgramWithoutCatchHasNoLandingPads() {
        String ir = ir(tir("fn f(x: i64) -> i64 { x * 3 }\nfn main() { println(\"{}\", f(std::env::arg_count())); }"),
                OptLevel.O0, PanicStrategy.UNWIND);
        assertFalse(ir.contains("personality"), ir);
        assertFalse(ir.contains("invoke "), ir);
        assertFalse(attributes(ir, "_TN1m1fE").contains("nounwind"), "f's multiplication may panic:\n" + ir);
    }

    @Test
    void theOptimizedCatchKeepsItsPadWhileTheClosureCanPanic() {
        // (LLVM inlines main into t_entry: look at the whole module.)
        String ir = ir(tlang.midend.pass.Pipeline.standard(true).run(tir(CATCHING)), OptLevel.O2, PanicStrategy.UNWIND);
        assertEquals(1, count(ir, "landingpad"), ir);
        assertTrue(ir.contains("invoke void @trt_panic_end()"), ir);
    }

    // ---- a cleanup pad, as drops will be lowered, built by hand ----

    private static final Location AT = new Location("m.t", 2, 9);

    /**
     * `g(x)`: `x + 1` (checked) and a call of `h` run with a drop pending; the drop is a
     * write, then `resume`.
     */
    private static TirModule withCleanup() {
        Block b0 = new Block(0), body = new Block(1, 2), pad = new Block(2), cleanup = new Block(3);
        Value.Temp exception = new Value.Temp(0, TirType.PTR), sum = new Value.Temp(1, TirType.I64), e = new Value.Temp(2, TirType.PTR);
        b0.insts.add(new Inst.Slot(exception, TirType.PTR, "exception"));
        b0.terminator = new Terminator.Jump(1);
        body.insts.add(new Inst.IntArith(sum, Inst.ArithOp.ADD, new Value.Param(0, TirType.I64), new Value.IntConst(TirType.I64, 1), AT));
        body.insts.add(new Inst.Call(null, "h", List.of()));
        body.terminator = new Terminator.Return(sum);
        pad.insts.add(new Inst.LandingPad(exception, false));
        pad.terminator = new Terminator.Jump(3);
        cleanup.insts.add(new Inst.Call(null, RuntimeAbi.WRITE_I64.symbol(), List.of(new Value.IntConst(TirType.I32, 1), new Value.IntConst(TirType.I64, 7))));
        cleanup.insts.add(new Inst.Load(e, exception, TirType.PTR));
        cleanup.terminator = new Terminator.Resume(e);
        Function g = new Function("g", "g", List.of(TirType.I64), TirType.I64, false, List.of(b0, body, pad, cleanup), 3);
        Block h0 = new Block(0);
        h0.terminator = new Terminator.Return(null);
        Function h = new Function("h", "h", List.of(), TirType.UNIT, false, List.of(h0), 0);
        Block e0 = new Block(0);
        Value.Temp r = new Value.Temp(0, TirType.I64);
        e0.insts.add(new Inst.Call(r, "g", List.of(new Value.IntConst(TirType.I64, 1))));
        e0.terminator = new Terminator.Return(new Value.IntConst(TirType.I32, 0));
        Function entry = new Function(RuntimeAbi.ENTRY, "entry", List.of(), TirType.I32, false, List.of(e0), 1);
        return new TirModule("m", RuntimeAbi.ALL, List.of(entry, g, h));
    }

    @Test
    void cleanupPadsRunTheirCodeAndResume() {
        String ir = ir(withCleanup(), OptLevel.O0, PanicStrategy.UNWIND);
        String g = function(ir, "g");
        assertTrue(g.contains("personality ptr @trt_personality"), g);
        assertTrue(g.contains("landingpad { ptr, i32 }\n          cleanup"), g);
        assertTrue(g.contains("resume { ptr, i32 }"), g);
        // The failing check's panic block invokes trt_panic with the pad as unwind label;
        // h cannot unwind, so its call stays a call.
        assertTrue(g.contains("invoke void @trt_panic("), g);
        assertTrue(g.contains("call void @h()"), g);
        assertFalse(attributes(ir, "g").contains("nounwind"), ir);
        assertTrue(attributes(ir, "h").contains("nounwind"), ir);
    }

    // ---- the abort strategy ----

    @Test
    void theAbortStrategyHasNoLandingPadsAndAbortingEntryPoints() {
        for (TirModule m : List.of(tir(CATCHING), withCleanup())) {
            String ir = ir(m, OptLevel.O0, PanicStrategy.ABORT);
            assertFalse(ir.contains("personality"), ir);
            assertFalse(ir.contains("landingpad"), ir);
            assertFalse(ir.contains("invoke "), ir);
            assertFalse(ir.contains("resume"), ir);
            assertFalse(ir.contains("call void @trt_panic_catch("), ir);
            assertFalse(Pattern.compile("@trt_panic(_end|_bounds)?\\(").matcher(ir).find(), ir);
            assertTrue(ir.contains("@trt_panic_abort(") || ir.contains("@trt_panic_end_abort("), ir);
            Matcher defs = Pattern.compile("\\ndefine [^\\n]*#(\\d+)").matcher(ir);
            while (defs.find()) {
                Matcher g = Pattern.compile("attributes #" + defs.group(1) + " = \\{([^}]*)}").matcher(ir);
                assertTrue(g.find() && g.group(1).contains("nounwind"), ir);
            }
        }
    }
}

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
import tlang.midend.tir.TirModule;
import tlang.midend.tir.TirPrinter;
import tlang.midend.tir.TirVerifier;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InlineTest {
    private static TirModule lower(String text) {
        Diagnostics d = new Diagnostics();
        CheckedProgram p = Frontend.analyze(new SourceFile("m.t", text), "m", d);
        assertNotNull(p, () -> d.all().toString());
        TirModule m = AstToTir.lower(p);
        assertEquals(List.of(), TirVerifier.verify(m));
        return m;
    }

    /** Cleans up as the standard pipeline does before inlining, so that costs are realistic. */
    private static TirModule inline(String text, Inline pass) {
        TirModule m = new Pipeline(List.of(new ConstantFold(), new DeadCodeElimination(), new SimplifyCfg()), true).run(lower(text));
        TirModule out = new Pipeline(List.of(pass), true).run(m);
        assertEquals(List.of(), TirVerifier.verify(out), () -> TirPrinter.print(out));
        return out;
    }

    private static TirModule inline(String text) {
        return inline(text, new Inline());
    }

    private static Function fn(TirModule m, String symbol) {
        return m.functions().stream().filter(x -> x.symbol().equals(symbol)).findFirst()
                .orElseThrow(() -> new AssertionError(symbol + " is gone:\n" + TirPrinter.print(m)));
    }

    private static boolean has(TirModule m, String symbol) {
        return m.functions().stream().anyMatch(x -> x.symbol().equals(symbol));
    }

    private static String print(TirModule m, String symbol) {
        return TirPrinter.print(new TirModule(m.name(), List.of(), List.of(fn(m, symbol))));
    }

    private static long calls(Function f, String callee) {
        long n = 0;
        for (Block b : f.blocks()) for (Inst i : b.insts) if (i instanceof Inst.Call c && c.callee().equals(callee)) n++;
        return n;
    }

    private static final String SPECTRAL = """
            fn a(i: i64, j: i64) -> f64 {
                1.0 / (((i + j) * (i + j + 1) / 2 + i + 1) as f64)
            }
            fn row(n: i64, i: i64) -> f64 {
                let mut sum = 0.0;
                for j in 0..n { sum += a(i, j) + a(j, i); }
                println("row {} done", i);
                sum
            }
            fn main() { let n = std::env::arg_count(); println("{} {}", row(n, 3), row(n, 4)); }
            """;

    @Test
    void aSmallCheckedLeafIsInlinedWithItsCheckLocations() {
        TirModule m = inline(SPECTRAL);
        String row = print(m, "_TN1m3rowE");
        assertEquals(0, calls(fn(m, "_TN1m3rowE"), "_TN1m1aE"), row);
        // Both copies keep the checks, each with the location in `a` where it was written.
        assertEquals(2, count(row, "checked mul"), row);
        assertTrue(row.contains("traps at m.t:2:14") && row.contains("traps at m.t:2:24"), row);
        assertFalse(has(m, "_TN1m1aE"), "`a` lost its callers and is dropped");
    }

    @Test
    void theEntryAndMainStay() {
        TirModule m = inline(SPECTRAL);
        assertEquals(1, calls(fn(m, "t_entry"), "_TN1m4mainE"));
        assertTrue(has(m, "_TN1m4mainE"));
    }

    @Test
    void recursiveFunctionsAreNotInlined() {
        TirModule m = inline("""
                fn fact(n: i64) -> i64 { if n < 2 { 1 } else { n * fact(n - 1) } }
                fn even(n: i64) -> bool { if n == 0 { true } else { odd(n - 1) } }
                fn odd(n: i64) -> bool { if n == 0 { false } else { even(n - 1) } }
                fn main() { println("{} {}", fact(5), even(7)); }
                """);
        assertEquals(1, calls(fn(m, "_TN1m4factE"), "_TN1m4factE"));
        assertEquals(1, calls(fn(m, "_TN1m4mainE"), "_TN1m4factE"), "not even into a caller outside the cycle");
        assertEquals(1, calls(fn(m, "_TN1m4evenE"), "_TN1m3oddE"));
        assertEquals(1, calls(fn(m, "_TN1m3oddE"), "_TN1m4evenE"));
        assertEquals(1, calls(fn(m, "_TN1m4mainE"), "_TN1m4evenE"));
    }

    @Test
    void callGraphComponentsAreBottomUp() {
        CallGraph g = new CallGraph(lower("""
                fn leaf(x: i64) -> i64 { x + 1 }
                fn even(n: i64) -> bool { if n == 0 { true } else { odd(leaf(n) - 2) } }
                fn odd(n: i64) -> bool { if n == 0 { false } else { even(n - 1) } }
                fn main() { println("{}", even(4)); }
                """));
        List<String> order = g.bottomUp().stream().map(c -> String.join("+", c.stream().sorted().toList())).toList();
        assertTrue(order.indexOf("_TN1m4leafE") < order.indexOf("_TN1m3oddE+_TN1m4evenE"), order.toString());
        assertTrue(order.indexOf("_TN1m3oddE+_TN1m4evenE") < order.indexOf("_TN1m4mainE"), order.toString());
        assertTrue(order.indexOf("_TN1m4mainE") < order.indexOf("t_entry"), order.toString());
        assertTrue(g.isRecursive("_TN1m4evenE") && g.isRecursive("_TN1m3oddE"));
        assertFalse(g.isRecursive("_TN1m4leafE") || g.isRecursive("_TN1m4mainE"));
    }

    @Test
    void theCallerBudgetIsRespected() {
        Inline stingy = new Inline(new Inline.Limits(40, 30, 10, 300, 0, 3000));
        TirModule m = inline(SPECTRAL, stingy);
        assertEquals(2, calls(fn(m, "_TN1m3rowE"), "_TN1m1aE"), "no room to grow: nothing inlined");
        // Room for one copy of `a` but not two.
        int a = InlineCost.of(fn(m, "_TN1m1aE")) - InlineCost.CALL - 2;
        TirModule one = inline(SPECTRAL, new Inline(new Inline.Limits(40, 30, 10, 300, a, 3000)));
        assertEquals(1, calls(fn(one, "_TN1m3rowE"), "_TN1m1aE"), print(one, "_TN1m3rowE"));
        assertTrue(has(one, "_TN1m1aE"), "still called once");
    }

    @Test
    void bigCalleesStayCallsUnlessCalledOnce() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 40; i++) body.append("    s = s * 3 + x / ").append(i + 1).append(";\n");
        String big = "fn big(x: i64) -> i64 {\n    let mut s = x;\n" + body + "    s\n}\n";
        TirModule twice = inline(big + "fn main() { let n = std::env::arg_count(); println(\"{} {}\", big(n), big(n + 1)); }");
        assertEquals(2, calls(fn(twice, "_TN1m4mainE"), "_TN1m3bigE"));
        TirModule once = inline(big + "fn main() { println(\"{}\", big(std::env::arg_count())); }");
        assertEquals(0, calls(fn(once, "_TN1m4mainE"), "_TN1m3bigE"), "a single call site: inlined and the original dropped");
        assertFalse(has(once, "_TN1m3bigE"));
    }

    @Test
    void multiBlockCalleesSplitTheCallerAndCarryLiveValues() {
        TirModule m = inline("""
                fn clamp(x: i64, lo: i64, hi: i64) -> i64 {
                    if x < lo { return lo; }
                    let mut y = x;
                    while y > hi { y -= hi - lo + 1; }
                    y
                }
                fn use_it(a: i64, b: i64) -> i64 {
                    let t = a * 2;
                    let u = clamp(a + b, t, t + 10) + t;
                    u * b
                }
                fn main() { println("{}", use_it(std::env::arg_count(), 7)); }
                """);
        assertFalse(has(m, "_TN1m5clampE"), TirPrinter.print(m));
        Function f = fn(m, "_TN1m4mainE"); // use_it, called once, went into main too
        assertEquals(0, calls(f, "_TN1m6use_itE"), TirPrinter.print(m));
        assertTrue(f.blocks().size() > 4, TirPrinter.print(m));
    }

    @Test
    void functionsThatNeverReturnStayCalls() {
        TirModule m = inline("""
                fn fail(x: i64) -> ! { panic("bad {}", x) }
                fn check(x: i64) -> i64 { if x > 3 { fail(x); } x }
                fn main() { println("{}", check(std::env::arg_count())); }
                """);
        assertTrue(has(m, "_TN1m4failE"));
        long failCalls = m.functions().stream().mapToLong(f -> calls(f, "_TN1m4failE")).sum();
        assertEquals(1, failCalls);
    }

    @Test
    void theStandardPipelineInlinesAndStaysValid() {
        TirModule out = Pipeline.standard(true).run(lower(SPECTRAL));
        assertEquals(List.of(), TirVerifier.verify(out));
        assertFalse(has(out, "_TN1m1aE"));
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) n++;
        return n;
    }
}

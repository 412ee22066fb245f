package tlang.midend.pass;

import org.junit.jupiter.api.Test;
import tlang.frontend.Frontend;
import tlang.frontend.check.CheckedProgram;
import tlang.frontend.diag.Diagnostics;
import tlang.frontend.source.SourceFile;
import tlang.midend.lower.AstToTir;
import tlang.midend.tir.Function;
import tlang.midend.tir.TirModule;
import tlang.midend.tir.TirPrinter;
import tlang.midend.tir.TirVerifier;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PassesTest {
    private static TirModule lower(String text) {
        Diagnostics d = new Diagnostics();
        CheckedProgram p = Frontend.analyze(new SourceFile("m.t", text), "m", d);
        assertNotNull(p, () -> d.all().toString());
        return AstToTir.lower(p);
    }

    private static String fn(TirModule m, String symbol) {
        Function f = m.functions().stream().filter(x -> x.symbol().equals(symbol)).findFirst().orElseThrow();
        return TirPrinter.print(new TirModule(m.name(), List.of(), List.of(f)));
    }

    private static TirModule run(Pass pass, TirModule m) {
        TirModule out = new Pipeline(List.of(pass), true).run(m);
        assertEquals(List.of(), TirVerifier.verify(out));
        return out;
    }

    @Test
    void foldsConstantArithmeticAndBranches() {
        TirModule m = run(new ConstantFold(), lower("fn f() -> i64 { if 2 * 3 == 6 { 10 - 4 } else { 0 } }\nfn main() { f(); }"));
        String f = fn(m, "_TN1m1fE");
        assertFalse(f.contains("checked mul"), f);
        assertFalse(f.contains("branch"), "the branch on a constant became a jump:\n" + f);
        assertTrue(f.contains("store %") && f.contains("6:i64"), f);
    }

    @Test
    void keepsArithmeticThatWouldTrap() {
        TirModule m = run(new ConstantFold(), lower("fn f() -> u8 { let x: u8 = 200; x + 100 }\nfn main() { f(); }"));
        // `x` is loaded from its slot, so only a literal overflow can be seen here:
        TirModule m2 = run(new ConstantFold(), lower("fn g() -> i8 { 100i8 + 100 }\nfn main() { g(); }"));
        String g = fn(m2, "_TN1m1gE");
        assertTrue(g.contains("checked add 100:i8, 100:i8"), "an overflowing constant add stays, to panic at run time:\n" + g);
        assertNotNull(m);
    }

    @Test
    void foldsWrappingAndUnsignedValuesExactly() {
        assertEquals(new tlang.midend.tir.Value.IntConst(tlang.midend.tir.TirType.U8, 250),
                ConstantFold.fold(new tlang.midend.tir.Inst.IntArith(new tlang.midend.tir.Value.Temp(0, tlang.midend.tir.TirType.U8),
                        tlang.midend.tir.Inst.ArithOp.ADD, new tlang.midend.tir.Value.IntConst(tlang.midend.tir.TirType.U8, 200),
                        new tlang.midend.tir.Value.IntConst(tlang.midend.tir.TirType.U8, 50), null)));
        assertEquals(null, ConstantFold.fold(new tlang.midend.tir.Inst.IntArith(new tlang.midend.tir.Value.Temp(0, tlang.midend.tir.TirType.U8),
                tlang.midend.tir.Inst.ArithOp.ADD, new tlang.midend.tir.Value.IntConst(tlang.midend.tir.TirType.U8, 200),
                new tlang.midend.tir.Value.IntConst(tlang.midend.tir.TirType.U8, 56), new tlang.midend.tir.Location("m.t", 1, 1))));
    }

    @Test
    void constantIndicesInsideTheArrayLoseTheirBoundsCheck() {
        String src = "fn f(i: i64) -> i64 { let a = [1, 2, 3]; a[0] + a[2] + a[i] }\nfn g() -> i64 { let a = [1, 2, 3]; a[3] }\nfn main() { f(1); g(); }";
        TirModule before = lower(src);
        assertEquals(3, count(fn(before, "_TN1m1fE"), "bounds checked"), fn(before, "_TN1m1fE"));
        TirModule m = run(new ConstantFold(), before);
        String f = fn(m, "_TN1m1fE");
        assertEquals(1, count(f, "bounds checked"), "only the variable index keeps its check:\n" + f);
        String g = fn(m, "_TN1m1gE");
        assertEquals(1, count(g, "bounds checked"), "an index past the end keeps its check, to panic at run time:\n" + g);
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) n++;
        return n;
    }

    @Test
    void deadCodeLosesUnusedValuesButKeepsEffects() {
        TirModule m = lower("fn f(a: i64) -> i64 { let unused = a * 2; let also = a == 3; println(\"x\"); a }\nfn main() { f(1); }");
        TirModule out = run(new DeadCodeElimination(), m);
        String f = fn(out, "_TN1m1fE");
        assertFalse(f.contains("cmp eq"), "an unused comparison is dropped:\n" + f);
        assertTrue(f.contains("checked mul"), "a multiplication that may trap is kept:\n" + f);
        assertTrue(f.contains("call trt_sink_write"), "calls are kept:\n" + f);
    }

    @Test
    void simplifyCfgDropsUnreachableBlocksAndRenumbers() {
        TirModule m = lower("fn f(b: bool) -> i64 { if b { return 1; } else { return 2; } }\nfn main() { f(true); }");
        int before = m.functions().get(0).blocks().size();
        TirModule out = run(new SimplifyCfg(), m);
        int after = out.functions().get(0).blocks().size();
        assertTrue(after < before, before + " -> " + after);
    }

    @Test
    void theStandardPipelineKeepsEveryProgramValid() {
        TirModule m = lower("""
                enum E { A(i64), B }
                fn f(e: E, n: u32) -> i64 {
                    let mut t = 0;
                    for i in 0..n { if i % 2 == 0 { continue; } t += i as i64; }
                    match e { E::A(x) if x > 3 => x + t, E::A(_) => 1, E::B => loop { break 7; } }
                }
                fn main() { println("{}", f(E::A(5), 10)); }
                """);
        TirModule out = Pipeline.standard(true).run(m);
        assertEquals(List.of(), TirVerifier.verify(out));
    }
}

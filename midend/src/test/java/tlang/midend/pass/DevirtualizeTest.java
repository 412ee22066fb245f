package tlang.midend.pass;

import org.junit.jupiter.api.Test;
import tlang.frontend.Frontend;
import tlang.frontend.check.CheckedProgram;
import tlang.frontend.diag.Diagnostics;
import tlang.frontend.source.SourceFile;
import tlang.midend.lower.AstToTir;
import tlang.midend.tir.Block;
import tlang.midend.tir.Inst;
import tlang.midend.tir.TirModule;
import tlang.midend.tir.TirPrinter;
import tlang.midend.tir.TirVerifier;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** `dyn` calls become direct calls exactly when one vtable exists for the trait; fn values too once known. */
class DevirtualizeTest {
    private static final String SHAPES = """
            trait Shape { fn area(&self) -> i64; fn sides(&self) -> i64 { 0 } }
            struct Square { s: i64 }
            impl Shape for Square { fn area(&self) -> i64 { self.s * self.s } fn sides(&self) -> i64 { 4 } }
            struct Tri { b: i64, h: i64 }
            impl Shape for Tri { fn area(&self) -> i64 { self.b * self.h / 2 } }
            fn report(s: &dyn Shape) -> i64 { s.area() + s.sides() }
            """;

    private static TirModule lower(String text) {
        Diagnostics d = new Diagnostics();
        CheckedProgram p = Frontend.analyze(new SourceFile("m.t", text), "m", d);
        assertNotNull(p, () -> d.all().toString());
        return AstToTir.lower(p);
    }

    private static long count(TirModule m, Class<? extends Inst> kind) {
        long n = 0;
        for (var f : m.functions()) for (Block b : f.blocks()) for (Inst i : b.insts) if (kind.isInstance(i)) n++;
        return n;
    }

    private static TirModule devirtualize(String text) {
        TirModule out = new Pipeline(List.of(new Devirtualize()), true).run(lower(text));
        assertEquals(List.of(), TirVerifier.verify(out), () -> TirPrinter.print(out));
        return out;
    }

    @Test
    void oneImplementationMeansDirectCalls() {
        TirModule m = devirtualize(SHAPES + "fn main() { let q = Square { s: 3 }; report(&q); }");
        assertEquals(0, count(m, Inst.CallIndirect.class), () -> TirPrinter.print(m));
    }

    @Test
    void twoImplementationsStayIndirect() {
        TirModule m = devirtualize(SHAPES + "fn main() { let q = Square { s: 3 }; let t = Tri { b: 2, h: 5 }; report(&q); report(&t); }");
        assertEquals(2, count(m, Inst.CallIndirect.class), () -> TirPrinter.print(m));
    }

    @Test
    void knownFunctionAddressesBecomeDirectCallsAfterFolding() {
        TirModule m = new Pipeline(List.of(new ConstantFold()), true).run(lower(
                "fn double(x: i64) -> i64 { x * 2 }\nfn main() { let f: fn(i64) -> i64 = double; f(4); }"));
        assertEquals(0, count(m, Inst.CallIndirect.class), () -> TirPrinter.print(m));
    }
}

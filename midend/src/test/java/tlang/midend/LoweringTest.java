package tlang.midend;

import org.junit.jupiter.api.Test;
import tlang.frontend.Frontend;
import tlang.frontend.check.CheckedProgram;
import tlang.frontend.diag.Diagnostics;
import tlang.frontend.source.SourceFile;
import tlang.midend.lower.AstToTir;
import tlang.midend.tir.TirModule;
import tlang.midend.tir.TirPrinter;
import tlang.midend.tir.TirVerifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoweringTest {
    static TirModule lower(String text) {
        Diagnostics d = new Diagnostics();
        CheckedProgram p = Frontend.analyze(new SourceFile("m.t", text), "m", d);
        assertNotNull(p, () -> d.all().toString());
        TirModule m = AstToTir.lower(p);
        assertEquals(java.util.List.of(), TirVerifier.verify(m), () -> TirPrinter.print(m));
        return m;
    }

    @Test
    void arithmeticIsCheckedWithItsLocation() {
        String tir = TirPrinter.print(lower("fn main() {\n    let a = 1;\n    let b = a * 2;\n}\n"));
        assertTrue(tir.contains("checked mul") && tir.contains("traps at m.t:3:13"), tir);
    }

    @Test
    void everyControlFlowFormVerifies() {
        lower("""
                fn f(mut n: i64, b: bool) -> i64 {
                    let mut acc = 0;
                    while n > 0 && !b || n == 100 {
                        if n % 2 == 0 { n /= 2; continue; } else if n == 3 { break; }
                        n = n - 1;
                        acc += n;
                    }
                    let x = loop { if acc > 5 { break acc; } acc += 1; };
                    if x > 1000 { return -x; }
                    x
                }
                fn g() -> ! { std::process::exit(3) }
                fn main() {
                    println("{} {}", f(10, false), std::env::arg(0));
                    if std::env::arg_count() > 5 { g(); }
                    panic("bad {}", f(1, true));
                }
                """);
    }

    @Test
    void codeAfterReturnEmitsNothing() {
        TirModule m = lower("fn f() -> i64 { return 1; 2 + 3 }\nfn main() { f(); }");
        String tir = TirPrinter.print(m);
        assertTrue(!tir.contains("checked add"), tir);
    }

    @Test
    void theEntryCallsMainAndReturnsZero() {
        String tir = TirPrinter.print(lower("fn main() { }"));
        assertTrue(tir.contains("fn t_entry \"<program entry>\"() -> i32 {\nb0:\n    call _TN1m4mainE()\n    return 0:i32"), tir);
    }
}

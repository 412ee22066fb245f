package tlang.midend.lower;

import org.junit.jupiter.api.Test;
import tlang.midend.Mangler;
import tlang.midend.tir.Block;
import tlang.midend.tir.Function;
import tlang.midend.tir.Inst;
import tlang.midend.tir.TirType;
import tlang.midend.tir.Value;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tlang.midend.lower.MonomorphizerTest.function;
import static tlang.midend.lower.MonomorphizerTest.lower;
import static tlang.midend.lower.MonomorphizerTest.params;

/** What {@link ClosureConversion} makes of closures: their values' layout, their bodies' signatures and names. */
class ClosureConversionTest {
    static List<Monomorphizer.Instance> closures(AstToTir.Lowered l) {
        return l.instances().instances().stream().filter(in -> in.closure() != null).toList();
    }

    static List<Inst> insts(Function f) {
        return f.blocks().stream().flatMap((Block b) -> b.insts.stream()).toList();
    }

    @Test
    void aClosureCapturingTwoLocalsIsAStructOfTheirTypesInFirstUseOrder() {
        AstToTir.Lowered l = lower("""
                fn main() {
                    let a: i64 = 1;
                    let b = true;
                    let c = |x: i32| if b { a } else { x as i64 };
                    println("{}", c(4));
                }
                """);
        List<Monomorphizer.Instance> cs = closures(l);
        assertEquals(1, cs.size());
        Monomorphizer.Instance c = cs.get(0);
        // `b` is used first, then `a`.
        assertEquals("{bool, i64}", ClosureConversion.layout(c.closure()).spelling());
        // The body takes the captures first, then its parameter.
        assertEquals(List.of("bool", "i64", "i32"), params(function(l, c.symbol())));
        assertEquals("m::main::{closure@4:13}", Mangler.demangle(c.symbol()));
        // main builds the value, then calls the body directly with its fields and the argument.
        Function main = function(l, Mangler.function("m", "main"));
        assertTrue(insts(main).stream().anyMatch(i -> i instanceof Inst.MakeStruct ms
                && ms.result().type().spelling().equals("{bool, i64}")));
        Inst.Call call = insts(main).stream().filter(i -> i instanceof Inst.Call k && k.callee().equals(c.symbol()))
                .map(i -> (Inst.Call) i).findFirst().orElseThrow();
        assertEquals(3, call.args().size());
        assertTrue(call.args().get(0) instanceof Value.Temp && call.args().get(1) instanceof Value.Temp);
        assertEquals(new Value.IntConst(TirType.I32, 4), call.args().get(2));
    }

    @Test
    void unitTypedCapturesAndParametersAreNotPassed() {
        AstToTir.Lowered l = lower("""
                fn main() {
                    let u = ();
                    let n: i64 = 5;
                    let c = |p: (), k: i64| { let _v = u; let _q = p; n + k };
                    println("{}", c((), 2));
                }
                """);
        Monomorphizer.Instance c = closures(l).get(0);
        // The value keeps a place for the unit capture (an empty struct)...
        assertEquals("{{}, i64}", ClosureConversion.layout(c.closure()).spelling());
        // ...but the body takes neither it nor the unit parameter.
        assertEquals(List.of("i64", "i64"), params(function(l, c.symbol())));
    }

    @Test
    void aCaptureFreeClosureUsedAsAFnValueIsAPlainFunction() {
        AstToTir.Lowered l = lower("""
                fn apply(f: fn(i64) -> i64, x: i64) -> i64 { f(x) }
                fn main() { println("{}", apply(|x| x + 1, 2)); }
                """);
        Monomorphizer.Instance c = closures(l).get(0);
        assertEquals("{}", ClosureConversion.layout(c.closure()).spelling());
        assertEquals(List.of("i64"), params(function(l, c.symbol())));
        // main passes the body's address; no closure value is built.
        Function main = function(l, Mangler.function("m", "main"));
        Inst.Call call = insts(main).stream().filter(i -> i instanceof Inst.Call k && k.callee().equals(Mangler.function("m", "apply")))
                .map(i -> (Inst.Call) i).findFirst().orElseThrow();
        assertEquals(new Value.FuncRef(c.symbol()), call.args().get(0));
        assertTrue(insts(main).stream().noneMatch(i -> i instanceof Inst.MakeStruct));
    }

    @Test
    void aClosureInAGenericFunctionIsInstantiatedPerInstance() {
        AstToTir.Lowered l = lower("""
                fn make<T>(x: T) -> T {
                    let f = || x;
                    f()
                }
                fn main() { println("{} {}", make(1), make(false)); }
                """);
        List<String> names = closures(l).stream().map(in -> Mangler.demangle(in.symbol())).toList();
        assertEquals(List.of("m::make<i64>::{closure@2:13}", "m::make<bool>::{closure@2:13}"), names);
        Monomorphizer.Instance atInt = closures(l).get(0), atBool = closures(l).get(1);
        assertNotEquals(atInt.symbol(), atBool.symbol());
        assertEquals(List.of("i64"), params(function(l, atInt.symbol())));
        assertEquals(List.of("bool"), params(function(l, atBool.symbol())));
        // The closure's symbol nests in its enclosing instance's.
        assertTrue(atInt.symbol().startsWith(Mangler.function("m", "make<i64>").replaceAll("E$", "")), atInt.symbol());
    }

    @Test
    void aClosureCalledTwiceHasOneBody() {
        AstToTir.Lowered l = lower("""
                fn main() {
                    let k: i64 = 3;
                    let add = |x: i64| x + k;
                    println("{} {}", add(1), add(2));
                }
                """);
        assertEquals(1, closures(l).size());
        String symbol = closures(l).get(0).symbol();
        assertEquals(1, l.module().functions().stream().filter(f -> f.symbol().equals(symbol)).count());
        long calls = insts(function(l, Mangler.function("m", "main"))).stream()
                .filter(i -> i instanceof Inst.Call k && k.callee().equals(symbol)).count();
        assertEquals(2, calls);
    }
}

package tlang.midend.lower;

import org.junit.jupiter.api.Test;
import tlang.midend.tir.Function;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which enums get the pointer niche ({@link EnumLayout}): seen in the TIR types of parameters. */
class EnumLayoutTest {
    private static final String PROGRAM = """
            class Node { next: Option<Node> }
            enum List { Cons(Node), Nil }
            enum Two { A(Node, Node), B }
            enum Three { A(Node), B, C }
            enum Unit { A(Node), B(()) }
            struct Holder { n: Node }
            fn take(a: Option<Node>, b: Option<Option<Node>>, c: Option<i64>, d: List, e: Two, f: Three,
                    g: Unit, h: Option<Weak<Node>>, i: Option<Holder>, j: Result<Node, ()>) {}
            fn wrap<T>(x: T) -> Option<T> { Some(x) }
            fn main() {
                let n = Node { next: None };
                take(None, None, None, List::Nil, Two::B, Three::B, Unit::B(()), None, None, Ok(n));
                let w = wrap(Node { next: None });
                let k = wrap(3);
            }
            """;

    private static Function named(AstToTir.Lowered l, String demangled) {
        String symbol = MonomorphizerTest.instance(l, demangled).symbol();
        return MonomorphizerTest.function(l, symbol);
    }

    @Test
    void twoVariantEnumsAroundOneClassReferenceAreThePointer() {
        AstToTir.Lowered l = MonomorphizerTest.lower(PROGRAM);
        List<String> params = MonomorphizerTest.params(named(l, "m::take"));
        assertEquals(List.of(
                "ptr",                   // Option<Node>: null is None
                "{u8, {u64}}",           // Option<Option<Node>>: the inner one (a pointer) may be null
                "{u8, {u64}}",           // Option<i64>
                "ptr",                   // a user enum, the fieldless variant second
                "{u8, {u64, u64}}",      // two fields
                "{u8, {u64}}",           // three variants
                "{u8, {u64}}",           // the other variant has a (unit) field
                "{u8, {u64}}",           // Weak::new() is null
                "{u8, {u64}}",           // a struct holding a class: not a pointer itself
                "{u8, {u64}}"),          // Err(()) has a field
                params);
    }

    @Test
    void aGenericEnumGetsTheNicheWhenInstantiatedWithAClass() {
        AstToTir.Lowered l = MonomorphizerTest.lower(PROGRAM);
        assertEquals("ptr", named(l, "m::wrap<Node>").result().spelling());
        assertEquals("{u8, {u64}}", named(l, "m::wrap<i64>").result().spelling());
    }
}

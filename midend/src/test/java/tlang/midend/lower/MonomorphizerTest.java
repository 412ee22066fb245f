package tlang.midend.lower;

import org.junit.jupiter.api.Test;
import tlang.frontend.Frontend;
import tlang.frontend.check.CheckedProgram;
import tlang.frontend.diag.Diagnostics;
import tlang.frontend.source.SourceFile;
import tlang.midend.Mangler;
import tlang.midend.tir.Function;
import tlang.midend.tir.TirPrinter;
import tlang.midend.tir.TirType;
import tlang.midend.tir.TirVerifier;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which instances {@link Monomorphizer} makes for a program, named how, and what they run. */
class MonomorphizerTest {
    static AstToTir.Lowered lower(String text) {
        Diagnostics d = new Diagnostics();
        CheckedProgram p = Frontend.analyze(new SourceFile("m.t", text), "m", d);
        assertNotNull(p, () -> d.all().toString());
        AstToTir.Lowered l = AstToTir.lowerKeepingInstances(p);
        assertEquals(List.of(), TirVerifier.verify(l.module()), () -> TirPrinter.print(l.module()));
        return l;
    }

    /** The demangled names of the instances of functions named {@code name} (closures left out), in order. */
    static List<String> instancesOf(AstToTir.Lowered l, String name) {
        return l.instances().instances().stream()
                .filter(in -> in.closure() == null && in.f().name().equals(name))
                .map(in -> Mangler.demangle(in.symbol())).toList();
    }

    static Monomorphizer.Instance instance(AstToTir.Lowered l, String demangled) {
        return l.instances().instances().stream()
                .filter(in -> Mangler.demangle(in.symbol()).equals(demangled)).findFirst()
                .orElseThrow(() -> new AssertionError("no instance " + demangled + " in " + names(l)));
    }

    static List<String> names(AstToTir.Lowered l) {
        return l.instances().instances().stream().map(in -> Mangler.demangle(in.symbol())).toList();
    }

    static Function function(AstToTir.Lowered l, String symbol) {
        return l.module().functions().stream().filter(f -> f.symbol().equals(symbol)).findFirst()
                .orElseThrow(() -> new AssertionError("no function " + symbol));
    }

    static List<String> params(Function f) {
        return f.params().stream().map(TirType::spelling).toList();
    }

    @Test
    void aGenericFunctionUsedAtTwoTypesHasTwoInstances() {
        AstToTir.Lowered l = lower("""
                fn id<T>(x: T) -> T { x }
                fn main() {
                    let a = id(1);
                    let b = id(2.5);
                    let c = id(3);
                    println("{} {} {}", a, b, c);
                }
                """);
        assertEquals(List.of("m::id<i64>", "m::id<f64>"), instancesOf(l, "id"));
        Monomorphizer.Instance atInt = instance(l, "m::id<i64>");
        assertEquals(Mangler.function("m", "id<i64>"), atInt.symbol());
        assertEquals("i64", atInt.args().get(0).display());
        // Each instance is a function of the module, with its own layout.
        assertEquals(List.of("i64"), params(function(l, atInt.symbol())));
        assertEquals(List.of("f64"), params(function(l, instance(l, "m::id<f64>").symbol())));
    }

    @Test
    void anUnusedGenericFunctionHasNoInstance() {
        AstToTir.Lowered l = lower("""
                fn unused<T>(x: T) -> T { x }
                fn helper() -> i64 { 7 }
                fn main() { println("hi"); }
                """);
        assertEquals(List.of(), instancesOf(l, "unused"));
        assertTrue(l.module().functions().stream().noneMatch(f -> f.sourceName().contains("unused")));
        // The program's own plain functions are all lowered, called or not (LLVM checks each).
        assertEquals(List.of("m::helper"), instancesOf(l, "helper"));
    }

    @Test
    void aTraitMethodCallResolvesToTheImplsInstanceAndADefaultToTheTraitsBody() {
        AstToTir.Lowered l = lower("""
                trait Shape {
                    fn area(&self) -> i64;
                    fn twice(&self) -> i64 { self.area() * 2 }
                }
                struct Sq { s: i64 }
                struct Unused { s: i64 }
                impl Shape for Sq { fn area(&self) -> i64 { self.s * self.s } }
                impl Shape for Unused { fn area(&self) -> i64 { self.s } }
                fn main() {
                    let q = Sq { s: 3 };
                    println("{} {}", q.area(), q.twice());
                }
                """);
        // `q.area()` runs the impl's method: the impl's function, not the trait's declaration.
        Monomorphizer.Instance area = instance(l, "m::Sq::Shape::area");
        assertNotNull(area.f().impl());
        assertNull(area.f().trait());
        // `q.twice()` runs the trait's default body, instantiated with Self = Sq.
        Monomorphizer.Instance twice = instance(l, "m::Sq::Shape::twice");
        assertNotNull(twice.f().trait());
        assertEquals(List.of("Sq"), twice.args().stream().map(t -> t.display()).toList());
        // Asking again gives the same symbol and no new instance.
        int before = l.instances().instances().size();
        assertEquals(twice.symbol(), l.instances().callTarget(twice.f(), twice.args()));
        assertEquals(before, l.instances().instances().size());
        // An impl's own methods are plain functions of the program, lowered called or not; a
        // default body is instantiated only for the types something calls it on.
        assertEquals(List.of("m::main", "m::Sq::Shape::area", "m::Unused::Shape::area", "m::Sq::Shape::twice"), names(l));
    }

    @Test
    void aTraitMethodCalledThroughATypeParameterResolvesPerInstance() {
        AstToTir.Lowered l = lower("""
                trait Shape {
                    fn area(&self) -> i64;
                    fn twice(&self) -> i64 { self.area() * 2 }
                }
                struct Sq { s: i64 }
                struct Line { n: i64 }
                impl Shape for Sq { fn area(&self) -> i64 { self.s * self.s } }
                impl Shape for Line {
                    fn area(&self) -> i64 { 0 }
                    fn twice(&self) -> i64 { self.n }
                }
                fn total<S: Shape>(s: &S) -> i64 { s.area() + s.twice() }
                fn main() {
                    println("{} {}", total(&Sq { s: 2 }), total(&Line { n: 5 }));
                }
                """);
        assertEquals(List.of("m::total<Sq>", "m::total<Line>"), instancesOf(l, "total"));
        assertEquals(List.of("m::Sq::Shape::area", "m::Line::Shape::area"), instancesOf(l, "area"));
        // Sq has the default `twice`, Line its own: both are named after the trait's method.
        Monomorphizer.Instance sqTwice = instance(l, "m::Sq::Shape::twice");
        Monomorphizer.Instance lineTwice = instance(l, "m::Line::Shape::twice");
        assertNotNull(sqTwice.f().trait());
        assertNotNull(lineTwice.f().impl());
    }

    @Test
    void aGenericFunctionCallingAnotherWithItsOwnParameterInstantiatesBoth() {
        AstToTir.Lowered l = lower("""
                fn pair<U>(u: U) -> (U, U) { (u, u) }
                fn outer<T>(t: T) -> (T, T) { pair(t) }
                fn main() {
                    let a = outer(1);
                    let b = outer(true);
                    println("{} {}", a.0, b.1);
                }
                """);
        // First asked, first lowered: main asks for both outers, and each outer for its pair.
        assertEquals(List.of("m::main", "m::outer<i64>", "m::outer<bool>", "m::pair<i64>", "m::pair<bool>"), names(l));
        // The module's functions come in that order too (after the entry).
        List<String> lowered = l.module().functions().stream().map(Function::symbol)
                .filter(s -> !s.equals("t_entry")).toList();
        assertEquals(l.instances().instances().stream().map(Monomorphizer.Instance::symbol).toList(), lowered.subList(0, 5));
        assertEquals("{bool, bool}", function(l, instance(l, "m::pair<bool>").symbol()).result().spelling());
        assertTrue(!l.instances().hasPending());
    }

    @Test
    void aGenericMethodOfAGenericTypeCarriesBothArgumentLists() {
        AstToTir.Lowered l = lower("""
                struct Wrap<T> { v: T }
                impl<T> Wrap<T> { fn get<U>(&self, u: U) -> (T, U) { (self.v, u) } }
                fn main() {
                    let w = Wrap { v: 1 };
                    let p = w.get(true);
                    println("{} {}", p.0, p.1);
                }
                """);
        // The impl's argument goes into the owner's name, the method's own after its name.
        Monomorphizer.Instance get = instance(l, "m::Wrap<i64>::get<bool>");
        assertEquals(List.of("i64", "bool"), get.args().stream().map(t -> t.display()).toList());
        assertEquals(List.of("ptr", "bool"), params(function(l, get.symbol())));
    }

    @Test
    void concreteSubstitutesTheCurrentInstancesArguments() {
        AstToTir.Lowered l = lower("""
                fn first<A, B>(a: A, b: B) -> A { a }
                fn main() { println("{}", first(2.5, true)); }
                """);
        Monomorphizer mono = l.instances();
        Monomorphizer.Instance in = instance(l, "m::first<f64, bool>");
        mono.enter(in);
        assertEquals("f64", mono.concrete(in.f().result()).display());
        assertEquals(List.of("f64", "bool"), in.f().params().stream().map(t -> mono.concrete(t).display()).toList());
    }
}

package tlang.midend.lower;

import org.junit.jupiter.api.Test;
import tlang.frontend.Frontend;
import tlang.frontend.check.CheckedProgram;
import tlang.frontend.diag.Diagnostics;
import tlang.frontend.source.SourceFile;
import tlang.midend.lower.MatchCompiler.Binding;
import tlang.midend.lower.MatchCompiler.Ctor;
import tlang.midend.lower.MatchCompiler.Leaf;
import tlang.midend.lower.MatchCompiler.Lit;
import tlang.midend.lower.MatchCompiler.Node;
import tlang.midend.lower.MatchCompiler.Occ;
import tlang.midend.lower.MatchCompiler.Pat;
import tlang.midend.lower.MatchCompiler.Range;
import tlang.midend.lower.MatchCompiler.Shape;
import tlang.midend.lower.MatchCompiler.Switch;
import tlang.midend.tir.Function;
import tlang.midend.tir.Terminator;
import tlang.midend.tir.TirModule;
import tlang.midend.tir.TirPrinter;
import tlang.midend.tir.TirVerifier;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The decision trees {@link MatchCompiler} builds, and what they save in the lowered code. */
class MatchCompilerTest {
    private static final Pat W = MatchCompiler.WILD;

    /** Variant {@code i} of an enum with {@code n} variants, with these fields. */
    private static Pat v(int i, int n, Pat... fields) {
        return new Ctor(new Shape(i, n, fields.length, null), List.of(fields));
    }

    private static Pat tuple(Pat... elements) {
        return new Ctor(Shape.product(elements.length, null), List.of(elements));
    }

    private static Pat lit(long n) { return new Lit(BigInteger.valueOf(n)); }

    private static Pat range(long lo, long hi) { return new Range(BigInteger.valueOf(lo), BigInteger.valueOf(hi), true); }

    private static Pat or(Pat... alternatives) { return new MatchCompiler.Or(List.of(alternatives)); }

    private static Pat bind(String name, Pat sub) { return new MatchCompiler.Bind(name, sub); }

    private static Node compile(boolean[] guarded, Pat... arms) {
        Node n = MatchCompiler.compile(List.of(arms), guarded, MatchCompiler.limit(List.of(arms)));
        assertNotNull(n);
        onePathTestsOnce(n, new HashSet<>());
        return n;
    }

    private static Node compile(Pat... arms) { return compile(new boolean[arms.length], arms); }

    /** No path tests an enum's tag twice, or the same literal or range on the same sub-value twice. */
    private static void onePathTestsOnce(Node n, Set<Object> tested) {
        switch (n) {
            case Switch s -> {
                assertTrue(tested.add(s.occ()), () -> "tag of " + s.occ() + " tested twice on one path");
                for (MatchCompiler.Case c : s.cases()) onePathTestsOnce(c.then(), new HashSet<>(tested));
                if (s.otherwise() != null) onePathTestsOnce(s.otherwise(), new HashSet<>(tested));
            }
            case MatchCompiler.Test t -> {
                assertTrue(tested.add(List.of(t.occ(), t.test())), () -> t.test() + " at " + t.occ() + " tested twice on one path");
                onePathTestsOnce(t.yes(), new HashSet<>(tested));
                onePathTestsOnce(t.no(), new HashSet<>(tested));
            }
            case Leaf l -> { if (l.otherwise() != null) onePathTestsOnce(l.otherwise(), tested); }
            case MatchCompiler.Fail f -> {}
        }
    }

    private static Occ field(int i) { return new Occ(Occ.ROOT, Shape.product(2, null), i); }

    @Test
    void aTwoColumnMatchTestsTheFirstTagOncePerPath() {
        // match (a, b) { (A, X) => 0, (A, Y) => 1, (B, _) => 2 }   with enum {A, B} and enum {X, Y}
        Node n = compile(tuple(v(0, 2), v(0, 2)), tuple(v(0, 2), v(1, 2)), tuple(v(1, 2), W));
        Switch top = assertInstanceOf(Switch.class, n);
        assertEquals(field(0), top.occ());
        assertEquals(2, top.cases().size());
        assertNull(top.otherwise(), "A and B are all the variants: no default");
        Switch second = assertInstanceOf(Switch.class, top.cases().get(0).then());
        assertEquals(field(1), second.occ());
        assertEquals(List.of(0, 1), second.cases().stream().map(c -> ((Leaf) c.then()).arm()).toList());
        assertEquals(2, ((Leaf) top.cases().get(1).then()).arm());
        assertEquals(5, MatchCompiler.nodes(n));
    }

    @Test
    void aDefaultCaseTakesTheRowsThatAcceptAnyVariant() {
        // enum of 3 variants: match e { V0(1) => 0, V1(_) => 1, _ => 2 }
        Node n = compile(v(0, 3, lit(1)), v(1, 3, W), W);
        Switch s = assertInstanceOf(Switch.class, n);
        assertEquals(2, s.cases().size());
        MatchCompiler.Test t = assertInstanceOf(MatchCompiler.Test.class, s.cases().get(0).then());
        assertEquals(new Occ(Occ.ROOT, new Shape(0, 3, 1, null), 0), t.occ());
        assertEquals(2, ((Leaf) t.no()).arm(), "V0 with another number falls to the wildcard");
        assertEquals(2, ((Leaf) s.otherwise()).arm());
    }

    @Test
    void failingGuardsFallThroughToTheRemainingArms() {
        // match (a, b) { (A, _) if g0 => 0, (_, X) if g1 => 1, (A, X) => 2, _ => 3 }
        boolean[] guarded = {true, true, false, false};
        Node n = compile(guarded, tuple(v(0, 2), W), tuple(W, v(0, 2)), tuple(v(0, 2), v(0, 2)), W);
        Switch s = assertInstanceOf(Switch.class, n);
        Leaf first = assertInstanceOf(Leaf.class, s.cases().get(0).then());
        assertEquals(0, first.arm());
        // On A, the guard's failure goes on to the rows left for A: (_, X), (A, X), _ — a's tag is known.
        Switch b = assertInstanceOf(Switch.class, first.otherwise());
        assertEquals(field(1), b.occ());
        Leaf second = (Leaf) b.cases().get(0).then();
        assertEquals(1, second.arm());
        assertEquals(2, ((Leaf) second.otherwise()).arm(), "after g1 fails on (A, X), arm 2 matches without a test");
        assertEquals(3, ((Leaf) b.otherwise()).arm());
    }

    @Test
    void orPatternsTryTheirAlternativesInOrderWithTheirOwnBindings() {
        // match p { (x, 1) | (1, x) if g => 0, _ => 1 }
        Node n = compile(new boolean[] {true, false}, or(tuple(bind("x", W), lit(1)), tuple(lit(1), bind("x", W))), W);
        MatchCompiler.Test t = assertInstanceOf(MatchCompiler.Test.class, n);
        assertEquals(field(1), t.occ());
        Leaf viaFirst = assertInstanceOf(Leaf.class, t.yes());
        assertEquals(List.of(new Binding("x", field(0))), viaFirst.bindings());
        // When the guard fails there, the second alternative is tried: p.0 == 1, x = p.1.
        MatchCompiler.Test again = assertInstanceOf(MatchCompiler.Test.class, viaFirst.otherwise());
        assertEquals(field(0), again.occ());
        assertEquals(List.of(new Binding("x", field(1))), ((Leaf) again.yes()).bindings());
    }

    @Test
    void overlappingRangesGoToTheFirstArmThatHasTheValue() {
        // match n { 0..=10 => 0, 5 => 1, 5..=15 => 2, 20 => 3, _ => 4 }
        Node n = compile(range(0, 10), lit(5), range(5, 15), lit(20), W);
        MatchCompiler.Test t = assertInstanceOf(MatchCompiler.Test.class, n);
        assertEquals(0, ((Leaf) t.yes()).arm());
        // Outside 0..=10, `5` cannot match: the next test is 5..=15, then 20.
        MatchCompiler.Test next = assertInstanceOf(MatchCompiler.Test.class, t.no());
        assertEquals(range(5, 15), next.test());
        assertEquals(2, ((Leaf) next.yes()).arm());
        MatchCompiler.Test last = assertInstanceOf(MatchCompiler.Test.class, next.no());
        assertEquals(lit(20), last.test());
    }

    @Test
    void aBoolNeedsOneTest() {
        Node n = compile(new Lit(true), new Lit(false));
        MatchCompiler.Test t = assertInstanceOf(MatchCompiler.Test.class, n);
        assertEquals(0, ((Leaf) t.yes()).arm());
        assertEquals(1, ((Leaf) t.no()).arm());
    }

    @Test
    void stringsAreDistinctValues() {
        // match (s, n) { ("a", 1) => 0, ("b", _) => 1, ("a", _) => 2, _ => 3 }
        Node n = compile(tuple(new Lit("a"), lit(1)), tuple(new Lit("b"), W), tuple(new Lit("a"), W), W);
        MatchCompiler.Test t = assertInstanceOf(MatchCompiler.Test.class, n);
        MatchCompiler.Test onA = assertInstanceOf(MatchCompiler.Test.class, t.yes());
        assertEquals(field(1), onA.occ(), "once s is \"a\", \"b\" is out and only n is left to test");
        assertEquals(2, ((Leaf) onA.no()).arm());
    }

    /** Arm i tests column i and has a guard: each failing guard copies the later arms' tests on both sides of every test. */
    private static List<Pat> exponential(int columns) {
        List<Pat> arms = new ArrayList<>();
        for (int i = 0; i < columns; i++) {
            Pat[] cells = new Pat[columns];
            Arrays.fill(cells, W);
            cells[i] = lit(1);
            arms.add(tuple(cells));
        }
        arms.add(W);
        return arms;
    }

    @Test
    void treesOverTheSizeBoundAreRefused() {
        List<Pat> small = exponential(4), big = exponential(9);
        boolean[] g4 = new boolean[5], g9 = new boolean[10];
        Arrays.fill(g4, true);
        Arrays.fill(g9, true);
        assertNotNull(MatchCompiler.compile(small, g4, MatchCompiler.limit(small)));
        assertNull(MatchCompiler.compile(big, g9, MatchCompiler.limit(big)));
        Node unbounded = MatchCompiler.compile(big, g9, Integer.MAX_VALUE);
        assertTrue(MatchCompiler.nodes(unbounded) > 1000, "the tree doubles per column: " + MatchCompiler.nodes(unbounded));
        // Without guards the same arms make a small tree.
        assertNotNull(MatchCompiler.compile(big, new boolean[10], MatchCompiler.limit(big)));
    }

    // ---- the effect on lowered code ---------------------------------------------------

    private static final String REFERENCE = """
            enum Hand { Rock, Paper, Scissors }
            enum Light { Red, Green }
            fn score(a: Hand, b: Light) -> i64 {
                match (a, b) {
                    (Hand::Rock, Light::Red) => 1,
                    (Hand::Rock, Light::Green) => 2,
                    (Hand::Paper, _) => 3,
                    (Hand::Scissors, Light::Red) => 4,
                    (Hand::Scissors, Light::Green) => 5,
                }
            }
            fn main() { println("{}", score(Hand::Scissors, Light::Green)); }
            """;

    private static int branches(String source, String function, boolean trees, boolean armTrees) {
        boolean t = AstToTir.matchTrees, a = AstToTir.armTrees;
        AstToTir.matchTrees = trees;
        AstToTir.armTrees = armTrees;
        try {
            Diagnostics d = new Diagnostics();
            CheckedProgram p = Frontend.analyze(new SourceFile("m.t", source), "m", d);
            assertNotNull(p, () -> d.all().toString());
            TirModule m = AstToTir.lower(p);
            assertEquals(List.of(), TirVerifier.verify(m), () -> TirPrinter.print(m));
            Function f = m.functions().stream().filter(x -> x.sourceName().equals(function)).findFirst().orElseThrow();
            return (int) f.blocks().stream().filter(b -> b.terminator instanceof Terminator.Branch).count();
        } finally {
            AstToTir.matchTrees = t;
            AstToTir.armTrees = a;
        }
    }

    @Test
    void theReferenceMatchBranchesLess() {
        // Arm by arm: 2 + 2 + 1 + 2 + 2 tests. As a tree: a's tag (Rock? Paper? else Scissors),
        // then b's once under Rock and once under Scissors.
        assertEquals(9, branches(REFERENCE, "m::score", false, false));
        assertEquals(9, branches(REFERENCE, "m::score", false, true));
        assertEquals(4, branches(REFERENCE, "m::score", true, true));
    }

    @Test
    void guardsAndBindingsLowerToVerifiedCode() {
        String src = """
                enum E { A(i64), B(i64, i64), C }
                fn f(e: E, k: i64) -> i64 {
                    match e {
                        E::A(x) | E::B(x, 1) if x > k => x,
                        E::B(a, b) if a == b => a,
                        E::A(_) | E::B(..) => 0,
                        E::C => -1,
                    }
                }
                fn main() { println("{}", f(E::B(3, 1), 2)); }
                """;
        assertTrue(branches(src, "m::f", true, true) < branches(src, "m::f", false, false));
    }

    @Test
    void aMatchOverTheBoundIsLoweredArmByArm() {
        StringBuilder src = new StringBuilder("fn f(v: (i32, i32, i32, i32, i32, i32, i32, i32, i32), k: i32) -> i32 {\n    match v {\n");
        for (int i = 0; i < 9; i++) {
            src.append("        (");
            for (int j = 0; j < 9; j++) src.append(j == i ? "1" : "_").append(j < 8 ? ", " : "");
            src.append(") if k > ").append(i).append(" => ").append(i).append(",\n");
        }
        src.append("        _ => -1,\n    }\n}\nfn main() { println(\"{}\", f((0, 0, 0, 0, 0, 0, 0, 0, 1), 9)); }\n");
        // The tree is refused: the code is the same as with trees turned off.
        assertEquals(branches(src.toString(), "m::f", false, true), branches(src.toString(), "m::f", true, true));
        assertEquals(9 + 9, branches(src.toString(), "m::f", true, true), "one test and one guard per arm");
    }
}

package tlang.frontend;

import org.junit.jupiter.api.Test;
import tlang.frontend.check.CheckedProgram;
import tlang.frontend.diag.Diagnostic;
import tlang.frontend.diag.Diagnostics;
import tlang.frontend.source.SourceFile;
import tlang.frontend.types.Type;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class TypeCheckerTest {
    private static List<String> errors(String text) {
        Diagnostics d = new Diagnostics();
        Frontend.analyze(new SourceFile("t.t", text), "t", d);
        return d.all().stream().map(Diagnostic::message).toList();
    }

    @Test
    void acceptsAWellTypedProgram() {
        Diagnostics d = new Diagnostics();
        CheckedProgram p = Frontend.analyze(new SourceFile("t.t", """
                fn add(a: i64, b: i64) -> i64 { a + b }
                fn main() {
                    let mut x = add(1, 2);
                    x += 1;
                    let s: String = "hi";
                    let v = loop { if x > 10 { break x; } x = x * 2; };
                    println("{} {s} {}", v, s == "hi");
                }
                """), "t", d);
        assertNotNull(p, () -> d.all().toString());
        // The prelude's functions come first; find the program's own `add`.
        assertEquals(Type.I64, p.functions().stream().filter(f -> f.name().equals("add") && f.owner() == null).findFirst().orElseThrow().result());
    }

    @Test
    void oneMistakeGivesOneMessage() {
        assertEquals(List.of("cannot find value `y` in this scope"), errors("fn main() { let x = y + 1 + 2; let z = x * 3; }"));
    }

    @Test
    void typeMismatches() {
        assertEquals(List.of("mismatched types: expected `i64`, found `bool`"), errors("fn main() { let x: i64 = true; }"));
        assertEquals(List.of("`if` and `else` have incompatible types: expected `{integer}`, found `String`"),
                errors("fn main() { let x = if true { 1 } else { \"a\" }; }"));
        assertEquals(List.of("binary operation `+` cannot be applied to type `bool`"), errors("fn main() { let x = true + false; }"));
    }

    @Test
    void mutability() {
        assertEquals(List.of("cannot assign twice to immutable variable `x`"), errors("fn main() { let x = 1; x = 2; }"));
    }

    @Test
    void divergingExpressionsFitAnywhere() {
        assertEquals(List.of(), errors("fn f(b: bool) -> i64 { if b { return 1; } else { std::process::exit(2) } }\nfn main() { f(true); }"));
        assertEquals(List.of(), errors("fn f() -> i64 { loop { } }\nfn main() { f(); }"));
    }

    @Test
    void missingReturnValueIsExplained() {
        assertEquals(List.of("mismatched types: expected `i64`, found `()`"), errors("fn f() -> i64 { 1; }\nfn main() { }"));
    }

    @Test
    void formatStringsAreChecked() {
        assertEquals(List.of("2 positional arguments in format string, but there is 1 argument"), errors("fn main() { println(\"{} {}\", 1); }"));
        assertEquals(List.of("invalid reference to positional argument 3 (there is 1 argument)"), errors("fn main() { println(\"{0} {3}\", 1); }"));
        assertEquals(List.of("`if` may be missing an `else` clause"), errors("fn main() { let x: i64 = if true { 1 }; }"));
        assertEquals(List.of("cannot find function `nope` in this scope"), errors("fn main() { nope(1); }"));
        assertEquals(List.of("cannot assign to immutable argument `n`"), errors("fn f(n: i64) { n = 1; }\nfn main() { }"));
        assertEquals(List.of("argument never used"), errors("fn main() { println(\"x\", 1); }"));
        assertEquals(List.of("cannot find value `nope` in this scope"), errors("fn main() { println(\"{nope}\"); }"));
    }

    @Test
    void mainIsRequired() {
        assertEquals(List.of("`main` function not found in `t.t`"), errors("fn f() {}"));
    }

    @Test
    void noResultOnErrors() {
        Diagnostics d = new Diagnostics();
        assertNull(Frontend.analyze(new SourceFile("t.t", "fn main() { x }"), "t", d));
    }
}

package tlang.frontend;

import org.junit.jupiter.api.Test;
import tlang.frontend.ast.Declarations;
import tlang.frontend.ast.Item;
import tlang.frontend.ast.Module;
import tlang.frontend.check.CheckedProgram;
import tlang.frontend.check.Symbol;
import tlang.frontend.diag.Diagnostic;
import tlang.frontend.diag.Diagnostics;
import tlang.frontend.diag.ErrorCode;
import tlang.frontend.modules.Manifest;
import tlang.frontend.modules.ModuleLoader;
import tlang.frontend.parse.Parser;
import tlang.frontend.source.SourceFile;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Modules, imports, visibility and manifests, on programs held in memory. */
class ModulesTest {
    /** Module files in memory, by path. */
    private record Files(Map<String, String> files) implements ModuleLoader.Sources {
        @Override public boolean exists(Path file) { return files.containsKey(file.toString()); }

        @Override public String read(Path file) throws IOException {
            String text = files.get(file.toString());
            if (text == null) throw new NoSuchFileException(file.toString());
            return text;
        }

        @Override public Path identity(Path file) { return file.normalize(); }
    }

    private static CheckedProgram analyze(Map<String, String> files, Diagnostics d) {
        return Frontend.analyze(new SourceFile("src/main.t", files.get("src/main.t")), "demo", d, new Files(files));
    }

    private static List<ErrorCode> codes(Diagnostics d) {
        return d.all().stream().map(Diagnostic::code).toList();
    }

    @Test
    void useTreesAreFlattened() {
        Diagnostics d = new Diagnostics();
        Module m = Parser.parse(new SourceFile("t.t", "pub use a::{b, c::{d as e, self}, f::*};\nfn main() {}"), "t", d);
        assertFalse(d.hasErrors(), () -> d.all().toString());
        List<String> shown = m.decls().uses().stream()
                .map(u -> u.joined() + (u.glob() ? "::*" : "") + " as " + u.bound().name() + (u.pub() ? " (pub)" : "")).toList();
        assertEquals(List.of("a::b as b (pub)", "a::c::d as e (pub)", "a::c as c (pub)", "a::f::* as f (pub)"), shown);
    }

    @Test
    void pubIsRecordedForItemsFieldsAndImplFunctions() {
        Diagnostics d = new Diagnostics();
        Module m = Parser.parse(new SourceFile("t.t", """
                pub struct P { pub x: i64, y: i64 }
                struct Q;
                impl P { pub fn a() {} fn b() {} }
                mod inner { pub fn f() {} }
                """), "t", d);
        assertFalse(d.hasErrors(), () -> d.all().toString());
        Declarations decls = m.decls();
        Item.Struct p = (Item.Struct) m.items().get(0);
        assertTrue(decls.isPub(p));
        assertTrue(decls.isPub(p.fields().get(0)));
        assertFalse(decls.isPub(p.fields().get(1)));
        assertFalse(decls.isPub(m.items().get(1)));
        Item.Impl impl = (Item.Impl) m.items().get(2);
        assertTrue(decls.isPub(impl.functions().get(0)));
        assertFalse(decls.isPub(impl.functions().get(1)));
        Declarations.Mod inner = decls.mods().get(0);
        assertFalse(inner.pub());
        assertTrue(inner.body().decls().isPub(inner.body().items().get(0)));
    }

    @Test
    void modulesInFilesGetQualifiedNames() {
        Diagnostics d = new Diagnostics();
        CheckedProgram p = analyze(Map.of(
                "src/main.t", "mod geo;\nuse geo::shapes::area;\nfn main() { let a = area(2); let b = geo::twice(a); }",
                "src/geo/mod.t", "pub mod shapes;\npub fn twice(x: i64) -> i64 { x * 2 }",
                "src/geo/shapes.t", "pub fn area(r: i64) -> i64 { 3 * r * r }"), d);
        assertNotNull(p, () -> d.all().toString());
        List<String> names = p.functions().stream().filter(f -> f.decl().span().file().path().startsWith("src/")).map(Symbol.Function::name).toList();
        assertEquals(List.of("main", "geo::twice", "geo::shapes::area"), names);
    }

    @Test
    void missingCircularAndDoubledModuleFiles() {
        Diagnostics d = new Diagnostics();
        assertNull(analyze(Map.of("src/main.t", "mod a;\nmod b;\nmod main;\nfn main() {}",
                "src/b.t", "", "src/b/mod.t", ""), d));
        assertEquals(List.of(ErrorCode.E0583, ErrorCode.E0761, ErrorCode.E1501), codes(d));
        assertTrue(d.all().get(0).notes().get(0).contains("`src/a.t` or `src/a/mod.t`"), d.all().get(0).notes().toString());
    }

    @Test
    void visibilityFollowsTheModuleTree() {
        Diagnostics d = new Diagnostics();
        // The child `inner` may use its parent's private items; the root may not.
        assertNotNull(analyze(Map.of("src/main.t", """
                mod outer {
                    fn secret() -> i64 { 1 }
                    pub mod inner { pub fn f() -> i64 { super::secret() } }
                }
                fn main() { let x = outer::inner::f(); }
                """), d), () -> d.all().toString());
        assertNull(analyze(Map.of("src/main.t", """
                mod outer { fn secret() -> i64 { 1 } }
                fn main() { let x = outer::secret(); }
                """), d));
        assertEquals(List.of(ErrorCode.E0603), codes(d));
    }

    @Test
    void localsShadowItemsButPathsStillReachThem() {
        Diagnostics d = new Diagnostics();
        assertNotNull(analyze(Map.of("src/main.t", """
                mod m {
                    pub fn area() -> i64 { 1 }
                    pub fn g() -> i64 { let area = 5; area + self::area() + crate::area() }
                }
                fn area() -> i64 { 10 }
                fn main() { let area = 2; let total = area + crate::area() + m::g(); }
                """), d), () -> d.all().toString());
    }

    @Test
    void manifestFields() {
        Diagnostics d = new Diagnostics();
        Manifest m = Manifest.parse(new SourceFile("t.toml", """
                # comment
                [package]   # the only table
                name = "my-app"
                version = '1.2.3-rc.1'
                entry = "src/app.t"
                """), d);
        assertNotNull(m, () -> d.all().toString());
        assertEquals("my-app", m.name());
        assertEquals("my_app", m.crateName());
        assertEquals("1.2.3-rc.1", m.version());
        assertEquals("src/app.t", m.entry());
        assertEquals(5, m.entrySpan().line());

        Diagnostics bad = new Diagnostics();
        assertNull(Manifest.parse(new SourceFile("t.toml", "[package]\nname = \"a\"\nname = \"b\"\nversion = \"0.1.0\"\n"), bad));
        assertEquals(List.of(ErrorCode.E1601), codes(bad));
        assertEquals(3, bad.all().get(0).span().line());
    }
}

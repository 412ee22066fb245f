package tlang.frontend;

import org.junit.jupiter.api.Test;
import tlang.frontend.ast.Expr;
import tlang.frontend.ast.Item;
import tlang.frontend.ast.Module;
import tlang.frontend.ast.Stmt;
import tlang.frontend.diag.Diagnostics;
import tlang.frontend.parse.Parser;
import tlang.frontend.source.SourceFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

class ParserTest {
    private static Module parse(String text, Diagnostics d) {
        return Parser.parse(new SourceFile("t.t", text), "t", d);
    }

    private static Expr tailOfMain(String body) {
        Diagnostics d = new Diagnostics();
        Module m = parse("fn main() { " + body + " }", d);
        assertFalse(d.hasErrors(), () -> d.all().toString());
        return ((Item.Fn) m.items().get(0)).body().tail();
    }

    @Test
    void precedenceFollowsRust() {
        Expr e = tailOfMain("1 + 2 * 3 == 7 && !false || x");
        Expr.Binary or = assertInstanceOf(Expr.Binary.class, e);
        assertEquals(Expr.BinaryOp.OR, or.op());
        Expr.Binary and = assertInstanceOf(Expr.Binary.class, or.left());
        assertEquals(Expr.BinaryOp.AND, and.op());
        Expr.Binary eq = assertInstanceOf(Expr.Binary.class, and.left());
        Expr.Binary add = assertInstanceOf(Expr.Binary.class, eq.left());
        assertEquals(Expr.BinaryOp.MUL, assertInstanceOf(Expr.Binary.class, add.right()).op());
    }

    @Test
    void subtractionIsLeftAssociative() {
        Expr.Binary e = assertInstanceOf(Expr.Binary.class, tailOfMain("10 - 4 - 3"));
        assertInstanceOf(Expr.Binary.class, e.left());
        assertInstanceOf(Expr.IntLit.class, e.right());
    }

    @Test
    void blockLikeStatementsNeedNoSemicolon() {
        Diagnostics d = new Diagnostics();
        Module m = parse("fn main() { if a { } while b { } loop { break; } let x = 1; x }", d);
        assertFalse(d.hasErrors(), () -> d.all().toString());
        Item.Fn main = (Item.Fn) m.items().get(0);
        assertEquals(4, main.body().stmts().size());
        assertInstanceOf(Stmt.Let.class, main.body().stmts().get(3));
        assertInstanceOf(Expr.Path.class, main.body().tail());
    }

    @Test
    void pathsAndCalls() {
        Expr.Call c = assertInstanceOf(Expr.Call.class, tailOfMain("std::process::exit(1)"));
        assertEquals("std::process::exit", ((Expr.Path) c.callee()).joined());
        assertEquals(1, c.args().size());
    }

    @Test
    void returnAndBreakTakeOptionalValues() {
        Diagnostics d = new Diagnostics();
        Module m = parse("fn f() -> i64 { loop { break 3; } return; }", d);
        assertFalse(d.hasErrors());
        Item.Fn f = (Item.Fn) m.items().get(0);
        Expr.Return r = assertInstanceOf(Expr.Return.class, ((Stmt.ExprStmt) f.body().stmts().get(1)).expr());
        assertNull(r.value());
    }

    @Test
    void recoversToReportSeveralErrors() {
        Diagnostics d = new Diagnostics();
        parse("fn main() {\n let = 5;\n let y = ;\n}\nfn g( { }\nfn h() {}", d);
        assertEquals(3, d.errorCount(), () -> d.all().toString());
    }

    @Test
    void chainedComparisonIsAnError() {
        Diagnostics d = new Diagnostics();
        parse("fn main() { 1 < 2 < 3 }", d);
        assertEquals("comparison operators cannot be chained", d.all().get(0).message());
    }
}

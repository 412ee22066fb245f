package tlang.backend;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tlang.frontend.Frontend;
import tlang.frontend.diag.Diagnostics;
import tlang.frontend.source.SourceFile;
import tlang.midend.lower.AstToTir;
import tlang.midend.tir.TirModule;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodeGeneratorTest {
    @TempDir Path work;

    private static TirModule tir(String text) {
        Diagnostics d = new Diagnostics();
        return AstToTir.lower(Frontend.analyze(new SourceFile("m.t", text), "m", d));
    }

    private static final String PROGRAM = """
            fn div(a: i64, b: i64) -> i64 { a / b }
            fn main() { println("{}", div(std::env::arg_count(), 2) + 1); }
            """;

    @Test
    void overflowChecksBecomeIntrinsicsAndColdPanics() {
        try (CodeGenerator gen = new CodeGenerator(tir(PROGRAM), Target.X86_64_LINUX, OptLevel.O0)) {
            String ir = gen.irText();
            assertTrue(ir.contains("@llvm.sadd.with.overflow.i64"), ir);
            assertTrue(ir.contains("call void @trt_panic("), ir);
            assertTrue(ir.contains("attempt to divide by zero"), ir);
            assertTrue(ir.contains("target triple = \"x86_64-unknown-linux-gnu\""), ir);
        }
    }

    /** The body of one function in LLVM IR text. */
    private static String function(String ir, String symbol) {
        int start = ir.indexOf("@" + symbol + "(");
        start = ir.lastIndexOf("\ndefine ", start);
        return ir.substring(start + 1, ir.indexOf("\n}\n", start) + 2);
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) n++;
        return n;
    }

    private static final String HELPER = """
            fn a(i: i64, j: i64) -> f64 {
                1.0 / (((i + j) * (i + j + 1) / 2 + i + 1) as f64)
            }
            fn pick(v: &[i64; 4], i: i64, j: i64) -> i64 { v[i] + v[j] }
            fn sum(n: i64) -> f64 {
                let mut s = 0.0;
                for j in 0..n { s += a(n, j); }
                s
            }
            fn main() { let v = [1, 2, 3, 4]; println("{} {}", sum(std::env::arg_count()), pick(&v, 1, 3)); }
            """;

    @Test
    void checksOfAFunctionShareOnePanicCall() {
        try (CodeGenerator gen = new CodeGenerator(tir(HELPER), Target.X86_64_LINUX, OptLevel.O0)) {
            String ir = gen.irText();
            String a = function(ir, "_TN1m1aE");
            assertEquals(6, count(a, "with.overflow.i64("), a);
            assertEquals(1, count(a, "call void @trt_panic("), "one call, reached through a phi of sites:\n" + a);
            assertEquals(6, count(a, "!prof"), "every check is marked unlikely:\n" + a);
            assertTrue(a.contains("phi ptr"), a);
            String pick = function(ir, "_TN1m4pickE");
            assertEquals(1, count(pick, "call void @trt_panic_bounds("), pick);
            assertTrue(pick.contains("phi i64"), "the failing index travels through a phi:\n" + pick);
            // The sites hold the locations: `a`'s checks are on line 2, `pick`'s indexing on line 4.
            assertTrue(ir.contains("i32 2, i32 14 }"), ir);
            assertTrue(ir.contains("i64 4, ptr @.str"), "a bounds site with the array's length:\n" + ir);
        }
    }

    @Test
    void llvmInlinesASmallCheckedHelperOnItsOwn() {
        // TIR straight from lowering, without the midend's inliner: LLVM must find `a` cheap.
        try (CodeGenerator gen = new CodeGenerator(tir(HELPER), Target.X86_64_LINUX, OptLevel.O2)) {
            String ir = gen.irText();
            assertFalse(ir.contains("define internal fastcc double @_TN1m1aE"), ir);
        }
    }

    @Test
    void allocasAreInTheEntryBlockEvenAfterAChecks() {
        String program = "fn f(x: i64) -> i64 { let y = x + 1; let z = y * 2; z }\nfn main() { println(\"{}\", f(std::env::arg_count())); }";
        try (CodeGenerator gen = new CodeGenerator(tir(program), Target.X86_64_LINUX, OptLevel.O0)) {
            String f = function(gen.irText(), "_TN1m1fE");
            assertTrue(f.lastIndexOf("alloca") < f.indexOf(" br "), "no alloca after the first branch:\n" + f);
        }
    }

    @Test
    void optimizationKeepsTheChecksButFoldsTheRest() {
        try (CodeGenerator gen = new CodeGenerator(tir("fn main() { let x = 2 + 3; println(\"{}\", x * 4); }"), Target.X86_64_LINUX, OptLevel.O2)) {
            String ir = gen.irText();
            assertTrue(ir.contains("i64 20"), "constant-folded: " + ir);
            assertFalse(ir.contains("alloca"), "slots promoted to registers: " + ir);
        }
    }

    @Test
    void objectFilesForBothTargets() throws Exception {
        for (Target t : Target.values()) {
            Path obj = work.resolve(t.name + ".o");
            try (CodeGenerator gen = new CodeGenerator(tir(PROGRAM), t, OptLevel.O2)) {
                gen.write(CodeGenerator.Output.OBJECT, obj);
            }
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(obj)).order(ByteOrder.LITTLE_ENDIAN);
            assertEquals(0x464c457f, b.getInt(0), "ELF magic");
            assertEquals(1, b.getShort(16), "relocatable");
            assertEquals(t == Target.X86_64_LINUX ? 62 : 183, b.getShort(18), "machine");
        }
    }

    private static final String NODES = """
            class Node { id: i64, next: Option<Node> }
            fn sum(n: &Node) -> i64 {
                let mut s = n.id;
                if let Some(x) = n.next { s += sum(&x); }
                s
            }
            fn main() {
                let n = Node { id: std::env::arg_count(), next: Some(Node { id: 2, next: None }) };
                println("{}", sum(&n));
            }
            """;

    /**
     * TIR keeps calls of trt_rc_retain/trt_rc_release; the LLVM IR has the not-shared fast
     * paths inline (abi.md, "The inline sequences"): a null test, an `unordered` load of the
     * strong word, the runtime's own test, a store of the new count, and the runtime call,
     * marked cold and unlikely, for everything else. A class's drop glue keeps plain calls.
     */
    @Test
    void retainAndReleaseAreInlineWithTheRuntimeCallsCold() {
        String tirText = tlang.midend.tir.TirPrinter.print(tir(NODES));
        assertTrue(tirText.contains("call trt_rc_retain("), tirText);
        for (OptLevel opt : new OptLevel[]{OptLevel.O0, OptLevel.O2}) {
            try (CodeGenerator gen = new CodeGenerator(tir(NODES), Target.X86_64_LINUX, opt)) {
                String ir = gen.irText();
                String sum = function(ir, "_TN1m3sumE");
                // Retain: (w - 4) & 0x80000003 sends flags, a dead object and overflow to the call.
                assertTrue(sum.contains("load atomic i32, ptr %"), sum);
                assertTrue(sum.contains("unordered, align 4"), sum);
                assertTrue(sum.contains("-2147483645"), "the retain test mask 0x80000003:\n" + sum);
                assertTrue(sum.contains("add i32 %rc"), sum);
                // Release: no flag and w > 4, else the runtime.
                assertTrue(sum.contains("icmp ugt i32 %rc"), sum);
                assertTrue(sum.contains("store atomic i32"), sum);
                assertTrue(sum.contains("call void @trt_rc_retain(") || sum.contains("invoke void @trt_rc_retain("), sum);
                assertTrue(sum.contains("void @trt_rc_release("), sum);
                assertTrue(sum.contains("!prof"), "the slow paths are weighted:\n" + sum);
                // Every runtime call of the sequences is cold at its call site.
                for (String line : sum.split("\n")) {
                    if (line.contains("@trt_rc_retain(") || line.contains("@trt_rc_release(")) {
                        String group = line.substring(line.lastIndexOf('#'));
                        int at = ir.indexOf("attributes " + group.strip() + " = {");
                        assertTrue(at >= 0 && ir.substring(at, ir.indexOf('\n', at)).contains("cold"), line + "\n" + ir);
                    }
                }
            }
        }
        // After the midend's inliner the field's release is in the object's drop glue itself.
        TirModule optimized = tlang.midend.pass.Pipeline.standard(true, true).run(tir(NODES));
        try (CodeGenerator gen = new CodeGenerator(optimized, Target.X86_64_LINUX, OptLevel.O0)) {
            String drop = function(gen.irText(), "\"_TN1m4Node13{object drop}E\"");
            assertTrue(drop.contains("void @trt_rc_release("), drop);
            assertFalse(drop.contains("load atomic"), "the drop glue calls the runtime directly:\n" + drop);
        }
    }

    @Test
    void unwritableOutputIsReported() {
        try (CodeGenerator gen = new CodeGenerator(tir(PROGRAM), Target.X86_64_LINUX, OptLevel.O0)) {
            BackendException e = org.junit.jupiter.api.Assertions.assertThrows(BackendException.class,
                    () -> gen.write(CodeGenerator.Output.OBJECT, Path.of("/no/such/dir/x.o")));
            assertTrue(e.getMessage().startsWith("cannot write /no/such/dir/x.o"), e.getMessage());
        }
    }
}

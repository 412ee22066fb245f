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

    @Test
    void unwritableOutputIsReported() {
        try (CodeGenerator gen = new CodeGenerator(tir(PROGRAM), Target.X86_64_LINUX, OptLevel.O0)) {
            BackendException e = org.junit.jupiter.api.Assertions.assertThrows(BackendException.class,
                    () -> gen.write(CodeGenerator.Output.OBJECT, Path.of("/no/such/dir/x.o")));
            assertTrue(e.getMessage().startsWith("cannot write /no/such/dir/x.o"), e.getMessage());
        }
    }
}

package tlang.midend;

import org.junit.jupiter.api.Test;
import tlang.midend.tir.Block;
import tlang.midend.tir.Function;
import tlang.midend.tir.Inst;
import tlang.midend.tir.Terminator;
import tlang.midend.tir.TirModule;
import tlang.midend.tir.TirType;
import tlang.midend.tir.TirVerifier;
import tlang.midend.tir.Value;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TirVerifierTest {
    private static List<String> verify(Block... blocks) {
        Function f = new Function("f", "f", List.of(), TirType.I64, false, List.of(blocks), 10);
        return TirVerifier.verify(new TirModule("m", List.of(), List.of(f)));
    }

    @Test
    void acceptsAWellFormedFunction() {
        Block b0 = new Block(0);
        Value.Temp t = new Value.Temp(0, TirType.I64);
        b0.insts.add(new Inst.IntArith(t, Inst.ArithOp.ADD, new Value.IntConst(TirType.I64, 1), new Value.IntConst(TirType.I64, 2), null));
        b0.terminator = new Terminator.Return(t);
        assertEquals(List.of(), verify(b0));
    }

    @Test
    void rejectsATempUsedInAnotherBlock() {
        Block b0 = new Block(0), b1 = new Block(1);
        Value.Temp t = new Value.Temp(0, TirType.I64);
        b0.insts.add(new Inst.IntArith(t, Inst.ArithOp.ADD, new Value.IntConst(TirType.I64, 1), new Value.IntConst(TirType.I64, 2), null));
        b0.terminator = new Terminator.Jump(1);
        b1.terminator = new Terminator.Return(t);
        assertTrue(verify(b0, b1).stream().anyMatch(p -> p.contains("used before its definition")));
    }

    @Test
    void rejectsMissingTerminatorsBadTargetsAndWrongReturnTypes() {
        Block b0 = new Block(0);
        assertTrue(verify(b0).stream().anyMatch(p -> p.contains("no terminator")));
        b0.terminator = new Terminator.Jump(7);
        assertTrue(verify(b0).stream().anyMatch(p -> p.contains("missing block b7")));
        b0.terminator = new Terminator.Return(new Value.BoolConst(true));
        assertTrue(verify(b0).stream().anyMatch(p -> p.contains("returns bool from a function returning i64")));
    }

    @Test
    void rejectsCallsThatDoNotMatchTheSignature() {
        Block b0 = new Block(0);
        b0.insts.add(new Inst.Call(null, "trt_exit", List.of(new Value.IntConst(TirType.I64, 1))));
        b0.terminator = new Terminator.Unreachable();
        Function f = new Function("f", "f", List.of(), TirType.UNIT, false, List.of(b0), 1);
        List<String> problems = TirVerifier.verify(new TirModule("m", RuntimeAbi.ALL, List.of(f)));
        assertTrue(problems.stream().anyMatch(p -> p.contains("argument 0 of trt_exit has type i64")), problems.toString());
    }
}

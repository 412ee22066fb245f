package tlang.midend.pass;

import tlang.midend.tir.Block;
import tlang.midend.tir.Function;
import tlang.midend.tir.Inst;
import tlang.midend.tir.TirType;
import tlang.midend.tir.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * Hand-built TIR for the pass tests: blocks numbered in order (block 0 the entry, where
 * slots go), temps numbered from 0. Each test class extends it with the shapes it needs.
 */
class TirBuilder {
    final List<Block> blocks = new ArrayList<>();
    int temps;

    Block block() {
        Block b = new Block(blocks.size(), Block.NONE);
        blocks.add(b);
        return b;
    }

    Value.Temp temp(TirType t) { return new Value.Temp(temps++, t); }

    /** A slot of the entry block holding a {@code t}. */
    Value.Temp slot(TirType t, String name) {
        Value.Temp s = temp(TirType.PTR);
        blocks.get(0).insts.add(0, new Inst.Slot(s, t, name));
        return s;
    }

    Value.Temp load(Block b, Value address, TirType t) {
        Value.Temp r = temp(t);
        b.insts.add(new Inst.Load(r, address, t));
        return r;
    }

    Function finish(String symbol, List<TirType> params, TirType result) {
        return new Function(symbol, symbol, params, result, false, List.copyOf(blocks), temps);
    }
}

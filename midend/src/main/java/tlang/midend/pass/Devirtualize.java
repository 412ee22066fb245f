package tlang.midend.pass;

import tlang.midend.tir.Block;
import tlang.midend.tir.Function;
import tlang.midend.tir.Inst;
import tlang.midend.tir.TirModule;
import tlang.midend.tir.Value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Calls through a vtable become direct calls when the whole program has one vtable for
 * the trait: a `dyn Trait` value can then only be of that one type. LLVM cannot see this
 * (it knows neither traits nor that the program is closed), and a direct call is one the
 * inliner can open. Vtables are all visible here because T programs are compiled whole.
 */
public final class Devirtualize implements ModulePass {
    @Override public String name() { return "devirtualize"; }

    @Override public TirModule run(TirModule module) {
        Map<String, Set<Value.Vtable>> byTrait = new HashMap<>();
        for (Function f : module.functions()) {
            for (Block b : f.blocks()) {
                for (Inst inst : b.insts) {
                    for (Value v : DeadCodeElimination.operands(inst)) {
                        if (v instanceof Value.Vtable t) byTrait.computeIfAbsent(t.trait(), k -> new HashSet<>()).add(t);
                    }
                }
            }
        }
        List<Function> out = new ArrayList<>();
        for (Function f : module.functions()) {
            boolean changed = false;
            List<Block> blocks = new ArrayList<>();
            for (Block b : f.blocks()) {
                Block nb = new Block(b.id, b.unwind);
                nb.insts.addAll(b.insts);
                nb.terminator = b.terminator;
                for (int i = 0; i < nb.insts.size(); i++) {
                    if (nb.insts.get(i) instanceof Inst.CallIndirect c && c.method() != null) {
                        Set<Value.Vtable> tables = byTrait.getOrDefault(c.method().trait(), Set.of());
                        if (tables.size() == 1) {
                            String target = tables.iterator().next().methods().get(c.method().index());
                            nb.insts.set(i, new Inst.Call(c.result(), target, c.args()));
                            changed = true;
                        }
                    }
                }
                blocks.add(nb);
            }
            out.add(changed ? new Function(f.symbol(), f.sourceName(), f.params(), f.result(), f.noReturn(), blocks, f.tempCount(), f.exported()) : f);
        }
        return new TirModule(module.name(), module.externs(), out);
    }
}

package tlang.midend.pass;

import tlang.midend.tir.Block;
import tlang.midend.tir.Function;
import tlang.midend.tir.Inst;

/**
 * Removes overflow checks and bounds checks that value ranges prove cannot fail: a
 * checked `+`, `-`, `*` or negation whose exact result lies inside its type for every
 * value its operands may have, a shift by an amount below the width, an array index inside
 * the array. The operation stays; only its check (its trap location) goes, so it becomes the
 * wrapping or unchecked form, which computes the same value where no overflow can happen.
 *
 * <p>LLVM sees these checks, after mem2reg, as `*.with.overflow` intrinsics and branches
 * to a cold panic block, and removes those its own analyses prove; the ones that need facts
 * from farther away stay — a bounds check at the end of a loop body that bounds the next
 * round's counter, say (spectral-norm kept five checks on its inner loop's serial chain;
 * docs/performance.md).
 *
 * <p>The ranges come from {@link RangeAnalysis}: constants and integer types (a `u8` is in
 * [0, 255], so is an `as u32` of it), arithmetic, branches (inside `while i < n`, `i` is
 * below `n`'s largest value, so `i + 1` cannot overflow, and below an array's length when
 * `n` is that length), checks already passed (past `a[i]`, `i` is inside `a`), and slots
 * that hold one value plus a constant. Divisions keep their checks. An operation in a
 * block that no path reaches is left as it is.
 */
public final class RangeCheckElimination implements Pass {
    @Override public String name() { return "range-check-elimination"; }

    @Override
    public Function run(Function f) {
        RangeAnalysis ranges = RangeAnalysis.of(f);
        for (Block b : f.blocks()) {
            BlockRanges known = ranges.enter(b.id);
            if (known == null) continue;
            for (int i = 0; i < b.insts.size(); i++) {
                Inst inst = b.insts.get(i);
                boolean safe = known.cannotFail(inst);
                known.step(inst); // as the analysis did: from the instruction as it was
                if (safe) b.insts.set(i, withoutCheck(inst));
            }
        }
        return f;
    }

    private static Inst withoutCheck(Inst inst) {
        return switch (inst) {
            case Inst.IntArith a -> new Inst.IntArith(a.result(), a.op(), a.left(), a.right(), null);
            case Inst.ElementAddr ea -> new Inst.ElementAddr(ea.result(), ea.pointer(), ea.type(), ea.index(), null);
            default -> inst;
        };
    }
}

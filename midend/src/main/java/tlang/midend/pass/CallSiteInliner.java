package tlang.midend.pass;

import tlang.midend.tir.Block;
import tlang.midend.tir.Function;
import tlang.midend.tir.Inst;
import tlang.midend.tir.Terminator;
import tlang.midend.tir.TirType;
import tlang.midend.tir.TirVerifier;
import tlang.midend.tir.Value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The mechanics of inlining: replaces one call instruction of a function under
 * construction by a copy of the callee's body. What to inline is {@link Inline}'s business.
 *
 * <p>TIR's invariants shape the copy. Temps get fresh numbers above the caller's. The
 * callee's slots move to the caller's entry block (the only place slots may live; a slot
 * reused by every iteration of a loop is fine, since T code stores before it loads).
 * Parameters become the arguments — constants, the caller's parameters and slot addresses
 * directly everywhere, since they are valid in every block; an argument that is an ordinary
 * temp is valid only in the calling block, so blocks of the callee other than its entry read
 * it back from a slot. A callee of one block that returns is spliced in place of the call.
 * Otherwise the calling block is split: its first half runs into the callee's entry, each
 * `return` stores the result in a slot and jumps to a new block holding the second half,
 * which loads the result into the call's own result temp; temps of the first half that
 * the second half uses cross through slots too. LLVM's mem2reg turns all these slots back
 * into registers.
 *
 * <p>Source locations travel with the instructions that carry them (checked arithmetic,
 * bounds checks, and the location arguments of panic calls), so an inlined check panics
 * with the file, line and column where it was written.
 *
 * <p>Unwinding: the callee's code runs inside the call's block, so what unwound out of the
 * callee now unwinds where the call would have. Callee blocks without an unwind edge take
 * the calling block's; callee landing pads keep theirs (renumbered). A callee `resume` —
 * the end of its drops — continues in the caller's landing pad: it stores the exception
 * in the pad's slot and jumps to the pad's code (or stays a `resume` when the call had no
 * landing pad). Since the callee's frame is gone, a panic that reaches one of its landing
 * pads is in the caller's frame when the personality looks: the callee's pads inherit the
 * catch of the caller's pad, so that the search phase finds the handler in this frame.
 */
final class CallSiteInliner {
    private final Function original;
    private final List<Block> blocks;
    private final Set<Integer> slots = new HashSet<>();
    private final Set<Integer> copied = new HashSet<>();
    private final List<Inst> newSlots = new ArrayList<>();
    private int tempCount;

    CallSiteInliner(Function f) {
        this.original = f;
        this.blocks = new ArrayList<>(f.blocks());
        this.tempCount = f.tempCount();
        for (Inst inst : f.blocks().get(0).insts) if (inst instanceof Inst.Slot s) slots.add(s.result().id());
    }

    List<Block> blocks() { return blocks; }

    /** Whether block {@code id} is a copy of a callee's block (its calls were the callee's to inline). */
    boolean isCopy(int id) { return copied.contains(id); }

    /** The function as rewritten so far. */
    Function finish() {
        blocks.get(0).insts.addAll(0, newSlots);
        newSlots.clear();
        return new Function(original.symbol(), original.sourceName(), original.params(), original.result(),
                original.noReturn(), List.copyOf(blocks), tempCount, original.exported());
    }

    /**
     * Inlines {@code callee} at instruction {@code index} of block {@code blockId}, a call to
     * it. Returns the index in that block where the caller's own instructions resume, or -1
     * when the rest of the block is the callee's (the caller's rest then is in a new block at
     * the end of {@link #blocks()}).
     */
    int inline(int blockId, int index, Function callee) {
        Block block = blocks.get(blockId);
        Inst.Call call = (Inst.Call) block.insts.get(index);
        if (!call.callee().equals(callee.symbol())) throw new IllegalArgumentException("not a call to " + callee.symbol());
        if (!canInline(callee)) throw new IllegalArgumentException(callee.symbol() + " has an unwind edge in its entry block");
        int base = tempCount;
        tempCount += callee.tempCount();
        Block entry = callee.blocks().get(0);
        if (callee.blocks().size() == 1 && entry.terminator instanceof Terminator.Return ret) {
            return splice(block, index, call, entry, ret, renamer(base, call.args()));
        }
        split(block, index, call, callee, base);
        return -1;
    }

    /**
     * Whether a callee's body can be copied: its entry block (whose instructions join the
     * calling block's) has no unwind edge of its own. SimplifyCfg keeps it so.
     */
    static boolean canInline(Function callee) {
        return callee.blocks().get(0).unwind == Block.NONE;
    }

    /** A callee of one block: its instructions replace the call, its result the call's. */
    private int splice(Block block, int index, Inst.Call call, Block entry, Terminator.Return ret, UnaryOperator<Value> rename) {
        List<Inst> body = copyEntry(entry, rename);
        Map<Integer, Value> result = new HashMap<>();
        if (call.result() != null) result.put(call.result().id(), rename.apply(ret.value()));
        List<Inst> out = new ArrayList<>(block.insts.subList(0, index));
        out.addAll(body);
        int resume = out.size();
        for (Inst inst : block.insts.subList(index + 1, block.insts.size())) out.add(Substitution.apply(inst, result));
        block.insts.clear();
        block.insts.addAll(out);
        block.terminator = Substitution.apply(block.terminator, result);
        return resume;
    }

    private void split(Block block, int index, Inst.Call call, Function callee, int base) {
        int first = blocks.size();                               // callee block k >= 1 goes to first + k - 1
        int rest = first + callee.blocks().size() - 1;           // the caller's second half
        List<Inst> before = new ArrayList<>(block.insts.subList(0, index));
        List<Inst> after = new ArrayList<>();
        for (Inst inst : block.insts.subList(index + 1, block.insts.size())) {
            // The entry's own slots stay in the entry, wherever the split falls.
            if (inst instanceof Inst.Slot) newSlots.add(inst); else after.add(inst);
        }
        Terminator tail = block.terminator;

        // Temps of the first half that the second half reads cross through slots.
        Set<Integer> usedAfter = new HashSet<>();
        for (Inst inst : after) for (Value v : TirVerifier.operands(inst)) if (v instanceof Value.Temp t) usedAfter.add(t.id());
        for (Value v : DeadCodeElimination.operands(tail)) if (v instanceof Value.Temp t) usedAfter.add(t.id());
        List<Inst> spills = new ArrayList<>(), reloads = new ArrayList<>();
        Map<Integer, Value> reloaded = new HashMap<>();
        for (Inst inst : before) {
            Value.Temp r = inst.result();
            if (r == null || slots.contains(r.id()) || !usedAfter.contains(r.id())) continue;
            Value.Temp slot = newSlot(r.type(), "inline.live");
            Value.Temp back = newTemp(r.type());
            spills.add(new Inst.Store(slot, r));
            reloads.add(new Inst.Load(back, slot, r.type()));
            reloaded.put(r.id(), back);
        }

        // Arguments valid only in this block, for the callee blocks after its entry.
        List<Value> args = call.args();
        Map<Integer, Value.Temp> argSlots = new HashMap<>();
        List<Inst> argStores = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            if (!everywhere(args.get(i)) && usesParam(callee.blocks().subList(1, callee.blocks().size()), i)) {
                Value.Temp slot = newSlot(args.get(i).type(), "inline.arg");
                argSlots.put(i, slot);
                argStores.add(new Inst.Store(slot, args.get(i)));
            }
        }
        Value.Temp result = call.result() == null ? null : newSlot(call.result().type(), "inline.result");

        // The first half runs into the callee's entry.
        List<Inst> head = new ArrayList<>(before);
        head.addAll(argStores);
        head.addAll(spills);
        UnaryOperator<Value> entryRename = renamer(base, args);
        head.addAll(copyEntry(callee.blocks().get(0), entryRename));
        block.insts.clear();
        block.insts.addAll(head);
        Unwind unwind = new Unwind(block.unwind, block.unwind == Block.NONE ? null : blocks.get(block.unwind));
        block.terminator = exit(callee.blocks().get(0).terminator, entryRename, block.insts, result, first, rest, unwind);

        for (int k = 1; k < callee.blocks().size(); k++) {
            Block from = callee.blocks().get(k);
            Block to = new Block(first + k - 1, from.isLandingPad() ? Block.NONE
                    : from.unwind == Block.NONE ? block.unwind : first + from.unwind - 1);
            List<Value> here = new ArrayList<>(args);
            for (Map.Entry<Integer, Value.Temp> e : argSlots.entrySet()) {
                if (!usesParam(List.of(from), e.getKey())) continue;
                Value.Temp t = newTemp(args.get(e.getKey()).type());
                to.insts.add(new Inst.Load(t, e.getValue(), t.type()));
                here.set(e.getKey(), t);
            }
            UnaryOperator<Value> rename = renamer(base, here);
            for (Inst inst : from.insts) {
                Inst copy = Remap.inst(inst, rename);
                // A pad of the callee catches what the caller's pad catches (same frame now).
                if (copy instanceof Inst.LandingPad lp && unwind.pad() != null && unwind.pad().landingPad().catches()) {
                    copy = new Inst.LandingPad(lp.slot(), true);
                }
                to.insts.add(copy);
            }
            to.terminator = exit(from.terminator, rename, to.insts, result, first, rest, unwind);
            blocks.add(to);
            copied.add(to.id);
        }

        // The second half: reloads, the result, then the caller's own instructions.
        Block second = new Block(rest, block.unwind);
        second.insts.addAll(reloads);
        if (result != null) second.insts.add(new Inst.Load(call.result(), result, call.result().type()));
        for (Inst inst : after) second.insts.add(Substitution.apply(inst, reloaded));
        second.terminator = Substitution.apply(tail, reloaded);
        blocks.add(second);
    }

    /** The calling block's unwind edge and its landing pad block (null without one). */
    private record Unwind(int target, Block pad) {}

    /**
     * A callee terminator in the caller: targets renumbered, a return stores the result and
     * jumps back, a resume goes on in the caller's landing pad.
     */
    private static Terminator exit(Terminator t, UnaryOperator<Value> rename, List<Inst> insts, Value.Temp result, int first, int rest,
                                   Unwind unwind) {
        if (t instanceof Terminator.Return r) {
            if (result != null) insts.add(new Inst.Store(result, rename.apply(r.value())));
            return new Terminator.Jump(rest);
        }
        if (t instanceof Terminator.Resume r && unwind.pad() != null) {
            insts.add(new Inst.Store(unwind.pad().landingPad().slot(), rename.apply(r.exception())));
            return unwind.pad().terminator;
        }
        return Remap.terminator(t, rename, k -> first + k - 1);
    }

    /** The callee's entry instructions, renamed; its slots go to the caller's entry. */
    private List<Inst> copyEntry(Block entry, UnaryOperator<Value> rename) {
        List<Inst> body = new ArrayList<>();
        for (Inst inst : entry.insts) {
            Inst copy = Remap.inst(inst, rename);
            if (copy instanceof Inst.Slot s) {
                newSlots.add(s);
                slots.add(s.result().id());
            } else {
                body.add(copy);
            }
        }
        return body;
    }

    /** Callee temps to fresh caller temps, callee parameters to {@code args}. */
    private static UnaryOperator<Value> renamer(int base, List<Value> args) {
        return v -> switch (v) {
            case Value.Temp t -> new Value.Temp(base + t.id(), t.type());
            case Value.Param p -> args.get(p.index());
            default -> v;
        };
    }

    /** Values valid in every block of the caller: constants, parameters, slot addresses. */
    private boolean everywhere(Value v) {
        return !(v instanceof Value.Temp t) || slots.contains(t.id());
    }

    private static boolean usesParam(List<Block> bs, int index) {
        for (Block b : bs) {
            for (Inst inst : b.insts) for (Value v : TirVerifier.operands(inst)) if (v instanceof Value.Param p && p.index() == index) return true;
            for (Value v : DeadCodeElimination.operands(b.terminator)) if (v instanceof Value.Param p && p.index() == index) return true;
        }
        return false;
    }

    private Value.Temp newTemp(TirType type) {
        return new Value.Temp(tempCount++, type);
    }

    private Value.Temp newSlot(TirType type, String name) {
        Value.Temp t = newTemp(TirType.PTR);
        newSlots.add(new Inst.Slot(t, type, name));
        slots.add(t.id());
        return t;
    }
}

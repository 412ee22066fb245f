package tlang.midend.pass;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * What {@link RangeAnalysis} knows where control enters a block: the range of every
 * variable, and which variables equal another plus a constant. The relations carry what a
 * range alone loses between blocks: a loop that sets `next = i + 1` early in its body and
 * indexes with `i` in a later block learns from the bounds check that `i` is below the
 * length — and so is `next` minus one, which bounds the counter on the next round.
 *
 * <p>{@code base[v]} is the variable {@code v} equals plus {@code offset[v]}, or -1; a
 * variable others are related to has no relation of its own (every relation points at its
 * group's representative). Immutable once made.
 */
final class RangeState {
    final Interval[] ranges;
    private final int[] base;
    private final BigInteger[] offset;

    RangeState(Interval[] ranges, int[] base, BigInteger[] offset) {
        this.ranges = ranges;
        this.base = base;
        this.offset = offset;
    }

    /** Ranges with no relations. */
    static RangeState of(Interval[] ranges) {
        int[] none = new int[ranges.length];
        Arrays.fill(none, -1);
        return new RangeState(ranges, none, new BigInteger[ranges.length]);
    }

    /** The variable {@code v} equals plus {@link #offset(int)}, or -1. */
    int base(int v) { return base[v]; }

    BigInteger offset(int v) { return offset[v]; }

    /** The same relations with other ranges. */
    RangeState withRanges(Interval[] r) { return new RangeState(r, base, offset); }

    /** The relations both states have (the ranges are the caller's to merge). */
    RangeState sharedRelations(RangeState other, Interval[] r) {
        int[] b = new int[base.length];
        BigInteger[] o = new BigInteger[base.length];
        for (int v = 0; v < b.length; v++) {
            boolean same = base[v] >= 0 && base[v] == other.base[v] && offset[v].equals(other.offset[v]);
            b[v] = same ? base[v] : -1;
            o[v] = same ? offset[v] : null;
        }
        return new RangeState(r, b, o);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RangeState s && Arrays.equals(ranges, s.ranges) && Arrays.equals(base, s.base) && Arrays.equals(offset, s.offset);
    }

    @Override
    public int hashCode() { return Arrays.hashCode(ranges) * 31 + Arrays.hashCode(base); }
}

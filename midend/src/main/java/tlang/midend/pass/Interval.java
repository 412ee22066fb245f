package tlang.midend.pass;

import tlang.midend.tir.TirType;
import tlang.midend.tir.Value;

import java.math.BigInteger;

/**
 * A range {@code [lo, hi]} of the mathematical values an integer may hold — an i8 in
 * [-128, 127], a u64 in [0, 2^64 - 1] — for {@link RangeCheckElimination}. The bounds are
 * BigIntegers so that the exact range of an operation's result can be compared with its
 * type's range: the operation cannot overflow exactly when the one lies inside the other.
 * Never empty: an intersection that would be reports null (a contradiction).
 *
 * <p>The arithmetic here is exact (unbounded); deciding what a result outside its type
 * means (a trap, a wrap) is the caller's business.
 */
record Interval(BigInteger lo, BigInteger hi) {
    private static final BigInteger TWO = BigInteger.TWO;

    /** Whether {@code t} is a width the analysis knows (TIR's integers are 8 to 64 bits); others it leaves alone. */
    static boolean known(TirType.Int t) { return t.bits() >= 1 && t.bits() <= 64; }

    /** Every value of type {@code t} (of a {@link #known} width). */
    static Interval of(TirType.Int t) {
        BigInteger min = t.signed() ? TWO.pow(t.bits() - 1).negate() : BigInteger.ZERO;
        BigInteger max = TWO.pow(t.signed() ? t.bits() - 1 : t.bits()).subtract(BigInteger.ONE);
        return new Interval(min, max);
    }

    /** The value of a constant, read in its own type (the bits of a u64 as unsigned). */
    static Interval of(Value.IntConst c, TirType.Int t) { return point(ConstantFold.value(c.value(), t)); }

    static Interval point(BigInteger v) { return new Interval(v, v); }

    static Interval point(long v) { return point(BigInteger.valueOf(v)); }

    boolean contains(Interval o) { return lo.compareTo(o.lo) <= 0 && o.hi.compareTo(hi) <= 0; }

    /** Whether every value lies in [{@code min}, {@code max}]. */
    boolean within(long min, long max) { return new Interval(BigInteger.valueOf(min), BigInteger.valueOf(max)).contains(this); }

    boolean isPoint() { return lo.equals(hi); }

    boolean nonNegative() { return lo.signum() >= 0; }

    Interval join(Interval o) { return new Interval(lo.min(o.lo), hi.max(o.hi)); }

    /** The values in both, or null when there are none. */
    Interval meet(Interval o) {
        BigInteger l = lo.max(o.lo), h = hi.min(o.hi);
        return l.compareTo(h) <= 0 ? new Interval(l, h) : null;
    }

    /** The values at most {@code bound}, or null when there are none. */
    Interval atMost(BigInteger bound) { return meet(new Interval(lo.min(bound), bound)); }

    /** The values at least {@code bound}, or null when there are none. */
    Interval atLeast(BigInteger bound) { return meet(new Interval(bound, hi.max(bound))); }

    /** Every value moved by {@code c}. */
    Interval shift(BigInteger c) { return new Interval(lo.add(c), hi.add(c)); }

    Interval add(Interval o) { return new Interval(lo.add(o.lo), hi.add(o.hi)); }

    Interval subtract(Interval o) { return new Interval(lo.subtract(o.hi), hi.subtract(o.lo)); }

    Interval multiply(Interval o) {
        return hull(lo.multiply(o.lo), lo.multiply(o.hi), hi.multiply(o.lo), hi.multiply(o.hi));
    }

    /**
     * Truncating division by a divisor range that does not contain zero. The quotient is
     * monotonic in each operand while the divisor keeps its sign, so its extremes are at
     * the corners. Null when the divisor range contains zero.
     */
    Interval divide(Interval o) {
        if (o.lo.signum() <= 0 && o.hi.signum() >= 0) return null;
        return hull(lo.divide(o.lo), lo.divide(o.hi), hi.divide(o.lo), hi.divide(o.hi));
    }

    /**
     * The remainder of truncating division (the sign of the dividend) by any non-zero value
     * of {@code o}: smaller in magnitude than the largest divisor and than the dividend.
     */
    Interval remainder(Interval o) {
        BigInteger m = o.lo.abs().max(o.hi.abs()).subtract(BigInteger.ONE);
        if (m.signum() < 0) m = BigInteger.ZERO; // only a zero divisor: the operation traps
        BigInteger l = lo.signum() < 0 ? lo.max(m.negate()) : BigInteger.ZERO;
        BigInteger h = hi.signum() > 0 ? hi.min(m) : BigInteger.ZERO;
        return new Interval(l, h);
    }

    /** Bitwise and: a non-negative operand bounds the result (it only clears bits). Null when neither is. */
    Interval and(Interval o) {
        if (nonNegative() && o.nonNegative()) return new Interval(BigInteger.ZERO, hi.min(o.hi));
        if (nonNegative()) return new Interval(BigInteger.ZERO, hi);
        if (o.nonNegative()) return new Interval(BigInteger.ZERO, o.hi);
        return null;
    }

    /** Bitwise or and xor of non-negative operands: no bit above the larger one's highest. Null otherwise. */
    Interval orXor(Interval o) {
        if (!nonNegative() || !o.nonNegative()) return null;
        int bits = hi.max(o.hi).bitLength();
        return new Interval(BigInteger.ZERO, TWO.pow(bits).subtract(BigInteger.ONE));
    }

    /**
     * A shift left of a non-negative range by amounts in {@code amount}, exact; null when
     * the range may be negative or the amounts are not all in [0, 127].
     */
    Interval shiftLeft(Interval amount) {
        if (!nonNegative() || !amount.within(0, 127)) return null;
        return new Interval(lo.shiftLeft(amount.lo.intValueExact()), hi.shiftLeft(amount.hi.intValueExact()));
    }

    /**
     * An arithmetic (floor) shift right by amounts in {@code amount}; for the non-negative
     * values of an unsigned type it is the logical shift. Monotonic in the value, and towards
     * 0 or -1 in the amount: the extremes are at the corners. Null when the amounts are not
     * all in [0, 127].
     */
    Interval shiftRight(Interval amount) {
        if (!amount.within(0, 127)) return null;
        int a = amount.lo.intValueExact(), b = amount.hi.intValueExact();
        return hull(lo.shiftRight(a), lo.shiftRight(b), hi.shiftRight(a), hi.shiftRight(b));
    }

    private static Interval hull(BigInteger a, BigInteger b, BigInteger c, BigInteger d) {
        return new Interval(a.min(b).min(c).min(d), a.max(b).max(c).max(d));
    }

    @Override public String toString() { return "[" + lo + ", " + hi + "]"; }
}

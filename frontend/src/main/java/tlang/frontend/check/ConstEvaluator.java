package tlang.frontend.check;

import tlang.frontend.ast.Expr;
import tlang.frontend.diag.Diagnostics;
import tlang.frontend.diag.ErrorCode;
import tlang.frontend.types.Type;

import java.math.BigInteger;
import java.util.Map;

/**
 * Computes the value of a checked constant expression at compile time: literals, other
 * constants, unary and binary operators, casts and `if`. Integer arithmetic follows T's
 * rules exactly; an overflow or a division by zero is a compile error here, where at run
 * time it would be a panic.
 */
final class ConstEvaluator {
    private final Map<Expr, Type> types;
    private final Map<Expr.Path, Symbol> resolutions;
    private final Diagnostics diags;

    /** Thrown after reporting, to abandon the evaluation. */
    static final class Failed extends RuntimeException {
        Failed() { super(null, null, false, false); }
    }

    ConstEvaluator(Map<Expr, Type> types, Map<Expr.Path, Symbol> resolutions, Diagnostics diags) {
        this.types = types;
        this.resolutions = resolutions;
        this.diags = diags;
    }

    /** The value, or null when it could not be computed (the reason has been reported). */
    Object evaluate(Expr e) {
        try {
            return eval(e);
        } catch (Failed f) {
            return null;
        }
    }

    private Failed fail(Expr e, String message, String... notes) {
        diags.error(ErrorCode.E0080, e.span(), message, notes);
        return new Failed();
    }

    private Object eval(Expr e) {
        Type t = types.get(e);
        return switch (e) {
            case Expr.IntLit i -> t instanceof Type.Float ? (Object) i.value().doubleValue() : i.value();
            case Expr.FloatLit f -> t == Type.Float.F32 ? (double) Float.parseFloat(f.text()) : Double.parseDouble(f.text());
            case Expr.BoolLit b -> b.value();
            case Expr.CharLit c -> c.codePoint();
            case Expr.StrLit s -> s.value();
            case Expr.Path p -> {
                if (resolutions.get(p) instanceof Symbol.Constant k) {
                    if (k.value() == null) throw new Failed(); // its own error was reported
                    yield k.value();
                }
                throw fail(e, "only constants can be used in a constant expression", "note: `" + p.joined() + "` is not known at compile time");
            }
            case Expr.Unary u -> unary(u, t);
            case Expr.Binary b -> binary(b, t);
            case Expr.Cast c -> cast(eval(c.operand()), types.get(c.operand()), t, c);
            case Expr.If i when i.otherwise() != null -> (Boolean) eval(i.cond()) ? block(i.then()) : eval(i.otherwise());
            case Expr.Block b -> block(b);
            default -> throw fail(e, "this expression cannot be evaluated at compile time",
                    "note: constants may use literals, other constants, operators, `as` and `if`");
        };
    }

    private Object block(Expr.Block b) {
        if (!b.stmts().isEmpty() || b.tail() == null) throw fail(b, "only a single expression is allowed in a constant block");
        return eval(b.tail());
    }

    private Object unary(Expr.Unary u, Type t) {
        if (u.op() == Expr.UnaryOp.NEG && u.operand() instanceof Expr.IntLit lit && t instanceof Type.Int) return lit.value().negate();
        Object v = eval(u.operand());
        if (u.op() == Expr.UnaryOp.NOT) {
            if (v instanceof Boolean b) return !b;
            Type.Int it = (Type.Int) t;
            return wrap(((BigInteger) v).not(), it);
        }
        if (v instanceof Double d) return -d;
        return checked(((BigInteger) v).negate(), (Type.Int) t, u, "negate");
    }

    private Object binary(Expr.Binary b, Type t) {
        Object l = eval(b.left());
        if (b.op() == Expr.BinaryOp.AND) return (Boolean) l && (Boolean) eval(b.right());
        if (b.op() == Expr.BinaryOp.OR) return (Boolean) l || (Boolean) eval(b.right());
        Object r = eval(b.right());
        if (b.op().isComparison()) {
            int c = compare(l, r);
            return switch (b.op()) {
                case EQ -> c == 0; case NE -> c != 0; case LT -> c < 0; case LE -> c <= 0; case GT -> c > 0; default -> c >= 0;
            };
        }
        if (l instanceof Boolean x && r instanceof Boolean y) {
            return switch (b.op()) {
                case BIT_AND -> x & y; case BIT_OR -> x | y; default -> x ^ y;
            };
        }
        if (l instanceof Double x) {
            double y = (Double) r;
            double v = switch (b.op()) {
                case ADD -> x + y; case SUB -> x - y; case MUL -> x * y; case DIV -> x / y; default -> x % y;
            };
            return t == Type.Float.F32 ? (double) (float) v : v;
        }
        BigInteger x = (BigInteger) l, y = (BigInteger) r;
        Type.Int it = (Type.Int) t;
        return switch (b.op()) {
            case ADD -> checked(x.add(y), it, b, "add");
            case SUB -> checked(x.subtract(y), it, b, "subtract");
            case MUL -> checked(x.multiply(y), it, b, "multiply");
            case DIV, REM -> {
                if (y.signum() == 0) throw fail(b, "evaluation of constant value failed: attempt to " + (b.op() == Expr.BinaryOp.DIV ? "divide by zero" : "calculate the remainder with a divisor of zero"));
                if (it.signed && x.equals(it.min()) && y.equals(BigInteger.ONE.negate())) {
                    throw fail(b, "evaluation of constant value failed: attempt to " + (b.op() == Expr.BinaryOp.DIV ? "divide" : "calculate the remainder") + " with overflow");
                }
                BigInteger q = b.op() == Expr.BinaryOp.DIV ? x.divide(y) : x.remainder(y); // both truncate toward zero
                yield checked(q, it, b, b.op() == Expr.BinaryOp.DIV ? "divide" : "calculate the remainder");
            }
            case BIT_AND -> x.and(y);
            case BIT_OR -> x.or(y);
            case BIT_XOR -> x.xor(y);
            case SHL, SHR -> {
                if (y.signum() < 0 || y.compareTo(BigInteger.valueOf(it.bits)) >= 0) {
                    throw fail(b, "evaluation of constant value failed: attempt to shift " + (b.op() == Expr.BinaryOp.SHL ? "left" : "right") + " with overflow");
                }
                yield b.op() == Expr.BinaryOp.SHL ? wrap(x.shiftLeft(y.intValue()), it) : x.shiftRight(y.intValue());
            }
            default -> throw new IllegalStateException(b.op().name());
        };
    }

    @SuppressWarnings("unchecked")
    private static int compare(Object l, Object r) {
        return ((Comparable<Object>) l).compareTo(r);
    }

    private BigInteger checked(BigInteger v, Type.Int t, Expr at, String what) {
        if (v.compareTo(t.min()) < 0 || v.compareTo(t.max()) > 0) {
            throw fail(at, "evaluation of constant value failed: attempt to " + what + " with overflow",
                    "note: the result does not fit in `" + t.display() + "`");
        }
        return v;
    }

    /** Two's-complement truncation to the type's width, read back signed or unsigned. */
    static BigInteger wrap(BigInteger v, Type.Int t) {
        BigInteger modulus = BigInteger.ONE.shiftLeft(t.bits);
        BigInteger m = v.mod(modulus);
        return t.signed && m.testBit(t.bits - 1) ? m.subtract(modulus) : m;
    }

    private Object cast(Object v, Type from, Type to, Expr at) {
        if (to instanceof Type.Int ti) {
            if (v instanceof BigInteger b) return wrap(b, ti);
            if (v instanceof Boolean b) return b ? BigInteger.ONE : BigInteger.ZERO;
            if (v instanceof Integer c) return wrap(BigInteger.valueOf(c), ti);
            if (v instanceof Double d) {
                if (d.isNaN()) return BigInteger.ZERO;
                BigInteger truncated = new java.math.BigDecimal(d.isInfinite() ? (d > 0 ? 1e300 : -1e300) : d).toBigInteger();
                return truncated.max(ti.min()).min(ti.max());
            }
        }
        if (to instanceof Type.Float tf) {
            double d = v instanceof BigInteger b ? b.doubleValue() : (Double) v;
            return tf == Type.Float.F32 ? (double) (float) d : d;
        }
        if (to == Type.CHAR && v instanceof BigInteger b) return b.intValue();
        if (to == Type.CHAR && v instanceof Integer c) return c;
        return v;
    }
}

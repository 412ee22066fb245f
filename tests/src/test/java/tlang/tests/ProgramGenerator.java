package tlang.tests;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes random, well-typed expression programs in both T and C, for {@link DifferentialTest}.
 *
 * <p>The expressions cover every integer type and f32/f64: literals (decimal, hex, octal,
 * binary, with `_`, byte literals, `T::MIN`/`T::MAX`/`T::BITS`, float literals with and
 * without exponents, and now and then without a suffix, where inference must find the
 * type), casts between all the types (and from bool; float to integer saturates),
 * arithmetic, bitwise operators, shifts by amounts of any type, comparisons (floats' with
 * NaN), `&&`/`||`/`!`, `if` and
 * `match` (literal, range and or-patterns, bindings, guards; exhaustive ranges without `_`)
 * expressions, calls of small generated functions (some with more parameters than fit in
 * registers), compound assignments, and `const`/`static`/associated constants, which T
 * computes at compile time. Half of them are written with every parenthesis, half with only
 * those T's precedence needs.
 *
 * <p>Every expression is built as a small tree that the generator can evaluate itself, with
 * T's exact semantics (arbitrary-precision arithmetic, then T's trap rules per type). A
 * subexpression whose evaluation would trap — overflow, division by zero, {@code MIN / -1},
 * a shift by the width or more — is rejected and regenerated, so the programs never trap
 * and the C translation never reaches undefined behaviour (a run with
 * {@code -Dtlang.diff.cflags="-fsanitize=undefined -fno-sanitize-recover=all"} checks that).
 * Each printed line therefore has three witnesses: the generator's value, T's output and C's
 * output. {@link #trapProgram} and {@link #constTrapProgram} write the operations that do
 * trap, for checking T's run-time traps and compile-time errors.
 *
 * <p>The C translation casts every subexpression back to its T type, so that C's integer
 * promotions cannot change a result: for an operation whose exact result fits the type, the
 * promoted computation is exact and the cast is the identity. Left shifts are done on
 * {@code uint64_t} (shifting into or past the sign bit is undefined in C; in T it discards
 * the bits, like Rust) and truncated back; float-to-integer conversions go through
 * saturating helpers (out of range they are undefined in C).
 *
 * <p>Number types go through {@link NumType} ({@link IntType}, {@link FloatType}): each
 * knows its literals, its C spelling and printing, and how its values print in T.
 */
final class ProgramGenerator {

    // ------------------------------------------------------------------------------------
    // Types and values

    /** A T type the generator can produce values of. */
    interface Ty {
        /** The type as T spells it. */
        String t();

        /** The type as C spells it. */
        String c();

        /** How a value of this type prints (T's `{}`, and the C program's printf). */
        String show(Object value);
    }

    /** A number type: {@link IntType} or {@link FloatType}. */
    interface NumType extends Ty {
        /**
         * A literal of this type in T (a negative one is a negated literal, `-5i8`);
         * {@code suffixed} false leaves the type to inference.
         */
        String tLiteral(Object value, boolean suffixed, Random rnd);

        /** A literal of this type in C, already of this C type. */
        String cLiteral(Object value);

        /** A C statement that prints {@code cExpr} (of this C type) and a newline. */
        String cPrint(String cExpr);

        Object randomValue(Random rnd);
    }

    enum BoolType implements Ty {
        BOOL;

        @Override public String t() { return "bool"; }
        /** C's comparisons and logical operators make int 0/1; the generated C keeps bools that way. */
        @Override public String c() { return "int"; }
        @Override public String show(Object value) { return value.toString(); }
    }

    static final BoolType BOOL = BoolType.BOOL;

    enum IntType implements NumType {
        I8(8, true, "i8"), I16(16, true, "i16"), I32(32, true, "i32"), I64(64, true, "i64"),
        ISIZE(64, true, "isize"),
        U8(8, false, "u8"), U16(16, false, "u16"), U32(32, false, "u32"), U64(64, false, "u64"),
        USIZE(64, false, "usize");

        final int bits;
        final boolean signed;
        final String name;
        final BigInteger min, max;
        private final BigInteger modulus;

        IntType(int bits, boolean signed, String name) {
            this.bits = bits;
            this.signed = signed;
            this.name = name;
            this.modulus = BigInteger.ONE.shiftLeft(bits);
            this.min = signed ? BigInteger.ONE.shiftLeft(bits - 1).negate() : BigInteger.ZERO;
            this.max = signed ? BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE) : modulus.subtract(BigInteger.ONE);
        }

        @Override public String t() { return name; }

        /** isize and usize are 64-bit on both of T's targets, like int64_t/uint64_t on x86-64 Linux. */
        @Override public String c() { return (signed ? "int" : "uint") + bits + "_t"; }

        @Override public String show(Object value) { return value.toString(); }

        boolean fits(BigInteger v) {
            return v.compareTo(min) >= 0 && v.compareTo(max) <= 0;
        }

        /** {@code v} reduced to this type: what `as` does (truncate, then read with this signedness). */
        BigInteger wrap(BigInteger v) {
            BigInteger r = v.mod(modulus);
            return signed && r.testBit(bits - 1) ? r.subtract(modulus) : r;
        }

        @Override
        public String tLiteral(Object value, boolean suffixed, Random rnd) {
            BigInteger v = (BigInteger) value;
            BigInteger mag = v.abs();
            String digits;
            int form = rnd.nextInt(20);
            if (form == 4 && this == U8 && v.intValue() <= 0x7F) return byteLiteral(v.intValue(), rnd);
            if (form == 0) digits = "0x" + mag.toString(16);
            else if (form == 1) digits = "0o" + mag.toString(8);
            else if (form == 2) digits = "0b" + mag.toString(2);
            else if (form == 3 && mag.toString().length() > 1) {
                String d = mag.toString();
                int at = 1 + rnd.nextInt(d.length() - 1);
                digits = d.substring(0, at) + "_" + d.substring(at);
            } else digits = mag.toString();
            return (v.signum() < 0 ? "-" : "") + digits + (suffixed ? name : "");
        }

        /** `b'A'`, `b'\n'`, `b'\x7f'`: an ASCII byte (T's byte literals are ASCII only). */
        private static String byteLiteral(int b, Random rnd) {
            String text = switch (b) {
                case '\n' -> "\\n";
                case '\t' -> "\\t";
                case '\r' -> "\\r";
                case 0 -> "\\0";
                case '\\' -> "\\\\";
                case '\'' -> "\\'";
                case '"' -> rnd.nextBoolean() ? "\\\"" : "\"";
                default -> b >= 0x20 && b < 0x7F && rnd.nextInt(3) != 0 ? Character.toString(b) : null;
            };
            if (text == null || rnd.nextInt(5) == 0) {
                String hex = String.format("%02x", b);
                text = "\\x" + (rnd.nextBoolean() ? hex : hex.toUpperCase());
            }
            return "b'" + text + "'";
        }

        @Override
        public String cLiteral(Object value) {
            BigInteger v = (BigInteger) value;
            if (!signed) return "((" + c() + ")UINT64_C(" + v + "))";
            if (v.equals(I64.min)) return "((" + c() + ")(-INT64_C(9223372036854775807) - 1))";
            return "((" + c() + ")INT64_C(" + v + "))";
        }

        @Override
        public String cPrint(String cExpr) {
            return "printf(\"%\" PRI" + (signed ? "d" : "u") + bits + " \"\\n\", (" + c() + ")(" + cExpr + "));";
        }

        /** Small values, boundary values and values of every magnitude, each often enough. */
        @Override
        public BigInteger randomValue(Random rnd) {
            int kind = rnd.nextInt(10);
            if (kind < 3) {
                BigInteger v = BigInteger.valueOf(rnd.nextInt(33) - (signed ? 16 : 0));
                return fits(v) ? v : wrap(v);
            }
            if (kind < 5) {
                BigInteger p = BigInteger.ONE.shiftLeft(rnd.nextInt(bits));
                BigInteger[] special = {min, max, min.add(BigInteger.ONE), max.subtract(BigInteger.ONE), BigInteger.ZERO,
                        BigInteger.ONE, BigInteger.ONE.negate(), p, p.subtract(BigInteger.ONE), p.negate(), p.add(BigInteger.ONE)};
                return wrap(special[rnd.nextInt(special.length)]);
            }
            BigInteger v = new BigInteger(1 + rnd.nextInt(bits), rnd);
            if (signed && rnd.nextBoolean()) v = v.negate();
            return fits(v) ? v : wrap(v);
        }
    }

    static final IntType[] INTS = IntType.values();

    /**
     * f32 and f64. Values are Doubles (an f32's exactly representable as a float); the
     * arithmetic is Java's, which is IEEE 754 with round-to-nearest like T's and C's (an f32
     * operation done in double and rounded once to float gives the float result: double has
     * more than twice float's precision).
     */
    enum FloatType implements NumType {
        F32("f32", "float"), F64("f64", "double");

        final String name, cName;

        FloatType(String name, String cName) {
            this.name = name;
            this.cName = cName;
        }

        @Override public String t() { return name; }
        @Override public String c() { return cName; }

        /** {@code v} rounded to this type. */
        double round(double v) {
            return this == F32 ? (double) (float) v : v;
        }

        /** An integer converted to this type: rounded once, to nearest. */
        double fromInt(BigInteger v) {
            return this == F32 ? (double) v.floatValue() : v.doubleValue();
        }

        /**
         * Rust's `{}` for floats, which T follows: the shortest decimal that reads back as the
         * same value (the closest such, ties rounded up), written without an exponent; `-0`,
         * `inf`, `-inf`, `NaN`.
         */
        @Override
        public String show(Object value) {
            double d = (Double) value;
            if (Double.isNaN(d)) return "NaN";
            if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
            if (d == 0) return (1 / d < 0) ? "-0" : "0";
            String plain = shortest(Math.abs(d)).stripTrailingZeros().toPlainString();
            return (d < 0 ? "-" : "") + plain;
        }

        /** The shortest decimal that reads back (in this type) as {@code a} (positive, finite). */
        java.math.BigDecimal shortest(double a) {
            java.math.BigDecimal exact = new java.math.BigDecimal(a);
            for (int n = 1; ; n++) {
                java.math.BigDecimal down = exact.round(new java.math.MathContext(n, java.math.RoundingMode.DOWN));
                java.math.BigDecimal up = exact.round(new java.math.MathContext(n, java.math.RoundingMode.UP));
                boolean downOk = readsBack(down, a), upOk = readsBack(up, a);
                if (downOk && upOk) {
                    // The closer one; a tie rounds up, as in Rust's flt2dec (Dragon4's shortest
                    // mode: `up && (!down || 2 * mant >= scale)`), where Java's Double.toString,
                    // Python and Ryu pick the even digit: 2004879922604984.25 prints ...984.3.
                    return exact.subtract(down).compareTo(up.subtract(exact)) < 0 ? down : up;
                }
                if (downOk) return down;
                if (upOk) return up;
            }
        }

        private boolean readsBack(java.math.BigDecimal d, double a) {
            String s = d.toString();
            return this == F32 ? Float.parseFloat(s) == (float) a : Double.parseDouble(s) == a;
        }

        @Override
        public String tLiteral(Object value, boolean suffixed, Random rnd) {
            double d = (Double) value;
            java.math.BigDecimal dec = d == 0 ? java.math.BigDecimal.ZERO : shortest(Math.abs(d)).stripTrailingZeros();
            String digits = dec.unscaledValue().toString();
            int exponent = digits.length() - 1 - dec.scale(); // of the first digit
            String text;
            boolean plainOk = exponent > -6 && exponent < 16;
            int form = rnd.nextInt(4);
            if (plainOk && form < 2) {
                text = dec.toPlainString();
                if (!text.contains(".")) text += form == 0 && !suffixed ? "." : ".0"; // `2.`, `2.0` (`2.f64` would be a method call)
            } else {
                // d.ddd e exponent
                String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
                if (form == 3 && digits.length() == 1) mantissa += ".0";
                text = mantissa + (rnd.nextInt(4) == 0 ? "E" : "e") + exponent;
            }
            return (d < 0 || (d == 0 && 1 / d < 0) ? "-" : "") + text + (suffixed ? name : "");
        }

        /** A hexadecimal float: exact. */
        @Override
        public String cLiteral(Object value) {
            return "((" + cName + ")" + Double.toHexString((Double) value) + ")";
        }

        /** All the digits C needs to tell doubles apart; the test compares the values read back. */
        @Override
        public String cPrint(String cExpr) {
            return "printf(\"%.17g\\n\", (double)(" + cExpr + "));";
        }

        /** Small integers, simple fractions, values of every magnitude, zeros, extremes. */
        @Override
        public Double randomValue(Random rnd) {
            double v;
            switch (rnd.nextInt(6)) {
                case 0 -> v = rnd.nextInt(33) - 16;
                case 1 -> v = (rnd.nextInt(41) - 20) / (rnd.nextBoolean() ? 10.0 : 8.0);
                case 2 -> v = Math.scalb(rnd.nextDouble() * 2 - 1, rnd.nextInt(80) - 40);
                case 3 -> v = Math.scalb(rnd.nextDouble() * 2 - 1, rnd.nextInt(this == F32 ? 250 : 2040) - (this == F32 ? 125 : 1020));
                case 4 -> v = rnd.nextBoolean() ? 0.0 : -0.0;
                default -> {
                    double[] special = this == F32
                            ? new double[] {Float.MAX_VALUE, Float.MIN_VALUE, Float.MIN_NORMAL, 16777216, 16777217, 2147483648.0, 1e10, 0.1f}
                            : new double[] {Double.MAX_VALUE, Double.MIN_VALUE, Double.MIN_NORMAL, 9007199254740993.0, 9223372036854775807.0,
                                    18446744073709551615.0, 2147483648.0, 1e300, 0.1, 1e-300};
                    v = special[rnd.nextInt(special.length)] * (rnd.nextBoolean() ? 1 : -1);
                }
            }
            v = round(v);
            return Double.isInfinite(v) ? 1.5 : v;
        }
    }

    static final FloatType[] FLOATS = FloatType.values();

    /** What a T program does at run time where the generator's evaluation throws this. */
    static final class Trap extends RuntimeException {
        Trap(String message) {
            super(message, null, false, false);
        }
    }

    // ------------------------------------------------------------------------------------
    // Expressions

    /** Integer operators (on one type) and the bool operators among them. */
    enum Op {
        ADD("+"), SUB("-"), MUL("*"), DIV("/"), REM("%"), AND("&"), OR("|"), XOR("^"), SHL("<<"), SHR(">>");

        final String token;

        Op(String token) {
            this.token = token;
        }

        boolean isShift() {
            return this == SHL || this == SHR;
        }

        BigInteger apply(IntType t, BigInteger a, BigInteger b) {
            BigInteger r = switch (this) {
                case ADD -> a.add(b);
                case SUB -> a.subtract(b);
                case MUL -> a.multiply(b);
                case DIV, REM -> {
                    boolean div = this == DIV;
                    if (b.signum() == 0) throw new Trap(div ? "attempt to divide by zero" : "attempt to calculate the remainder with a divisor of zero");
                    if (t.signed && a.equals(t.min) && b.equals(BigInteger.ONE.negate()))
                        throw new Trap(div ? "attempt to divide with overflow" : "attempt to calculate the remainder with overflow");
                    // BigInteger truncates toward zero, and the remainder takes the dividend's sign: as T.
                    yield div ? a.divide(b) : a.remainder(b);
                }
                case AND -> a.and(b);
                case OR -> a.or(b);
                case XOR -> a.xor(b);
                case SHL, SHR -> {
                    if (b.signum() < 0 || b.compareTo(BigInteger.valueOf(t.bits)) >= 0)
                        throw new Trap(this == SHL ? "attempt to shift left with overflow" : "attempt to shift right with overflow");
                    // Left: the bits shifted out are lost. Right: BigInteger's shift is arithmetic,
                    // which is logical for the (non-negative) values of unsigned types.
                    yield this == SHL ? t.wrap(a.shiftLeft(b.intValue())) : a.shiftRight(b.intValue());
                }
            };
            if (!t.fits(r)) {
                throw new Trap(switch (this) {
                    case ADD -> "attempt to add with overflow";
                    case SUB -> "attempt to subtract with overflow";
                    case MUL -> "attempt to multiply with overflow";
                    default -> throw new IllegalStateException(this + " gave " + r + " for " + t);
                });
            }
            return r;
        }

        /** IEEE 754 arithmetic, which never traps; `%` is C's fmod, as in Rust. */
        double applyFloat(FloatType t, double a, double b) {
            return t.round(switch (this) {
                case ADD -> a + b;
                case SUB -> a - b;
                case MUL -> a * b;
                case DIV -> a / b;
                case REM -> a % b;
                default -> throw new IllegalStateException(this + " on floats");
            });
        }

        Object apply(NumType t, Object a, Object b) {
            return t instanceof FloatType f ? (Object) applyFloat(f, (Double) a, (Double) b) : apply((IntType) t, (BigInteger) a, (BigInteger) b);
        }

        boolean applyBool(boolean a, boolean b) {
            return switch (this) {
                case AND -> a & b;
                case OR -> a | b;
                case XOR -> a ^ b;
                default -> throw new IllegalStateException(this + " on bool");
            };
        }
    }

    enum Cmp {
        EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

        final String token;

        Cmp(String token) {
            this.token = token;
        }

        boolean test(int c) {
            return switch (this) {
                case EQ -> c == 0;
                case NE -> c != 0;
                case LT -> c < 0;
                case LE -> c <= 0;
                case GT -> c > 0;
                case GE -> c >= 0;
            };
        }
    }

    // T's precedence levels, strongest first (docs/language.md, "Operators").
    static final int ALWAYS = Integer.MAX_VALUE, UNARY = 12, AS = 11, CMP = 4, IF = 0;

    static int prec(Op op) {
        return switch (op) {
            case MUL, DIV, REM -> 10;
            case ADD, SUB -> 9;
            case SHL, SHR -> 8;
            case AND -> 7;
            case XOR -> 6;
            case OR -> 5;
        };
    }

    /** {@code inner} in parentheses where its precedence {@code prec} is too weak for {@code ctx}. */
    static String paren(String inner, int prec, int ctx) {
        return ctx == ALWAYS || prec < ctx ? "(" + inner + ")" : inner;
    }

    /** The context a child gets: {@code prec}, or ALWAYS in fully parenthesized text. */
    static int child(int ctx, int prec) {
        return ctx == ALWAYS ? ALWAYS : prec;
    }

    /**
     * A left operand of `<`, `<=` or `<<` that ends in `as TYPE` is parenthesized: there the
     * `<` would read as the start of generic arguments (as in Rust).
     */
    static String beforeAngle(String left) {
        return left.matches("(?s).* as [iu](8|16|32|64|size)") ? "(" + left + ")" : left;
    }

    /** An expression: its type, its value in an environment, and its text in T and in C. */
    abstract static class Node {
        final Ty type;

        Node(Ty type) {
            this.type = type;
        }

        /** The value, or a {@link Trap} where T would trap. */
        abstract Object eval(Map<String, Object> env);

        /**
         * The T text, parenthesized where an operator of precedence below {@code ctx} would
         * need it; with {@link #ALWAYS} every compound subexpression is parenthesized.
         */
        abstract String t(int ctx);

        String t() {
            return t(ALWAYS);
        }

        abstract String c();

        /**
         * Whether the expression's type is fixed without help from its context; an unsuffixed
         * literal beside it (as the other operand of an operator) then takes its type from it.
         */
        boolean anchored() {
            return true;
        }
    }

    static final class Lit extends Node {
        final Object value;
        boolean suffixed = true;
        /** Picks the literal's form (decimal, hex, ...), the same with or without the suffix. */
        private final long form;
        /** A constant's name (`i8::MIN`, `u16::BITS`) that stands for the value, or null. */
        final String named;

        Lit(NumType type, Object value, Random rnd) {
            this(type, value, rnd, null);
        }

        Lit(NumType type, Object value, Random rnd, String named) {
            super(type);
            this.value = value;
            this.form = rnd.nextLong();
            this.named = named;
        }

        @Override Object eval(Map<String, Object> env) { return value; }

        @Override String t(int ctx) {
            if (named != null) return named;
            String text = ((NumType) type).tLiteral(value, suffixed, new Random(form));
            return text.startsWith("-") ? paren(text, UNARY, ctx) : text;
        }

        @Override String c() { return ((NumType) type).cLiteral(value); }

        @Override boolean anchored() { return suffixed || named != null; }
    }

    static final class BoolLit extends Node {
        final boolean value;

        BoolLit(boolean value) {
            super(BOOL);
            this.value = value;
        }

        @Override Object eval(Map<String, Object> env) { return value; }
        @Override String t(int ctx) { return Boolean.toString(value); }
        @Override String c() { return value ? "1" : "0"; }
    }

    /** A variable, parameter or named constant; {@code cName} is what C calls it. */
    static final class Var extends Node {
        final String name, cName;

        Var(String name, Ty type) {
            this(name, name, type);
        }

        Var(String name, String cName, Ty type) {
            super(type);
            this.name = name;
            this.cName = cName;
        }

        @Override Object eval(Map<String, Object> env) {
            Object v = env.get(name);
            if (v == null) throw new IllegalStateException("unbound " + name);
            return v;
        }

        @Override String t(int ctx) { return name; }
        @Override String c() { return cName; }
    }

    /** Unary minus (signed integers), bitwise complement `!` (integers), logical not `!` (bool). */
    static final class Unary extends Node {
        final boolean negate;
        final Node operand;

        Unary(boolean negate, Node operand) {
            super(operand.type);
            this.negate = negate;
            this.operand = operand;
        }

        @Override Object eval(Map<String, Object> env) {
            Object v = operand.eval(env);
            if (type == BOOL) return !(Boolean) v;
            if (type instanceof FloatType) return -(Double) v;
            IntType it = (IntType) type;
            BigInteger x = (BigInteger) v;
            if (negate) {
                BigInteger r = x.negate();
                if (!it.fits(r)) throw new Trap("attempt to negate with overflow");
                return r;
            }
            return it.wrap(x.not());
        }

        @Override String t(int ctx) {
            String o = operand.t(child(ctx, UNARY));
            return paren((negate ? "-" : "!") + (o.startsWith("-") ? " " : "") + o, UNARY, ctx);
        }

        @Override String c() {
            if (type == BOOL) return "(!" + operand.c() + ")";
            return "((" + type.c() + ")(" + (negate ? "-" : "~") + operand.c() + "))";
        }

        @Override boolean anchored() { return operand.anchored(); }
    }

    /** `a op b` on one integer type, or `&` `|` `^` on bools; for shifts {@code b} may be of any integer type. */
    static final class Binary extends Node {
        final Op op;
        final Node left, right;

        Binary(Op op, Node left, Node right) {
            super(left.type);
            this.op = op;
            this.left = left;
            this.right = right;
        }

        @Override Object eval(Map<String, Object> env) {
            Object a = left.eval(env), b = right.eval(env);
            if (type == BOOL) return op.applyBool((Boolean) a, (Boolean) b);
            return op.apply((NumType) type, a, b);
        }

        @Override String t(int ctx) {
            int p = prec(op); // & | ^ on bools bind as on integers
            String l = left.t(child(ctx, p));
            if (op == Op.SHL) l = beforeAngle(l);
            return paren(l + " " + op.token + " " + right.t(child(ctx, p + 1)), p, ctx);
        }

        @Override String c() { return c(left.c(), right.c()); }

        /** The C form with the operands' C text given (compound assignment reuses it). */
        String c(String l, String r) {
            if (type == BOOL) return "(" + l + " " + op.token + " " + r + ")";
            String ct = type.c();
            if (op == Op.REM && type instanceof FloatType f) return "((" + ct + ")" + (f == FloatType.F32 ? "fmodf(" : "fmod(") + l + ", " + r + "))";
            // In T a left shift drops the bits shifted out, sign bit included; in C shifting
            // into the sign bit (or a negative value) is undefined, so shift the bits unsigned.
            if (op == Op.SHL) return "((" + ct + ")((uint64_t)" + l + " << " + r + "))";
            return "((" + ct + ")(" + l + " " + op.token + " " + r + "))";
        }

        @Override boolean anchored() { return op.isShift() ? left.anchored() : left.anchored() || right.anchored(); }
    }

    static final class Compare extends Node {
        final Cmp op;
        final Node left, right;

        Compare(Cmp op, Node left, Node right) {
            super(BOOL);
            this.op = op;
            this.left = left;
            this.right = right;
        }

        @Override Object eval(Map<String, Object> env) {
            Object a = left.eval(env), b = right.eval(env);
            if (a instanceof Double x) { // IEEE 754: NaN is unordered, and unequal to everything
                double y = (Double) b;
                return switch (op) {
                    case EQ -> x == y; case NE -> x != y; case LT -> x < y; case LE -> x <= y; case GT -> x > y; case GE -> x >= y;
                };
            }
            int c = a instanceof Boolean x ? Boolean.compare(x, (Boolean) b) : ((BigInteger) a).compareTo((BigInteger) b);
            return op.test(c);
        }

        @Override String t(int ctx) {
            // Comparisons do not chain: both operands bind tighter.
            String l = left.t(child(ctx, CMP + 1));
            if (op == Cmp.LT || op == Cmp.LE) l = beforeAngle(l);
            return paren(l + " " + op.token + " " + right.t(child(ctx, CMP + 1)), CMP, ctx);
        }

        @Override String c() { return "(" + left.c() + " " + op.token + " " + right.c() + ")"; }
    }

    /** Short-circuit `&&` and `||`. */
    static final class Logic extends Node {
        final boolean and;
        final Node left, right;

        Logic(boolean and, Node left, Node right) {
            super(BOOL);
            this.and = and;
            this.left = left;
            this.right = right;
        }

        @Override Object eval(Map<String, Object> env) {
            boolean a = (Boolean) left.eval(env);
            if (and ? !a : a) return a;
            return right.eval(env);
        }

        @Override String t(int ctx) {
            int p = and ? 3 : 2;
            return paren(left.t(child(ctx, p)) + (and ? " && " : " || ") + right.t(child(ctx, p + 1)), p, ctx);
        }
        @Override String c() { return "(" + left.c() + (and ? " && " : " || ") + right.c() + ")"; }
    }

    static final class Cast extends Node {
        final Node operand;

        Cast(NumType to, Node operand) {
            super(to);
            this.operand = operand;
        }

        @Override Object eval(Map<String, Object> env) {
            Object v = operand.eval(env);
            if (type instanceof FloatType f) return v instanceof Double d ? f.round(d) : f.fromInt((BigInteger) v);
            IntType it = (IntType) type;
            if (v instanceof Double d) return saturate(d, it);
            BigInteger x = v instanceof Boolean b ? (b ? BigInteger.ONE : BigInteger.ZERO) : (BigInteger) v;
            return it.wrap(x);
        }

        /** Float to integer: toward zero, saturating at the type's bounds; NaN is 0. */
        static BigInteger saturate(double d, IntType t) {
            if (Double.isNaN(d)) return BigInteger.ZERO;
            if (Double.isInfinite(d)) return d > 0 ? t.max : t.min;
            BigInteger v = new java.math.BigDecimal(d).toBigInteger();
            return v.max(t.min).min(t.max);
        }

        // `-x as u8` is `(-x) as u8`, and `x as u8 as i32` is `(x as u8) as i32`.
        @Override String t(int ctx) { return paren(operand.t(child(ctx, AS)) + " as " + type.t(), AS, ctx); }

        @Override String c() {
            // Out-of-range float-to-integer conversions are undefined in C: a helper saturates.
            if (type instanceof IntType it && operand.type instanceof FloatType) return "f2" + it.t() + "((double)" + operand.c() + ")";
            return "((" + type.c() + ")" + operand.c() + ")";
        }
    }

    /** One alternative of a pattern: a literal ({@code lo == hi}), `lo..=hi`, or `lo..hi` (hi excluded). */
    record Alt(Lit lo, Lit hi, boolean exclusive) {
        boolean matches(BigInteger v) {
            BigInteger l = (BigInteger) lo.value;
            if (hi == null) return v.equals(l);
            int c = v.compareTo((BigInteger) hi.value);
            return v.compareTo(l) >= 0 && (exclusive ? c < 0 : c <= 0);
        }

        /** In a pattern a negative literal takes no parentheses. */
        String t() {
            return hi == null ? lo.t(IF) : lo.t(IF) + (exclusive ? ".." : "..=") + hi.t(IF);
        }

        String c(String v) {
            if (hi == null) return "(" + v + " == " + lo.c() + ")";
            return "(" + v + " >= " + lo.c() + " && " + v + (exclusive ? " < " : " <= ") + hi.c() + ")";
        }
    }

    /** `alt | alt ... [if guard] => body`, the scrutinee bound to {@code binding} (with one alternative). */
    record Arm(List<Alt> alts, Var binding, Node guard, Node body) {}

    /**
     * `match scrutinee { arms, _ => otherwise }` on an integer; without {@code otherwise}
     * the arms' ranges cover the scrutinee's type. In C, a GNU statement expression.
     */
    static final class Match extends Node {
        final int id;
        final Node scrutinee;
        final List<Arm> arms;
        final Node otherwise;

        Match(int id, Ty type, Node scrutinee, List<Arm> arms, Node otherwise) {
            super(type);
            this.id = id;
            this.scrutinee = scrutinee;
            this.arms = arms;
            this.otherwise = otherwise;
        }

        /** The arm that {@code v} selects, or null for `_`. */
        Arm select(BigInteger v, Map<String, Object> env) {
            for (Arm arm : arms) {
                if (arm.alts().stream().noneMatch(a -> a.matches(v))) continue;
                if (arm.guard() == null || (Boolean) arm.guard().eval(bind(arm, v, env))) return arm;
            }
            if (otherwise == null) throw new IllegalStateException("match on " + v + " is not exhaustive");
            return null;
        }

        static Map<String, Object> bind(Arm arm, BigInteger v, Map<String, Object> env) {
            if (arm.binding() == null) return env;
            Map<String, Object> e = new HashMap<>(env);
            e.put(arm.binding().name, v);
            return e;
        }

        @Override Object eval(Map<String, Object> env) {
            BigInteger v = (BigInteger) scrutinee.eval(env);
            Arm arm = select(v, env);
            return arm == null ? otherwise.eval(env) : arm.body().eval(bind(arm, v, env));
        }

        @Override String t(int ctx) {
            int c = child(ctx, IF);
            // The scrutinee: an `if` or `match` there is parenthesized.
            StringBuilder s = new StringBuilder("match ").append(scrutinee.t(child(ctx, IF + 1))).append(" {");
            for (Arm arm : arms) {
                s.append(' ');
                if (arm.binding() != null) s.append(arm.binding().name).append(" @ ");
                s.append(String.join(" | ", arm.alts().stream().map(Alt::t).toList()));
                if (arm.guard() != null) s.append(" if ").append(arm.guard().t(c));
                s.append(" => ").append(arm.body().t(c)).append(',');
            }
            if (otherwise != null) s.append(" _ => ").append(otherwise.t(c)).append(',');
            return paren(s.append(" }").toString(), IF, ctx);
        }

        @Override String c() {
            String v = "_m" + id;
            StringBuilder s = new StringBuilder("({ ").append(scrutinee.type.c()).append(' ').append(v).append(" = ").append(scrutinee.c()).append("; ");
            for (Arm arm : arms) {
                if (arm.binding() != null) s.append(scrutinee.type.c()).append(' ').append(arm.binding().cName).append(" = ").append(v).append("; ");
            }
            StringBuilder e = new StringBuilder();
            for (int i = 0; i < arms.size(); i++) {
                Arm arm = arms.get(i);
                String test = "(" + String.join(" || ", arm.alts().stream().map(a -> a.c(v)).toList()) + ")";
                if (arm.guard() != null) test = "(" + test + " && " + arm.guard().c() + ")";
                boolean last = i == arms.size() - 1 && otherwise == null;
                e.append(last ? arm.body().c() : test + " ? " + arm.body().c() + " : ");
            }
            if (otherwise != null) e.append(otherwise.c());
            String value = type == BOOL ? "(" + e + ")" : "((" + type.c() + ")(" + e + "))";
            return s.append(value).append("; })").toString();
        }

        @Override boolean anchored() {
            return arms.stream().anyMatch(a -> a.body().anchored()) || (otherwise != null && otherwise.anchored());
        }
    }

    static final class If extends Node {
        final Node cond, then, otherwise;

        If(Node cond, Node then, Node otherwise) {
            super(then.type);
            this.cond = cond;
            this.then = then;
            this.otherwise = otherwise;
        }

        @Override Object eval(Map<String, Object> env) {
            return (Boolean) cond.eval(env) ? then.eval(env) : otherwise.eval(env);
        }

        /** Parenthesized unless it is a whole argument or result (precedence IF). */
        @Override String t(int ctx) {
            int c = child(ctx, IF);
            return paren("if " + cond.t(c) + " { " + then.t(c) + " } else { " + otherwise.t(c) + " }", IF, ctx);
        }

        @Override String c() {
            String e = "(" + cond.c() + " ? " + then.c() + " : " + otherwise.c() + ")";
            return type == BOOL ? e : "((" + type.c() + ")" + e + ")";
        }

        @Override boolean anchored() { return then.anchored() || otherwise.anchored(); }
    }

    /** A generated function: parameters, a result type and an expression body. */
    static final class Func {
        final String name;
        final List<Var> params;
        final Ty result;
        Node body;
        /** The body's T text: fully parenthesized, or with only the parentheses T needs. */
        int bodyCtx = ALWAYS;

        Func(String name, List<Var> params, Ty result) {
            this.name = name;
            this.params = params;
            this.result = result;
        }

        /** The constants the body may use. */
        Map<String, Object> globals = Map.of();

        Object call(List<Object> args) {
            Map<String, Object> env = new HashMap<>(globals);
            for (int i = 0; i < params.size(); i++) env.put(params.get(i).name, args.get(i));
            return body.eval(env);
        }

        String t() {
            StringBuilder s = new StringBuilder("fn " + name + "(");
            for (int i = 0; i < params.size(); i++) s.append(i > 0 ? ", " : "").append(params.get(i).name).append(": ").append(params.get(i).type.t());
            return s.append(") -> ").append(result.t()).append(" {\n    ").append(body.t(bodyCtx)).append("\n}\n").toString();
        }

        String c() {
            StringBuilder s = new StringBuilder("static " + result.c() + " " + name + "(");
            for (int i = 0; i < params.size(); i++) s.append(i > 0 ? ", " : "").append(params.get(i).type.c()).append(' ').append(params.get(i).name);
            return s.append(") {\n    return ").append(body.c()).append(";\n}\n").toString();
        }
    }

    static final class Call extends Node {
        final Func func;
        final List<Node> args;

        Call(Func func, List<Node> args) {
            super(func.result);
            this.func = func;
            this.args = args;
        }

        @Override Object eval(Map<String, Object> env) {
            List<Object> values = new ArrayList<>();
            for (Node a : args) values.add(a.eval(env));
            return func.call(values);
        }

        @Override String t(int ctx) { return func.name + "(" + String.join(", ", args.stream().map(a -> a.t(child(ctx, IF))).toList()) + ")"; }
        @Override String c() { return func.name + "(" + String.join(", ", args.stream().map(Node::c).toList()) + ")"; }
    }

    // ------------------------------------------------------------------------------------
    // Generation

    /** The variables an expression may use, with the values they hold while it is generated. */
    static final class Scope {
        final List<Var> vars = new ArrayList<>();
        final Map<String, Object> env = new HashMap<>();
        final List<Func> funcs;
        /** A constant's value: no calls, no `match`. */
        boolean constant;

        Scope(List<Func> funcs) {
            this.funcs = funcs;
        }

        void add(Var v, Object value) {
            vars.add(v);
            env.put(v.name, value);
        }

        void addAll(Scope other) {
            for (Var v : other.vars) add(v, other.env.get(v.name));
        }

        List<Var> of(Ty t) {
            return vars.stream().filter(v -> v.type == t).toList();
        }
    }

    final Random rnd;
    final int maxDepth;

    ProgramGenerator(long seed, int maxDepth) {
        this.rnd = new Random(seed);
        this.maxDepth = maxDepth;
    }

    static boolean valid(Node n, Map<String, Object> env) {
        try {
            n.eval(env);
            return true;
        } catch (Trap t) {
            return false;
        }
    }

    IntType anyInt() {
        return INTS[rnd.nextInt(INTS.length)];
    }

    FloatType anyFloat() {
        return FLOATS[rnd.nextInt(FLOATS.length)];
    }

    /** A number type: mostly integers. */
    NumType anyNum() {
        return rnd.nextInt(5) == 0 ? anyFloat() : anyInt();
    }

    /** Integers, bools (a fifth), floats (a sixth). */
    Ty anyType() {
        int k = rnd.nextInt(30);
        return k < 6 ? BOOL : k < 11 ? anyFloat() : anyInt();
    }

    Node gen(Ty t, int depth, Scope s) {
        return t == BOOL ? genBool(depth, s) : t instanceof FloatType f ? genFloat(f, depth, s) : genInt((IntType) t, depth, s);
    }

    Node leaf(Ty t, Scope s) {
        if (rnd.nextInt(100) < 50) {
            List<Var> vars = s.of(t);
            if (!vars.isEmpty() && rnd.nextInt(4) != 0) return vars.get(rnd.nextInt(vars.size()));
            // A variable of another type, converted.
            List<Var> ints = s.vars.stream().filter(v -> v.type instanceof IntType).toList();
            if (t instanceof NumType nt && !ints.isEmpty()) return new Cast(nt, ints.get(rnd.nextInt(ints.size())));
            if (t == BOOL && !ints.isEmpty()) {
                Var v = ints.get(rnd.nextInt(ints.size()));
                Node n = near((IntType) v.type, v, s);
                return new Compare(Cmp.values()[rnd.nextInt(6)], v, n);
            }
        }
        if (t == BOOL) return new BoolLit(rnd.nextBoolean());
        NumType n = (NumType) t;
        Object v = n.randomValue(rnd);
        if (t instanceof IntType it && rnd.nextInt(3) == 0 && (v.equals(it.min) || v.equals(it.max)))
            return new Lit(n, v, rnd, it.t() + (v.equals(it.min) ? "::MIN" : "::MAX"));
        return new Lit(n, v, rnd);
    }

    /**
     * Drops the suffix of some literals, to exercise T's literal type inference, where their
     * type still follows from the program: {@code typed} says whether {@code n}'s context
     * fixes its type (an annotated `let`, an argument, a result, an anchored sibling
     * operand). Where it does not, one operand keeps the expression anchored.
     */
    void infer(Node n, boolean typed) {
        switch (n) {
            case Lit l -> {
                if (typed && l.named == null && rnd.nextInt(3) == 0) l.suffixed = false;
            }
            case Unary u -> infer(u.operand, typed);
            case Binary b when b.op.isShift() -> {
                infer(b.left, typed);
                infer(b.right, false); // the amount's own type matters for ! and overflow
            }
            case Binary b -> pair(b.left, b.right, typed);
            case Compare c -> pair(c.left, c.right, false);
            case Logic l -> {
                infer(l.left, false);
                infer(l.right, false);
            }
            case Cast c -> infer(c.operand, false);
            case If i -> {
                infer(i.cond, false);
                pair(i.then, i.otherwise, typed);
            }
            case Call c -> c.args.forEach(a -> infer(a, true));
            case Match m -> {
                infer(m.scrutinee, false);
                for (Arm arm : m.arms) {
                    for (Alt alt : arm.alts()) {
                        // Their type follows from the (anchored) scrutinee.
                        infer(alt.lo(), true);
                        if (alt.hi() != null) infer(alt.hi(), true);
                    }
                    if (arm.guard() != null) infer(arm.guard(), false);
                }
                List<Node> results = new ArrayList<>(m.arms.stream().map(Arm::body).toList());
                if (m.otherwise != null) results.add(m.otherwise);
                int keeper = typed ? -1 : rnd.nextInt(results.size());
                if (keeper >= 0) infer(results.get(keeper), false);
                for (int i = 0; i < results.size(); i++) if (i != keeper) infer(results.get(i), typed || results.get(keeper).anchored());
            }
            default -> { }
        }
    }

    /** Two operands of one type: typed by the context, or by one of them that keeps its type. */
    private void pair(Node a, Node b, boolean typed) {
        if (typed) {
            infer(a, true);
            infer(b, true);
        } else if (rnd.nextBoolean()) {
            infer(a, false);
            infer(b, a.anchored());
        } else {
            infer(b, false);
            infer(a, b.anchored());
        }
    }

    Node genInt(IntType t, int depth, Scope s) {
        if (depth <= 0 || rnd.nextInt(100) < 15) return leaf(t, s);
        for (int attempt = 0; attempt < 6; attempt++) {
            Node n = candidate(t, depth, s);
            if (n != null && valid(n, s.env)) return n;
        }
        return leaf(t, s);
    }

    private Node candidate(IntType t, int depth, Scope s) {
        int k = rnd.nextInt(100);
        if (k < 40) {
            Op op = Op.values()[rnd.nextInt(8)]; // arithmetic and bitwise
            Node a = genInt(t, depth - 1, s);
            Node b = genInt(t, depth - 1, s);
            Node n = new Binary(op, a, b);
            // Random operands overflow often (multiplication nearly always): try a literal
            // right operand before giving up on the operator.
            for (int i = 0; i < 8 && !valid(n, s.env); i++) n = new Binary(op, a, leaf(t, s));
            return n;
        }
        if (k < 52) {
            Op op = rnd.nextBoolean() ? Op.SHL : Op.SHR;
            Node a = genInt(t, depth - 1, s);
            IntType at = anyInt();
            Node amount;
            int form = rnd.nextInt(4);
            if (form == 3) {
                // T::BITS - k, a u32
                amount = new Binary(Op.SUB, new Lit(IntType.U32, BigInteger.valueOf(t.bits), rnd, t.t() + "::BITS"),
                        new Lit(IntType.U32, BigInteger.valueOf(1 + rnd.nextInt(t.bits)), rnd));
            } else if (form == 0) {
                Lit l = new Lit(at, BigInteger.valueOf(rnd.nextInt(t.bits)), rnd);
                if (rnd.nextInt(4) == 0) l.suffixed = false; // then an i64 by default: any type will do
                amount = l;
            } else if (form == 1) {
                // Masked into range, whatever the value: x & (BITS - 1) is never negative.
                amount = new Binary(Op.AND, genInt(at, depth - 1, s), new Lit(at, BigInteger.valueOf(t.bits - 1), rnd));
            } else {
                amount = genInt(at, depth - 1, s);
            }
            return new Binary(op, a, amount);
        }
        if (k < 58) return new Unary(t.signed && rnd.nextBoolean(), genInt(t, depth - 1, s));
        if (k < 76) {
            Ty from = rnd.nextInt(8) == 0 ? BOOL : anyNum();
            return new Cast(t, gen(from, depth - 1, s));
        }
        if (k < 85) {
            Node a = genInt(t, depth - 1, s), b = genInt(t, depth - 1, s);
            return new If(genBool(depth - 1, s), a, b);
        }
        if (k < 91) return match(t, depth, s);
        Node call = call(depth, s);
        if (call == null) return null;
        return call.type == t ? call : new Cast(t, call);
    }

    Node genFloat(FloatType t, int depth, Scope s) {
        if (depth <= 0 || rnd.nextInt(100) < 15) return leaf(t, s);
        for (int attempt = 0; attempt < 6; attempt++) {
            Node n = floatCandidate(t, depth, s);
            if (n != null && valid(n, s.env)) return n;
        }
        return leaf(t, s);
    }

    /** Float `%` (C's fmod; the runtime provides fmod/fmodf). */
    static final boolean FLOAT_REM = true;

    /** An arithmetic operator for floats. */
    Op floatOp() {
        return Op.values()[rnd.nextInt(FLOAT_REM ? 5 : 4)];
    }

    /** Float arithmetic never traps; only its subexpressions (integer ones, calls) can. */
    private Node floatCandidate(FloatType t, int depth, Scope s) {
        int k = rnd.nextInt(100);
        if (k < 45) return new Binary(floatOp(), genFloat(t, depth - 1, s), genFloat(t, depth - 1, s));
        if (k < 52) return new Unary(true, genFloat(t, depth - 1, s));
        if (k < 75) return new Cast(t, gen(anyNum(), depth - 1, s));
        if (k < 86) {
            Node a = genFloat(t, depth - 1, s), b = genFloat(t, depth - 1, s);
            return new If(genBool(depth - 1, s), a, b);
        }
        if (k < 91) return match(t, depth, s);
        Node call = call(depth, s);
        if (call == null || call.type == BOOL) return null; // bool does not convert to floats
        return call.type == t ? call : new Cast(t, call);
    }

    /** A call of a function generated earlier, with arguments for which it does not trap. */
    private Node call(int depth, Scope s) {
        if (s.funcs.isEmpty()) return null;
        Func f = s.funcs.get(rnd.nextInt(s.funcs.size()));
        for (int attempt = 0; attempt < 4; attempt++) {
            List<Node> args = new ArrayList<>();
            for (Var p : f.params) {
                Node a = gen(p.type, Math.min(depth - 1, 2), s);
                args.add(a);
            }
            Call c = new Call(f, args);
            if (valid(c, s.env)) return c;
        }
        return null;
    }

    Node genBool(int depth, Scope s) {
        if (depth <= 0 || rnd.nextInt(100) < 10) return leaf(BOOL, s);
        for (int attempt = 0; attempt < 6; attempt++) {
            Node n = boolCandidate(depth, s);
            if (n != null && valid(n, s.env)) return n;
        }
        return leaf(BOOL, s);
    }

    private Node boolCandidate(int depth, Scope s) {
        int k = rnd.nextInt(100);
        if (k < 50) {
            NumType t = anyNum();
            Node a = gen(t, depth - 1, s);
            // Compare with something near: a literal close to the left value, often.
            Node b = rnd.nextBoolean() ? gen(t, depth - 1, s) : near(t, a, s);
            return new Compare(Cmp.values()[rnd.nextInt(6)], a, b);
        }
        if (k < 65) return new Logic(rnd.nextBoolean(), genBool(depth - 1, s), genBool(depth - 1, s));
        if (k < 73) return new Unary(false, genBool(depth - 1, s));
        if (k < 81) return new Binary(new Op[] {Op.AND, Op.OR, Op.XOR}[rnd.nextInt(3)], genBool(depth - 1, s), genBool(depth - 1, s));
        if (k < 87) return new Compare(Cmp.values()[rnd.nextInt(6)], genBool(depth - 1, s), genBool(depth - 1, s));
        if (k < 93) return new If(genBool(depth - 1, s), genBool(depth - 1, s), genBool(depth - 1, s));
        if (k < 96) return match(BOOL, depth, s);
        Node call = call(depth, s);
        return call != null && call.type == BOOL ? call : null;
    }

    /** Half the expressions are written with every parenthesis, half with only those that T's precedence needs. */
    int textContext() {
        return rnd.nextBoolean() ? ALWAYS : IF;
    }

    private int matches;

    /**
     * A `match` on an integer: literal, range and or-patterns near the scrutinee's value,
     * some with a binding or a guard, then `_`; or (a quarter of them) ranges that cover the
     * type, with no `_`, for the exhaustiveness check to accept.
     */
    private Node match(Ty t, int depth, Scope s) {
        if (s.constant) return null; // constants use literals, constants, operators, `as` and `if`
        int id = matches++;
        IntType st = anyInt();
        Node scrutinee = genInt(st, depth - 1, s);
        BigInteger v = (BigInteger) scrutinee.eval(s.env);
        List<Arm> arms = new ArrayList<>();
        if (rnd.nextInt(4) == 0) {
            // Split MIN..=MAX at sorted random points.
            java.util.TreeSet<BigInteger> cuts = new java.util.TreeSet<>();
            int n = 1 + rnd.nextInt(4);
            for (int i = 0; i < n; i++) {
                BigInteger c = rnd.nextBoolean() ? st.randomValue(rnd) : v.add(BigInteger.valueOf(rnd.nextInt(3)));
                if (c.compareTo(st.min) > 0 && st.fits(c)) cuts.add(c);
            }
            BigInteger lo = st.min;
            List<BigInteger> bounds = new ArrayList<>(cuts);
            bounds.add(st.max.add(BigInteger.ONE));
            for (BigInteger next : bounds) {
                // lo..next, or lo..=next-1 (a literal where that is one value); the last arm inclusive.
                BigInteger hi = next.subtract(BigInteger.ONE);
                Alt alt;
                if (lo.equals(hi) && rnd.nextBoolean()) alt = new Alt(bound(st, lo), null, false);
                else if (st.fits(next) && rnd.nextBoolean()) alt = new Alt(bound(st, lo), bound(st, next), true);
                else alt = new Alt(bound(st, lo), bound(st, hi), false);
                arms.add(arm(id, arms.size(), t, depth, s, List.of(alt), v, false));
                lo = next;
            }
            return new Match(id, t, scrutinee, arms, null);
        }
        int n = 1 + rnd.nextInt(4);
        for (int i = 0; i < n; i++) {
            List<Alt> alts = new ArrayList<>();
            int count = rnd.nextInt(4) == 0 ? 2 + rnd.nextInt(2) : 1;
            for (int j = 0; j < count; j++) {
                BigInteger a = rnd.nextBoolean() ? v.add(BigInteger.valueOf(rnd.nextInt(5) - 2)) : st.randomValue(rnd);
                if (!st.fits(a)) a = v;
                int form = rnd.nextInt(3);
                if (form == 0) {
                    alts.add(new Alt(bound(st, a), null, false));
                } else {
                    BigInteger b = rnd.nextBoolean() ? v.add(BigInteger.valueOf(rnd.nextInt(5) - 2)) : st.randomValue(rnd);
                    if (!st.fits(b)) b = a;
                    BigInteger lo = a.min(b), hi = a.max(b);
                    // `lo..hi` must not be empty
                    if (form == 1 && lo.compareTo(hi) < 0) alts.add(new Alt(bound(st, lo), bound(st, hi), true));
                    else alts.add(new Alt(bound(st, lo), bound(st, hi), false));
                }
            }
            arms.add(arm(id, i, t, depth, s, alts, v, true));
        }
        return new Match(id, t, scrutinee, arms, gen(t, depth - 1, s));
    }

    /** A pattern's value or range bound: a literal, or `T::MIN` / `T::MAX`. */
    private Lit bound(IntType t, BigInteger v) {
        if (rnd.nextInt(3) == 0 && (v.equals(t.min) || v.equals(t.max)))
            return new Lit(t, v, rnd, t.t() + (v.equals(t.min) ? "::MIN" : "::MAX"));
        return new Lit(t, v, rnd);
    }

    private Arm arm(int id, int index, Ty t, int depth, Scope s, List<Alt> alts, BigInteger v, boolean guards) {
        Var binding = null;
        Scope inner = s;
        if (alts.size() == 1 && rnd.nextInt(3) == 0) {
            binding = new Var("m" + id + "_" + index, alts.get(0).lo().type);
            inner = new Scope(s.funcs);
            inner.addAll(s);
            // While generating, the binding holds the scrutinee's value where it matches.
            inner.add(binding, alts.get(0).matches(v) ? v : alts.get(0).lo().value);
        }
        Node guard = guards && rnd.nextInt(4) == 0 ? genBool(depth - 1, inner) : null;
        return new Arm(alts, binding, guard, gen(t, depth - 1, inner));
    }

    /** A literal equal or next to {@code a}'s value, so that comparisons go both ways. */
    private Node near(NumType t, Node a, Scope s) {
        Object value = a.eval(s.env);
        if (t instanceof FloatType f) {
            double d = (Double) value;
            if (Double.isNaN(d) || Double.isInfinite(d)) return new Lit(f, f.randomValue(rnd), rnd);
            double w = switch (rnd.nextInt(3)) {
                case 0 -> f == FloatType.F32 ? Math.nextDown((float) d) : Math.nextDown(d);
                case 1 -> f == FloatType.F32 ? Math.nextUp((float) d) : Math.nextUp(d);
                default -> d;
            };
            return new Lit(f, Double.isInfinite(w) ? d : w, rnd);
        }
        IntType it = (IntType) t;
        BigInteger v = (BigInteger) value;
        BigInteger w = v.add(BigInteger.valueOf(rnd.nextInt(3) - 1));
        return new Lit(it, it.fits(w) ? w : v, rnd);
    }

    // ------------------------------------------------------------------------------------
    // Programs

    /**
     * One printed line: the T and C text of what prints it, and what T must print. C prints
     * a float with 17 significant digits, not T's shortest ones: for {@code floating} lines
     * (of that type; null for others) C's output is compared by value.
     */
    record Line(String t, String c, String expected, FloatType floating) {}

    record Program(String t, String c, List<Line> lines) {
        String expectedOutput() {
            StringBuilder s = new StringBuilder();
            for (Line l : lines) s.append(l.expected()).append('\n');
            return s.toString();
        }
    }

    /**
     * A program of {@code chunks} functions that each print {@code perChunk} expressions
     * (LLVM's time grows faster than linearly with a function's size), over variables whose
     * values the optimizers cannot see, literals and calls of {@code funcs} small functions.
     */
    Program program(int funcs, int chunks, int perChunk) {
        StringBuilder t = new StringBuilder("// Generated by ProgramGenerator (tests/src/test/java/tlang/tests).\n\n");
        StringBuilder c = new StringBuilder("""
                /* Generated by ProgramGenerator (tests/src/test/java/tlang/tests). */
                #include <inttypes.h>
                #include <math.h>
                #include <stdint.h>
                #include <stdio.h>

                """);
        // T's float-to-integer `as`: toward zero, saturating, NaN to 0 (C leaves out-of-range undefined).
        for (IntType it : INTS) {
            c.append("static ").append(it.c()).append(" f2").append(it.t()).append("(double x) { return x != x ? 0 : x <= ")
                    .append(it.signed ? "-" + Double.toHexString(Math.scalb(1.0, it.bits - 1)) : "-1.0").append(" ? ")
                    .append(it.cLiteral(it.min)).append(" : x >= ").append(Double.toHexString(Math.scalb(1.0, it.bits - (it.signed ? 1 : 0))))
                    .append(" ? ").append(it.cLiteral(it.max)).append(" : (").append(it.c()).append(")x; }\n");
        }
        c.append('\n');
        List<Line> lines = new ArrayList<>();
        Scope globals = constants(10, t, c);
        List<Func> defined = new ArrayList<>();
        for (int i = 0; i < funcs; i++) {
            Func f = function("f" + i, defined, globals);
            defined.add(f);
            t.append(f.t()).append('\n');
            c.append(f.c()).append('\n');
        }
        for (int k = 0; k < chunks; k++) {
            t.append("fn chunk").append(k).append("(z: i64) {\n");
            c.append("static void chunk").append(k).append("(int64_t z) {\n");
            Scope s = new Scope(defined);
            s.addAll(globals);
            s.add(new Var("z", IntType.I64), BigInteger.ZERO);
            for (int i = 0; i < 10; i++) {
                Ty ty = i < 6 ? anyInt() : i < 8 ? anyFloat() : BOOL;
                Var v = new Var("v" + i, ty);
                Object value;
                if (ty == BOOL) {
                    boolean b = rnd.nextBoolean();
                    value = b;
                    // z is 0 at run time, but neither compiler knows it.
                    t.append("    let ").append(v.name).append(": bool = z ").append(b ? "==" : "!=").append(" 0;\n");
                    c.append("    int ").append(v.name).append(" = z ").append(b ? "==" : "!=").append(" 0;\n");
                } else {
                    NumType nt = (NumType) ty;
                    Lit lit = new Lit(nt, nt.randomValue(rnd), rnd);
                    Op op = rnd.nextBoolean() || nt instanceof FloatType ? Op.ADD : Op.XOR;
                    Node init = new Binary(op, lit, new Cast(nt, new Var("z", IntType.I64)));
                    infer(init, true);
                    value = init.eval(s.env);
                    t.append("    let ").append(v.name).append(": ").append(nt.t()).append(" = ").append(init.t()).append(";\n");
                    c.append("    ").append(nt.c()).append(' ').append(v.name).append(" = ").append(init.c()).append(";\n");
                }
                s.add(v, value);
            }
            for (int i = 0; i < perChunk; i++) {
                if (rnd.nextInt(12) == 0) {
                    lines.add(compoundAssignment(s, "m" + i, t, c));
                    continue;
                }
                Ty ty = anyType();
                Node e = gen(ty, 1 + rnd.nextInt(maxDepth), s);
                infer(e, false);
                String eText = e.t(textContext());
                String tText = "println(\"{}\", " + eText + ");";
                String cText = ty == BOOL ? "puts(" + e.c() + " ? \"true\" : \"false\");" : ((NumType) ty).cPrint(e.c());
                t.append("    ").append(tText).append('\n');
                c.append("    ").append(cText).append('\n');
                lines.add(new Line(eText, e.c(), ty.show(e.eval(s.env)), ty instanceof FloatType f ? f : null));
            }
            t.append("}\n\n");
            c.append("}\n\n");
        }
        t.append("fn main() {\n    let z = std::env::arg_count() - 1;\n");
        c.append("int main(int argc, char **argv) {\n    (void)argv;\n    int64_t z = (int64_t)argc - 1;\n");
        for (int k = 0; k < chunks; k++) {
            t.append("    chunk").append(k).append("(z);\n");
            c.append("    chunk").append(k).append("(z);\n");
        }
        t.append("}\n");
        c.append("    return 0;\n}\n");
        return new Program(t.toString(), c.toString(), lines);
    }

    /**
     * {@code count} constants: `const` items, associated constants of a unit struct and
     * `static` items, each computed from literals and earlier constants (T computes them at
     * compile time, where overflow is a compile error), written in a random order. In C they
     * are macros. Returns them, for expressions to use.
     */
    Scope constants(int count, StringBuilder t, StringBuilder c) {
        Scope consts = new Scope(List.of()), all = new Scope(List.of());
        consts.constant = true;
        List<String> items = new ArrayList<>(), associated = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Ty ty = rnd.nextInt(6) == 0 ? BOOL : anyNum();
            // Constants may use constants, not statics (as in Rust).
            Node init = gen(ty, 1 + rnd.nextInt(3), consts);
            infer(init, true);
            int kind = rnd.nextInt(5);
            String item = (kind == 3 ? "S" : kind == 4 ? "A" : "K") + i;
            Var ref = new Var(kind == 4 ? "Konst::" + item : item, "C_" + item, ty);
            String decl = (kind == 3 ? "static " : "const ") + item + ": " + ty.t() + " = " + init.t(textContext()) + ";";
            (kind == 4 ? associated : items).add(decl);
            c.append("#define C_").append(item).append(" ((").append(ty.c()).append(")").append(init.c()).append(")\n");
            Object value = init.eval(consts.env);
            if (kind != 3) consts.add(ref, value);
            all.add(ref, value);
        }
        java.util.Collections.shuffle(items, rnd);
        java.util.Collections.shuffle(associated, rnd);
        for (String item : items) t.append(item).append('\n');
        t.append("\nstruct Konst;\n\nimpl Konst {\n");
        for (String item : associated) t.append("    ").append(item).append('\n');
        t.append("}\n\n");
        c.append('\n');
        return all;
    }

    /** `let mut m: T = a; m op= b; println("{}", m);` */
    private Line compoundAssignment(Scope s, String name, StringBuilder t, StringBuilder c) {
        NumType it = anyNum();
        Node init = gen(it, 2, s);
        infer(init, true);
        Var m = new Var(name, it);
        Map<String, Object> env = new HashMap<>(s.env);
        env.put(name, init.eval(s.env));
        Binary op = null;
        for (int attempt = 0; attempt < 10 && op == null; attempt++) {
            Op o = it instanceof FloatType ? floatOp() : Op.values()[rnd.nextInt(Op.values().length)];
            Node r;
            if (o.isShift()) {
                IntType at = anyInt();
                r = new Lit(at, BigInteger.valueOf(rnd.nextInt(((IntType) it).bits)), rnd);
            } else {
                r = rnd.nextBoolean() ? gen(it, 2, s) : leaf(it, s);
                infer(r, true);
            }
            Binary b = new Binary(o, m, r);
            if (valid(b, env)) op = b;
        }
        if (op == null) op = new Binary(Op.ADD, m, new Lit(it, it instanceof FloatType ? (Object) 0.0 : BigInteger.ZERO, rnd));
        String tText = "{ let mut " + name + ": " + it.t() + " = " + init.t() + "; " + name + " " + op.op.token + "= " + op.right.t()
                + "; println(\"{}\", " + name + "); }";
        String cText = "{ " + it.c() + " " + name + " = " + init.c() + "; " + name + " = " + op.c() + "; " + it.cPrint(name) + " }";
        t.append("    ").append(tText).append('\n');
        c.append("    ").append(cText).append('\n');
        return new Line(tText, cText, it.show(op.eval(env)), it instanceof FloatType f ? f : null);
    }

    /**
     * A function of one to three (sometimes up to eleven) parameters whose body is checked, while generated, against
     * sample arguments; its calls are checked again with their own.
     */
    Func function(String name, List<Func> earlier, Scope globals) {
        List<Var> params = new ArrayList<>();
        Scope s = new Scope(earlier);
        s.addAll(globals);
        // Now and then more parameters than either target passes in registers.
        int n = 1 + rnd.nextInt(rnd.nextInt(3) == 0 ? 11 : 3);
        for (int i = 0; i < n; i++) {
            Ty ty = rnd.nextInt(8) == 0 ? BOOL : anyNum();
            Var p = new Var("p" + i, ty);
            params.add(p);
            s.add(p, ty == BOOL ? (Object) rnd.nextBoolean() : ((NumType) ty).randomValue(rnd));
        }
        Ty result = rnd.nextInt(6) == 0 ? BOOL : anyNum();
        Func f = new Func(name, params, result);
        f.globals = globals.env;
        f.body = gen(result, 2 + rnd.nextInt(2), s);
        infer(f.body, true);
        f.bodyCtx = textContext();
        return f;
    }

    // ------------------------------------------------------------------------------------
    // Programs that trap

    static final String[] TRAP_KINDS = {"add", "sub", "mul", "neg", "div_zero", "rem_zero", "div_overflow", "rem_overflow", "shl", "shr"};

    /** An operation that traps: `-a` (op null) or `a op b`, with T's message. */
    record TrapOp(IntType type, IntType amountType, BigInteger a, BigInteger b, Op op, String message) {
        Node node(Node a, Node b) {
            return op == null ? new Unary(true, a) : new Binary(op, a, b);
        }
    }

    /** Random types and operands for which the operation of {@code kind} traps. */
    TrapOp trapOp(String kind) {
        IntType ty;
        do ty = anyInt(); while (!ty.signed && (kind.equals("neg") || kind.endsWith("overflow")));
        for (int attempt = 0; ; attempt++) {
            BigInteger a = ty.randomValue(rnd), b = ty.randomValue(rnd);
            IntType bt = ty;
            Op op = null;
            switch (kind) {
                case "add" -> op = Op.ADD;
                case "sub" -> op = Op.SUB;
                case "mul" -> op = Op.MUL;
                case "neg" -> a = attempt % 2 == 0 ? ty.min : a;
                case "div_zero", "rem_zero" -> {
                    op = kind.startsWith("div") ? Op.DIV : Op.REM;
                    b = BigInteger.ZERO;
                }
                case "div_overflow", "rem_overflow" -> {
                    op = kind.startsWith("div") ? Op.DIV : Op.REM;
                    a = ty.min;
                    b = BigInteger.ONE.negate();
                }
                case "shl", "shr" -> { // the amount, of any type, at least the width or negative
                    op = kind.equals("shl") ? Op.SHL : Op.SHR;
                    bt = anyInt(); // every type holds 64, and the signed ones negative amounts
                    // Amounts that a truncation to the shifted type's width would bring into
                    // range (2^bits, 2^32 + 1, ...), the width, and others.
                    BigInteger[] amounts = {BigInteger.valueOf(ty.bits), BigInteger.valueOf(ty.bits + 1), BigInteger.ONE.shiftLeft(ty.bits),
                            BigInteger.ONE.shiftLeft(ty.bits).add(BigInteger.ONE), BigInteger.ONE.shiftLeft(8), BigInteger.ONE.shiftLeft(32).add(BigInteger.ONE),
                            BigInteger.ONE.negate(), BigInteger.valueOf(-ty.bits), bt.max, bt.min, bt.randomValue(rnd)};
                    do b = amounts[rnd.nextInt(amounts.length)]; while (!bt.fits(b));
                }
                default -> throw new IllegalArgumentException(kind);
            }
            TrapOp candidate = new TrapOp(ty, bt, a, b, op, null);
            try {
                candidate.node(new Lit(ty, a, rnd), new Lit(bt, b, rnd)).eval(Map.of());
            } catch (Trap trap) {
                return new TrapOp(ty, bt, a, b, op, trap.getMessage());
            }
        }
    }

    /** One operation that must trap, named {@code name}, with its message and line. */
    record TrapCase(String name, String expression, String message, int line) {}

    record TrapProgram(String t, List<TrapCase> cases) {}

    /**
     * One program with {@code perKind} cases of each trap kind, each on random types and
     * operands; the program's argument picks the case. Each case prints a line, then evaluates
     * the trapping operation, on operands the optimizers cannot see or (every other case) on
     * literals, and must not go on.
     */
    TrapProgram trapProgram(int perKind) {
        StringBuilder t = new StringBuilder("""
                // Generated by ProgramGenerator (tests/src/test/java/tlang/tests).
                fn main() {
                    let z = std::env::arg_count() - 2;
                    let which = std::env::arg(1);
                """);
        int line = 5;
        List<TrapCase> cases = new ArrayList<>();
        for (String kind : TRAP_KINDS) {
            for (int i = 0; i < perKind; i++) {
                String name = kind + i;
                TrapOp op = trapOp(kind);
                // Every other case uses literal operands, which the midend's constant folding
                // sees: it must leave the trap for run time.
                boolean literal = i % 2 == 1;
                Node expr = literal ? op.node(new Lit(op.type(), op.a(), rnd), new Lit(op.amountType(), op.b(), rnd))
                        : op.node(new Var("a", op.type()), new Var("b", op.amountType()));
                // (The literal cases do not use a and b; their lets keep the lines the same.)
                t.append("    if which == \"").append(name).append("\" {\n");
                t.append("        let a: ").append(op.type().t()).append(" = ").append(new Lit(op.type(), op.a(), rnd).t(IF)).append(" + (z as ").append(op.type().t()).append(");\n");
                t.append("        let b: ").append(op.amountType().t()).append(" = ").append(new Lit(op.amountType(), op.b(), rnd).t(IF)).append(" + (z as ").append(op.amountType().t()).append(");\n");
                t.append("        println(\"").append(name).append("\");\n");
                t.append("        println(\"{}\", ").append(expr.t()).append(");\n");
                t.append("        println(\"not reached\");\n");
                t.append("    }\n");
                cases.add(new TrapCase(name, expr.t() + " with a = " + op.a() + op.type().t() + ", b = " + op.b() + op.amountType().t(), op.message(), line + 4));
                line += 7;
            }
        }
        t.append("}\n");
        return new TrapProgram(t.toString(), cases);
    }

    /**
     * A program whose constants each overflow (or divide by zero, or shift too far) while
     * tcc computes them: each must be a compile error at its line. The operands are
     * literals, or (every other case) other constants.
     */
    TrapProgram constTrapProgram(int perKind, List<String> kinds) {
        StringBuilder t = new StringBuilder("// Generated by ProgramGenerator (tests/src/test/java/tlang/tests).\n");
        int line = 2;
        List<TrapCase> cases = new ArrayList<>();
        for (String kind : kinds) {
            for (int i = 0; i < perKind; i++) {
                String name = (kind + i).toUpperCase();
                TrapOp op = trapOp(kind);
                Node expr;
                if (i % 2 == 1) {
                    t.append("const ").append(name).append("_A: ").append(op.type().t()).append(" = ").append(new Lit(op.type(), op.a(), rnd).t(IF)).append(";\n");
                    t.append("const ").append(name).append("_B: ").append(op.amountType().t()).append(" = ").append(new Lit(op.amountType(), op.b(), rnd).t(IF)).append(";\n");
                    line += 2;
                    expr = op.node(new Var(name + "_A", op.type()), new Var(name + "_B", op.amountType()));
                } else {
                    expr = op.node(new Lit(op.type(), op.a(), rnd), new Lit(op.amountType(), op.b(), rnd));
                }
                t.append("const ").append(name).append(": ").append(op.type().t()).append(" = ").append(expr.t(IF)).append(";\n");
                cases.add(new TrapCase(name, expr.t(IF) + " with a = " + op.a() + op.type().t() + ", b = " + op.b() + op.amountType().t(), op.message(), line));
                line++;
            }
        }
        t.append("\nfn main() {\n");
        for (TrapCase c : cases) t.append("    println(\"{}\", ").append(c.name()).append(");\n");
        t.append("}\n");
        return new TrapProgram(t.toString(), cases);
    }
}

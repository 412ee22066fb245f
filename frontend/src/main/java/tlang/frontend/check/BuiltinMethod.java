package tlang.frontend.check;

import tlang.frontend.types.Type;

import java.util.List;
import java.util.Optional;

/**
 * Methods the compiler provides on built-in types: `len` of an array, the float functions
 * that are single machine instructions (or short runtime routines), and integer helpers.
 * They are checked here and lowered to TIR intrinsics; when traits and the standard
 * library arrive, they become ordinary methods of `f64`, `i64`, ... written in T.
 */
public enum BuiltinMethod {
    ARRAY_LEN("len", Receiver.ARRAY, 0),
    SQRT("sqrt", Receiver.FLOAT, 0), FLOAT_ABS("abs", Receiver.FLOAT, 0), FLOOR("floor", Receiver.FLOAT, 0),
    CEIL("ceil", Receiver.FLOAT, 0), ROUND("round", Receiver.FLOAT, 0), TRUNC("trunc", Receiver.FLOAT, 0),
    FLOAT_MIN("min", Receiver.FLOAT, 1), FLOAT_MAX("max", Receiver.FLOAT, 1),
    INT_ABS("abs", Receiver.SIGNED, 0), INT_MIN("min", Receiver.INT, 1), INT_MAX("max", Receiver.INT, 1),
    WRAPPING_ADD("wrapping_add", Receiver.INT, 1), WRAPPING_SUB("wrapping_sub", Receiver.INT, 1),
    WRAPPING_MUL("wrapping_mul", Receiver.INT, 1), POW("pow", Receiver.INT, 1),
    COUNT_ONES("count_ones", Receiver.INT, 0), LEADING_ZEROS("leading_zeros", Receiver.INT, 0),
    TRAILING_ZEROS("trailing_zeros", Receiver.INT, 0),
    ROTATE_LEFT("rotate_left", Receiver.INT, 1), ROTATE_RIGHT("rotate_right", Receiver.INT, 1),
    STR_LEN("len", Receiver.STRING, 0), BYTE_AT("byte_at", Receiver.STRING, 1),
    /** `a.get_unchecked(i)` (unsafe): the element without a bounds check. */
    GET_UNCHECKED("get_unchecked", Receiver.ARRAY, 1),
    // Raw pointers: all but `is_null` only inside `unsafe { }`.
    /** `p.read()`: a copy of the value at p (references in it retained). */
    PTR_READ("read", Receiver.POINTER, 0),
    /** `p.take()`: the value at p moved out, no copy: p's memory no longer owns it. */
    PTR_TAKE("take", Receiver.POINTER, 0),
    /** `p.write(v)`: stores v at p, without dropping what was there (`*mut` only). */
    PTR_WRITE("write", Receiver.POINTER, 1),
    /** `p.add(n)`: the address n values of the pointee's type further. */
    PTR_ADD("add", Receiver.POINTER, 1),
    /** `p.offset(n)`: the same with a signed count. */
    PTR_OFFSET("offset", Receiver.POINTER, 1),
    PTR_IS_NULL("is_null", Receiver.POINTER, 0);

    /** What a method applies to. */
    public enum Receiver { ARRAY, FLOAT, INT, SIGNED, STRING, POINTER }

    /** Whether calling it needs an `unsafe` block. */
    public boolean isUnsafe() {
        return this == GET_UNCHECKED || receiver == Receiver.POINTER && this != PTR_IS_NULL;
    }

    public final String name;
    public final Receiver receiver;
    public final int arity;

    BuiltinMethod(String name, Receiver receiver, int arity) {
        this.name = name;
        this.receiver = receiver;
        this.arity = arity;
    }

    private boolean appliesTo(Type t) {
        return switch (receiver) {
            case ARRAY -> t instanceof Type.Array;
            case FLOAT -> t instanceof Type.Float;
            case INT -> t instanceof Type.Int;
            case SIGNED -> t instanceof Type.Int i && i.signed;
            case STRING -> t == Type.STRING;
            case POINTER -> t instanceof Type.Ptr;
        };
    }

    /** The method called {@code name} on a value of (resolved) type {@code t}, if there is one. */
    public static Optional<BuiltinMethod> lookup(Type t, String name) {
        for (BuiltinMethod m : values()) if (m.name.equals(name) && m.appliesTo(t)) return Optional.of(m);
        return Optional.empty();
    }

    /** Every method name available on {@code t}, for "did you mean" suggestions. */
    public static List<String> namesFor(Type t) {
        return java.util.Arrays.stream(values()).filter(m -> m.appliesTo(t)).map(m -> m.name).toList();
    }

    /** The type of the argument (for methods with one), given the receiver's type. */
    public Type argumentType(Type receiverType) {
        return switch (this) {
            case POW, ROTATE_LEFT, ROTATE_RIGHT -> Type.Int.U32;
            case BYTE_AT, PTR_ADD, GET_UNCHECKED -> Type.Int.USIZE;
            case PTR_OFFSET -> Type.Int.ISIZE;
            case PTR_WRITE -> ((Type.Ptr) receiverType).pointee();
            default -> receiverType;
        };
    }

    /** The result type, given the receiver's type. */
    public Type resultType(Type receiverType) {
        return switch (this) {
            case ARRAY_LEN, STR_LEN -> Type.Int.USIZE;
            case BYTE_AT -> Type.Int.U8;
            case PTR_READ, PTR_TAKE -> ((Type.Ptr) receiverType).pointee();
            case GET_UNCHECKED -> ((Type.Array) receiverType).element();
            case PTR_WRITE -> Type.UNIT;
            case PTR_IS_NULL -> Type.BOOL;
            case COUNT_ONES, LEADING_ZEROS, TRAILING_ZEROS -> Type.Int.U32;
            default -> receiverType;
        };
    }
}

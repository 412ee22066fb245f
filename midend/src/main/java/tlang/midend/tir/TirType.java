package tlang.midend.tir;

/**
 * The types TIR values carry. They are machine-level but keep T's distinctions that later
 * passes need (a string is one value, not a pointer and a length).
 * UNIT has no runtime representation: a UNIT function returns nothing.
 */
public enum TirType {
    UNIT("()"), BOOL("bool"), I32("i32"), I64("i64"), PTR("ptr"), STR("str");

    public final String spelling;

    TirType(String spelling) { this.spelling = spelling; }
}

package tlang.midend.tir;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The types TIR values carry. They are machine-level but keep the distinctions later
 * passes and the backend need: integer width and signedness (for overflow checks,
 * division, comparison and widening), a string as one value, aggregates by field.
 * UNIT has no runtime representation: a UNIT function returns nothing.
 */
public sealed interface TirType {
    String spelling();

    enum Simple implements TirType {
        UNIT("()"), BOOL("bool"), PTR("ptr"), STR("str");
        private final String spelling;
        Simple(String spelling) { this.spelling = spelling; }
        @Override public String spelling() { return spelling; }
    }

    record Int(int bits, boolean signed) implements TirType {
        @Override public String spelling() { return (signed ? "i" : "u") + bits; }
    }

    record Float(int bits) implements TirType {
        @Override public String spelling() { return "f" + bits; }
    }

    /** Tuples (and, later, structs): fields in order, laid out as LLVM lays out a struct. */
    record Struct(List<TirType> fields) implements TirType {
        @Override public String spelling() {
            return fields.stream().map(TirType::spelling).collect(Collectors.joining(", ", "{", "}"));
        }
    }

    /** `[T; N]`: N elements in a row, laid out as an LLVM array. */
    record Array(TirType element, long length) implements TirType {
        @Override public String spelling() { return "[" + element.spelling() + "; " + length + "]"; }
    }

    TirType UNIT = Simple.UNIT, BOOL = Simple.BOOL, PTR = Simple.PTR, STR = Simple.STR;
    TirType I8 = new Int(8, true), I32 = new Int(32, true), I64 = new Int(64, true);
    TirType U8 = new Int(8, false), U32 = new Int(32, false), U64 = new Int(64, false);
    TirType F32 = new Float(32), F64 = new Float(64);
}

package tlang.midend.lower;

import tlang.midend.tir.TirType;

/**
 * Sizes and alignments of TIR types as LLVM lays them out on both targets (LP64, natural
 * alignment: an `i64`, `f64` or pointer is 8-aligned on x86-64 and AArch64 alike). The
 * lowering needs them to size an enum's payload so that every variant fits.
 */
final class Layout {
    private Layout() {}

    static long size(TirType t) {
        return switch (t) {
            case TirType.Simple s -> switch (s) {
                case UNIT -> 0;
                case BOOL -> 1;
                case PTR -> 8;
                case STR -> 24;
            };
            case TirType.Int i -> i.bits() / 8;
            case TirType.Float f -> f.bits() / 8;
            case TirType.Array a -> size(a.element()) * a.length();
            case TirType.Struct st -> {
                long offset = 0;
                for (TirType f : st.fields()) offset = align(offset, alignment(f)) + size(f);
                yield align(offset, alignment(st));
            }
        };
    }

    static long alignment(TirType t) {
        return switch (t) {
            case TirType.Struct st -> st.fields().stream().mapToLong(Layout::alignment).max().orElse(1);
            case TirType.Array a -> alignment(a.element());
            case TirType.Simple s when s == TirType.STR -> 8;
            default -> Math.max(1, size(t));
        };
    }

    private static long align(long offset, long alignment) {
        return (offset + alignment - 1) / alignment * alignment;
    }
}

package tlang.midend.lower;

import tlang.frontend.types.Type;
import tlang.midend.tir.TirType;

import java.util.ArrayList;
import java.util.List;

/**
 * How an enum value is laid out: `{ tag, payload }`, where the tag is the variant's index
 * and the payload is a run of 8-byte words big enough for the largest variant. A variant's
 * fields are read and written by treating the payload's address as that variant's struct
 * (addresses are untyped in LLVM), so no variant pays for another's shape beyond the size.
 */
record EnumLayout(TirType.Struct type, TirType.Int tagType, List<TirType.Struct> variants) {

    static EnumLayout of(Type.Enum e) {
        List<TirType.Struct> variants = new ArrayList<>();
        long payload = 0;
        for (Type.Variant v : e.variants()) {
            TirType.Struct st = new TirType.Struct(v.fieldTypes().stream().map(AstToTir::fieldTypeOf).toList());
            variants.add(st);
            payload = Math.max(payload, Layout.size(st));
        }
        int words = (int) ((payload + 7) / 8);
        TirType.Int tag = e.variants().size() <= 256 ? new TirType.Int(8, false) : new TirType.Int(32, false);
        TirType.Struct payloadType = new TirType.Struct(java.util.Collections.nCopies(words, TirType.U64));
        return new EnumLayout(new TirType.Struct(List.of(tag, payloadType)), tag, List.copyOf(variants));
    }
}

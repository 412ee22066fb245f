package tlang.midend.lower;

import tlang.frontend.types.Type;
import tlang.midend.tir.Inst;
import tlang.midend.tir.TirType;
import tlang.midend.tir.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * How an enum value is laid out, in one of two ways.
 *
 * <p>Tagged (the general case): `{ tag, payload }`, where the tag is the variant's index
 * and the payload is a run of 8-byte words big enough for the largest variant. A variant's
 * fields are read and written by treating the payload's address as that variant's struct
 * (addresses are untyped in LLVM), so no variant pays for another's shape beyond the size.
 *
 * <p>Pointer niche: an enum of exactly two variants, one without fields and the other with
 * one field that is a `class` reference, is just that pointer (`Option<Node>` is 8 bytes,
 * not 16, as in Rust). A class reference is never null (objects are only made by
 * allocation, and no T value of a class type can be empty), so null stands for the
 * fieldless variant ({@link #nullVariant}). The payload is the value itself: the pointer
 * variant's struct `{ ptr }` sits at the enum's own address. An enum around such an enum
 * (`Option<Option<C>>`) is tagged, because its field may be null.
 *
 * <p>Code that reads or writes an enum goes through {@link #is}, {@link #setTag} and
 * {@link #payload} (and {@link PatternLowering}'s places through {@link #payloadField}),
 * so that only this class knows where the tag is and whether there is one.
 */
record EnumLayout(TirType type, TirType.Int tagType, List<TirType.Struct> variants, int nullVariant) {

    static EnumLayout of(Type.Enum e) {
        List<TirType.Struct> variants = new ArrayList<>();
        long payload = 0;
        for (Type.Variant v : e.variants()) {
            TirType.Struct st = new TirType.Struct(v.fieldTypes().stream().map(AstToTir::fieldTypeOf).toList());
            variants.add(st);
            payload = Math.max(payload, Layout.size(st));
        }
        int nullVariant = nullVariant(e);
        if (nullVariant >= 0) return new EnumLayout(TirType.PTR, null, List.copyOf(variants), nullVariant);
        int words = (int) ((payload + 7) / 8);
        TirType.Int tag = e.variants().size() <= 256 ? new TirType.Int(8, false) : new TirType.Int(32, false);
        TirType.Struct payloadType = new TirType.Struct(java.util.Collections.nCopies(words, TirType.U64));
        return new EnumLayout(new TirType.Struct(List.of(tag, payloadType)), tag, List.copyOf(variants), -1);
    }

    /** The fieldless variant that null stands for, when the enum has a pointer niche; else -1. */
    private static int nullVariant(Type.Enum e) {
        List<Type.Variant> vs = e.variants();
        if (vs.size() != 2) return -1;
        for (int i = 0; i < 2; i++) {
            List<Type> other = vs.get(1 - i).fieldTypes();
            if (vs.get(i).fieldTypes().isEmpty() && other.size() == 1 && neverNull(other.get(0))) return i;
        }
        return -1;
    }

    /**
     * Whether every value of the type is a non-null pointer. Only class references: a
     * `Weak<C>` may be empty (`Weak::new()` is null), a `fn` value may come from C, and a
     * String's buffer pointer is null when it has none.
     */
    static boolean neverNull(Type t) {
        return DropGlue.isClass(t);
    }

    /** Whether null stands for a variant, and there is no tag. */
    boolean niche() {
        return nullVariant >= 0;
    }

    /** The tagged layout's struct (`{ tag, payload }`); only for a tagged enum. */
    private TirType.Struct tagged() {
        if (niche()) throw new IllegalStateException("a niche enum has no tag");
        return (TirType.Struct) type;
    }

    /** Whether the enum value at {@code address} is variant {@code index}: a bool, emitted in the current block. */
    Value is(FunctionBuilder fb, Value address, int index) {
        if (niche()) {
            Value p = fb.add(new Inst.Load(fb.temp(TirType.PTR), address, TirType.PTR));
            Inst.CmpOp op = index == nullVariant ? Inst.CmpOp.EQ : Inst.CmpOp.NE;
            return fb.add(new Inst.Compare(fb.temp(TirType.BOOL), op, p, new Value.ZeroConst(TirType.PTR)));
        }
        Value tagAddress = fb.add(new Inst.FieldAddr(fb.temp(TirType.PTR), address, tagged(), 0));
        Value tag = fb.add(new Inst.Load(fb.temp(tagType), tagAddress, tagType));
        return fb.add(new Inst.Compare(fb.temp(TirType.BOOL), Inst.CmpOp.EQ, tag, new Value.IntConst(tagType, index)));
    }

    /**
     * Marks the enum value at {@code address} as variant {@code index}. With a niche the
     * null variant stores null and the pointer variant stores nothing: writing its payload
     * (which every constructor does) writes the pointer.
     */
    void setTag(FunctionBuilder fb, Value address, int index) {
        if (niche()) {
            if (index == nullVariant) fb.add(new Inst.Store(address, new Value.ZeroConst(TirType.PTR)));
            return;
        }
        Value tagAddress = fb.add(new Inst.FieldAddr(fb.temp(TirType.PTR), address, tagged(), 0));
        fb.add(new Inst.Store(tagAddress, new Value.IntConst(tagType, index)));
    }

    /** The address of the payload (the variant's struct) of the enum value at {@code address}. */
    Value payload(FunctionBuilder fb, Value address) {
        if (niche()) return address;
        return fb.add(new Inst.FieldAddr(fb.temp(TirType.PTR), address, tagged(), 1));
    }

    /** Where the payload of the enum value at {@code enumPlace} is, as a {@link PatternLowering} place. */
    PatternLowering.Place payloadField(PatternLowering.Place enumPlace) {
        return niche() ? enumPlace : enumPlace.field(tagged(), 1);
    }
}

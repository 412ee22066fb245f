package tlang.midend.lower;

import tlang.frontend.check.Symbol;
import tlang.frontend.types.Type;
import tlang.midend.Mangler;
import tlang.midend.RuntimeAbi;
import tlang.midend.tir.Block;
import tlang.midend.tir.ExternFunction;
import tlang.midend.tir.Function;
import tlang.midend.tir.Inst;
import tlang.midend.tir.Terminator;
import tlang.midend.tir.TirType;
import tlang.midend.tir.Value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What copying and dropping a value does, per type. A value *holds references* when it is,
 * or contains, a class reference or a `Weak`: copying it retains each reference, dropping
 * it releases each. A `String` holds its owner (the buffer its bytes live in, null for
 * literals). Everything else (numbers, `fn` values) is copied bit for bit and dropped by
 * doing nothing.
 *
 * <p>Class references and weak references are retained and released in place, with one
 * runtime call. Aggregates (structs, tuples, enums, arrays, closures) get a *glue*
 * function per type, made on first use and taking the value's address: {@code {retain}}
 * retains every reference inside, {@code {drop}} releases them (an enum looks at its tag;
 * an array loops). A class gets its `trt_type` constant and its object's drop function:
 * the `Drop` impl on the object, then each field's references in declaration order.
 */
final class DropGlue {
    private final String moduleName;
    /** The symbol of the `Drop::drop` impl of a class, or null (requests the instance). */
    private final java.util.function.Function<Type.Struct, String> dropImpl;
    private final Map<String, Function> made = new LinkedHashMap<>();
    private final Map<String, Boolean> holds = new HashMap<>();

    DropGlue(String moduleName, java.util.function.Function<Type.Struct, String> dropImpl) {
        this.moduleName = moduleName;
        this.dropImpl = dropImpl;
    }

    /** The glue functions made so far (more appear while lowering goes on). */
    List<Function> functions() {
        return List.copyOf(made.values());
    }

    static boolean isClass(Type t) {
        return t instanceof Type.Struct s && s.def().isClass();
    }

    /** `std::rc::Weak<C>`: a pointer to C's object that does not keep it alive, or null. */
    static boolean isWeak(Type t) {
        return t instanceof Type.Struct s && s.name().equals("Weak") && s.decl().span().file() == tlang.frontend.Prelude.source();
    }

    /** Whether values of the (concrete) type hold references: copies retain, drops release. */
    boolean holdsReferences(Type t) {
        if (isClass(t) || isWeak(t) || t == Type.STRING) return true;
        String key = t.display();
        Boolean known = holds.get(key);
        if (known != null) return known;
        holds.put(key, false); // value types cannot contain themselves (E0072)
        boolean r = switch (t) {
            case Type.Struct s -> s.fieldTypes().stream().anyMatch(this::holdsReferences);
            case Type.Tuple tu -> tu.elements().stream().anyMatch(this::holdsReferences);
            case Type.Array a -> a.length() > 0 && holdsReferences(a.element());
            case Type.Enum e -> e.variants().stream().anyMatch(v -> v.fieldTypes().stream().anyMatch(this::holdsReferences));
            case Type.Closure c -> c.captures().stream().anyMatch(this::holdsReferences);
            default -> false;
        };
        holds.put(key, r);
        return r;
    }

    // ---- in a function being built ----------------------------------------------------

    /** A copy of {@code v}: the same bits, with every reference inside retained. */
    Value copy(FunctionBuilder fb, Value v, Type t) {
        if (!holdsReferences(t) || fb.isDead()) return v;
        if (isClass(t)) call(fb, RuntimeAbi.RC_RETAIN, v);
        else if (isWeak(t)) call(fb, RuntimeAbi.RC_WEAK_RETAIN, v);
        else if (t == Type.STRING) countOwner(fb, v, RuntimeAbi.STR_RETAIN);
        else call(fb, glue(t, true), inSlot(fb, v));
        return v;
    }

    /** Gives up the value {@code v}: releases every reference inside. */
    void drop(FunctionBuilder fb, Value v, Type t) {
        if (!holdsReferences(t) || fb.isDead()) return;
        if (isClass(t)) call(fb, RuntimeAbi.RC_RELEASE, v);
        else if (isWeak(t)) call(fb, RuntimeAbi.RC_WEAK_RELEASE, v);
        else if (t == Type.STRING) countOwner(fb, v, RuntimeAbi.STR_RELEASE);
        else call(fb, glue(t, false), inSlot(fb, v));
    }

    /**
     * Retains or releases a string's owner. Most strings are literals, whose owner is null:
     * the backend tests it inline before the call ({@link RuntimeAbi#skipsNull}), which
     * LLVM folds away for literals.
     */
    private static void countOwner(FunctionBuilder fb, Value string, ExternFunction f) {
        call(fb, f, fb.add(new Inst.StrPart(fb.temp(TirType.PTR), string, Inst.StrPart.Part.OWNER)));
    }

    /** Drops the value stored at {@code address}. */
    void dropAt(FunctionBuilder fb, Value address, Type t) {
        if (!holdsReferences(t) || fb.isDead()) return;
        if (isClass(t) || isWeak(t)) drop(fb, fb.add(new Inst.Load(fb.temp(TirType.PTR), address, TirType.PTR)), t);
        else if (t == Type.STRING) drop(fb, fb.add(new Inst.Load(fb.temp(TirType.STR), address, TirType.STR)), t);
        else call(fb, glue(t, false), address);
    }

    /** Retains every reference inside the value stored at {@code address} (after a memcpy). */
    void retainAt(FunctionBuilder fb, Value address, Type t) {
        if (!holdsReferences(t) || fb.isDead()) return;
        if (isClass(t) || isWeak(t)) copy(fb, fb.add(new Inst.Load(fb.temp(TirType.PTR), address, TirType.PTR)), t);
        else if (t == Type.STRING) copy(fb, fb.add(new Inst.Load(fb.temp(TirType.STR), address, TirType.STR)), t);
        else call(fb, glue(t, true), address);
    }

    private static Value inSlot(FunctionBuilder fb, Value v) {
        Value.Temp slot = fb.slot(v.type(), "glue.arg");
        fb.add(new Inst.Store(slot, v));
        return slot;
    }

    private static void call(FunctionBuilder fb, ExternFunction f, Value arg) {
        fb.add(new Inst.Call(null, f.symbol(), List.of(arg)));
    }

    private static void call(FunctionBuilder fb, String symbol, Value arg) {
        fb.add(new Inst.Call(null, symbol, List.of(arg)));
    }

    // ---- classes ----------------------------------------------------------------------

    /** The object of a class: the 16-byte header (`strong`, `weak`, `type`), then the fields. */
    static TirType.Struct objectType(Type.Struct c) {
        List<TirType> fields = new ArrayList<>(List.of(TirType.I32, TirType.I32, TirType.PTR));
        for (Type f : c.fieldTypes()) fields.add(AstToTir.fieldTypeOf(f));
        return new TirType.Struct(fields);
    }

    /** Field {@code index} of a class's object is this field of {@link #objectType}. */
    static int objectField(int index) {
        return index + 3;
    }

    /** The bytes of a class's object after the header (what `trt_rc_alloc` is asked for). */
    static long payloadSize(Type.Struct c) {
        return Math.max(0, Layout.size(objectType(c)) - 16);
    }

    /** The class's `trt_type`, with its object's drop function (made now if new). */
    Value.TypeInfo typeInfo(Type.Struct c) {
        String dropImplSymbol = dropImpl.apply(c);
        boolean releases = dropImplSymbol != null || c.fieldTypes().stream().anyMatch(this::holdsReferences);
        String symbol = Mangler.function(moduleName, c.display(), "{object drop}");
        if (releases && !made.containsKey(symbol)) {
            made.put(symbol, null); // reserved: a field of the class's own type asks again
            FunctionBuilder fb = new FunctionBuilder();
            Value object = new Value.Param(0, TirType.PTR);
            TirType.Struct layout = objectType(c);
            List<Type> fields = c.fieldTypes();
            List<Integer> held = new ArrayList<>();
            for (int i = 0; i < fields.size(); i++) if (holdsReferences(fields.get(i))) held.add(i);
            Value.Temp exception = fb.slot(TirType.PTR, "exception");
            // Each step (the `Drop` impl, then each field's release) may panic. Its unwind
            // edge leads to a pad that finishes the job — releases the fields after it and
            // gives up the strong references' weak count, as the runtime would have after
            // this function returned — and resumes: the object is neither leaked nor
            // dropped twice.
            if (dropImplSymbol != null) {
                withCleanup(fb, object, layout, fields, held, 0, exception);
                // `fn drop(&mut self)`: self is the address of a reference to the object.
                Value.Temp self = fb.slot(TirType.PTR, "self");
                fb.add(new Inst.Store(self, object));
                fb.add(new Inst.Call(null, dropImplSymbol, List.of(self)));
            }
            for (int k = 0; k < held.size(); k++) {
                withCleanup(fb, object, layout, fields, held, k + 1, exception);
                int i = held.get(k);
                Value address = fb.add(new Inst.FieldAddr(fb.temp(TirType.PTR), object, layout, objectField(i)));
                dropAt(fb, address, fields.get(i));
            }
            fb.unwindTo(Block.NONE);
            fb.jumpTo(fb.newBlock());
            fb.terminate(new Terminator.Return(null));
            made.put(symbol, fb.finish(symbol, Mangler.demangle(symbol), List.of(TirType.PTR), TirType.UNIT, false));
        }
        return new Value.TypeInfo(c.display(), releases ? symbol : null);
    }

    /**
     * Continues in a new block that unwinds to a pad releasing the fields {@code held[from..]}
     * and the object's collective weak reference, then resuming.
     */
    private void withCleanup(FunctionBuilder fb, Value object, TirType.Struct layout, List<Type> fields, List<Integer> held, int from, Value.Temp exception) {
        Block resumeAt = fb.current();
        fb.unwindTo(Block.NONE); // a panic while this unwinds aborts
        Block code = fb.newBlock();
        Block pad = fb.landingPad(exception, false, code);
        fb.switchTo(code);
        for (int k = from; k < held.size(); k++) {
            int i = held.get(k);
            dropAt(fb, fb.add(new Inst.FieldAddr(fb.temp(TirType.PTR), object, layout, objectField(i))), fields.get(i));
        }
        call(fb, RuntimeAbi.RC_WEAK_RELEASE, object);
        fb.terminate(new Terminator.Resume(fb.add(new Inst.Load(fb.temp(TirType.PTR), exception, TirType.PTR))));
        fb.switchTo(resumeAt);
        fb.unwindTo(pad.id);
        fb.jumpTo(fb.newBlock());
    }

    // ---- glue of aggregates -----------------------------------------------------------

    /** The retain ({@code retain}) or drop glue of an aggregate type, made if new. */
    private String glue(Type t, boolean retain) {
        String symbol = Mangler.function(moduleName, t.display(), retain ? "{retain}" : "{drop}");
        if (made.containsKey(symbol)) return symbol;
        made.put(symbol, null);
        FunctionBuilder fb = new FunctionBuilder();
        Value address = new Value.Param(0, TirType.PTR);
        switch (t) {
            case Type.Struct s -> fields(fb, address, (TirType.Struct) AstToTir.tirType(s), s.fieldTypes(), retain);
            case Type.Tuple tu -> fields(fb, address, (TirType.Struct) AstToTir.tirType(tu), tu.elements(), retain);
            case Type.Closure c -> fields(fb, address, (TirType.Struct) AstToTir.tirType(c), c.captures(), retain);
            case Type.Array a -> elements(fb, address, (TirType.Array) AstToTir.tirType(a), a.element(), retain);
            case Type.Enum e -> variants(fb, address, e, retain);
            default -> throw new IllegalStateException("no glue for " + t.display());
        }
        fb.terminate(new Terminator.Return(null));
        made.put(symbol, fb.finish(symbol, Mangler.demangle(symbol), List.of(TirType.PTR), TirType.UNIT, false));
        return symbol;
    }

    private void each(FunctionBuilder fb, Value address, Type t, boolean retain) {
        if (retain) retainAt(fb, address, t); else dropAt(fb, address, t);
    }

    private void fields(FunctionBuilder fb, Value address, TirType.Struct layout, List<Type> types, boolean retain) {
        for (int i = 0; i < types.size(); i++) {
            if (!holdsReferences(types.get(i))) continue;
            each(fb, fb.add(new Inst.FieldAddr(fb.temp(TirType.PTR), address, layout, i)), types.get(i), retain);
        }
    }

    private void elements(FunctionBuilder fb, Value address, TirType.Array layout, Type element, boolean retain) {
        Value.Temp i = fb.slot(TirType.I64, "i");
        fb.add(new Inst.Store(i, new Value.IntConst(TirType.I64, 0)));
        Block head = fb.newBlock(), body = fb.newBlock(), exit = fb.newBlock();
        fb.jumpTo(head);
        Value index = fb.add(new Inst.Load(fb.temp(TirType.I64), i, TirType.I64));
        Value more = fb.add(new Inst.Compare(fb.temp(TirType.BOOL), Inst.CmpOp.LT, index, new Value.IntConst(TirType.I64, layout.length())));
        fb.branch(more, body, exit);
        fb.switchTo(body);
        Value current = fb.add(new Inst.Load(fb.temp(TirType.I64), i, TirType.I64));
        each(fb, fb.add(new Inst.ElementAddr(fb.temp(TirType.PTR), address, layout, current, null)), element, retain);
        Value again = fb.add(new Inst.Load(fb.temp(TirType.I64), i, TirType.I64));
        fb.add(new Inst.Store(i, fb.add(new Inst.IntArith(fb.temp(TirType.I64), Inst.ArithOp.ADD, again, new Value.IntConst(TirType.I64, 1), null))));
        fb.jumpTo(head);
        fb.switchTo(exit);
    }

    private void variants(FunctionBuilder fb, Value address, Type.Enum e, boolean retain) {
        EnumLayout layout = EnumLayout.of(e);
        for (int v = 0; v < e.variants().size(); v++) {
            List<Type> types = e.variants().get(v).fieldTypes();
            if (types.stream().noneMatch(this::holdsReferences)) continue;
            Value is = layout.is(fb, address, v);
            Block yes = fb.newBlock(), next = fb.newBlock();
            fb.branch(is, yes, next);
            fb.switchTo(yes);
            Value payload = layout.payload(fb, address);
            fields(fb, payload, layout.variants().get(v), types, retain);
            fb.jumpTo(next);
        }
    }

    /** The `Drop` impl's symbol for a class, used by {@link AstToTir}. */
    static Symbol.Function dropMethod(tlang.frontend.check.CheckedProgram program, Type.Struct c) {
        Type.TraitDef drop = program.traits().trait(tlang.frontend.check.TraitEnv.DROP);
        if (drop == null || program.traits().find(drop, c, null) == null) return null;
        return program.traits().methods(drop).get("drop");
    }
}

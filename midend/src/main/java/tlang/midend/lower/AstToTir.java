package tlang.midend.lower;

import tlang.frontend.ast.Expr;
import tlang.frontend.ast.Item;
import tlang.frontend.ast.Pattern;
import tlang.frontend.ast.Stmt;
import tlang.frontend.check.BuiltinMethod;
import tlang.frontend.check.Builtins;
import tlang.frontend.check.CheckedProgram;
import tlang.frontend.check.FormatSpec;
import tlang.frontend.check.Symbol;
import tlang.frontend.source.Span;
import tlang.frontend.types.Type;
import tlang.frontend.types.Types;
import tlang.frontend.check.TraitEnv;
import tlang.midend.Mangler;
import tlang.midend.RuntimeAbi;
import tlang.midend.tir.Block;
import tlang.midend.tir.ExternFunction;
import tlang.midend.tir.Function;
import tlang.midend.tir.Inst;
import tlang.midend.tir.Location;
import tlang.midend.tir.Terminator;
import tlang.midend.tir.TirModule;
import tlang.midend.tir.TirType;
import tlang.midend.tir.Value;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lowers a checked program to TIR. Every local (parameters included) gets a stack slot;
 * control flow becomes blocks and branches; `&&`/`||` short-circuit; overflow-checked
 * arithmetic carries the source location it traps at; printing and the other built-ins
 * become calls into the runtime ({@link RuntimeAbi}).
 */
public final class AstToTir {
    private final CheckedProgram program;
    private final String moduleName;

    // Per-function state.
    private FunctionBuilder fb;
    private final PatternLowering patterns;
    /** The address of each local: a stack slot, or (for `&self`) the address passed in. */
    private final Map<Integer, Value> localSlots = new HashMap<>();
    private final Deque<LoopTarget> loops = new ArrayDeque<>();

    /** {@code depth}: how many ownership scopes were open outside the loop's body. */
    private record LoopTarget(String label, Block continueTo, Block breakTo, Value.Temp resultSlot, int depth) {}

    /**
     * Ownership. Every value an expression produces is *owned* by whoever receives it:
     * reading a variable or a field copies (retains the references inside), a call takes
     * its by-value arguments and gives its result, and a value nobody keeps is dropped.
     * What a scope owns — its variables, and temporaries such as a `match`'s scrutinee —
     * is dropped in reverse order where the scope ends, by `break`, `continue` and
     * `return` on their way out, and by a cleanup landing pad when a panic unwinds
     * through. A variable some `move` hands over has a drop flag, cleared by the move.
     * Types that hold no references skip all of it ({@link DropGlue}).
     */
    private record Owned(Value slot, Type type, Value.Temp flag) {}
    private final Deque<List<Owned>> scopes = new ArrayDeque<>();
    private final Map<Integer, Value.Temp> dropFlags = new HashMap<>();
    private final DropGlue glue;
    /** Where a cleanup pad keeps the exception it unwinds with (one slot per function). */
    private Value.Temp exceptionSlot;

    /** The innermost loop, or the one with {@code label} (the checker made sure it exists). */
    private LoopTarget loop(String label) {
        if (label == null) return loops.peek();
        for (LoopTarget t : loops) if (label.equals(t.label())) return t;
        throw new IllegalStateException("no loop labelled " + label);
    }

    private AstToTir(CheckedProgram program) {
        this.program = program;
        this.patterns = new PatternLowering(this, program);
        this.moduleName = program.module().name();
        this.mono = new Monomorphizer(program);
        this.glue = new DropGlue(moduleName, c -> {
            Symbol.Function drop = DropGlue.dropMethod(program, c);
            return drop == null ? null : callTarget(drop, List.of(c));
        });
        this.closures = new ClosureConversion(program, mono, glue, new ClosureConversion.Lowering() {
            @Override public FunctionBuilder builder() { return fb; }
            @Override public void startFunction() { AstToTir.this.startFunction(); }
            @Override public Value address(Symbol.Local local) { return localSlots.get(local.id()); }
            @Override public Value.Temp declareLocal(Symbol.Local local) { return AstToTir.this.declareLocal(local); }
            @Override public void own(Symbol.Local local, Value.Temp slot) { AstToTir.this.own(local, slot); }
            @Override public Value body(Expr body, Type result) {
                currentResult = result;
                return leaveScope(expr(body));
            }
        });
    }

    public static TirModule lower(CheckedProgram program) {
        return new AstToTir(program).run();
    }

    /** A lowered module with the monomorphizer that made its instances (for tests to look at both). */
    record Lowered(TirModule module, Monomorphizer instances) {}

    static Lowered lowerKeepingInstances(CheckedProgram program) {
        AstToTir lowering = new AstToTir(program);
        return new Lowered(lowering.run(), lowering.mono);
    }

    /** Which function instances exist and which are still to lower; the current one's type arguments. */
    private final Monomorphizer mono;
    /** Closure values and the functions of their bodies. */
    private final ClosureConversion closures;
    /** The (concrete) result type of the function being lowered, for `?`. */
    private Type currentResult;

    private TirModule run() {
        List<Function> functions = new ArrayList<>();
        // The program's own plain functions are all compiled (so that each is checked by
        // LLVM too); generic ones and the prelude's only as far as something calls them.
        for (Symbol.Function f : program.functions()) {
            if (f.decl().isForeign()) continue; // C defines it
            // C code may call an `extern "C" fn` of any module.
            if (!f.isGeneric() && (f.decl().span().file() == program.module().file() || f.decl().isExported())) mono.request(f, List.of());
        }
        functions.add(entry());
        // Lowering a body requests the instances it calls, so this runs until no body
        // calls anything not lowered yet.
        while (mono.hasPending()) {
            Monomorphizer.Instance in = mono.next();
            functions.add(in.closure() != null ? closures.lowerBody(in) : function(in));
        }
        functions.addAll(glue.functions());
        if (hookTrampoline != null) functions.add(hookTrampoline);
        functions.addAll(exportWrappers);
        List<ExternFunction> externs = new ArrayList<>(RuntimeAbi.ALL);
        externs.addAll(foreign.values());
        return new TirModule(moduleName, List.copyOf(externs), List.copyOf(functions));
    }

    /**
     * The symbol of the function body a call of {@code f} with (concrete) {@code args} runs,
     * requesting its instance ({@link Monomorphizer#callTarget}); a foreign function is
     * declared instead.
     */
    private String callTarget(Symbol.Function f, List<Type> args) {
        if (f.decl().isForeign()) return foreignFunction(f);
        return mono.callTarget(f, args);
    }

    /** The type arguments of a use of a generic function, concrete for the current instance. */
    private List<Type> callArgs(Expr use) {
        return mono.callArgs(use);
    }

    /** A type of the program, with the current instance's type arguments put in. */
    Type concrete(Type t) {
        return mono.concrete(t);
    }

    Type typeOf(Expr e) {
        return concrete(program.typeOf(e));
    }

    /** The TIR type of a (solved) T type. `char` is its code point, a u32. */
    static TirType tirType(Type t) {
        return switch (t) {
            case Type.Int i -> new TirType.Int(i.bits, i.signed);
            case Type.Float f -> new TirType.Float(f.bits);
            case Type.Tuple tu -> new TirType.Struct(tu.elements().stream().map(AstToTir::fieldType).toList());
            // A class value and a weak reference are the address of the object's header.
            case Type.Struct st when st.def().isClass() || DropGlue.isWeak(st) -> TirType.PTR;
            case Type.Struct st -> new TirType.Struct(st.fieldTypes().stream().map(AstToTir::fieldType).toList());
            case Type.Range r -> new TirType.Struct(List.of(tirType(r.element()), tirType(r.element())));
            case Type.Array a -> new TirType.Array(fieldType(a.element()), a.length());
            case Type.Enum e -> EnumLayout.of(e).type();
            case Type.Closure c -> ClosureConversion.layout(c);
            case Type.Dyn d -> FAT_POINTER;
            case Type.Fn f -> TirType.PTR;
            case Type.Ptr p -> TirType.PTR;
            case Type.Prim p -> switch (p) {
                case BOOL -> TirType.BOOL;
                case CHAR -> TirType.U32;
                case STRING -> TirType.STR;
                case UNIT, NEVER -> TirType.UNIT;
                case ERROR -> throw new IllegalStateException("an error type reached lowering");
            };
            default -> throw new IllegalStateException("no TIR type for " + t.display());
        };
    }

    static TirType fieldTypeOf(Type t) {
        return fieldType(t);
    }

    /** Inside an aggregate, `()` takes a place of its own: an empty struct. */
    private static TirType fieldType(Type t) {
        TirType f = tirType(t);
        return f == TirType.UNIT ? EMPTY : f;
    }

    static final TirType.Struct EMPTY = new TirType.Struct(List.of());
    /** A `&dyn Trait`: the value's address and its type's vtable. */
    private static final TirType.Struct FAT_POINTER = new TirType.Struct(List.of(TirType.PTR, TirType.PTR));

    /** `t_entry`: runs `main` and returns exit status 0 (exit() leaves earlier). */
    private Function entry() {
        fb = new FunctionBuilder();
        fb.add(new Inst.Call(null, mono.request(program.main(), List.of()), List.of()));
        fb.terminate(new Terminator.Return(new Value.IntConst(TirType.I32, 0)));
        return fb.finish(RuntimeAbi.ENTRY, "<program entry>", List.of(), TirType.I32, false);
    }

    /** The body of a function instance, the one the {@link Monomorphizer} made current. */
    private Function function(Monomorphizer.Instance in) {
        Symbol.Function f = in.f();
        startFunction();
        Item.Fn decl = f.decl();
        if (Intrinsics.isIntrinsic(f)) {
            return Intrinsics.lower(this, f, in.symbol(), concrete(f.owner()));
        }
        List<Symbol.Local> params = program.params().get(decl);
        List<TirType> paramTypes = new ArrayList<>();
        for (Symbol.Local p : params) {
            if (p.byReference() && concrete(p.type()) instanceof Type.Dyn) {
                // `x: &dyn Trait` arrives as a fat pointer, kept in a slot like a value.
                Value.Param fat = new Value.Param(paramTypes.size(), FAT_POINTER);
                paramTypes.add(FAT_POINTER);
                fb.add(new Inst.Store(declareLocal(p), fat));
                continue;
            }
            if (p.byReference()) {
                // `&self` / `&mut self`: the caller passes the receiver's address.
                Value.Param address = new Value.Param(paramTypes.size(), TirType.PTR);
                paramTypes.add(TirType.PTR);
                localSlots.put(p.id(), address);
                continue;
            }
            TirType t = tirType(concrete(p.type()));
            if (t == TirType.UNIT) continue; // unit parameters are not passed
            Value.Param value = new Value.Param(paramTypes.size(), t);
            paramTypes.add(t);
            Value.Temp slot = declareLocal(p);
            fb.add(new Inst.Store(slot, value));
            own(p, slot); // the callee owns its by-value arguments
        }
        if (decl.trackCaller()) {
            List<Value> hidden = new ArrayList<>();
            for (TirType t : LOCATION_PARAMS) {
                hidden.add(new Value.Param(paramTypes.size(), t));
                paramTypes.add(t);
            }
            callerLocation = List.copyOf(hidden);
        }
        boolean noReturn = f.result() == Type.NEVER;
        currentResult = concrete(f.result());
        TirType result = tirType(currentResult);
        Value v = leaveScope(expr(decl.body()));
        fb.terminate(new Terminator.Return(result == TirType.UNIT ? null : v));
        String shown = f.isGeneric() ? Mangler.demangle(in.symbol()) : moduleName + "::" + f.qualifiedName();
        if (decl.isExported()) {
            String body = mono.bodySymbol(f, in.args());
            exportWrappers.add(exportWrapper(in.symbol(), body, paramTypes, result, noReturn));
            return fb.finish(body, shown, paramTypes, result, noReturn);
        }
        return fb.finish(in.symbol(), shown, paramTypes, result, noReturn);
    }

    // ---- extern "C" -------------------------------------------------------------------

    /** The C functions the program calls (`extern "C" { ... }`), by C name. */
    private final Map<String, ExternFunction> foreign = new java.util.LinkedHashMap<>();
    /** The C entries of the program's `extern "C" fn`s. */
    private final List<Function> exportWrappers = new ArrayList<>();

    /**
     * A foreign function's C name, declared as an extern of the module. C code raises no T
     * panics, so a call of it cannot unwind: a plain `call` of a `nounwind` function.
     */
    private String foreignFunction(Symbol.Function f) {
        String symbol = f.decl().extern().symbol();
        List<TirType> params = f.params().stream().map(t -> tirType(concrete(t))).toList();
        foreign.computeIfAbsent(symbol, s -> new ExternFunction(s, params, tirType(concrete(f.result())), f.result() == Type.NEVER, false));
        return symbol;
    }

    /**
     * The C entry of `extern "C" fn name`: an exported function named `name` that calls
     * the body (a T function of its own) in a block whose unwind edge is a catching pad.
     * A panic that reaches it — it must not unwind into C frames, which have no cleanups and
     * no idea of T panics — is handed to `trt_panic_cannot_unwind`, which reports it and
     * aborts. T callers call this entry too, so the rule holds however it is called.
     */
    private Function exportWrapper(String symbol, String body, List<TirType> params, TirType result, boolean noReturn) {
        FunctionBuilder w = new FunctionBuilder();
        Value.Temp exception = w.slot(TirType.PTR, "exception");
        Block handler = w.newBlock();
        Block pad = w.landingPad(exception, true, handler);
        int outer = w.unwindTo(pad.id);
        w.jumpTo(w.newBlock());
        List<Value> args = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) args.add(new Value.Param(i, params.get(i)));
        Value.Temp r = result == TirType.UNIT ? null : w.temp(result);
        w.add(new Inst.Call(r, body, args));
        w.terminate(noReturn ? new Terminator.Unreachable() : new Terminator.Return(r));
        w.unwindTo(outer);
        w.switchTo(handler);
        Value e = w.add(new Inst.Load(w.temp(TirType.PTR), exception, TirType.PTR));
        Value name = new Value.StrConst(symbol);
        Value namePtr = w.add(new Inst.StrPart(w.temp(TirType.PTR), name, false));
        Value nameLen = w.add(new Inst.StrPart(w.temp(TirType.I64), name, true));
        w.add(new Inst.Call(null, RuntimeAbi.PANIC_CANNOT_UNWIND.symbol(), List.of(e, namePtr, nameLen)));
        w.terminate(new Terminator.Unreachable());
        return w.finish(symbol, "extern \"C\" fn " + symbol, params, result, noReturn, true);
    }

    FunctionBuilder builder() { return fb; }

    DropGlue glue() { return glue; }

    /** Fresh per-function state, with the function's own scope (its parameters) open. */
    void startFunction() {
        fb = new FunctionBuilder();
        localSlots.clear();
        loops.clear();
        scopes.clear();
        dropFlags.clear();
        exceptionSlot = null;
        padOwns = List.of();
        padBlock = Block.NONE;
        callerLocation = null;
        scopes.push(new ArrayList<>());
    }

    // ---- #[track_caller] ----------------------------------------------------------------

    /**
     * In a `#[track_caller]` function: its four hidden last parameters, the location of its
     * call (file pointer, file length, line, column). Its panics report that location, and
     * its calls of other such functions pass it on; null in every other function.
     */
    private List<Value> callerLocation;

    /** The hidden parameters' types, after a `#[track_caller]` function's own. */
    private static final List<TirType> LOCATION_PARAMS = List.of(TirType.PTR, TirType.I64, TirType.I32, TirType.I32);

    /** The expression being lowered (its start), for the location of calls the compiler makes itself. */
    private Span lastSite;

    /** A location as the four values a panic (or a `#[track_caller]` call) takes: the caller's in a `#[track_caller]` function. */
    private List<Value> locationArgs(Location at) {
        if (callerLocation != null) return callerLocation;
        Value.StrConst file = new Value.StrConst(at.file());
        Value.Temp ptr = fb.add(new Inst.StrPart(fb.temp(TirType.PTR), file, false));
        return List.of(ptr, new Value.IntConst(TirType.I64, file.utf8().length),
                new Value.IntConst(TirType.I32, at.line()), new Value.IntConst(TirType.I32, at.column()));
    }

    // ---- ownership --------------------------------------------------------------------

    private void pushScope() {
        scopes.push(new ArrayList<>());
    }

    /**
     * Leaves the innermost scope, dropping what it owns, last first. Each drop runs with
     * an unwind edge that no longer includes it: a `Drop` that panics leaves the rest to
     * be dropped by the cleanup, never itself a second time.
     */
    private void popScope() {
        List<Owned> scope = scopes.peek();
        while (!scope.isEmpty()) {
            Owned o = scope.remove(scope.size() - 1);
            refreshUnwind();
            dropOwned(o);
        }
        scopes.pop();
    }

    private void dropOwned(Owned o) {
        if (fb.isDead()) return;
        if (o.flag() == null) {
            glue.dropAt(fb, o.slot(), o.type());
            return;
        }
        Value live = fb.add(new Inst.Load(fb.temp(TirType.BOOL), o.flag(), TirType.BOOL));
        Block yes = fb.newBlock(), next = fb.newBlock();
        fb.branch(live, yes, next);
        fb.switchTo(yes);
        glue.dropAt(fb, o.slot(), o.type());
        fb.jumpTo(next);
    }

    /**
     * `break`, `continue`, `return`: drops what the scopes inside {@code depth} own (each
     * with an unwind edge past it, as in {@link #popScope}), leaving the scopes open for
     * the code after; the unwind edge is restored for the blocks made later.
     */
    private void dropScopesAbove(int depth) {
        int n = scopes.size() - depth;
        java.util.Set<Owned> gone = new java.util.HashSet<>();
        for (List<Owned> scope : scopes) {
            if (n-- <= 0) break;
            for (int i = scope.size() - 1; i >= 0; i--) {
                if (!gone.add(scope.get(i))) continue;
                refreshUnwind(gone);
                dropOwned(scope.get(i));
            }
        }
    }

    /**
     * Leaves the scopes inside {@code depth} for good (`break`, `continue`, `return`, `?`):
     * drops what they own, ends the block with {@code end}, and gives the blocks made after
     * it the unwind edge of the code that still owns all of it.
     */
    private void leave(int depth, java.util.function.Supplier<Terminator> end) {
        int owning = fb.unwind();
        dropScopesAbove(depth);
        if (!fb.isDead()) fb.terminate(end.get());
        fb.unwindTo(owning);
    }

    /** The innermost scope now owns the value of a local (stored in {@code slot} already). */
    private void own(Symbol.Local local, Value.Temp slot) {
        Type t = concrete(local.type());
        if (slot == null || fb.isDead() || !glue.holdsReferences(t)) return;
        Value.Temp flag = null;
        if (program.movedLocals().contains(local.id())) {
            flag = dropFlags.computeIfAbsent(local.id(), k -> fb.slot(TirType.BOOL, local.name() + ".live"));
            fb.add(new Inst.Store(flag, new Value.BoolConst(true)));
        }
        ownSlot(slot, t, flag);
    }

    /** The innermost scope now owns the value in {@code slot} (a temporary). */
    private void ownSlot(Value slot, Type t, Value.Temp flag) {
        if (slot == null || fb.isDead() || !glue.holdsReferences(t)) return;
        scopes.peek().add(new Owned(slot, t, flag));
        refreshUnwind();
    }

    /**
     * What is owned changed: code from here on unwinds to a cleanup pad that drops all
     * of it (innermost first) and resumes, or out of the function when nothing is owned.
     * Unwind edges are per block, so a new block starts.
     */
    private void refreshUnwind() {
        refreshUnwind(java.util.Set.of());
    }

    /** The pad built last, for the list of values it drops: reused while that is unchanged. */
    private List<Owned> padOwns = List.of();
    private int padBlock = Block.NONE;

    private void refreshUnwind(java.util.Set<Owned> excluded) {
        if (fb.isDead()) return;
        List<Owned> all = new ArrayList<>();
        for (int i = temporaries.size() - 1; i >= 0; i--) if (!excluded.contains(temporaries.get(i))) all.add(temporaries.get(i));
        for (List<Owned> scope : scopes) for (int i = scope.size() - 1; i >= 0; i--) if (!excluded.contains(scope.get(i))) all.add(scope.get(i));
        int pad = Block.NONE;
        if (!all.isEmpty() && all.equals(padOwns)) {
            pad = padBlock;
        } else if (!all.isEmpty()) {
            if (exceptionSlot == null) exceptionSlot = fb.slot(TirType.PTR, "exception");
            Block resumeAt = fb.current();
            int outer = fb.unwindTo(Block.NONE); // a panic in a drop while unwinding aborts
            Block code = fb.newBlock();
            pad = fb.landingPad(exceptionSlot, false, code).id;
            fb.switchTo(code);
            for (Owned o : all) dropOwned(o);
            fb.terminate(new Terminator.Resume(fb.add(new Inst.Load(fb.temp(TirType.PTR), exceptionSlot, TirType.PTR))));
            fb.unwindTo(outer);
            fb.switchTo(resumeAt);
            padOwns = all;
            padBlock = pad;
        }
        if (fb.unwindTo(pad) != pad) fb.jumpTo(fb.newBlock());
    }

    // ---- parts of a value being built ---------------------------------------------------

    /**
     * The evaluated parts of something being built — a call's arguments, a literal's fields
     * or elements — are owned by a scope of their own while the later parts run, so that a
     * panic there drops them (`f(make(), boom())` used to leak what `make` made); {@link
     * #handOver} ends the scope without dropping anything: the callee, the struct or the
     * object now holds them.
     */
    private void beginParts() {
        pushScope();
    }

    /** An evaluated part, held in a slot and owned until {@link #handOver} ({@code t} null: nothing to drop). */
    private Held part(Value v, Type t) {
        Held h = hold(v);
        if (t != null && h instanceof InSlot s) ownSlot(s.slot(), t, null);
        return h;
    }

    /** The type a part's value is dropped as: null for a closure made a `fn` value (nothing to drop). */
    private Type partType(Expr e) {
        return program.fnCoercions().get(e) != null ? null : typeOf(e);
    }

    private void handOver() {
        scopes.pop();
        refreshUnwind();
    }

    /** Drops a value nobody keeps (an expression statement's, an operand's). */
    private void discard(Value v, Type t) {
        if (v != null && v.type() != TirType.UNIT) glue.drop(fb, v, t);
    }

    /** A compile-time value as a TIR constant of its type. */
    static Value constant(Symbol.Constant k) {
        TirType t = tirType(k.type());
        return switch (k.value()) {
            case java.math.BigInteger i -> t instanceof TirType.Float ? new Value.FloatConst(t, i.doubleValue()) : new Value.IntConst(t, i.longValue());
            case Double d -> new Value.FloatConst(t, d);
            case Boolean b -> new Value.BoolConst(b);
            case Integer c -> new Value.IntConst(TirType.U32, c);
            case String str -> new Value.StrConst(str);
            default -> throw new IllegalStateException("unexpected constant " + k.value());
        };
    }

    /** The slot of a local, made on first use (an or-pattern binds a variable in each alternative). */
    Value.Temp slotFor(Symbol.Local local) {
        Value existing = localSlots.get(local.id());
        if (existing instanceof Value.Temp t) return t;
        return declareLocal(local);
    }

    Value stringsEqualTo(Value a, Value b) {
        return stringsEqual(a, b);
    }

    private Value.Temp declareLocal(Symbol.Local local) {
        TirType t = tirType(local.type() == Type.ERROR ? Type.UNIT : concrete(local.type()));
        if (t == TirType.UNIT) return null; // unit values need no storage
        Value.Temp slot = fb.slot(t, local.name());
        localSlots.put(local.id(), slot);
        return slot;
    }

    private Location location(Span s) {
        return new Location(s.file().path(), s.line(), s.column());
    }

    // ---- expressions ----------------------------------------------------------------

    /** Lowers an expression; after one of type `!` the builder is left dead. */
    private Value expr(Expr e) {
        lastSite = e.span();
        Type.Closure coerced = program.fnCoercions().get(e);
        if (coerced != null) {
            // A closure that captures nothing, used as a `fn` value: its body's address.
            if (!(e instanceof Expr.Closure)) lowerExpr(e);
            return new Value.FuncRef(closures.request((Type.Closure) concrete(coerced)));
        }
        Value v = lowerExpr(e);
        if (program.types().get(e) == Type.NEVER && !fb.isDead()) fb.terminate(new Terminator.Unreachable());
        return v;
    }

    /**
     * Temporaries lent by address to a call (`f(&make())`, `make().method()` with `&self`):
     * dropped once the expression that made them is done.
     */
    private final List<Owned> temporaries = new ArrayList<>();

    private Value lowerExpr(Expr e) {
        int mark = temporaries.size();
        Value v = lowerExprOwned(e);
        if (temporaries.size() == mark) return v;
        // The drops may start new blocks (a new unwind edge each): the value crosses in a slot.
        Held value = fb.isDead() ? null : hold(v);
        while (temporaries.size() > mark) {
            Owned t = temporaries.remove(temporaries.size() - 1);
            refreshUnwind(); // its drop, and what follows, no longer unwind to drop it
            if (!fb.isDead()) glue.dropAt(fb, t.slot(), t.type());
        }
        return value == null || fb.isDead() ? v : read(value);
    }

    /**
     * A temporary made to be lent by address, dropped when the enclosing expression ends —
     * or, if a panic unwinds out of the expression first, by the landing pad
     * ({@link #refreshUnwind} counts the temporaries as owned, innermost of all).
     */
    private void lend(Value.Temp slot, Type t) {
        if (!glue.holdsReferences(t)) return;
        temporaries.add(new Owned(slot, t, null));
        refreshUnwind();
    }

    private Value lowerExprOwned(Expr e) {
        return switch (e) {
            case Expr.IntLit lit -> number(lit, typeOf(lit), false);
            case Expr.FloatLit lit -> {
                TirType t = tirType(typeOf(lit));
                // Each literal is rounded once, from its decimal text, to its own type.
                yield new Value.FloatConst(t, t.equals(TirType.F32) ? (double) Float.parseFloat(lit.text()) : Double.parseDouble(lit.text()));
            }
            case Expr.CharLit c -> new Value.IntConst(TirType.U32, c.codePoint());
            case Expr.Cast c -> cast(c);
            case Expr.Tuple t -> tuple(t);
            case Expr.Field f -> field(f);
            case Expr.StructLit sl -> structLiteral(sl);
            case Expr.MethodCall mc -> methodCall(mc);
            case Expr.BoolLit b -> new Value.BoolConst(b.value());
            case Expr.StrLit s -> new Value.StrConst(s.value());
            case Expr.Unit u -> Value.UNIT;
            case Expr.Path p -> path(p);
            case Expr.Call c -> call(c);
            case Expr.Closure c -> closures.build(c);
            case Expr.Unary u -> program.overloads().containsKey(u) && overloaded(typeOf(u.operand())) ? overloadedCall(u, List.of(u.operand())) : unary(u);
            // In generic code instantiated with a tuple, `a < b` and `a == b` call the tuple's
            // PartialOrd/PartialEq impl (the built-in `==` would ignore the elements' impls).
            case Expr.Binary b -> program.overloads().containsKey(b) && (operatorOverloaded(typeOf(b.left())) || typeOf(b.left()) instanceof Type.Tuple)
                    ? overloadedCall(b, List.of(b.left(), b.right())) : binary(b);
            case Expr.Try t -> tryExpr(t);
            case Expr.Move m -> move(m);
            case Expr.Unsafe u -> block(u.block());
            case Expr.Assign a -> assign(a);
            case Expr.Block b -> block(b);
            case Expr.If i -> ifExpr(i);
            case Expr.While w -> whileExpr(w);
            case Expr.Loop l -> loopExpr(l);
            case Expr.Break b -> breakExpr(b);
            case Expr.For f -> forLoop(f);
            case Expr.Match m -> matchExpr(m);
            case Expr.IfLet il -> ifLet(il);
            case Expr.WhileLet wl -> whileLet(wl);
            case Expr.Range r -> {
                Value start = expr(r.start());
                Held held = hold(start);
                Value end = expr(r.end());
                if (fb.isDead()) yield Value.UNIT;
                yield fb.add(new Inst.MakeStruct(fb.temp(tirType(typeOf(r))), List.of(read(held), end)));
            }
            case Expr.Continue c -> {
                LoopTarget target = loop(c.label());
                leave(target.depth(), () -> new Terminator.Jump(target.continueTo().id));
                yield Value.UNIT;
            }
            case Expr.Return r -> {
                Value v = r.value() == null ? null : expr(r.value());
                if (v != null && v.type() == TirType.UNIT) v = null;
                Held held = v == null ? null : hold(v);
                leave(0, () -> new Terminator.Return(held == null ? null : read(held)));
                yield Value.UNIT;
            }
            case Expr.ArrayLit a -> arrayLiteral(a);
            case Expr.ArrayRepeat r -> arrayRepeat(r);
            case Expr.Index ix -> program.overloads().containsKey(ix) && operatorOverloaded(typeOf(ix.base())) ? overloadedCall(ix, List.of(ix.base(), ix.index()))
                    : isPlace(ix) ? loadPlace(ix) : indexTemporary(ix);
            case Expr.Ref r -> throw new IllegalStateException("a reference outside an argument reached lowering at " + r.span());
            case Expr.Error err -> throw new IllegalStateException("error node reached lowering at " + err.span());
        };
    }

    // ---- arrays -----------------------------------------------------------------------

    /** `[a, b, c]`: elements evaluated left to right, then stored into a fresh array. */
    private Value arrayLiteral(Expr.ArrayLit a) {
        TirType.Array type = (TirType.Array) tirType(typeOf(a));
        Value.Temp slot = fb.slot(type, "array");
        fillArrayLiteral(a, slot);
        if (fb.isDead()) return Value.UNIT;
        return fb.add(new Inst.Load(fb.temp(type), slot, type));
    }

    /**
     * Evaluates an array-typed expression straight into the memory at {@code destination},
     * which nothing in the expression reads (a new variable, or a fresh temporary).
     * Literals and repeats are built in place and places are copied with a memcpy, so a
     * large array never becomes one SSA value that LLVM would split element by element.
     */
    private void arrayInto(Expr e, Value destination) {
        TirType.Array type = (TirType.Array) tirType(typeOf(e));
        switch (e) {
            case Expr.ArrayLit a -> fillArrayLiteral(a, destination);
            case Expr.ArrayRepeat r -> fillArrayRepeat(r, destination);
            default -> {
                if (isPlace(e)) {
                    Value source = placeAddress(e);
                    if (!fb.isDead() && source != null) {
                        fb.add(new Inst.CopyMem(destination, source, type));
                        glue.retainAt(fb, destination, typeOf(e));
                    }
                } else {
                    Value v = expr(e);
                    if (!fb.isDead()) fb.add(new Inst.Store(destination, v));
                }
            }
        }
    }

    private void fillArrayLiteral(Expr.ArrayLit a, Value slot) {
        List<Held> held = new ArrayList<>();
        for (Expr e : a.elements()) held.add(hold(expr(e)));
        if (fb.isDead()) return;
        TirType.Array type = (TirType.Array) tirType(typeOf(a));
        for (int i = 0; i < held.size(); i++) {
            Value v = read(held.get(i));
            if (v.type() == TirType.UNIT) continue; // `()` elements occupy no bytes
            Value address = fb.add(new Inst.ElementAddr(fb.temp(TirType.PTR), slot, type, new Value.IntConst(TirType.I64, i), null));
            fb.add(new Inst.Store(address, v));
        }
    }

    /**
     * `[value; n]`: an all-zero value is a constant (LLVM makes it a memset); anything else
     * is stored n times by a loop.
     */
    private Value arrayRepeat(Expr.ArrayRepeat r) {
        TirType.Array type = (TirType.Array) tirType(typeOf(r));
        Value.Temp slot = fb.slot(type, "array");
        fillArrayRepeat(r, slot);
        if (fb.isDead()) return Value.UNIT;
        return fb.add(new Inst.Load(fb.temp(type), slot, type));
    }

    private void fillArrayRepeat(Expr.ArrayRepeat r, Value slot) {
        Value v = expr(r.value());
        if (fb.isDead()) return;
        TirType.Array type = (TirType.Array) tirType(typeOf(r));
        if (isZero(v) || type.length() == 0 || v.type() == TirType.UNIT) {
            fb.add(new Inst.Store(slot, new Value.ZeroConst(type)));
            discard(v, ((Type.Array) typeOf(r)).element());
            return;
        }
        Held element = hold(v);
        Value.Temp i = fb.slot(TirType.I64, "fill.i");
        fb.add(new Inst.Store(i, new Value.IntConst(TirType.I64, 0)));
        Block head = fb.newBlock(), body = fb.newBlock(), exit = fb.newBlock();
        fb.jumpTo(head);
        Value more = fb.add(new Inst.Compare(fb.temp(TirType.BOOL), Inst.CmpOp.LT, load(i, TirType.I64), new Value.IntConst(TirType.I64, type.length())));
        fb.branch(more, body, exit);
        fb.switchTo(body);
        Value index = load(i, TirType.I64);
        Value address = fb.add(new Inst.ElementAddr(fb.temp(TirType.PTR), slot, type, index, null));
        // Each element is a copy; the value itself is dropped after the loop.
        fb.add(new Inst.Store(address, glue.copy(fb, read(element), ((Type.Array) typeOf(r)).element())));
        fb.add(new Inst.Store(i, fb.add(new Inst.IntArith(fb.temp(TirType.I64), Inst.ArithOp.ADD, index, new Value.IntConst(TirType.I64, 1), null))));
        fb.jumpTo(head);
        fb.switchTo(exit);
        discard(read(element), ((Type.Array) typeOf(r)).element());
    }

    private static boolean isZero(Value v) {
        return switch (v) {
            case Value.IntConst c -> c.value() == 0;
            case Value.FloatConst c -> Double.doubleToRawLongBits(c.value()) == 0; // +0.0 only
            case Value.BoolConst b -> !b.value();
            case Value.ZeroConst z -> true;
            default -> false;
        };
    }

    /** Reads a place (a variable, a field or an element of one) through its address. */
    private Value loadPlace(Expr place) {
        Value address = placeAddress(place);
        TirType t = tirType(typeOf(place));
        if (address == null || fb.isDead() || t == TirType.UNIT) return Value.UNIT;
        return glue.copy(fb, fb.add(new Inst.Load(fb.temp(t), address, t)), typeOf(place));
    }

    /** Indexing a value that is not in a variable (a call's result): give it a home first. */
    private Value indexTemporary(Expr.Index ix) {
        Value base = expr(ix.base());
        if (fb.isDead()) return Value.UNIT;
        Value.Temp slot = fb.slot(base.type(), "indexed");
        fb.add(new Inst.Store(slot, base));
        Value address = elementAddress(slot, (TirType.Array) base.type(), ix);
        TirType t = tirType(typeOf(ix));
        if (t == TirType.UNIT || fb.isDead()) return Value.UNIT;
        Value element = glue.copy(fb, fb.add(new Inst.Load(fb.temp(t), address, t)), typeOf(ix));
        glue.dropAt(fb, slot, typeOf(ix.base()));
        return element;
    }

    /** The checked address of {@code a[i]} inside the array at {@code array}. */
    private Value elementAddress(Value array, TirType.Array type, Expr.Index ix) {
        Held base = hold(array);
        Value index = expr(ix.index());
        if (fb.isDead()) return Value.UNIT;
        return fb.add(new Inst.ElementAddr(fb.temp(TirType.PTR), read(base), type, index, location(ix.span())));
    }

    private Value path(Expr.Path p) {
        Symbol s = program.resolutions().get(p);
        if (s instanceof Symbol.StructCtor ctor && ctor.type().def().isClass()) return newObject((Type.Struct) concrete(ctor.type()), List.of());
        if (s instanceof Symbol.StructCtor ctor) return fb.add(new Inst.MakeStruct(fb.temp(tirType(concrete(ctor.type()))), List.of()));
        if (s instanceof Symbol.VariantCtor v) return variant((Type.Enum) typeOf(p), v.index(), List.of());
        if (s instanceof Symbol.Constant k) return constant(k);
        if (s instanceof Symbol.Function f) return new Value.FuncRef(callTarget(f, callArgs(p)));
        if (!(s instanceof Symbol.Local local)) throw new IllegalStateException("unexpected value path " + p.joined());
        Value address = localSlots.get(local.id());
        if (address == null) return Value.UNIT;
        TirType t = tirType(concrete(local.type()));
        return glue.copy(fb, fb.add(new Inst.Load(fb.temp(t), address, t)), concrete(local.type()));
    }

    /** `move x`: x's value without a copy; x's drop flag says it no longer owns it. */
    private Value move(Expr.Move m) {
        Symbol.Local local = (Symbol.Local) program.resolutions().get((Expr.Path) m.operand());
        Value address = localSlots.get(local.id());
        if (address == null || fb.isDead()) return Value.UNIT;
        TirType t = tirType(concrete(local.type()));
        Value v = fb.add(new Inst.Load(fb.temp(t), address, t));
        Value.Temp flag = dropFlags.get(local.id());
        if (flag != null) fb.add(new Inst.Store(flag, new Value.BoolConst(false)));
        return v;
    }

    private Value call(Expr.Call c) {
        if (!(c.callee() instanceof Expr.Path callee) || program.resolutions().get(callee) instanceof Symbol.Local) return valueCall(c);
        Symbol s = program.resolutions().get(callee);
        if (s instanceof Symbol.Builtin b) return builtin(c, b.kind());
        if (s instanceof Symbol.StructCtor) return construct((Type.Struct) typeOf(c), c.args());
        if (s instanceof Symbol.VariantCtor v) {
            List<Held> held = new ArrayList<>();
            beginParts();
            for (Expr e : c.args()) held.add(part(expr(e), partType(e)));
            handOver();
            if (fb.isDead()) return Value.UNIT;
            return variant((Type.Enum) typeOf(c), v.index(), held);
        }
        Symbol.Function f = (Symbol.Function) s;
        // Arguments are evaluated left to right; each is held in a slot while later ones run,
        // since evaluating them may create blocks, and owned until the call takes them.
        // Unit-typed arguments are not passed.
        List<Held> held = new ArrayList<>();
        beginParts();
        for (int i = 0; i < c.args().size(); i++) {
            Expr arg = c.args().get(i);
            held.add(part(argument(arg, f.params().get(i)), f.params().get(i) instanceof Type.Ref ? null : partType(arg)));
        }
        handOver();
        if (fb.isDead()) return Value.UNIT;
        List<Value> args = new ArrayList<>();
        for (Held h : held) args.add(read(h));
        return emitCall(callTarget(f, callArgs(c)), args, typeOf(c), c.span());
    }

    // ---- trait objects ----------------------------------------------------------------

    /**
     * The fat pointer for `&x` passed as a `&dyn Trait`: x's address and the vtable of its
     * type's impl, or, when x is itself such a parameter, its fat pointer as it came.
     */
    private Value dynArgument(Expr operand, Type.Dyn d) {
        Type t = typeOf(operand);
        if (t instanceof Type.Dyn) return expr(operand);
        Value address = addressOf(operand);
        if (fb.isDead()) return Value.UNIT;
        List<String> methods = new ArrayList<>();
        List<Type.Bound> bounds = program.traits().withSupertraits(d.bound(), t);
        for (Symbol.Function m : program.traits().vtableMethods(d.bound().trait())) {
            Type.Bound owner = bounds.stream().filter(b -> b.trait() == m.trait()).findFirst().orElseThrow();
            List<Type> args = new ArrayList<>();
            args.add(t);
            args.addAll(owner.args());
            methods.add(callTarget(m, args));
        }
        Value vtable = new Value.Vtable(d.bound().trait().name + Types.displayArgs(d.bound().args()), List.copyOf(methods));
        return fb.add(new Inst.MakeStruct(fb.temp(FAT_POINTER), List.of(address, vtable)));
    }

    /** `x.method(args)` on a `&dyn Trait` parameter: the vtable's entry, called with x's address. */
    private Value dynMethodCall(Expr.MethodCall mc, Type.Dyn d) {
        Symbol.Function f = program.methodTargets().get(mc);
        Held fat = hold(expr(mc.receiver()));
        List<Held> held = new ArrayList<>();
        for (int i = 0; i < mc.args().size(); i++) held.add(hold(argument(mc.args().get(i), f.params().get(i))));
        if (fb.isDead()) return Value.UNIT;
        List<Symbol.Function> table = program.traits().vtableMethods(d.bound().trait());
        int index = table.indexOf(f);
        Value pointer = read(fat);
        Value data = fb.add(new Inst.ExtractField(fb.temp(TirType.PTR), pointer, 0));
        Value vtable = fb.add(new Inst.ExtractField(fb.temp(TirType.PTR), pointer, 1));
        TirType.Array tableType = new TirType.Array(TirType.PTR, table.size());
        Value slot = fb.add(new Inst.ElementAddr(fb.temp(TirType.PTR), vtable, tableType, new Value.IntConst(TirType.I64, index), null));
        Value target = fb.add(new Inst.Load(fb.temp(TirType.PTR), slot, TirType.PTR));
        List<Value> args = new ArrayList<>();
        args.add(data);
        for (Held h : held) args.add(read(h));
        Type result = typeOf(mc);
        TirType rt = tirType(result);
        Value.Temp r = rt == TirType.UNIT ? null : fb.temp(rt);
        String trait = d.bound().trait().name + Types.displayArgs(d.bound().args());
        fb.add(new Inst.CallIndirect(r, target, dropUnitArgs(args), new Inst.DynMethod(trait, index)));
        if (result == Type.NEVER) fb.terminate(new Terminator.Unreachable());
        return r == null ? Value.UNIT : r;
    }

    // ---- closures and function values -------------------------------------------------

    /** A call of a value: a closure (a direct call of its body) or a `fn` value (an indirect call). */
    private Value valueCall(Expr.Call c) {
        Type calleeType = typeOf(c.callee());
        Held callee = hold(expr(c.callee()));
        List<Held> held = new ArrayList<>();
        for (Expr arg : c.args()) held.add(hold(expr(arg)));
        if (fb.isDead()) return Value.UNIT;
        List<Value> args = new ArrayList<>();
        if (calleeType instanceof Type.Closure k) {
            args.addAll(ClosureConversion.captureArguments(fb, read(callee), k));
            for (Held h : held) args.add(read(h));
            Value r = emitCall(closures.request(k), args, typeOf(c));
            if (!fb.isDead()) discard(read(callee), k); // the body borrowed the captures
            return r;
        }
        Value address = read(callee);
        for (Held h : held) args.add(read(h));
        Type result = typeOf(c);
        TirType rt = tirType(result);
        Value.Temp r = rt == TirType.UNIT ? null : fb.temp(rt);
        fb.add(new Inst.CallIndirect(r, address, dropUnitArgs(args)));
        if (result == Type.NEVER) fb.terminate(new Terminator.Unreachable());
        return r == null ? Value.UNIT : r;
    }

    /** A call of a T function; {@code result} is the call's (concrete) type. */
    private Value emitCall(String symbol, List<Value> args, Type result) {
        return emitCall(symbol, args, result, null);
    }

    /**
     * A call written at {@code site}: a `#[track_caller]` callee also gets the location of the
     * call (or, inside another such function, its own caller's). Calls the compiler makes
     * itself ({@code site} null: a `for` loop's `next`, `?`'s `From`) pass the location of
     * the expression being lowered.
     */
    private Value emitCall(String symbol, List<Value> args, Type result, Span site) {
        if (mono.tracksCaller(symbol)) {
            args = new ArrayList<>(args);
            args.addAll(locationArgs(location(site != null ? site : lastSite)));
        }
        TirType rt = tirType(result);
        Value.Temp r = rt == TirType.UNIT ? null : fb.temp(rt);
        fb.add(new Inst.Call(r, symbol, dropUnitArgs(args)));
        if (result == Type.NEVER) fb.terminate(new Terminator.Unreachable());
        return r == null ? Value.UNIT : r;
    }

    /** An argument: its value, or for a reference parameter the address of the place it borrows. */
    private Value argument(Expr arg, Type param) {
        if (param instanceof Type.Ref ref && concrete(ref.inner()) instanceof Type.Dyn d) return dynArgument(((Expr.Ref) arg).operand(), d);
        if (!(param instanceof Type.Ref ref)) return expr(arg);
        Expr operand = ((Expr.Ref) arg).operand();
        return ref.mutable() ? addressOf(operand) : sharedAddressOf(operand);
    }

    /**
     * The address a `&` (shared) borrow passes: as {@link #addressOf}, except that
     * `&p.read()` on a raw pointer is p itself — the value where it lies rather than a
     * copy in a temporary (no retain, no release). A shared borrow cannot change the
     * value, so the callee sees the same either way as long as the memory at p stays
     * valid during the call, which is the unsafe code's promise (language.md, "unsafe
     * and raw pointers"). `&mut p.read()` still borrows a copy.
     */
    private Value sharedAddressOf(Expr e) {
        if (e instanceof Expr.MethodCall mc && program.builtinMethods().get(mc) == BuiltinMethod.PTR_READ
                && tirType(((Type.Ptr) typeOf(mc.receiver())).pointee()) != TirType.UNIT) {
            return expr(mc.receiver());
        }
        return addressOf(e);
    }

    /** The address of a place, or of a temporary holding the value of any other expression. */
    private Value addressOf(Expr e) {
        if (isPlace(e)) {
            Value address = placeAddress(e);
            if (address != null) return address;
        }
        Value v = expr(e);
        if (fb.isDead()) return Value.UNIT;
        TirType t = v.type() == TirType.UNIT ? EMPTY : v.type();
        Value.Temp slot = fb.slot(t, "borrowed");
        if (v.type() != TirType.UNIT) {
            fb.add(new Inst.Store(slot, v));
            lend(slot, typeOf(e));
        }
        return slot;
    }

    /** A method call: the receiver goes first, by address for `&self` and `&mut self`. */
    private Value methodCall(Expr.MethodCall mc) {
        BuiltinMethod builtin = program.builtinMethods().get(mc);
        if (builtin != null) return builtinMethod(mc, builtin);
        if (typeOf(mc.receiver()) instanceof Type.Dyn d) return dynMethodCall(mc, d);
        Symbol.Function f = program.methodTargets().get(mc);
        Held receiver;
        if (f.decl().self().byReference()) {
            Value address = isPlace(mc.receiver()) ? placeAddress(mc.receiver()) : null;
            if (address == null) {
                // A temporary receiver: give it a home so that it has an address.
                Value v = expr(mc.receiver());
                if (fb.isDead()) return Value.UNIT;
                Value.Temp slot = fb.slot(v.type(), "receiver");
                fb.add(new Inst.Store(slot, v));
                lend(slot, typeOf(mc.receiver()));
                address = slot;
            }
            receiver = hold(address);
            beginParts();
        } else {
            beginParts();
            receiver = part(expr(mc.receiver()), partType(mc.receiver()));
        }
        List<Held> held = new ArrayList<>();
        for (int i = 0; i < mc.args().size(); i++) {
            Expr arg = mc.args().get(i);
            held.add(part(argument(arg, f.params().get(i)), f.params().get(i) instanceof Type.Ref ? null : partType(arg)));
        }
        handOver();
        if (fb.isDead()) return Value.UNIT;
        List<Value> args = new ArrayList<>();
        args.add(read(receiver));
        for (Held h : held) args.add(read(h));
        return emitCall(callTarget(f, callArgs(mc)), args, typeOf(mc), mc.span());
    }

    /** The methods of built-in types: intrinsics, or short sequences of TIR. */
    private Value builtinMethod(Expr.MethodCall mc, BuiltinMethod m) {
        if (m == BuiltinMethod.GET_UNCHECKED || m.receiver == BuiltinMethod.Receiver.POINTER) return pointerMethod(mc, m);
        if (m == BuiltinMethod.ARRAY_LEN) {
            // The length is in the type; the receiver is evaluated only for its effects.
            if (!isPlace(mc.receiver())) expr(mc.receiver());
            return new Value.IntConst(TirType.U64, ((Type.Array) typeOf(mc.receiver())).length());
        }
        // A string is looked at where it is (or lent, for a temporary), not copied: its
        // methods here only read it, and a copy would cost a count.
        boolean borrowed = typeOf(mc.receiver()) == Type.STRING;
        Held receiverAt = borrowed ? hold(addressOf(mc.receiver())) : null;
        Held receiver0 = borrowed ? null : hold(expr(mc.receiver()));
        List<Held> held = new ArrayList<>();
        for (Expr arg : mc.args()) held.add(hold(expr(arg)));
        if (fb.isDead()) return Value.UNIT;
        Held receiver = borrowed ? hold(fb.add(new Inst.Load(fb.temp(TirType.STR), read(receiverAt), TirType.STR))) : receiver0;
        Value x = read(receiver);
        Value y = held.isEmpty() ? null : read(held.get(0));
        TirType t = x.type();
        Location at = location(mc.span());
        return switch (m) {
            case SQRT -> intrinsic(Inst.IntrinsicOp.SQRT, t, x);
            case FLOAT_ABS -> intrinsic(Inst.IntrinsicOp.FABS, t, x);
            case FLOOR -> intrinsic(Inst.IntrinsicOp.FLOOR, t, x);
            case CEIL -> intrinsic(Inst.IntrinsicOp.CEIL, t, x);
            case ROUND -> intrinsic(Inst.IntrinsicOp.ROUND, t, x);
            case TRUNC -> intrinsic(Inst.IntrinsicOp.TRUNC, t, x);
            case FLOAT_MIN -> intrinsic(Inst.IntrinsicOp.FMIN, t, x, y);
            case FLOAT_MAX -> intrinsic(Inst.IntrinsicOp.FMAX, t, x, y);
            case COUNT_ONES -> fb.add(new Inst.Cast(fb.temp(TirType.U32), intrinsic(Inst.IntrinsicOp.CTPOP, t, x)));
            case LEADING_ZEROS -> fb.add(new Inst.Cast(fb.temp(TirType.U32), intrinsic(Inst.IntrinsicOp.CTLZ, t, x)));
            case TRAILING_ZEROS -> fb.add(new Inst.Cast(fb.temp(TirType.U32), intrinsic(Inst.IntrinsicOp.CTTZ, t, x)));
            case INT_MIN, INT_MAX -> {
                Value less = fb.add(new Inst.Compare(fb.temp(TirType.BOOL), Inst.CmpOp.LT, x, y));
                yield m == BuiltinMethod.INT_MIN ? fb.add(new Inst.Select(fb.temp(t), less, x, y)) : fb.add(new Inst.Select(fb.temp(t), less, y, x));
            }
            case INT_ABS -> {
                // `0 - x` traps exactly when x is MIN, which is when the absolute value overflows.
                Value negated = fb.add(new Inst.IntArith(fb.temp(t), Inst.ArithOp.NEG, new Value.IntConst(t, 0), x, at));
                Value negative = fb.add(new Inst.Compare(fb.temp(TirType.BOOL), Inst.CmpOp.LT, x, new Value.IntConst(t, 0)));
                yield fb.add(new Inst.Select(fb.temp(t), negative, negated, x));
            }
            case WRAPPING_ADD -> fb.add(new Inst.IntArith(fb.temp(t), Inst.ArithOp.ADD, x, y, null));
            case WRAPPING_SUB -> fb.add(new Inst.IntArith(fb.temp(t), Inst.ArithOp.SUB, x, y, null));
            case WRAPPING_MUL -> fb.add(new Inst.IntArith(fb.temp(t), Inst.ArithOp.MUL, x, y, null));
            case POW -> power(x, y, at);
            case ROTATE_LEFT, ROTATE_RIGHT -> {
                // A funnel shift of the value with itself; the amount is taken modulo the width.
                Value amount = t.equals(TirType.U32) ? y : fb.add(new Inst.Cast(fb.temp(t), y));
                yield intrinsic(m == BuiltinMethod.ROTATE_LEFT ? Inst.IntrinsicOp.FSHL : Inst.IntrinsicOp.FSHR, t, x, x, amount);
            }
            case STR_LEN -> fb.add(new Inst.Cast(fb.temp(TirType.U64), fb.add(new Inst.StrPart(fb.temp(TirType.I64), x, true))));
            case STR_AS_PTR -> fb.add(new Inst.StrPart(fb.temp(TirType.PTR), x, false));
            case BYTE_AT -> {
                Value length = fb.add(new Inst.Cast(fb.temp(TirType.U64), fb.add(new Inst.StrPart(fb.temp(TirType.I64), x, true))));
                Value inside = fb.add(new Inst.Compare(fb.temp(TirType.BOOL), Inst.CmpOp.LT, y, length));
                Block ok = fb.newBlock(), fail = fb.newBlock();
                fb.branch(inside, ok, fail);
                fb.switchTo(fail);
                panic(at, "byte index out of range for the string's length");
                fb.switchTo(ok);
                Value base = fb.add(new Inst.StrPart(fb.temp(TirType.PTR), read(receiver), false));
                Value address = fb.add(new Inst.ElementAddr(fb.temp(TirType.PTR), base, new TirType.Array(TirType.U8, 0), read(held.get(0)), null));
                yield fb.add(new Inst.Load(fb.temp(TirType.U8), address, TirType.U8));
            }
            case ARRAY_LEN -> throw new IllegalStateException();
            case GET_UNCHECKED, PTR_READ, PTR_TAKE, PTR_WRITE, PTR_ADD, PTR_OFFSET, PTR_IS_NULL -> throw new IllegalStateException();
        };
    }

    /** Raw-pointer methods, and `get_unchecked` (an element address without the check). */
    private Value pointerMethod(Expr.MethodCall mc, BuiltinMethod m) {
        if (m == BuiltinMethod.GET_UNCHECKED) {
            Type.Array at = (Type.Array) typeOf(mc.receiver());
            Value base;
            if (isPlace(mc.receiver())) {
                base = placeAddress(mc.receiver());
            } else {
                base = addressOf(mc.receiver());
            }
            Value index = expr(mc.args().get(0));
            if (fb.isDead() || base == null) return Value.UNIT;
            TirType et = tirType(at.element());
            if (et == TirType.UNIT) return Value.UNIT;
            Value address = fb.add(new Inst.ElementAddr(fb.temp(TirType.PTR), base, (TirType.Array) tirType(at), index, null));
            return glue.copy(fb, fb.add(new Inst.Load(fb.temp(et), address, et)), at.element());
        }
        Type.Ptr type = (Type.Ptr) typeOf(mc.receiver());
        Held pointer = hold(expr(mc.receiver()));
        Held arg = mc.args().isEmpty() ? null : hold(expr(mc.args().get(0)));
        if (fb.isDead()) return Value.UNIT;
        Value p = read(pointer);
        TirType pt = tirType(type.pointee());
        return switch (m) {
            case PTR_IS_NULL -> fb.add(new Inst.Compare(fb.temp(TirType.BOOL), Inst.CmpOp.EQ, p, new Value.ZeroConst(TirType.PTR)));
            case PTR_READ -> pt == TirType.UNIT ? Value.UNIT : glue.copy(fb, fb.add(new Inst.Load(fb.temp(pt), p, pt)), type.pointee());
            case PTR_TAKE -> pt == TirType.UNIT ? Value.UNIT : fb.add(new Inst.Load(fb.temp(pt), p, pt));
            case PTR_WRITE -> {
                Value v = read(arg);
                if (v.type() != TirType.UNIT) fb.add(new Inst.Store(p, v));
                yield Value.UNIT;
            }
            case PTR_ADD, PTR_OFFSET -> {
                // An element address in an array of unknown length: no check, any index.
                TirType element = fieldType(type.pointee());
                yield fb.add(new Inst.ElementAddr(fb.temp(TirType.PTR), p, new TirType.Array(element, 0), read(arg), null));
            }
            default -> throw new IllegalStateException(m.name());
        };
    }

    private Value intrinsic(Inst.IntrinsicOp op, TirType t, Value... args) {
        return fb.add(new Inst.Intrinsic(fb.temp(t), op, List.of(args)));
    }

    /**
     * `x.pow(e)` by repeated squaring with checked multiplication. The base is squared only
     * while bits of the exponent remain, so a square that is not needed cannot overflow.
     */
    private Value power(Value base, Value exponent, Location at) {
        TirType t = base.type();
        Value.Temp result = fb.slot(t, "pow.result"), b = fb.slot(t, "pow.base"), e = fb.slot(TirType.U32, "pow.exp");
        fb.add(new Inst.Store(result, new Value.IntConst(t, 1)));
        fb.add(new Inst.Store(b, base));
        fb.add(new Inst.Store(e, exponent));
        Block head = fb.newBlock(), multiply = fb.newBlock(), shift = fb.newBlock(), square = fb.newBlock(), done = fb.newBlock();
        Value zero = new Value.IntConst(TirType.U32, 0), one = new Value.IntConst(TirType.U32, 1);
        fb.jumpTo(head);
        Value finished = fb.add(new Inst.Compare(fb.temp(TirType.BOOL), Inst.CmpOp.EQ, load(e, TirType.U32), zero));
        fb.branch(finished, done, multiply);
        fb.switchTo(multiply);
        Value odd = fb.add(new Inst.IntArith(fb.temp(TirType.U32), Inst.ArithOp.AND, load(e, TirType.U32), one, null));
        Value isOdd = fb.add(new Inst.Compare(fb.temp(TirType.BOOL), Inst.CmpOp.NE, odd, zero));
        Block times = fb.newBlock();
        fb.branch(isOdd, times, shift);
        fb.switchTo(times);
        fb.add(new Inst.Store(result, fb.add(new Inst.IntArith(fb.temp(t), Inst.ArithOp.MUL, load(result, t), load(b, t), at))));
        fb.jumpTo(shift);
        Value rest = fb.add(new Inst.IntArith(fb.temp(TirType.U32), Inst.ArithOp.SHR, load(e, TirType.U32), one, null));
        fb.add(new Inst.Store(e, rest));
        Value noMore = fb.add(new Inst.Compare(fb.temp(TirType.BOOL), Inst.CmpOp.EQ, rest, zero));
        fb.branch(noMore, done, square);
        fb.switchTo(square);
        fb.add(new Inst.Store(b, fb.add(new Inst.IntArith(fb.temp(t), Inst.ArithOp.MUL, load(b, t), load(b, t), at))));
        fb.jumpTo(head);
        fb.switchTo(done);
        return load(result, t);
    }

    /** A variable or a field of one: something with an address (a unit variant's path has none). */
    private boolean isPlace(Expr e) {
        return e instanceof Expr.Path p && program.resolutions().get(p) instanceof Symbol.Local
                || e instanceof Expr.Field f && isPlace(f.base())
                || e instanceof Expr.Index ix && (!(program.overloads().containsKey(ix) && operatorOverloaded(typeOf(ix.base()))) || indexPlace(ix)) && isPlace(ix.base());
    }

    /** A variable, or a field of a plain place: reading its address runs no code. */
    private boolean plainPlace(Expr e) {
        return e instanceof Expr.Path p && program.resolutions().get(p) instanceof Symbol.Local
                || e instanceof Expr.Field f && plainPlace(f.base());
    }

    /** An overloaded `c[i]` that the checker made a place (`IndexPlace`). */
    private boolean indexPlace(Expr.Index ix) {
        return program.indexPlaces().containsKey(ix) && overloaded(typeOf(ix.base()));
    }

    /** A struct value from field values given in declaration order (tuple structs). */
    private Value construct(Type.Struct type, List<Expr> fieldValues) {
        List<Held> held = new ArrayList<>();
        beginParts();
        for (Expr e : fieldValues) held.add(part(expr(e), partType(e)));
        handOver();
        if (fb.isDead()) return Value.UNIT;
        TirType.Struct st = (TirType.Struct) tirType(type);
        List<Value> fields = new ArrayList<>();
        for (int i = 0; i < held.size(); i++) {
            Value v = read(held.get(i));
            fields.add(v.type() == TirType.UNIT ? new Value.ZeroConst(st.fields().get(i)) : v);
        }
        return fb.add(new Inst.MakeStruct(fb.temp(st), fields));
    }

    /**
     * An enum value: the tag, and the variant's fields in the payload. Built in a slot,
     * because the payload is seen as the variant's struct only through its address.
     */
    private Value variant(Type.Enum type, int index, List<Held> fieldValues) {
        EnumLayout layout = EnumLayout.of(type);
        if (layout.niche()) {
            // The value is the pointer itself, or null (a constant, so `[None; n]` is a zero fill).
            return index == layout.nullVariant() ? new Value.ZeroConst(TirType.PTR) : read(fieldValues.get(0));
        }
        Value.Temp slot = fb.slot(layout.type(), type.variants().get(index).name());
        layout.setTag(fb, slot, index);
        TirType.Struct variantType = layout.variants().get(index);
        if (!variantType.fields().isEmpty()) {
            List<Value> fields = new ArrayList<>();
            for (int i = 0; i < fieldValues.size(); i++) {
                Value f = read(fieldValues.get(i));
                fields.add(f.type() == TirType.UNIT ? new Value.ZeroConst(variantType.fields().get(i)) : f);
            }
            Value payload = layout.payload(fb, slot);
            fb.add(new Inst.Store(payload, fb.add(new Inst.MakeStruct(fb.temp(variantType), fields))));
        }
        return fb.add(new Inst.Load(fb.temp(layout.type()), slot, layout.type()));
    }

    /** `Name { ... }`: fields are evaluated in the order written, stored in declaration order. */
    private Value structLiteral(Expr.StructLit sl) {
        if (program.resolutions().get(sl.type()) instanceof Symbol.VariantCtor v) {
            Held[] byField = new Held[v.variant().fieldNames().size()];
            beginParts();
            for (Expr.FieldInit init : sl.fields()) byField[v.variant().fieldIndex(init.name())] = part(expr(init.value()), partType(init.value()));
            handOver();
            if (fb.isDead()) return Value.UNIT;
            return variant((Type.Enum) typeOf(sl), v.index(), List.of(byField));
        }
        Type.Struct type = (Type.Struct) typeOf(sl);
        Held[] byField = new Held[type.fieldNames().size()];
        beginParts();
        for (Expr.FieldInit init : sl.fields()) byField[type.fieldIndex(init.name())] = part(expr(init.value()), partType(init.value()));
        handOver();
        if (fb.isDead()) return Value.UNIT;
        if (type.def().isClass()) return newObject(type, List.of(byField));
        TirType.Struct st = (TirType.Struct) tirType(type);
        List<Value> fields = new ArrayList<>();
        for (int i = 0; i < byField.length; i++) {
            Value v = read(byField[i]);
            fields.add(v.type() == TirType.UNIT ? new Value.ZeroConst(st.fields().get(i)) : v);
        }
        return fb.add(new Inst.MakeStruct(fb.temp(st), fields));
    }

    /**
     * A new object of a class: `trt_rc_alloc` with the class's type information (one
     * strong reference, ours), then the fields stored after the header.
     */
    private Value newObject(Type.Struct type, List<Held> fields) {
        TirType.Struct layout = DropGlue.objectType(type);
        Value object = fb.add(new Inst.Call(fb.temp(TirType.PTR), RuntimeAbi.RC_ALLOC.symbol(),
                List.of(glue.typeInfo(type), new Value.IntConst(TirType.I64, DropGlue.payloadSize(type)))));
        for (int i = 0; i < fields.size(); i++) {
            Value v = read(fields.get(i));
            if (v.type() == TirType.UNIT) continue;
            Value address = fb.add(new Inst.FieldAddr(fb.temp(TirType.PTR), object, layout, DropGlue.objectField(i)));
            fb.add(new Inst.Store(address, v));
        }
        return object;
    }

    private static List<Value> dropUnitArgs(List<Value> args) {
        // Unit-typed parameters are not passed at all.
        return args.stream().filter(v -> v.type() != TirType.UNIT).toList();
    }

    private Value builtin(Expr.Call c, Builtins.Kind kind) {
        switch (kind) {
            case PRINT, PRINTLN, EPRINT, EPRINTLN -> {
                CheckedProgram.Format format = program.formats().get(c);
                List<Held> values = evaluateArgs(format);
                writeParts(streamOf(kind.stream), format, values);
                if (kind.newline) writeText(streamOf(kind.stream), "\n");
                dropArgs(format, values);
                return Value.UNIT;
            }
            case FORMAT -> { return format(c); }
            case PANIC -> {
                Location at = location(c.span());
                CheckedProgram.Format format = program.formats().get(c);
                if (format.args().isEmpty()) {
                    StringBuilder msg = new StringBuilder();
                    format.parts().forEach(p -> msg.append(((CheckedProgram.FormatPart.Text) p).text()));
                    panic(at, msg.toString());
                } else {
                    List<Held> values = evaluateArgs(format);
                    beginPanic(at);
                    writeParts(streamOf(2), format, values);
                    callRuntime(RuntimeAbi.PANIC_END);
                    fb.terminate(new Terminator.Unreachable());
                    dropArgs(format, values); // by the unwinding, which already left the scope
                }
                return Value.UNIT;
            }
            case EXIT -> {
                Value code = expr(c.args().get(0));
                if (fb.isDead()) return Value.UNIT;
                callRuntime(RuntimeAbi.EXIT, code);
                fb.terminate(new Terminator.Unreachable());
                return Value.UNIT;
            }
            case ARG_COUNT -> { return callRuntime(RuntimeAbi.ARG_COUNT); }
            case ARG -> { return argument(c); }
            case WRITE_BYTES -> { return writeBytes(c); }
            case READ_LINE, READ_TO_STRING -> { return readStdin(c, kind); }
            case CATCH -> { return catchPanic(c); }
            case PTR_ALLOC, PTR_REALLOC, PTR_FREE, PTR_NULL, PTR_DROP_IN_PLACE, RC_IS_UNIQUE -> { return manualMemory(c, kind); }
            case STR_FROM_RAW, STR_PUSH_RAW, STR_PUSH_CHAR, STR_SLICE, STR_COMPARE -> { return stringPrimitive(c, kind); }
            case SIZE_OF, ALIGN_OF, NEEDS_DROP -> {
                // The type checker recorded the type argument as the callee's type, `*mut T`.
                Type t = ((Type.Ptr) typeOf(c.callee())).pointee();
                if (kind == Builtins.Kind.NEEDS_DROP) return new Value.BoolConst(glue.holdsReferences(t));
                TirType layout = fieldType(t);
                return new Value.IntConst(TirType.U64, kind == Builtins.Kind.SIZE_OF ? Layout.size(layout) : Layout.alignment(layout));
            }
            case PARSE_I64, PARSE_U64, PARSE_F64, PARSE_F32, PARSE_BOOL, PARSE_CHAR, PARSE_ERROR -> { return parsePrimitive(c, kind); }
            case CHAR_FROM_U32 -> { return expr(c.args().get(0)); } // a char is its code point
            case SET_HOOK -> {
                Type hookType = typeOf(c.args().get(0));
                Type panicType = hookType instanceof Type.Fn fn ? fn.params().get(0) : ((Type.Closure) hookType).params().get(0);
                Value f = expr(c.args().get(0));
                if (fb.isDead()) return Value.UNIT;
                fb.add(new Inst.Call(null, RuntimeAbi.PANIC_SET_HOOK.symbol(), List.of(new Value.FuncRef(panicHookTrampoline(panicType)), f)));
                return Value.UNIT;
            }
            case BACKTRACE_CAPTURE -> {
                // Backtrace { pcs: [u64; 64], len: i32 }: the runtime fills pcs, we keep the count.
                TirType.Struct t = (TirType.Struct) tirType(typeOf(c));
                Value.Temp out = fb.slot(t, "backtrace");
                Value pcs = fb.add(new Inst.FieldAddr(fb.temp(TirType.PTR), out, t, 0));
                long max = ((TirType.Array) t.fields().get(0)).length();
                Value n = fb.add(new Inst.Call(fb.temp(TirType.I32), RuntimeAbi.BACKTRACE_CAPTURE.symbol(), List.of(pcs, new Value.IntConst(TirType.I32, max))));
                fb.add(new Inst.Store(fb.add(new Inst.FieldAddr(fb.temp(TirType.PTR), out, t, 1)), n));
                return fb.add(new Inst.Load(fb.temp(t), out, t));
            }
            case BACKTRACE_WRITE -> {
                Value formatter = expr(c.args().get(0));
                Held f = hold(formatter);
                Value bt = expr(c.args().get(1));
                if (fb.isDead()) return Value.UNIT;
                Value.Temp slot = fb.slot(bt.type(), "backtrace");
                fb.add(new Inst.Store(slot, bt));
                TirType.Struct t = (TirType.Struct) bt.type();
                Value stream = fb.add(new Inst.ExtractField(fb.temp(TirType.PTR), read(f), 0));
                Value pcs = fb.add(new Inst.FieldAddr(fb.temp(TirType.PTR), slot, t, 0));
                Value n = fb.add(new Inst.Load(fb.temp(TirType.I32), fb.add(new Inst.FieldAddr(fb.temp(TirType.PTR), slot, t, 1)), TirType.I32));
                fb.add(new Inst.Call(null, RuntimeAbi.BACKTRACE_PRINT.symbol(), List.of(stream, pcs, n)));
                return Value.UNIT;
            }
            case RESET_HOOK -> {
                fb.add(new Inst.Call(null, RuntimeAbi.PANIC_SET_HOOK.symbol(), List.of(new Value.ZeroConst(TirType.PTR), new Value.ZeroConst(TirType.PTR))));
                return Value.UNIT;
            }
            case RANDOM_KEYS -> {
                // `trt_random_seed` fills the two u64 of the `(u64, u64)` (abi.md, "Randomness").
                TirType t = tirType(typeOf(c));
                Value.Temp out = fb.slot(t, "keys");
                fb.add(new Inst.Call(null, RuntimeAbi.RANDOM_SEED.symbol(), List.of(out)));
                return fb.add(new Inst.Load(fb.temp(t), out, t));
            }
            case MEM_STATS -> {
                // `trt_mem_stats` fills the five u64 of a MemStats (abi.md, "Statistics").
                TirType t = tirType(typeOf(c));
                Value.Temp out = fb.slot(t, "stats");
                fb.add(new Inst.Call(null, RuntimeAbi.MEM_STATS.symbol(), List.of(out)));
                return fb.add(new Inst.Load(fb.temp(t), out, t));
            }
            case WRITE -> {
                if (c.args().get(0) instanceof Expr.Ref target) {
                    // `write(&mut s, ...)`: a string sink on s itself, which grows in place.
                    Held address = hold(addressOf(target.operand()));
                    CheckedProgram.Format format = program.formats().get(c);
                    List<Held> values = evaluateArgs(format);
                    Value.Temp sink = fb.slot(new TirType.Struct(List.of(TirType.PTR, TirType.PTR)), "string.sink");
                    callRuntime(RuntimeAbi.STRING_SINK, sink, read(address));
                    writeParts(new Constant(sink), format, values);
                    dropArgs(format, values);
                    return Value.UNIT;
                }
                // The Formatter is `{ sink, depth }`: write where the value being formatted goes,
                // at the depth of a pretty `{:#?}` it is (-1: not pretty).
                Value formatter = placeAddress(c.args().get(0));
                TirType.Struct layout = (TirType.Struct) tirType(typeOf(c.args().get(0)));
                Value field = fb.add(new Inst.FieldAddr(fb.temp(TirType.PTR), formatter, layout, 0));
                Held stream = hold(fb.add(new Inst.Load(fb.temp(TirType.PTR), field, TirType.PTR)));
                Value depthField = fb.add(new Inst.FieldAddr(fb.temp(TirType.PTR), formatter, layout, 1));
                Held depth = hold(fb.add(new Inst.Load(fb.temp(TirType.I64), depthField, TirType.I64)));
                CheckedProgram.Format format = program.formats().get(c);
                List<Held> values = evaluateArgs(format);
                writeParts(stream, format, values, depth);
                dropArgs(format, values);
                return Value.UNIT;
            }
        }
        throw new IllegalStateException(kind.name());
    }

    /**
     * `std::panic::catch(f)`: the call of f (a direct call of a closure's body, or through
     * a `fn` value) is alone in a block whose unwind edge is a catching landing pad. It
     * returns: `Ok(value)`. It panics: the pad's handler gets the exception, and
     * `trt_panic_catch` ends the panic and fills a `Panic`: `Err(panic)`.
     */
    private Value catchPanic(Expr.Call c) {
        Type calleeType = typeOf(c.args().get(0));
        Held callee = hold(expr(c.args().get(0)));
        if (fb.isDead()) return Value.UNIT;
        Type.Enum resultType = (Type.Enum) typeOf(c);
        Type okType = resultType.args().get(0);
        EnumLayout layout = EnumLayout.of(resultType);
        Value.Temp out = fb.slot(layout.type(), "caught");
        Value.Temp exception = fb.slot(TirType.PTR, "exception");
        Block handler = fb.newBlock(), join = fb.newBlock();
        Block pad = fb.landingPad(exception, true, handler);

        int outer = fb.unwindTo(pad.id);
        fb.jumpTo(fb.newBlock());
        Value f = read(callee);
        List<Value> args = new ArrayList<>();
        Value v;
        if (calleeType instanceof Type.Closure k) {
            args.addAll(ClosureConversion.captureArguments(fb, f, k));
            v = emitCall(closures.request(k), args, okType);
        } else {
            TirType rt = tirType(okType);
            Value.Temp r = rt == TirType.UNIT ? null : fb.temp(rt);
            fb.add(new Inst.CallIndirect(r, f, List.of()));
            if (okType == Type.NEVER) fb.terminate(new Terminator.Unreachable());
            v = r == null ? Value.UNIT : r;
        }
        fb.unwindTo(outer);
        if (!fb.isDead()) {
            fb.add(new Inst.Store(out, variant(resultType, resultType.variantIndex("Ok"), List.of(new Constant(v)))));
            fb.jumpTo(join);
        }

        fb.switchTo(handler);
        Type.Struct panicType = (Type.Struct) resultType.args().get(1);
        Value.Temp panic = fb.slot(tirType(panicType), "panic");
        callRuntime(RuntimeAbi.PANIC_CATCH, fb.add(new Inst.Load(fb.temp(TirType.PTR), exception, TirType.PTR)), panic);
        Value caught = fb.add(new Inst.Load(fb.temp(tirType(panicType)), panic, tirType(panicType)));
        fb.add(new Inst.Store(out, variant(resultType, resultType.variantIndex("Err"), List.of(new Constant(caught)))));
        fb.jumpTo(join);
        discard(read(callee), calleeType); // the closure's body borrowed its captures
        return fb.add(new Inst.Load(fb.temp(layout.type()), out, layout.type()));
    }

    /**
     * The `std::ptr` functions and `std::rc::is_unique`. Sizes are counts of the pointee
     * type (its size with padding, as in an array), multiplied with an overflow check.
     */
    private Value manualMemory(Expr.Call c, Builtins.Kind kind) {
        Location at = location(c.span());
        if (kind == Builtins.Kind.RC_IS_UNIQUE) {
            Expr operand = ((Expr.Ref) c.args().get(0)).operand();
            // Read the reference without a copy: a retain would make it look shared.
            Value object;
            if (isPlace(operand)) {
                object = fb.add(new Inst.Load(fb.temp(TirType.PTR), placeAddress(operand), TirType.PTR));
            } else {
                object = addressOf(operand);
                if (fb.isDead()) return Value.UNIT;
                object = fb.add(new Inst.Load(fb.temp(TirType.PTR), object, TirType.PTR));
            }
            return fb.add(new Inst.Call(fb.temp(TirType.BOOL), RuntimeAbi.RC_IS_UNIQUE.symbol(), List.of(object)));
        }
        List<Held> args = new ArrayList<>();
        for (Expr a : c.args()) args.add(hold(expr(a)));
        if (fb.isDead()) return Value.UNIT;
        Type pointer = kind == Builtins.Kind.PTR_FREE || kind == Builtins.Kind.PTR_DROP_IN_PLACE ? typeOf(c.args().get(0)) : typeOf(c);
        Type pointee = ((Type.Ptr) pointer).pointee();
        long size = Math.max(1, Layout.size(fieldType(pointee)));
        return switch (kind) {
            case PTR_NULL -> new Value.ZeroConst(TirType.PTR);
            case PTR_ALLOC -> {
                Value bytes = fb.add(new Inst.IntArith(fb.temp(TirType.U64), Inst.ArithOp.MUL, read(args.get(0)), new Value.IntConst(TirType.U64, size), at));
                yield fb.add(new Inst.Call(fb.temp(TirType.PTR), RuntimeAbi.ALLOC.symbol(), List.of(bytes)));
            }
            case PTR_REALLOC -> {
                Value bytes = fb.add(new Inst.IntArith(fb.temp(TirType.U64), Inst.ArithOp.MUL, read(args.get(1)), new Value.IntConst(TirType.U64, size), at));
                yield fb.add(new Inst.Call(fb.temp(TirType.PTR), RuntimeAbi.REALLOC.symbol(), List.of(read(args.get(0)), bytes)));
            }
            case PTR_FREE -> {
                fb.add(new Inst.Call(null, RuntimeAbi.FREE.symbol(), List.of(read(args.get(0)))));
                yield Value.UNIT;
            }
            case PTR_DROP_IN_PLACE -> {
                glue.dropAt(fb, read(args.get(0)), pointee);
                yield Value.UNIT;
            }
            default -> throw new IllegalStateException(kind.name());
        };
    }

    private Function hookTrampoline;

    /**
     * What the runtime calls for `std::panic::set_hook`: `(info, f)` where info points to
     * a `Panic` laid out by the runtime and f is the program's `fn(Panic)`; calls f with
     * the value. One per program.
     */
    private String panicHookTrampoline(Type panicType) {
        String symbol = Mangler.function(moduleName, "{panic hook}");
        if (hookTrampoline != null) return symbol;
        FunctionBuilder t = new FunctionBuilder();
        TirType pt = tirType(panicType);
        Value info = t.add(new Inst.Load(t.temp(pt), new Value.Param(0, TirType.PTR), pt));
        t.add(new Inst.CallIndirect(null, new Value.Param(1, TirType.PTR), List.of(info)));
        t.terminate(new Terminator.Return(null));
        hookTrampoline = t.finish(symbol, Mangler.demangle(symbol), List.of(TirType.PTR, TirType.PTR), TirType.UNIT, false);
        return symbol;
    }

    /** `std::io::write_bytes(&buf, n)`: n is checked against the array's length, then written. */
    private Value writeBytes(Expr.Call c) {
        Expr.Ref buffer = (Expr.Ref) c.args().get(0);
        TirType.Array type = (TirType.Array) tirType(typeOf(buffer.operand()));
        Held address = hold(addressOf(buffer.operand()));
        Value n = expr(c.args().get(1));
        if (fb.isDead()) return Value.UNIT;
        Held count = hold(n);
        Value tooMany = fb.add(new Inst.Compare(fb.temp(TirType.BOOL), Inst.CmpOp.GT, read(count), new Value.IntConst(TirType.U64, type.length())));
        Block fail = fb.newBlock(), ok = fb.newBlock();
        fb.branch(tooMany, fail, ok);
        fb.switchTo(fail);
        beginPanic(location(c.span()));
        writeText(streamOf(2), "write_bytes: the length is " + type.length() + " but the count is ");
        callRuntime(RuntimeAbi.WRITE_U64, stream(2), read(count));
        callRuntime(RuntimeAbi.PANIC_END);
        fb.terminate(new Terminator.Unreachable());
        fb.switchTo(ok);
        callRuntime(RuntimeAbi.WRITE, stream(1), read(address), fb.add(new Inst.Cast(fb.temp(TirType.I64), read(count))));
        return Value.UNIT;
    }

    /**
     * `std::io::read_line()` and `std::io::read_to_string()`: the runtime fills a String and
     * returns a status (abi.md, "Input"); an error status panics here, at the call, so the
     * report names the program's line, with the runtime's words for the error.
     */
    private Value readStdin(Expr.Call c, Builtins.Kind kind) {
        Value.Temp out = fb.slot(TirType.STR, "input");
        boolean line = kind == Builtins.Kind.READ_LINE;
        Held status = hold(callRuntime(line ? RuntimeAbi.READ_LINE : RuntimeAbi.READ_TO_STRING, out));
        Value.Temp failed = fb.add(new Inst.Compare(fb.temp(TirType.BOOL), Inst.CmpOp.GE, read(status), new Value.IntConst(TirType.I32, 2)));
        Block fail = fb.newBlock(), ok = fb.newBlock();
        fb.branch(failed, fail, ok);
        fb.switchTo(fail);
        beginPanic(location(c.span()));
        callRuntime(RuntimeAbi.READ_ERROR, read(status));
        callRuntime(RuntimeAbi.PANIC_END);
        fb.terminate(new Terminator.Unreachable());
        fb.switchTo(ok);
        if (!line) return fb.add(new Inst.Load(fb.temp(TirType.STR), out, TirType.STR));
        // Status 0: Some(the line); 1 (end of input): None, and the slot holds no buffer.
        Type.Enum optionType = (Type.Enum) typeOf(c);
        EnumLayout layout = EnumLayout.of(optionType);
        Value.Temp result = fb.slot(layout.type(), "line");
        Block some = fb.newBlock(), none = fb.newBlock(), join = fb.newBlock();
        Value.Temp eof = fb.add(new Inst.Compare(fb.temp(TirType.BOOL), Inst.CmpOp.EQ, read(status), new Value.IntConst(TirType.I32, 1)));
        fb.branch(eof, none, some);
        fb.switchTo(some);
        Value text = fb.add(new Inst.Load(fb.temp(TirType.STR), out, TirType.STR));
        fb.add(new Inst.Store(result, variant(optionType, optionType.variantIndex("Some"), List.of(new Constant(text)))));
        fb.jumpTo(join);
        fb.switchTo(none);
        fb.add(new Inst.Store(result, variant(optionType, optionType.variantIndex("None"), List.of())));
        fb.jumpTo(join);
        fb.switchTo(join);
        return fb.add(new Inst.Load(fb.temp(layout.type()), result, layout.type()));
    }

    /** `std::env::arg(i)`: bounds-checked here, so the runtime can assume a valid index. */
    private Value argument(Expr.Call c) {
        Held index = hold(expr(c.args().get(0)));
        Value.Temp negative = fb.add(new Inst.Compare(fb.temp(TirType.BOOL), Inst.CmpOp.LT, read(index), new Value.IntConst(TirType.I64, 0)));
        Block fail = fb.newBlock(), check2 = fb.newBlock(), ok = fb.newBlock();
        fb.branch(negative, fail, check2);
        fb.switchTo(check2);
        Value count = callRuntime(RuntimeAbi.ARG_COUNT);
        Value.Temp tooBig = fb.add(new Inst.Compare(fb.temp(TirType.BOOL), Inst.CmpOp.GE, read(index), count));
        fb.branch(tooBig, fail, ok);
        fb.switchTo(fail);
        beginPanic(location(c.span()));
        writeText(streamOf(2), "argument index out of bounds: the len is ");
        Value count2 = callRuntime(RuntimeAbi.ARG_COUNT);
        callRuntime(RuntimeAbi.WRITE_I64, stream(2), count2);
        writeText(streamOf(2), " but the index is ");
        callRuntime(RuntimeAbi.WRITE_I64, stream(2), read(index));
        callRuntime(RuntimeAbi.PANIC_END);
        fb.terminate(new Terminator.Unreachable());
        fb.switchTo(ok);
        Value i = read(index);
        Value ptr = callRuntime(RuntimeAbi.ARG_PTR, i);
        Value len = callRuntime(RuntimeAbi.ARG_LEN, i);
        return fb.add(new Inst.MakeStr(fb.temp(TirType.STR), ptr, len));
    }

    /**
     * The primitives of `String`'s methods (Builtins): a String argument given as `&s` or
     * `&mut s` is passed by address; the runtime changes it in place.
     */
    private Value stringPrimitive(Expr.Call c, Builtins.Kind kind) {
        List<Held> args = primitiveArgs(c);
        if (fb.isDead()) return Value.UNIT;
        switch (kind) {
            case STR_FROM_RAW -> {
                Value.Temp out = fb.slot(TirType.STR, "string");
                callRuntime(RuntimeAbi.STRING_FROM_BYTES, out, read(args.get(0)), fb.add(new Inst.Cast(fb.temp(TirType.I64), read(args.get(1)))));
                return fb.add(new Inst.Load(fb.temp(TirType.STR), out, TirType.STR));
            }
            case STR_PUSH_RAW -> {
                callRuntime(RuntimeAbi.STRING_PUSH, read(args.get(0)), read(args.get(1)), fb.add(new Inst.Cast(fb.temp(TirType.I64), read(args.get(2)))));
                return Value.UNIT;
            }
            case STR_PUSH_CHAR -> {
                callRuntime(RuntimeAbi.STRING_PUSH_CHAR, read(args.get(0)), read(args.get(1)));
                return Value.UNIT;
            }
            case STR_COMPARE -> {
                Value a = fb.add(new Inst.Load(fb.temp(TirType.STR), read(args.get(0)), TirType.STR));
                Value b = fb.add(new Inst.Load(fb.temp(TirType.STR), read(args.get(1)), TirType.STR));
                return callRuntime(RuntimeAbi.STR_CMP, fb.add(new Inst.StrPart(fb.temp(TirType.PTR), a, false)), fb.add(new Inst.StrPart(fb.temp(TirType.I64), a, true)),
                        fb.add(new Inst.StrPart(fb.temp(TirType.PTR), b, false)), fb.add(new Inst.StrPart(fb.temp(TirType.I64), b, true)));
            }
            case STR_SLICE -> {
                // A substring shares the buffer: the same owner, one more reference.
                Value s = fb.add(new Inst.Load(fb.temp(TirType.STR), read(args.get(0)), TirType.STR));
                Value base = fb.add(new Inst.StrPart(fb.temp(TirType.PTR), s, false));
                Value owner = fb.add(new Inst.StrPart(fb.temp(TirType.PTR), s, Inst.StrPart.Part.OWNER));
                Value start = read(args.get(1));
                Value first = fb.add(new Inst.ElementAddr(fb.temp(TirType.PTR), base, new TirType.Array(TirType.U8, 0), start, null));
                Value length = fb.add(new Inst.IntArith(fb.temp(TirType.U64), Inst.ArithOp.SUB, read(args.get(2)), start, null));
                Value slice = fb.add(new Inst.MakeStr(fb.temp(TirType.STR), first, fb.add(new Inst.Cast(fb.temp(TirType.I64), length)), owner));
                return glue.copy(fb, slice, Type.STRING);
            }
            default -> throw new IllegalStateException(kind.toString());
        }
    }

    /** The arguments of a string or parse primitive: `&s` / `&mut s` by address, the others by value. */
    private List<Held> primitiveArgs(Expr.Call c) {
        List<Held> args = new ArrayList<>();
        for (Expr a : c.args()) args.add(hold(a instanceof Expr.Ref r ? addressOf(r.operand()) : expr(a)));
        return args;
    }

    /**
     * The parsers behind `s.parse::<T>()` (prelude, `FromStr`): `(status, value)` from the
     * runtime's `trt_parse_*` (decimal, Rust's syntax and errors), and the error's message.
     */
    private Value parsePrimitive(Expr.Call c, Builtins.Kind kind) {
        List<Held> args = primitiveArgs(c);
        if (fb.isDead()) return Value.UNIT;
        if (kind == Builtins.Kind.PARSE_ERROR) {
            Value status = read(args.get(0));
            return fb.add(new Inst.MakeStr(fb.temp(TirType.STR), callRuntime(RuntimeAbi.PARSE_ERROR_PTR, status), callRuntime(RuntimeAbi.PARSE_ERROR_LEN, status)));
        }
        TirType.Struct result = (TirType.Struct) tirType(typeOf(c));
        TirType valueType = result.fields().get(1);
        Value.Temp out = fb.slot(valueType, "parsed");
        fb.add(new Inst.Store(out, new Value.ZeroConst(valueType)));
        Value s = fb.add(new Inst.Load(fb.temp(TirType.STR), read(args.get(0)), TirType.STR));
        Value p = fb.add(new Inst.StrPart(fb.temp(TirType.PTR), s, false));
        Value n = fb.add(new Inst.StrPart(fb.temp(TirType.I64), s, true));
        Value ten = new Value.IntConst(TirType.U32, 10);
        Value status = switch (kind) {
            case PARSE_I64 -> callRuntime(RuntimeAbi.PARSE_I64, p, n, ten, read(args.get(1)), read(args.get(2)), out);
            case PARSE_U64 -> callRuntime(RuntimeAbi.PARSE_U64, p, n, ten, read(args.get(1)), out);
            case PARSE_F64 -> callRuntime(RuntimeAbi.PARSE_F64, p, n, out);
            case PARSE_F32 -> callRuntime(RuntimeAbi.PARSE_F32, p, n, out);
            case PARSE_BOOL -> callRuntime(RuntimeAbi.PARSE_BOOL, p, n, out);
            default -> callRuntime(RuntimeAbi.PARSE_CHAR, p, n, out);
        };
        Value value = fb.add(new Inst.Load(fb.temp(valueType), out, valueType));
        return fb.add(new Inst.MakeStruct(fb.temp(result), List.of(status, value)));
    }

    /**
     * `format(...)`: the parts written through a string sink into a String that starts
     * empty and grows in place. While it is being written (a `Display` impl may panic) the
     * String is owned by a scope of its own, so unwinding frees what was built.
     */
    private Value format(Expr.Call c) {
        CheckedProgram.Format format = program.formats().get(c);
        List<Held> values = evaluateArgs(format);
        if (fb.isDead()) return Value.UNIT;
        Value.Temp text = fb.slot(TirType.STR, "formatted");
        fb.add(new Inst.Store(text, new Value.StrConst("")));
        Value.Temp sink = fb.slot(new TirType.Struct(List.of(TirType.PTR, TirType.PTR)), "string.sink");
        callRuntime(RuntimeAbi.STRING_SINK, sink, text);
        pushScope();
        ownSlot(text, Type.STRING, null);
        writeParts(new Constant(sink), format, values);
        scopes.peek().clear(); // the String is the result now, not the scope's
        scopes.pop();
        refreshUnwind();
        dropArgs(format, values);
        return fb.isDead() ? Value.UNIT : fb.add(new Inst.Load(fb.temp(TirType.STR), text, TirType.STR));
    }

    private Value callRuntime(ExternFunction f, Value... args) {
        Value.Temp r = f.result() == TirType.UNIT ? null : fb.temp(f.result());
        fb.add(new Inst.Call(r, f.symbol(), List.of(args)));
        return r == null ? Value.UNIT : r;
    }

    private static Value stream(int n) {
        return new Value.IntConst(TirType.I32, n);
    }

    /**
     * The sink (trt_fmt.h) formatted text goes to: stdout's or stderr's here; a String's in
     * `format`; in `write(f, ...)`, the Formatter's. The `Held stream` of the writing
     * functions below is such a sink.
     */
    private Held streamOf(int n) {
        return hold(callRuntime(RuntimeAbi.STREAM_SINK, stream(n)));
    }

    private void writeText(Held stream, String text) {
        if (text.isEmpty()) return;
        Value.StrConst s = new Value.StrConst(text);
        Value.Temp ptr = fb.add(new Inst.StrPart(fb.temp(TirType.PTR), s, false));
        callRuntime(RuntimeAbi.SINK_WRITE, read(stream), ptr, new Value.IntConst(TirType.I64, s.utf8().length));
    }

    private void writeValue(Held stream, Value v, Type type, FormatSpec spec) {
        writeValue(stream, v, type, spec, null);
    }

    /**
     * {@code depth}: for `{:#?}`, the indentation level the value starts at (a run-time
     * value: a nested `fmt` passes its Formatter's); null when not pretty.
     */
    private void writeValue(Held stream, Value v, Type type, FormatSpec spec, Held depth) {
        if (overloaded(type)) {
            // A struct or enum formats itself: `Display::fmt(&value, &mut Formatter { stream })`.
            TraitEnv traits = program.traits();
            TraitEnv.Match m = traits.find(traits.trait(spec.kind().isDebug() ? "Debug" : "Display"), type, null);
            Symbol.Function fmt = traits.methods(m.impl().trait()).get("fmt");
            Value.Temp self = fb.slot(v.type(), "formatted");
            fb.add(new Inst.Store(self, v));
            TirType.Struct formatterType = new TirType.Struct(List.of(TirType.PTR, TirType.I64));
            Value.Temp formatter = fb.slot(formatterType, "formatter");
            Value level = depth == null ? new Value.IntConst(TirType.I64, -1) : read(depth);
            fb.add(new Inst.Store(formatter, fb.add(new Inst.MakeStruct(fb.temp(formatterType), List.of(read(stream), level)))));
            List<Type> args = new ArrayList<>();
            args.add(type);
            emitCall(callTarget(fmt, args), List.of(self, formatter), Type.UNIT);
            return;
        }
        if (type instanceof Type.Array || type instanceof Type.Tuple || type == Type.UNIT) {
            if (depth != null) prettyAggregate(stream, v, type, spec, depth);
            else writeDebugAggregate(stream, v, type, spec);
            return;
        }
        TirType t = v.type();
        boolean plain = spec.isPlain();
        if (plain && t == TirType.STR) {
            Value.Temp ptr = fb.add(new Inst.StrPart(fb.temp(TirType.PTR), v, false));
            Value.Temp len = fb.add(new Inst.StrPart(fb.temp(TirType.I64), v, true));
            callRuntime(RuntimeAbi.SINK_WRITE, read(stream), ptr, len);
        } else {
            formatWithSpec(stream, v, type, spec);
        }
    }

    /**
     * A value with a spec (or a float, which always goes through the formatting engine):
     * a call to the runtime's `trt_fmt_*` for its type, with the spec as a constant.
     */
    /**
     * `{:?}` of an array (`[1, 2, 3]`), a tuple (`(1, "a")`, `(1,)`) or `()`: the elements
     * with the same spec, between brackets. An array is walked by a loop over a copy in
     * memory, so its code does not grow with its length.
     */
    private void writeDebugAggregate(Held stream, Value v, Type type, FormatSpec spec) {
        switch (type) {
            case Type.Tuple tu -> {
                writeText(stream, "(");
                TirType.Struct st = (TirType.Struct) tirType(tu);
                Held tuple = hold(v); // an array element loops over blocks: re-read the tuple after it
                for (int i = 0; i < tu.elements().size(); i++) {
                    if (i > 0) writeText(stream, ", ");
                    Type et = tu.elements().get(i);
                    Value e = tirType(et) == TirType.UNIT ? Value.UNIT : fb.add(new Inst.ExtractField(fb.temp(st.fields().get(i)), read(tuple), i));
                    writeValue(stream, e, et, spec);
                }
                writeText(stream, tu.elements().size() == 1 ? ",)" : ")");
            }
            case Type.Array a -> {
                writeText(stream, "[");
                TirType.Array at = (TirType.Array) tirType(a);
                if (at.length() > 0) {
                    Value.Temp copy = fb.slot(at, "debug.array");
                    fb.add(new Inst.Store(copy, v));
                    Value.Temp i = fb.slot(TirType.I64, "debug.index");
                    fb.add(new Inst.Store(i, new Value.IntConst(TirType.I64, 0)));
                    Block body = fb.newBlock(), separator = fb.newBlock(), element = fb.newBlock(), exit = fb.newBlock();
                    fb.jumpTo(body);
                    Value first = fb.add(new Inst.Compare(fb.temp(TirType.BOOL), Inst.CmpOp.EQ, load(i, TirType.I64), new Value.IntConst(TirType.I64, 0)));
                    fb.branch(first, element, separator);
                    fb.switchTo(separator);
                    writeText(stream, ", ");
                    fb.jumpTo(element);
                    Value index = load(i, TirType.I64);
                    TirType et = tirType(a.element());
                    Value e = Value.UNIT;
                    if (et != TirType.UNIT) {
                        Value address = fb.add(new Inst.ElementAddr(fb.temp(TirType.PTR), copy, at, index, null));
                        e = fb.add(new Inst.Load(fb.temp(et), address, et));
                    }
                    writeValue(stream, e, a.element(), spec);
                    Value next = fb.add(new Inst.IntArith(fb.temp(TirType.I64), Inst.ArithOp.ADD, load(i, TirType.I64), new Value.IntConst(TirType.I64, 1), null));
                    fb.add(new Inst.Store(i, next));
                    Value more = fb.add(new Inst.Compare(fb.temp(TirType.BOOL), Inst.CmpOp.LT, next, new Value.IntConst(TirType.I64, at.length())));
                    fb.branch(more, body, exit);
                    fb.switchTo(exit);
                }
                writeText(stream, "]");
            }
            default -> writeText(stream, "()");
        }
    }

    private void formatWithSpec(Held stream, Value v, Type type, FormatSpec spec) {
        Value sink = read(stream);
        Value specValue = spec.isPlain() ? new Value.ZeroConst(TirType.PTR) : specConstant(spec, type);
        TirType t = v.type();
        if (type == Type.CHAR) {
            callRuntime(RuntimeAbi.FMT_CHAR, sink, v, specValue);
        } else if (t instanceof TirType.Int i) {
            // Hex, octal and binary show a signed value's two's-complement bits in its own width.
            boolean bits = spec.kind().integersOnly() || spec.kind() == FormatSpec.Kind.DEBUG_LOWER_HEX || spec.kind() == FormatSpec.Kind.DEBUG_UPPER_HEX;
            if (i.signed() && !bits) {
                Value w = t.equals(TirType.I64) ? v : fb.add(new Inst.Cast(fb.temp(TirType.I64), v));
                callRuntime(RuntimeAbi.FMT_I64, sink, w, specValue);
            } else {
                Value u = v;
                if (i.signed()) u = fb.add(new Inst.Cast(fb.temp(new TirType.Int(i.bits(), false)), v));
                Value w = u.type().equals(TirType.U64) ? u : fb.add(new Inst.Cast(fb.temp(TirType.U64), u));
                callRuntime(RuntimeAbi.FMT_U64, sink, w, specValue);
            }
        } else if (t instanceof TirType.Float f) {
            callRuntime(f.bits() == 32 ? RuntimeAbi.FMT_F32 : RuntimeAbi.FMT_F64, sink, v, specValue);
        } else if (t == TirType.BOOL) {
            callRuntime(RuntimeAbi.FMT_BOOL, sink, v, specValue);
        } else if (t == TirType.STR) {
            Value.Temp ptr = fb.add(new Inst.StrPart(fb.temp(TirType.PTR), v, false));
            Value.Temp len = fb.add(new Inst.StrPart(fb.temp(TirType.I64), v, true));
            callRuntime(RuntimeAbi.FMT_STR, sink, ptr, len, specValue);
        } else {
            throw new IllegalStateException("cannot format " + t.spelling());
        }
    }

    /** The runtime's `trt_fmt_spec` for a parsed spec (field values from trt_fmt.h). */
    private static Value specConstant(FormatSpec spec, Type type) {
        int kind = switch (spec.kind()) {
            case DISPLAY -> 0;
            case DEBUG, DEBUG_LOWER_HEX, DEBUG_UPPER_HEX -> 1;
            case LOWER_HEX -> 2;
            case UPPER_HEX -> 3;
            case OCTAL -> 4;
            case BINARY -> 5;
            case LOWER_EXP -> 6;
            case UPPER_EXP -> 7;
        };
        int align = spec.align().ordinal(); // DEFAULT, LEFT, CENTER, RIGHT as in trt_fmt.h
        int flags = (spec.plus() ? 0x01 : 0) | (spec.alternate() ? 0x02 : 0) | (spec.zero() ? 0x04 : 0)
                | (spec.kind() == FormatSpec.Kind.DEBUG_LOWER_HEX ? 0x08 : 0) | (spec.kind() == FormatSpec.Kind.DEBUG_UPPER_HEX ? 0x10 : 0);
        return new Value.FormatSpecConst(spec.fill(), spec.width(), spec.precision(), kind, align, flags);
    }

    /**
     * Each argument of a format call is evaluated once, left to right, before anything is
     * written: a panic while evaluating one prints nothing of the line.
     */
    /** The values a format call printed are given up. */
    /** The arguments are written: drops them (their scope, see {@link #evaluateArgs}). */
    private void dropArgs(CheckedProgram.Format format, List<Held> values) {
        popScope();
    }

    /**
     * Evaluates the arguments of a print, `format`, `write` or `panic`, each owned by a
     * scope of their own until {@link #dropArgs}: a `Display` impl that panics while they
     * are written, or the panic being formatted, drops them as it unwinds.
     */
    private List<Held> evaluateArgs(CheckedProgram.Format format) {
        pushScope();
        List<Held> values = new ArrayList<>();
        for (Expr arg : format.args()) {
            Held h = hold(expr(arg));
            values.add(h);
            if (h instanceof InSlot s) ownSlot(s.slot(), typeOf(arg), null);
        }
        return values;
    }

    private void writeParts(Held stream, CheckedProgram.Format format, List<Held> values) {
        writeParts(stream, format, values, new Constant(new Value.IntConst(TirType.I64, 0)));
    }

    /** {@code depth}: where a `{:#?}` part starts (0 in a print; the Formatter's in `write`). */
    private void writeParts(Held stream, CheckedProgram.Format format, List<Held> values, Held depth) {
        for (CheckedProgram.FormatPart part : format.parts()) {
            switch (part) {
                case CheckedProgram.FormatPart.Text t -> writeText(stream, t.text());
                case CheckedProgram.FormatPart.Arg a -> {
                    boolean pretty = a.spec().alternate() && a.spec().kind().isDebug();
                    writeValue(stream, read(values.get(a.index())), typeOf(format.args().get(a.index())), a.spec(), pretty ? depth : null);
                }
            }
        }
    }

    /**
     * `{:#?}` of an array or tuple, as Rust prints it: one element per line, indented one
     * level deeper than the value, each followed by a comma; `[]` and `()` stay as they are.
     */
    private void prettyAggregate(Held stream, Value v, Type type, FormatSpec spec, Held depth) {
        List<Type> elements = type instanceof Type.Tuple tu ? tu.elements() : type instanceof Type.Array a ? java.util.Collections.nCopies((int) a.length(), a.element()) : List.of();
        String open = type instanceof Type.Array ? "[" : "(", close = type instanceof Type.Array ? "]" : ")";
        if (elements.isEmpty()) {
            writeText(stream, open + close);
            return;
        }
        writeText(stream, open + "\n");
        Held inner = hold(fb.add(new Inst.IntArith(fb.temp(TirType.I64), Inst.ArithOp.ADD, read(depth), new Value.IntConst(TirType.I64, 1), null)));
        TirType t = tirType(type);
        Value.Temp copy = fb.slot(t, "debug.pretty");
        fb.add(new Inst.Store(copy, v));
        for (int i = 0; i < elements.size(); i++) {
            writeIndent(stream, read(inner));
            Type et = elements.get(i);
            TirType ett = tirType(et);
            Value e = Value.UNIT;
            if (ett != TirType.UNIT) {
                Value address = type instanceof Type.Array
                        ? fb.add(new Inst.ElementAddr(fb.temp(TirType.PTR), copy, (TirType.Array) t, new Value.IntConst(TirType.I64, i), null))
                        : fb.add(new Inst.FieldAddr(fb.temp(TirType.PTR), copy, (TirType.Struct) t, i));
                e = fb.add(new Inst.Load(fb.temp(ett), address, ett));
            }
            writeValue(stream, e, et, spec, inner);
            writeText(stream, ",\n");
        }
        writeIndent(stream, read(depth));
        writeText(stream, close);
    }

    /** Four spaces per level, {@code levels} a run-time i64. */
    private void writeIndent(Held stream, Value levels) {
        Value.Temp i = fb.slot(TirType.I64, "indent");
        fb.add(new Inst.Store(i, levels));
        Block head = fb.newBlock(), body = fb.newBlock(), exit = fb.newBlock();
        fb.jumpTo(head);
        Value more = fb.add(new Inst.Compare(fb.temp(TirType.BOOL), Inst.CmpOp.GT, load(i, TirType.I64), new Value.IntConst(TirType.I64, 0)));
        fb.branch(more, body, exit);
        fb.switchTo(body);
        writeText(stream, "    ");
        fb.add(new Inst.Store(i, fb.add(new Inst.IntArith(fb.temp(TirType.I64), Inst.ArithOp.SUB, load(i, TirType.I64), new Value.IntConst(TirType.I64, 1), null))));
        fb.jumpTo(head);
        fb.switchTo(exit);
    }

    /**
     * A value kept for use in a later block. Temps never cross blocks (a TIR invariant), so
     * a temp is stored to a slot and loaded again where it is needed; constants are kept as is.
     */
    private sealed interface Held {}
    private record Constant(Value value) implements Held {}
    private record InSlot(Value.Temp slot, TirType type) implements Held {}

    private Held hold(Value v) {
        if (!(v instanceof Value.Temp t)) return new Constant(v);
        Value.Temp slot = fb.slot(t.type(), "held");
        fb.add(new Inst.Store(slot, t));
        return new InSlot(slot, t.type());
    }

    private Value read(Held h) {
        return switch (h) {
            case Constant c -> c.value();
            case InSlot s -> fb.add(new Inst.Load(fb.temp(s.type()), s.slot(), s.type()));
        };
    }

    private void beginPanic(Location at) {
        callRuntime(RuntimeAbi.PANIC_BEGIN, locationArgs(at).toArray(Value[]::new));
    }

    private void panic(Location at, String message) {
        Value.StrConst msg = new Value.StrConst(message);
        Value.Temp msgPtr = fb.add(new Inst.StrPart(fb.temp(TirType.PTR), msg, false));
        List<Value> args = new ArrayList<>(List.of(msgPtr, new Value.IntConst(TirType.I64, msg.utf8().length)));
        args.addAll(locationArgs(at));
        callRuntime(RuntimeAbi.PANIC, args.toArray(Value[]::new));
        fb.terminate(new Terminator.Unreachable());
    }

    /** An integer literal (float-typed when written without a point, like `2` for an f64). */
    private Value number(Expr.IntLit lit, Type type, boolean negated) {
        TirType t = tirType(type);
        java.math.BigInteger v = negated ? lit.value().negate() : lit.value();
        if (t instanceof TirType.Float) return new Value.FloatConst(t, v.doubleValue());
        return new Value.IntConst(t, v.longValue());
    }

    private Value unary(Expr.Unary u) {
        if (u.op() == Expr.UnaryOp.NEG && u.operand() instanceof Expr.IntLit lit) return number(lit, typeOf(lit), true);
        Value v = expr(u.operand());
        if (fb.isDead()) return Value.UNIT;
        if (u.op() == Expr.UnaryOp.NOT) return fb.add(new Inst.Not(fb.temp(v.type()), v));
        if (v.type() instanceof TirType.Float) {
            return fb.add(new Inst.FloatArith(fb.temp(v.type()), Inst.FloatOp.NEG, new Value.FloatConst(v.type(), 0), v));
        }
        return fb.add(new Inst.IntArith(fb.temp(v.type()), Inst.ArithOp.NEG, new Value.IntConst(v.type(), 0), v, location(u.span())));
    }

    private Value cast(Expr.Cast c) {
        Value v = expr(c.operand());
        if (fb.isDead()) return Value.UNIT;
        TirType to = tirType(typeOf(c));
        if (v.type().equals(to)) return v;
        return fb.add(new Inst.Cast(fb.temp(to), v));
    }

    private Value tuple(Expr.Tuple t) {
        List<Held> held = new ArrayList<>();
        beginParts();
        for (Expr e : t.elements()) held.add(part(expr(e), partType(e)));
        handOver();
        if (fb.isDead()) return Value.UNIT;
        TirType.Struct type = (TirType.Struct) tirType(typeOf(t));
        List<Value> fields = new ArrayList<>();
        for (int i = 0; i < held.size(); i++) {
            Value v = read(held.get(i));
            fields.add(v.type() == TirType.UNIT ? new Value.ZeroConst(type.fields().get(i)) : v);
        }
        return fb.add(new Inst.MakeStruct(fb.temp(type), fields));
    }

    /** The position of a field: `t.1` of a tuple, `p.x` of a struct. */
    private int fieldIndex(Expr.Field f) {
        return switch (typeOf(f.base())) {
            case Type.Struct st -> st.fieldIndex(f.name());
            case Type.Range r -> f.name().equals("start") ? 0 : 1;
            default -> Integer.parseInt(f.name());
        };
    }

    private Value field(Expr.Field f) {
        // A field of a variable is read through its address: no copy of the whole value.
        if (isPlace(f)) return loadPlace(f);
        Value base = expr(f.base());
        if (fb.isDead()) return Value.UNIT;
        int index = fieldIndex(f);
        TirType t = tirType(typeOf(f));
        Type baseType = typeOf(f.base());
        if (DropGlue.isClass(baseType)) {
            // A field of an object reached through a temporary reference.
            Value v = Value.UNIT;
            if (t != TirType.UNIT) {
                Value address = fb.add(new Inst.FieldAddr(fb.temp(TirType.PTR), base, DropGlue.objectType((Type.Struct) baseType), DropGlue.objectField(index)));
                v = glue.copy(fb, fb.add(new Inst.Load(fb.temp(t), address, t)), typeOf(f));
            }
            glue.drop(fb, base, baseType);
            return v;
        }
        if (t == TirType.UNIT) {
            discard(base, baseType);
            return Value.UNIT;
        }
        Value v = glue.copy(fb, fb.add(new Inst.ExtractField(fb.temp(t), base, index)), typeOf(f));
        discard(base, baseType);
        return v;
    }

    /**
     * Whether an operator on this (concrete) type calls its trait's method. In generic
     * code `a + b` on `T` is a trait call; once T is a number it is the built-in operation.
     */
    private static boolean overloaded(Type t) {
        return t instanceof Type.Struct || t instanceof Type.Enum;
    }

    /**
     * Whether an operator the checker resolved to a trait method calls it: for user types,
     * and for `String`'s `+`, `<` (and the other orderings) and `s[a..b]`, which the
     * prelude implements in T (its `==` stays built in).
     */
    private static boolean operatorOverloaded(Type t) {
        return overloaded(t) || t == Type.STRING;
    }

    /**
     * An operator that calls a trait method: `a + b` is `Add::add(a, b)`, `a == b` is
     * `PartialEq::eq(&a, &b)`; operands whose parameter is a reference are passed by address.
     */
    private Value overloadedCall(Expr e, List<Expr> operands) {
        Symbol.Function f = program.overloads().get(e);
        List<Held> held = new ArrayList<>();
        for (int i = 0; i < operands.size(); i++) {
            boolean byAddress = i == 0 ? f.decl().self().byReference() : f.params().get(i - 1) instanceof Type.Ref;
            boolean shared = i == 0 ? f.decl().self().kind() == Item.SelfParam.Kind.REF : f.params().get(i - 1) instanceof Type.Ref r && !r.mutable();
            if (i == 0) beginParts();
            Expr operand = operands.get(i);
            held.add(byAddress ? hold(shared ? sharedAddressOf(operand) : addressOf(operand)) : part(expr(operand), partType(operand)));
        }
        if (!operands.isEmpty()) handOver();
        if (fb.isDead()) return Value.UNIT;
        List<Value> args = new ArrayList<>();
        for (Held h : held) args.add(read(h));
        Type result = e instanceof Expr.Binary b && b.op().isComparison() ? Type.BOOL : typeOf(e);
        return emitCall(callTarget(f, callArgs(e)), args, result, e.span());
    }

    /**
     * `x?`: the payload of `Some`/`Ok`, or an early return of `None` / `Err(e)` (with
     * `From::from(e)` when the function's error type differs).
     */
    private Value tryExpr(Expr.Try t) {
        Value v = expr(t.operand());
        if (fb.isDead()) return Value.UNIT;
        Type.Enum type = (Type.Enum) typeOf(t.operand());
        boolean option = type.def().name.equals("Option");
        EnumLayout layout = EnumLayout.of(type);
        Value.Temp slot = fb.slot(layout.type(), "tried");
        fb.add(new Inst.Store(slot, v));
        int okIndex = type.variantIndex(option ? "Some" : "Ok");
        Value ok = layout.is(fb, slot, okIndex);
        Block yes = fb.newBlock(), no = fb.newBlock();
        fb.branch(ok, yes, no);
        fb.switchTo(no);
        Type.Enum returned = (Type.Enum) currentResult;
        // The early return: the error moves out of the operand, which is not dropped.
        if (option) {
            Held none = hold(variant(returned, returned.variantIndex("None"), List.of()));
            leave(0, () -> new Terminator.Return(read(none)));
        } else {
            int errIndex = type.variantIndex("Err");
            Value error = payloadField(slot, layout, errIndex);
            Symbol.Function from = program.overloads().get(t);
            if (from != null) error = emitCall(callTarget(from, callArgs(t)), List.of(error), returned.args().get(1));
            Held err = hold(variant(returned, returned.variantIndex("Err"), List.of(hold(error))));
            leave(0, () -> new Terminator.Return(read(err)));
        }
        fb.switchTo(yes);
        if (typeOf(t) == Type.UNIT) return Value.UNIT;
        return payloadField(slot, layout, okIndex);
    }

    /** The only field of variant {@code index} of the enum value in {@code slot}. */
    private Value payloadField(Value slot, EnumLayout layout, int index) {
        TirType.Struct variantType = layout.variants().get(index);
        Value field = fb.add(new Inst.FieldAddr(fb.temp(TirType.PTR), layout.payload(fb, slot), variantType, 0));
        TirType ft = variantType.fields().get(0);
        return fb.add(new Inst.Load(fb.temp(ft), field, ft));
    }

    private Value binary(Expr.Binary b) {
        if (b.op().isLogical()) return shortCircuit(b);
        if (b.op().isComparison() && tirType(typeOf(b.left())) == TirType.STR && plainPlace(b.left()) && plainPlace(b.right())) {
            // Two Strings that sit in variables (or their fields) are compared where they
            // are: the comparison is a runtime call that keeps no reference, and reading
            // a plain place runs no code that could change the other one meanwhile, so
            // copying them (a retain and a release each) would buy nothing. This is what
            // `==` on a `&String` (String's `PartialEq::eq`, so generic `==`) comes to.
            Value left = fb.add(new Inst.Load(fb.temp(TirType.STR), placeAddress(b.left()), TirType.STR));
            Value right = fb.add(new Inst.Load(fb.temp(TirType.STR), placeAddress(b.right()), TirType.STR));
            return operate(b.op(), left, right, location(b.span()));
        }
        Held heldLeft = hold(expr(b.left()));
        Value right = expr(b.right());
        if (fb.isDead()) return Value.UNIT;
        Type operandType = typeOf(b.left());
        if (glue.holdsReferences(operandType)) {
            // `==` on tuples of references looks at the operands, then gives them up.
            Held heldRight = hold(right);
            Held r = hold(operate(b.op(), read(heldLeft), read(heldRight), location(b.span())));
            discard(read(heldLeft), operandType);
            discard(read(heldRight), typeOf(b.right()));
            return read(r);
        }
        return operate(b.op(), read(heldLeft), right, location(b.span()));
    }

    /** A binary operation on two lowered operands; shared by `a op b` and `a op= b`. */
    private Value operate(Expr.BinaryOp op, Value left, Value right, Location at) {
        TirType t = left.type();
        if (op.isComparison()) {
            if (t == TirType.STR && op != Expr.BinaryOp.EQ && op != Expr.BinaryOp.NE) {
                // `<` on strings normally calls the prelude's PartialOrd for String
                // (operatorOverloaded); a comparison that reaches the built-in
                // operators anyway compares the bytes the same way.
                Value.Temp ap = fb.add(new Inst.StrPart(fb.temp(TirType.PTR), left, false));
                Value.Temp al = fb.add(new Inst.StrPart(fb.temp(TirType.I64), left, true));
                Value.Temp bp = fb.add(new Inst.StrPart(fb.temp(TirType.PTR), right, false));
                Value.Temp bl = fb.add(new Inst.StrPart(fb.temp(TirType.I64), right, true));
                Value order = callRuntime(RuntimeAbi.STR_CMP, ap, al, bp, bl);
                return fb.add(new Inst.Compare(fb.temp(TirType.BOOL), cmp(op), order, new Value.IntConst(TirType.I32, 0)));
            }
            if (t == TirType.STR) {
                Value eq = stringsEqual(left, right);
                return op == Expr.BinaryOp.EQ ? eq : fb.add(new Inst.Not(fb.temp(TirType.BOOL), eq));
            }
            if (t == TirType.UNIT) return new Value.BoolConst(op == Expr.BinaryOp.EQ || op == Expr.BinaryOp.LE || op == Expr.BinaryOp.GE);
            if (t instanceof TirType.Struct || t instanceof TirType.Array) {
                Value eq = valuesEqual(left, right);
                return op == Expr.BinaryOp.EQ ? eq : fb.add(new Inst.Not(fb.temp(TirType.BOOL), eq));
            }
            return fb.add(new Inst.Compare(fb.temp(TirType.BOOL), cmp(op), left, right));
        }
        if (t instanceof TirType.Float) return fb.add(new Inst.FloatArith(fb.temp(t), floatOp(op), left, right));
        Inst.ArithOp a = arith(op);
        boolean traps = !(a == Inst.ArithOp.AND || a == Inst.ArithOp.OR || a == Inst.ArithOp.XOR);
        return fb.add(new Inst.IntArith(fb.temp(t), a, left, right, traps ? at : null));
    }

    /** Tuples are equal when every element is; computed without branching (all elements are plain values). */
    private Value structsEqual(Value a, Value b) {
        TirType.Struct st = (TirType.Struct) a.type();
        if (containsArray(st)) {
            // Comparing an array makes a loop (new blocks): keep everything in slots across it.
            Held ha = hold(a), hb = hold(b);
            Value.Temp all = fb.slot(TirType.BOOL, "tuple.eq");
            fb.add(new Inst.Store(all, new Value.BoolConst(true)));
            for (int i = 0; i < st.fields().size(); i++) {
                TirType ft = st.fields().get(i);
                if (ft instanceof TirType.Struct fs && fs.fields().isEmpty()) continue;
                Value x = fb.add(new Inst.ExtractField(fb.temp(ft), read(ha), i));
                Value y = fb.add(new Inst.ExtractField(fb.temp(ft), read(hb), i));
                Value e = valuesEqual(x, y);
                fb.add(new Inst.Store(all, fb.add(new Inst.IntArith(fb.temp(TirType.BOOL), Inst.ArithOp.AND, load(all, TirType.BOOL), e, null))));
            }
            return load(all, TirType.BOOL);
        }
        Value all = new Value.BoolConst(true);
        for (int i = 0; i < st.fields().size(); i++) {
            TirType ft = st.fields().get(i);
            if (ft instanceof TirType.Struct fs && fs.fields().isEmpty()) continue; // `()` equals `()`
            Value x = fb.add(new Inst.ExtractField(fb.temp(ft), a, i));
            Value y = fb.add(new Inst.ExtractField(fb.temp(ft), b, i));
            Value e = valuesEqual(x, y);
            all = fb.add(new Inst.IntArith(fb.temp(TirType.BOOL), Inst.ArithOp.AND, all, e, null));
        }
        return all;
    }

    private static boolean containsArray(TirType t) {
        return t instanceof TirType.Array || t instanceof TirType.Struct st && st.fields().stream().anyMatch(AstToTir::containsArray);
    }

    /** `==` on two values of one type: strings by bytes, tuples and arrays element-wise. */
    private Value valuesEqual(Value x, Value y) {
        TirType t = x.type();
        if (t == TirType.STR) return stringsEqual(x, y);
        if (t instanceof TirType.Struct) return structsEqual(x, y);
        if (t instanceof TirType.Array a) return arraysEqual(x, y, a);
        return fb.add(new Inst.Compare(fb.temp(TirType.BOOL), Inst.CmpOp.EQ, x, y));
    }

    /** Arrays are equal when every element is; the loop stops at the first difference. */
    private Value arraysEqual(Value a, Value b, TirType.Array type) {
        Value.Temp result = fb.slot(TirType.BOOL, "array.eq");
        fb.add(new Inst.Store(result, new Value.BoolConst(true)));
        if (type.length() == 0 || type.element() instanceof TirType.Struct s && s.fields().isEmpty()) return load(result, TirType.BOOL);
        Value.Temp left = fb.slot(type, "eq.left"), right = fb.slot(type, "eq.right"), i = fb.slot(TirType.I64, "eq.index");
        fb.add(new Inst.Store(left, a));
        fb.add(new Inst.Store(right, b));
        fb.add(new Inst.Store(i, new Value.IntConst(TirType.I64, 0)));
        Block body = fb.newBlock(), differs = fb.newBlock(), next = fb.newBlock(), exit = fb.newBlock();
        fb.jumpTo(body);
        Value index = load(i, TirType.I64);
        TirType et = type.element();
        Value x = fb.add(new Inst.Load(fb.temp(et), fb.add(new Inst.ElementAddr(fb.temp(TirType.PTR), left, type, index, null)), et));
        Value y = fb.add(new Inst.Load(fb.temp(et), fb.add(new Inst.ElementAddr(fb.temp(TirType.PTR), right, type, index, null)), et));
        Value same = valuesEqual(x, y);
        fb.branch(same, next, differs);
        fb.switchTo(differs);
        fb.add(new Inst.Store(result, new Value.BoolConst(false)));
        fb.jumpTo(exit);
        fb.switchTo(next);
        Value following = fb.add(new Inst.IntArith(fb.temp(TirType.I64), Inst.ArithOp.ADD, load(i, TirType.I64), new Value.IntConst(TirType.I64, 1), null));
        fb.add(new Inst.Store(i, following));
        Value more = fb.add(new Inst.Compare(fb.temp(TirType.BOOL), Inst.CmpOp.LT, following, new Value.IntConst(TirType.I64, type.length())));
        fb.branch(more, body, exit);
        fb.switchTo(exit);
        return load(result, TirType.BOOL);
    }

    private Value stringsEqual(Value a, Value b) {
        Value.Temp ap = fb.add(new Inst.StrPart(fb.temp(TirType.PTR), a, false));
        Value.Temp al = fb.add(new Inst.StrPart(fb.temp(TirType.I64), a, true));
        Value.Temp bp = fb.add(new Inst.StrPart(fb.temp(TirType.PTR), b, false));
        Value.Temp bl = fb.add(new Inst.StrPart(fb.temp(TirType.I64), b, true));
        return callRuntime(RuntimeAbi.STR_EQ, ap, al, bp, bl);
    }

    private static Inst.ArithOp arith(Expr.BinaryOp op) {
        return switch (op) {
            case ADD -> Inst.ArithOp.ADD; case SUB -> Inst.ArithOp.SUB; case MUL -> Inst.ArithOp.MUL;
            case DIV -> Inst.ArithOp.DIV; case REM -> Inst.ArithOp.REM;
            case BIT_AND -> Inst.ArithOp.AND; case BIT_OR -> Inst.ArithOp.OR; case BIT_XOR -> Inst.ArithOp.XOR;
            case SHL -> Inst.ArithOp.SHL; case SHR -> Inst.ArithOp.SHR;
            default -> throw new IllegalArgumentException(op.name());
        };
    }

    private static Inst.FloatOp floatOp(Expr.BinaryOp op) {
        return switch (op) {
            case ADD -> Inst.FloatOp.ADD; case SUB -> Inst.FloatOp.SUB; case MUL -> Inst.FloatOp.MUL;
            case DIV -> Inst.FloatOp.DIV; case REM -> Inst.FloatOp.REM;
            default -> throw new IllegalArgumentException(op.name());
        };
    }

    private static Inst.CmpOp cmp(Expr.BinaryOp op) {
        return switch (op) {
            case EQ -> Inst.CmpOp.EQ; case NE -> Inst.CmpOp.NE; case LT -> Inst.CmpOp.LT;
            case LE -> Inst.CmpOp.LE; case GT -> Inst.CmpOp.GT; case GE -> Inst.CmpOp.GE;
            default -> throw new IllegalArgumentException(op.name());
        };
    }

    /** `a && b` / `a || b`: the right side runs only when it decides the result. */
    private Value shortCircuit(Expr.Binary b) {
        Value.Temp slot = fb.slot(TirType.BOOL, b.op().symbol);
        Value left = expr(b.left());
        if (fb.isDead()) return Value.UNIT;
        fb.add(new Inst.Store(slot, left));
        Block evalRight = fb.newBlock(), join = fb.newBlock();
        boolean isAnd = b.op() == Expr.BinaryOp.AND;
        fb.branch(left, isAnd ? evalRight : join, isAnd ? join : evalRight);
        fb.switchTo(evalRight);
        Value right = expr(b.right());
        if (!fb.isDead()) fb.add(new Inst.Store(slot, right));
        fb.jumpTo(join);
        return fb.add(new Inst.Load(fb.temp(TirType.BOOL), slot, TirType.BOOL));
    }

    /**
     * Assignment to a place: a variable or a (nested) tuple element of one. Compound
     * assignment reads the place, operates, and writes it back.
     */
    private Value assign(Expr.Assign a) {
        if (program.overloads().containsKey(a)) return indexAssign(a, (Expr.Index) a.target());
        if (a.op() == null && typeOf(a.value()) instanceof Type.Array at) {
            // Built in a temporary first: the value may read the array being assigned.
            TirType t = tirType(at);
            Value.Temp temporary = fb.slot(t, "assigned");
            arrayInto(a.value(), temporary);
            if (fb.isDead()) return Value.UNIT;
            Value address = placeAddress(a.target());
            if (address != null && !fb.isDead()) {
                glue.dropAt(fb, address, at);
                fb.add(new Inst.CopyMem(address, temporary, t));
            }
            return Value.UNIT;
        }
        Value value = expr(a.value());
        if (fb.isDead()) return Value.UNIT;
        Held held = hold(value);
        Value address = placeAddress(a.target());
        if (address == null) return Value.UNIT; // a unit-typed place holds nothing
        TirType t = tirType(typeOf(a.target()));
        Value v = read(held);
        if (a.op() != null) {
            Value old = fb.add(new Inst.Load(fb.temp(t), address, t));
            v = operate(a.op(), old, v, location(a.span()));
        }
        Type targetType = typeOf(a.target());
        if (a.op() == null && glue.holdsReferences(targetType)) {
            // The old value is given up once the new one is computed (it may have read it).
            Held newValue = hold(v);
            Value.Temp flag = a.target() instanceof Expr.Path p && program.resolutions().get(p) instanceof Symbol.Local l ? dropFlags.get(l.id()) : null;
            if (flag != null) {
                dropOwned(new Owned(address, targetType, flag));
                fb.add(new Inst.Store(flag, new Value.BoolConst(true)));
            } else {
                glue.dropAt(fb, address, targetType);
            }
            Value again = placeAddress(a.target()); // the drop may have started a new block
            fb.add(new Inst.Store(again, read(newValue)));
            return Value.UNIT;
        }
        fb.add(new Inst.Store(address, v));
        return Value.UNIT;
    }

    /** `c[i] = v` / `c[i] op= v` through `IndexMut::index_set` (and `Index::index` for op=). */
    private Value indexAssign(Expr.Assign a, Expr.Index ix) {
        Value base = addressOf(ix.base());
        Held index = hold(expr(ix.index()));
        Held value = hold(expr(a.value()));
        if (fb.isDead()) return Value.UNIT;
        Value v = read(value);
        if (a.op() != null) {
            Value old = emitCall(callTarget(program.overloads().get(ix), callArgs(ix)), List.of(base, read(index)), typeOf(ix), ix.span());
            v = operate(a.op(), old, v, location(a.span()));
        }
        emitCall(callTarget(program.overloads().get(a), callArgs(a)), List.of(base, read(index), v), Type.UNIT, ix.span());
        return Value.UNIT;
    }

    /** The address of a place expression, or null when its type is `()`. */
    private Value placeAddress(Expr place) {
        return switch (place) {
            case Expr.Path p -> localSlots.get(((Symbol.Local) program.resolutions().get(p)).id());
            case Expr.Field f -> {
                Value base = placeAddress(f.base());
                if (base == null) yield null;
                if (tirType(typeOf(f)) == TirType.UNIT) yield null;
                if (typeOf(f.base()) instanceof Type.Struct c && c.def().isClass()) {
                    // Through the reference: the field lives in the object.
                    Value object = fb.add(new Inst.Load(fb.temp(TirType.PTR), base, TirType.PTR));
                    yield fb.add(new Inst.FieldAddr(fb.temp(TirType.PTR), object, DropGlue.objectType(c), DropGlue.objectField(fieldIndex(f))));
                }
                TirType.Struct st = (TirType.Struct) tirType(typeOf(f.base()));
                yield fb.add(new Inst.FieldAddr(fb.temp(TirType.PTR), base, st, fieldIndex(f)));
            }
            case Expr.Index ix when indexPlace(ix) -> {
                // `c[i]` changed where it is: IndexPlace::index_place(&mut c, i) gives its address.
                Value base = placeAddress(ix.base());
                if (base == null) yield null;
                Held address = hold(base);
                Value index = expr(ix.index());
                if (fb.isDead()) yield Value.UNIT;
                yield emitCall(callTarget(program.indexPlaces().get(ix), callArgs(ix)), List.of(read(address), index), new Type.Ptr(typeOf(ix), true), ix.span());
            }
            case Expr.Index ix -> {
                Value base = placeAddress(ix.base());
                if (base == null) yield null;
                yield elementAddress(base, (TirType.Array) tirType(typeOf(ix.base())), ix);
            }
            default -> throw new IllegalStateException("not a place: " + place);
        };
    }

    private Value block(Expr.Block b) {
        pushScope();
        for (Stmt s : b.stmts()) {
            switch (s) {
                case Stmt.Let let -> {
                    Symbol.Local local = program.lets().get(let);
                    if (typeOf(let.init()) instanceof Type.Array) {
                        Value.Temp slot = declareLocal(local);
                        if (slot != null) arrayInto(let.init(), slot);
                        own(local, slot);
                        break;
                    }
                    Value v = expr(let.init());
                    if (let.name().equals("_")) {
                        discard(v, typeOf(let.init())); // `let _ = e;` keeps nothing: dropped now
                        break;
                    }
                    Value.Temp slot = declareLocal(local);
                    if (slot != null && !fb.isDead()) {
                        fb.add(new Inst.Store(slot, v));
                        own(local, slot);
                    }
                }
                case Stmt.LetPattern lp -> {
                    Type t = typeOf(lp.init());
                    PatternLowering.Place place = materialize(expr(lp.init()));
                    if (place == null) break;
                    Block unreachable = fb.newBlock();
                    unreachable.terminator = new Terminator.Unreachable();
                    patterns.test(lp.pattern(), place, t, unreachable);
                    bindPattern(lp.pattern());
                    glue.dropAt(fb, place.root(), t); // the bindings took copies of what they need
                }
                case Stmt.ExprStmt es -> discard(expr(es.expr()), typeOf(es.expr()));
            }
        }
        return leaveScope(b.tail() == null ? Value.UNIT : expr(b.tail()));
    }

    /** Leaves the innermost scope with the value it produced (computed before the drops). */
    private Value leaveScope(Value v) {
        if (scopes.peek().isEmpty()) {
            scopes.pop();
            return v;
        }
        Held held = hold(v);
        popScope();
        return fb.isDead() ? Value.UNIT : read(held);
    }

    /**
     * Pattern tests store the matched parts in the pattern's variables without copying
     * (the test may still fail); once the pattern (and guard) has matched, each variable
     * takes its copy and the innermost scope owns it.
     */
    private void bindPattern(Pattern p) {
        if (fb.isDead()) return;
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        bindings(p, seen);
    }

    private void bindings(Pattern p, java.util.Set<Integer> seen) {
        switch (p) {
            case Pattern.Binding b -> {
                Symbol.Local local = program.patternBindings().get(b);
                if (local != null && seen.add(local.id())) {
                    Value slot = localSlots.get(local.id());
                    Type t = concrete(local.type());
                    if (slot instanceof Value.Temp temp && glue.holdsReferences(t)) {
                        glue.retainAt(fb, temp, t);
                        own(local, temp);
                    }
                }
                if (b.subpattern() != null) bindings(b.subpattern(), seen);
            }
            case Pattern.Tuple tu -> tu.elements().forEach(e -> bindings(e, seen));
            case Pattern.TupleStruct ts -> ts.elements().forEach(e -> bindings(e, seen));
            case Pattern.Struct st -> st.fields().forEach(f -> bindings(f.pattern(), seen));
            case Pattern.Or or -> {
                // Each alternative binds the same variables; the first names them all.
                if (!or.alternatives().isEmpty()) bindings(or.alternatives().get(0), seen);
            }
            default -> {}
        }
    }

    private Value ifExpr(Expr.If i) {
        Value cond = expr(i.cond());
        if (fb.isDead()) return Value.UNIT;
        TirType t = tirType(typeOf(i));
        Value.Temp result = t == TirType.UNIT ? null : fb.slot(t, "if");
        Block then = fb.newBlock(), otherwise = fb.newBlock(), join = fb.newBlock();
        fb.branch(cond, then, i.otherwise() == null ? join : otherwise);
        fb.switchTo(then);
        branchInto(i.then(), result, join);
        if (i.otherwise() != null) {
            fb.switchTo(otherwise);
            branchInto(i.otherwise(), result, join);
        } else {
            otherwise.terminator = new Terminator.Unreachable();
        }
        fb.switchTo(join);
        return result == null ? Value.UNIT : fb.add(new Inst.Load(fb.temp(t), result, t));
    }

    private void branchInto(Expr e, Value.Temp result, Block join) {
        Value v = expr(e);
        if (result != null) fb.add(new Inst.Store(result, v));
        fb.jumpTo(join);
    }

    private Value whileExpr(Expr.While w) {
        Block head = fb.newBlock(), body = fb.newBlock(), exit = fb.newBlock();
        fb.jumpTo(head);
        Value cond = expr(w.cond());
        fb.branch(cond, body, exit);
        fb.switchTo(body);
        loops.push(new LoopTarget(w.label(), head, exit, null, scopes.size()));
        expr(w.body());
        loops.pop();
        fb.jumpTo(head);
        fb.switchTo(exit);
        return Value.UNIT;
    }

    private Value loopExpr(Expr.Loop l) {
        TirType t = tirType(typeOf(l));
        Value.Temp result = t == TirType.UNIT ? null : fb.slot(t, "loop");
        Block body = fb.newBlock(), exit = fb.newBlock();
        fb.jumpTo(body);
        loops.push(new LoopTarget(l.label(), body, exit, result, scopes.size()));
        expr(l.body());
        loops.pop();
        fb.jumpTo(body);
        fb.switchTo(exit);
        return result == null ? Value.UNIT : fb.add(new Inst.Load(fb.temp(t), result, t));
    }

    /**
     * `for x in a..b` counts with a slot `next`: the head tests `next < end`, the body
     * binds `x` and advances `next` before running (which cannot overflow, as next < end),
     * so `continue` goes back to the head. `a..=b` tests `start <= end` once, then runs
     * the body and leaves after the iteration where `x == end` — never computing end + 1,
     * which could overflow.
     */
    private Value forLoop(Expr.For f) {
        if (typeOf(f.iterable()) instanceof Type.Array a) return arrayFor(f, a);
        if (!(typeOf(f.iterable()) instanceof Type.Range)) return iteratorFor(f, typeOf(f.iterable()));
        Type.Range rangeType = (Type.Range) typeOf(f.iterable());
        TirType t = tirType(rangeType.element());
        Value range = expr(f.iterable());
        if (fb.isDead()) return Value.UNIT;
        Value.Temp next = fb.slot(t, "for.next"), end = fb.slot(t, "for.end");
        fb.add(new Inst.Store(next, fb.add(new Inst.ExtractField(fb.temp(t), range, 0))));
        fb.add(new Inst.Store(end, fb.add(new Inst.ExtractField(fb.temp(t), range, 1))));
        Value.Temp variable = declareLocal(program.forVariables().get(f));
        Value one = new Value.IntConst(t, 1);
        Block head = fb.newBlock(), body = fb.newBlock(), latch = fb.newBlock(), exit = fb.newBlock();
        if (!rangeType.inclusive()) {
            fb.jumpTo(head);
            Value more = fb.add(new Inst.Compare(fb.temp(TirType.BOOL), Inst.CmpOp.LT, load(next, t), load(end, t)));
            fb.branch(more, body, exit);
            fb.switchTo(body);
            Value current = load(next, t);
            fb.add(new Inst.Store(variable, current));
            fb.add(new Inst.Store(next, fb.add(new Inst.IntArith(fb.temp(t), Inst.ArithOp.ADD, current, one, null))));
            loops.push(new LoopTarget(f.label(), head, exit, null, scopes.size()));
            expr(f.body());
            loops.pop();
            fb.jumpTo(head);
            latch.terminator = new Terminator.Unreachable();
        } else {
            Value nonEmpty = fb.add(new Inst.Compare(fb.temp(TirType.BOOL), Inst.CmpOp.LE, load(next, t), load(end, t)));
            fb.branch(nonEmpty, body, exit);
            fb.switchTo(body);
            fb.add(new Inst.Store(variable, load(next, t)));
            loops.push(new LoopTarget(f.label(), latch, exit, null, scopes.size()));
            expr(f.body());
            loops.pop();
            fb.jumpTo(latch);
            Value current = load(next, t);
            Value last = fb.add(new Inst.Compare(fb.temp(TirType.BOOL), Inst.CmpOp.EQ, current, load(end, t)));
            fb.branch(last, exit, head);
            fb.switchTo(head);
            fb.add(new Inst.Store(next, fb.add(new Inst.IntArith(fb.temp(t), Inst.ArithOp.ADD, load(next, t), one, null))));
            fb.add(new Inst.Store(variable, load(next, t)));
            fb.jumpTo(body);
        }
        fb.switchTo(exit);
        return Value.UNIT;
    }

    /**
     * `for x in it` over an `IntoIterator`: `let mut iter = it.into_iter();` then
     * `loop { match iter.next() { Some(x) => body, None => break } }`.
     */
    private Value iteratorFor(Expr.For f, Type iterable) {
        TraitEnv traits = program.traits();
        Type.TraitDef into = traits.trait("IntoIterator"), iterator = traits.trait("Iterator");
        Type iterType = traits.normalize(new Type.Assoc(iterable, into, List.of(), "IntoIter"));
        Value value = expr(f.iterable());
        if (fb.isDead()) return Value.UNIT;
        Value iter = emitCall(callTarget(traits.methods(into).get("into_iter"), List.of(iterable)), List.of(value), iterType);
        TirType iterTir = tirType(iterType);
        Value.Temp iterSlot = fb.slot(iterTir == TirType.UNIT ? EMPTY : iterTir, "for.iter");
        if (iterTir != TirType.UNIT) fb.add(new Inst.Store(iterSlot, iter));
        pushScope(); // the loop owns the iterator
        ownSlot(iterSlot, iterType, null);
        int depth = scopes.size();
        Symbol.Function next = traits.methods(iterator).get("next");
        Type.Enum option = (Type.Enum) traits.normalize(Types.subst(next.result(), Types.bind(next.typeParams(), List.of(iterType))));
        EnumLayout layout = EnumLayout.of(option);
        Value.Temp variable = declareLocal(program.forVariables().get(f));
        Block head = fb.newBlock(), body = fb.newBlock(), exit = fb.newBlock();
        fb.jumpTo(head);
        Value item = emitCall(callTarget(next, List.of(iterType)), List.of(iterSlot), option);
        Value.Temp slot = fb.slot(layout.type(), "for.item");
        fb.add(new Inst.Store(slot, item));
        Value some = layout.is(fb, slot, option.variantIndex("Some"));
        fb.branch(some, body, exit);
        fb.switchTo(body);
        pushScope(); // one iteration owns the item
        if (variable != null) {
            fb.add(new Inst.Store(variable, payloadField(slot, layout, option.variantIndex("Some"))));
            own(program.forVariables().get(f), variable);
        }
        loops.push(new LoopTarget(f.label(), head, exit, null, depth));
        expr(f.body());
        loops.pop();
        popScope();
        fb.jumpTo(head);
        fb.switchTo(exit);
        popScope();
        return Value.UNIT;
    }

    /**
     * `for x in array`: iterates over a copy (arrays are values, so changing the array in
     * the body does not change what the loop sees; LLVM drops the copy when nothing does).
     */
    private Value arrayFor(Expr.For f, Type.Array arrayType) {
        TirType.Array type = (TirType.Array) tirType(arrayType);
        Value.Temp copy = fb.slot(type, "for.array");
        arrayInto(f.iterable(), copy);
        if (fb.isDead()) return Value.UNIT;
        pushScope(); // the loop owns its copy of the array
        ownSlot(copy, arrayType, null);
        int depth = scopes.size();
        Value.Temp i = fb.slot(TirType.I64, "for.index");
        fb.add(new Inst.Store(i, new Value.IntConst(TirType.I64, 0)));
        Value.Temp variable = declareLocal(program.forVariables().get(f));
        Block head = fb.newBlock(), body = fb.newBlock(), exit = fb.newBlock();
        fb.jumpTo(head);
        Value index = load(i, TirType.I64);
        Value more = fb.add(new Inst.Compare(fb.temp(TirType.BOOL), Inst.CmpOp.LT, index, new Value.IntConst(TirType.I64, type.length())));
        fb.branch(more, body, exit);
        fb.switchTo(body);
        Value current = load(i, TirType.I64);
        fb.add(new Inst.Store(i, fb.add(new Inst.IntArith(fb.temp(TirType.I64), Inst.ArithOp.ADD, current, new Value.IntConst(TirType.I64, 1), null))));
        pushScope(); // one iteration owns its copy of the element
        if (variable != null) {
            Value address = fb.add(new Inst.ElementAddr(fb.temp(TirType.PTR), copy, type, current, null));
            Value element = fb.add(new Inst.Load(fb.temp(type.element()), address, type.element()));
            fb.add(new Inst.Store(variable, glue.copy(fb, element, arrayType.element())));
            own(program.forVariables().get(f), variable);
        }
        loops.push(new LoopTarget(f.label(), head, exit, null, depth));
        expr(f.body());
        loops.pop();
        popScope();
        fb.jumpTo(head);
        fb.switchTo(exit);
        popScope();
        return Value.UNIT;
    }

    /**
     * A scrutinee that is a variable or a field path of one (`x`, `self.left`, `p.0.next`),
     * as a Place patterns can read in any block: matched where it is, with no copy. Its
     * variables take their copies when an arm is chosen, before the arm's body can change
     * the place. Null for anything else (a temporary, an element of an array).
     */
    private PatternLowering.Place placeOf(Expr e) {
        return switch (e) {
            case Expr.Path p when program.resolutions().get(p) instanceof Symbol.Local l && localSlots.get(l.id()) != null
                    && !(concrete(l.type()) instanceof Type.Dyn) -> new PatternLowering.Place(localSlots.get(l.id()), List.of());
            case Expr.Field f -> {
                PatternLowering.Place base = placeOf(f.base());
                if (base == null || tirType(typeOf(f)) == TirType.UNIT) yield null;
                Type baseType = typeOf(f.base());
                if (baseType instanceof Type.Struct c && c.def().isClass()) {
                    yield base.deref().field(DropGlue.objectType(c), DropGlue.objectField(fieldIndex(f)));
                }
                yield tirType(baseType) instanceof TirType.Struct st ? base.field(st, fieldIndex(f)) : null;
            }
            default -> null;
        };
    }

    /** The scrutinee's place, matched where it is, when no guard can run between the tests and the bindings' copies. */
    private PatternLowering.Place directScrutinee(Expr scrutinee, boolean guarded) {
        if (guarded || fb.isDead() || tirType(typeOf(scrutinee)) == TirType.UNIT) return null;
        return placeOf(scrutinee);
    }

    /** Puts a value in a slot of its own so that patterns can look inside it. Null in dead code. */
    private PatternLowering.Place materialize(Value v) {
        if (fb.isDead()) return null;
        Value.Temp slot = fb.slot(v.type() == TirType.UNIT ? new TirType.Struct(List.of()) : v.type(), "scrutinee");
        if (v.type() != TirType.UNIT) fb.add(new Inst.Store(slot, v));
        return new PatternLowering.Place(slot, List.of());
    }

    /**
     * `match`: the arms are tried in order; a failed test or guard goes on to the next arm.
     * The checker proved the arms exhaustive, so falling past the last one cannot happen.
     *
     * <p>The arms become one decision tree ({@link MatchCompiler}), whose tests are emitted
     * in place; its leaves bind the arm's variables and jump to the arm's guard or body,
     * each lowered once, after the tree. When the tree would be too large, each arm gets a
     * tree of its own, tried in order ({@link #emitArm}).
     */
    private Value matchExpr(Expr.Match m) {
        Type scrutineeType = typeOf(m.scrutinee());
        pushScope();
        PatternLowering.Place place = directScrutinee(m.scrutinee(), m.arms().stream().anyMatch(a -> a.guard() != null));
        if (place == null) {
            place = materialize(expr(m.scrutinee()));
            if (place == null) {
                scopes.pop();
                return Value.UNIT;
            }
            ownSlot(place.root(), scrutineeType, null);
        }
        TirType t = tirType(typeOf(m));
        Value.Temp result = t == TirType.UNIT ? null : fb.slot(t, "match");
        Block join = fb.newBlock();
        List<Expr.Arm> arms = m.arms();
        List<MatchCompiler.Pat> pats = new ArrayList<>();
        boolean[] guarded = new boolean[arms.size()];
        for (int i = 0; i < arms.size(); i++) {
            pats.add(patterns.pat(arms.get(i).pattern(), scrutineeType));
            guarded[i] = arms.get(i).guard() != null;
        }
        MatchArms targets = new MatchArms(arms.size());
        PatternLowering.Located root = new PatternLowering.Located(place, scrutineeType);
        MatchCompiler.Node tree = matchTrees ? MatchCompiler.compile(pats, guarded, MatchCompiler.limit(pats)) : null;
        if (tree != null) {
            targets.count(tree, 0);
            emitDecision(tree, root, 0, null, targets);
        } else {
            // Too large as one tree: each arm on its own, falling to the next.
            List<MatchCompiler.Node> each = new ArrayList<>();
            for (int i = 0; i < arms.size(); i++) {
                List<MatchCompiler.Pat> one = List.of(pats.get(i));
                MatchCompiler.Node n = armTrees ? MatchCompiler.compile(one, new boolean[] {guarded[i]}, MatchCompiler.limit(one)) : null;
                each.add(n);
                if (n != null) targets.count(n, i);
                else targets.leaves[i]++;
            }
            for (int i = 0; i < arms.size(); i++) {
                Block next = fb.newBlock();
                if (i == arms.size() - 1) next.terminator = new Terminator.Unreachable();
                if (each.get(i) != null) {
                    emitDecision(each.get(i), root, i, next, targets);
                } else {
                    // Even one arm's tree is too large: its pattern tested directly (an or-pattern's first matching alternative binds).
                    patterns.test(arms.get(i).pattern(), place, scrutineeType, next);
                    emitLeaf(new MatchCompiler.Leaf(0, List.of(), guarded[i] ? new MatchCompiler.Fail() : null), root, i, next, targets);
                }
                if (i < arms.size() - 1) fb.switchTo(next);
            }
        }
        if (!fb.isDead()) fb.terminate(new Terminator.Unreachable());
        for (int i = 0; i < arms.size(); i++) {
            if (targets.leaves[i] == 0) continue; // no path reaches the arm
            Expr.Arm arm = arms.get(i);
            if (arm.guard() != null) {
                fb.switchTo(targets.guard(i));
                Value g = expr(arm.guard());
                List<Block> conts = targets.continuations.get(i);
                if (conts.size() == 1) {
                    fb.branch(g, targets.body(i), conts.get(0));
                } else if (!fb.isDead()) {
                    // Several leaves share the guard: the failing guard goes back to the one that came (its number is in the slot).
                    Block dispatch = fb.newBlock();
                    fb.branch(g, targets.body(i), dispatch);
                    fb.switchTo(dispatch);
                    for (int j = 0; j < conts.size() - 1; j++) {
                        Value which = fb.add(new Inst.Load(fb.temp(TirType.I32), targets.which[i], TirType.I32));
                        Value is = fb.add(new Inst.Compare(fb.temp(TirType.BOOL), Inst.CmpOp.EQ, which, new Value.IntConst(TirType.I32, j)));
                        Block next = fb.newBlock();
                        fb.branch(is, conts.get(j), next);
                        fb.switchTo(next);
                    }
                    fb.terminate(new Terminator.Jump(conts.get(conts.size() - 1).id));
                }
            }
            fb.switchTo(targets.body(i));
            pushScope();
            bindPattern(arm.pattern());
            Value v = leaveScope(expr(arm.body()));
            if (result != null && !fb.isDead()) fb.add(new Inst.Store(result, v));
            fb.jumpTo(join);
        }
        fb.switchTo(join);
        Value v = result == null ? Value.UNIT : fb.add(new Inst.Load(fb.temp(t), result, t));
        return leaveScope(v);
    }

    /**
     * Whether whole matches are compiled to one decision tree, and whether single arms are
     * (in the arm-by-arm order); off only to compare with the other orders — tests, and
     * `JAVA_TOOL_OPTIONS=-Dtlang.match.trees=false` (or `-Dtlang.match.armTrees=false`).
     */
    static boolean matchTrees = !"false".equals(System.getProperty("tlang.match.trees")),
            armTrees = !"false".equals(System.getProperty("tlang.match.armTrees"));

    /** Per arm of the match being lowered: its guard and body blocks, made on first use, and the leaves that reach it. */
    private final class MatchArms {
        final int[] leaves;
        final Block[] guards, bodies;
        final Value.Temp[] which;
        final List<List<Block>> continuations = new ArrayList<>();

        MatchArms(int n) {
            leaves = new int[n];
            guards = new Block[n];
            bodies = new Block[n];
            which = new Value.Temp[n];
            for (int i = 0; i < n; i++) continuations.add(new ArrayList<>());
        }

        void count(MatchCompiler.Node n, int base) {
            switch (n) {
                case MatchCompiler.Leaf l -> {
                    leaves[base + l.arm()]++;
                    if (l.otherwise() != null) count(l.otherwise(), base);
                }
                case MatchCompiler.Switch s -> {
                    s.cases().forEach(c -> count(c.then(), base));
                    if (s.otherwise() != null) count(s.otherwise(), base);
                }
                case MatchCompiler.Test t -> {
                    count(t.yes(), base);
                    count(t.no(), base);
                }
                case MatchCompiler.Fail f -> {}
            }
        }

        Block guard(int i) { return guards[i] == null ? guards[i] = fb.newBlock() : guards[i]; }

        Block body(int i) { return bodies[i] == null ? bodies[i] = fb.newBlock() : bodies[i]; }
    }

    /**
     * Emits a decision tree from the current block: {@code base} is the index of its arm 0,
     * {@code fail} where no match goes (null: nowhere, the arms are exhaustive).
     */
    private void emitDecision(MatchCompiler.Node node, PatternLowering.Located root, int base, Block fail, MatchArms targets) {
        switch (node) {
            case MatchCompiler.Fail f -> fb.terminate(fail != null ? new Terminator.Jump(fail.id) : new Terminator.Unreachable());
            case MatchCompiler.Leaf l -> emitLeaf(l, root, base + l.arm(), fail, targets);
            case MatchCompiler.Switch s -> {
                List<Block> cases = new ArrayList<>();
                for (int i = 0; i < s.cases().size(); i++) cases.add(fb.newBlock());
                Block otherwise = s.otherwise() == null ? null : fb.newBlock();
                patterns.switchOn(s, root, cases, otherwise);
                for (int i = 0; i < cases.size(); i++) {
                    fb.switchTo(cases.get(i));
                    emitDecision(s.cases().get(i).then(), root, base, fail, targets);
                }
                if (otherwise != null) {
                    fb.switchTo(otherwise);
                    emitDecision(s.otherwise(), root, base, fail, targets);
                }
            }
            case MatchCompiler.Test t -> {
                Block yes = fb.newBlock(), no = fb.newBlock();
                patterns.test(t, root, yes, no);
                fb.switchTo(yes);
                emitDecision(t.yes(), root, base, fail, targets);
                fb.switchTo(no);
                emitDecision(t.no(), root, base, fail, targets);
            }
        }
    }

    /** A leaf: binds arm {@code arm}'s variables and goes to its body, or to its guard (and, if that fails, to the leaf's rest of the tree). */
    private void emitLeaf(MatchCompiler.Leaf l, PatternLowering.Located root, int arm, Block fail, MatchArms targets) {
        patterns.bind(l.bindings(), root);
        if (l.otherwise() == null) {
            fb.terminate(new Terminator.Jump(targets.body(arm).id));
            return;
        }
        List<Block> conts = targets.continuations.get(arm);
        if (targets.leaves[arm] > 1) {
            if (targets.which[arm] == null) targets.which[arm] = fb.slot(TirType.I32, "guard" + arm);
            fb.add(new Inst.Store(targets.which[arm], new Value.IntConst(TirType.I32, conts.size())));
        }
        Block cont = fb.newBlock();
        conts.add(cont);
        fb.terminate(new Terminator.Jump(targets.guard(arm).id));
        fb.switchTo(cont);
        emitDecision(l.otherwise(), root, arm - l.arm(), fail, targets);
    }

    private Value ifLet(Expr.IfLet il) {
        pushScope();
        PatternLowering.Place place = directScrutinee(il.value(), false);
        if (place == null) {
            place = materialize(expr(il.value()));
            if (place == null) {
                scopes.pop();
                return Value.UNIT;
            }
            ownSlot(place.root(), typeOf(il.value()), null);
        }
        TirType t = tirType(typeOf(il));
        Value.Temp result = t == TirType.UNIT ? null : fb.slot(t, "iflet");
        Block otherwise = fb.newBlock(), join = fb.newBlock();
        patterns.test(il.pattern(), place, typeOf(il.value()), otherwise);
        pushScope();
        bindPattern(il.pattern());
        Value v = leaveScope(expr(il.then()));
        if (result != null && !fb.isDead()) fb.add(new Inst.Store(result, v));
        fb.jumpTo(join);
        fb.switchTo(otherwise);
        if (il.otherwise() != null) {
            Value o = expr(il.otherwise());
            if (result != null && !fb.isDead()) fb.add(new Inst.Store(result, o));
        }
        fb.jumpTo(join);
        Value r = result == null ? Value.UNIT : fb.add(new Inst.Load(fb.temp(t), result, t));
        return leaveScope(r);
    }

    private Value whileLet(Expr.WhileLet wl) {
        Block head = fb.newBlock(), exit = fb.newBlock();
        fb.jumpTo(head);
        int depth = scopes.size();
        pushScope();
        PatternLowering.Place direct = directScrutinee(wl.value(), false);
        PatternLowering.Place place = direct != null ? direct : materialize(expr(wl.value()));
        if (place != null) {
            Type t = typeOf(wl.value());
            if (direct == null) ownSlot(place.root(), t, null);
            Block failed = fb.newBlock();
            patterns.test(wl.pattern(), place, t, failed);
            pushScope();
            bindPattern(wl.pattern());
            loops.push(new LoopTarget(wl.label(), head, exit, null, depth));
            discard(expr(wl.body()), Type.UNIT);
            loops.pop();
            popScope();
            popScope();
            fb.jumpTo(head);
            // The value that did not match is dropped on the way out (a temporary only).
            fb.switchTo(failed);
            if (direct == null) glue.dropAt(fb, place.root(), t);
            fb.jumpTo(exit);
        } else {
            scopes.pop();
        }
        fb.switchTo(exit);
        return Value.UNIT;
    }

    private Value load(Value.Temp slot, TirType t) {
        return fb.add(new Inst.Load(fb.temp(t), slot, t));
    }

    private Value breakExpr(Expr.Break b) {
        LoopTarget target = loop(b.label());
        if (b.value() != null) {
            Value v = expr(b.value());
            if (fb.isDead()) return Value.UNIT;
            if (target.resultSlot() != null) fb.add(new Inst.Store(target.resultSlot(), v));
        }
        leave(target.depth(), () -> new Terminator.Jump(target.breakTo().id));
        return Value.UNIT;
    }
}

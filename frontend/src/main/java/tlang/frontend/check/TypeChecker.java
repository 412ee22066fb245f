package tlang.frontend.check;

import tlang.frontend.diag.ErrorCode;
import tlang.frontend.ast.Expr;
import tlang.frontend.ast.Expr.BinaryOp;
import tlang.frontend.ast.Item;
import tlang.frontend.ast.Module;
import tlang.frontend.ast.Pattern;
import tlang.frontend.ast.Stmt;
import tlang.frontend.ast.TypeExpr;
import tlang.frontend.diag.Diagnostics;
import tlang.frontend.source.Span;
import tlang.frontend.types.Inference;
import tlang.frontend.types.Type;
import tlang.frontend.types.Types;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Resolves names and checks types in one walk over each function body.
 *
 * <p>Checking is bidirectional: {@link #check(Expr, Type)} takes the type the context
 * expects (or null), so literals take the type their context wants and mismatches are
 * reported where they occur. Where nothing says, a literal gets an inference variable that
 * later uses pin down ({@link Inference}); at the end of each function unconstrained
 * literals default to `i64` / `f64`, every recorded type is replaced by its solution, and
 * checks that needed the final types (literal ranges, `-` on unsigned) run.
 * After an error an expression's type is {@link Type#ERROR}, which is accepted everywhere,
 * so one mistake yields one message.
 */
public final class TypeChecker {

    private final Module module;
    private final Diagnostics diags;
    private final Map<String, Symbol.Function> functions = new LinkedHashMap<>();
    private final Map<Expr, Type> types = new IdentityHashMap<>();
    private final Map<Expr.Path, Symbol> resolutions = new IdentityHashMap<>();
    private final Map<Stmt.Let, Symbol.Local> lets = new IdentityHashMap<>();
    private final Map<Item.Fn, List<Symbol.Local>> params = new IdentityHashMap<>();
    private final Map<Expr.Call, CheckedProgram.Format> formats = new IdentityHashMap<>();
    private final Map<String, Type.StructDef> structs = new LinkedHashMap<>();
    /** Methods and associated functions of inherent impls, per struct or enum declaration ({@link #defKey}). */
    private final Map<Object, Map<String, Symbol.Function>> methods = new HashMap<>();
    private final Map<String, Type.EnumDef> enums = new LinkedHashMap<>();
    private final TraitEnv traits = new TraitEnv();
    /** The type parameters that names in types may refer to here (the item's and its impl's). */
    private final Map<String, Type.Param> typeParamScope = new HashMap<>();
    /** The trait being declared, and the trait impl being declared or checked, if any. */
    private Type.TraitDef currentTrait;
    private TraitEnv.Impl currentImpl;
    /** For each call of a generic function (the Call, MethodCall or Path node): its type arguments, in the order of its typeParams. */
    private final Map<Expr, List<Type>> instantiations = new IdentityHashMap<>();
    /**
     * Operators on types that implement them by trait (`a + b` with `impl Add for P`), and
     * `?` that converts the error with `From`: the trait function to call. Its type
     * arguments are in {@link #instantiations} under the same node.
     */
    private final Map<Expr, Symbol.Function> overloads = new IdentityHashMap<>();
    /** Overloaded `c[i]` used as a place (changed where it is): `IndexPlace::index_place`. */
    private final Map<Expr.Index, Symbol.Function> indexPlaces = new IdentityHashMap<>();
    private final Map<Expr.Closure, CheckedProgram.Closure> closures = new IdentityHashMap<>();
    /** Expressions of a closure type used where a `fn` type is wanted: the closure has no captures. */
    private final Map<Expr, Type.Closure> fnCoercions = new IdentityHashMap<>();
    private final Map<Expr.Closure, Type.ClosureDef> closureDefs = new IdentityHashMap<>();
    /** The closures being checked, innermost first, and what each captures so far. */
    private final Deque<ClosureFrame> closureFrames = new ArrayDeque<>();
    private Symbol.Function currentFunction;

    private static final class ClosureFrame {
        final int baseDepth;
        final Map<Integer, Symbol.Local> captures = new java.util.LinkedHashMap<>();

        ClosureFrame(int baseDepth) { this.baseDepth = baseDepth; }
    }
    /** `Some`, `None`, `Ok`, `Err`: variants usable without their enum's name. */
    private final Map<String, Symbol.VariantCtor> preludeVariants = new HashMap<>();
    /** `const` and `static` items, and associated constants per type, with their values once computed. */
    private final Map<String, Symbol.Constant> consts = new LinkedHashMap<>();
    private final Map<Object, Map<String, Symbol.Constant>> assocConsts = new HashMap<>();
    private final Map<Expr.MethodCall, Symbol.Function> methodTargets = new IdentityHashMap<>();
    private final Map<Expr.MethodCall, BuiltinMethod> builtinMethods = new IdentityHashMap<>();
    private final Map<Expr.For, Symbol.Local> forVariables = new IdentityHashMap<>();
    private final Map<Pattern.Binding, Symbol.Local> patternBindings = new IdentityHashMap<>();
    private final Map<Pattern, Symbol> patternTargets = new IdentityHashMap<>();
    /** Every function to compile, free ones and those of impls, in declaration order. */
    private final List<Symbol.Function> allFunctions = new ArrayList<>();
    /** What `Self` means while declaring and checking an impl's functions. */
    private Type currentSelf;

    // Per-function state.
    private final Deque<Map<String, Symbol.Local>> scopes = new ArrayDeque<>();
    private final Deque<LoopContext> loops = new ArrayDeque<>();
    private Type returnType;
    private int nextLocal;
    private Inference infer = new Inference();
    /** Expressions and locals of the current function, settled when it is done. */
    private final List<Expr> functionExprs = new ArrayList<>();
    private final List<Symbol.Local> functionLocals = new ArrayList<>();
    /** Checks that need the solved types; run at the end of the function. */
    private final List<Runnable> deferred = new ArrayList<>();
    /** Errors before the current function: coverage is only checked in functions without any. */
    private int errorsBeforeFunction;

    private static final class LoopContext {
        final boolean isLoop; // `loop` may break with a value; `while` and `for` may not
        final String label;
        Type breakType;
        LoopContext(boolean isLoop, String label) {
            this.isLoop = isLoop;
            this.label = label;
        }
    }

    private TypeChecker(Module module, Diagnostics diags) {
        this.module = module;
        this.diags = diags;
    }

    /** Checks a module; returns null if any error was reported (they are in {@code diags}). */
    public static CheckedProgram check(Module module, Diagnostics diags) {
        return new TypeChecker(module, diags).run();
    }

    private CheckedProgram run() {
        boolean syntaxErrors = diags.hasErrors();
        for (Item item : module.items()) if (item instanceof Item.Trait tr) declareTrait(tr);
        for (Item item : module.items()) if (item instanceof Item.Struct st) declareStruct(st);
        for (Item item : module.items()) if (item instanceof Item.Enum en) declareEnum(en);
        collectConstants();
        for (Item item : module.items()) if (item instanceof Item.Trait tr) defineTrait(tr);
        for (Item item : module.items()) if (item instanceof Item.Struct st) defineStruct(st);
        for (Item item : module.items()) if (item instanceof Item.Enum en) defineEnum(en);
        checkStructsAreFinite();
        for (Type.EnumDef e : enums.values()) {
            if (e.decl.span().file() == tlang.frontend.Prelude.source()) for (int i = 0; i < e.genericVariants().size(); i++) preludeVariants.put(e.genericVariants().get(i).name(), new Symbol.VariantCtor(e.self(), i));
        }
        for (Item item : module.items()) if (item instanceof Item.Fn fn) declare(fn);
        for (Item item : module.items()) if (item instanceof Item.Impl impl) declareImpl(impl);
        evaluateConstants();
        for (Symbol.Function f : List.copyOf(allFunctions)) {
            if (f.decl().isForeign()) continue; // C defines it
            currentSelf = f.owner();
            currentImpl = f.impl();
            typeParamScope.clear();
            for (Type.Param p : f.typeParams()) if (!p.name.equals("Self")) typeParamScope.put(p.name, p);
            checkFunction(f);
        }
        typeParamScope.clear();
        currentImpl = null;
        currentSelf = null;
        Symbol.Function main = functions.get("main");
        if (syntaxErrors) {
            return null; // a `main` that failed to parse would be reported as missing
        } else if (main == null) {
            diags.error(ErrorCode.E0601, new Span(module.file(), 0, 0), "`main` function not found in `" + module.file().path() + "`",
                    "help: add `fn main() { ... }` where the program starts");
        } else if (!main.params().isEmpty() || main.result() != Type.UNIT) {
            diags.error(ErrorCode.E0131, main.decl().nameSpan(), "`main` must take no parameters and return `()`",
                    "help: use `std::env::arg(i)` for arguments and `std::process::exit(code)` for the exit status");
        }
        if (diags.hasErrors()) return null;
        List<Expr> bodies = new ArrayList<>();
        for (Symbol.Function f : allFunctions) if (f.decl().body() != null) bodies.add(f.decl().body());
        Set<Integer> movedLocals = MoveChecker.check(bodies, resolutions, types, closures, diags, lets, patternBindings, forVariables);
        if (diags.hasErrors()) return null;
        return new CheckedProgram(module, List.copyOf(allFunctions), main, types, resolutions, lets, params, formats, methodTargets, builtinMethods,
                forVariables, patternBindings, patternTargets, instantiations, traits, overloads, closures, fnCoercions, movedLocals, indexPlaces);
    }

    // ---- declarations ---------------------------------------------------------------

    private void declare(Item.Fn fn) {
        if (fn.self() != null) {
            diags.error(ErrorCode.E0424, fn.self().span(), "`self` parameter is only allowed in methods (functions inside `impl`)");
            return;
        }
        if (functions.containsKey(fn.name())) {
            Item.Fn previous = functions.get(fn.name()).decl();
            diags.error(ErrorCode.E0428, fn.nameSpan(), "the name `" + fn.name() + "` is defined multiple times",
                    "note: previous definition of `" + fn.name() + "` at line " + previous.nameSpan().line());
            return;
        }
        if (Builtins.lookup(fn.name()).isPresent()) {
            diags.error(ErrorCode.E0428, fn.nameSpan(), "the name `" + fn.name() + "` is reserved for the built-in `" + fn.name() + "`");
            return;
        }
        Symbol.Function f = signature(fn, null, List.of(), null, null);
        if (fn.extern() != null) checkExtern(fn, f);
        functions.put(fn.name(), f);
        allFunctions.add(f);
    }

    /**
     * An `extern "C"` function crosses into C: no type parameters, and only types C has —
     * integers, floats, `bool`, raw pointers and `()` (a result only) — so that the
     * compiler can pass them exactly as C does.
     */
    private void checkExtern(Item.Fn fn, Symbol.Function f) {
        String what = fn.isForeign() ? "a foreign function" : "an `extern \"C\"` function";
        if (!fn.generics().isEmpty()) {
            diags.error(ErrorCode.E1111, fn.nameSpan(), what + " cannot have type parameters",
                    "note: C has one function per name; write a function for each type");
        }
        for (int i = 0; i < fn.params().size(); i++) {
            Type t = f.params().get(i);
            if (!cType(t, false)) externTypeError(fn.params().get(i).type().span(), t, what, "parameter");
        }
        if (fn.returnType() != null && !cType(f.result(), true)) externTypeError(fn.returnType().span(), f.result(), what, "result");
        if (fn.isExported() && runtimeSymbol(fn.name())) {
            // Two definitions of one symbol would stop the link (or replace the runtime's).
            diags.error(ErrorCode.E1111, fn.nameSpan(), "the C name `" + fn.name() + "` belongs to the T runtime",
                    "note: the runtime defines `trt_*`, `rt_*`, `_Unwind_*`, `_start`, `t_entry` and the C functions compiled code needs (`memcpy`, `fmod`, ...)",
                    "help: choose another name");
        }
    }

    /** Whether the runtime (or the compiler's entry glue) defines a C symbol of this name. */
    private static boolean runtimeSymbol(String name) {
        return name.startsWith("trt_") || name.startsWith("rt_") || name.startsWith("_Unwind_") || name.startsWith("__")
                || java.util.Set.of("_start", "t_entry", "main", "memcpy", "memmove", "memset", "memcmp", "fmod", "fmodf", "floor", "floorf",
                        "ceil", "ceilf", "trunc", "truncf", "round", "roundf", "fmin", "fminf", "fmax", "fmaxf").contains(name);
    }

    private void externTypeError(Span span, Type t, String what, String kind) {
        if (t == Type.ERROR) return;
        diags.error(ErrorCode.E1111, span, "`" + show(t) + "` cannot be a " + kind + " of " + what,
                "note: between T and C only integers, floats, `bool`, raw pointers (`*T`, `*mut T`) and `()` pass",
                t == Type.STRING ? "help: C strings are `*u8` pointers to NUL-terminated bytes"
                        : t == Type.CHAR ? "help: pass the code point as a `u32`" : "help: pass a raw pointer to the value instead");
    }

    private static boolean cType(Type t, boolean result) {
        return t instanceof Type.Int || t instanceof Type.Float || t instanceof Type.Ptr || t == Type.BOOL
                || t == Type.ERROR || (result && (t == Type.UNIT || t == Type.NEVER));
    }

    /**
     * A function's signature. {@code outer} are the type parameters of its impl or trait,
     * already in scope; its own are declared here and, for the body, stay recorded in the
     * symbol's typeParams.
     */
    private Symbol.Function signature(Item.Fn fn, Type owner, List<Type.Param> outer, Type.TraitDef trait, TraitEnv.Impl impl) {
        Map<String, Type.Param> saved = new HashMap<>(typeParamScope);
        List<Type.Param> all = new ArrayList<>(outer);
        all.addAll(declareTypeParams(fn.generics()));
        List<Type> paramTypes = new ArrayList<>();
        for (Item.Param p : fn.params()) {
            if (p.type() instanceof TypeExpr.Ref r && !(r.inner() instanceof TypeExpr.Ref)) {
                Type inner = r.inner() instanceof TypeExpr.Dyn d ? resolveDyn(d) : resolveType(r.inner());
                paramTypes.add(inner == Type.ERROR ? Type.ERROR : new Type.Ref(inner, r.mutable()));
            } else {
                paramTypes.add(resolveType(p.type()));
            }
        }
        Type result = fn.returnType() == null ? Type.UNIT : resolveType(fn.returnType());
        typeParamScope.clear();
        typeParamScope.putAll(saved);
        return new Symbol.Function(fn.name(), List.copyOf(all), List.copyOf(paramTypes), result, fn, owner, trait, impl);
    }

    /** A constant waiting to be evaluated, with the type that owns it (for `Self`) or null. */
    private record PendingConst(Item.Const decl, Type owner) {}

    /** Every `const` and `static` by key (`NAME` or `Type::NAME`), found before any is evaluated. */
    private final Map<String, PendingConst> pendingConsts = new LinkedHashMap<>();
    private final java.util.Set<String> constsDone = new java.util.HashSet<>();
    private final java.util.Set<String> constsActive = new java.util.LinkedHashSet<>();

    /**
     * Finds the constants before struct fields and signatures are resolved, so that an
     * array length (`[f64; N]`) can evaluate the constant it names on first use.
     */
    private void collectConstants() {
        List<PendingConst> pending = new ArrayList<>();
        for (Item item : module.items()) {
            if (item instanceof Item.Const c) pending.add(new PendingConst(c, null));
            if (item instanceof Item.Impl impl) {
                Type owner = resolveTypeQuietly(impl.selfType());
                if (owner != null) for (Item.Const c : impl.consts()) pending.add(new PendingConst(c, owner));
            }
        }
        for (PendingConst pc : pending) {
            String key = constKey(pc.owner(), pc.decl().name());
            if (pendingConsts.containsKey(key)) {
                diags.error(ErrorCode.E0428, pc.decl().nameSpan(), "the name `" + pc.decl().name() + "` is defined multiple times");
                continue;
            }
            pendingConsts.put(key, pc);
        }
    }

    /**
     * Checks and evaluates every `const` and `static`, each after the constants its value
     * mentions (found by a scan of its expression), so that a constant's value is known
     * wherever it is used; a cycle is an error.
     */
    private void evaluateConstants() {
        for (PendingConst pc : List.copyOf(pendingConsts.values())) {
            if (pc.owner() == null && functions.containsKey(pc.decl().name())) {
                diags.error(ErrorCode.E0428, pc.decl().nameSpan(), "the name `" + pc.decl().name() + "` is defined multiple times");
                pendingConsts.remove(pc.decl().name());
            }
        }
        for (String key : List.copyOf(pendingConsts.keySet())) evaluateConstant(key, pendingConsts, constsDone, constsActive);
    }

    private static String constKey(Type owner, String name) {
        return owner == null ? name : owner.display() + "::" + name;
    }

    private void evaluateConstant(String key, Map<String, PendingConst> byName, java.util.Set<String> done, java.util.Set<String> active) {
        if (done.contains(key)) return;
        PendingConst pc = byName.get(key);
        if (active.contains(key)) {
            diags.error(ErrorCode.E0391, pc.decl().nameSpan(), "cycle detected when evaluating constant `" + pc.decl().name() + "`",
                    "note: the cycle is " + String.join(" -> ", active) + " -> " + key);
            done.add(key);
            register(pc, Type.ERROR, null);
            return;
        }
        active.add(key);
        for (String dep : mentionedConstants(pc.decl().value(), pc.owner())) {
            if (byName.containsKey(dep)) evaluateConstant(dep, byName, done, active);
        }
        active.remove(key);
        if (done.contains(key)) return;
        done.add(key);
        currentSelf = pc.owner();
        Type type = resolveType(pc.decl().type());
        // Check the value as the body of a function of no parameters returning the type.
        scopes.clear();
        loops.clear();
        nextLocal = 0;
        infer = new Inference();
        functionExprs.clear();
        functionLocals.clear();
        deferred.clear();
        errorsBeforeFunction = diags.errorCount();
        returnType = type;
        scopes.push(new HashMap<>());
        expect(pc.decl().value(), type);
        scopes.pop();
        settleFunction();
        Object value = null;
        if (diags.errorCount() == errorsBeforeFunction) {
            value = new ConstEvaluator(types, resolutions, diags).evaluate(pc.decl().value());
        }
        register(pc, type, value);
        currentSelf = null;
    }

    private void register(PendingConst pc, Type type, Object value) {
        Symbol.Constant c = new Symbol.Constant(value, type);
        if (pc.owner() == null) consts.put(pc.decl().name(), c);
        else assocConsts.computeIfAbsent(defKey(pc.owner()), k -> new LinkedHashMap<>()).put(pc.decl().name(), c);
    }

    /** The keys of the constants an expression names (syntactically; resolution comes later). */
    private java.util.Set<String> mentionedConstants(Expr e, Type owner) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        scanPaths(e, p -> {
            if (p.segments().size() == 1) out.add(p.segments().get(0));
            else if (p.segments().size() == 2) {
                String first = p.segments().get(0);
                Type t = first.equals("Self") ? owner : nominal(first);
                if (t != null) out.add(t.display() + "::" + p.segments().get(1));
            }
        });
        return out;
    }

    private static void scanPaths(Expr e, java.util.function.Consumer<Expr.Path> sink) {
        switch (e) {
            case Expr.Path p -> sink.accept(p);
            case Expr.Unary u -> scanPaths(u.operand(), sink);
            case Expr.Binary b -> { scanPaths(b.left(), sink); scanPaths(b.right(), sink); }
            case Expr.Cast c -> scanPaths(c.operand(), sink);
            case Expr.If i -> {
                scanPaths(i.cond(), sink);
                scanPaths(i.then(), sink);
                if (i.otherwise() != null) scanPaths(i.otherwise(), sink);
            }
            case Expr.Block b -> { if (b.tail() != null) scanPaths(b.tail(), sink); }
            case Expr.Tuple t -> t.elements().forEach(x -> scanPaths(x, sink));
            default -> {}
        }
    }

    /** Resolves a type without reporting (the impl's own declaration reports problems). */
    private Type resolveTypeQuietly(TypeExpr t) {
        if (t instanceof TypeExpr.Named n && n.segments().size() == 1) {
            Object def = nominalDef(n.segments().get(0));
            if (def instanceof Type.StructDef sd) return sd.self();
            if (def instanceof Type.EnumDef ed) return ed.self();
        }
        return null;
    }

    /** The struct or enum declaration with this name, or null. */
    private Object nominalDef(String name) {
        Object d = structs.get(name);
        return d != null ? d : enums.get(name);
    }

    /**
     * A struct or enum by name, or `Self` inside an impl; null if there is none. A generic
     * one gets fresh inference variables for its arguments inside a function body (they
     * are inferred from the use), its own parameters elsewhere.
     */
    private Type nominal(String name) {
        if (name.equals("Self")) return currentSelf;
        Object def = nominalDef(name);
        if (def == null && name.equals("String")) return Type.STRING; // `String::new()`
        if (def instanceof Type.StructDef sd) return sd.params.isEmpty() || !inBody() ? sd.self() : new Type.Struct(sd, freshArgs(sd.params.size()));
        if (def instanceof Type.EnumDef ed) return ed.params.isEmpty() || !inBody() ? ed.self() : new Type.Enum(ed, freshArgs(ed.params.size()));
        return null;
    }

    private boolean inBody() { return !scopes.isEmpty(); }

    private List<Type> freshArgs(int n) {
        List<Type> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(infer.fresh(Type.VarKind.ANY));
        return List.copyOf(out);
    }

    /** The key under which a type's methods and associated constants are filed: its declaration. */
    private static Object defKey(Type t) {
        if (t instanceof Type.Struct s) return s.def();
        if (t instanceof Type.Enum e) return e.def();
        return t;
    }

    private Map<String, Symbol.Function> inherentMethods(Type t) {
        return methods.getOrDefault(defKey(t), Map.of());
    }

    private void declareEnum(Item.Enum en) {
        if (structs.containsKey(en.name()) || enums.containsKey(en.name()) || primitive(en.name()) != null) {
            diags.error(ErrorCode.E0428, en.nameSpan(), "the name `" + en.name() + "` is defined multiple times");
            return;
        }
        enums.put(en.name(), new Type.EnumDef(en.name(), en, en.generics().params().stream().map(tp -> new Type.Param(tp.name())).toList()));
    }

    /** Puts a declaration's own parameters in scope (they were created when it was declared) and resolves their bounds. */
    private void enterParams(List<Type.Param> params, Item.Generics g) {
        typeParamScope.clear();
        for (Type.Param p : params) typeParamScope.put(p.name, p);
        for (Item.TypeParam tp : g.params()) {
            Type.Param p = typeParamScope.get(tp.name());
            List<Type.Bound> bounds = new ArrayList<>();
            for (TypeExpr b : tp.bounds()) {
                Type.Bound bound = resolveBound(b, p);
                if (bound != null) bounds.add(bound);
            }
            p.setBounds(bounds);
        }
    }

    private void defineEnum(Item.Enum en) {
        Type.EnumDef type = enums.get(en.name());
        if (type == null || type.decl != en) return;
        enterParams(type.params, en.generics());
        List<Type.Variant> variants = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Item.Variant v : en.variants()) {
            if (!seen.add(v.name())) {
                diags.error(ErrorCode.E0428, v.nameSpan(), "the variant `" + v.name() + "` is defined multiple times");
                continue;
            }
            List<String> names = new ArrayList<>();
            List<Type> fieldTypes = new ArrayList<>();
            for (Item.FieldDecl f : v.fields()) {
                if (names.contains(f.name())) {
                    diags.error(ErrorCode.E0124, f.nameSpan(), "field `" + f.name() + "` is already declared");
                    continue;
                }
                names.add(f.name());
                fieldTypes.add(resolveType(f.type()));
            }
            variants.add(new Type.Variant(v.name(), v.shape(), List.copyOf(names), List.copyOf(fieldTypes)));
        }
        type.setVariants(variants);
        typeParamScope.clear();
    }

    private void declareStruct(Item.Struct st) {
        if (structs.containsKey(st.name()) || primitive(st.name()) != null) {
            diags.error(ErrorCode.E0428, st.nameSpan(), "the name `" + st.name() + "` is defined multiple times");
            return;
        }
        structs.put(st.name(), new Type.StructDef(st.name(), st, st.generics().params().stream().map(tp -> new Type.Param(tp.name())).toList()));
    }

    private void defineStruct(Item.Struct st) {
        Type.StructDef type = structs.get(st.name());
        if (type == null || type.decl != st) return;
        enterParams(type.params, st.generics());
        List<String> names = new ArrayList<>();
        List<Type> fieldTypes = new ArrayList<>();
        for (Item.FieldDecl f : st.fields()) {
            if (names.contains(f.name())) {
                diags.error(ErrorCode.E0124, f.nameSpan(), "field `" + f.name() + "` is already declared");
                continue;
            }
            names.add(f.name());
            fieldTypes.add(resolveType(f.type()));
        }
        type.setFields(names, fieldTypes);
        typeParamScope.clear();
    }

    /** A struct that contains itself by value would have infinite size. */
    private void checkStructsAreFinite() {
        for (Type.StructDef d : structs.values()) {
            if (d.isClass()) continue; // its fields live in the object, behind the reference
            boolean found = false;
            java.util.Set<Object> seen = new java.util.HashSet<>();
            seen.add(d.self());
            for (Type f : d.self().fieldTypes()) found |= defKey(f) == d || contains(f, d, seen);
            if (found) {
                diags.error(ErrorCode.E0072, d.decl.nameSpan(), "recursive type `" + d.name + "` has infinite size",
                        "help: values of a struct contain their fields, so a struct cannot contain itself; make it a `class` (a reference type) or hold the recursive part in a class");
            }
        }
        for (Type.EnumDef d : enums.values()) {
            if (contains(d.self(), d, new java.util.HashSet<>())) {
                diags.error(ErrorCode.E0072, d.decl.nameSpan(), "recursive type `" + d.name + "` has infinite size",
                        "help: an enum's value contains its variants' fields, so it cannot contain itself; hold the recursive part in a `class` (a reference type)");
            }
        }
    }

    /** Whether a value of type {@code t} contains (by value) a value of the declaration {@code target}. */
    private boolean contains(Type t, Object target, java.util.Set<Object> seen) {
        // A class value is a reference: the object's fields are not part of it.
        if (t instanceof Type.Struct s && s.def().isClass()) return false;
        return switch (t) {
            case Type.Struct s -> {
                boolean found = false;
                if (seen.add(s)) for (Type f : s.fieldTypes()) found |= defKey(f) == target || contains(f, target, seen);
                yield found;
            }
            case Type.Enum e -> {
                boolean found = false;
                if (seen.add(e)) for (Type.Variant v : e.variants()) for (Type f : v.fieldTypes()) found |= defKey(f) == target || contains(f, target, seen);
                yield found;
            }
            case Type.Tuple tu -> tu.elements().stream().anyMatch(e -> defKey(e) == target || contains(e, target, seen));
            case Type.Array a -> defKey(a.element()) == target || contains(a.element(), target, seen);
            default -> false;
        };
    }

    // ---- generics and traits ------------------------------------------------------

    /**
     * Creates the parameters of {@code g}, puts them in scope (they stay in scope until the
     * caller restores {@link #typeParamScope}), then resolves their bounds and the `where`
     * clause (bounds may mention any of the parameters).
     */
    private List<Type.Param> declareTypeParams(Item.Generics g) {
        List<Type.Param> params = new ArrayList<>();
        for (Item.TypeParam tp : g.params()) {
            if (params.stream().anyMatch(p -> p.name.equals(tp.name()))) {
                diags.error(ErrorCode.E0403, tp.span(), "the name `" + tp.name() + "` is already used for a type parameter in this list");
                continue;
            }
            Type.Param p = new Type.Param(tp.name());
            params.add(p);
            typeParamScope.put(tp.name(), p);
        }
        for (Item.TypeParam tp : g.params()) {
            Type.Param p = typeParamScope.get(tp.name());
            List<Type.Bound> bounds = new ArrayList<>(p.bounds());
            for (TypeExpr b : tp.bounds()) {
                Type.Bound bound = resolveBound(b, p);
                if (bound != null) bounds.add(bound);
            }
            p.setBounds(bounds);
        }
        for (Item.WherePredicate w : g.where()) {
            Type subject = resolveType(w.subject());
            if (!(subject instanceof Type.Param p) || !params.contains(p) && !typeParamScope.containsValue(p)) {
                if (subject != Type.ERROR) {
                    diags.error(ErrorCode.E1105, w.subject().span(), "`where` clauses may only bound type parameters so far",
                            "help: bound a parameter: `where T: Trait`");
                }
                continue;
            }
            List<Type.Bound> bounds = new ArrayList<>(p.bounds());
            for (TypeExpr b : w.bounds()) {
                Type.Bound bound = resolveBound(b, p);
                if (bound != null) bounds.add(bound);
            }
            p.setBounds(bounds);
        }
        return List.copyOf(params);
    }

    /** `Trait`, `Trait<A>` or `Trait<Name = T>` as a bound on {@code subject}; null after reporting. */
    /**
     * `dyn Trait` (behind `&` in a parameter type). Every method of the trait must be
     * callable through a vtable: a `&self` or `&mut self` receiver, no type parameters of
     * its own, and `Self` nowhere else in its signature.
     */
    private Type resolveDyn(TypeExpr.Dyn d) {
        Type.Bound b = resolveBound(d.trait(), null);
        if (b == null) return Type.ERROR;
        for (Type.Bound t : traits.withSupertraits(b, b.trait().self)) {
            for (Symbol.Function f : traits.methods(t.trait()).values()) {
                String why = null;
                if (f.decl().self() == null) why = "`" + f.name() + "` has no `self` receiver";
                else if (!f.decl().self().byReference()) why = "`" + f.name() + "` takes `self` by value";
                else if (!f.decl().generics().params().isEmpty()) why = "`" + f.name() + "` has type parameters";
                else if (f.params().stream().anyMatch(p -> Types.any(p, x -> x == t.trait().self)) || Types.any(f.result(), x -> x == t.trait().self)) {
                    why = "`" + f.name() + "` mentions `Self` in its signature";
                }
                if (why != null) {
                    diags.error(ErrorCode.E0038, d.span(), "the trait `" + b.trait().name + "` cannot be made into an object",
                            "note: " + why + ", so it cannot be called through a vtable",
                            "help: take a generic parameter instead: `fn f<T: " + b.trait().name + ">(x: &T)`");
                    return Type.ERROR;
                }
            }
        }
        return new Type.Dyn(b);
    }

    private Type.Bound resolveBound(TypeExpr b, Type subject) {
        if (!(b instanceof TypeExpr.Named n) || n.segments().size() != 1) {
            diags.error(ErrorCode.E0404, b.span(), "expected a trait, found `" + b.span().text() + "`");
            return null;
        }
        Type.TraitDef trait = traits.trait(n.segments().get(0));
        if (trait == null) {
            Object def = nominalDef(n.joined());
            if (def != null || primitive(n.joined()) != null) {
                diags.error(ErrorCode.E0404, b.span(), "expected a trait, found type `" + n.joined() + "`", "note: a bound names a trait the type must implement");
            } else {
                diags.error(ErrorCode.E0405, b.span(), "cannot find trait `" + n.joined() + "` in this scope",
                        Suggestions.closest(n.joined(), traits.traits().stream().map(t -> t.name).toList())
                                .map(x -> "help: a trait with a similar name exists: `" + x + "`").orElse("note: traits are declared with `trait " + n.joined() + " { ... }`"));
            }
            return null;
        }
        List<Type> args = traitArgs(trait, n, subject);
        if (args == null) return null;
        Map<String, Type> bindings = new LinkedHashMap<>();
        for (TypeExpr.Binding bind : n.bindings()) {
            if (!trait.assocTypes().contains(bind.name())) {
                diags.error(ErrorCode.E0220, bind.nameSpan(), "associated type `" + bind.name() + "` not found for `" + trait.name + "`",
                        trait.assocTypes().isEmpty() ? "note: `" + trait.name + "` has no associated types" : "note: its associated types are: " + String.join(", ", trait.assocTypes()));
                continue;
            }
            bindings.put(bind.name(), resolveType(bind.type()));
        }
        return new Type.Bound(trait, args, Map.copyOf(bindings));
    }

    /** The arguments written for a trait's parameters, defaults filled in; null after reporting. */
    private List<Type> traitArgs(Type.TraitDef trait, TypeExpr.Named n, Type self) {
        List<Type> args = new ArrayList<>();
        for (TypeExpr a : n.args()) args.add(resolveType(a));
        if (args.size() > trait.params.size()) {
            diags.error(ErrorCode.E0107, n.span(), "trait `" + trait.name + "` takes " + count(trait.params.size(), "type argument") + " but " + args.size() + " were given");
            return null;
        }
        for (int i = args.size(); i < trait.params.size(); i++) {
            Type d = i < trait.defaults().size() ? trait.defaults().get(i) : null;
            if (d == null) {
                diags.error(ErrorCode.E0107, n.span(), "missing type argument for trait `" + trait.name + "`: `" + trait.params.get(i).name + "`");
                return null;
            }
            Map<Type.Param, Type> m = Types.bind(trait.params, args);
            m.put(trait.self, self);
            args.add(Types.subst(d, m));
        }
        return List.copyOf(args);
    }

    private void declareTrait(Item.Trait tr) {
        if (traits.trait(tr.name()) != null || nominalDef(tr.name()) != null) {
            diags.error(ErrorCode.E0428, tr.nameSpan(), "the name `" + tr.name() + "` is defined multiple times");
            return;
        }
        List<Type.Param> params = tr.generics().params().stream().map(tp -> new Type.Param(tp.name())).toList();
        Type.TraitDef def = new Type.TraitDef(tr.name(), tr, new Type.Param("Self"), params);
        def.setAssocTypes(tr.types().stream().map(Item.TypeParam::name).toList());
        traits.declareTrait(def);
    }

    /** Supertraits, parameter defaults, and the signatures of the trait's methods. */
    private void defineTrait(Item.Trait tr) {
        Type.TraitDef def = traits.trait(tr.name());
        if (def == null || def.decl != tr) return;
        Map<String, Type.Param> saved = new HashMap<>(typeParamScope);
        currentSelf = def.self;
        currentTrait = def;
        for (Type.Param p : def.params) typeParamScope.put(p.name, p);
        List<Type> defaults = new ArrayList<>();
        for (Item.TypeParam tp : tr.generics().params()) {
            // `trait Add<Rhs = Self>`: a bound that omits the argument gets the default.
            defaults.add(tp.defaultType() == null ? null : resolveType(tp.defaultType()));
        }
        def.setDefaults(defaults);
        List<Type.Bound> supers = new ArrayList<>();
        for (TypeExpr s : tr.supertraits()) {
            Type.Bound b = resolveBound(s, def.self);
            if (b != null) supers.add(b);
        }
        def.setSupertraits(supers);
        // Inside the trait, `Self` implements it (and its supertraits).
        List<Type.Bound> selfBounds = new ArrayList<>();
        selfBounds.add(new Type.Bound(def, List.copyOf(def.params), Map.of()));
        selfBounds.addAll(supers);
        def.self.setBounds(selfBounds);
        Map<String, Symbol.Function> table = traits.methods(def);
        List<Type.Param> outer = new ArrayList<>();
        outer.add(def.self);
        outer.addAll(def.params);
        for (Item.Fn fn : tr.methods()) {
            if (table.containsKey(fn.name())) {
                diags.error(ErrorCode.E0428, fn.nameSpan(), "duplicate definitions with name `" + fn.name() + "`");
                continue;
            }
            Symbol.Function f = signature(fn, def.self, outer, def, null);
            table.put(fn.name(), f);
            if (fn.hasBody()) allFunctions.add(f);
        }
        typeParamScope.clear();
        typeParamScope.putAll(saved);
        currentSelf = null;
        currentTrait = null;
    }

    private void declareImpl(Item.Impl impl) {
        Map<String, Type.Param> saved = new HashMap<>(typeParamScope);
        try {
            List<Type.Param> params = declareTypeParams(impl.generics());
            Type self = resolveType(impl.selfType());
            if (self == Type.ERROR) return;
            if (impl.trait() != null) {
                declareTraitImpl(impl, params, self);
                return;
            }
            // The standard library's own methods of `String` are written in T, in the prelude.
            boolean stdString = self == Type.STRING && impl.selfType().span().file() == tlang.frontend.Prelude.source();
            if (!(self instanceof Type.Struct) && !(self instanceof Type.Enum) && !stdString) {
                diags.error(ErrorCode.E0116, impl.selfType().span(), "`impl` blocks are for the structs and enums of this program, not for `" + self.display() + "`",
                        "help: to add methods to a type of another module, declare a trait and implement it: `impl MyTrait for " + self.display() + " { ... }`");
                return;
            }
            currentSelf = self;
            TraitEnv.Impl info = new TraitEnv.Impl(null, params, self, List.of(), new LinkedHashMap<>(), Map.of(), impl);
            Map<String, Symbol.Function> table = methods.computeIfAbsent(defKey(self), k -> new LinkedHashMap<>());
            for (Item.Fn fn : impl.functions()) {
                if (table.containsKey(fn.name())) {
                    diags.error(ErrorCode.E0428, fn.nameSpan(), "duplicate definitions with name `" + fn.name() + "`",
                            "note: `" + self.display() + "::" + fn.name() + "` is first defined at line " + table.get(fn.name()).decl().nameSpan().line());
                    continue;
                }
                if (!fn.hasBody()) {
                    diags.error(ErrorCode.E1004, fn.span(), "a function in an `impl` needs a body");
                    continue;
                }
                Symbol.Function f = signature(fn, self, params, null, info);
                table.put(fn.name(), f);
                info.methods().put(fn.name(), f);
                allFunctions.add(f);
            }
        } finally {
            typeParamScope.clear();
            typeParamScope.putAll(saved);
            currentSelf = null;
        }
    }

    /**
     * A blanket impl (`impl<I: Iterator> IntoIterator for I`) does not overlap an impl for
     * a type that has no impl of one of the blanket parameter's bounds: `Vec<T>` may have
     * its own `IntoIterator`, since no `Iterator for Vec<T>` exists.
     */
    private boolean blanketExcludes(TraitEnv.Impl blanket, Type self) {
        if (!(blanket.self() instanceof Type.Param p) || self instanceof Type.Param) return false;
        for (Type.Bound b : p.bounds()) {
            boolean any = false;
            for (TraitEnv.Impl i : traits.implsOf(b.trait())) any |= TraitEnv.match(i.self(), self, new HashMap<>(), i.params());
            if (!any) return true;
        }
        return false;
    }

    private void declareTraitImpl(Item.Impl impl, List<Type.Param> params, Type self) {
        TypeExpr.Named tn = impl.trait() instanceof TypeExpr.Named n && n.segments().size() == 1 ? n : null;
        Type.TraitDef trait = tn == null ? null : traits.trait(tn.segments().get(0));
        if (trait == null) {
            if (tn != null && nominalDef(tn.joined()) != null) {
                diags.error(ErrorCode.E0404, impl.trait().span(), "expected a trait, found type `" + tn.joined() + "`",
                        "help: to add methods to `" + tn.joined() + "` itself, write `impl " + tn.joined() + " { ... }`");
            } else {
                diags.error(ErrorCode.E0405, impl.trait().span(), "cannot find trait `" + impl.trait().span().text() + "` in this scope",
                        Suggestions.closest(impl.trait().span().text(), traits.traits().stream().map(t -> t.name).toList())
                                .map(x -> "help: a trait with a similar name exists: `" + x + "`").orElse("note: traits are declared with `trait Name { ... }`"));
            }
            return;
        }
        if (trait.name.equals(TraitEnv.CLASS) && trait == traits.trait(TraitEnv.CLASS)) {
            diags.error(ErrorCode.E1109, impl.trait().span(), "`Class` cannot be implemented: every `class` has it, and no other type",
                    "help: declare the type with `class` instead of `struct`");
            return;
        }
        if (trait.name.equals(TraitEnv.DROP) && trait == traits.trait(TraitEnv.DROP)
                && !(self instanceof Type.Struct st && st.def().isClass())) {
            diags.error(ErrorCode.E1109, impl.selfType().span(), "`Drop` can only be implemented for a `class`, not for `" + self.display() + "`",
                    "note: a struct or enum is a value and every copy of it would be dropped; a class object is dropped once, when its last reference goes away",
                    "help: declare it `class " + self.display() + " { ... }`");
            return;
        }
        List<Type> args = traitArgs(trait, tn, self);
        if (args == null) return;
        for (TraitEnv.Impl other : traits.implsOf(trait)) {
            Map<Type.Param, Type> m = new HashMap<>();
            if (blanketExcludes(other, self)) continue;
            if (TraitEnv.match(other.self(), self, m, other.params()) && other.traitArgs().equals(args)
                    || TraitEnv.match(self, other.self(), new HashMap<>(), params) && other.traitArgs().equals(args)) {
                diags.error(ErrorCode.E0119, impl.selfType().span(), "conflicting implementations of trait `" + trait.name + "` for type `" + self.display() + "`",
                        "note: the first implementation is at line " + other.decl().span().line());
                return;
            }
        }
        currentSelf = self;
        Map<String, Type> assoc = new LinkedHashMap<>();
        for (Item.TypeAlias ta : impl.types()) {
            if (!trait.assocTypes().contains(ta.name())) {
                diags.error(ErrorCode.E0437, ta.nameSpan(), "type `" + ta.name() + "` is not a member of trait `" + trait.name + "`");
                continue;
            }
            assoc.put(ta.name(), resolveType(ta.type()));
        }
        TraitEnv.Impl info = new TraitEnv.Impl(trait, params, self, args, new LinkedHashMap<>(), Map.copyOf(assoc), impl);
        currentImpl = info;
        Map<String, Symbol.Function> required = traits.methods(trait);
        for (Item.Fn fn : impl.functions()) {
            if (!required.containsKey(fn.name())) {
                diags.error(ErrorCode.E0407, fn.nameSpan(), "method `" + fn.name() + "` is not a member of trait `" + trait.name + "`",
                        Suggestions.closest(fn.name(), required.keySet()).map(x -> "help: there is a method with a similar name: `" + x + "`")
                                .orElse("note: an impl of a trait defines exactly the trait's methods; put other methods in `impl " + self.display() + " { ... }`"));
                continue;
            }
            if (info.methods().containsKey(fn.name())) {
                diags.error(ErrorCode.E0428, fn.nameSpan(), "duplicate definitions with name `" + fn.name() + "`");
                continue;
            }
            if (!fn.hasBody()) {
                diags.error(ErrorCode.E1004, fn.span(), "a function in an `impl` needs a body");
                continue;
            }
            Symbol.Function f = signature(fn, self, params, null, info);
            compareWithTrait(f, required.get(fn.name()), info);
            info.methods().put(fn.name(), f);
            allFunctions.add(f);
        }
        List<String> missing = new ArrayList<>();
        for (Symbol.Function m : required.values()) if (!m.decl().hasBody() && !info.methods().containsKey(m.name())) missing.add("`" + m.name() + "`");
        for (String a : trait.assocTypes()) if (!assoc.containsKey(a)) missing.add("`" + a + "`");
        if (!missing.isEmpty()) {
            diags.error(ErrorCode.E0046, impl.selfType().span(), "not all trait items implemented, missing: " + String.join(", ", missing),
                    "help: implement the missing items in this `impl " + trait.name + " for " + self.display() + "`");
        }
        traits.addImpl(info);
        currentImpl = null;
    }

    /** An impl's method must have the trait's signature (with `Self` and the trait's parameters filled in). */
    private void compareWithTrait(Symbol.Function f, Symbol.Function required, TraitEnv.Impl info) {
        Item.SelfParam want = required.decl().self(), have = f.decl().self();
        if ((want == null) != (have == null) || want != null && want.kind() != have.kind()) {
            diags.error(ErrorCode.E0050, f.decl().nameSpan(), "method `" + f.name() + "` has " + (have == null ? "no receiver" : "receiver `" + have.kind().spelling + "`")
                    + " but the trait declares " + (want == null ? "none" : "`" + want.kind().spelling + "`"));
            return;
        }
        if (f.params().size() != required.params().size()) {
            diags.error(ErrorCode.E0050, f.decl().nameSpan(), "method `" + f.name() + "` has " + count(f.params().size(), "parameter")
                    + " but the declaration in trait `" + required.trait().name + "` has " + required.params().size());
            return;
        }
        Map<Type.Param, Type> m = Types.bind(required.trait().params, info.traitArgs());
        m.put(required.trait().self, info.self());
        // A generic method's own parameters correspond by position (`from_iter<I>`).
        int ownRequired = required.decl().generics().params().size(), ownHere = f.decl().generics().params().size();
        if (ownRequired == ownHere) {
            List<Type.Param> r = required.typeParams(), h = f.typeParams();
            for (int k = 0; k < ownRequired; k++) m.put(r.get(r.size() - ownRequired + k), h.get(h.size() - ownHere + k));
        }
        for (int i = 0; i < f.params().size(); i++) {
            Type expected = traits.normalize(Types.subst(required.params().get(i), m));
            if (!sameShape(expected, f.params().get(i), info)) {
                diags.error(ErrorCode.E0053, f.decl().params().get(i).type().span(), "method `" + f.name() + "` has an incompatible type for trait: expected `"
                        + expected.display() + "`, found `" + f.params().get(i).display() + "`");
                return;
            }
        }
        Type result = traits.normalize(Types.subst(required.result(), m));
        if (!sameShape(result, f.result(), info)) {
            Span where = f.decl().returnType() != null ? f.decl().returnType().span() : f.decl().nameSpan();
            diags.error(ErrorCode.E0053, where, "method `" + f.name() + "` has an incompatible return type for trait: expected `"
                    + result.display() + "`, found `" + f.result().display() + "`");
        }
    }

    /** Equal, reading the impl's own associated types (`Self::Output`) as what it sets them to. */
    private boolean sameShape(Type a, Type b, TraitEnv.Impl info) {
        Type x = implAssoc(a, info), y = implAssoc(b, info);
        return x.equals(y) || x == Type.ERROR || y == Type.ERROR;
    }

    private Type implAssoc(Type t, TraitEnv.Impl info) {
        return Types.map(t, x -> x instanceof Type.Assoc as && as.trait() == info.trait() && as.base().equals(info.self()) && info.assocTypes().containsKey(as.name())
                ? info.assocTypes().get(as.name()) : null);
    }

    private Type resolveType(TypeExpr t) {
        return switch (t) {
            case TypeExpr.Unit u -> Type.UNIT;
            case TypeExpr.Never n -> Type.NEVER;
            case TypeExpr.Tuple tu -> new Type.Tuple(tu.elements().stream().map(this::resolveType).toList());
            case TypeExpr.Array a -> {
                Type element = resolveType(a.element());
                long length = arrayLength(a.length());
                yield element == Type.ERROR || length < 0 ? Type.ERROR : new Type.Array(element, length);
            }
            case TypeExpr.Ref r -> {
                resolveType(r.inner());
                diags.error(ErrorCode.E1104, r.span(), "references are allowed only as parameter types",
                        "note: `&T` and `&mut T` pass a caller's variable to a function; they cannot be stored, returned or nested",
                        "help: use the value type `" + r.inner().span().text() + "` here");
                yield Type.ERROR;
            }
            case TypeExpr.Fn f -> new Type.Fn(f.params().stream().map(this::resolveType).toList(), f.result() == null ? Type.UNIT : resolveType(f.result()));
            case TypeExpr.Ptr p -> {
                Type pointee = resolveType(p.pointee());
                yield pointee == Type.ERROR ? Type.ERROR : new Type.Ptr(pointee, p.mutable());
            }
            case TypeExpr.Dyn d -> {
                diags.error(ErrorCode.E1106, d.span(), "`dyn " + d.trait().joined() + "` is only supported behind a reference parameter so far: `x: &dyn " + d.trait().joined() + "`",
                        "note: a value of some type that implements a trait needs a pointer; owned trait objects (in fields, arrays, results) come with the heap",
                        "help: or take a generic parameter: `fn f<T: " + d.trait().joined() + ">(x: T)`");
                yield Type.ERROR;
            }
            case TypeExpr.Named n -> named(n);
        };
    }

    private Type named(TypeExpr.Named n) {
        String name = n.joined();
        if (n.segments().size() == 2) return projection(n);
        if (name.equals("_") && n.args().isEmpty()) {
            if (inBody()) return infer.fresh(Type.VarKind.ANY);
            diags.error(ErrorCode.E0121, n.span(), "the placeholder `_` is not allowed in signatures", "help: write the type");
            return Type.ERROR;
        }
        Type.Param param = typeParamScope.get(name);
        if (param != null && n.segments().size() == 1) return noArgs(n, param);
        Type prim = primitive(name);
        if (prim != null) return noArgs(n, prim);
        if (name.equals("Self")) {
            if (currentSelf == null) {
                diags.error(ErrorCode.E0411, n.span(), "`Self` is only available inside `impl` and `trait` blocks");
                return Type.ERROR;
            }
            return noArgs(n, currentSelf);
        }
        if ((name.equals("Range") || name.equals("RangeInclusive")) && nominalDef(name) == null) {
            // The types of `a..b` and `a..=b`.
            if (n.args().size() != 1) {
                diags.error(ErrorCode.E0107, n.span(), "`" + name + "` takes 1 type argument but " + n.args().size() + (n.args().size() == 1 ? " was" : " were") + " given",
                        "help: write `" + name + "<i64>`");
                return Type.ERROR;
            }
            return new Type.Range(resolveType(n.args().get(0)), name.equals("RangeInclusive"));
        }
        Object def = nominalDef(name);
        if (def != null) {
            List<Type.Param> params = def instanceof Type.StructDef sd ? sd.params : ((Type.EnumDef) def).params;
            List<Type> args = new ArrayList<>();
            for (TypeExpr a : n.args()) args.add(resolveType(a));
            if (args.isEmpty() && !params.isEmpty() && inBody()) args.addAll(freshArgs(params.size())); // `let p: Pair = ...` infers them
            if (args.size() != params.size()) {
                diags.error(ErrorCode.E0107, n.span(), (def instanceof Type.StructDef ? "struct" : "enum") + " `" + name + "` takes " + count(params.size(), "type argument")
                        + " but " + args.size() + (args.size() == 1 ? " was" : " were") + " given",
                        params.isEmpty() ? "note: `" + name + "` is not generic" : "help: write `" + name + "<" + String.join(", ", params.stream().map(p -> p.name).toList()) + ">`");
                return Type.ERROR;
            }
            return def instanceof Type.StructDef sd ? new Type.Struct(sd, List.copyOf(args)) : new Type.Enum((Type.EnumDef) def, List.copyOf(args));
        }
        if (traits.trait(name) != null) {
            diags.error(ErrorCode.E0782, n.span(), "`" + name + "` is a trait, not a type",
                    "help: use a generic parameter bounded by it: `fn f<T: " + name + ">(x: T)`");
            return Type.ERROR;
        }
        List<String> known = new ArrayList<>(PRIMITIVE_NAMES);
        known.addAll(structs.keySet());
        known.addAll(enums.keySet());
        known.addAll(typeParamScope.keySet());
        diags.error(ErrorCode.E0412, n.span(), "cannot find type `" + name + "` in this scope",
                Suggestions.closest(name, known)
                        .map(s -> "help: a type with a similar name exists: `" + s + "`")
                        .orElse(typeParamScope.isEmpty() && name.length() == 1 ? "help: declare it as a type parameter: `fn f<" + name + ">(...)`"
                                : "note: the types so far are the integer and float types, `bool`, `char`, `String`, tuples, arrays, and the structs and enums of this program"));
        return Type.ERROR;
    }

    private Type noArgs(TypeExpr.Named n, Type t) {
        if (!n.args().isEmpty()) {
            diags.error(ErrorCode.E0107, n.span(), "`" + n.joined() + "` takes no type arguments");
            return Type.ERROR;
        }
        return t;
    }

    /** `T::Item`, `Self::Output`: an associated type of a trait that the base implements. */
    private Type projection(TypeExpr.Named n) {
        String baseName = n.segments().get(0), item = n.segments().get(1);
        Type base = baseName.equals("Self") ? currentSelf : typeParamScope.get(baseName);
        if (base == null) {
            diags.error(ErrorCode.E0412, n.span(), "cannot find type `" + n.joined() + "` in this scope",
                    "note: `Name::Item` paths name an associated type of a type parameter or of `Self`");
            return Type.ERROR;
        }
        // In a trait impl, `Self::Output` is the impl's own choice.
        if (baseName.equals("Self") && currentImpl != null && currentImpl.trait() != null && currentImpl.trait().assocTypes().contains(item)) {
            Type chosen = currentImpl.assocTypes().get(item);
            if (chosen != null) return chosen;
            return new Type.Assoc(base, currentImpl.trait(), currentImpl.traitArgs(), item);
        }
        List<Type.Bound> bounds = base instanceof Type.Param p ? traits.boundsOf(p) : List.of();
        for (Type.Bound b : bounds) {
            if (b.trait().assocTypes().contains(item)) return traits.normalize(new Type.Assoc(base, b.trait(), b.args(), item));
        }
        diags.error(ErrorCode.E0220, n.span(), "associated type `" + item + "` not found for `" + baseName + "`",
                bounds.isEmpty() ? "help: bound `" + baseName + "` by a trait that declares `type " + item + "`" : "note: none of the traits bounding `" + baseName + "` declares `type " + item + "`");
        return Type.ERROR;
    }

    /**
     * The value of an array length (or a repeat count): an integer literal, a constant, or
     * `+ - * /` on them. Returns -1 after reporting when it is not one.
     */
    private long arrayLength(Expr e) {
        java.math.BigInteger v = constantInteger(e);
        if (v == null) return -1;
        if (v.signum() < 0 || v.bitLength() > 40) {
            diags.error(ErrorCode.E0080, e.span(), "array length " + v + " is out of range", "note: an array length is between 0 and 2^40");
            return -1;
        }
        return v.longValue();
    }

    private java.math.BigInteger constantInteger(Expr e) {
        switch (e) {
            case Expr.IntLit lit -> { return lit.value(); }
            case Expr.Path p -> {
                String key = null;
                if (p.segments().size() == 1) key = p.segments().get(0);
                else if (p.segments().size() == 2 && nominal(p.segments().get(0)) instanceof Type owner) key = constKey(owner, p.segments().get(1));
                boolean isLocal = p.segments().size() == 1 && scopes.stream().anyMatch(sc -> sc.containsKey(p.segments().get(0)));
                if (key != null && !isLocal && pendingConsts.containsKey(key)) {
                    if (!constsDone.contains(key)) {
                        if (!constsActive.isEmpty()) {
                            diags.error(ErrorCode.E0435, p.span(), "the constant `" + p.joined() + "` is not known yet where this array length is needed",
                                    "help: write the length as a literal here");
                            return null;
                        }
                        Type savedSelf = currentSelf;
                        evaluateConstant(key, pendingConsts, constsDone, constsActive);
                        currentSelf = savedSelf;
                    }
                    PendingConst pc = pendingConsts.get(key);
                    Symbol.Constant k = pc.owner() == null ? consts.get(key) : assocConsts.getOrDefault(defKey(pc.owner()), Map.of()).get(pc.decl().name());
                    if (k == null || k.value() == null) return null; // its own error was reported
                    if (k.value() instanceof java.math.BigInteger b) return b;
                    diags.error(ErrorCode.E0308, p.span(), "mismatched types: an array length is an integer, but `" + p.joined() + "` is `" + k.type().display() + "`");
                    return null;
                }
                diags.error(ErrorCode.E0435, p.span(), "attempt to use a non-constant value in a constant",
                        "note: an array length is known at compile time: an integer literal, a `const`, or arithmetic on them");
                return null;
            }
            case Expr.Binary b when b.op() == Expr.BinaryOp.ADD || b.op() == Expr.BinaryOp.SUB || b.op() == Expr.BinaryOp.MUL || b.op() == Expr.BinaryOp.DIV -> {
                java.math.BigInteger l = constantInteger(b.left()), r = constantInteger(b.right());
                if (l == null || r == null) return null;
                if (b.op() == Expr.BinaryOp.DIV && r.signum() == 0) {
                    diags.error(ErrorCode.E0080, b.span(), "attempt to divide by zero in an array length");
                    return null;
                }
                return switch (b.op()) {
                    case ADD -> l.add(r); case SUB -> l.subtract(r); case MUL -> l.multiply(r); default -> l.divide(r);
                };
            }
            default -> {
                diags.error(ErrorCode.E0435, e.span(), "an array length must be a constant",
                        "note: an array length is known at compile time: an integer literal, a `const`, or arithmetic on them");
                return null;
            }
        }
    }

    private static final List<String> PRIMITIVE_NAMES = List.of("i8", "i16", "i32", "i64", "isize", "u8", "u16", "u32",
            "u64", "usize", "f32", "f64", "bool", "char", "String");

    private static Type primitive(String name) {
        switch (name) {
            case "bool": return Type.BOOL;
            case "char": return Type.CHAR;
            case "String": return Type.STRING;
            default:
                Type t = Type.Int.byName(name).orElse(null);
                return t != null ? t : Type.Float.byName(name).orElse(null);
        }
    }

    private void checkFunction(Symbol.Function sig) {
        Item.Fn fn = sig.decl();
        currentFunction = sig;
        closureFrames.clear();
        scopes.clear();
        loops.clear();
        nextLocal = 0;
        infer = new Inference();
        functionExprs.clear();
        functionLocals.clear();
        deferred.clear();
        errorsBeforeFunction = diags.errorCount();
        currentFunctionSpan = fn.nameSpan();
        infer.setNormalizer(traits::normalize);
        returnType = sig.result();
        Map<String, Symbol.Local> paramScope = new HashMap<>();
        List<Symbol.Local> locals = new ArrayList<>();
        if (fn.self() != null) {
            Item.SelfParam.Kind k = fn.self().kind();
            boolean mutable = k == Item.SelfParam.Kind.MUT_VALUE || k == Item.SelfParam.Kind.REF_MUT;
            Symbol.Local self = new Symbol.Local(nextLocal++, "self", sig.owner(), mutable, true, fn.self().span(), fn.self().byReference());
            functionLocals.add(self);
            paramScope.put("self", self);
            locals.add(self);
        }
        for (int i = 0; i < fn.params().size(); i++) {
            Item.Param p = fn.params().get(i);
            Type declared = sig.params().get(i);
            // A reference parameter is a place of the referenced type at the caller's address.
            Symbol.Local local = declared instanceof Type.Ref ref
                    ? new Symbol.Local(nextLocal++, p.name(), ref.inner(), ref.mutable(), true, p.nameSpan(), true)
                    : new Symbol.Local(nextLocal++, p.name(), declared, p.mutable(), true, p.nameSpan());
            functionLocals.add(local);
            if (paramScope.put(p.name(), local) != null) {
                diags.error(ErrorCode.E0415, p.nameSpan(), "identifier `" + p.name() + "` is bound more than once in this parameter list");
            }
            locals.add(local);
        }
        params.put(fn, List.copyOf(locals));
        scopes.push(paramScope);
        Type body = check(fn.body(), returnType);
        if (!coerces(body, returnType)) {
            Span where = fn.returnType() != null ? fn.returnType().span() : fn.nameSpan();
            if (body == Type.UNIT && fn.body().tail() == null) {
                diags.error(ErrorCode.E0308, where, "mismatched types: expected `" + returnType.display() + "`, found `()`",
                        "note: the body of `" + fn.name() + "` has no tail expression or `return`, so it implicitly returns `()`");
            } else {
                diags.error(ErrorCode.E0308, fn.body().tail() != null ? fn.body().tail().span() : where,
                        "mismatched types: expected `" + returnType.display() + "`, found `" + show(body) + "`");
            }
        }
        scopes.pop();
        settleFunction();
        currentFunction = null;
    }

    /** Results of closures whose bodies never return: `()` if nothing else decided them. */
    private final List<Type> neverResults = new ArrayList<>();

    /** Defaults unconstrained literals, replaces every type by its solution, runs deferred checks. */
    private void settleFunction() {
        for (Type r : neverResults) if (resolved(r) instanceof Type.Var) infer.unify(r, Type.UNIT);
        neverResults.clear();
        infer.defaultAll();
        bindAssociatedTypes();
        for (Type[] failed : infer.retryPending()) {
            if (diags.errorCount() == errorsBeforeFunction) {
                diags.error(ErrorCode.E0308, currentFunctionSpan, "mismatched types: expected `" + failed[0].display() + "`, found `" + failed[1].display() + "`",
                        "note: found while resolving associated types in this function");
            }
        }
        infer.defaultAll();
        boolean reported = false;
        for (Expr e : functionExprs) {
            Type t = infer.deepResolve(types.get(e));
            types.put(e, t);
            if (!reported && diags.errorCount() == errorsBeforeFunction && Types.any(t, x -> x instanceof Type.Var)) {
                // Nothing decided a type parameter of a generic call (`None` never used, say).
                diags.error(ErrorCode.E0282, e.span(), "type annotations needed: cannot infer the type `" + t.display() + "`",
                        "help: give the variable a type (`let x: Option<i64> = None;`) or the call type arguments (`f::<i64>()`)");
                reported = true;
            }
        }
        for (Symbol.Local l : functionLocals) l.settle(infer.deepResolve(l.type()));
        fnCoercions.replaceAll((e, c) -> Types.any(c, x -> x instanceof Type.Var) ? (Type.Closure) infer.deepResolve(c) : c);
        for (Expr e : functionInstantiations) instantiations.put(e, instantiations.get(e).stream().map(infer::deepResolve).toList());
        for (Expr.Path p : functionPaths) {
            if (resolutions.get(p) instanceof Symbol s) resolutions.put(p, settled(s));
        }
        for (Pattern p : functionPatterns) {
            if (patternTargets.get(p) instanceof Symbol s) patternTargets.put(p, settled(s));
        }
        for (Obligation o : obligations) checkObligation(o);
        // Obligations can decide the last parameters (`B` of `map` from `F: Fn(..) -> B`);
        // one still open now would reach code generation without a type.
        for (Expr e : functionInstantiations) {
            List<Type> args = instantiations.get(e).stream().map(infer::deepResolve).toList();
            instantiations.put(e, args);
            if (!reported && diags.errorCount() == errorsBeforeFunction && args.stream().anyMatch(a -> Types.any(a, x -> x instanceof Type.Var))) {
                diags.error(ErrorCode.E0282, e.span(), "type annotations needed: cannot infer the type arguments of this call",
                        "help: give them: `f::<i64>(...)`, or give the arguments types");
                reported = true;
            }
        }
        for (Runnable r : List.copyOf(deferred)) r.run();
        deferred.clear();
        functionInstantiations.clear();
        functionPaths.clear();
        functionPatterns.clear();
        obligations.clear();
    }

    private void noteResolution(Expr.Path p, Symbol s) {
        resolutions.put(p, s);
        functionPaths.add(p);
    }

    private void notePattern(Pattern p, Symbol s) {
        patternTargets.put(p, s);
        functionPatterns.add(p);
    }

    private Symbol settled(Symbol s) {
        return switch (s) {
            case Symbol.VariantCtor v -> new Symbol.VariantCtor((Type.Enum) infer.deepResolve(v.type()), v.index());
            case Symbol.StructCtor c -> new Symbol.StructCtor((Type.Struct) infer.deepResolve(c.type()));
            default -> s;
        };
    }

    /** Nodes of the current function whose facts mention inference variables, settled at its end. */
    private final List<Expr> functionInstantiations = new ArrayList<>();
    private final List<Expr.Path> functionPaths = new ArrayList<>();
    private final List<Pattern> functionPatterns = new ArrayList<>();
    private Span currentFunctionSpan;

    /**
     * A type parameter fixed only by another's bound — `T` in `fn f<T, I: Iterator<Item = T>>`
     * called with a `Range<i64>` — takes the associated type of what the other became,
     * before the function's types are settled (the obligations are checked after).
     */
    private void bindAssociatedTypes() {
        for (Obligation o : obligations) {
            if (o.bound().bindings().isEmpty() || o.bound().trait() == fnTrait()) continue;
            Type t = infer.deepResolve(o.type());
            if (Types.any(t, x -> x instanceof Type.Var || x == Type.ERROR)) continue;
            List<Type> args = o.bound().args().stream().map(infer::deepResolve).toList();
            if (!traits.implementsTrait(t, o.bound().trait(), args)) continue;
            for (Map.Entry<String, Type> b : o.bound().bindings().entrySet()) {
                Type wanted = infer.deepResolve(b.getValue());
                if (Types.any(wanted, x -> x instanceof Type.Var)) infer.unify(traits.normalize(new Type.Assoc(t, o.bound().trait(), args, b.getKey())), wanted);
            }
        }
    }

    /** `type: trait<args>` must hold once inference is done; reported at {@code span} if not. */
    private record Obligation(Span span, Type type, Type.Bound bound, String why) {}
    private final List<Obligation> obligations = new ArrayList<>();

    private void checkObligation(Obligation o) {
        Type t = infer.deepResolve(o.type());
        List<Type> args = o.bound().args().stream().map(infer::deepResolve).toList();
        if (Types.any(t, x -> x == Type.ERROR)) return;
        if (o.bound().trait() == fnTrait() && !fnBoundHolds(o, t)) return;
        if (!traits.implementsTrait(t, o.bound().trait(), args)) {
            String bound = new Type.Bound(o.bound().trait(), args, Map.of()).display();
            diags.error(ErrorCode.E0277, o.span(), "the trait bound `" + t.display() + ": " + bound + "` is not satisfied",
                    o.why() != null ? o.why() : "help: implement it: `impl " + bound + " for " + t.display() + " { ... }`");
            return;
        }
        for (Map.Entry<String, Type> b : o.bound().bindings().entrySet()) {
            Type actual = traits.normalize(new Type.Assoc(t, o.bound().trait(), args, b.getKey()));
            Type wanted = infer.deepResolve(b.getValue());
            // A closure's result left unknown by an error in its body is not news.
            boolean followOn = o.bound().trait() == fnTrait() && diags.errorCount() > errorsBeforeFunction;
            if (!infer.unify(actual, wanted) && !followOn) {
                diags.error(ErrorCode.E0271, o.span(), "type mismatch resolving `<" + t.display() + " as " + o.bound().trait().name + ">::" + b.getKey()
                        + " == " + wanted.display() + "`", "note: it is `" + infer.deepResolve(actual).display() + "`");
            }
        }
    }

    /**
     * Type arguments for one use of a generic function: {@code outerArgs} for its impl's or
     * trait's parameters (fresh variables where missing), then its own, written
     * (`f::<i64>`) or fresh. Records them for {@code use} and adds the bounds as obligations.
     */
    private List<Type> instantiate(Symbol.Function f, List<Type> outerArgs, List<TypeExpr> explicit, Expr use, Span span) {
        int own = f.decl().generics().params().size();
        int outer = f.typeParams().size() - own;
        List<Type> args = new ArrayList<>();
        for (int i = 0; i < outer; i++) args.add(i < outerArgs.size() ? outerArgs.get(i) : infer.fresh(Type.VarKind.ANY));
        if (!explicit.isEmpty() && explicit.size() != own) {
            diags.error(ErrorCode.E0107, span, "`" + f.qualifiedName() + "` takes " + count(own, "type argument") + " but " + explicit.size()
                    + (explicit.size() == 1 ? " was" : " were") + " supplied");
        }
        for (int i = 0; i < own; i++) args.add(explicit.size() == own ? resolveType(explicit.get(i)) : infer.fresh(Type.VarKind.ANY));
        if (!f.typeParams().isEmpty()) {
            instantiations.put(use, args);
            functionInstantiations.add(use);
            Map<Type.Param, Type> m = Types.bind(f.typeParams(), args);
            for (int i = 0; i < f.typeParams().size(); i++) {
                Type.Param p = f.typeParams().get(i);
                if (f.trait() != null && p == f.trait().self) continue; // the receiver's trait was found by its impl
                for (Type.Bound b : p.bounds()) {
                    Map<String, Type> bindings = new LinkedHashMap<>();
                    b.bindings().forEach((k, v) -> bindings.put(k, Types.subst(v, m)));
                    obligations.add(new Obligation(span, args.get(i), new Type.Bound(b.trait(), Types.substAll(b.args(), m), bindings), null));
                }
            }
        }
        return args;
    }

    /** A signature type of {@code f} for the type arguments of one use. */
    private Type instantiated(Symbol.Function f, List<Type> args, Type t) {
        return traits.normalize(Types.subst(t, Types.bind(f.typeParams(), args)));
    }

    private List<Type> instantiatedParams(Symbol.Function f, List<Type> args) {
        return f.params().stream().map(t -> instantiated(f, args, t)).toList();
    }

    /** A type for a message: what is known of it so far. */
    private String show(Type t) {
        return infer.deepResolve(t).display();
    }

    private Type resolved(Type t) {
        return infer.resolve(t);
    }

    // ---- expressions ----------------------------------------------------------------

    /** Checks {@code e}; {@code expected} is what the context wants, or null. */
    private Type check(Expr e, Type expected) {
        Type t = infer(e, expected);
        if (expected != null && resolved(expected) instanceof Type.Fn want && resolved(t) instanceof Type.Closure c) t = closureAsFn(e, c, want);
        types.put(e, t);
        functionExprs.add(e);
        return t;
    }

    /** Checks {@code e} and reports a mismatch against {@code expected}. */
    private Type expect(Expr e, Type expected) {
        Type t = check(e, expected);
        if (!coerces(t, expected)) {
            mismatch(e.span(), expected, t);
            return Type.ERROR;
        }
        return t;
    }

    /**
     * Whether a value of type {@code actual} may be used where {@code expected} is wanted,
     * unifying them if so. `!` fits anywhere, but only `!` fits where `!` is wanted.
     */
    private boolean coerces(Type actual, Type expected) {
        Type e = resolved(expected), a = resolved(actual);
        if (e == Type.NEVER) return a == Type.NEVER || a == Type.ERROR;
        return infer.unify(expected, actual);
    }

    private void mismatch(Span span, Type expected, Type found) {
        diags.error(ErrorCode.E0308, span, "mismatched types: expected `" + show(expected) + "`, found `" + show(found) + "`");
    }

    private Type infer(Expr e, Type expected) {
        return switch (e) {
            case Expr.IntLit lit -> intLiteral(lit, expected, null);
            case Expr.FloatLit lit -> floatLiteral(lit, expected);
            case Expr.CharLit c -> Type.CHAR;
            case Expr.BoolLit b -> Type.BOOL;
            case Expr.Cast c -> cast(c);
            case Expr.Tuple t -> tuple(t, expected);
            case Expr.Field f -> field(f);
            case Expr.StructLit sl -> structLiteral(sl);
            case Expr.MethodCall mc -> methodCall(mc);
            case Expr.StrLit s -> Type.STRING;
            case Expr.Unit u -> Type.UNIT;
            case Expr.Path p -> path(p);
            case Expr.Call c -> call(c);
            case Expr.Closure c -> closure(c, expected);
            case Expr.Unary u -> unary(u);
            case Expr.Binary b -> binary(b);
            case Expr.Assign a -> assign(a);
            case Expr.Block b -> block(b, expected);
            case Expr.If i -> ifExpr(i, expected);
            case Expr.While w -> {
                expect(w.cond(), Type.BOOL);
                loops.push(new LoopContext(false, w.label()));
                expect(w.body(), Type.UNIT);
                loops.pop();
                yield Type.UNIT;
            }
            case Expr.Loop l -> {
                LoopContext ctx = new LoopContext(true, l.label());
                loops.push(ctx);
                expect(l.body(), Type.UNIT);
                loops.pop();
                yield ctx.breakType == null ? Type.NEVER : ctx.breakType;
            }
            case Expr.For f -> forLoop(f);
            case Expr.Match m -> matchExpr(m, expected);
            case Expr.IfLet il -> ifLet(il, expected);
            case Expr.WhileLet wl -> whileLet(wl);
            case Expr.Range r -> range(r, expected);
            case Expr.Break b -> breakExpr(b);
            case Expr.Continue c -> {
                loopFor(c.label(), c.span(), "continue");
                yield Type.NEVER;
            }
            case Expr.Return r -> {
                if (r.value() != null) {
                    expect(r.value(), returnType);
                } else if (!coerces(Type.UNIT, returnType)) {
                    diags.error(ErrorCode.E0069, r.span(), "`return` without a value in a function that returns `" + returnType.display() + "`");
                }
                yield Type.NEVER;
            }
            case Expr.ArrayLit a -> arrayLiteral(a, expected);
            case Expr.ArrayRepeat r -> arrayRepeat(r, expected);
            case Expr.Index ix -> index(ix);
            case Expr.Ref r -> {
                check(r.operand(), null);
                diags.error(ErrorCode.E1103, r.span(), "`" + (r.mutable() ? "&mut" : "&") + "` is only allowed on the argument of a reference parameter",
                        "note: references are second-class in T: a function takes `&T` or `&mut T`, and the call writes `f(&x)` or `f(&mut x)`");
                yield Type.ERROR;
            }
            case Expr.Try t -> tryExpr(t);
            case Expr.Move m -> moveExpr(m);
            case Expr.Unsafe u -> {
                unsafeDepth++;
                try {
                    yield block(u.block(), expected);
                } finally {
                    unsafeDepth--;
                }
            }
            case Expr.Error err -> Type.ERROR;
        };
    }

    private Type.EnumDef preludeEnum(String name) {
        Type.EnumDef d = enums.get(name);
        return d != null && d.decl.span().file() == tlang.frontend.Prelude.source() ? d : null;
    }

    /**
     * `x?`: on `Option<T>` in a function returning `Option`, on `Result<T, E>` in one
     * returning `Result<_, F>` (with `From<E>` for F when they differ); the value is the T.
     */
    /**
     * `move x`: the value of a local variable, handed over without a copy. Only a variable
     * the function owns can be moved: not a part of one, not a reference parameter, not a
     * variable a closure captured (the closure's copy lives as long as the closure). Uses
     * after the move are found by {@link MoveChecker}.
     */
    private Type moveExpr(Expr.Move m) {
        if (m.operand() instanceof Expr.Path p && p.segments().size() == 1 && placeRoot(p) instanceof Symbol.Local l) {
            Type t = check(p, null);
            if (l.byReference()) {
                diags.error(ErrorCode.E0507, m.span(), "cannot move out of `" + l.name() + "`, which is behind a reference",
                        "note: a reference parameter borrows the caller's value; only the caller can give it away");
                return t;
            }
            if (!closureFrames.isEmpty() && closureFrames.peek().captures.containsKey(l.id())) {
                diags.error(ErrorCode.E0507, m.span(), "cannot move out of `" + l.name() + "`, a variable captured by this closure",
                        "note: the closure keeps its copy for as long as it lives and may be called again");
                return t;
            }
            return t;
        }
        Type t = check(m.operand(), null);
        if (t != Type.ERROR) {
            diags.error(ErrorCode.E0507, m.operand().span(), "cannot move out of `" + m.operand().span().text() + "`: only a local variable can be moved",
                    m.operand() instanceof Expr.Field || m.operand() instanceof Expr.Index
                            ? "help: move the whole variable, or copy the part: remove the `move`"
                            : "help: the value is a temporary already; remove the `move`");
        }
        return t;
    }

    private Type tryExpr(Expr.Try t) {
        Type operand = resolved(check(t.operand(), null));
        if (operand == Type.ERROR) return Type.ERROR;
        Type.EnumDef option = preludeEnum("Option"), result = preludeEnum("Result");
        if (operand instanceof Type.Enum en && en.def() == option && option != null) {
            Type.Enum wanted = new Type.Enum(option, freshArgs(1));
            if (!coerces(wanted, returnType)) {
                diags.error(ErrorCode.E0277, t.span(), "the `?` operator can only be used on `Option`s in a function that returns `Option`",
                        "note: this function returns `" + show(returnType) + "`");
                return Type.ERROR;
            }
            return en.args().get(0);
        }
        if (operand instanceof Type.Enum en && en.def() == result && result != null) {
            Type.Enum wanted = new Type.Enum(result, freshArgs(2));
            if (!coerces(wanted, returnType)) {
                diags.error(ErrorCode.E0277, t.span(), "the `?` operator can only be used on `Result`s in a function that returns `Result`",
                        "note: this function returns `" + show(returnType) + "`");
                return Type.ERROR;
            }
            Type from = en.args().get(1), to = wanted.args().get(1);
            deferred.add(() -> {
                Type e = infer.deepResolve(from), f = infer.deepResolve(to);
                if (e.equals(f) || e == Type.ERROR || f == Type.ERROR) return;
                Type.TraitDef conv = traits.trait("From");
                TraitEnv.Match m = conv == null ? null : traits.find(conv, f, List.of(e));
                if (m == null || !m.impl().methods().containsKey("from")) {
                    diags.error(ErrorCode.E0277, t.span(), "`?` couldn't convert the error to `" + f.display() + "`",
                            "note: the value's error type is `" + e.display() + "`",
                            "help: implement `From<" + e.display() + "> for " + f.display() + "`, or convert it with a `match`");
                    return;
                }
                Symbol.Function fromFn = traits.methods(conv).get("from");
                overloads.put(t, fromFn);
                instantiations.put(t, List.of(f, e));
            });
            return en.args().get(0);
        }
        diags.error(ErrorCode.E0277, t.span(), "the `?` operator can only be applied to values of type `Option` or `Result`, not `" + show(operand) + "`");
        return Type.ERROR;
    }

    /** Whether an operator on this type goes through an operator trait (user types and type parameters). */
    private static boolean overloadable(Type t) {
        return t instanceof Type.Struct || t instanceof Type.Enum || t instanceof Type.Param || t instanceof Type.Assoc;
    }

    private static String operatorTrait(BinaryOp op) {
        return switch (op) {
            case ADD -> "Add"; case SUB -> "Sub"; case MUL -> "Mul"; case DIV -> "Div"; case REM -> "Rem";
            case EQ, NE -> "PartialEq";
            case LT, LE, GT, GE -> "PartialOrd";
            default -> null;
        };
    }

    private static String operatorMethod(BinaryOp op) {
        return switch (op) {
            case ADD -> "add"; case SUB -> "sub"; case MUL -> "mul"; case DIV -> "div"; case REM -> "rem";
            case EQ -> "eq"; case NE -> "ne"; case LT -> "lt"; case LE -> "le"; case GT -> "gt"; case GE -> "ge";
            default -> null;
        };
    }

    /** `a + b` (and the others) where `a` is of a user type or a type parameter: a call of the operator trait's method. */
    private Type overloadedBinary(Expr.Binary b, Type left) {
        Type right = check(b.right(), resolved(left) instanceof Type.Param ? null : left);
        String traitName = operatorTrait(b.op());
        Type.TraitDef trait = traitName == null ? null : traits.trait(traitName);
        if (trait == null || resolved(right) == Type.ERROR) return resolved(right) == Type.ERROR ? Type.ERROR : noBinary(b, left);
        Symbol.Function f = traits.methods(trait).get(operatorMethod(b.op()));
        Type l = resolved(left);
        List<Type> rhs = trait.params.isEmpty() ? List.of() : List.of(right);
        if (!traits.implementsTrait(l, trait, null)) {
            String help = l instanceof Type.Param p ? "help: add a bound: `" + p.name + ": " + trait.name + "`"
                    : "help: implement it: `impl " + trait.name + " for " + show(l) + " { ... }`";
            diags.error(ErrorCode.E0369, b.opSpan(), "binary operation `" + b.op().symbol + "` cannot be applied to type `" + show(l) + "`",
                    "note: `" + b.op().symbol + "` needs the trait `" + trait.name + "`", help);
            return Type.ERROR;
        }
        List<Type> outer = new ArrayList<>();
        outer.add(left);
        outer.addAll(rhs);
        List<Type> args = instantiate(f, outer, List.of(), b, b.opSpan());
        obligations.add(new Obligation(b.opSpan(), left, new Type.Bound(trait, rhs, Map.of()),
                "note: `" + b.op().symbol + "` needs `" + trait.name + "` for these operand types"));
        overloads.put(b, f);
        return b.op().isComparison() ? Type.BOOL : instantiated(f, args, f.result());
    }

    /**
     * `c[i]` where c is a struct, enum or type parameter: `Index::index(&c, i)` (or, for
     * the target of an assignment, `IndexMut::index_set`). Returns the element type.
     */
    private Type overloadedIndex(Expr e, Expr.Index ix, Type base, Type idx, String traitName, String method) {
        Type.TraitDef trait = traits.trait(traitName);
        if (trait == null) return Type.ERROR;
        if (!traits.implementsTrait(base, trait, null)) {
            diags.error(ErrorCode.E0608, ix.span(), "cannot " + (method.equals("index") ? "index into" : "assign to an element of") + " a value of type `" + show(base) + "`",
                    base instanceof Type.Param p ? "help: add a bound: `" + p.name + ": " + traitName + "<" + show(idx) + ">`"
                            : "help: implement it: `impl " + traitName + "<" + show(idx) + "> for " + show(base) + " { ... }`");
            return Type.ERROR;
        }
        // With one impl for the type, its index type decides the literals: `g[(1, 2)]` is a `(usize, usize)` index.
        List<Type> indexTypes = new ArrayList<>();
        if (base instanceof Type.Param p) {
            for (Type.Bound b : traits.boundsOf(p)) if (b.trait() == trait) indexTypes.add(b.args().get(0));
        } else {
            for (TraitEnv.Impl impl : traits.implsOf(trait)) {
                Map<Type.Param, Type> m = new HashMap<>();
                if (TraitEnv.match(impl.self(), base, m, impl.params())) indexTypes.add(impl.traitArgs().get(0));
            }
        }
        if (indexTypes.size() == 1 && !Types.hasParams(indexTypes.get(0)) || base instanceof Type.Param && indexTypes.size() == 1) infer.unify(idx, indexTypes.get(0));
        // An index type already known that no impl takes: reported now, and the element type
        // is an error, so that what uses `c[i]` (a print, an operator) reports nothing more.
        Type known = infer.deepResolve(idx);
        if (!(base instanceof Type.Param) && !Types.any(known, x -> x instanceof Type.Var) && known != Type.ERROR
                && !traits.implementsTrait(base, trait, List.of(known))) {
            boolean byUsize = known instanceof Type.Int && traits.implementsTrait(base, trait, List.of(Type.Int.USIZE));
            if (byUsize) {
                diags.error(ErrorCode.E0277, ix.span(), "the trait bound `" + show(base) + ": " + traitName + "<" + show(known) + ">` is not satisfied",
                        "note: `" + show(base) + "[...]` needs `" + traitName + "` for this index type",
                        "help: `" + show(base) + "` is indexed by `usize`: convert the index, `[" + ix.index().span().text() + " as usize]`");
            } else {
                diags.error(ErrorCode.E0277, ix.span(), "the trait bound `" + show(base) + ": " + traitName + "<" + show(known) + ">` is not satisfied",
                        "note: `" + show(base) + "[...]` needs `" + traitName + "` for this index type");
            }
            return Type.ERROR;
        }
        Symbol.Function f = traits.methods(trait).get(method);
        instantiate(f, List.of(base, idx), List.of(), e, ix.span());
        obligations.add(new Obligation(ix.span(), base, new Type.Bound(trait, List.of(idx), Map.of()),
                "note: `" + show(base) + "[...]` needs `" + traitName + "` for this index type"));
        overloads.put(e, f);
        // The index type as far as it is known: with `impl<T> Index<ArenaRef<T>> for Arena`
        // it is what decides the output type.
        return traits.normalize(new Type.Assoc(base, traits.trait("Index"), List.of(infer.deepResolve(idx)), "Output"));
    }

    private Type arrayLiteral(Expr.ArrayLit a, Type expected) {
        Type e = expected == null ? null : resolved(expected);
        Type element = e instanceof Type.Array ea ? ea.element() : null;
        if (a.elements().isEmpty()) {
            if (element == null) {
                diags.error(ErrorCode.E0282, a.span(), "type annotations needed for an empty array", "help: give the type: `let a: [i64; 0] = [];`");
                return Type.ERROR;
            }
            return new Type.Array(element, 0);
        }
        Type first = check(a.elements().get(0), element);
        if (a.elements().size() > 1 && resolved(first) instanceof Type.Closure c0) {
            // No two closures have the same type; capture-free ones all become `fn` values
            // of the first one's signature (as Rust coerces them).
            if (!c0.captures().isEmpty()) {
                diags.error(ErrorCode.E0308, a.elements().get(0).span(), "closures in an array must all be `fn` values, but this one captures variables",
                        "note: no two closures have the same type; those that capture nothing become `fn` values");
                a.elements().subList(1, a.elements().size()).forEach(this::checkStray);
                return Type.ERROR;
            }
            Type.Fn sig = c0.signature();
            types.put(a.elements().get(0), closureAsFn(a.elements().get(0), c0, sig));
            first = sig;
        }
        for (int i = 1; i < a.elements().size(); i++) expect(a.elements().get(i), first);
        return new Type.Array(first, a.elements().size());
    }

    private Type arrayRepeat(Expr.ArrayRepeat r, Type expected) {
        Type e = expected == null ? null : resolved(expected);
        Type element = check(r.value(), e instanceof Type.Array ea ? ea.element() : null);
        long n = arrayLength(r.count());
        types.put(r.count(), Type.Int.USIZE);
        return n < 0 ? Type.ERROR : new Type.Array(element, n);
    }

    private Type index(Expr.Index ix) {
        Type base = resolved(check(ix.base(), null));
        if (overloadable(base) || base == Type.STRING) { // `s[a..b]`: the prelude's Index for String
            Type idx = check(ix.index(), null);
            return resolved(idx) == Type.ERROR ? Type.ERROR : overloadedIndex(ix, ix, base, idx, "Index", "index");
        }
        Type index = resolved(check(ix.index(), null));
        if (!Type.isInteger(index) && index != Type.ERROR && index != Type.NEVER) {
            diags.error(ErrorCode.E0277, ix.index().span(), "an index must be an integer, not `" + show(index) + "`");
        }
        if (base instanceof Type.Array a) return a.element();
        if (base == Type.ERROR) return Type.ERROR;
        if (base instanceof Type.Var) {
            diags.error(ErrorCode.E0282, ix.base().span(), "type annotations needed", "note: the type of this value must be known to index it");
            return Type.ERROR;
        }
        diags.error(ErrorCode.E0608, ix.span(), "cannot index into a value of type `" + show(base) + "`",
                "note: arrays `[T; N]` can be indexed so far");
        return Type.ERROR;
    }

    /**
     * An integer literal takes its suffix's type, else the expected integer type, else a
     * fresh integer variable. Whether its value fits is checked once the type is known.
     */
    private Type intLiteral(Expr.IntLit lit, Type expected, Span negation) {
        boolean negated = negation != null;
        Type t;
        if (lit.suffix() != null) {
            Type s = primitive(lit.suffix());
            if (s instanceof Type.Float) {
                t = s; // `1f64` is a float literal written without a point
            } else {
                t = s;
            }
        } else {
            Type e = expected == null ? null : resolved(expected);
            t = e instanceof Type.Int || e instanceof Type.Float || e instanceof Type.Var v && v.kind() == Type.VarKind.INTEGER
                    ? (e instanceof Type.Float ? infer.fresh(Type.VarKind.INTEGER) : e) : infer.fresh(Type.VarKind.INTEGER);
        }
        if (t instanceof Type.Float) return t;
        Type type = t;
        deferred.add(() -> {
            Type r = infer.resolve(type);
            if (!(r instanceof Type.Int it)) return;
            if (negated && !it.signed) return; // reported as a negation of an unsigned value
            java.math.BigInteger v = negated ? lit.value().negate() : lit.value();
            if (v.compareTo(it.min()) < 0 || v.compareTo(it.max()) > 0) {
                diags.error(ErrorCode.E1301, negated ? negation : lit.span(), "literal out of range for `" + it.display() + "`",
                        "note: the literal `" + (negated ? "-" : "") + lit.value() + "` does not fit into the type `" + it.display()
                                + "` whose range is `" + it.min() + "..=" + it.max() + "`");
            }
        });
        return t;
    }

    private Type floatLiteral(Expr.FloatLit lit, Type expected) {
        if (lit.suffix() != null) return primitive(lit.suffix());
        Type e = expected == null ? null : resolved(expected);
        if (e instanceof Type.Float || e instanceof Type.Var v && v.kind() == Type.VarKind.FLOAT) return e;
        return infer.fresh(Type.VarKind.FLOAT);
    }

    private Type cast(Expr.Cast c) {
        Type target = resolveType(c.type());
        Type source = resolved(check(c.operand(), null));
        if (source == Type.ERROR || target == Type.ERROR) return target;
        if (source == Type.NEVER) return target;
        boolean ok;
        if (target instanceof Type.Ptr || source instanceof Type.Ptr) {
            // Addresses: a pointer to another pointer type or to a 64-bit integer, and back.
            ok = target instanceof Type.Ptr && (source instanceof Type.Ptr || source == Type.Int.USIZE || source == Type.Int.U64 || source == Type.Int.ISIZE || source == Type.Int.I64
                            || source instanceof Type.Var v && v.kind() == Type.VarKind.INTEGER && infer.unify(source, Type.Int.USIZE))
                    || source instanceof Type.Ptr && (target == Type.Int.USIZE || target == Type.Int.U64 || target == Type.Int.ISIZE || target == Type.Int.I64);
        } else if (target instanceof Type.Int || target instanceof Type.Float) {
            ok = Type.isNumeric(source) || source == Type.BOOL && target instanceof Type.Int || source == Type.CHAR && target instanceof Type.Int;
        } else if (target == Type.CHAR) {
            ok = source == Type.CHAR || source == Type.Int.U8 || source instanceof Type.Var v && v.kind() == Type.VarKind.INTEGER && infer.unify(source, Type.Int.U8);
            if (!ok && Type.isInteger(source)) {
                diags.error(ErrorCode.E0604, c.span(), "only `u8` can be cast as `char`, not `" + show(source) + "`",
                        "help: use `char::from_u32` for other integers (it checks the value)");
                return Type.ERROR;
            }
        } else {
            ok = infer.unify(source, target) && (target == Type.BOOL || target == Type.STRING || target == Type.UNIT);
        }
        if (!ok) {
            diags.error(ErrorCode.E0605, c.span(), "non-primitive cast: `" + show(source) + "` as `" + target.display() + "`",
                    "note: `as` converts between numeric types, and from `bool`, `char` and `u8`");
            return Type.ERROR;
        }
        return target;
    }

    private Type tuple(Expr.Tuple t, Type expected) {
        Type e = expected == null ? null : resolved(expected);
        List<Type> wanted = e instanceof Type.Tuple et && et.elements().size() == t.elements().size() ? et.elements() : null;
        List<Type> elements = new ArrayList<>();
        for (int i = 0; i < t.elements().size(); i++) elements.add(check(t.elements().get(i), wanted == null ? null : wanted.get(i)));
        return new Type.Tuple(List.copyOf(elements));
    }

    private Type field(Expr.Field f) {
        Type base = resolved(check(f.base(), null));
        if (base == Type.ERROR) return Type.ERROR;
        if (base instanceof Type.Tuple t) {
            int index;
            try {
                index = Integer.parseInt(f.name());
            } catch (NumberFormatException e) {
                index = -1;
            }
            if (index >= 0 && index < t.elements().size()) return t.elements().get(index);
            diags.error(ErrorCode.E0609, f.nameSpan(), "no field `" + f.name() + "` on type `" + show(base) + "`",
                    "note: this tuple has " + t.elements().size() + " element" + (t.elements().size() == 1 ? "" : "s") + ", numbered from 0");
            return Type.ERROR;
        }
        if (base instanceof Type.Struct st) {
            int index = st.fieldIndex(f.name());
            if (index >= 0) return st.fieldTypes().get(index);
            String note = Suggestions.closest(f.name(), st.fieldNames()).map(x -> "help: a field with a similar name exists: `" + x + "`")
                    .orElse(st.fieldNames().isEmpty() ? "note: `" + st.name() + "` has no fields" : "note: available fields are: " + String.join(", ", st.fieldNames().stream().map(x -> "`" + x + "`").toList()));
            boolean isMethod = methods.getOrDefault(st, Map.of()).containsKey(f.name());
            diags.error(ErrorCode.E0609, f.nameSpan(), "no field `" + f.name() + "` on type `" + st.name() + "`",
                    isMethod ? "help: `" + f.name() + "` is a method; call it: `" + f.name() + "(...)`" : note);
            return Type.ERROR;
        }
        if (base instanceof Type.Range r && (f.name().equals("start") || f.name().equals("end"))) return r.element();
        if (base instanceof Type.Var) {
            diags.error(ErrorCode.E0282, f.base().span(), "type annotations needed", "note: the type of this value must be known to access its fields");
            return Type.ERROR;
        }
        diags.error(ErrorCode.E0609, f.nameSpan(), "no field `" + f.name() + "` on type `" + show(base) + "`");
        return Type.ERROR;
    }

    private Type structLiteral(Expr.StructLit sl) {
        String name = sl.type().joined();
        if (sl.type().segments().size() == 2 && nominal(sl.type().segments().get(0)) instanceof Type.Enum en) {
            return variantLiteral(sl, en);
        }
        Type.Struct st = nominal(name) instanceof Type.Struct s2 ? s2 : null;
        if (st == null) {
            sl.fields().forEach(f -> check(f.value(), null));
            diags.error(ErrorCode.E0422, sl.type().span(), "cannot find struct `" + name + "` in this scope",
                    Suggestions.closest(name, structs.keySet()).map(x -> "help: a struct with a similar name exists: `" + x + "`").orElse("note: structs are declared with `struct " + name + " { ... }`"));
            return Type.ERROR;
        }
        if (st.decl().shape() == Item.Struct.Shape.TUPLE && !sl.fields().isEmpty()) {
            sl.fields().forEach(f -> check(f.value(), null));
            diags.error(ErrorCode.E0559, sl.type().span(), "`" + st.name() + "` is a tuple struct", "help: build it with `" + st.name() + "(...)`");
            return Type.ERROR;
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Expr.FieldInit init : sl.fields()) {
            int index = st.fieldIndex(init.name());
            if (index < 0) {
                check(init.value(), null);
                diags.error(ErrorCode.E0560, init.nameSpan(), "struct `" + st.name() + "` has no field named `" + init.name() + "`",
                        Suggestions.closest(init.name(), st.fieldNames()).map(x -> "help: a field with a similar name exists: `" + x + "`")
                                .orElse("note: available fields are: " + String.join(", ", st.fieldNames())));
                continue;
            }
            if (!seen.add(init.name())) {
                check(init.value(), null);
                diags.error(ErrorCode.E0062, init.nameSpan(), "field `" + init.name() + "` specified more than once");
                continue;
            }
            expect(init.value(), st.fieldTypes().get(index));
        }
        List<String> missing = st.fieldNames().stream().filter(n -> !seen.contains(n)).toList();
        if (!missing.isEmpty()) {
            diags.error(ErrorCode.E0063, sl.type().span(), "missing field" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing.stream().map(x -> "`" + x + "`").toList())
                    + " in initializer of `" + st.name() + "`");
        }
        return st;
    }

    /** `Enum::Variant { field: value, ... }`. */
    private Type variantLiteral(Expr.StructLit sl, Type.Enum en) {
        int index = en.variantIndex(sl.type().segments().get(1));
        if (index < 0) {
            sl.fields().forEach(f -> check(f.value(), null));
            diags.error(ErrorCode.E0599, sl.type().span(), "no variant named `" + sl.type().segments().get(1) + "` in enum `" + en.name() + "`",
                    Suggestions.closest(sl.type().segments().get(1), en.variants().stream().map(Type.Variant::name).toList())
                            .map(x -> "help: a variant with a similar name exists: `" + x + "`").orElse("note: the variants are listed in `enum " + en.name() + " { ... }`"));
            return Type.ERROR;
        }
        Type.Variant v = en.variants().get(index);
        noteResolution(sl.type(), new Symbol.VariantCtor(en, index));
        if (v.shape() != Item.Struct.Shape.NAMED) {
            sl.fields().forEach(f -> check(f.value(), null));
            diags.error(ErrorCode.E0559, sl.type().span(), "`" + sl.type().joined() + "` has no named fields",
                    v.shape() == Item.Struct.Shape.TUPLE ? "help: build it with `" + sl.type().joined() + "(...)`" : "help: it is a value already: `" + sl.type().joined() + "`");
            return Type.ERROR;
        }
        fieldInits(sl, sl.type().joined(), v.fieldNames(), v.fieldTypes());
        return en;
    }

    /** Checks `name: value` initializers against a list of fields: each once, none missing. */
    private void fieldInits(Expr.StructLit sl, String what, List<String> fieldNames, List<Type> fieldTypes) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Expr.FieldInit init : sl.fields()) {
            int index = fieldNames.indexOf(init.name());
            if (index < 0) {
                check(init.value(), null);
                diags.error(ErrorCode.E0560, init.nameSpan(), "`" + what + "` has no field named `" + init.name() + "`",
                        Suggestions.closest(init.name(), fieldNames).map(x -> "help: a field with a similar name exists: `" + x + "`")
                                .orElse("note: available fields are: " + String.join(", ", fieldNames)));
                continue;
            }
            if (!seen.add(init.name())) {
                check(init.value(), null);
                diags.error(ErrorCode.E0062, init.nameSpan(), "field `" + init.name() + "` specified more than once");
                continue;
            }
            expect(init.value(), fieldTypes.get(index));
        }
        List<String> missing = fieldNames.stream().filter(n -> !seen.contains(n)).toList();
        if (!missing.isEmpty()) {
            diags.error(ErrorCode.E0063, sl.type().span(), "missing field" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing.stream().map(x -> "`" + x + "`").toList())
                    + " in initializer of `" + what + "`");
        }
    }

    private Type methodCall(Expr.MethodCall mc) {
        dynPlaceAllowed = mc.receiver() instanceof Expr.Path;
        Type receiver = resolved(check(mc.receiver(), null));
        dynPlaceAllowed = false;
        if (receiver instanceof Type.Dyn d) return dynMethodCall(mc, d);
        if (receiver == Type.ERROR) {
            mc.args().forEach(this::checkStray);
            return Type.ERROR;
        }
        if (receiver instanceof Type.Var v && v.kind() != Type.VarKind.ANY) {
            // `let x = 5; x.abs()`: which `abs` depends on a type nothing has settled yet.
            // As in Rust, ask for it rather than guess (a guess could contradict a later use).
            mc.args().forEach(this::checkStray);
            String example = v.kind() == Type.VarKind.INTEGER ? "i64" : "f64";
            Symbol.Local root = placeRoot(mc.receiver());
            String help = mc.receiver() instanceof Expr.Path p && root != null
                    ? "help: give `" + p.joined() + "` a type: `let " + p.joined() + ": " + example + " = ...`"
                    : root != null ? "help: give `" + root.name() + "` a type where it is declared (its numbers are `" + example + "`, say)"
                    : "help: give the literal a type suffix, like `" + mc.receiver().span().text() + "_" + example + "`";
            diags.error(ErrorCode.E0689, mc.nameSpan(), "can't call method `" + mc.name() + "` on ambiguous numeric type `" + show(v) + "`", help);
            return Type.ERROR;
        }
        java.util.Optional<BuiltinMethod> builtin = BuiltinMethod.lookup(receiver, mc.name());
        if (builtin.isPresent()) return builtinMethod(mc, builtin.get(), receiver);
        Symbol.Function f = receiver instanceof Type.Struct || receiver instanceof Type.Enum || receiver == Type.STRING ? inherentMethods(receiver).get(mc.name()) : null;
        List<Type> boundArgs = null;
        if (f == null && receiver instanceof Type.Param param) {
            for (Type.Bound b : traits.boundsOf(param)) {
                Symbol.Function m = traits.methods(b.trait()).get(mc.name());
                if (m != null) {
                    f = m;
                    boundArgs = b.args();
                    break;
                }
            }
        }
        if (f == null && !(receiver instanceof Type.Var) && !(receiver instanceof Type.Param)
                && Types.any(infer.deepResolve(receiver), x -> x instanceof Type.Var v && v.kind() != Type.VarKind.ANY)) {
            // `(0..10).map(...)`: which impl applies depends on the literals' type. Nothing
            // has fixed it yet, so it is the default one (i64, f64), decided now.
            infer.defaultLiteralsIn(receiver);
            receiver = infer.deepResolve(receiver);
        }
        if (f == null && !(receiver instanceof Type.Var) && !(receiver instanceof Type.Param)) {
            List<Symbol.Function> candidates = new ArrayList<>();
            for (Type.TraitDef trait : traits.traits()) {
                Symbol.Function m = traits.methods(trait).get(mc.name());
                if (m != null && m.decl().self() != null && traits.implementsTrait(receiver, trait, null)) candidates.add(m);
            }
            if (candidates.size() > 1) {
                diags.error(ErrorCode.E0034, mc.nameSpan(), "multiple applicable items in scope: `" + mc.name() + "` is a method of "
                        + String.join(" and ", candidates.stream().map(m -> "`" + m.trait().name + "`").toList()),
                        "help: call it through the trait: `" + candidates.get(0).trait().name + "::" + mc.name() + "(...)`");
                mc.args().forEach(this::checkStray);
                return Type.ERROR;
            }
            if (!candidates.isEmpty()) f = candidates.get(0);
        }
        if (f == null || f.decl().self() == null) {
            mc.args().forEach(this::checkStray);
            if (receiver instanceof Type.Var) {
                diags.error(ErrorCode.E0282, mc.receiver().span(), "type annotations needed", "note: the type of this value must be known to call a method on it");
            } else if (f != null) {
                diags.error(ErrorCode.E0599, mc.nameSpan(), "`" + f.qualifiedName() + "` is an associated function, not a method",
                        "help: call it with the type's name: `" + f.qualifiedName() + "(...)`");
            } else {
                java.util.Collection<String> names = new ArrayList<>(inherentMethods(receiver).keySet());
                names.addAll(BuiltinMethod.namesFor(receiver));
                diags.error(ErrorCode.E0599, mc.nameSpan(), "no method named `" + mc.name() + "` found for `" + show(receiver) + "`",
                        Suggestions.closest(mc.name(), names).map(x -> "help: there is a method with a similar name: `" + x + "`")
                                .orElse(receiver instanceof Type.Struct || receiver instanceof Type.Enum ? "note: methods are defined in `impl " + show(receiver) + " { ... }`"
                                        : BuiltinMethod.namesFor(receiver).isEmpty() ? "note: methods on built-in types come with traits and the standard library"
                                        : "note: the methods of `" + show(receiver) + "` so far: " + String.join(", ", BuiltinMethod.namesFor(receiver).stream().distinct().map(x -> "`" + x + "`").toList())));
            }
            return Type.ERROR;
        }
        if (f.decl().self().kind() == Item.SelfParam.Kind.REF_MUT && (belowOverloadedIndex(mc.receiver())
                || mc.receiver() instanceof Expr.Index ix && overloads.containsKey(ix)) && !indexedPlace(mc.receiver())) {
            diags.error(ErrorCode.E0596, mc.receiver().span(), "cannot borrow `" + exprText(mc.receiver()) + "` as mutable: `Index::index` gives a copy",
                    "help: take the element out, change it, and put it back: `let mut e = c[i]; e." + mc.name() + "(...); c[i] = e;`",
                    "note: a collection that implements `IndexPlace` (as `Vec` does) allows this");
        }
        if (f.decl().self().kind() == Item.SelfParam.Kind.REF_MUT) {
            Symbol.Local root = placeRoot(mc.receiver());
            if (isClass(types.get(mc.receiver())) || throughClass(mc.receiver())) {
                // An object is changed through any reference to it.
            } else if (root != null && capturedMutation(root, mc.receiver().span(), "borrow as mutable")) {
                // reported
            } else if (root != null && !root.mutable()) {
                diags.error(ErrorCode.E0596, mc.receiver().span(), "cannot borrow `" + root.name() + "` as mutable, as it is not declared as mutable",
                        root.byReference() ? (root.name().equals("self") ? "note: `self` is a `&self` reference here; declare the method with `&mut self`"
                                : "note: `" + root.name() + "` is a `&` parameter; declare it `&mut`")
                                : "help: consider changing this to be mutable: `mut " + root.name() + "`");
            }
        }
        Type.TraitDef drop = traits.trait(TraitEnv.DROP);
        if (drop != null && (f.trait() == drop || f.impl() != null && f.impl().trait() == drop)) {
            diags.error(ErrorCode.E0040, mc.nameSpan(), "explicit use of destructor method",
                    "note: `drop` runs by itself when the last reference to the object goes away",
                    "help: to give up this reference early, move it into a scope that ends: `{ let _gone = move x; }`");
            return Type.UNIT;
        }
        methodTargets.put(mc, f);
        List<Type> paramTypes = f.params();
        Type result = f.result();
        if (f.isGeneric()) {
            List<Type> args = instantiate(f, outerArgsFor(f, receiver, boundArgs), mc.typeArgs(), mc, mc.nameSpan());
            paramTypes = instantiatedParams(f, args);
            result = instantiated(f, args, f.result());
        } else if (!mc.typeArgs().isEmpty()) {
            diags.error(ErrorCode.E0107, mc.nameSpan(), "method `" + mc.name() + "` takes no type arguments");
        }
        if (mc.args().size() != paramTypes.size()) {
            diags.error(ErrorCode.E0061, mc.span(), "method `" + mc.name() + "` takes " + count(paramTypes.size(), "argument") + " but "
                    + count(mc.args().size(), "argument") + (mc.args().size() == 1 ? " was" : " were") + " supplied");
            mc.args().forEach(this::checkStray);
            return result;
        }
        for (int i = 0; i < paramTypes.size(); i++) argument(mc.args().get(i), paramTypes.get(i), f.qualifiedName());
        checkBorrows(mc.args(), paramTypes, f.decl().self().byReference() ? mc.receiver() : null, f.decl().self().kind() == Item.SelfParam.Kind.REF_MUT);
        return result;
    }

    private Type builtinMethod(Expr.MethodCall mc, BuiltinMethod m, Type receiver) {
        builtinMethods.put(mc, m);
        if (m.isUnsafe()) requireUnsafe(mc.span(), "`" + mc.name() + "` on `" + show(receiver) + "`");
        if (m == BuiltinMethod.PTR_WRITE && receiver instanceof Type.Ptr p && !p.mutable()) {
            diags.error(ErrorCode.E0594, mc.span(), "cannot write through `" + show(receiver) + "`, a read-only pointer",
                    "help: use a `*mut " + show(p.pointee()) + "` (cast it: `p as *mut " + show(p.pointee()) + "`)");
        }
        if (mc.args().size() != m.arity) {
            diags.error(ErrorCode.E0061, mc.span(), "method `" + mc.name() + "` takes " + count(m.arity, "argument") + " but "
                    + count(mc.args().size(), "argument") + (mc.args().size() == 1 ? " was" : " were") + " supplied");
            mc.args().forEach(this::checkStray);
            return m.resultType(receiver);
        }
        for (Expr arg : mc.args()) expect(arg, m.argumentType(receiver));
        return m.resultType(receiver);
    }

    /**
     * Checks one argument against its parameter. A reference parameter takes `&place` or
     * `&mut place` (or `&value`, which borrows a temporary); a value parameter takes a value.
     */
    private void argument(Expr arg, Type param, String callee) {
        if (param instanceof Type.Ref ref && ref.inner() instanceof Type.Dyn d) {
            dynArgument(arg, ref, d, callee);
            return;
        }
        if (param instanceof Type.Ref ref) {
            if (arg instanceof Expr.Ref r) {
                types.put(arg, param);
                if (ref.mutable() && !r.mutable()) {
                    check(r.operand(), ref.inner());
                    diags.error(ErrorCode.E0308, arg.span(), "mismatched types: expected `" + ref.display() + "`, found `&" + show(ref.inner()) + "`",
                            "help: `" + callee + "` may change it; borrow it mutably: `&mut " + r.operand().span().text() + "`");
                    return;
                }
                expect(r.operand(), ref.inner());
                if (r.mutable() && (belowOverloadedIndex(r.operand()) || r.operand() instanceof Expr.Index ix && overloads.containsKey(ix))
                        && !indexedPlace(r.operand())) {
                    diags.error(ErrorCode.E0596, r.operand().span(), "cannot borrow `" + exprText(r.operand()) + "` as mutable: `Index::index` gives a copy",
                            "help: take the element out, pass `&mut` of it, and put it back: `let mut e = c[i]; f(&mut e); c[i] = e;`",
                            "note: a collection that implements `IndexPlace` (as `Vec` does) allows this");
                    return;
                }
                if (r.mutable()) {
                    Symbol.Local root = placeRoot(r.operand());
                    if (throughClass(r.operand())) {
                        // part of an object: mutable through any reference
                    } else if (root != null && capturedMutation(root, r.operand().span(), "borrow as mutable")) {
                        // reported
                    } else if (root != null && !root.mutable()) {
                        diags.error(ErrorCode.E0596, r.operand().span(), "cannot borrow `" + exprText(r.operand()) + "` as mutable, as `" + root.name() + "` is not declared as mutable",
                                root.byReference() ? "note: `" + root.name() + "` is a `&` reference here; declare it `&mut`"
                                        : "help: consider changing this to be mutable: `mut " + root.name() + "`");
                    }
                }
                return;
            }
            Type t = check(arg, ref.inner());
            if (coerces(t, ref.inner())) {
                diags.error(ErrorCode.E0308, arg.span(), "mismatched types: expected `" + ref.display() + "`, found `" + show(t) + "`",
                        "help: `" + callee + "` takes a reference; borrow the value: `" + (ref.mutable() ? "&mut " : "&") + arg.span().text() + "`");
            } else {
                mismatch(arg.span(), param, t);
            }
            return;
        }
        if (arg instanceof Expr.Ref r) {
            Type t = check(r.operand(), param);
            types.put(arg, Type.ERROR);
            diags.error(ErrorCode.E0308, arg.span(), "mismatched types: expected `" + show(param) + "`, found `" + (r.mutable() ? "&mut " : "&") + show(t) + "`",
                    "help: `" + callee + "` takes this parameter by value (a copy); remove the `" + (r.mutable() ? "&mut" : "&") + "`");
            return;
        }
        expect(arg, param);
    }

    /** A borrowed place for the overlap check: its root variable and path (fields, `[]` for any index). */
    private record Borrow(Symbol.Local root, List<String> path, boolean mutable, Expr expr) {}

    private Borrow borrowOf(Expr place, boolean mutable) {
        List<String> path = new ArrayList<>();
        Expr e = place;
        while (true) {
            if (e instanceof Expr.Field f) { path.add(0, f.name()); e = f.base(); }
            else if (e instanceof Expr.Index ix) { path.add(0, "[]"); e = ix.base(); }
            else break;
        }
        Symbol.Local root = placeRoot(e);
        return root == null ? null : new Borrow(root, path, mutable, place);
    }

    /** Two places overlap when one path is a prefix of the other (an index may be any element). */
    private static boolean overlaps(Borrow a, Borrow b) {
        if (a.root() != b.root()) return false;
        for (int i = 0; i < Math.min(a.path().size(), b.path().size()); i++) {
            String x = a.path().get(i), y = b.path().get(i);
            if (!x.equals(y) && !x.equals("[]") && !y.equals("[]")) return false;
        }
        return true;
    }

    /**
     * `&mut` access is exclusive for the duration of a call: a place borrowed `&mut` may not
     * be borrowed again (either way) by another argument or the receiver of the same call.
     */
    private void checkBorrows(List<Expr> args, List<Type> params, Expr receiver, boolean receiverMutable) {
        List<Borrow> borrows = new ArrayList<>();
        if (receiver != null) {
            Borrow b = borrowOf(receiver, receiverMutable);
            if (b != null) borrows.add(b);
        }
        for (int i = 0; i < Math.min(args.size(), params.size()); i++) {
            if (params.get(i) instanceof Type.Ref && args.get(i) instanceof Expr.Ref r) {
                Borrow b = borrowOf(r.operand(), r.mutable());
                if (b != null) borrows.add(b);
            }
        }
        for (int j = 1; j < borrows.size(); j++) {
            for (int i = 0; i < j; i++) {
                Borrow first = borrows.get(i), second = borrows.get(j);
                if (!(first.mutable() || second.mutable()) || !overlaps(first, second)) continue;
                String what = exprText(second.expr());
                if (first.mutable() && second.mutable()) {
                    diags.error(ErrorCode.E0499, second.expr().span(), "cannot borrow `" + what + "` as mutable more than once at a time",
                            "note: `" + exprText(first.expr()) + "` is already borrowed as mutable by this call at column " + first.expr().span().column(),
                            "help: a `&mut` argument has exclusive access; copy one value out first, or pass the variable once");
                } else {
                    diags.error(ErrorCode.E0502, second.expr().span(), "cannot borrow `" + what + "` as " + (second.mutable() ? "mutable" : "immutable")
                                    + " because it is also borrowed as " + (first.mutable() ? "mutable" : "immutable") + " by this call",
                            "note: the other borrow is `" + exprText(first.expr()) + "` at column " + first.expr().span().column(),
                            "help: a `&mut` argument has exclusive access; copy the shared value into a variable first");
                }
                return;
            }
        }
        // The other arguments run after the borrows are taken: one that changes a borrowed
        // variable could free what the reference points to (`f(&mut v[0], { v.clear(); 1 })`).
        List<Expr> all = new ArrayList<>(args);
        if (receiver != null) all.add(0, receiver);
        for (Borrow b : borrows) {
            if (b.root() == null) continue;
            for (Expr other : all) {
                if (other == b.expr() || other instanceof Expr.Ref r && r.operand() == b.expr()) continue;
                Expr clash = clashWith(other, b);
                if (clash == null) continue;
                String name = b.root().name();
                if (b.mutable()) {
                    diags.error(ErrorCode.E0503, clash.span(), "cannot change `" + name + "` because this call borrows it as mutable",
                            "note: `" + exprText(b.expr()) + "` is borrowed as mutable by this call at column " + b.expr().span().column(),
                            "help: compute the value into a variable before the call");
                } else {
                    diags.error(ErrorCode.E0506, clash.span(), "cannot change `" + name + "` because this call borrows it",
                            "note: `" + exprText(b.expr()) + "` is borrowed by this call at column " + b.expr().span().column(),
                            "help: make the change before or after the call");
                }
                return;
            }
        }
    }

    /**
     * Where {@code arg} changes the root of {@code b}: assigns it (or a part of it), borrows
     * it `&mut`, moves it, or calls a `&mut self` method on it. Reading it is fine: the
     * arguments are evaluated before the call runs, and a read frees nothing.
     */
    private Expr clashWith(Expr arg, Borrow b) {
        Expr[] found = new Expr[1];
        tlang.frontend.ast.Exprs.forEach(arg, e -> {
            if (found[0] != null) return;
            Expr changed = switch (e) {
                case Expr.Assign a -> a.target();
                case Expr.Ref r when r.mutable() -> r.operand();
                case Expr.Move m -> m.operand();
                case Expr.MethodCall mc when methodTargets.get(mc) instanceof Symbol.Function f && f.decl().self() != null
                        && f.decl().self().kind() == Item.SelfParam.Kind.REF_MUT -> mc.receiver();
                default -> null;
            };
            if (changed != null && placeRoot(changed) instanceof Symbol.Local l && l.id() == b.root().id()) found[0] = e;
        });
        return found[0];
    }

    /** Set while checking the one place a `dyn` parameter may be named: a receiver or a `&x` argument. */
    private boolean dynPlaceAllowed;

    private Type path(Expr.Path p) {
        Symbol s = resolve(p);
        if (s == null) return Type.ERROR;
        boolean dynAllowed = dynPlaceAllowed;
        dynPlaceAllowed = false;
        return switch (s) {
            case Symbol.Local l when l.type() instanceof Type.Dyn d && !dynAllowed -> {
                diags.error(ErrorCode.E1106, p.span(), "`" + l.name() + "` is a `" + d.display() + "` and cannot be copied out of its reference",
                        "help: call its methods (`" + l.name() + ".method()`) or pass it on (`f(&" + l.name() + ")`)");
                yield Type.ERROR;
            }
            case Symbol.Local l -> l.type();
            case Symbol.Function f -> functionValue(p, f);
            case Symbol.Builtin b -> {
                diags.error(ErrorCode.E1102, p.span(), "`" + b.kind().path + "` must be called", "help: call it: `" + p.joined() + "(...)`");
                yield Type.ERROR;
            }
            case Symbol.Constant k -> k.value() == null ? Type.ERROR : k.type();
            case Symbol.VariantCtor v -> {
                if (v.variant().shape() == Item.Struct.Shape.UNIT) yield v.type();
                diags.error(ErrorCode.E0423, p.span(), "expected a value, found the variant `" + p.joined() + "`, which has fields",
                        v.variant().shape() == Item.Struct.Shape.TUPLE ? "help: call it: `" + p.joined() + "(...)`" : "help: use `" + p.joined() + " { ... }`");
                yield Type.ERROR;
            }
            case Symbol.StructCtor ctor -> {
                if (ctor.type().decl().shape() == Item.Struct.Shape.UNIT) yield ctor.type();
                diags.error(ErrorCode.E0423, p.span(), "expected a value, found struct `" + ctor.type().name() + "`",
                        ctor.type().decl().shape() == Item.Struct.Shape.TUPLE
                                ? "help: call its constructor: `" + p.joined() + "(...)`"
                                : "help: use a struct literal: `" + p.joined() + " { ... }`");
                yield Type.ERROR;
            }
        };
    }

    private Symbol resolve(Expr.Path p) {
        return resolve(p, "value");
    }

    /**
     * Looks a path up: locals (innermost first), then functions, then built-ins.
     * {@code kind} ("value" or "function") words the error when nothing is found.
     */
    private Symbol resolve(Expr.Path p, String kind) {
        Symbol found = null;
        // `crate::f`: how the module resolver writes an item of the root module where a local
        // variable hides its plain name `f`.
        boolean rooted = p.segments().size() == 2 && p.segments().get(0).equals("crate");
        if (p.segments().size() == 1 || rooted) {
            String name = p.segments().get(rooted ? 1 : 0);
            int depth = scopes.size();
            if (!rooted) for (Map<String, Symbol.Local> scope : scopes) {
                Symbol.Local l = scope.get(name);
                if (l != null) {
                    found = l;
                    // Declared outside a closure being checked: that closure captures it.
                    for (ClosureFrame frame : closureFrames) if (depth <= frame.baseDepth) frame.captures.putIfAbsent(l.id(), l);
                    break;
                }
                depth--;
            }
            if (found == null) found = functions.get(name);
            if (found == null) found = consts.get(name);
            if (found == null && nominal(name) instanceof Type.Struct st) found = new Symbol.StructCtor(st);
            if (found == null && preludeVariants.get(name) instanceof Symbol.VariantCtor v) {
                // `None::<i64>` gives the enum's type arguments.
                List<TypeExpr> written = p.argsAt(0);
                List<Type> args = written.size() == v.type().def().params.size()
                        ? written.stream().map(this::resolveType).toList() : freshArgs(v.type().def().params.size());
                found = new Symbol.VariantCtor(new Type.Enum(v.type().def(), args), v.index());
            }
        } else if (p.segments().size() == 2 && Type.Int.byName(p.segments().get(0)).isPresent()) {
            Type.Int it = Type.Int.byName(p.segments().get(0)).get();
            Symbol c = switch (p.segments().get(1)) {
                case "MIN" -> new Symbol.Constant(it.min(), it);
                case "MAX" -> new Symbol.Constant(it.max(), it);
                case "BITS" -> new Symbol.Constant(java.math.BigInteger.valueOf(it.bits), Type.Int.U32);
                default -> null;
            };
            if (c == null) {
                diags.error(ErrorCode.E0599, p.span(), "no associated item named `" + p.segments().get(1) + "` found for `" + it.display() + "`",
                        "note: integer types have the constants `MIN`, `MAX` and `BITS`");
                return null;
            }
            noteResolution(p, c);
            return c;
        } else if (p.segments().size() == 2) {
            // `Type::function` (an associated function, or a method called by path), or
            // `Enum::Variant`.
            String typeName = p.segments().get(0);
            Symbol viaTrait = traitPath(p);
            if (viaTrait != null) return viaTrait == NOT_FOUND ? null : viaTrait;
            Type st = pathType(p);
            if (st == Type.ERROR) return null;
            if (st != null) {
                pathSelf.put(p, st);
                if (st instanceof Type.Enum en) {
                    int index = en.variantIndex(p.segments().get(1));
                    if (index >= 0) {
                        Symbol v = new Symbol.VariantCtor(en, index);
                        noteResolution(p, v);
                        return v;
                    }
                }
                Symbol.Constant assoc = assocConsts.getOrDefault(defKey(st), Map.of()).get(p.segments().get(1));
                if (assoc != null) {
                    noteResolution(p, assoc);
                    return assoc;
                }
                Map<String, Symbol.Function> table = inherentMethods(st);
                Symbol.Function f = table.get(p.segments().get(1));
                if (f == null) f = traitFunctionFor(st, p.segments().get(1));
                if (f == null) {
                    java.util.Collection<String> names = new ArrayList<>(table.keySet());
                    if (st instanceof Type.Enum en) en.variants().forEach(v -> names.add(v.name()));
                    String note = Suggestions.closest(p.segments().get(1), names)
                            .map(x -> "help: there is an item with a similar name: `" + x + "`").orElse(null);
                    String message = st instanceof Type.Enum
                            ? "no variant or associated item named `" + p.segments().get(1) + "` found for enum `" + st.display() + "`"
                            : "no function or associated item named `" + p.segments().get(1) + "` found for struct `" + st.display() + "`";
                    if (note == null) diags.error(ErrorCode.E0599, p.span(), message); else diags.error(ErrorCode.E0599, p.span(), message, note);
                    return null;
                }
                noteResolution(p, f);
                return f;
            }
        }
        if (found == null) found = Builtins.lookup(p.joined()).map(Symbol.Builtin::new).orElse(null);
        if (found == null && p.segments().size() == 1 && nominal(p.segments().get(0)) instanceof Type.Enum en) {
            diags.error(ErrorCode.E0423, p.span(), "expected a value, found enum `" + en.name() + "`",
                    en.variants().isEmpty() ? "note: `" + en.name() + "` has no variants" : "help: use one of its variants, such as `" + en.name() + "::" + en.variants().get(0).name() + "`");
            return null;
        }
        if (found == null) {
            Set<String> candidates = new TreeSet<>(functions.keySet());
            candidates.addAll(consts.keySet());
            for (Map<String, Symbol.Local> scope : scopes) candidates.addAll(scope.keySet());
            for (Builtins.Kind k : Builtins.Kind.values()) candidates.add(k.path);
            String note = Suggestions.closest(p.joined(), candidates).map(s -> "help: a name with a similar spelling exists: `" + s + "`").orElse(null);
            String message = "cannot find " + kind + " `" + p.joined() + "` in this scope";
            if (note == null) diags.error(ErrorCode.E0425, p.span(), message); else diags.error(ErrorCode.E0425, p.span(), message, note);
            return null;
        }
        noteResolution(p, found);
        return found;
    }

    /** For `Type::item` paths: the type the first segment names, with its arguments (written or fresh). */
    private final Map<Expr.Path, Type> pathSelf = new IdentityHashMap<>();
    private static final Symbol NOT_FOUND = new Symbol.Builtin(null);

    /** The type named by the first segment of `Type::item`, `Type::<A>::item`, or null when it names none. */
    private Type pathType(Expr.Path p) {
        String name = p.segments().get(0);
        List<TypeExpr> written = p.argsAt(0);
        if (written.isEmpty()) {
            Type.Param param = typeParamScope.get(name);
            if (param != null) return param;
            return nominal(name);
        }
        if (nominalDef(name) == null) return null;
        return resolveType(new TypeExpr.Named(List.of(name), written, List.of(), p.span()));
    }

    /**
     * `T::f` / `Self::f` for a type parameter (a function of one of its bounds), or
     * `Trait::f` (the implementing type is inferred). Null when the path is neither;
     * NOT_FOUND after reporting.
     */
    private Symbol traitPath(Expr.Path p) {
        String first = p.segments().get(0), item = p.segments().get(1);
        Type base = first.equals("Self") ? currentSelf : typeParamScope.get(first);
        if (base instanceof Type.Param param && p.argsAt(0).isEmpty()) {
            for (Type.Bound b : traits.boundsOf(param)) {
                Symbol.Function f = traits.methods(b.trait()).get(item);
                if (f != null) {
                    pathSelf.put(p, param);
                    pathTraitArgs.put(p, b.args());
                    noteResolution(p, f);
                    return f;
                }
            }
            diags.error(ErrorCode.E0599, p.span(), "no function or associated item named `" + item + "` found for type parameter `" + first + "`",
                    param.bounds().isEmpty() ? "help: bound it by a trait that declares `" + item + "`: `" + first + ": Trait`"
                            : "note: its bounds are: " + String.join(", ", param.bounds().stream().map(Type.Bound::display).toList()));
            return NOT_FOUND;
        }
        Type.TraitDef trait = traits.trait(first);
        if (trait == null) return null;
        Symbol.Function f = traits.methods(trait).get(item);
        if (f == null) {
            diags.error(ErrorCode.E0576, p.span(), "cannot find method or associated function `" + item + "` in trait `" + first + "`",
                    Suggestions.closest(item, traits.methods(trait).keySet()).map(x -> "help: a function with a similar name exists: `" + x + "`").orElse("note: see `trait " + first + " { ... }`"));
            return NOT_FOUND;
        }
        noteResolution(p, f);
        return f;
    }

    /** Trait arguments fixed by the bound a `T::f` path went through. */
    private final Map<Expr.Path, List<Type>> pathTraitArgs = new IdentityHashMap<>();

    /** A function a trait declares that {@code t} implements (by impl or by bound), or null. */
    private Symbol.Function traitFunctionFor(Type t, String name) {
        for (Type.TraitDef trait : traits.traits()) {
            Symbol.Function f = traits.methods(trait).get(name);
            if (f != null && traits.implementsTrait(t, trait, null) && !(t instanceof Type.Var)) return f;
        }
        return null;
    }

    /**
     * The outer type arguments (the impl's or trait's parameters) of a call of {@code f} on
     * (or through) the type {@code self}: fresh variables tied to {@code self}.
     */
    private List<Type> outerArgsFor(Symbol.Function f, Type self, List<Type> traitArgs) {
        int outer = f.typeParams().size() - f.decl().generics().params().size();
        if (outer == 0 || self == null) return List.of();
        if (f.trait() != null) {
            List<Type> args = new ArrayList<>();
            args.add(self);
            for (int i = 0; i < f.trait().params.size(); i++) {
                args.add(traitArgs != null && i < traitArgs.size() ? traitArgs.get(i) : traitArgFor(f.trait(), self, i));
            }
            return args;
        }
        List<Type> args = freshArgs(outer);
        Type owner = traits.normalize(Types.subst(f.owner(), Types.bind(f.typeParams(), args)));
        infer.unify(owner, self);
        return args;
    }

    /** The {@code i}th argument of the trait as {@code self} implements it (when one impl decides it), else fresh. */
    private Type traitArgFor(Type.TraitDef trait, Type self, int i) {
        Type r = infer.deepResolve(self);
        if (r instanceof Type.Param p) {
            for (Type.Bound b : traits.boundsOf(p)) if (b.trait() == trait) return b.args().get(i);
        }
        TraitEnv.Match m = Types.any(r, x -> x instanceof Type.Var) ? null : traits.find(trait, r, null);
        if (m != null) return Types.subst(m.impl().traitArgs().get(i), m.subst());
        return infer.fresh(Type.VarKind.ANY);
    }

    /**
     * The arguments of a call whose target is unknown (already reported): checked for their
     * own errors, a `&x` as x, since whether `&` was right cannot be known.
     */
    private void checkStray(Expr arg) {
        check(arg instanceof Expr.Ref r ? r.operand() : arg, null);
    }

    // ---- trait objects --------------------------------------------------------------

    /**
     * An argument for a `&dyn Trait` parameter: `&x`, where x's type implements the trait
     * (the lowering makes the vtable), or is itself such a parameter (passed on).
     */
    private void dynArgument(Expr arg, Type.Ref param, Type.Dyn d, String callee) {
        types.put(arg, param);
        functionExprs.add(arg);
        if (!(arg instanceof Expr.Ref r)) {
            dynPlaceAllowed = arg instanceof Expr.Path;
            Type t = check(arg, null);
            dynPlaceAllowed = false;
            if (resolved(t) != Type.ERROR) {
                diags.error(ErrorCode.E0308, arg.span(), "mismatched types: expected `" + show(param) + "`, found `" + show(t) + "`",
                        "help: pass a reference: `&" + arg.span().text() + "`");
            }
            return;
        }
        dynPlaceAllowed = r.operand() instanceof Expr.Path;
        Type t = resolved(check(r.operand(), null));
        dynPlaceAllowed = false;
        if (t == Type.ERROR) return;
        if (Types.any(infer.deepResolve(t), x -> x instanceof Type.Var v && v.kind() != Type.VarKind.ANY)) {
            infer.defaultLiteralsIn(t);
            t = infer.deepResolve(t);
        }
        if (param.mutable() && !r.mutable()) {
            diags.error(ErrorCode.E0308, arg.span(), "mismatched types: expected `" + show(param) + "`, found `&" + show(t) + "`",
                    "help: `" + callee + "` may change it; borrow it mutably: `&mut " + r.operand().span().text() + "`");
            return;
        }
        if (t instanceof Type.Dyn have) {
            if (have.bound().trait() != d.bound().trait() || !infer.unify(have, d)) mismatch(r.operand().span(), d, t);
            return;
        }
        if (t instanceof Type.Var) {
            diags.error(ErrorCode.E0282, r.operand().span(), "type annotations needed: the type behind a `" + show(param) + "` must be known");
            return;
        }
        obligations.add(new Obligation(r.operand().span(), t, d.bound(),
                "note: `" + show(t) + "` is passed as a `" + show(param) + "`, so it must implement `" + d.bound().trait().name + "`"));
        if (r.mutable()) {
            Symbol.Local root = placeRoot(r.operand());
            if (root != null && !root.mutable()) {
                diags.error(ErrorCode.E0596, r.operand().span(), "cannot borrow `" + exprText(r.operand()) + "` as mutable, as `" + root.name() + "` is not declared as mutable",
                        "help: consider changing this to be mutable: `mut " + root.name() + "`");
            }
        }
    }

    /** `x.method(...)` on a `dyn Trait`: one of the trait's methods, called through the vtable. */
    private Type dynMethodCall(Expr.MethodCall mc, Type.Dyn d) {
        Symbol.Function f = null;
        Type.Bound owner = null;
        for (Type.Bound b : traits.withSupertraits(d.bound(), d)) {
            Symbol.Function m = traits.methods(b.trait()).get(mc.name());
            if (m != null) { f = m; owner = b; break; }
        }
        if (f == null) {
            mc.args().forEach(this::checkStray);
            diags.error(ErrorCode.E0599, mc.nameSpan(), "no method named `" + mc.name() + "` found for `" + show(d) + "`",
                    "note: a trait object has the methods of its trait: " + String.join(", ", traits.vtableMethods(d.bound().trait()).stream().map(m -> "`" + m.name() + "`").toList()));
            return Type.ERROR;
        }
        if (f.decl().self().kind() == Item.SelfParam.Kind.REF_MUT) {
            Symbol.Local root = placeRoot(mc.receiver());
            if (root != null && !root.mutable()) {
                diags.error(ErrorCode.E0596, mc.receiver().span(), "cannot borrow `" + root.name() + "` as mutable: `" + mc.name() + "` takes `&mut self`",
                        "help: declare the parameter `" + root.name() + ": &mut " + show(d) + "`");
            }
        }
        methodTargets.put(mc, f);
        Map<Type.Param, Type> m = Types.bind(f.typeParams(), List.of());
        m.put(owner.trait().self, d);
        for (int i = 0; i < owner.trait().params.size() && i < owner.args().size(); i++) m.put(owner.trait().params.get(i), owner.args().get(i));
        Map<String, Type> bindings = d.bound().bindings();
        java.util.function.UnaryOperator<Type> sig = t -> Types.map(Types.subst(t, m),
                x -> x instanceof Type.Assoc a && a.base().equals(d) && bindings.containsKey(a.name()) ? bindings.get(a.name()) : null);
        checkArguments(new Expr.Call(mc.receiver(), mc.args(), mc.span()), mc.name(), f.params().stream().map(sig).toList());
        return sig.apply(f.result());
    }

    // ---- closures and function values -----------------------------------------------

    /**
     * `|a, b| body`. Parameter and result types come from annotations, else from what the
     * context expects (a `fn` type, or the `Fn` bound of the generic parameter the closure
     * is passed for), else from inference. Variables of the enclosing function that the
     * body names are captured: copied into the closure value when it is created.
     */
    private Type closure(Expr.Closure c, Type expected) {
        Type.Fn want = expectedSignature(expected, c.params().size());
        List<Type> paramTypes = new ArrayList<>();
        for (int i = 0; i < c.params().size(); i++) {
            Expr.ClosureParam p = c.params().get(i);
            Type t;
            if (p.type() != null) {
                t = resolveType(p.type());
                if (t instanceof Type.Ref) {
                    diags.error(ErrorCode.E1104, p.type().span(), "closure parameters cannot be references", "note: a closure takes its arguments by value");
                    t = Type.ERROR;
                }
                if (want != null && !infer.unify(t, want.params().get(i)) && mistypedClosures.add(c)) {
                    diags.error(ErrorCode.E0631, p.type().span(), "type mismatch in closure arguments: expected `" + show(want.params().get(i)) + "`, found `" + show(t) + "`",
                            "note: the closure must be a `" + show(want) + "` here");
                }
            } else {
                t = want != null ? want.params().get(i) : infer.fresh(Type.VarKind.ANY);
            }
            paramTypes.add(t);
        }
        Type result = c.result() != null ? resolveType(c.result()) : want != null ? want.result() : infer.fresh(Type.VarKind.ANY);
        if (c.result() != null && want != null) infer.unify(result, want.result());

        Type savedReturn = returnType;
        List<LoopContext> savedLoops = new ArrayList<>(loops);
        loops.clear(); // `break` and `continue` do not leave a closure
        returnType = result;
        ClosureFrame frame = new ClosureFrame(scopes.size());
        closureFrames.push(frame);
        Map<String, Symbol.Local> paramScope = new HashMap<>();
        List<Symbol.Local> params = new ArrayList<>();
        for (int i = 0; i < c.params().size(); i++) {
            Expr.ClosureParam p = c.params().get(i);
            Symbol.Local local = new Symbol.Local(nextLocal++, p.name(), paramTypes.get(i), p.mutable(), true, p.nameSpan());
            functionLocals.add(local);
            params.add(local);
            if (paramScope.put(p.name(), local) != null) {
                diags.error(ErrorCode.E0415, p.nameSpan(), "identifier `" + p.name() + "` is bound more than once in this parameter list");
            }
        }
        scopes.push(paramScope);
        try {
            Type body = check(c.body(), result);
            // A body that never returns (`|| panic("x")`) fixes no result type: unless the
            // context does, it is `()` (Rust's never-type fallback), decided at the end.
            if (resolved(body) == Type.NEVER && resolved(result) instanceof Type.Var v && v.kind() == Type.VarKind.ANY) neverResults.add(result);
            if (!coerces(body, result)) mismatch(c.body().span(), result, body);
        } finally {
            scopes.pop();
            closureFrames.pop();
            returnType = savedReturn;
            loops.clear();
            for (int i = savedLoops.size() - 1; i >= 0; i--) loops.push(savedLoops.get(i));
        }
        // (An enclosing closure captured the same variables when they were resolved.)
        List<Symbol.Local> captures = List.copyOf(frame.captures.values());
        closures.put(c, new CheckedProgram.Closure(List.copyOf(params), captures, currentFunction));
        Type.ClosureDef def = closureDefs.computeIfAbsent(c, Type.ClosureDef::new);
        List<Type> outerArgs = currentFunction == null ? List.of() : List.copyOf(currentFunction.typeParams());
        return new Type.Closure(def, outerArgs, List.copyOf(paramTypes), result, captures.stream().map(Symbol.Local::type).toList());
    }

    /** The signature a closure is expected to have here, or null when nothing says. */
    private Type.Fn expectedSignature(Type expected, int arity) {
        if (expected == null) return null;
        Type e = traits.normalize(infer.deepResolve(expected));
        Type.Fn sig = switch (e) {
            case Type.Fn f -> f;
            case Type.Param p -> traits.boundsOf(p).stream().filter(b -> b.trait() == fnTrait()).findFirst().map(this::signatureOfBound).orElse(null);
            case Type.Var v -> obligations.stream()
                    .filter(o -> o.bound().trait() == fnTrait() && infer.deepResolve(o.type()).equals(v))
                    .findFirst().map(o -> signatureOfBound(o.bound())).orElse(null);
            default -> null;
        };
        return sig != null && sig.params().size() == arity ? sig : null;
    }

    private Type.TraitDef fnTrait() {
        return traits.trait(TraitEnv.FN);
    }

    /** `Fn<(A, B), Output = R>` as `fn(A, B) -> R` (a fresh result when the bound leaves it open). */
    private Type.Fn signatureOfBound(Type.Bound b) {
        if (b.args().isEmpty() || !(traits.normalize(infer.deepResolve(b.args().get(0))) instanceof Type.Tuple args)) return null;
        Type result = b.bindings().get("Output");
        return new Type.Fn(args.elements().stream().map(t -> traits.normalize(infer.deepResolve(t))).toList(),
                result == null ? infer.fresh(Type.VarKind.ANY) : traits.normalize(infer.deepResolve(result)));
    }

    /**
     * `F: Fn(A) -> R` for a closure or `fn` value: the same number of parameters, of the
     * same types. Reports and returns false when not; true to go on with the general check.
     */
    private boolean fnBoundHolds(Obligation o, Type t) {
        Type.Fn want = signatureOfBound(o.bound());
        Type.Fn have = TraitEnv.signatureOf(t);
        if (want == null) return true;
        if (have == null) {
            if (t instanceof Type.Param || t instanceof Type.Var) return true;
            diags.error(ErrorCode.E0277, o.span(), "expected a function or closure `" + show(want) + "`, found `" + show(t) + "`",
                    "note: only closures and `fn` values implement `Fn`");
            return false;
        }
        if (have.params().size() != want.params().size()) {
            diags.error(ErrorCode.E0593, o.span(), "expected a closure that takes " + count(want.params().size(), "argument") + ", found one that takes "
                    + have.params().size(), "note: it must be a `" + show(want) + "`");
            return false;
        }
        for (int i = 0; i < want.params().size(); i++) {
            if (!infer.unify(want.params().get(i), have.params().get(i))) {
                if (!(t instanceof Type.Closure c && mistypedClosures.contains(c.def().expr))) {
                    diags.error(ErrorCode.E0631, o.span(), "type mismatch in function arguments: expected `" + show(want) + "`, found `" + show(have) + "`");
                }
                return false;
            }
        }
        return true;
    }

    /** Closures whose annotated parameter types were already reported as not fitting. */
    private final Set<Expr.Closure> mistypedClosures = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    /** A closure value where a `fn` type is wanted: allowed when it captures nothing. */
    private Type closureAsFn(Expr e, Type.Closure c, Type.Fn want) {
        if (!c.captures().isEmpty()) {
            CheckedProgram.Closure info = closures.get(c.def().expr);
            String names = info == null ? "" : String.join(", ", info.captures().stream().map(l -> "`" + l.name() + "`").toList());
            diags.error(ErrorCode.E1108, e.span(), "a closure that captures variables cannot be a `" + show(want) + "` value",
                    "note: the closure captures " + names,
                    "help: take a generic parameter instead: `fn f<F: Fn(" + String.join(", ", want.params().stream().map(this::show).toList()) + ")"
                            + (want.result() == Type.UNIT ? "" : " -> " + show(want.result())) + ">(g: F)`");
            return Type.ERROR;
        }
        if (!infer.unify(want, c.signature())) return c; // the caller reports the mismatch
        fnCoercions.put(e, c);
        return want;
    }

    /**
     * A call of a value: a closure, a `fn` value, or a value of a type parameter bounded by
     * `Fn(...)`. {@code name} words the errors.
     */
    private Type valueCall(Expr.Call c, Type calleeType, String name) {
        Type t = traits.normalize(infer.deepResolve(calleeType));
        Type.Fn sig = TraitEnv.signatureOf(t);
        if (sig == null) sig = expectedSignature(t, c.args().size());
        if (sig == null) sig = switch (t) {
            case Type.Param p -> traits.boundsOf(p).stream().filter(b -> b.trait() == fnTrait()).findFirst().map(this::signatureOfBound).orElse(null);
            default -> null;
        };
        if (sig == null) {
            if (t != Type.ERROR) {
                diags.error(ErrorCode.E0618, c.callee().span(), "expected a function, found " + name + " of type `" + show(t) + "`",
                        t instanceof Type.Param p ? "help: bound it: `" + p.name + ": Fn(...) -> R`" : "note: only functions, closures and `fn` values can be called");
            }
            c.args().forEach(this::checkStray);
            return Type.ERROR;
        }
        valueCalls.add(c);
        checkArguments(c, name, sig.params());
        return sig.result();
    }

    private final Set<Expr.Call> valueCalls = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    /** A function named without calling it: a `fn` value. */
    private Type functionValue(Expr.Path p, Symbol.Function f) {
        if (f.decl().isForeign()) {
            // A `fn` value is called without `unsafe`: the foreign function stays behind a call.
            diags.error(ErrorCode.E1101, p.span(), "the foreign function `" + f.name() + "` cannot be used as a value",
                    "help: wrap the call in a closure: `|x| unsafe { " + p.joined() + "(x) }`");
            return Type.ERROR;
        }
        if (f.decl().self() != null || f.params().stream().anyMatch(t -> t instanceof Type.Ref)) {
            diags.error(ErrorCode.E1101, p.span(), f.decl().self() != null ? "a method cannot be used as a value" : "a function with reference parameters cannot be used as a value",
                    "help: wrap it in a closure: `|x| " + p.joined() + "(...)`");
            return Type.ERROR;
        }
        if (!f.isGeneric()) return new Type.Fn(f.params(), f.result());
        Type self = pathSelf.get(p);
        List<Type> args = instantiate(f, outerArgsFor(f, self, pathTraitArgs.get(p)), p.argsAt(p.segments().size() - 1), p, p.span());
        return new Type.Fn(instantiatedParams(f, args), instantiated(f, args, f.result()));
    }

    /** Assigning to, or borrowing mutably, a variable a closure captured: its copy is read-only. */
    private boolean capturedMutation(Symbol.Local root, Span span, String what) {
        if (closureFrames.isEmpty() || !closureFrames.peek().captures.containsKey(root.id())) return false;
        diags.error(ErrorCode.E0594, span, "cannot " + what + " `" + root.name() + "`, a variable captured by this closure",
                "note: closures capture by value: the closure has its own copy of `" + root.name() + "`, made when it was created, and cannot change it",
                "help: return the new value from the closure instead, and assign it outside");
        return true;
    }

    private Type call(Expr.Call c) {
        if (!(c.callee() instanceof Expr.Path callee)) {
            Type t = check(c.callee(), null);
            return valueCall(c, t, "an expression");
        }
        Symbol s = resolve(callee, "function");
        types.put(callee, Type.ERROR);
        if (s == null) {
            c.args().forEach(this::checkStray);
            return Type.ERROR;
        }
        return switch (s) {
            case Symbol.Local l -> {
                types.put(callee, l.type());
                functionExprs.add(callee);
                yield valueCall(c, l.type(), "`" + l.name() + "`, a variable");
            }
            case Symbol.Function f -> {
                if (f.decl().self() != null) {
                    diags.error(ErrorCode.E0615, callee.span(), "`" + f.qualifiedName() + "` is a method", "help: call it on a value: `value." + f.name() + "(...)`");
                    c.args().forEach(this::checkStray);
                    yield Type.ERROR;
                }
                if (f.decl().isForeign() && unsafeDepth == 0) {
                    diags.error(ErrorCode.E0133, c.span(), "a call of the foreign function `" + f.name() + "` is unsafe and requires an `unsafe` block",
                            "note: it is C code: the compiler cannot check what it does with its arguments or with memory",
                            "help: wrap it in `unsafe { ... }`");
                }
                if (!f.isGeneric()) {
                    checkArguments(c, f.qualifiedName(), f.params());
                    yield f.result();
                }
                Type self = pathSelf.get(callee);
                if (self == null && f.trait() != null) self = infer.fresh(Type.VarKind.ANY); // `Trait::f(...)`: inferred
                List<Type> args = instantiate(f, outerArgsFor(f, self, pathTraitArgs.get(callee)), callee.argsAt(callee.segments().size() - 1), c, callee.span());
                if (f.trait() != null && pathSelf.get(callee) == null) {
                    obligations.add(new Obligation(callee.span(), self, new Type.Bound(f.trait(), args.subList(1, 1 + f.trait().params.size()), Map.of()),
                            "note: `" + callee.joined() + "` needs a type that implements `" + f.trait().name + "`"));
                }
                checkArguments(c, f.qualifiedName(), instantiatedParams(f, args));
                yield instantiated(f, args, f.result());
            }
            case Symbol.Builtin b -> builtinCall(c, b.kind());
            case Symbol.Constant k -> {
                diags.error(ErrorCode.E0618, callee.span(), "`" + callee.joined() + "` is a constant, not a function");
                c.args().forEach(this::checkStray);
                yield Type.ERROR;
            }
            case Symbol.VariantCtor v -> {
                if (v.variant().shape() != Item.Struct.Shape.TUPLE) {
                    diags.error(ErrorCode.E0618, callee.span(), "`" + callee.joined() + "` is not a tuple variant and cannot be called",
                            v.variant().shape() == Item.Struct.Shape.UNIT ? "help: it is a value already: `" + callee.joined() + "`" : "help: use `" + callee.joined() + " { ... }`");
                    c.args().forEach(this::checkStray);
                    yield Type.ERROR;
                }
                checkArguments(c, callee.joined(), v.variant().fieldTypes());
                yield v.type();
            }
            case Symbol.StructCtor ctor -> {
                if (ctor.type().decl().shape() != Item.Struct.Shape.TUPLE) {
                    diags.error(ErrorCode.E0618, callee.span(), "`" + ctor.type().name() + "` is not a tuple struct and has no constructor function",
                            "help: use a struct literal: `" + ctor.type().name() + " { ... }`");
                    c.args().forEach(this::checkStray);
                    yield Type.ERROR;
                }
                checkArguments(c, ctor.type().name(), ctor.type().fieldTypes());
                yield ctor.type();
            }
        };
    }

    private void checkArguments(Expr.Call c, String name, List<Type> paramTypes) {
        if (c.args().size() != paramTypes.size()) {
            diags.error(ErrorCode.E0061, c.span(), "`" + name + "` takes " + count(paramTypes.size(), "argument") + " but "
                    + count(c.args().size(), "argument") + (c.args().size() == 1 ? " was" : " were") + " supplied");
            c.args().forEach(this::checkStray);
            return;
        }
        for (int i = 0; i < paramTypes.size(); i++) argument(c.args().get(i), paramTypes.get(i), name);
        checkBorrows(c.args(), paramTypes, null, false);
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private Type builtinCall(Expr.Call c, Builtins.Kind kind) {
        return switch (kind) {
            case PRINT, PRINTLN, EPRINT, EPRINTLN, PANIC -> {
                formatCall(c, c.args(), kind);
                yield kind == Builtins.Kind.PANIC ? Type.NEVER : Type.UNIT;
            }
            case FORMAT -> {
                formatCall(c, c.args(), kind);
                yield Type.STRING;
            }
            case WRITE -> {
                Type.StructDef formatter = structs.get("Formatter");
                if (c.args().isEmpty()) {
                    diags.error(ErrorCode.E0061, c.span(), "`write` takes a `Formatter` and a format string", "help: inside `fn fmt(&self, f: &mut Formatter)`, write `write(f, \"{}\", value)`");
                    yield Type.ERROR;
                }
                if (c.args().get(0) instanceof Expr.Ref r && r.mutable()) {
                    // `write(&mut s, "...", args)`: appends to the String s in place.
                    argument(c.args().get(0), new Type.Ref(Type.STRING, true), "write");
                    formatCall(c, c.args().subList(1, c.args().size()), kind);
                    yield Type.UNIT;
                }
                Type target = check(c.args().get(0), null);
                if (formatter == null || !(resolved(target) instanceof Type.Struct st && st.def() == formatter) || placeRoot(c.args().get(0)) == null) {
                    if (resolved(target) != Type.ERROR) {
                        diags.error(ErrorCode.E0308, c.args().get(0).span(), "mismatched types: expected a `Formatter` variable, found `" + show(target) + "`",
                                "note: `write(f, ...)` writes where the value being formatted goes, inside `fn fmt(&self, f: &mut Formatter)`; `write(&mut s, ...)` appends to a String");
                    }
                    c.args().subList(1, c.args().size()).forEach(a -> check(a, null));
                    yield Type.ERROR;
                }
                formatCall(c, c.args().subList(1, c.args().size()), kind);
                yield Type.UNIT;
            }
            case EXIT -> { checkArguments(c, kind.path, List.of(Type.Int.I32)); yield Type.NEVER; }
            case ARG_COUNT -> { checkArguments(c, kind.path, List.of()); yield Type.I64; }
            case ARG -> { checkArguments(c, kind.path, List.of(Type.I64)); yield Type.STRING; }
            case WRITE_BYTES -> { writeBytes(c); yield Type.UNIT; }
            case READ_TO_STRING -> { checkArguments(c, kind.path, List.of()); yield Type.STRING; }
            case READ_LINE -> {
                checkArguments(c, kind.path, List.of());
                Object option = preludeItem(enums.get("std::Option"), enums.get("Option"));
                yield option instanceof Type.EnumDef o ? new Type.Enum(o, List.of(Type.STRING)) : Type.ERROR;
            }
            case CATCH -> catchCall(c);
            case PTR_ALLOC -> {
                requireUnsafe(c.span(), "`std::ptr::alloc`");
                Type.Ptr p = new Type.Ptr(pointee(c), true);
                checkArguments(c, kind.path, List.of(Type.Int.USIZE));
                yield p;
            }
            case PTR_REALLOC -> {
                requireUnsafe(c.span(), "`std::ptr::realloc`");
                Type.Ptr p = new Type.Ptr(pointee(c), true);
                checkArguments(c, kind.path, List.of(p, Type.Int.USIZE));
                yield p;
            }
            case PTR_FREE, PTR_DROP_IN_PLACE -> {
                requireUnsafe(c.span(), "`" + kind.path + "`");
                checkArguments(c, kind.path, List.of(new Type.Ptr(pointee(c), true)));
                yield Type.UNIT;
            }
            case PTR_NULL -> {
                Type.Ptr p = new Type.Ptr(pointee(c), true);
                checkArguments(c, kind.path, List.of());
                yield p;
            }
            case RC_IS_UNIQUE -> isUniqueCall(c);
            case SIZE_OF, ALIGN_OF, NEEDS_DROP -> typeFact(c, kind);
            case STR_FROM_RAW -> {
                requireUnsafe(c.span(), "`" + kind.path + "`");
                checkArguments(c, kind.path, List.of(new Type.Ptr(Type.Int.U8, false), Type.Int.USIZE));
                yield Type.STRING;
            }
            case STR_PUSH_RAW -> {
                requireUnsafe(c.span(), "`" + kind.path + "`");
                checkArguments(c, kind.path, List.of(new Type.Ref(Type.STRING, true), new Type.Ptr(Type.Int.U8, false), Type.Int.USIZE));
                yield Type.UNIT;
            }
            case PARSE_I64 -> { checkArguments(c, kind.path, List.of(new Type.Ref(Type.STRING, false), Type.I64, Type.I64)); yield new Type.Tuple(List.of(Type.Int.I32, Type.I64)); }
            case PARSE_U64 -> { checkArguments(c, kind.path, List.of(new Type.Ref(Type.STRING, false), Type.Int.U64)); yield new Type.Tuple(List.of(Type.Int.I32, Type.Int.U64)); }
            case PARSE_F64, PARSE_F32, PARSE_BOOL, PARSE_CHAR -> {
                checkArguments(c, kind.path, List.of(new Type.Ref(Type.STRING, false)));
                Type value = switch (kind) { case PARSE_F64 -> Type.Float.F64; case PARSE_F32 -> Type.Float.F32; case PARSE_BOOL -> Type.BOOL; default -> Type.CHAR; };
                yield new Type.Tuple(List.of(Type.Int.I32, value));
            }
            case PARSE_ERROR -> { checkArguments(c, kind.path, List.of(Type.Int.I32)); yield Type.STRING; }
            case STR_COMPARE -> { checkArguments(c, kind.path, List.of(new Type.Ref(Type.STRING, false), new Type.Ref(Type.STRING, false))); yield Type.Int.I32; }
            case CHAR_FROM_U32 -> {
                requireUnsafe(c.span(), "`" + kind.path + "`");
                checkArguments(c, kind.path, List.of(Type.Int.U32));
                yield Type.CHAR;
            }
            case STR_PUSH_CHAR -> { checkArguments(c, kind.path, List.of(new Type.Ref(Type.STRING, true), Type.CHAR)); yield Type.UNIT; }
            case STR_SLICE -> {
                requireUnsafe(c.span(), "`" + kind.path + "`");
                checkArguments(c, kind.path, List.of(new Type.Ref(Type.STRING, false), Type.Int.USIZE, Type.Int.USIZE));
                yield Type.STRING;
            }
            case SET_HOOK -> {
                Object panic = preludeItem(structs.get("std::Panic"), structs.get("Panic"));
                if (!(panic instanceof Type.StructDef p)) yield Type.ERROR;
                checkArguments(c, kind.path, List.of(new Type.Fn(List.of(new Type.Struct(p, List.of())), Type.UNIT)));
                yield Type.UNIT;
            }
            case RESET_HOOK -> { checkArguments(c, kind.path, List.of()); yield Type.UNIT; }
            case BACKTRACE_CAPTURE, BACKTRACE_WRITE -> {
                Object bt = preludeItem(structs.get("std::Backtrace"), structs.get("Backtrace"));
                Object fmt = preludeItem(structs.get("std::Formatter"), structs.get("Formatter"));
                if (!(bt instanceof Type.StructDef b) || !(fmt instanceof Type.StructDef fd)) yield Type.ERROR;
                Type backtrace = new Type.Struct(b, List.of());
                if (kind == Builtins.Kind.BACKTRACE_CAPTURE) {
                    checkArguments(c, kind.path, List.of());
                    yield backtrace;
                }
                checkArguments(c, kind.path, List.of(new Type.Struct(fd, List.of()), backtrace));
                yield Type.UNIT;
            }
            case RANDOM_KEYS -> {
                checkArguments(c, kind.path, List.of());
                yield new Type.Tuple(List.of(Type.Int.U64, Type.Int.U64));
            }
            case MEM_STATS -> {
                checkArguments(c, kind.path, List.of());
                Object stats = preludeItem(structs.get("std::MemStats"), structs.get("MemStats"));
                yield stats instanceof Type.StructDef d ? new Type.Struct(d, List.of()) : Type.ERROR;
            }
        };
    }

    /** Inside `unsafe { }` (or a closure written there), raw pointers may be used. */
    private int unsafeDepth;

    private void requireUnsafe(Span span, String what) {
        if (unsafeDepth > 0) return;
        diags.error(ErrorCode.E0133, span, what + " is unsafe and requires an `unsafe` block",
                "note: raw pointers are not checked: the code must make sure they point to live values of their type",
                "help: wrap it in `unsafe { ... }`");
    }

    /** The pointee type of a pointer builtin: `alloc::<T>`'s, or one inference finds. */
    private Type pointee(Expr.Call c) {
        Expr.Path callee = (Expr.Path) c.callee();
        List<TypeExpr> explicit = callee.argsAt(callee.segments().size() - 1);
        if (explicit != null && explicit.size() == 1) return resolveType(explicit.get(0));
        if (explicit != null && explicit.size() > 1) {
            diags.error(ErrorCode.E0107, callee.span(), "`" + callee.joined() + "` takes 1 type argument but " + explicit.size() + " were supplied");
        }
        return infer.fresh(Type.VarKind.ANY);
    }

    /**
     * `std::mem::size_of::<T>()`, `align_of`, `needs_drop`: the type argument is written
     * (nothing to infer it from). It is recorded as the callee's type, `*mut T`, so that
     * the lowering finds it substituted in each instance of a generic function.
     */
    private Type typeFact(Expr.Call c, Builtins.Kind kind) {
        Type result = kind == Builtins.Kind.NEEDS_DROP ? Type.BOOL : Type.Int.USIZE;
        Expr.Path callee = (Expr.Path) c.callee();
        List<TypeExpr> explicit = callee.argsAt(callee.segments().size() - 1);
        checkArguments(c, kind.path, List.of());
        if (explicit == null || explicit.size() != 1) {
            diags.error(ErrorCode.E0107, callee.span(), "`" + kind.path + "` takes 1 type argument but " + (explicit == null ? 0 : explicit.size()) + " were supplied",
                    "help: name the type: `" + kind.path + "::<T>()`");
            return result;
        }
        Type t = resolveType(explicit.get(0));
        if (resolved(t) != Type.ERROR) types.put(callee, new Type.Ptr(t, true));
        return result;
    }

    /** `std::rc::is_unique(&c)`: c is a class value, borrowed so that asking adds no reference. */
    private Type isUniqueCall(Expr.Call c) {
        if (c.args().size() != 1 || !(c.args().get(0) instanceof Expr.Ref r) || r.mutable()) {
            c.args().forEach(a -> check(a instanceof Expr.Ref r ? r.operand() : a, null));
            diags.error(ErrorCode.E0061, c.span(), "`std::rc::is_unique` takes one borrowed class value: `std::rc::is_unique(&x)`");
            return Type.BOOL;
        }
        Type t = resolved(check(r.operand(), null));
        if (t != Type.ERROR && !isClass(t)) {
            diags.error(ErrorCode.E0308, r.operand().span(), "mismatched types: expected a class value, found `" + show(t) + "`",
                    "note: only class objects are reference-counted; values are always unique");
        }
        return Type.BOOL;
    }

    /**
     * `std::panic::catch(f)`: {@code f} is a closure, a `fn` value or a value of a type
     * parameter bounded by `Fn() -> R`, taking no arguments; the call is `Result<R, Panic>`.
     */
    private Type catchCall(Expr.Call c) {
        if (c.args().size() != 1) {
            diags.error(ErrorCode.E0061, c.span(), "`std::panic::catch` takes 1 argument but " + count(c.args().size(), "argument")
                    + (c.args().size() == 1 ? " was" : " were") + " supplied", "help: pass the code to run as a closure: `std::panic::catch(|| ...)`");
            c.args().forEach(a -> check(a, null));
            return Type.ERROR;
        }
        Type t = traits.normalize(infer.deepResolve(check(c.args().get(0), null)));
        if (t == Type.ERROR) return Type.ERROR;
        Type.Fn sig = TraitEnv.signatureOf(t);
        if (sig == null && t instanceof Type.Param p) {
            sig = traits.boundsOf(p).stream().filter(b -> b.trait() == fnTrait()).findFirst().map(this::signatureOfBound).orElse(null);
        }
        if (sig == null) {
            diags.error(ErrorCode.E0277, c.args().get(0).span(), "expected a closure, found `" + show(t) + "`",
                    "note: `std::panic::catch` runs a closure that takes no arguments and catches its panic: `std::panic::catch(|| ...)`");
            return Type.ERROR;
        }
        if (!sig.params().isEmpty()) {
            diags.error(ErrorCode.E0593, c.args().get(0).span(), "expected a closure that takes no arguments, found one that takes "
                    + sig.params().size(), "note: `std::panic::catch` calls it with none: capture what it needs instead");
            return Type.ERROR;
        }
        Object result = preludeItem(enums.get("std::Result"), enums.get("Result"));
        Object panic = preludeItem(structs.get("std::Panic"), structs.get("Panic"));
        if (!(result instanceof Type.EnumDef r) || !(panic instanceof Type.StructDef p)) return Type.ERROR;
        return new Type.Enum(r, List.of(sig.result(), new Type.Struct(p, List.of())));
    }

    /** A prelude type: the renamed one when the program declares its own, else the one of that name. */
    private Object preludeItem(Object renamed, Object plain) {
        if (renamed != null) return renamed;
        return plain instanceof Type.StructDef s && s.decl.span().file() != module.file() ? s
                : plain instanceof Type.EnumDef e && e.decl.span().file() != module.file() ? e : null;
    }

    /** `std::io::write_bytes(&buf, n)`: {@code buf} is any `[u8; N]`, n a usize. */
    private void writeBytes(Expr.Call c) {
        if (c.args().size() != 2) {
            diags.error(ErrorCode.E0061, c.span(), "`std::io::write_bytes` takes 2 arguments but " + count(c.args().size(), "argument")
                    + (c.args().size() == 1 ? " was" : " were") + " supplied", "help: `std::io::write_bytes(&buffer, length)`");
            c.args().forEach(this::checkStray);
            return;
        }
        Expr buffer = c.args().get(0);
        Type t = resolved(check(buffer instanceof Expr.Ref r ? r.operand() : buffer, null));
        if (buffer instanceof Expr.Ref) types.put(buffer, new Type.Ref(t, false));
        if (t != Type.ERROR && !(buffer instanceof Expr.Ref && t instanceof Type.Array a && a.element() == Type.Int.U8)) {
            diags.error(ErrorCode.E0308, buffer.span(), "mismatched types: expected `&[u8; N]`, found `" + (buffer instanceof Expr.Ref ? "&" : "") + show(t) + "`",
                    "note: `std::io::write_bytes` writes bytes from a `[u8; N]` array passed by reference");
        }
        expect(c.args().get(1), Type.Int.USIZE);
    }

    /** A format call: {@code args} are the format string and its arguments (after `write`'s Formatter). */
    private void formatCall(Expr.Call c, List<Expr> args, Builtins.Kind kind) {
        if (args.isEmpty()) {
            if (kind.newline) { formats.put(c, new CheckedProgram.Format(List.of(), List.of())); return; }
            diags.error(ErrorCode.E1201, c.span(), "`" + kind.path + "` needs a format string", "help: for example `" + kind.path + "(\"{}\", value)`");
            return;
        }
        if (!(args.get(0) instanceof Expr.StrLit literal)) {
            check(args.get(0), null);
            args.subList(1, args.size()).forEach(a -> check(a, null));
            diags.error(ErrorCode.E1201, args.get(0).span(), "format argument must be a string literal",
                    "help: you might be missing a string literal to format with: `\"{}\", ...`");
            return;
        }
        types.put(literal, Type.STRING);
        List<Expr> values = new ArrayList<>(args.subList(1, args.size()));
        List<Type> valueTypes = new ArrayList<>();
        for (Expr a : values) valueTypes.add(check(a, null));
        int explicit = values.size();
        List<FormatString.Piece> pieces = FormatString.parse(literal, diags);
        if (pieces == null) return;
        List<CheckedProgram.FormatPart> parts = new ArrayList<>();
        Map<String, Integer> named = new HashMap<>();
        boolean[] used = new boolean[explicit];
        boolean ok = true;
        long implicitCount = pieces.stream().filter(p -> p instanceof FormatString.Piece.Positional pp && pp.implicit()).count();
        boolean reportedCount = false;
        for (FormatString.Piece piece : pieces) {
            switch (piece) {
                case FormatString.Piece.Text t -> parts.add(new CheckedProgram.FormatPart.Text(t.text()));
                case FormatString.Piece.Positional p -> {
                    if (p.index() >= explicit) {
                        ok = false;
                        if (p.implicit() && !reportedCount) {
                            reportedCount = true;
                            diags.error(ErrorCode.E1203, p.span(), count((int) implicitCount, "positional argument") + " in format string, but there "
                                    + (explicit == 1 ? "is 1 argument" : "are " + count(explicit, "argument")));
                        } else if (!p.implicit()) {
                            diags.error(ErrorCode.E1203, p.span(), "invalid reference to positional argument " + p.index() + " ("
                                    + (explicit == 0 ? "no arguments were given" : "there " + (explicit == 1 ? "is 1 argument" : "are " + explicit + " arguments")) + ")");
                        }
                        continue;
                    }
                    used[p.index()] = true;
                    ok &= formattable(values.get(p.index()).span(), valueTypes.get(p.index()), p.spec());
                    parts.add(new CheckedProgram.FormatPart.Arg(p.index(), valueTypes.get(p.index()), p.spec()));
                }
                case FormatString.Piece.Named n -> {
                    Integer index = named.get(n.name());
                    if (index == null) {
                        Expr.Path variable = new Expr.Path(List.of(n.name()), n.span());
                        Type t = check(variable, null);
                        ok &= t != Type.ERROR && formattable(n.span(), t, n.spec());
                        index = values.size();
                        values.add(variable);
                        valueTypes.add(t);
                        named.put(n.name(), index);
                    } else if (valueTypes.get(index) != Type.ERROR) ok &= formattable(n.span(), valueTypes.get(index), n.spec());
                    parts.add(new CheckedProgram.FormatPart.Arg(index, valueTypes.get(index), n.spec()));
                }
            }
        }
        for (int i = 0; i < used.length; i++) {
            if (!used[i]) {
                diags.error(ErrorCode.E1204, args.get(i + 1).span(), "argument never used", "help: add a `{}` to the format string for it");
                ok = false;
            }
        }
        if (ok) formats.put(c, new CheckedProgram.Format(List.copyOf(values), List.copyOf(parts)));
    }

    /** Whether a value of type {@code t} can be formatted with {@code spec}; reports why not. */
    private boolean formattable(Span span, Type t, FormatSpec spec) {
        Type r = resolved(t);
        if (r == Type.ERROR) return true;
        if (r instanceof Type.Var v && v.kind() == Type.VarKind.ANY) {
            diags.error(ErrorCode.E0282, span, "type annotations needed: the type of this value must be known to format it",
                    "help: give it a type where it is made: `let total: i64 = ...`, or `.sum::<i64>()`");
            return false;
        }
        boolean primitive = Type.isNumeric(r) || r == Type.BOOL || r == Type.CHAR || r == Type.STRING;
        String wanted = "{:" + spec.kind().spelling + "}";
        if (r instanceof Type.Array || r instanceof Type.Tuple || r == Type.UNIT) {
            if (!spec.kind().isDebug()) {
                diags.error(ErrorCode.E0277, span, "`" + show(r) + "` cannot be formatted with the default formatter `{}`",
                        "help: use `{:?}` (Debug) for arrays, tuples and `()`");
                return false;
            }
            // Debug of an aggregate applies the spec to each element, as in Rust.
            List<Type> elements = r instanceof Type.Array a ? List.of(a.element()) : r instanceof Type.Tuple tu ? tu.elements() : List.of();
            for (Type e : elements) if (!formattable(span, e, spec)) return false;
            return true;
        }
        if (spec.kind().integersOnly() && !Type.isInteger(r)) {
            diags.error(ErrorCode.E0277, span, "`" + show(r) + "` cannot be formatted with `" + wanted + "`", "note: `" + wanted + "` formats integers");
            return false;
        }
        if (spec.kind().numbersOnly() && !Type.isNumeric(r)) {
            diags.error(ErrorCode.E0277, span, "`" + show(r) + "` cannot be formatted with `" + wanted + "`", "note: `" + wanted + "` formats numbers");
            return false;
        }
        if (!primitive && overloadable(r)) {
            Type.TraitDef trait = traits.trait(spec.kind().isDebug() ? "Debug" : "Display");
            if (trait != null && traits.implementsTrait(r, trait, null)) return true;
        }
        if (!primitive) {
            diags.error(ErrorCode.E0277, span, "`" + show(r) + "` cannot be formatted with `" + (spec.kind().isDebug() ? wanted : "{}") + "`",
                    spec.kind().isDebug() ? "help: add `#[derive(Debug)]` to its declaration, or implement `Debug`" : "help: implement `Display` for it: `impl Display for " + show(r) + " { fn fmt(&self, f: &mut Formatter) { ... } }`");
            return false;
        }
        return true;
    }

    private Type unary(Expr.Unary u) {
        if (u.op() == Expr.UnaryOp.NEG && u.operand() instanceof Expr.IntLit lit) {
            // `-128i8` and `-9223372036854775808` fit only negated: check the literal as negative.
            Type t = intLiteral(lit, null, u.span());
            types.put(lit, t);
            functionExprs.add(lit);
            return negatable(u, t);
        }
        Type t = check(u.operand(), null);
        Type r = resolved(t);
        if (r == Type.ERROR || r == Type.NEVER) return r;
        if (overloadable(r)) {
            Type.TraitDef trait = traits.trait(u.op() == Expr.UnaryOp.NEG ? "Neg" : "Not");
            if (trait != null && traits.implementsTrait(r, trait, null)) {
                Symbol.Function f = traits.methods(trait).get(u.op() == Expr.UnaryOp.NEG ? "neg" : "not");
                List<Type> args = instantiate(f, List.of(t), List.of(), u, u.span());
                overloads.put(u, f);
                return instantiated(f, args, f.result());
            }
            diags.error(ErrorCode.E0600, u.span(), "cannot apply unary operator `" + u.op().symbol + "` to type `" + show(r) + "`",
                    "help: implement `" + (u.op() == Expr.UnaryOp.NEG ? "Neg" : "Not") + "` for it");
            return Type.ERROR;
        }
        if (u.op() == Expr.UnaryOp.NOT) {
            if (r == Type.BOOL || Type.isInteger(r)) return t;
            diags.error(ErrorCode.E0600, u.span(), "cannot apply unary operator `!` to type `" + show(r) + "`");
            return Type.ERROR;
        }
        if (!Type.isNumeric(r)) {
            diags.error(ErrorCode.E0600, u.span(), "cannot apply unary operator `-` to type `" + show(r) + "`");
            return Type.ERROR;
        }
        return negatable(u, t);
    }

    /** `-x` needs a signed type; for literals the type may only be known at the end. */
    private Type negatable(Expr.Unary u, Type t) {
        deferred.add(() -> {
            if (infer.resolve(t) instanceof Type.Int it && !it.signed) {
                diags.error(ErrorCode.E0600, u.span(), "cannot apply unary operator `-` to type `" + it.display() + "`",
                        "note: unsigned values cannot be negated");
            }
        });
        return t;
    }

    private Type binary(Expr.Binary b) {
        BinaryOp op = b.op();
        if (op.isLogical()) {
            expect(b.left(), Type.BOOL);
            expect(b.right(), Type.BOOL);
            return Type.BOOL;
        }
        Type left = check(b.left(), null);
        Type l = resolved(left);
        boolean stringOperator = l == Type.STRING && (op == BinaryOp.ADD || op == BinaryOp.LT || op == BinaryOp.LE || op == BinaryOp.GT || op == BinaryOp.GE);
        if ((overloadable(l) || stringOperator) && operatorTrait(op) != null) return overloadedBinary(b, left);
        if (op.isShift()) {
            // The shift amount may be of any integer type, as in Rust.
            Type right = check(b.right(), null);
            Type r = resolved(right);
            if (l == Type.ERROR || r == Type.ERROR) return Type.ERROR;
            if (!Type.isInteger(l) && l != Type.NEVER) return noBinary(b, l);
            if (!Type.isInteger(r) && r != Type.NEVER) {
                diags.error(ErrorCode.E0277, b.right().span(), "the shift amount must be an integer, not `" + show(r) + "`");
                return Type.ERROR;
            }
            return left;
        }
        if (l instanceof Type.Var lv && lv.kind() == Type.VarKind.ANY) {
            // The left operand's type is not known yet (a closure parameter, say): the right
            // one decides, and a built-in operator must apply to it once it is known.
            Type right = check(b.right(), null);
            Type r = resolved(right);
            if (r == Type.ERROR) return op.isComparison() ? Type.BOOL : Type.ERROR;
            if (overloadable(r) || !infer.unify(left, right)) {
                diags.error(ErrorCode.E0282, b.left().span(), "type annotations needed: the type of `" + exprText(b.left()) + "` must be known to apply `" + op.symbol + "` to it",
                        "help: annotate the closure parameter or variable: `|x: " + show(r) + "| ...`");
                return Type.ERROR;
            }
            deferred.add(() -> {
                Type whole = infer.deepResolve(left);
                if (!(whole instanceof Type.Var) && whole != Type.ERROR && !builtinOperator(op, whole)) {
                    diags.error(ErrorCode.E0282, b.left().span(), "type annotations needed: `" + op.symbol + "` on `" + whole.display() + "` needs the type known where it is used",
                            "help: annotate the closure parameter: `|x: " + whole.display() + "| ...`");
                }
            });
            return op.isComparison() ? Type.BOOL : left;
        }
        Type right = check(b.right(), l == Type.NEVER ? null : left);
        if (l == Type.ERROR || resolved(right) == Type.ERROR) return op.isComparison() ? Type.BOOL : Type.ERROR;
        Type operand = l == Type.NEVER ? right : left;
        Type o = resolved(operand);
        boolean supported = builtinOperator(op, o);
        if (!supported && o != Type.NEVER) return noBinary(b, o);
        if (!infer.unify(left, right)) {
            mismatch(b.right().span(), operand, right);
            return Type.ERROR;
        }
        if ((o instanceof Type.Tuple || o instanceof Type.Array) && (op == BinaryOp.EQ || op == BinaryOp.NE)) {
            // Tuples and arrays compare element by element; every element must be comparable itself.
            deferred.add(() -> {
                Type whole = infer.deepResolve(operand);
                if (!equatable(whole)) {
                    diags.error(ErrorCode.E0369, b.opSpan(), "binary operation `" + op.symbol + "` cannot be applied to type `" + whole.display() + "`",
                            "note: tuples and arrays of numbers, `bool`, `char`, `String`, tuples and arrays can be compared; structs and enums need `#[derive(Eq)]`");
                }
            });
        }
        return op.isComparison() ? Type.BOOL : operand;
    }

    /** Whether a place expression goes through an overloaded `[...]` (checked already) below its top. */
    /**
     * Makes every overloaded `c[i]` inside the place (`c[i].x`, `c[i][j]`, `c[i]` itself as
     * a `&mut self` receiver) a place through `IndexPlace::index_place`, when c's type
     * implements it; false (nothing recorded) when one of them cannot be.
     */
    private boolean indexedPlace(Expr place) {
        List<Expr.Index> found = new ArrayList<>();
        for (Expr e = place; ; ) {
            if (e instanceof Expr.Index ix && overloads.containsKey(ix)) found.add(ix);
            if (e instanceof Expr.Field f) e = f.base();
            else if (e instanceof Expr.Index ix) e = ix.base();
            else break;
        }
        Type.TraitDef trait = traits.trait("IndexPlace");
        if (trait == null) return false;
        for (Expr.Index ix : found) {
            Type base = resolved(types.get(ix.base()));
            Type idx = resolved(types.get(ix.index()));
            if (base == null || idx == null || !traits.implementsTrait(base, trait, List.of(idx))) return false;
        }
        for (Expr.Index ix : found) indexPlaces.put(ix, traits.methods(trait).get("index_place"));
        return true;
    }

    private boolean belowOverloadedIndex(Expr e) {
        return switch (e) {
            case Expr.Field f -> f.base() instanceof Expr.Index ix && overloads.containsKey(ix) || belowOverloadedIndex(f.base());
            case Expr.Index ix -> ix.base() instanceof Expr.Index inner && overloads.containsKey(inner) || belowOverloadedIndex(ix.base());
            default -> false;
        };
    }

    /**
     * `c[i] = v` / `c[i] op= v` on a struct or enum: `IndexMut::index_set(&mut c, i, ...)`;
     * the target was checked as a read, `Index::index(&c, i)`, which op= uses first.
     */
    private Type indexAssign(Expr.Assign a, Expr.Index ix, Type element) {
        if (element == Type.ERROR) {
            check(a.value(), null);
            return Type.UNIT;
        }
        Type base = resolved(types.get(ix.base()));
        if (overloadedIndex(a, ix, base, types.get(ix.index()), "IndexMut", "index_set") == Type.ERROR) {
            check(a.value(), null);
            return Type.UNIT;
        }
        if (a.op() != null) {
            Type r = resolved(element);
            boolean ok = a.op().isShift() || a.op().isBitwise() ? Type.isInteger(r) : Type.isNumeric(r);
            if (!ok) {
                diags.error(ErrorCode.E0369, a.span(), "binary assignment operation `" + a.op().symbol + "=` cannot be applied to type `" + show(r) + "`",
                        "note: `c[i] op= v` on an `Index` type works for number elements; write `c[i] = c[i] + v`");
            }
        }
        expect(a.value(), element);
        Symbol.Local root = placeRoot(ix.base());
        if ((belowOverloadedIndex(ix.base()) || ix.base() instanceof Expr.Index inner && overloads.containsKey(inner)) && !indexedPlace(ix.base())) {
            // `c[i][j] = v`: c[i] must be changed where it is, not in a copy.
            diags.error(ErrorCode.E0070, ix.base().span(), "cannot assign into `" + exprText(ix.base()) + "`: `Index::index` gives a copy",
                    "help: take the element out, change it, and put it back: `let mut e = c[i]; e[j] = v; c[i] = e;`",
                    "note: a collection that implements `IndexPlace` (as `Vec` does) allows this");
        } else if (root == null) {
            diags.error(ErrorCode.E0070, ix.base().span(), "invalid left-hand side of assignment", "note: the indexed value must be a variable (or a field of one)");
        } else if (!capturedMutation(root, ix.base().span(), "borrow as mutable") && !root.mutable()) {
            diags.error(ErrorCode.E0596, ix.base().span(), "cannot borrow `" + root.name() + "` as mutable, as it is not declared as mutable",
                    "help: consider changing this to be mutable: `mut " + root.name() + "`");
        }
        return Type.UNIT;
    }

    /** Whether a built-in (not overloaded) binary operator applies to operands of type {@code o}. */
    private static boolean builtinOperator(BinaryOp op, Type o) {
        return switch (op) {
            case EQ, NE -> Type.isNumeric(o) || o == Type.BOOL || o == Type.CHAR || o == Type.STRING || o == Type.UNIT
                    || o instanceof Type.Tuple || o instanceof Type.Array;
            case LT, LE, GT, GE -> Type.isNumeric(o) || o == Type.BOOL || o == Type.CHAR;
            case BIT_AND, BIT_OR, BIT_XOR -> Type.isInteger(o) || o == Type.BOOL;
            default -> Type.isNumeric(o);
        };
    }

    /** Whether `==` is defined for the type (after inference). */
    private static boolean equatable(Type t) {
        return Type.isNumeric(t) || t == Type.BOOL || t == Type.CHAR || t == Type.STRING || t == Type.UNIT || t == Type.ERROR
                || t instanceof Type.Tuple tu && tu.elements().stream().allMatch(TypeChecker::equatable)
                || t instanceof Type.Array a && equatable(a.element());
    }

    private Type noBinary(Expr.Binary b, Type t) {
        diags.error(ErrorCode.E0369, b.opSpan(), "binary operation `" + b.op().symbol + "` cannot be applied to type `" + show(t) + "`");
        return Type.ERROR;
    }

    private Type assign(Expr.Assign a) {
        Type checkedTarget = null;
        if (a.target() instanceof Expr.Index || a.target() instanceof Expr.Field) {
            checkedTarget = check(a.target(), null);
            if (a.target() instanceof Expr.Index ix && overloads.containsKey(ix)) return indexAssign(a, ix, checkedTarget);
            if (belowOverloadedIndex(a.target()) && !indexedPlace(a.target())) {
                check(a.value(), null);
                diags.error(ErrorCode.E0070, a.target().span(), "cannot assign to a part of `" + exprText(a.target()) + "`: `Index::index` gives a copy",
                        "help: read the element, change it, and store it back: `let mut e = c[i]; e.x = 1; c[i] = e;`",
                        "note: a collection that implements `IndexPlace` (as `Vec` does) allows this");
                return Type.UNIT;
            }
        }
        Symbol.Local root = placeRoot(a.target());
        if (root == null) {
            if (checkedTarget == null) check(a.target(), null);
            check(a.value(), null);
            diags.error(ErrorCode.E0070, a.target().span(), "invalid left-hand side of assignment", "note: a variable or a tuple element of one can be assigned");
            return Type.UNIT;
        }
        Type t = checkedTarget != null ? checkedTarget : check(a.target(), null);
        if (throughClass(a.target())) {
            // A class's fields are mutable through every reference to the object.
        } else if (capturedMutation(root, a.span(), "assign to")) {
            // reported
        } else if (!root.mutable()) {
            if (root.byReference()) {
                diags.error(ErrorCode.E0594, a.span(), "cannot assign to `" + exprText(a.target()) + "`, which is behind a `&` reference",
                        root.name().equals("self") ? "help: declare the method with `&mut self` to change `self`"
                                : "help: declare the parameter `" + root.name() + ": &mut " + show(root.type()) + "` to change it");
            } else if (root.parameter()) {
                diags.error(ErrorCode.E0384, a.span(), "cannot assign to immutable argument `" + root.name() + "`",
                        "help: declare the parameter mutable: `mut " + root.name() + ": " + show(root.type()) + "`");
            } else {
                diags.error(ErrorCode.E0384, a.span(), "cannot assign twice to immutable variable `" + root.name() + "`",
                        "help: consider making this binding mutable: `mut " + root.name() + "` (declared at line " + root.declared().line() + ")");
            }
        }
        Type r = resolved(t);
        if (a.op() != null && r != Type.ERROR) {
            boolean ok = a.op().isShift() ? Type.isInteger(r) : a.op().isBitwise() ? Type.isInteger(r) || r == Type.BOOL : Type.isNumeric(r);
            if (!ok) {
                diags.error(ErrorCode.E0369, a.span(), "binary assignment operation `" + a.op().symbol + "=` cannot be applied to type `" + show(r) + "`");
                check(a.value(), null);
                return Type.UNIT;
            }
            if (a.op().isShift()) {
                Type amount = resolved(check(a.value(), null));
                if (!Type.isInteger(amount) && amount != Type.ERROR && amount != Type.NEVER) {
                    diags.error(ErrorCode.E0277, a.value().span(), "the shift amount must be an integer, not `" + show(amount) + "`");
                }
                return Type.UNIT;
            }
        }
        if (r == Type.ERROR) check(a.value(), null); else expect(a.value(), t);
        return Type.UNIT;
    }

    /** Source text of a place, for messages: `self.x`, `p.0`. */
    private static String exprText(Expr e) {
        return switch (e) {
            case Expr.Path p -> p.joined();
            case Expr.Field f -> exprText(f.base()) + "." + f.name();
            case Expr.Index ix -> exprText(ix.base()) + "[..]";
            default -> "this";
        };
    }

    /** The variable a place expression (`x`, `x.0`, `x.1.0`) is rooted in, or null if it is no place. */
    /** Whether the place is (inside) a field of a class object: reached through a reference. */
    private boolean throughClass(Expr place) {
        Expr base = switch (place) {
            case Expr.Field f -> f.base();
            case Expr.Index ix -> ix.base();
            default -> null;
        };
        return base != null && (isClass(types.get(base)) || throughClass(base));
    }

    private boolean isClass(Type t) {
        return t != null && resolved(t) instanceof Type.Struct st && st.def().isClass();
    }

    private Symbol.Local placeRoot(Expr e) {
        return switch (e) {
            case Expr.Path p when p.segments().size() == 1 -> {
                for (Map<String, Symbol.Local> scope : scopes) {
                    Symbol.Local l = scope.get(p.segments().get(0));
                    if (l != null) yield l;
                }
                yield null;
            }
            case Expr.Field f -> placeRoot(f.base());
            case Expr.Index ix -> placeRoot(ix.base());
            default -> null;
        };
    }

    private Type block(Expr.Block b, Type expected) {
        scopes.push(new HashMap<>());
        boolean diverges = false;
        for (Stmt s : b.stmts()) {
            switch (s) {
                case Stmt.Let let -> diverges |= letStmt(let);
                case Stmt.LetPattern lp -> diverges |= letPattern(lp);
                case Stmt.ExprStmt es -> {
                    boolean blockLike = es.expr() instanceof Expr.If || es.expr() instanceof Expr.While
                            || es.expr() instanceof Expr.Loop || es.expr() instanceof Expr.For || es.expr() instanceof Expr.Block
                            || es.expr() instanceof Expr.Match || es.expr() instanceof Expr.IfLet || es.expr() instanceof Expr.WhileLet
                            || es.expr() instanceof Expr.Unsafe;
                    Type t = blockLike && !es.semicolon() ? expect(es.expr(), Type.UNIT) : check(es.expr(), null);
                    diverges |= t == Type.NEVER;
                }
            }
        }
        Type result;
        if (b.tail() != null) {
            result = check(b.tail(), expected);
        } else {
            result = diverges ? Type.NEVER : Type.UNIT;
        }
        scopes.pop();
        return result;
    }

    /** Returns true when the initializer diverges. */
    private boolean letStmt(Stmt.Let let) {
        Type declared = let.type() == null ? null : resolveType(let.type());
        Type t;
        if (let.init() == null) {
            diags.error(ErrorCode.E1401, let.nameSpan(), "`let` without an initial value is not supported yet",
                    "help: give `" + let.name() + "` a value: `let " + let.name() + " = ...;`");
            t = declared == null ? Type.ERROR : declared;
        } else if (declared != null) {
            Type init = expect(let.init(), declared);
            t = declared;
            if (init == Type.NEVER) { declare(let, t); return true; }
        } else {
            t = check(let.init(), null);
            if (t == Type.NEVER) { declare(let, Type.ERROR); return true; }
        }
        declare(let, t);
        return false;
    }

    private void declare(Stmt.Let let, Type t) {
        Symbol.Local local = new Symbol.Local(nextLocal++, let.name(), t, let.mutable(), false, let.nameSpan());
        functionLocals.add(local);
        lets.put(let, local);
        scopes.peek().put(let.name(), local);
    }

    private Type ifExpr(Expr.If i, Type expected) {
        expect(i.cond(), Type.BOOL);
        if (i.otherwise() == null) {
            Type then = resolved(check(i.then(), null));
            if (then != Type.UNIT && then != Type.NEVER && then != Type.ERROR) {
                diags.error(ErrorCode.E0317, i.span(), "`if` may be missing an `else` clause",
                        "note: without `else`, `if` has type `()`, but its block has type `" + show(then) + "`");
                return Type.ERROR;
            }
            return Type.UNIT;
        }
        Type then = check(i.then(), expected);
        return elseBranch(then, i.otherwise(), expected, "`if`");
    }

    /**
     * Checks the `else` of an `if` or `if let` whose block had type {@code then}: the two
     * must agree, except that a branch that never finishes (`!`) takes the other's type.
     */
    private Type elseBranch(Type then, Expr otherwise, Type expected, String what) {
        Type wanted = expected != null && resolved(expected) != Type.ERROR ? expected : (resolved(then) == Type.NEVER ? null : then);
        Type other = check(otherwise, wanted);
        Type t = resolved(then), o = resolved(other);
        if (t == Type.ERROR || o == Type.ERROR) return Type.ERROR;
        if (t == Type.NEVER) return other;
        if (o == Type.NEVER) return then;
        if (!infer.unify(then, other)) {
            diags.error(ErrorCode.E0308, otherwise.span(), what + " and `else` have incompatible types: expected `" + show(then) + "`, found `" + show(other) + "`");
            return Type.ERROR;
        }
        return then;
    }

    /** The loop a `break` or `continue` refers to: the innermost, or the one with the label. */
    private LoopContext loopFor(String label, Span span, String keyword) {
        if (loops.isEmpty() && !closureFrames.isEmpty()) {
            diags.error(ErrorCode.E0267, span, "`" + keyword + "` inside of a closure",
                    "note: a closure is a function of its own: it cannot leave or continue a loop around it", "help: return from the closure instead");
            return null;
        }
        if (loops.isEmpty()) {
            diags.error(ErrorCode.E0268, span, "`" + keyword + "` outside of a loop");
            return null;
        }
        if (label == null) return loops.peek();
        for (LoopContext ctx : loops) if (label.equals(ctx.label)) return ctx;
        diags.error(ErrorCode.E0426, span, "use of undeclared label `'" + label + "`",
                Suggestions.closest(label, loops.stream().map(c -> c.label).filter(java.util.Objects::nonNull).toList())
                        .map(x -> "help: a label with a similar name is in scope: `'" + x + "`").orElse("note: labels are written before a loop: `'" + label + ": loop { ... }`"));
        return null;
    }

    private Type breakExpr(Expr.Break b) {
        LoopContext ctx = loopFor(b.label(), b.span(), "break");
        if (ctx == null) {
            if (b.value() != null) check(b.value(), null);
            return Type.NEVER;
        }
        if (b.value() != null && !ctx.isLoop) {
            diags.error(ErrorCode.E0571, b.span(), "`break` with a value is only allowed in `loop`, not in `while` or `for`");
            check(b.value(), null);
            return Type.NEVER;
        }
        Type value = b.value() == null ? Type.UNIT
                : ctx.breakType == null ? check(b.value(), null) : expect(b.value(), ctx.breakType);
        if (ctx.breakType == null || ctx.breakType == Type.NEVER) {
            ctx.breakType = value;
        } else if (b.value() == null && !infer.unify(ctx.breakType, Type.UNIT)) {
            mismatch(b.span(), ctx.breakType, Type.UNIT);
        }
        return Type.NEVER;
    }

    private Type range(Expr.Range r, Type expected) {
        Type e = expected == null ? null : resolved(expected);
        Type element = check(r.start(), e instanceof Type.Range er ? er.element() : null);
        expect(r.end(), element);
        Type el = resolved(element);
        if (!Type.isInteger(el) && el != Type.ERROR && el != Type.NEVER) {
            diags.error(ErrorCode.E0029, r.span(), "ranges of `" + show(el) + "` are not supported", "note: ranges are of integers so far");
            return Type.ERROR;
        }
        return new Type.Range(element, r.inclusive());
    }

    /** `for x in range { ... }`: the variable is a new local in the body's scope. */
    private Type forLoop(Expr.For f) {
        Type iterable = resolved(check(f.iterable(), null));
        Type element;
        if (iterable instanceof Type.Range r) {
            element = r.element();
        } else if (iterable instanceof Type.Array a) {
            element = a.element();
        } else if (iterable != Type.ERROR && iteratorItem(iterable) instanceof Type item) {
            element = item;
        } else {
            if (iterable != Type.ERROR) {
                diags.error(ErrorCode.E0277, f.iterable().span(), "`" + show(iterable) + "` is not an iterator",
                        "note: `for` iterates over ranges (`0..n`, `1..=n`), arrays, and values of types that implement `Iterator` (or `IntoIterator`)");
            }
            element = Type.ERROR;
        }
        Symbol.Local variable = new Symbol.Local(nextLocal++, f.variable(), element, f.mutable(), false, f.variableSpan());
        functionLocals.add(variable);
        forVariables.put(f, variable);
        Map<String, Symbol.Local> scope = new HashMap<>();
        scope.put(f.variable(), variable);
        scopes.push(scope);
        loops.push(new LoopContext(false, f.label()));
        expect(f.body(), Type.UNIT);
        loops.pop();
        scopes.pop();
        return Type.UNIT;
    }

    /**
     * What `for` over a value of type {@code t} gives: the `Item` of its `IntoIterator`
     * impl, whose `IntoIter` must be an iterator; null when there is none.
     */
    private Type iteratorItem(Type t) {
        Type.TraitDef into = traits.trait("IntoIterator"), iterator = traits.trait("Iterator");
        if (into == null || iterator == null) return null;
        Type self = infer.deepResolve(t);
        if (Types.any(self, x -> x instanceof Type.Var v && v.kind() != Type.VarKind.ANY)) {
            infer.defaultLiteralsIn(self); // `for x in (0..10).rev()`, as for method calls
            self = infer.deepResolve(self);
        }
        if (!traits.implementsTrait(self, into, List.of()) || self instanceof Type.Var) return null;
        Type iter = traits.normalize(new Type.Assoc(self, into, List.of(), "IntoIter"));
        if (!traits.implementsTrait(iter, iterator, List.of())) return null;
        return traits.normalize(new Type.Assoc(iter, iterator, List.of(), "Item"));
    }

    // ---- patterns -------------------------------------------------------------------

    /**
     * The variables one pattern binds. For the second and later alternatives of an
     * or-pattern, {@code shared} holds the first alternative's variables: each name must be
     * bound again, to the same local, with the same type.
     */
    private final class Bindings {
        final Map<String, Symbol.Local> locals = new LinkedHashMap<>();
        final Map<String, Symbol.Local> shared;

        Bindings(Map<String, Symbol.Local> shared) { this.shared = shared; }

        void bind(Pattern.Binding b, Type type) {
            if (locals.containsKey(b.name())) {
                diags.error(ErrorCode.E0416, b.span(), "identifier `" + b.name() + "` is bound more than once in the same pattern");
                return;
            }
            Symbol.Local local;
            if (shared != null) {
                local = shared.get(b.name());
                if (local == null) {
                    diags.error(ErrorCode.E0408, b.span(), "variable `" + b.name() + "` is not bound in all patterns",
                            "note: every alternative of `|` must bind the same names");
                    return;
                }
                if (!infer.unify(local.type(), type)) mismatch(b.span(), local.type(), type);
            } else {
                local = new Symbol.Local(nextLocal++, b.name(), type, b.mutable(), false, b.span());
                functionLocals.add(local);
            }
            locals.put(b.name(), local);
            patternBindings.put(b, local);
        }
    }

    /** Checks a pattern against the type of the value it will match; records its variables. */
    private void checkPattern(Pattern p, Type expected, Bindings out) {
        Type t = resolved(expected);
        switch (p) {
            case Pattern.Wildcard w -> {}
            case Pattern.Binding b -> {
                // A name that is a constant matches its value (as in Rust).
                if (b.subpattern() == null && !b.mutable() && consts.get(b.name()) instanceof Symbol.Constant k) {
                    constantPattern(p, k, expected);
                    return;
                }
                // `None` (a unit variant of the prelude) matches that variant.
                if (b.subpattern() == null && !b.mutable() && preludeVariants.get(b.name()) instanceof Symbol.VariantCtor pv
                        && pv.variant().shape() == Item.Struct.Shape.UNIT) {
                    Type.Enum instance = new Type.Enum(pv.type().def(), freshArgs(pv.type().def().params.size()));
                    notePattern(b, new Symbol.VariantCtor(instance, pv.index()));
                    if (!infer.unify(expected, instance)) mismatch(b.span(), expected, instance);
                    return;
                }
                // A name that is a unit struct matches that value; any other name binds.
                if (b.subpattern() == null && !b.mutable() && nominal(b.name()) instanceof Type.Struct st
                        && st.decl().shape() == Item.Struct.Shape.UNIT) {
                    notePattern(b, new Symbol.StructCtor(st));
                    if (!infer.unify(expected, st)) mismatch(b.span(), expected, st);
                    return;
                }
                out.bind(b, expected);
                if (b.subpattern() != null) checkPattern(b.subpattern(), expected, out);
            }
            case Pattern.Literal l -> {
                Type lt = check(l.value(), expected);
                Type r = resolved(lt);
                if (Type.isFloat(r)) {
                    diags.error(ErrorCode.E1402, l.span(), "floating-point literals cannot be used in patterns", "help: compare with `==` in a guard instead");
                } else if (!coerces(lt, expected)) {
                    mismatch(l.span(), expected, lt);
                }
            }
            case Pattern.Range r -> {
                Type lo = check(r.low(), expected);
                if (!coerces(lo, expected)) { mismatch(r.low().span(), expected, lo); return; }
                Type hi = check(r.high(), expected);
                if (!coerces(hi, expected)) { mismatch(r.high().span(), expected, hi); return; }
                Type e = resolved(expected);
                if (!Type.isInteger(e) && e != Type.CHAR && e != Type.ERROR) {
                    diags.error(ErrorCode.E0029, r.span(), "range patterns are for integers and chars, not `" + show(e) + "`");
                    return;
                }
                Exhaustiveness ex = new Exhaustiveness(patternTargets, resolutions);
                java.math.BigInteger a = ex.value(r.low()), z = ex.value(r.high());
                if (a != null && z != null && (r.inclusive() ? a.compareTo(z) > 0 : a.compareTo(z) >= 0)) {
                    diags.error(ErrorCode.E0030, r.span(), r.inclusive() ? "lower range bound must be less than or equal to upper" : "lower range bound must be less than upper");
                }
            }
            case Pattern.Tuple tu -> {
                if (t instanceof Type.Var && tu.restAt() < 0) {
                    List<Type> vars = new ArrayList<>();
                    for (int i = 0; i < tu.elements().size(); i++) vars.add(infer.fresh(Type.VarKind.ANY));
                    infer.unify(t, new Type.Tuple(vars));
                    t = resolved(expected);
                }
                if (t == Type.UNIT && tu.elements().isEmpty() && tu.restAt() < 0) return; // `()` matches the unit value
                if (!(t instanceof Type.Tuple tt)) {
                    if (t != Type.ERROR) diags.error(ErrorCode.E0308, p.span(), "mismatched types: expected `" + show(t) + "`, found a tuple pattern");
                    return;
                }
                elementPatterns(tu.elements(), tu.restAt(), tt.elements(), p, "tuple", out);
            }
            case Pattern.Path path -> {
                List<String> seg = path.path().segments();
                if (seg.size() == 2 && Type.Int.byName(seg.get(0)).isPresent() || seg.size() == 1 && consts.containsKey(seg.get(0))
                        || seg.size() == 2 && nominal(seg.get(0)) != null && assocConsts.getOrDefault(defKey(nominal(seg.get(0))), Map.of()).containsKey(seg.get(1))) {
                    if (resolve(path.path()) instanceof Symbol.Constant k) constantPattern(p, k, expected);
                    return;
                }
                Symbol s = resolvePatternPath(path.path());
                if (s == null) return;
                notePattern(p, s);
                Type type = s instanceof Symbol.VariantCtor v ? v.type() : ((Symbol.StructCtor) s).type();
                Item.Struct.Shape shape = s instanceof Symbol.VariantCtor v ? v.variant().shape() : ((Symbol.StructCtor) s).type().decl().shape();
                if (shape != Item.Struct.Shape.UNIT) {
                    diags.error(ErrorCode.E0533, p.span(), "`" + path.path().joined() + "` has fields; match them",
                            shape == Item.Struct.Shape.TUPLE ? "help: use `" + path.path().joined() + "(..)`" : "help: use `" + path.path().joined() + " { .. }`");
                    return;
                }
                if (!infer.unify(expected, type)) mismatch(p.span(), expected, type);
            }
            case Pattern.TupleStruct ts -> {
                Symbol s = resolvePatternPath(ts.path());
                if (s == null) return;
                notePattern(p, s);
                Type type = s instanceof Symbol.VariantCtor v ? v.type() : ((Symbol.StructCtor) s).type();
                Item.Struct.Shape shape = s instanceof Symbol.VariantCtor v ? v.variant().shape() : ((Symbol.StructCtor) s).type().decl().shape();
                List<Type> fields = s instanceof Symbol.VariantCtor v ? v.variant().fieldTypes() : ((Symbol.StructCtor) s).type().fieldTypes();
                if (!infer.unify(expected, type)) { mismatch(p.span(), expected, type); return; }
                if (shape != Item.Struct.Shape.TUPLE) {
                    diags.error(ErrorCode.E0532, p.span(), "`" + ts.path().joined() + "` is not a tuple variant or tuple struct",
                            shape == Item.Struct.Shape.NAMED ? "help: use `" + ts.path().joined() + " { .. }`" : "help: use `" + ts.path().joined() + "`");
                    return;
                }
                elementPatterns(ts.elements(), ts.restAt(), fields, p, "`" + ts.path().joined() + "`", out);
            }
            case Pattern.Struct st -> {
                Symbol s = resolvePatternPath(st.path());
                if (s == null) return;
                if (s instanceof Symbol.StructCtor ctor && ctor.type().def().isClass()) {
                    String first = ctor.type().fieldNames().isEmpty() ? "field" : ctor.type().fieldNames().get(0);
                    diags.error(ErrorCode.E1110, p.span(), "a pattern cannot take apart `" + ctor.type().name() + "`, a class",
                            "note: a class value is a reference to a shared object, not the fields themselves",
                            "help: bind the reference and read its fields: `let obj = ...; obj." + first + "`");
                }
                notePattern(p, s);
                Type type = s instanceof Symbol.VariantCtor v ? v.type() : ((Symbol.StructCtor) s).type();
                List<String> names = s instanceof Symbol.VariantCtor v ? v.variant().fieldNames() : ((Symbol.StructCtor) s).type().fieldNames();
                List<Type> fields = s instanceof Symbol.VariantCtor v ? v.variant().fieldTypes() : ((Symbol.StructCtor) s).type().fieldTypes();
                if (!infer.unify(expected, type)) { mismatch(p.span(), expected, type); return; }
                java.util.Set<String> seen = new java.util.HashSet<>();
                for (Pattern.FieldPattern fp : st.fields()) {
                    int i = names.indexOf(fp.name());
                    if (i < 0) {
                        diags.error(ErrorCode.E0026, fp.nameSpan(), "`" + st.path().joined() + "` does not have a field named `" + fp.name() + "`",
                                Suggestions.closest(fp.name(), names).map(x -> "help: a field with a similar name exists: `" + x + "`").orElse("note: its fields are: " + String.join(", ", names)));
                        continue;
                    }
                    if (!seen.add(fp.name())) {
                        diags.error(ErrorCode.E0025, fp.nameSpan(), "field `" + fp.name() + "` bound more than once in the pattern");
                        continue;
                    }
                    checkPattern(fp.pattern(), fields.get(i), out);
                }
                List<String> missing = names.stream().filter(n -> !seen.contains(n)).toList();
                if (!missing.isEmpty() && !st.rest()) {
                    diags.error(ErrorCode.E0027, p.span(), "pattern does not mention field" + (missing.size() == 1 ? " " : "s ")
                            + String.join(", ", missing.stream().map(x -> "`" + x + "`").toList()),
                            "help: include the missing fields, or ignore them with `..`");
                }
            }
            case Pattern.Or or -> {
                // Only the names the alternatives themselves bind must agree: in `n @ (1 | 3)`
                // the outer `n` is bound once, outside the `|`.
                java.util.Set<String> before = new java.util.HashSet<>(out.locals.keySet());
                checkPattern(or.alternatives().get(0), expected, out);
                Map<String, Symbol.Local> introduced = new LinkedHashMap<>(out.locals);
                introduced.keySet().removeAll(before);
                for (Pattern alt : or.alternatives().subList(1, or.alternatives().size())) {
                    Bindings again = new Bindings(introduced);
                    checkPattern(alt, expected, again);
                    for (String name : introduced.keySet()) {
                        if (!again.locals.containsKey(name)) {
                            diags.error(ErrorCode.E0408, alt.span(), "variable `" + name + "` is not bound in all patterns",
                                    "note: every alternative of `|` must bind the same names");
                        }
                    }
                }
            }
        }
    }

    /** A pattern that is a constant (`u8::MIN`, `LIMIT`): it matches that one value. */
    private void constantPattern(Pattern p, Symbol.Constant k, Type expected) {
        if (k.value() == null) return; // its own error was reported
        if (k.value() instanceof Double) {
            diags.error(ErrorCode.E1402, p.span(), "floating-point constants cannot be used in patterns", "help: compare with `==` in a guard instead");
            return;
        }
        notePattern(p, k);
        if (!infer.unify(expected, k.type())) mismatch(p.span(), expected, k.type());
    }

    private void elementPatterns(List<Pattern> elements, int restAt, List<Type> types, Pattern p, String what, Bindings out) {
        int n = types.size();
        if (restAt < 0 && elements.size() != n || restAt >= 0 && elements.size() > n) {
            diags.error(ErrorCode.E0023, p.span(), "this pattern has " + count(elements.size(), "field") + ", but " + what + " has " + count(n, "field"),
                    restAt < 0 && elements.size() < n ? "help: use `..` to ignore the rest" : "note: a pattern names each field once");
            return;
        }
        int before = restAt < 0 ? elements.size() : restAt;
        for (int i = 0; i < before; i++) checkPattern(elements.get(i), types.get(i), out);
        for (int i = before; i < elements.size(); i++) checkPattern(elements.get(i), types.get(n - (elements.size() - i)), out);
    }

    /** A path in a pattern: an enum variant (`Shape::Circle`) or a struct name. */
    private Symbol resolvePatternPath(Expr.Path path) {
        if (path.segments().size() == 2 && nominal(path.segments().get(0)) instanceof Type.Enum en) {
            int index = en.variantIndex(path.segments().get(1));
            if (index >= 0) return new Symbol.VariantCtor(en, index);
            diags.error(ErrorCode.E0599, path.span(), "no variant named `" + path.segments().get(1) + "` in enum `" + en.name() + "`",
                    Suggestions.closest(path.segments().get(1), en.variants().stream().map(Type.Variant::name).toList())
                            .map(x -> "help: a variant with a similar name exists: `" + x + "`").orElse("note: the variants are listed in `enum " + en.name() + " { ... }`"));
            return null;
        }
        if (path.segments().size() == 1 && nominal(path.segments().get(0)) instanceof Type.Struct st) return new Symbol.StructCtor(st);
        if (path.segments().size() == 1 && preludeVariants.get(path.segments().get(0)) instanceof Symbol.VariantCtor pv) {
            return new Symbol.VariantCtor(new Type.Enum(pv.type().def(), freshArgs(pv.type().def().params.size())), pv.index());
        }
        diags.error(ErrorCode.E0531, path.span(), "cannot find a variant or struct `" + path.joined() + "` for this pattern",
                path.segments().size() == 1 ? "note: enum variants are written with their enum's name: `Enum::" + path.joined() + "`" : "note: declare it with `enum` or `struct`");
        return null;
    }

    private Type matchExpr(Expr.Match m, Type expected) {
        Type scrutinee = check(m.scrutinee(), null);
        Type result = null;
        boolean allNever = true;
        for (Expr.Arm arm : m.arms()) {
            Bindings b = new Bindings(null);
            checkPattern(arm.pattern(), scrutinee, b);
            scopes.push(new HashMap<>(b.locals));
            if (arm.guard() != null) expect(arm.guard(), Type.BOOL);
            Type want = result != null ? result : expected;
            Type body = check(arm.body(), want);
            scopes.pop();
            Type rb = resolved(body);
            if (rb == Type.NEVER) continue;
            allNever = false;
            if (rb == Type.ERROR) { result = result == null ? Type.ERROR : result; continue; }
            if (result == null) {
                result = expected != null && resolved(expected) != Type.ERROR && coerces(body, expected) ? expected : body;
            } else if (!coerces(body, result)) {
                diags.error(ErrorCode.E0308, arm.body().span(), "`match` arms have incompatible types: expected `" + show(result) + "`, found `" + show(body) + "`");
            }
        }
        deferred.add(() -> checkMatchCoverage(m));
        if (m.arms().isEmpty() || allNever) return Type.NEVER;
        return result == null ? Type.ERROR : result;
    }

    /** After inference: unreachable arms warn, a missing case is an error. */
    private void checkMatchCoverage(Expr.Match m) {
        Type t = infer.deepResolve(types.get(m.scrutinee()));
        // Patterns with errors in them would give confusing or wrong coverage results.
        if (t == Type.ERROR || diags.errorCount() > errorsBeforeFunction) return;
        Exhaustiveness ex = new Exhaustiveness(patternTargets, resolutions);
        List<List<Exhaustiveness.Pat>> rows = new ArrayList<>();
        for (Expr.Arm arm : m.arms()) {
            Exhaustiveness.Pat p = ex.lower(arm.pattern(), t);
            if (ex.useful(rows, List.of(p), List.of(t)) == null) {
                diags.warning(arm.pattern().span(), "unreachable pattern", "note: earlier arms match every value this one does");
            }
            if (arm.guard() == null) rows.add(List.of(p));
        }
        List<Exhaustiveness.Pat> witness = ex.useful(rows, List.of(new Exhaustiveness.Wild()), List.of(t));
        if (witness != null) {
            String missing = Exhaustiveness.show(witness.get(0), t);
            diags.error(ErrorCode.E0004, m.scrutinee().span(), "non-exhaustive patterns: `" + missing + "` not covered",
                    "help: add an arm for `" + missing + "`, or a wildcard arm `_ => ...`");
        }
    }

    /** A `let` or `for` pattern must match every value: report one it misses. */
    private void checkIrrefutable(Pattern p, Type type, String where) {
        deferred.add(() -> {
            Type t = infer.deepResolve(type);
            if (t == Type.ERROR || diags.errorCount() > errorsBeforeFunction) return;
            Exhaustiveness ex = new Exhaustiveness(patternTargets, resolutions);
            List<List<Exhaustiveness.Pat>> rows = List.of(List.of(ex.lower(p, t)));
            List<Exhaustiveness.Pat> witness = ex.useful(rows, List.of(new Exhaustiveness.Wild()), List.of(t));
            if (witness != null) {
                diags.error(ErrorCode.E0005, p.span(), "refutable pattern in " + where + ": `" + Exhaustiveness.show(witness.get(0), t) + "` not covered",
                        "help: use `if let` or `match` to handle the other cases");
            }
        });
    }

    private boolean letPattern(Stmt.LetPattern lp) {
        Type declared = lp.type() == null ? null : resolveType(lp.type());
        Type t = declared != null ? declared : infer.fresh(Type.VarKind.ANY);
        Type init = declared != null ? expect(lp.init(), declared) : check(lp.init(), null);
        if (declared == null) infer.unify(t, init);
        Bindings b = new Bindings(null);
        checkPattern(lp.pattern(), t, b);
        scopes.peek().putAll(b.locals);
        checkIrrefutable(lp.pattern(), t, "local binding");
        return resolved(init) == Type.NEVER;
    }

    private Type ifLet(Expr.IfLet il, Type expected) {
        Type value = check(il.value(), null);
        Bindings b = new Bindings(null);
        checkPattern(il.pattern(), value, b);
        scopes.push(new HashMap<>(b.locals));
        Type then = il.otherwise() == null ? check(il.then(), null) : check(il.then(), expected);
        scopes.pop();
        if (il.otherwise() == null) {
            Type r = resolved(then);
            if (r != Type.UNIT && r != Type.NEVER && r != Type.ERROR) {
                diags.error(ErrorCode.E0317, il.span(), "`if let` may be missing an `else` clause",
                        "note: without `else`, `if let` has type `()`, but its block has type `" + show(r) + "`");
                return Type.ERROR;
            }
            return Type.UNIT;
        }
        return elseBranch(then, il.otherwise(), expected, "`if let`");
    }

    private Type whileLet(Expr.WhileLet wl) {
        Type value = check(wl.value(), null);
        Bindings b = new Bindings(null);
        checkPattern(wl.pattern(), value, b);
        scopes.push(new HashMap<>(b.locals));
        loops.push(new LoopContext(false, wl.label()));
        expect(wl.body(), Type.UNIT);
        loops.pop();
        scopes.pop();
        return Type.UNIT;
    }
}

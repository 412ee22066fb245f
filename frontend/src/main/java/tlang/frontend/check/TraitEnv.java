package tlang.frontend.check;

import tlang.frontend.ast.Item;
import tlang.frontend.types.Type;
import tlang.frontend.types.Types;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The program's traits and impls, and the questions asked of them: does a type implement
 * a trait, which impl (with which type arguments) provides it, and what an associated
 * type `<X as Trait>::Name` is once X is known. The checker fills it; the checker and the
 * monomorphizing lowering both query it.
 */
public final class TraitEnv {

    /**
     * One `impl` block. {@code trait} is null for an inherent impl. {@code self} and
     * {@code traitArgs} may mention {@code params}, the impl's own type parameters.
     */
    public record Impl(Type.TraitDef trait, List<Type.Param> params, Type self, List<Type> traitArgs,
                       Map<String, Symbol.Function> methods, Map<String, Type> assocTypes, Item.Impl decl) {
        @Override public boolean equals(Object o) { return this == o; }
        @Override public int hashCode() { return System.identityHashCode(this); }
    }

    /** An impl that applies to a type, with its parameters solved. */
    public record Match(Impl impl, Map<Type.Param, Type> subst) {}

    private final Map<Type.TraitDef, List<Impl>> impls = new LinkedHashMap<>();
    private final Map<Type.TraitDef, Map<String, Symbol.Function>> methods = new HashMap<>();
    private final Map<String, Type.TraitDef> byName = new LinkedHashMap<>();

    void declareTrait(Type.TraitDef t) {
        byName.put(t.name, t);
        impls.put(t, new ArrayList<>());
        methods.put(t, new LinkedHashMap<>());
    }

    void addImpl(Impl impl) { impls.get(impl.trait()).add(impl); }

    public Type.TraitDef trait(String name) { return byName.get(name); }
    public java.util.Collection<Type.TraitDef> traits() { return byName.values(); }
    public List<Impl> implsOf(Type.TraitDef t) { return impls.getOrDefault(t, List.of()); }
    /** The methods a trait declares (required and default), by name. */
    public Map<String, Symbol.Function> methods(Type.TraitDef t) { return methods.get(t); }

    /** The trait and its supertraits, transitively, each once, the trait first; `Self` in them is {@code subject}. */
    public List<Type.Bound> withSupertraits(Type.Bound b, Type subject) {
        List<Type.Bound> out = new ArrayList<>();
        addWithSupers(b, subject, out);
        return out;
    }

    private void addWithSupers(Type.Bound b, Type subject, List<Type.Bound> out) {
        for (Type.Bound x : out) if (x.trait() == b.trait()) return;
        out.add(b);
        Map<Type.Param, Type> m = Types.bind(b.trait().params, b.args());
        m.put(b.trait().self, subject);
        for (Type.Bound s : b.trait().supertraits()) {
            addWithSupers(new Type.Bound(s.trait(), Types.substAll(s.args(), m), s.bindings()), subject, out);
        }
    }

    /**
     * The methods a `dyn` value of {@code trait} can call, in vtable order: its own methods
     * taking `&self` or `&mut self`, then its supertraits', each once.
     */
    public List<Symbol.Function> vtableMethods(Type.TraitDef trait) {
        List<Symbol.Function> out = new ArrayList<>();
        for (Type.Bound b : withSupertraits(new Type.Bound(trait, trait.params.stream().map(p -> (Type) p).toList(), Map.of()), trait.self)) {
            for (Symbol.Function f : methods(b.trait()).values()) {
                if (f.decl().self() != null && f.decl().self().byReference() && f.decl().generics().params().isEmpty()) out.add(f);
            }
        }
        return out;
    }

    /** The bounds a type parameter has, with everything they imply. */
    public List<Type.Bound> boundsOf(Type.Param p) {
        List<Type.Bound> out = new ArrayList<>();
        for (Type.Bound b : p.bounds()) for (Type.Bound x : withSupertraits(b, p)) if (out.stream().noneMatch(y -> y.trait() == x.trait())) out.add(x);
        return out;
    }

    /**
     * The impl of {@code trait} (with {@code traitArgs}, or any when null) for {@code self}, or
     * null. Inference variables in {@code self} match optimistically (an integer variable
     * matches any integer type); the caller unifies with the impl's self type afterwards.
     */
    public Match find(Type.TraitDef trait, Type self, List<Type> traitArgs) {
        if (trait == byName.get(FN) && signatureOf(self) instanceof Type.Fn sig) {
            Type args = new Type.Tuple(sig.params());
            // Only the number of parameters decides here; the checker unifies their types.
            if (traitArgs != null && (traitArgs.size() != 1 || traitArgs.get(0) instanceof Type.Tuple want && want.elements().size() != sig.params().size())) return null;
            return new Match(new Impl(trait, List.of(), self, List.of(args), Map.of(), Map.of("Output", sig.result()), null), Map.of());
        }
        if (trait == byName.get(CLASS)) {
            return self instanceof Type.Struct st && st.def().isClass()
                    ? new Match(new Impl(trait, List.of(), self, List.of(), Map.of(), Map.of(), null), Map.of()) : null;
        }
        for (Impl impl : implsOf(trait)) {
            Map<Type.Param, Type> m = new HashMap<>();
            if (!match(impl.self(), self, m, impl.params())) continue;
            if (traitArgs != null) {
                boolean ok = impl.traitArgs().size() == traitArgs.size();
                for (int i = 0; ok && i < traitArgs.size(); i++) ok = match(impl.traitArgs().get(i), traitArgs.get(i), m, impl.params());
                if (!ok) continue;
            }
            // A parameter fixed only by another's bound (`B` in `impl<F: Fn(i64) -> B> ...`) is
            // what that bound's associated type is for the matched argument.
            for (Type.Param p : impl.params()) {
                Type arg = m.get(p);
                if (arg == null) continue;
                for (Type.Bound b : p.bounds()) {
                    for (Map.Entry<String, Type> e : b.bindings().entrySet()) {
                        if (e.getValue() instanceof Type.Param q && impl.params().contains(q) && !m.containsKey(q)) {
                            m.put(q, normalize(new Type.Assoc(arg, b.trait(), Types.substAll(b.args(), m), e.getKey())));
                        }
                    }
                }
            }
            boolean boundsHold = true;
            for (Type.Param p : impl.params()) {
                Type arg = m.get(p);
                if (arg == null) continue;
                for (Type.Bound b : p.bounds()) {
                    if (!implementsTrait(arg, b.trait(), Types.substAll(b.args(), m).stream().map(this::normalize).toList())) boundsHold = false;
                }
            }
            if (boundsHold) return new Match(impl, m);
        }
        return null;
    }

    /** The name of the prelude trait that closures and `fn` values implement, built in. */
    public static final String FN = "Fn";
    /** The marker trait every `class` has (and no other type): the bound of `Weak<C>`. */
    public static final String CLASS = "Class";
    public static final String DROP = "Drop";

    /** What calling a value of type {@code t} takes and gives, or null when it is not callable that way. */
    public static Type.Fn signatureOf(Type t) {
        return switch (t) {
            case Type.Closure c -> c.signature();
            case Type.Fn f -> f;
            default -> null;
        };
    }

    /** Whether {@code t} implements {@code trait} (with {@code args}, or any when null). */
    public boolean implementsTrait(Type t, Type.TraitDef trait, List<Type> args) {
        if (t == Type.ERROR || t == Type.NEVER) return true;
        if (t instanceof Type.Param p) {
            for (Type.Bound b : boundsOf(p)) {
                if (b.trait() == trait && (args == null || b.args().stream().map(this::normalize).toList().equals(args.stream().map(this::normalize).toList()))) return true;
            }
            return false;
        }
        if (t instanceof Type.Var) return true; // decided when the variable is solved
        if (t instanceof Type.Dyn d) {
            for (Type.Bound b : withSupertraits(d.bound(), t)) if (b.trait() == trait) return true;
            return false;
        }
        return find(trait, t, args) != null;
    }

    /**
     * One-way matching: binds {@code params} inside {@code pattern} so that it equals
     * {@code target}. Anything else must be equal, except that inference variables in the
     * target match what their kind allows.
     */
    static boolean match(Type pattern, Type target, Map<Type.Param, Type> m, List<Type.Param> params) {
        if (pattern instanceof Type.Param p && params.contains(p)) {
            Type prev = m.get(p);
            if (prev == null) {
                m.put(p, target);
                return true;
            }
            return prev.equals(target) || prev instanceof Type.Var || target instanceof Type.Var;
        }
        if (target instanceof Type.Var v) {
            return switch (v.kind()) {
                case INTEGER -> pattern instanceof Type.Int;
                case FLOAT -> pattern instanceof Type.Float;
                case ANY -> true;
            };
        }
        if (target == Type.ERROR) return true;
        return switch (pattern) {
            case Type.Struct s -> target instanceof Type.Struct t && t.def() == s.def() && matchAll(s.args(), t.args(), m, params);
            case Type.Enum e -> target instanceof Type.Enum t && t.def() == e.def() && matchAll(e.args(), t.args(), m, params);
            case Type.Tuple tu -> target instanceof Type.Tuple t && matchAll(tu.elements(), t.elements(), m, params);
            case Type.Array a -> target instanceof Type.Array t && t.length() == a.length() && match(a.element(), t.element(), m, params);
            case Type.Ptr p -> target instanceof Type.Ptr t && t.mutable() == p.mutable() && match(p.pointee(), t.pointee(), m, params);
            case Type.Range r -> target instanceof Type.Range t && t.inclusive() == r.inclusive() && match(r.element(), t.element(), m, params);
            case Type.Fn f -> target instanceof Type.Fn t && matchAll(f.params(), t.params(), m, params) && match(f.result(), t.result(), m, params);
            case Type.Dyn d -> target instanceof Type.Dyn t && t.bound().trait() == d.bound().trait() && matchAll(d.bound().args(), t.bound().args(), m, params);
            case Type.Closure c -> target instanceof Type.Closure t && t.def() == c.def() && matchAll(c.outerArgs(), t.outerArgs(), m, params);
            default -> pattern.equals(target);
        };
    }

    private static boolean matchAll(List<Type> ps, List<Type> ts, Map<Type.Param, Type> m, List<Type.Param> params) {
        if (ps.size() != ts.size()) return false;
        for (int i = 0; i < ps.size(); i++) if (!match(ps.get(i), ts.get(i), m, params)) return false;
        return true;
    }

    /** Replaces every associated type whose base is known by what it stands for. */
    public Type normalize(Type t) {
        if (!Types.any(t, x -> x instanceof Type.Assoc)) return t;
        return Types.map(t, x -> x instanceof Type.Assoc a ? normalizeAssoc(a) : null);
    }

    private Type normalizeAssoc(Type.Assoc a) {
        Type base = normalize(a.base());
        List<Type> args = a.traitArgs().stream().map(this::normalize).toList();
        Type.Assoc here = new Type.Assoc(base, a.trait(), args, a.name());
        if (base instanceof Type.Param p) {
            for (Type.Bound b : boundsOf(p)) {
                if (b.trait() == a.trait() && b.bindings().containsKey(a.name())) return normalize(b.bindings().get(a.name()));
            }
            return here;
        }
        if (Types.any(base, x -> x instanceof Type.Assoc)) return here;
        if (Types.any(base, x -> x instanceof Type.Var)) {
            // Not settled yet (`Vec<{integer}>`): decide only when one impl can apply at all.
            int candidates = 0;
            for (Impl impl : implsOf(a.trait())) if (match(impl.self(), base, new HashMap<>(), impl.params())) candidates++;
            if (candidates != 1) return here;
        }
        Match found = find(a.trait(), base, args.isEmpty() ? null : args);
        if (found == null) return here;
        Type chosen = found.impl().assocTypes().get(a.name());
        if (chosen == null) return here;
        Type result = Types.subst(chosen, found.subst());
        // A parameter of the impl that only the trait's arguments fix (`impl<T> Index<ArenaRef<T>>
        // for Arena`, Output = T) stays unbound while those arguments are not settled: decide later.
        if (Types.any(result, x -> x instanceof Type.Param p && found.impl().params().contains(p))) return here;
        return normalize(result);
    }
}

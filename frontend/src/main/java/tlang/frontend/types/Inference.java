package tlang.frontend.types;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Solves type variables by unification (union–find over variable ids).
 *
 * <p>Variables carry a kind: an integer-literal variable may only become an integer type,
 * a float-literal one a float type. {@link #defaultAll()} gives the variables that nothing
 * constrained their defaults (`i64`, `f64`), as Rust does; a plain variable left unsolved
 * means the program needs an annotation.
 */
public final class Inference {
    private final List<Type> binding = new ArrayList<>(); // per var id: null, or what it is bound to
    private final List<Type.VarKind> kinds = new ArrayList<>();

    public Type.Var fresh(Type.VarKind kind) {
        binding.add(null);
        kinds.add(kind);
        return new Type.Var(binding.size() - 1, kind);
    }

    /** Follows bindings until a non-variable or an unbound variable (with its current kind). */
    public Type resolve(Type t) {
        while (t instanceof Type.Var v) {
            Type b = binding.get(v.id());
            if (b == null) return kinds.get(v.id()) == v.kind() ? v : new Type.Var(v.id(), kinds.get(v.id()));
            t = b;
        }
        return t;
    }

    /** Resolves inside compound types too, normalizing associated types whose base became known. */
    public Type deepResolve(Type t) {
        Type r = Types.map(t, x -> {
            if (x instanceof Type.Var) {
                Type y = resolve(x);
                return y instanceof Type.Var ? y : deepResolve(y);
            }
            return null;
        });
        return normalizer.apply(r);
    }

    /** Rewrites `<X as Trait>::Name` to the impl's type once X is known; the identity until traits exist. */
    private UnaryOperator<Type> normalizer = t -> t;
    /** Equations with an associated type that could not be decided yet; retried by {@link #retryPending()}. */
    private final List<Type[]> pending = new ArrayList<>();

    public void setNormalizer(UnaryOperator<Type> normalizer) { this.normalizer = normalizer; }

    /**
     * Unifies the equations that waited for an associated type, now that more is known;
     * returns those that fail (pairs of types) or still cannot be decided.
     */
    public List<Type[]> retryPending() {
        List<Type[]> failed = new ArrayList<>();
        boolean progress = true;
        List<Type[]> work = new ArrayList<>(pending);
        pending.clear();
        while (progress && !work.isEmpty()) {
            progress = false;
            List<Type[]> next = new ArrayList<>();
            for (Type[] eq : work) {
                Type a = deepResolve(eq[0]), b = deepResolve(eq[1]);
                if (a instanceof Type.Assoc && hasVars(a) || b instanceof Type.Assoc && hasVars(b)) {
                    next.add(eq);
                    continue;
                }
                progress = true;
                if (!unify(a, b)) failed.add(new Type[]{a, b});
            }
            work = next;
            work.addAll(pending);
            pending.clear();
        }
        failed.addAll(work);
        return failed;
    }

    private static boolean hasVars(Type t) {
        return Types.any(t, x -> x instanceof Type.Var);
    }

    /**
     * Makes {@code a} and {@code b} the same type if possible. NEVER and ERROR unify with
     * anything without binding it. Returns false on a mismatch (nothing is bound then
     * except what was already consistent).
     */
    public boolean unify(Type a, Type b) {
        a = resolve(a);
        b = resolve(b);
        if (a.equals(b)) return true;
        if (a == Type.ERROR || b == Type.ERROR || a == Type.NEVER || b == Type.NEVER) return true;
        if (a instanceof Type.Var va) return bind(va, b);
        if (b instanceof Type.Var vb) return bind(vb, a);
        if (a instanceof Type.Assoc || b instanceof Type.Assoc) {
            Type na = deepResolve(a), nb = deepResolve(b);
            if (!(na instanceof Type.Assoc) && !(nb instanceof Type.Assoc)) return unify(na, nb);
            if (na.equals(nb)) return true;
            if (na instanceof Type.Assoc x && hasVars(x) || nb instanceof Type.Assoc y && hasVars(y)) {
                pending.add(new Type[]{na, nb}); // decided once the base is known
                return true;
            }
            if (na instanceof Type.Assoc) return nb instanceof Type.Var v ? bind(v, na) : false;
            return na instanceof Type.Var v ? bind(v, nb) : false;
        }
        if (a instanceof Type.Struct sa && b instanceof Type.Struct sb) {
            return sa.def() == sb.def() && unifyAll(sa.args(), sb.args());
        }
        if (a instanceof Type.Enum ea && b instanceof Type.Enum eb) {
            return ea.def() == eb.def() && unifyAll(ea.args(), eb.args());
        }
        if (a instanceof Type.Tuple ta && b instanceof Type.Tuple tb) {
            if (ta.elements().size() != tb.elements().size()) return false;
            for (int i = 0; i < ta.elements().size(); i++) if (!unify(ta.elements().get(i), tb.elements().get(i))) return false;
            return true;
        }
        if (a instanceof Type.Ptr pa && b instanceof Type.Ptr pb) {
            return pa.mutable() == pb.mutable() && unify(pa.pointee(), pb.pointee());
        }
        if (a instanceof Type.Array aa && b instanceof Type.Array ab) {
            return aa.length() == ab.length() && unify(aa.element(), ab.element());
        }
        if (a instanceof Type.Range ra && b instanceof Type.Range rb) {
            return ra.inclusive() == rb.inclusive() && unify(ra.element(), rb.element());
        }
        if (a instanceof Type.Dyn da && b instanceof Type.Dyn db) {
            return da.bound().trait() == db.bound().trait() && unifyAll(da.bound().args(), db.bound().args());
        }
        if (a instanceof Type.Closure ca && b instanceof Type.Closure cb) {
            return ca.def() == cb.def() && unifyAll(ca.outerArgs(), cb.outerArgs()) && unifyAll(ca.params(), cb.params())
                    && unify(ca.result(), cb.result()) && unifyAll(ca.captures(), cb.captures());
        }
        if (a instanceof Type.Fn fa && b instanceof Type.Fn fb) {
            if (fa.params().size() != fb.params().size()) return false;
            for (int i = 0; i < fa.params().size(); i++) if (!unify(fa.params().get(i), fb.params().get(i))) return false;
            return unify(fa.result(), fb.result());
        }
        return false;
    }

    private boolean unifyAll(List<Type> as, List<Type> bs) {
        if (as.size() != bs.size()) return false;
        for (int i = 0; i < as.size(); i++) if (!unify(as.get(i), bs.get(i))) return false;
        return true;
    }

    private boolean bind(Type.Var v, Type t) {
        Type.VarKind kind = kinds.get(v.id());
        if (t instanceof Type.Var w) {
            Type.VarKind other = kinds.get(w.id());
            Type.VarKind merged;
            if (kind == other || other == Type.VarKind.ANY) merged = kind;
            else if (kind == Type.VarKind.ANY) merged = other;
            else return false; // an integer variable cannot become a float one
            kinds.set(w.id(), merged);
            binding.set(v.id(), w);
            return true;
        }
        if (kind == Type.VarKind.INTEGER && !(t instanceof Type.Int)) return false;
        if (kind == Type.VarKind.FLOAT && !(t instanceof Type.Float)) return false;
        if (occurs(v.id(), t)) return false;
        binding.set(v.id(), t);
        return true;
    }

    private boolean occurs(int id, Type t) {
        return Types.any(t, x -> resolve(x) instanceof Type.Var v && v.id() == id
                || x instanceof Type.Var && !(resolve(x) instanceof Type.Var) && occurs(id, resolve(x)));
    }

    /** Binds the unsolved literal variables inside {@code t} to their default types now. */
    public void defaultLiteralsIn(Type t) {
        Types.any(deepResolve(t), x -> {
            if (x instanceof Type.Var v && binding.get(v.id()) == null) {
                if (kinds.get(v.id()) == Type.VarKind.INTEGER) binding.set(v.id(), Type.Int.I64);
                if (kinds.get(v.id()) == Type.VarKind.FLOAT) binding.set(v.id(), Type.Float.F64);
            }
            return false;
        });
    }

    /** Binds every unsolved literal variable to its default type; returns the ids of unsolved plain ones. */
    public List<Integer> defaultAll() {
        List<Integer> unsolved = new ArrayList<>();
        for (int id = 0; id < binding.size(); id++) {
            if (binding.get(id) != null) continue;
            switch (kinds.get(id)) {
                case INTEGER -> binding.set(id, Type.Int.I64);
                case FLOAT -> binding.set(id, Type.Float.F64);
                case ANY -> unsolved.add(id);
            }
        }
        return unsolved;
    }
}

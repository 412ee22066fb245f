package tlang.frontend.types;

import java.util.ArrayList;
import java.util.List;

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

    /** Resolves inside compound types too. */
    public Type deepResolve(Type t) {
        Type r = resolve(t);
        return switch (r) {
            case Type.Tuple tu -> new Type.Tuple(tu.elements().stream().map(this::deepResolve).toList());
            case Type.Range r2 -> new Type.Range(deepResolve(r2.element()), r2.inclusive());
            case Type.Array ar -> new Type.Array(deepResolve(ar.element()), ar.length());
            case Type.Fn f -> new Type.Fn(f.params().stream().map(this::deepResolve).toList(), deepResolve(f.result()));
            default -> r;
        };
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
        if (a instanceof Type.Tuple ta && b instanceof Type.Tuple tb) {
            if (ta.elements().size() != tb.elements().size()) return false;
            for (int i = 0; i < ta.elements().size(); i++) if (!unify(ta.elements().get(i), tb.elements().get(i))) return false;
            return true;
        }
        if (a instanceof Type.Array aa && b instanceof Type.Array ab) {
            return aa.length() == ab.length() && unify(aa.element(), ab.element());
        }
        if (a instanceof Type.Range ra && b instanceof Type.Range rb) {
            return ra.inclusive() == rb.inclusive() && unify(ra.element(), rb.element());
        }
        if (a instanceof Type.Fn fa && b instanceof Type.Fn fb) {
            if (fa.params().size() != fb.params().size()) return false;
            for (int i = 0; i < fa.params().size(); i++) if (!unify(fa.params().get(i), fb.params().get(i))) return false;
            return unify(fa.result(), fb.result());
        }
        return false;
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
        Type r = resolve(t);
        return switch (r) {
            case Type.Var v -> v.id() == id;
            case Type.Tuple tu -> tu.elements().stream().anyMatch(e -> occurs(id, e));
            case Type.Range r2 -> occurs(id, r2.element());
            case Type.Array ar -> occurs(id, ar.element());
            case Type.Fn f -> f.params().stream().anyMatch(e -> occurs(id, e)) || occurs(id, f.result());
            default -> false;
        };
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

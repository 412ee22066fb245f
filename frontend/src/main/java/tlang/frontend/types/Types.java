package tlang.frontend.types;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Operations over whole types: substituting type parameters (instantiating a generic
 * signature, monomorphizing a body) and mapping over a type's parts.
 */
public final class Types {
    private Types() {}

    /** Pairs parameters with arguments; with fewer arguments, the rest stay themselves. */
    public static Map<Type.Param, Type> bind(List<Type.Param> params, List<Type> args) {
        Map<Type.Param, Type> m = new HashMap<>();
        for (int i = 0; i < params.size() && i < args.size(); i++) m.put(params.get(i), args.get(i));
        return m;
    }

    public static Type subst(Type t, Map<Type.Param, Type> m) {
        if (m.isEmpty()) return t;
        return map(t, x -> x instanceof Type.Param p && m.containsKey(p) ? m.get(p) : null);
    }

    public static List<Type> substAll(List<Type> ts, Map<Type.Param, Type> m) {
        if (m.isEmpty()) return ts;
        return ts.stream().map(t -> subst(t, m)).toList();
    }

    /**
     * Rebuilds {@code t} bottom-up, replacing each part for which {@code leaf} returns a
     * type (parts where it returns null are kept and searched inside).
     */
    public static Type map(Type t, UnaryOperator<Type> leaf) {
        Type r = leaf.apply(t);
        if (r != null) return r;
        return switch (t) {
            case Type.Tuple tu -> new Type.Tuple(mapAll(tu.elements(), leaf));
            case Type.Array a -> new Type.Array(map(a.element(), leaf), a.length());
            case Type.Range rg -> new Type.Range(map(rg.element(), leaf), rg.inclusive());
            case Type.Ref ref -> new Type.Ref(map(ref.inner(), leaf), ref.mutable());
            case Type.Ptr ptr -> new Type.Ptr(map(ptr.pointee(), leaf), ptr.mutable());
            case Type.Fn f -> new Type.Fn(mapAll(f.params(), leaf), map(f.result(), leaf));
            case Type.Dyn d -> {
                Map<String, Type> bindings = new java.util.LinkedHashMap<>();
                d.bound().bindings().forEach((k, v) -> bindings.put(k, map(v, leaf)));
                yield new Type.Dyn(new Type.Bound(d.bound().trait(), mapAll(d.bound().args(), leaf), bindings));
            }
            case Type.Closure c -> new Type.Closure(c.def(), mapAll(c.outerArgs(), leaf), mapAll(c.params(), leaf), map(c.result(), leaf), mapAll(c.captures(), leaf));
            case Type.Struct s -> s.args().isEmpty() ? s : new Type.Struct(s.def(), mapAll(s.args(), leaf));
            case Type.Enum e -> e.args().isEmpty() ? e : new Type.Enum(e.def(), mapAll(e.args(), leaf));
            case Type.Assoc a -> new Type.Assoc(map(a.base(), leaf), a.trait(), mapAll(a.traitArgs(), leaf), a.name());
            default -> t;
        };
    }

    private static List<Type> mapAll(List<Type> ts, UnaryOperator<Type> leaf) {
        List<Type> out = new ArrayList<>(ts.size());
        for (Type t : ts) out.add(map(t, leaf));
        return List.copyOf(out);
    }

    /** Whether any part of {@code t} satisfies {@code test}. */
    public static boolean any(Type t, java.util.function.Predicate<Type> test) {
        boolean[] found = {false};
        map(t, x -> {
            if (test.test(x)) found[0] = true;
            return null;
        });
        return found[0];
    }

    public static boolean hasParams(Type t) {
        return any(t, x -> x instanceof Type.Param);
    }

    /** `<i64, bool>`, or nothing for no arguments. */
    public static String displayArgs(List<Type> args) {
        if (args.isEmpty()) return "";
        return args.stream().map(Type::display).collect(Collectors.joining(", ", "<", ">"));
    }
}

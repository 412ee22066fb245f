package tlang.frontend.check;

import tlang.frontend.ast.Expr;
import tlang.frontend.ast.Item;
import tlang.frontend.ast.Pattern;
import tlang.frontend.types.Type;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Decides whether patterns cover every value of a type, and whether a pattern can match
 * anything the ones before it do not — the "usefulness" algorithm of Maranget's
 * "Warnings for pattern matching", as Rust uses it.
 *
 * <p>Patterns are first taken apart into constructors applied to sub-patterns: a variant
 * of an enum, `true`/`false`, the one constructor of a tuple or struct, an interval of an
 * integer or char type, a string literal. A pattern vector is useful with respect to a
 * matrix of earlier rows if some value matches it and no row; the search returns such a
 * value (a witness), which becomes the "`Shape::Rect { .. }` not covered" of the message.
 * Integer and char ranges are split at the boundaries the rows mention, so that
 * `0..=9 | 10..=255` is seen to cover a `u8`.
 */
final class Exhaustiveness {
    private final Map<Pattern, Symbol> targets;
    private final Map<Expr.Path, Symbol> resolutions;

    Exhaustiveness(Map<Pattern, Symbol> targets, Map<Expr.Path, Symbol> resolutions) {
        this.targets = targets;
        this.resolutions = resolutions;
    }

    // ---- deconstructed patterns -----------------------------------------------------

    sealed interface Ctor {}
    record VariantCtor(Type.Enum type, int index) implements Ctor {}
    record Single() implements Ctor {}
    record BoolCtor(boolean value) implements Ctor {}
    record IntervalCtor(BigInteger lo, BigInteger hi) implements Ctor {}
    record StrCtor(String value) implements Ctor {}
    /** A float literal, or any value of a type whose values are not enumerated. */
    record Opaque() implements Ctor {}

    sealed interface Pat {}
    record Wild() implements Pat {}
    record Cons(Ctor ctor, List<Pat> fields) implements Pat {}
    record Alt(List<Pat> alternatives) implements Pat {}

    private static final Pat WILD = new Wild();

    /** Turns a checked pattern of type {@code t} into a deconstructed one. */
    Pat lower(Pattern p, Type t) {
        if (targets.get(p) instanceof Symbol.Constant k) return constant(k.value());
        return switch (p) {
            case Pattern.Wildcard w -> WILD;
            case Pattern.Binding b -> {
                if (targets.get(b) instanceof Symbol.StructCtor) yield new Cons(new Single(), List.of());
                if (targets.get(b) instanceof Symbol.VariantCtor v) yield new Cons(new VariantCtor(t instanceof Type.Enum e ? e : v.type(), v.index()), List.of());
                yield b.subpattern() == null ? WILD : lower(b.subpattern(), t);
            }
            case Pattern.Literal l -> literal(l.value(), t);
            case Pattern.Range r -> {
                BigInteger lo = value(r.low()), hi = value(r.high());
                if (lo == null || hi == null) yield new Cons(new Opaque(), List.of());
                if (!r.inclusive()) hi = hi.subtract(BigInteger.ONE);
                yield new Cons(new IntervalCtor(lo, hi), List.of());
            }
            case Pattern.Tuple tu -> {
                List<Type> elementTypes = t instanceof Type.Tuple tt ? tt.elements() : List.of();
                yield new Cons(new Single(), withRest(tu.elements(), tu.restAt(), elementTypes));
            }
            case Pattern.Path path -> switch (targets.get(p)) {
                case Symbol.VariantCtor v -> new Cons(new VariantCtor(v.type(), v.index()), List.of());
                default -> new Cons(new Single(), List.of());
            };
            case Pattern.TupleStruct ts -> switch (targets.get(p)) {
                case Symbol.VariantCtor v -> new Cons(new VariantCtor(v.type(), v.index()),
                        withRest(ts.elements(), ts.restAt(), v.variant().fieldTypes()));
                case Symbol.StructCtor s -> new Cons(new Single(), withRest(ts.elements(), ts.restAt(), s.type().fieldTypes()));
                default -> WILD;
            };
            case Pattern.Struct st -> {
                Symbol target = targets.get(p);
                List<String> names;
                List<Type> fieldTypes;
                Ctor ctor;
                if (target instanceof Symbol.VariantCtor v) {
                    names = v.variant().fieldNames();
                    fieldTypes = v.variant().fieldTypes();
                    ctor = new VariantCtor(v.type(), v.index());
                } else if (target instanceof Symbol.StructCtor s) {
                    names = s.type().fieldNames();
                    fieldTypes = s.type().fieldTypes();
                    ctor = new Single();
                } else {
                    yield WILD;
                }
                List<Pat> fields = new ArrayList<>(Collections.nCopies(names.size(), WILD));
                for (Pattern.FieldPattern fp : st.fields()) {
                    int i = names.indexOf(fp.name());
                    if (i >= 0) fields.set(i, lower(fp.pattern(), fieldTypes.get(i)));
                }
                yield new Cons(ctor, fields);
            }
            case Pattern.Or or -> new Alt(or.alternatives().stream().map(a -> lower(a, t)).toList());
        };
    }

    private static Pat constant(Object value) {
        return switch (value) {
            case BigInteger v -> new Cons(new IntervalCtor(v, v), List.of());
            case Integer c -> new Cons(new IntervalCtor(BigInteger.valueOf(c), BigInteger.valueOf(c)), List.of());
            case Boolean b -> new Cons(new BoolCtor(b), List.of());
            case String str -> new Cons(new StrCtor(str), List.of());
            default -> new Cons(new Opaque(), List.of());
        };
    }

    private List<Pat> withRest(List<Pattern> elements, int restAt, List<Type> types) {
        List<Pat> out = new ArrayList<>();
        int n = types.size();
        int before = restAt < 0 ? elements.size() : restAt;
        int after = restAt < 0 ? 0 : elements.size() - restAt;
        for (int i = 0; i < before; i++) out.add(lower(elements.get(i), i < n ? types.get(i) : Type.ERROR));
        for (int i = before; i < n - after; i++) out.add(WILD);
        for (int i = 0; i < after; i++) {
            int fieldIndex = n - after + i;
            out.add(lower(elements.get(restAt + i), fieldIndex >= 0 && fieldIndex < n ? types.get(fieldIndex) : Type.ERROR));
        }
        return out;
    }

    private Pat literal(Expr e, Type t) {
        return switch (e) {
            case Expr.BoolLit b -> new Cons(new BoolCtor(b.value()), List.of());
            case Expr.StrLit s -> new Cons(new StrCtor(s.value()), List.of());
            default -> {
                BigInteger v = value(e);
                yield v == null ? new Cons(new Opaque(), List.of()) : new Cons(new IntervalCtor(v, v), List.of());
            }
        };
    }

    /** The integer value of an integer or char literal (possibly negated) or constant, else null. */
    BigInteger value(Expr e) {
        return switch (e) {
            case Expr.IntLit i -> i.value();
            case Expr.Path p when resolutions.get(p) instanceof Symbol.Constant k && k.value() instanceof BigInteger v -> v;
            case Expr.CharLit c -> BigInteger.valueOf(c.codePoint());
            case Expr.Unary u when u.op() == Expr.UnaryOp.NEG && u.operand() instanceof Expr.IntLit i -> i.value().negate();
            default -> null;
        };
    }

    // ---- the algorithm --------------------------------------------------------------

    /**
     * A list of values (one per column) that matches {@code vector} and no row of
     * {@code matrix}, or null when there is none.
     */
    List<Pat> useful(List<List<Pat>> matrix, List<Pat> vector, List<Type> columnTypes) {
        if (vector.isEmpty()) return matrix.isEmpty() ? new ArrayList<>() : null;
        Pat head = vector.get(0);
        List<Pat> rest = vector.subList(1, vector.size());
        Type t = columnTypes.get(0);
        List<Type> restTypes = columnTypes.subList(1, columnTypes.size());
        if (head instanceof Alt alt) {
            for (Pat a : alt.alternatives()) {
                List<Pat> v = new ArrayList<>();
                v.add(a);
                v.addAll(rest);
                List<Pat> w = useful(matrix, v, columnTypes);
                if (w != null) return w;
            }
            return null;
        }
        if (head instanceof Cons cons) {
            return specializeAndRecurse(matrix, cons.ctor(), cons.fields(), rest, t, restTypes);
        }
        // A wildcard: try every constructor if the column's constructors cover the type.
        List<Ctor> used = headConstructors(matrix);
        List<Ctor> all = allConstructors(t, used);
        if (all != null && all.stream().allMatch(c -> used.stream().anyMatch(u -> covers(u, c)))) {
            for (Ctor c : all) {
                List<Pat> w = specializeAndRecurse(matrix, c, Collections.nCopies(arity(c, t), WILD), rest, t, restTypes);
                if (w != null) return w;
            }
            return null;
        }
        List<List<Pat>> defaults = new ArrayList<>();
        for (List<Pat> row : expand(matrix)) if (row.get(0) instanceof Wild) defaults.add(row.subList(1, row.size()));
        List<Pat> w = useful(defaults, rest, restTypes);
        if (w == null) return null;
        Pat missing = WILD;
        if (all != null) {
            for (Ctor c : all) {
                if (used.stream().noneMatch(u -> covers(u, c))) {
                    missing = new Cons(c, Collections.nCopies(arity(c, t), WILD));
                    break;
                }
            }
        }
        List<Pat> out = new ArrayList<>();
        out.add(used.isEmpty() ? WILD : missing);
        out.addAll(w);
        return out;
    }

    private List<Pat> specializeAndRecurse(List<List<Pat>> matrix, Ctor c, List<Pat> fields, List<Pat> rest, Type t, List<Type> restTypes) {
        int arity = fields.size();
        List<Type> fieldTypes = fieldTypes(c, t, arity);
        List<List<Pat>> specialized = new ArrayList<>();
        for (List<Pat> row : expand(matrix)) {
            Pat h = row.get(0);
            List<Pat> tail = row.subList(1, row.size());
            if (h instanceof Wild) {
                List<Pat> r = new ArrayList<>(Collections.nCopies(arity, WILD));
                r.addAll(tail);
                specialized.add(r);
            } else if (h instanceof Cons hc && covers(hc.ctor(), c)) {
                List<Pat> r = new ArrayList<>(hc.fields());
                while (r.size() < arity) r.add(WILD);
                r.addAll(tail);
                specialized.add(r);
            }
        }
        List<Pat> v = new ArrayList<>(fields);
        v.addAll(rest);
        List<Type> types = new ArrayList<>(fieldTypes);
        types.addAll(restTypes);
        List<Pat> w = useful(specialized, v, types);
        if (w == null) return null;
        List<Pat> out = new ArrayList<>();
        out.add(new Cons(c, new ArrayList<>(w.subList(0, arity))));
        out.addAll(w.subList(arity, w.size()));
        return out;
    }

    /** Rows whose first pattern is an or-pattern become one row per alternative. */
    private static List<List<Pat>> expand(List<List<Pat>> matrix) {
        List<List<Pat>> out = new ArrayList<>();
        for (List<Pat> row : matrix) addExpanded(row, out);
        return out;
    }

    private static void addExpanded(List<Pat> row, List<List<Pat>> out) {
        if (!row.isEmpty() && row.get(0) instanceof Alt alt) {
            for (Pat a : alt.alternatives()) {
                List<Pat> r = new ArrayList<>();
                r.add(a);
                r.addAll(row.subList(1, row.size()));
                addExpanded(r, out);
            }
        } else {
            out.add(row);
        }
    }

    private static List<Ctor> headConstructors(List<List<Pat>> matrix) {
        List<Ctor> out = new ArrayList<>();
        for (List<Pat> row : expand(matrix)) if (row.get(0) instanceof Cons c) out.add(c.ctor());
        return out;
    }

    /** Whether constructor {@code general} matches every value {@code specific} does. */
    private static boolean covers(Ctor general, Ctor specific) {
        if (general instanceof IntervalCtor g && specific instanceof IntervalCtor s) {
            return g.lo().compareTo(s.lo()) <= 0 && s.hi().compareTo(g.hi()) <= 0;
        }
        if (general instanceof Opaque || specific instanceof Opaque) return false;
        return general.equals(specific);
    }

    /**
     * Every constructor of {@code t}, or null when they cannot be listed (strings, floats).
     * Integer and char types are cut into intervals at the boundaries {@code used} mentions.
     */
    private static List<Ctor> allConstructors(Type t, List<Ctor> used) {
        return switch (t) {
            case Type.Enum e -> {
                List<Ctor> out = new ArrayList<>();
                for (int i = 0; i < e.variants().size(); i++) out.add(new VariantCtor(e, i));
                yield out;
            }
            case Type.Tuple tu -> List.of(new Single());
            case Type.Struct s -> List.of(new Single());
            case Type.Int i -> split(List.of(new IntervalCtor(i.min(), i.max())), used);
            case Type.Prim p when p == Type.BOOL -> List.of(new BoolCtor(false), new BoolCtor(true));
            case Type.Prim p when p == Type.UNIT -> List.of(new Single());
            case Type.Prim p when p == Type.CHAR -> split(List.of(
                    new IntervalCtor(BigInteger.ZERO, BigInteger.valueOf(0xD7FF)),
                    new IntervalCtor(BigInteger.valueOf(0xE000), BigInteger.valueOf(0x10FFFF))), used);
            default -> null;
        };
    }

    /** Cuts the domain intervals at every boundary of the used intervals. */
    private static List<Ctor> split(List<IntervalCtor> domain, List<Ctor> used) {
        TreeSet<BigInteger> cuts = new TreeSet<>();
        for (Ctor c : used) {
            if (c instanceof IntervalCtor r) {
                cuts.add(r.lo());
                cuts.add(r.hi().add(BigInteger.ONE));
            }
        }
        List<Ctor> out = new ArrayList<>();
        for (IntervalCtor d : domain) {
            BigInteger start = d.lo();
            for (BigInteger cut : cuts) {
                if (cut.compareTo(start) > 0 && cut.compareTo(d.hi()) <= 0) {
                    out.add(new IntervalCtor(start, cut.subtract(BigInteger.ONE)));
                    start = cut;
                }
            }
            out.add(new IntervalCtor(start, d.hi()));
        }
        return out;
    }

    private static int arity(Ctor c, Type t) {
        return fieldTypes(c, t, -1).size();
    }

    private static List<Type> fieldTypes(Ctor c, Type t, int arity) {
        return switch (c) {
            case VariantCtor v -> v.type().variants().get(v.index()).fieldTypes();
            case Single s -> switch (t) {
                case Type.Tuple tu -> tu.elements();
                case Type.Struct st -> st.fieldTypes();
                default -> arity > 0 ? Collections.nCopies(arity, Type.ERROR) : List.of();
            };
            default -> List.of();
        };
    }

    // ---- witnesses, for messages ----------------------------------------------------

    /** A witness as source text, like `Shape::Rect { .. }` or `(false, _)` or `i32::MIN..=-1`. */
    static String show(Pat p, Type t) {
        return switch (p) {
            case Wild w -> "_";
            case Alt a -> a.alternatives().stream().map(x -> show(x, t)).collect(Collectors.joining(" | "));
            case Cons c -> switch (c.ctor()) {
                case VariantCtor v -> {
                    Type.Variant variant = v.type().variants().get(v.index());
                    String name = v.type().name() + "::" + variant.name();
                    yield switch (variant.shape()) {
                        case UNIT -> name;
                        case TUPLE -> name + "(" + fieldsText(c.fields(), variant.fieldTypes()) + ")";
                        case NAMED -> name + " { .. }";
                    };
                }
                case Single s -> switch (t) {
                    case Type.Tuple tu -> "(" + fieldsText(c.fields(), tu.elements()) + (tu.elements().size() == 1 ? ",)" : ")");
                    case Type.Struct st -> st.decl().shape() == Item.Struct.Shape.TUPLE
                            ? st.name() + "(" + fieldsText(c.fields(), st.fieldTypes()) + ")"
                            : st.decl().shape() == Item.Struct.Shape.UNIT ? st.name() : st.name() + " { .. }";
                    default -> "()";
                };
                case BoolCtor b -> Boolean.toString(b.value());
                case IntervalCtor r -> interval(r, t);
                case StrCtor s -> "_";
                case Opaque o -> "_";
            };
        };
    }

    private static String fieldsText(List<Pat> fields, List<Type> types) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) parts.add(show(fields.get(i), i < types.size() ? types.get(i) : Type.ERROR));
        return String.join(", ", parts);
    }

    private static String interval(IntervalCtor r, Type t) {
        if (t == Type.CHAR) {
            String lo = charText(r.lo()), hi = charText(r.hi());
            return r.lo().equals(r.hi()) ? lo : lo + "..=" + hi;
        }
        String lo = bound(r.lo(), t), hi = bound(r.hi(), t);
        return r.lo().equals(r.hi()) ? lo : lo + "..=" + hi;
    }

    private static String bound(BigInteger v, Type t) {
        if (t instanceof Type.Int i) {
            if (v.equals(i.min()) && i.signed) return i.display() + "::MIN";
            if (v.equals(i.max())) return i.display() + "::MAX";
        }
        return v.toString();
    }

    private static String charText(BigInteger v) {
        int cp = v.intValue();
        if (cp >= 0x20 && cp < 0x7F && cp != '\'' && cp != '\\') return "'" + (char) cp + "'";
        return "'\\u{" + Integer.toHexString(cp) + "}'";
    }
}

package tlang.midend.lower;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Compiles the arms of a `match` into a decision tree: every sub-value the arms look at
 * (an enum's tag, an integer, char, bool or string) is tested at most once on any path
 * from the root, instead of once per arm as testing arm after arm does. The algorithm is
 * the clause-matrix one (Maranget, "Compiling pattern matching to good decision trees"):
 *
 * <ul>
 * <li>Rows are the arms (their patterns split into one cell per sub-value, called a
 *     column and named by its {@link Occ occurrence}: where in the scrutinee it lives).
 *     The first row whose cells are all wildcards is the arm that matches — a
 *     {@link Leaf}; its variables are bound to the occurrences their names stood at.
 *     When that arm has a guard, the leaf also holds the tree for the rows after it,
 *     where a failing guard goes.</li>
 * <li>Otherwise the first column where the first row tests something decides. A tuple or
 *     struct there is taken apart into its fields (no test). An enum variant makes a
 *     {@link Switch} on the tag with one branch per variant the column mentions (each
 *     with the rows that accept that variant, taken apart into its fields) and a default
 *     for the rows that accept any variant — none when the variants mentioned are all
 *     there are. A literal or range makes a two-way {@link Test}: on each side, rows
 *     whose cell is decided by the outcome become wildcards or go away, the others stay.</li>
 * <li>An or-pattern splits its row into one row per alternative, in order, where its
 *     column is looked at. A guarded arm whose pattern matches through an earlier
 *     alternative and whose guard fails goes on to the later alternatives, as in Rust.</li>
 * </ul>
 *
 * Trees may repeat a test in different branches (never on one path), and in the worst case
 * grow exponentially with the number of columns: {@link #compile} gives up and returns
 * null when the tree would have more than {@link #limit} nodes, and the lowering then
 * compiles each arm on its own (see docs/midend.md). The tree is pure data: emitting it
 * (and sharing one block per arm body among all the leaves of that arm) is the lowering's
 * job ({@code AstToTir.matchExpr}).
 */
final class MatchCompiler {
    private MatchCompiler() {}

    // ---- patterns ---------------------------------------------------------------------

    /** A pattern, as the compiler sees it. */
    sealed interface Pat {}

    /** Matches anything. */
    record Wild() implements Pat {}

    /** Binds {@code var} (the lowering's variable) to the value, which must match {@code sub}. */
    record Bind(Object var, Pat sub) implements Pat {}

    /** A constructor applied to one pattern per field: a variant, or a tuple or struct. */
    record Ctor(Shape shape, List<Pat> args) implements Pat {
        Ctor {
            if (args.size() != shape.arity()) throw new IllegalArgumentException("arity " + shape.arity() + " for " + args);
        }
    }

    /**
     * A value compared with `==`: a {@link BigInteger} (integers and chars), {@link Boolean}
     * or {@link String}; two different values of those never both equal the scrutinee.
     * Any other object is only known equal to itself.
     */
    record Lit(Object value) implements Pat {}

    /** The integers (or chars' code points) from {@code lo} to {@code hi}, including {@code hi} when {@code inclusive}. */
    record Range(BigInteger lo, BigInteger hi, boolean inclusive) implements Pat {
        BigInteger last() { return inclusive ? hi : hi.subtract(BigInteger.ONE); }
    }

    /** Matches what one of the alternatives matches; the first that does binds. */
    record Or(List<Pat> alternatives) implements Pat {}

    /**
     * What a {@link Ctor} builds: variant {@code variant} of {@code variants} (or, with
     * {@code variant} -1, the only constructor of a tuple or struct) with {@code arity}
     * fields. {@code info} is the lowering's own (layouts and field types), carried into
     * the occurrences of the fields.
     */
    record Shape(int variant, int variants, int arity, Object info) {
        boolean isVariant() { return variant >= 0; }

        static Shape product(int arity, Object info) { return new Shape(-1, 1, arity, info); }
    }

    static final Pat WILD = new Wild();

    // ---- occurrences and the tree -----------------------------------------------------

    /** A sub-value of the scrutinee: the root (null parent), or field {@code index} of the {@code via} constructor's value at {@code parent}. */
    record Occ(Occ parent, Shape via, int index) {
        static final Occ ROOT = new Occ(null, null, -1);

        @Override public String toString() {
            if (parent == null) return "$";
            return parent + (via.isVariant() ? "#" + via.variant() : "") + "." + index;
        }
    }

    /** Variable {@code var} takes the value at {@code occ}. */
    record Binding(Object var, Occ occ) {}

    sealed interface Node {}

    /** No arm matches here (the checker proved it cannot happen, or the lowering's fallback goes on to the next arm). */
    record Fail() implements Node {}

    /**
     * Arm {@code arm} matches once its variables are bound. With a guard, {@code otherwise}
     * is where a failing guard goes (null without one).
     */
    record Leaf(int arm, List<Binding> bindings, Node otherwise) implements Node {}

    /** Branches on the tag of the enum at {@code occ}: one case per variant, then {@code otherwise} (null when the cases cover every variant). */
    record Switch(Occ occ, List<Case> cases, Node otherwise) implements Node {}

    record Case(Shape variant, Node then) {}

    /** Tests whether the value at {@code occ} equals a {@link Lit} or lies in a {@link Range}. */
    record Test(Occ occ, Pat test, Node yes, Node no) implements Node {}

    // ---- the algorithm ---------------------------------------------------------------

    /** The size bound for a match with these arms: linear in the size of its patterns. */
    static int limit(List<Pat> arms) {
        int n = 0;
        for (Pat p : arms) n += size(p);
        return 32 + 4 * n;
    }

    static int size(Pat p) {
        return switch (p) {
            case Bind b -> 1 + size(b.sub());
            case Ctor c -> 1 + c.args().stream().mapToInt(MatchCompiler::size).sum();
            case Or o -> 1 + o.alternatives().stream().mapToInt(MatchCompiler::size).sum();
            default -> 1;
        };
    }

    /**
     * The decision tree for arms with these patterns ({@code guarded[i]}: whether arm i has a
     * guard), or null when it would have more than {@code limit} switches, tests and leaves.
     */
    static Node compile(List<Pat> arms, boolean[] guarded, int limit) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < arms.size(); i++) {
            List<Binding> binds = new ArrayList<>();
            Pat cell = cell(arms.get(i), Occ.ROOT, binds);
            rows.add(new Row(List.of(cell), i, List.copyOf(binds)));
        }
        Compiler c = new Compiler(guarded, limit);
        try {
            return c.compile(List.of(Occ.ROOT), rows);
        } catch (TooBig e) {
            return null;
        }
    }

    /** Counts the switches, tests and leaves of a tree. */
    static int nodes(Node n) {
        return switch (n) {
            case Fail f -> 0;
            case Leaf l -> 1 + (l.otherwise() == null ? 0 : nodes(l.otherwise()));
            case Switch s -> 1 + s.cases().stream().mapToInt(k -> nodes(k.then())).sum() + (s.otherwise() == null ? 0 : nodes(s.otherwise()));
            case Test t -> 1 + nodes(t.yes()) + nodes(t.no());
        };
    }

    /** One arm (or one alternative of it): a cell per column, and the variables bound so far. */
    private record Row(List<Pat> cells, int arm, List<Binding> binds) {
        Row with(int column, List<Pat> replacement, List<Binding> more) {
            List<Pat> c = new ArrayList<>(cells.subList(0, column));
            c.addAll(replacement);
            c.addAll(cells.subList(column + 1, cells.size()));
            List<Binding> b = binds;
            if (!more.isEmpty()) {
                b = new ArrayList<>(binds);
                b.addAll(more);
                b = List.copyOf(b);
            }
            return new Row(List.copyOf(c), arm, b);
        }
    }

    private static final class TooBig extends RuntimeException {
        TooBig() { super(null, null, false, false); }
    }

    /** A pattern as a cell at {@code occ}: its bindings go to {@code binds}, what it still tests is returned. */
    private static Pat cell(Pat p, Occ occ, List<Binding> binds) {
        while (p instanceof Bind b) {
            binds.add(new Binding(b.var(), occ));
            p = b.sub() == null ? WILD : b.sub();
        }
        if (p instanceof Or o && o.alternatives().size() == 1) return cell(o.alternatives().get(0), occ, binds);
        return p;
    }

    /** The alternatives of a cell: itself, or an or-pattern's alternatives (flattened), each with the bindings it makes. */
    private record Alt(Pat pat, List<Binding> binds) {}

    private static void alternatives(Pat p, Occ occ, List<Binding> inherited, List<Alt> out) {
        List<Binding> binds = new ArrayList<>(inherited);
        Pat c = cell(p, occ, binds);
        if (c instanceof Or o) {
            for (Pat a : o.alternatives()) alternatives(a, occ, binds, out);
        } else {
            out.add(new Alt(c, binds));
        }
    }

    private static final class Compiler {
        private final boolean[] guarded;
        private final int limit;
        private int nodes;

        Compiler(boolean[] guarded, int limit) {
            this.guarded = guarded;
            this.limit = limit;
        }

        private void count() {
            if (++nodes > limit) throw new TooBig();
        }

        Node compile(List<Occ> columns, List<Row> rows) {
            if (rows.isEmpty()) return new Fail();
            Row first = rows.get(0);
            int c = 0;
            while (c < columns.size() && first.cells().get(c) instanceof Wild) c++;
            if (c == columns.size()) {
                count();
                Node otherwise = guarded[first.arm()] ? compile(columns, rows.subList(1, rows.size())) : null;
                return new Leaf(first.arm(), first.binds(), otherwise);
            }
            Occ occ = columns.get(c);
            Pat p = first.cells().get(c);
            if (p instanceof Or) {
                // Split the first row into its alternatives; the others split when their turn comes.
                List<Row> split = new ArrayList<>(expand(first, c, occ));
                split.addAll(rows.subList(1, rows.size()));
                return compile(columns, split);
            }
            if (p instanceof Ctor ctor && !ctor.shape().isVariant()) return product(columns, rows, c, ctor.shape());
            if (p instanceof Ctor ctor) return variants(columns, rows, c, ctor.shape());
            return test(columns, rows, c, p);
        }

        /** The row once for each alternative of its cell in column c (one row when there is no or-pattern). */
        private List<Row> expand(Row row, int c, Occ occ) {
            List<Alt> alts = new ArrayList<>();
            alternatives(row.cells().get(c), occ, List.of(), alts);
            List<Row> out = new ArrayList<>();
            for (Alt a : alts) out.add(row.with(c, List.of(a.pat()), a.binds()));
            return out;
        }

        private static List<Occ> fieldsOf(List<Occ> columns, int c, Shape shape) {
            List<Occ> out = new ArrayList<>(columns.subList(0, c));
            for (int i = 0; i < shape.arity(); i++) out.add(new Occ(columns.get(c), shape, i));
            out.addAll(columns.subList(c + 1, columns.size()));
            return List.copyOf(out);
        }

        /** The fields of {@code ctor}'s cells as cells at their own occurrences, appended to {@code binds}. */
        private static List<Pat> fieldCells(List<Pat> args, List<Occ> fieldOccs, List<Binding> binds) {
            List<Pat> out = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) out.add(cell(args.get(i), fieldOccs.get(i), binds));
            return out;
        }

        /** A tuple or struct in column c: every row's cell there becomes one cell per field. */
        private Node product(List<Occ> columns, List<Row> rows, int c, Shape shape) {
            List<Occ> cols = fieldsOf(columns, c, shape);
            List<Occ> fieldOccs = cols.subList(c, c + shape.arity());
            List<Row> out = new ArrayList<>();
            for (Row r : rows) {
                for (Row e : expand(r, c, columns.get(c))) {
                    Pat cell = e.cells().get(c);
                    List<Binding> binds = new ArrayList<>();
                    List<Pat> args = cell instanceof Ctor k ? k.args() : java.util.Collections.nCopies(shape.arity(), WILD);
                    out.add(e.with(c, fieldCells(args, fieldOccs, binds), binds));
                }
            }
            return compile(cols, out);
        }

        /** An enum variant in column c: a switch on the tag. */
        private Node variants(List<Occ> columns, List<Row> rows, int c, Shape any) {
            count();
            Occ occ = columns.get(c);
            List<List<Row>> expanded = new ArrayList<>();
            Set<Integer> seen = new LinkedHashSet<>();
            List<Shape> shapes = new ArrayList<>();
            for (Row r : rows) {
                List<Row> e = expand(r, c, occ);
                expanded.add(e);
                for (Row x : e) {
                    if (x.cells().get(c) instanceof Ctor k && seen.add(k.shape().variant())) shapes.add(k.shape());
                }
            }
            List<Case> cases = new ArrayList<>();
            for (Shape v : shapes) {
                List<Occ> cols = fieldsOf(columns, c, v);
                List<Occ> fieldOccs = cols.subList(c, c + v.arity());
                List<Row> out = new ArrayList<>();
                for (List<Row> e : expanded) {
                    for (Row x : e) {
                        Pat cell = x.cells().get(c);
                        if (cell instanceof Ctor k && k.shape().variant() != v.variant()) continue;
                        List<Binding> binds = new ArrayList<>();
                        List<Pat> args = cell instanceof Ctor k ? k.args() : java.util.Collections.nCopies(v.arity(), WILD);
                        out.add(x.with(c, fieldCells(args, fieldOccs, binds), binds));
                    }
                }
                cases.add(new Case(v, compile(cols, out)));
            }
            Node otherwise = null;
            if (shapes.size() < any.variants()) {
                List<Occ> cols = fieldsOf(columns, c, Shape.product(0, null));
                List<Row> out = new ArrayList<>();
                for (List<Row> e : expanded) {
                    for (Row x : e) if (x.cells().get(c) instanceof Wild) out.add(x.with(c, List.of(), List.of()));
                }
                otherwise = compile(cols, out);
            }
            return new Switch(occ, List.copyOf(cases), otherwise);
        }

        /** A literal or range in column c: a two-way test. */
        private Node test(List<Occ> columns, List<Row> rows, int c, Pat test) {
            count();
            Occ occ = columns.get(c);
            List<Row> yes = new ArrayList<>(), no = new ArrayList<>();
            for (Row r : rows) {
                for (Row x : expand(r, c, occ)) {
                    Pat cell = x.cells().get(c);
                    Pat y = onYes(cell, test), n = onNo(cell, test);
                    if (y != null) yes.add(y == cell ? x : x.with(c, List.of(y), List.of()));
                    if (n != null) no.add(n == cell ? x : x.with(c, List.of(n), List.of()));
                }
            }
            return new Test(occ, test, compile(columns, yes), compile(columns, no));
        }
    }

    // ---- what a test's outcome says about a cell ------------------------------------

    private static boolean disjointKind(Object v) {
        return v instanceof BigInteger || v instanceof Boolean || v instanceof String;
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof BigInteger x && b instanceof BigInteger y) return x.compareTo(y) == 0;
        return a.equals(b);
    }

    private static boolean contains(Range r, BigInteger v) {
        return r.lo().compareTo(v) <= 0 && v.compareTo(r.last()) <= 0;
    }

    private static boolean empty(Range r) {
        return r.lo().compareTo(r.last()) > 0;
    }

    /** The cell where the test held: WILD when it must match, null when it cannot, else itself (still to be tested). */
    static Pat onYes(Pat cell, Pat test) {
        if (cell instanceof Wild) return cell;
        if (cell.equals(test)) return WILD; // the same test (so an empty range too)
        if (test instanceof Lit t) {
            if (cell instanceof Lit l) {
                if (same(l.value(), t.value())) return WILD;
                return disjointKind(l.value()) && disjointKind(t.value()) ? null : cell;
            }
            if (cell instanceof Range r && t.value() instanceof BigInteger v) return contains(r, v) ? WILD : null;
            return cell;
        }
        Range t = (Range) test;
        if (cell instanceof Lit l && l.value() instanceof BigInteger v) return contains(t, v) ? cell : null;
        if (cell instanceof Range r) {
            if (empty(t)) return cell;
            if (r.lo().compareTo(t.lo()) <= 0 && t.last().compareTo(r.last()) <= 0) return WILD;
            if (r.last().compareTo(t.lo()) < 0 || t.last().compareTo(r.lo()) < 0) return null;
        }
        return cell;
    }

    /** The cell where the test failed, as for {@link #onYes}. */
    static Pat onNo(Pat cell, Pat test) {
        if (cell instanceof Wild) return cell;
        if (cell.equals(test)) return null;
        if (test instanceof Lit t) {
            if (cell instanceof Lit l) {
                if (same(l.value(), t.value())) return null;
                // A bool that is not one value is the other.
                if (l.value() instanceof Boolean && t.value() instanceof Boolean) return WILD;
            }
            return cell;
        }
        Range t = (Range) test;
        if (cell instanceof Lit l && l.value() instanceof BigInteger v) return contains(t, v) ? null : cell;
        if (cell instanceof Range r && !empty(r) && t.lo().compareTo(r.lo()) <= 0 && r.last().compareTo(t.last()) <= 0) return null;
        return cell;
    }
}

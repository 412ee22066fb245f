package tlang.frontend.modules;

import tlang.frontend.ast.Declarations;
import tlang.frontend.ast.Expr;
import tlang.frontend.ast.Item;
import tlang.frontend.ast.Pattern;
import tlang.frontend.ast.Stmt;
import tlang.frontend.ast.TypeExpr;
import tlang.frontend.diag.Diagnostics;
import tlang.frontend.diag.ErrorCode;
import tlang.frontend.source.Span;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites one module's items for the type checker, which knows one flat namespace: each
 * item gets its qualified name (`geometry::Point`; the root's items keep theirs), and every
 * path that names an item of the program — `Point`, `shapes::area`, `super::helper`, an
 * imported `Circle` — becomes that qualified name (`Shape::Circle` becomes
 * `[geometry::Shape, Circle]`: the variant stays a segment of its own). Type aliases are
 * expanded where they are used.
 *
 * <p>Names that stay as written: local variables and parameters (the rewriter tracks their
 * scopes, so a local `area` shadows a function `area`), type parameters, `Self`, and
 * whatever this program's modules do not define (the prelude, the built-ins, and unknown
 * names, which the checker reports).
 */
final class Rewriter {
    private final Resolver resolver;
    private final ModuleTree.Node module;
    private final Diagnostics diags;
    private final Resolution.Builder facts;
    /** Local variables in scope, innermost last; empty outside bodies. */
    private final Deque<Set<String>> locals = new ArrayDeque<>();
    private final Deque<Set<String>> typeParams = new ArrayDeque<>();

    Rewriter(Resolver resolver, ModuleTree.Node module, Diagnostics diags, Resolution.Builder facts) {
        this.resolver = resolver;
        this.module = module;
        this.diags = diags;
        this.facts = facts;
    }

    // ---- items ----------------------------------------------------------------------------

    Item item(Item it) {
        Declarations decls = module.ast().decls();
        return switch (it) {
            case Item.Fn f -> function(f, module.qualify(f.name()));
            case Item.Const c -> constant(c, module.qualify(c.name()));
            case Item.Struct st -> {
                typeParams.push(paramNames(st.generics()));
                Item.Generics g = generics(st.generics());
                List<Item.FieldDecl> fields = new ArrayList<>();
                Set<String> pub = new HashSet<>();
                for (Item.FieldDecl f : st.fields()) {
                    fields.add(new Item.FieldDecl(f.name(), f.nameSpan(), type(f.type()), f.span()));
                    if (decls.isPub(f)) pub.add(f.name());
                }
                typeParams.pop();
                Item.Struct out = new Item.Struct(module.qualify(st.name()), st.nameSpan(), g, List.copyOf(fields), st.shape(), st.span(), st.isClass());
                facts.struct(out, module, pub);
                yield out;
            }
            case Item.Enum en -> {
                typeParams.push(paramNames(en.generics()));
                Item.Generics g = generics(en.generics());
                List<Item.Variant> variants = en.variants().stream().map(v -> new Item.Variant(v.name(), v.nameSpan(),
                        v.fields().stream().map(f -> new Item.FieldDecl(f.name(), f.nameSpan(), type(f.type()), f.span())).toList(), v.shape(), v.span())).toList();
                typeParams.pop();
                yield new Item.Enum(module.qualify(en.name()), en.nameSpan(), g, variants, en.span());
            }
            case Item.Trait tr -> {
                Set<String> names = paramNames(tr.generics());
                names.add("Self");
                typeParams.push(names);
                Item.Generics g = generics(tr.generics());
                List<TypeExpr> supers = types(tr.supertraits());
                List<Item.TypeParam> assoc = tr.types().stream().map(this::typeParam).toList();
                List<Item.Fn> methods = tr.methods().stream().map(m -> function(m, m.name())).toList();
                typeParams.pop();
                yield new Item.Trait(module.qualify(tr.name()), tr.nameSpan(), g, supers, assoc, methods, tr.span());
            }
            case Item.Impl impl -> {
                typeParams.push(paramNames(impl.generics()));
                Item.Generics g = generics(impl.generics());
                TypeExpr trait = impl.trait() == null ? null : type(impl.trait());
                TypeExpr self = type(impl.selfType());
                List<Item.Fn> fns = new ArrayList<>();
                for (Item.Fn f : impl.functions()) {
                    Item.Fn out = function(f, f.name());
                    facts.function(out, module, impl.trait() != null || decls.isPub(f));
                    fns.add(out);
                }
                List<Item.Const> consts = impl.consts().stream().map(c -> constant(c, c.name())).toList();
                if (impl.trait() == null && self instanceof TypeExpr.Named owner && owner.segments().size() == 1) {
                    for (Item.Const c : impl.consts()) facts.constant(owner.segments().get(0), c, module, decls.isPub(c));
                }
                List<Item.TypeAlias> assoc = impl.types().stream().map(t -> new Item.TypeAlias(t.name(), t.nameSpan(), type(t.type()), t.span())).toList();
                typeParams.pop();
                yield new Item.Impl(g, trait, self, List.copyOf(fns), consts, assoc, impl.span());
            }
        };
    }

    private Item.Fn function(Item.Fn f, String name) {
        typeParams.push(paramNames(f.generics()));
        Item.Generics g = generics(f.generics());
        List<Item.Param> params = f.params().stream().map(p -> new Item.Param(p.name(), p.nameSpan(), p.mutable(), type(p.type()), p.span())).toList();
        TypeExpr result = f.returnType() == null ? null : type(f.returnType());
        Expr.Block body = null;
        if (f.body() != null) {
            Set<String> scope = new HashSet<>();
            if (f.self() != null) scope.add("self");
            for (Item.Param p : f.params()) scope.add(p.name());
            locals.push(scope);
            body = block(f.body());
            locals.pop();
        }
        typeParams.pop();
        return new Item.Fn(name, f.nameSpan(), g, f.self(), params, result, body, f.span(), f.extern(), f.trackCaller());
    }

    private Item.Const constant(Item.Const c, String name) {
        TypeExpr type = type(c.type());
        locals.push(new HashSet<>());
        Expr value = expr(c.value());
        locals.pop();
        return new Item.Const(name, c.nameSpan(), type, value, c.isStatic(), c.span());
    }

    private static Set<String> paramNames(Item.Generics g) {
        Set<String> out = new HashSet<>();
        for (Item.TypeParam p : g.params()) out.add(p.name());
        return out;
    }

    private Item.Generics generics(Item.Generics g) {
        if (g.isEmpty()) return g;
        List<Item.TypeParam> params = g.params().stream().map(this::typeParam).toList();
        List<Item.WherePredicate> where = g.where().stream().map(w -> new Item.WherePredicate(type(w.subject()), types(w.bounds()), w.span())).toList();
        return new Item.Generics(params, where);
    }

    private Item.TypeParam typeParam(Item.TypeParam p) {
        return new Item.TypeParam(p.name(), p.span(), types(p.bounds()), p.defaultType() == null ? null : type(p.defaultType()));
    }

    // ---- types ------------------------------------------------------------------------------

    private List<TypeExpr> types(List<TypeExpr> ts) {
        return ts.stream().map(this::type).toList();
    }

    TypeExpr type(TypeExpr t) {
        return switch (t) {
            case TypeExpr.Named n -> named(n);
            case TypeExpr.Dyn d -> type(d.trait()) instanceof TypeExpr.Named n ? new TypeExpr.Dyn(n, d.span()) : d;
            case TypeExpr.Fn f -> new TypeExpr.Fn(types(f.params()), f.result() == null ? null : type(f.result()), f.span());
            case TypeExpr.Tuple tu -> new TypeExpr.Tuple(types(tu.elements()), tu.span());
            case TypeExpr.Array a -> new TypeExpr.Array(type(a.element()), expr(a.length()), a.span());
            case TypeExpr.Ref r -> new TypeExpr.Ref(type(r.inner()), r.mutable(), r.span());
            case TypeExpr.Ptr r -> new TypeExpr.Ptr(type(r.pointee()), r.mutable(), r.span());
            case TypeExpr.Unit u -> u;
            case TypeExpr.Never n -> n;
        };
    }

    private boolean isTypeParam(String name) {
        for (Set<String> s : typeParams) if (s.contains(name)) return true;
        return false;
    }

    private TypeExpr named(TypeExpr.Named n) {
        List<TypeExpr> args = types(n.args());
        List<TypeExpr.Binding> bindings = n.bindings().stream().map(b -> new TypeExpr.Binding(b.name(), b.nameSpan(), type(b.type()))).toList();
        String first = n.segments().get(0);
        if (first.equals("Self") || first.equals("_") || isTypeParam(first)) return new TypeExpr.Named(n.segments(), args, bindings, n.span());
        Resolver.PathResult r = resolver.resolvePath(module, n.segments(), i -> segmentSpan(n.span(), i), Def.Ns.TYPE);
        if (!(r instanceof Resolver.PathResult.Found found)) return new TypeExpr.Named(n.segments(), args, bindings, n.span());
        List<String> rest = n.segments().subList(found.consumed(), n.segments().size());
        Def def = found.def();
        if (def.kind() == Def.Kind.ALIAS) {
            if (!rest.isEmpty()) {
                diags.error(ErrorCode.E0433, n.span(), "failed to resolve: `" + def.name() + "` is a type alias, and a path through one is not supported",
                        "help: write the path through the type it stands for");
                return n;
            }
            TypeExpr expanded = facts.aliases().expand(def, args, n.span(), !locals.isEmpty());
            return expanded == null ? n : expanded;
        }
        List<String> segments = new ArrayList<>(def.ref());
        segments.addAll(rest);
        return new TypeExpr.Named(List.copyOf(segments), args, bindings, n.span());
    }

    // ---- expressions ------------------------------------------------------------------------

    private List<Expr> exprs(List<Expr> es) {
        return es.stream().map(this::expr).toList();
    }

    private Expr opt(Expr e) {
        return e == null ? null : expr(e);
    }

    Expr expr(Expr e) {
        return switch (e) {
            case Expr.IntLit x -> x;
            case Expr.FloatLit x -> x;
            case Expr.CharLit x -> x;
            case Expr.BoolLit x -> x;
            case Expr.StrLit x -> x;
            case Expr.Unit x -> x;
            case Expr.Error x -> x;
            case Expr.Continue x -> x;
            case Expr.Path p -> valuePath(p);
            case Expr.Call c -> formatNames(new Expr.Call(expr(c.callee()), exprs(c.args()), c.span()));
            case Expr.Cast c -> new Expr.Cast(expr(c.operand()), type(c.type()), c.span());
            case Expr.Tuple t -> new Expr.Tuple(exprs(t.elements()), t.span());
            case Expr.Field f -> new Expr.Field(expr(f.base()), f.name(), f.nameSpan(), f.span());
            case Expr.MethodCall m -> new Expr.MethodCall(expr(m.receiver()), m.name(), m.nameSpan(), types(m.typeArgs()), exprs(m.args()), m.span());
            case Expr.StructLit s -> new Expr.StructLit(path(s.type(), Def.Ns.TYPE),
                    s.fields().stream().map(f -> new Expr.FieldInit(f.name(), f.nameSpan(), expr(f.value()))).toList(), s.span());
            case Expr.Unary u -> new Expr.Unary(u.op(), expr(u.operand()), u.span());
            case Expr.Binary b -> new Expr.Binary(b.op(), expr(b.left()), expr(b.right()), b.opSpan(), b.span());
            case Expr.Assign a -> new Expr.Assign(expr(a.target()), a.op(), expr(a.value()), a.span());
            case Expr.Block b -> block(b);
            case Expr.If i -> new Expr.If(expr(i.cond()), block(i.then()), opt(i.otherwise()), i.span());
            case Expr.While w -> new Expr.While(w.label(), expr(w.cond()), block(w.body()), w.span());
            case Expr.Loop l -> new Expr.Loop(l.label(), block(l.body()), l.span());
            case Expr.For f -> {
                Expr iterable = expr(f.iterable());
                locals.push(new HashSet<>(Set.of(f.variable())));
                Expr.Block body = block(f.body());
                locals.pop();
                yield new Expr.For(f.label(), f.variable(), f.variableSpan(), f.mutable(), iterable, body, f.span());
            }
            case Expr.Range r -> new Expr.Range(opt(r.start()), opt(r.end()), r.inclusive(), r.span());
            case Expr.Match m -> {
                Expr scrutinee = expr(m.scrutinee());
                List<Expr.Arm> arms = new ArrayList<>();
                for (Expr.Arm a : m.arms()) {
                    locals.push(new HashSet<>());
                    Pattern p = pattern(a.pattern());
                    Expr guard = opt(a.guard());
                    Expr body = expr(a.body());
                    locals.pop();
                    arms.add(new Expr.Arm(p, guard, body, a.span()));
                }
                yield new Expr.Match(scrutinee, List.copyOf(arms), m.span());
            }
            case Expr.IfLet i -> {
                Expr value = expr(i.value());
                locals.push(new HashSet<>());
                Pattern p = pattern(i.pattern());
                Expr.Block then = block(i.then());
                locals.pop();
                yield new Expr.IfLet(p, value, then, opt(i.otherwise()), i.span());
            }
            case Expr.WhileLet w -> {
                Expr value = expr(w.value());
                locals.push(new HashSet<>());
                Pattern p = pattern(w.pattern());
                Expr.Block body = block(w.body());
                locals.pop();
                yield new Expr.WhileLet(w.label(), p, value, body, w.span());
            }
            case Expr.Break b -> new Expr.Break(b.label(), opt(b.value()), b.span());
            case Expr.Return r -> new Expr.Return(opt(r.value()), r.span());
            case Expr.ArrayLit a -> new Expr.ArrayLit(exprs(a.elements()), a.span());
            case Expr.ArrayRepeat a -> new Expr.ArrayRepeat(expr(a.value()), expr(a.count()), a.span());
            case Expr.Index i -> new Expr.Index(expr(i.base()), expr(i.index()), i.span());
            case Expr.Ref r -> new Expr.Ref(r.mutable(), expr(r.operand()), r.span());
            case Expr.Try t -> new Expr.Try(expr(t.operand()), t.span());
            case Expr.Move m -> new Expr.Move(expr(m.operand()), m.span());
            case Expr.Unsafe u -> new Expr.Unsafe(block(u.block()), u.span());
            case Expr.Closure c -> {
                // Its parameters are locals of its body (hiding items of the same name).
                List<Expr.ClosureParam> params = c.params().stream()
                        .map(p -> new Expr.ClosureParam(p.name(), p.nameSpan(), p.mutable(), p.type() == null ? null : type(p.type()))).toList();
                TypeExpr result = c.result() == null ? null : type(c.result());
                locals.push(new HashSet<>(c.params().stream().map(Expr.ClosureParam::name).toList()));
                Expr body = expr(c.body());
                locals.pop();
                yield new Expr.Closure(params, result, body, c.span());
            }
        };
    }

    /** The built-ins that take a format string, and the position of that string among their arguments. */
    private static final Map<String, Integer> FORMAT_ARG = Map.of("print", 0, "println", 0, "eprint", 0, "eprintln", 0, "panic", 0, "write", 1);

    /**
     * A format string names variables inline (`"{count}"`); the type checker looks those
     * names up as written, so one that means a constant or static of this module or an
     * imported one (`{LIMIT}` for `config::LIMIT`) is passed as an argument instead: the
     * placeholder becomes its index, zero-padded to the name's length so that positions in
     * the string, and the spans of its other placeholders, stay as they were.
     */
    private Expr.Call formatNames(Expr.Call c) {
        if (!(c.callee() instanceof Expr.Path callee) || callee.segments().size() != 1) return c;
        Integer at = FORMAT_ARG.get(callee.segments().get(0));
        if (at == null || at >= c.args().size() || !(c.args().get(at) instanceof Expr.StrLit lit)) return c;
        String s = lit.value();
        StringBuilder out = new StringBuilder();
        List<Expr> extra = new ArrayList<>();
        Map<String, Integer> indices = new HashMap<>();
        int explicit = c.args().size() - at - 1;
        int i = 0;
        while (i < s.length()) {
            char ch = s.charAt(i);
            if (ch != '{' || s.startsWith("{{", i)) {
                int n = s.startsWith("{{", i) ? 2 : 1;
                out.append(s, i, i + n);
                i += n;
                continue;
            }
            int close = s.indexOf('}', i);
            if (close < 0) break;
            int colon = s.indexOf(':', i);
            int nameEnd = colon >= 0 && colon < close ? colon : close;
            String name = s.substring(i + 1, nameEnd);
            String replaced = null;
            if (!name.isEmpty() && (Character.isLetter(name.charAt(0)) || name.charAt(0) == '_') && !isLocal(name)) {
                Resolver.Binding b = resolver.inScope(module, name, Def.Ns.VALUE);
                if (b != null && (b.def().kind() == Def.Kind.CONST || b.def().kind() == Def.Kind.STATIC) && !b.def().ref().equals(List.of(name))) {
                    Integer index = indices.get(name);
                    if (index == null) {
                        index = explicit + extra.size();
                        indices.put(name, index);
                        extra.add(new Expr.Path(b.def().ref(), lit.span()));
                    }
                    String digits = Integer.toString(index);
                    if (digits.length() <= name.length()) replaced = "0".repeat(name.length() - digits.length()) + digits;
                }
            }
            out.append('{').append(replaced != null ? replaced : name).append(s, nameEnd, close + 1);
            i = close + 1;
        }
        if (extra.isEmpty()) return c;
        out.append(s, Math.min(i, s.length()), s.length());
        List<Expr> args = new ArrayList<>(c.args());
        args.set(at, new Expr.StrLit(out.toString(), lit.span()));
        args.addAll(extra);
        return new Expr.Call(c.callee(), List.copyOf(args), c.span());
    }

    private Expr.Block block(Expr.Block b) {
        locals.push(new HashSet<>());
        List<Stmt> stmts = new ArrayList<>();
        for (Stmt s : b.stmts()) stmts.add(stmt(s));
        Expr tail = opt(b.tail());
        locals.pop();
        return new Expr.Block(List.copyOf(stmts), tail, b.span());
    }

    private Stmt stmt(Stmt s) {
        return switch (s) {
            case Stmt.Let l -> {
                TypeExpr type = l.type() == null ? null : type(l.type());
                Expr init = opt(l.init());
                locals.peek().add(l.name());
                yield new Stmt.Let(l.name(), l.nameSpan(), l.mutable(), type, init, l.span());
            }
            case Stmt.LetPattern l -> {
                TypeExpr type = l.type() == null ? null : type(l.type());
                Expr init = opt(l.init());
                yield new Stmt.LetPattern(pattern(l.pattern()), type, init, l.span());
            }
            case Stmt.ExprStmt x -> new Stmt.ExprStmt(expr(x.expr()), x.semicolon(), x.span());
        };
    }

    private boolean isLocal(String name) {
        for (Set<String> s : locals) if (s.contains(name)) return true;
        return false;
    }

    /** A path used as a value: a local variable stays, anything else is resolved. */
    private Expr.Path valuePath(Expr.Path p) {
        String first = p.segments().get(0);
        boolean single = p.segments().size() == 1;
        if (single && (first.equals("self") || isLocal(first))) return unchanged(p);
        if (!single && (first.equals("Self") || isTypeParam(first))) return unchanged(p);
        return path(p, Def.Ns.VALUE);
    }

    private Expr.Path unchanged(Expr.Path p) {
        if (!p.hasTypeArgs()) return p;
        return new Expr.Path(p.segments(), p.generics().stream().map(this::types).toList(), p.span());
    }

    /** Resolves a path whose last segment is in {@code ns}, and writes it as the checker names it. */
    private Expr.Path path(Expr.Path p, Def.Ns ns) {
        String first = p.segments().get(0);
        if (first.equals("Self") || p.segments().size() > 1 && isTypeParam(first)) return unchanged(p);
        Resolver.PathResult r = resolver.resolvePath(module, p.segments(), i -> segmentSpan(p.span(), i), ns);
        if (!(r instanceof Resolver.PathResult.Found found)) return unchanged(p);
        int consumed = found.consumed();
        for (int i = 0; i < consumed - 1; i++) {
            if (!p.argsAt(i).isEmpty()) {
                diags.error(ErrorCode.E0109, segmentSpan(p.span(), i), "type arguments are not allowed on module `" + p.segments().get(i) + "`");
            }
        }
        List<TypeExpr> ownArgs = types(p.argsAt(consumed - 1));
        List<String> head;
        List<TypeExpr> headArgs = ownArgs;
        Def def = found.def();
        if (def.kind() == Def.Kind.ALIAS) {
            // `Grid::new()` with `type Grid = Vec<Row>;` is `Vec::<Row>::new()`.
            TypeExpr target = facts.aliases().expand(def, ownArgs, p.span(), true);
            if (target == null) return unchanged(p);
            if (!(target instanceof TypeExpr.Named n)) {
                diags.error(ErrorCode.E0433, segmentSpan(p.span(), consumed - 1), "failed to resolve: type alias `" + def.name() + "` is not a struct or enum, so no path can go through it");
                return unchanged(p);
            }
            head = n.segments();
            headArgs = n.args();
        } else if (def.module().isRoot() && def.ref().size() == 1 && isLocal(def.ref().get(0))) {
            head = List.of("crate", def.ref().get(0)); // the root keeps plain names, which a local can hide
        } else {
            head = def.ref();
        }
        List<String> segments = new ArrayList<>(head);
        List<List<TypeExpr>> generics = new ArrayList<>();
        for (int i = 0; i < head.size() - 1; i++) generics.add(List.of());
        generics.add(headArgs);
        for (int i = consumed; i < p.segments().size(); i++) {
            segments.add(p.segments().get(i));
            generics.add(types(p.argsAt(i)));
        }
        return new Expr.Path(List.copyOf(segments), List.copyOf(generics), p.span());
    }

    // ---- patterns ---------------------------------------------------------------------------

    private List<Pattern> patterns(List<Pattern> ps) {
        return ps.stream().map(this::pattern).toList();
    }

    /** Rewrites a pattern and declares the variables it binds in the innermost scope. */
    private Pattern pattern(Pattern p) {
        return switch (p) {
            case Pattern.Wildcard w -> w;
            case Pattern.Binding b -> {
                if (b.subpattern() == null && !b.mutable()) {
                    // A name that is a constant, a unit struct or an imported unit variant matches it.
                    Resolver.Binding found = resolver.inScope(module, b.name(), Def.Ns.VALUE);
                    if (found != null) {
                        Def d = found.def();
                        boolean unitVariant = d.kind() == Def.Kind.VARIANT && ((Item.Enum) d.decl()).variants().stream()
                                .anyMatch(v -> v.name().equals(d.name()) && v.shape() == Item.Struct.Shape.UNIT);
                        boolean unitStruct = d.kind() == Def.Kind.CTOR && ((Item.Struct) d.decl()).shape() == Item.Struct.Shape.UNIT;
                        if (unitVariant) yield new Pattern.Path(new Expr.Path(d.ref(), b.span()), b.span());
                        if (unitStruct || d.kind() == Def.Kind.CONST || d.kind() == Def.Kind.STATIC) {
                            yield new Pattern.Binding(d.ref().get(0), false, null, b.span());
                        }
                    }
                }
                locals.peek().add(b.name());
                yield new Pattern.Binding(b.name(), b.mutable(), b.subpattern() == null ? null : pattern(b.subpattern()), b.span());
            }
            case Pattern.Literal l -> new Pattern.Literal(expr(l.value()), l.span());
            case Pattern.Range r -> new Pattern.Range(opt(r.low()), opt(r.high()), r.inclusive(), r.span());
            case Pattern.Tuple t -> new Pattern.Tuple(patterns(t.elements()), t.restAt(), t.span());
            case Pattern.Path pp -> new Pattern.Path(path(pp.path(), Def.Ns.VALUE), pp.span());
            case Pattern.TupleStruct ts -> new Pattern.TupleStruct(path(ts.path(), Def.Ns.VALUE), patterns(ts.elements()), ts.restAt(), ts.span());
            case Pattern.Struct s -> new Pattern.Struct(path(s.path(), Def.Ns.TYPE),
                    s.fields().stream().map(f -> new Pattern.FieldPattern(f.name(), f.nameSpan(), pattern(f.pattern()))).toList(), s.rest(), s.span());
            case Pattern.Or o -> new Pattern.Or(patterns(o.alternatives()), o.span());
        };
    }

    // ---- aliases ----------------------------------------------------------------------------

    /** Expands type aliases, each rewritten once in its own module; a cycle is an error. */
    static final class Aliases {
        private final Resolver resolver;
        private final Diagnostics diags;
        private final Resolution.Builder facts;
        private final Map<Declarations.Alias, TypeExpr> done = new IdentityHashMap<>();
        private final Set<Declarations.Alias> active = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

        Aliases(Resolver resolver, Diagnostics diags, Resolution.Builder facts) {
            this.resolver = resolver;
            this.diags = diags;
            this.facts = facts;
        }

        /**
         * The type {@code def} stands for with {@code args} for its parameters; missing
         * arguments become `_` (inferred) where {@code infer} allows. Null after reporting.
         */
        TypeExpr expand(Def def, List<TypeExpr> args, Span at, boolean infer) {
            Declarations.Alias a = (Declarations.Alias) def.decl();
            TypeExpr body = body(a, def.module());
            if (body == null) return null;
            List<TypeExpr> actual = args;
            if (actual.size() != a.params().size()) {
                if (!actual.isEmpty() || !infer) {
                    diags.error(ErrorCode.E0107, at, "type alias `" + a.name() + "` takes " + a.params().size() + " type argument" + (a.params().size() == 1 ? "" : "s")
                            + " but " + actual.size() + (actual.size() == 1 ? " was" : " were") + " given",
                            "note: `type " + a.name() + (a.params().isEmpty() ? "" : "<" + String.join(", ", a.params().stream().map(Item.TypeParam::name).toList()) + ">")
                                    + " = ...` is declared at " + a.nameSpan());
                    return null;
                }
                actual = a.params().stream().map(p -> (TypeExpr) new TypeExpr.Named(List.of("_"), at)).toList();
            }
            Map<String, TypeExpr> subst = new HashMap<>();
            for (int i = 0; i < a.params().size(); i++) subst.put(a.params().get(i).name(), actual.get(i));
            return substitute(body, subst);
        }

        /** Resolves an alias's type even where nothing uses it, so that its mistakes are reported. */
        void check(Declarations.Alias a, ModuleTree.Node owner) {
            body(a, owner);
        }

        private TypeExpr body(Declarations.Alias a, ModuleTree.Node owner) {
            if (done.containsKey(a)) return done.get(a);
            if (!active.add(a)) {
                diags.error(ErrorCode.E0391, a.nameSpan(), "cycle detected when expanding type alias `" + a.name() + "`",
                        "note: a type alias cannot stand for a type that contains itself; use a struct or enum");
                done.put(a, null);
                return null;
            }
            Rewriter r = new Rewriter(resolver, owner, diags, facts);
            Set<String> params = new HashSet<>();
            for (Item.TypeParam p : a.params()) params.add(p.name());
            r.typeParams.push(params);
            TypeExpr body = r.type(a.type());
            active.remove(a);
            done.putIfAbsent(a, body);
            return done.get(a);
        }

        private static TypeExpr substitute(TypeExpr t, Map<String, TypeExpr> subst) {
            if (subst.isEmpty()) return t;
            return switch (t) {
                case TypeExpr.Named n -> {
                    if (n.segments().size() == 1 && n.args().isEmpty() && subst.containsKey(n.segments().get(0))) yield subst.get(n.segments().get(0));
                    yield new TypeExpr.Named(n.segments(), n.args().stream().map(x -> substitute(x, subst)).toList(),
                            n.bindings().stream().map(b -> new TypeExpr.Binding(b.name(), b.nameSpan(), substitute(b.type(), subst))).toList(), n.span());
                }
                case TypeExpr.Dyn d -> substitute(d.trait(), subst) instanceof TypeExpr.Named n ? new TypeExpr.Dyn(n, d.span()) : d;
                case TypeExpr.Fn f -> new TypeExpr.Fn(f.params().stream().map(x -> substitute(x, subst)).toList(), f.result() == null ? null : substitute(f.result(), subst), f.span());
                case TypeExpr.Tuple tu -> new TypeExpr.Tuple(tu.elements().stream().map(x -> substitute(x, subst)).toList(), tu.span());
                case TypeExpr.Array a -> new TypeExpr.Array(substitute(a.element(), subst), a.length(), a.span());
                case TypeExpr.Ref r -> new TypeExpr.Ref(substitute(r.inner(), subst), r.mutable(), r.span());
                case TypeExpr.Ptr r -> new TypeExpr.Ptr(substitute(r.pointee(), subst), r.mutable(), r.span());
                case TypeExpr.Unit u -> u;
                case TypeExpr.Never n -> n;
            };
        }
    }

    // ---- spans ------------------------------------------------------------------------------

    /**
     * The span of segment {@code index} of a path written at {@code whole}, for pointing at
     * the one segment that is wrong; the whole path when it cannot be found (a path the
     * compiler wrote).
     */
    static Span segmentSpan(Span whole, int index) {
        String text = whole.text();
        int depth = 0, count = 0, i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '<') depth++;
            else if (c == '>') depth--;
            else if (depth == 0 && (Character.isLetterOrDigit(c) || c == '_')) {
                int j = i;
                while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) j++;
                if (count == index) return new Span(whole.file(), whole.start() + i, whole.start() + j);
                count++;
                i = j;
                continue;
            }
            i++;
        }
        return whole;
    }
}

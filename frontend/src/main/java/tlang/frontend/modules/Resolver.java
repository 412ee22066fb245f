package tlang.frontend.modules;

import tlang.frontend.ast.Declarations;
import tlang.frontend.ast.Item;
import tlang.frontend.ast.Module;
import tlang.frontend.check.Builtins;
import tlang.frontend.check.Suggestions;
import tlang.frontend.diag.Diagnostics;
import tlang.frontend.diag.ErrorCode;
import tlang.frontend.source.SourceFile;
import tlang.frontend.source.Span;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Name resolution across modules: every module's scope (its items, child modules and
 * imports), `use` declarations, and the paths that cross modules (`geometry::Point`,
 * `crate::util::clamp`, `super::helper`), with Rust's visibility rule — an item is visible
 * in the module that declares it and in that module's descendants, and everywhere when it
 * is `pub`.
 *
 * <p>Scopes are filled first, then imports are resolved on demand (an import may go
 * through another, as `pub use` re-exports do), with a guard against cycles. The
 * {@link Rewriter} asks {@link #resolvePath} about every path it meets.
 */
final class Resolver {
    private final ModuleTree tree;
    private final Diagnostics diags;
    private final Map<ModuleTree.Node, Scope> scopes = new IdentityHashMap<>();
    /** A module tree of its own for `std`, built from the built-in functions' paths. */
    private final ModuleTree.Node std;

    /** The primitive types: `i32::MAX` is a path but names no module. */
    private static final Set<String> PRIMITIVES = Set.of(
            "i8", "i16", "i32", "i64", "isize", "u8", "u16", "u32", "u64", "usize", "f32", "f64", "bool", "char", "str");

    Resolver(ModuleTree tree, Diagnostics diags) {
        this.tree = tree;
        this.diags = diags;
        this.std = stdTree();
        for (ModuleTree.Node n : tree.nodes()) declare(n);
    }

    // ---- scopes -------------------------------------------------------------------------

    /** What a module declares and imports, by name. */
    private static final class Scope {
        final Map<String, Def> types = new LinkedHashMap<>(), values = new LinkedHashMap<>();
        final Map<String, List<Import>> imports = new LinkedHashMap<>();
        final List<Import> globs = new ArrayList<>();

        Map<String, Def> of(Def.Ns ns) { return ns == Def.Ns.TYPE ? types : values; }
    }

    /** One `use` and, once resolved, what it binds in each namespace (or, for a glob, what it opens). */
    private static final class Import {
        final Declarations.Use use;
        final ModuleTree.Node module;
        boolean resolving, done;
        Def type, value;
        ModuleTree.Node globModule;
        Def globEnum;

        Import(Declarations.Use use, ModuleTree.Node module) {
            this.use = use;
            this.module = module;
        }

        Def bound(Def.Ns ns) { return ns == Def.Ns.TYPE ? type : value; }
    }

    /**
     * A name as some module sees it: the definition, whether this way to it is public (the
     * item's `pub`, or the `pub` of the `use` that brought it in), and where that was declared.
     */
    record Binding(Def def, boolean pub, Span declared, boolean imported) {}

    private Scope scope(ModuleTree.Node n) {
        return scopes.computeIfAbsent(n, k -> new Scope());
    }

    private void declare(ModuleTree.Node n) {
        Scope s = scope(n);
        for (ModuleTree.Node child : n.children().values()) {
            Declarations.Mod m = child.decl();
            define(s, Def.Ns.TYPE, new Def(Def.Kind.MODULE, m.name(), n, child, m, m.nameSpan(), m.pub(), List.of()));
        }
        Declarations decls = n.ast().decls();
        for (Item item : n.items()) {
            boolean pub = decls.isPub(item);
            switch (item) {
                case Item.Fn f -> define(s, Def.Ns.VALUE, item(Def.Kind.FN, f.name(), n, f, f.nameSpan(), pub));
                case Item.Struct st -> {
                    define(s, Def.Ns.TYPE, item(Def.Kind.STRUCT, st.name(), n, st, st.nameSpan(), pub));
                    if (st.shape() != Item.Struct.Shape.NAMED) define(s, Def.Ns.VALUE, item(Def.Kind.CTOR, st.name(), n, st, st.nameSpan(), pub));
                }
                case Item.Enum en -> define(s, Def.Ns.TYPE, item(Def.Kind.ENUM, en.name(), n, en, en.nameSpan(), pub));
                case Item.Trait tr -> define(s, Def.Ns.TYPE, item(Def.Kind.TRAIT, tr.name(), n, tr, tr.nameSpan(), pub));
                case Item.Const c -> define(s, Def.Ns.VALUE, item(c.isStatic() ? Def.Kind.STATIC : Def.Kind.CONST, c.name(), n, c, c.nameSpan(), pub));
                case Item.Impl impl -> {}
            }
        }
        for (Declarations.Alias a : decls.aliases()) {
            define(s, Def.Ns.TYPE, new Def(Def.Kind.ALIAS, a.name(), n, null, a, a.nameSpan(), a.pub(), List.of()));
        }
        for (Declarations.Use u : decls.uses()) {
            Import imp = new Import(u, n);
            if (u.glob()) {
                s.globs.add(imp);
                continue;
            }
            String name = u.bound().name();
            if (ModuleLoader.RESERVED.contains(name)) {
                diags.error(ErrorCode.E1503, u.bound().span(), "`" + name + "` cannot be the name of an import",
                        "help: rename it: `use " + u.joined() + " as other_name;`");
                continue;
            }
            s.imports.computeIfAbsent(name, k -> new ArrayList<>()).add(imp);
        }
    }

    private static Def item(Def.Kind kind, String name, ModuleTree.Node n, Object decl, Span span, boolean pub) {
        return new Def(kind, name, n, null, decl, span, pub, List.of(n.qualify(name)));
    }

    /**
     * Adds a definition; of two with one name, the first stays. Two items the type checker
     * sees as one name (two functions `f`) are its to report; the rest (a module and a
     * struct, a function and a tuple struct) it cannot see, so they are reported here.
     */
    private void define(Scope s, Def.Ns ns, Def d) {
        Def previous = s.of(ns).putIfAbsent(d.name(), d);
        if (previous == null) return;
        boolean checkerSees = previous.kind() == d.kind() || Set.of(Def.Kind.STRUCT, Def.Kind.ENUM).containsAll(Set.of(previous.kind(), d.kind()))
                || Set.of(Def.Kind.FN, Def.Kind.CONST, Def.Kind.STATIC).containsAll(Set.of(previous.kind(), d.kind()));
        if (checkerSees && previous.kind() != Def.Kind.ALIAS && previous.kind() != Def.Kind.MODULE) return;
        diags.error(ErrorCode.E0428, d.span(), "the name `" + d.name() + "` is defined multiple times",
                "note: the " + previous.kind().word + " `" + d.name() + "` is defined at " + previous.span(),
                "note: `" + d.name() + "` must be defined only once in the " + (ns == Def.Ns.TYPE ? "type" : "value") + " namespace of this module");
    }

    /** `std` as modules: `std::process` with `exit`, `std::env` with `arg` and `arg_count`, ... */
    private static ModuleTree.Node stdTree() {
        SourceFile none = new SourceFile("<std>", "");
        Map<List<String>, ModuleTree.Node> nodes = new LinkedHashMap<>();
        ModuleTree.Node root = new ModuleTree.Node(List.of("std"), null, none, new Module("std", none, List.of()), null);
        nodes.put(List.of("std"), root);
        List<String> paths = new java.util.ArrayList<>();
        for (Builtins.Kind k : Builtins.Kind.values()) paths.add(k.path);
        for (StdPaths.Entry e : StdPaths.ALL) paths.add(e.path());
        for (String full : paths) {
            List<String> segs = List.of(full.split("::"));
            if (segs.size() < 2 || !segs.get(0).equals("std")) continue;
            ModuleTree.Node parent = root;
            for (int i = 1; i < segs.size() - 1; i++) {
                List<String> path = segs.subList(0, i + 1);
                ModuleTree.Node p = parent;
                Declarations.Mod decl = new Declarations.Mod(segs.get(i), new Span(none, 0, 0), true, null, new Span(none, 0, 0));
                parent = nodes.computeIfAbsent(List.copyOf(path), x -> {
                    ModuleTree.Node c = new ModuleTree.Node(x, p, none, new Module(x.get(x.size() - 1), none, List.of()), decl);
                    p.addChild(c);
                    return c;
                });
            }
        }
        return root;
    }

    /** The scope of a `std` module, made on first use. */
    private Scope stdScope(ModuleTree.Node n) {
        Scope s = scopes.get(n);
        if (s != null) return s;
        s = scope(n);
        for (ModuleTree.Node child : n.children().values()) {
            s.types.put(child.path().get(child.path().size() - 1), new Def(Def.Kind.MODULE, child.path().get(child.path().size() - 1), n, child, child.decl(), child.decl().nameSpan(), true, List.of()));
        }
        String prefix = String.join("::", n.path()) + "::";
        for (Builtins.Kind k : Builtins.Kind.values()) {
            if (!k.path.startsWith(prefix) || k.path.indexOf("::", prefix.length()) >= 0) continue;
            String name = k.path.substring(prefix.length());
            s.values.put(name, new Def(Def.Kind.FN, name, n, null, null, new Span(n.file(), 0, 0), true, List.of(k.path)));
        }
        for (StdPaths.Entry e : StdPaths.ALL) {
            if (!e.module().equals(String.join("::", n.path()))) continue;
            s.types.put(e.name(), new Def(e.kind(), e.name(), n, null, null, new Span(n.file(), 0, 0), true, List.of(e.name())));
        }
        return s;
    }

    private boolean isStd(ModuleTree.Node n) { return n.isWithin(std); }

    // ---- lookup ---------------------------------------------------------------------------

    /** The imports whose globs are being searched, so that two modules importing each other's `*` do not loop. */
    private final Set<Import> activeGlobs = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    /**
     * {@code name} as code inside module {@code m} sees it: m's own items and modules, then
     * its imports, then what its glob imports open. Null when m has no such name (the
     * prelude and the built-ins are not looked at: the type checker knows those).
     */
    Binding inScope(ModuleTree.Node m, String name, Def.Ns ns) {
        Scope s = isStd(m) ? stdScope(m) : scope(m);
        Def own = s.of(ns).get(name);
        if (own != null) return new Binding(own, own.pub(), own.span(), false);
        for (Import imp : s.imports.getOrDefault(name, List.of())) {
            resolve(imp);
            Def d = imp.bound(ns);
            if (d != null) return new Binding(d, imp.use.pub(), imp.use.bound().span(), true);
        }
        for (Import g : s.globs) {
            if (!activeGlobs.add(g)) continue;
            try {
                resolve(g);
                Binding b = null;
                if (g.globModule != null) {
                    Binding inner = inScope(g.globModule, name, ns);
                    if (inner != null && visible(inner, m, g.globModule)) b = inner;
                } else if (g.globEnum != null) {
                    Def v = variant(g.globEnum, name);
                    if (v != null) b = new Binding(v, true, v.span(), true);
                }
                if (b != null) return new Binding(b.def(), g.use.pub() && b.pub(), g.use.span(), true);
            } finally {
                activeGlobs.remove(g);
            }
        }
        return null;
    }

    /** Whether a binding of module {@code owner} may be used from {@code from}. */
    static boolean visible(Binding b, ModuleTree.Node from, ModuleTree.Node owner) {
        return b.pub() || from.isWithin(owner);
    }

    /** The variant {@code name} of an enum, as a definition of its own, or null. */
    private static Def variant(Def enumDef, String name) {
        Item.Enum en = (Item.Enum) enumDef.decl();
        for (Item.Variant v : en.variants()) {
            if (v.name().equals(name)) {
                return new Def(Def.Kind.VARIANT, name, enumDef.module(), null, enumDef.decl(), v.nameSpan(), true, List.of(enumDef.ref().get(0), name));
            }
        }
        return null;
    }

    /** Names a module has in a namespace, for "a similar name exists" hints. */
    private Set<String> namesIn(ModuleTree.Node m, Def.Ns ns) {
        Scope s = isStd(m) ? stdScope(m) : scope(m);
        Set<String> out = new LinkedHashSet<>(s.of(ns).keySet());
        for (Map.Entry<String, List<Import>> e : s.imports.entrySet()) {
            for (Import imp : e.getValue()) if (imp.done && imp.bound(ns) != null) out.add(e.getKey());
        }
        return out;
    }

    // ---- imports ----------------------------------------------------------------------------

    /** Resolves every import, then reports names that imports define twice. */
    void resolveImports() {
        for (ModuleTree.Node n : tree.nodes()) {
            Scope s = scope(n);
            for (List<Import> list : s.imports.values()) list.forEach(this::resolve);
            s.globs.forEach(this::resolve);
            conflicts(n, s);
        }
    }

    private void resolve(Import imp) {
        if (imp.done || imp.resolving) return; // an import reached again while it resolves binds nothing yet
        imp.resolving = true;
        try {
            if (imp.use.glob()) resolveGlob(imp);
            else resolveSingle(imp);
        } finally {
            imp.resolving = false;
            imp.done = true;
        }
    }

    private static List<String> names(List<Declarations.Ident> path) {
        return path.stream().map(Declarations.Ident::name).toList();
    }

    private static String joined(List<Declarations.Ident> path, int upTo) {
        return String.join("::", names(path).subList(0, upTo));
    }

    /** Where an import's path leads, all but its last segment: a module, or an enum (for variants). */
    private record Container(ModuleTree.Node module, Def enumDef) {}

    /**
     * Follows the first {@code count} segments of an import's path. Returns null after
     * reporting when they lead nowhere.
     */
    private Container container(Import imp, int count) {
        List<Declarations.Ident> path = imp.use.path();
        List<String> segs = names(path);
        ModuleTree.Node from = imp.module;
        Start st = start(from, segs, i -> path.get(i).span());
        if (st == ERROR) return null;
        ModuleTree.Node m;
        int i;
        if (st == null) {
            String first = segs.get(0);
            Binding b = inScope(from, first, Def.Ns.TYPE);
            if (b != null && b.def().kind() == Def.Kind.ENUM && count == 1) return new Container(null, b.def());
            unresolvedImport(imp, 1, b != null
                    ? "`" + first + "` is " + article(b.def()) + ", not a module"
                    : "there is no module `" + first + "` in scope here", startHelp(from, first));
            return null;
        }
        m = st.module();
        i = st.next();
        for (; i < count; i++) {
            String s = segs.get(i);
            Span span = path.get(i).span();
            if (ModuleLoader.RESERVED.contains(s)) {
                diags.error(ErrorCode.E0433, span, "failed to resolve: `" + s + "` in paths can only be used in start position");
                return null;
            }
            Binding b = inScope(m, s, Def.Ns.TYPE);
            if (b == null) {
                unresolvedImport(imp, i + 1, "could not find `" + s + "` in " + where(m), similar(s, namesIn(m, Def.Ns.TYPE)));
                return null;
            }
            if (!visible(b, from, m)) privateItem(b, s, span);
            if (b.def().kind() == Def.Kind.MODULE) {
                m = b.def().target();
                continue;
            }
            if (b.def().kind() == Def.Kind.ENUM && i == count - 1) return new Container(null, b.def());
            unresolvedImport(imp, i + 1, "`" + s + "` is " + article(b.def()) + ", not a module", null);
            return null;
        }
        return new Container(m, null);
    }

    private void resolveSingle(Import imp) {
        List<Declarations.Ident> path = imp.use.path();
        int n = path.size();
        String last = path.get(n - 1).name();
        Span lastSpan = path.get(n - 1).span();
        if (n == 1) {
            // `use name;`: the name must already be in scope (an item, a module, `std`).
            if (ModuleLoader.RESERVED.contains(last)) {
                diags.error(ErrorCode.E0432, lastSpan, "unresolved import `" + last + "`", "note: `" + last + "` starts a path: `use " + last + "::name;`");
                return;
            }
            Binding t = inScope(imp.module, last, Def.Ns.TYPE), v = inScope(imp.module, last, Def.Ns.VALUE);
            if (t == null && last.equals("std")) t = new Binding(moduleDef(std), true, lastSpan, false);
            if (t == null && v == null) {
                unresolvedImport(imp, 1, "there is no module or item `" + last + "` in scope here", startHelp(imp.module, last));
                return;
            }
            imp.type = t == null ? null : t.def();
            imp.value = v == null ? null : v.def();
            return;
        }
        Container c = container(imp, n - 1);
        if (c == null) return;
        if (ModuleLoader.RESERVED.contains(last)) {
            diags.error(ErrorCode.E0433, lastSpan, "failed to resolve: `" + last + "` in paths can only be used in start position");
            return;
        }
        if (c.enumDef() != null) {
            Def v = variant(c.enumDef(), last);
            if (v == null) {
                Item.Enum en = (Item.Enum) c.enumDef().decl();
                unresolvedImport(imp, n, "no variant `" + last + "` in enum `" + c.enumDef().ref().get(0) + "`",
                        similar(last, en.variants().stream().map(Item.Variant::name).toList()));
                return;
            }
            imp.type = v;
            imp.value = v;
            return;
        }
        ModuleTree.Node m = c.module();
        Binding t = inScope(m, last, Def.Ns.TYPE), v = inScope(m, last, Def.Ns.VALUE);
        if (t == null && v == null) {
            Set<String> names = namesIn(m, Def.Ns.TYPE);
            names.addAll(namesIn(m, Def.Ns.VALUE));
            unresolvedImport(imp, n, "no `" + last + "` in " + where(m), similar(last, names));
            return;
        }
        Binding shown = t != null ? t : v;
        if (!visible(shown, imp.module, m)) {
            privateItem(shown, last, lastSpan);
        } else if (imp.use.pub() && !shown.pub() && !isStd(m)) {
            diags.error(ErrorCode.E0364, lastSpan, "`" + last + "` is private, and cannot be re-exported",
                    "note: `pub use` makes a name public, so what it names must be public too",
                    "help: mark it `pub` where it is declared (" + shown.declared() + "), or drop the `pub` of this `use`");
        }
        imp.type = t == null ? null : t.def();
        imp.value = v == null ? null : v.def();
    }

    private void resolveGlob(Import imp) {
        int n = imp.use.path().size();
        Container c = container(imp, n);
        if (c == null) return;
        if (c.enumDef() != null) imp.globEnum = c.enumDef();
        else imp.globModule = c.module();
    }

    private Def moduleDef(ModuleTree.Node m) {
        String name = m.path().isEmpty() ? tree.crateName() : m.path().get(m.path().size() - 1);
        return new Def(Def.Kind.MODULE, name, m.parent(), m, m.decl(), m.decl() == null ? new Span(m.file(), 0, 0) : m.decl().nameSpan(), true, List.of());
    }

    private void unresolvedImport(Import imp, int upTo, String note, String help) {
        List<Declarations.Ident> path = imp.use.path();
        Span span = path.get(upTo - 1).span();
        String shown = joined(path, upTo);
        if (help == null) diags.error(ErrorCode.E0432, span, "unresolved import `" + shown + "`", "note: " + note);
        else diags.error(ErrorCode.E0432, span, "unresolved import `" + shown + "`", "note: " + note, help);
    }

    /** After every import is resolved: one name imported twice (E0252), or imported over an item (E0255). */
    private void conflicts(ModuleTree.Node n, Scope s) {
        for (Map.Entry<String, List<Import>> e : s.imports.entrySet()) {
            String name = e.getKey();
            List<Import> seen = new ArrayList<>();
            for (Import imp : e.getValue()) {
                Span at = imp.use.bound().span();
                Def own = imp.type != null && s.types.containsKey(name) ? s.types.get(name)
                        : imp.value != null && s.values.containsKey(name) ? s.values.get(name) : null;
                String rename = "help: rename the import: `use " + imp.use.joined() + " as other_" + name + ";`";
                if (own != null) {
                    diags.error(ErrorCode.E0255, at, "the name `" + name + "` is defined multiple times",
                            "note: the " + own.kind().word + " `" + name + "` of this module is defined at " + own.span(), rename);
                    continue;
                }
                for (Import other : seen) {
                    if (imp.type != null && other.type != null || imp.value != null && other.value != null) {
                        diags.error(ErrorCode.E0252, at, "the name `" + name + "` is defined multiple times",
                                "note: `" + name + "` is first imported at " + other.use.bound().span(), rename);
                        break;
                    }
                }
                seen.add(imp);
            }
        }
    }

    // ---- paths --------------------------------------------------------------------------------

    /** Where a path's module prefix starts: a module, and the index of the next segment. */
    record Start(ModuleTree.Node module, int next) {}

    private static final Start ERROR = new Start(null, -1);

    /**
     * The module a path starts from when its first segment names one: `crate` (or the
     * package's name), `self`, `super` (repeatable), a module in scope, or `std`. Null when
     * the first segment is something else (a type, or a name this resolver does not know);
     * ERROR after reporting.
     */
    private Start start(ModuleTree.Node from, List<String> segs, IntFunction<Span> spanOf) {
        String first = segs.get(0);
        switch (first) {
            case "crate" -> { return new Start(tree.root(), 1); }
            case "self" -> { return new Start(from, 1); }
            case "super" -> {
                ModuleTree.Node m = from;
                int i = 0;
                while (i < segs.size() && segs.get(i).equals("super")) {
                    if (m.parent() == null) {
                        diags.error(ErrorCode.E0433, spanOf.apply(i), "failed to resolve: there are too many leading `super` keywords",
                                "note: " + (i == 0 ? "this is the crate root, which has no parent" : "`" + String.join("::", segs.subList(0, i)) + "` is already the crate root"));
                        return ERROR;
                    }
                    m = m.parent();
                    i++;
                }
                return new Start(m, i);
            }
            default -> {}
        }
        Binding b = inScope(from, first, Def.Ns.TYPE);
        if (b != null) return b.def().kind() == Def.Kind.MODULE ? new Start(b.def().target(), 1) : null;
        if (first.equals(tree.crateName())) return new Start(tree.root(), 1);
        if (first.equals("std")) return new Start(std, 1);
        return null;
    }

    /** What {@link #resolvePath} found. */
    sealed interface PathResult {
        /** Not a name of this program's modules (a local, the prelude, a built-in, or unknown): the checker decides. */
        record Unchanged() implements PathResult {}
        /** Reported here already. */
        record Failed() implements PathResult {}
        /** The first {@code consumed} segments name {@code def}. */
        record Found(int consumed, Def def) implements PathResult {}
    }

    static final PathResult UNCHANGED = new PathResult.Unchanged();
    static final PathResult FAILED = new PathResult.Failed();

    /**
     * A path in an expression, pattern or type, seen from module {@code from}; the last
     * segment is looked up in {@code ns}, the others as modules or types. The caller has
     * already set aside paths that start with a local variable, a type parameter or `Self`.
     */
    PathResult resolvePath(ModuleTree.Node from, List<String> segs, IntFunction<Span> spanOf, Def.Ns ns) {
        String first = segs.get(0);
        if (segs.size() == 1) {
            Binding b = inScope(from, first, ns);
            if (b != null) {
                if (b.def().kind() == Def.Kind.MODULE) {
                    diags.error(ns == Def.Ns.TYPE ? ErrorCode.E0412 : ErrorCode.E0423, spanOf.apply(0),
                            "expected " + (ns == Def.Ns.TYPE ? "type" : "value") + ", found module `" + first + "`");
                    return FAILED;
                }
                return new PathResult.Found(1, b.def());
            }
            return rootLeak(from, first, ns, spanOf.apply(0), false) ? FAILED : UNCHANGED;
        }
        Start st = start(from, segs, spanOf);
        if (st == ERROR) return FAILED;
        if (st == null) {
            Binding b = inScope(from, first, Def.Ns.TYPE);
            if (b != null) return new PathResult.Found(1, b.def());
            if (rootLeak(from, first, Def.Ns.TYPE, spanOf.apply(0), true)) return FAILED;
            if (looksLikeModule(first)) {
                diags.error(ErrorCode.E0433, spanOf.apply(0), "failed to resolve: use of undeclared crate or module `" + first + "`",
                        startHelp(from, first) != null ? startHelp(from, first) : "note: declare it with `mod " + first + ";` (in `" + first + ".t`) or `mod " + first + " { ... }`");
                return FAILED;
            }
            return UNCHANGED;
        }
        boolean lenient = isStd(st.module()); // `std` paths the checker knows by other means stay as written
        ModuleTree.Node m = st.module();
        for (int i = st.next(); i < segs.size(); i++) {
            String s = segs.get(i);
            boolean last = i == segs.size() - 1;
            if (ModuleLoader.RESERVED.contains(s)) {
                diags.error(ErrorCode.E0433, spanOf.apply(i), "failed to resolve: `" + s + "` in paths can only be used in start position");
                return FAILED;
            }
            Binding b = inScope(m, s, last ? ns : Def.Ns.TYPE);
            if (b == null) {
                if (lenient) return UNCHANGED;
                notFound(m, s, last ? ns : Def.Ns.TYPE, last, spanOf.apply(i));
                return FAILED;
            }
            if (!visible(b, from, m)) privateItem(b, s, spanOf.apply(i));
            if (b.def().kind() == Def.Kind.MODULE) {
                if (last) {
                    diags.error(ns == Def.Ns.TYPE ? ErrorCode.E0412 : ErrorCode.E0423, spanOf.apply(i),
                            "expected " + (ns == Def.Ns.TYPE ? "type" : "value") + ", found module `" + String.join("::", segs) + "`");
                    return FAILED;
                }
                m = b.def().target();
                continue;
            }
            return new PathResult.Found(i + 1, b.def());
        }
        diags.error(ns == Def.Ns.TYPE ? ErrorCode.E0412 : ErrorCode.E0423, spanOf.apply(segs.size() - 1),
                "expected " + (ns == Def.Ns.TYPE ? "type" : "value") + ", found module `" + String.join("::", segs) + "`");
        return FAILED;
    }

    /** A lower-case first segment that is not a primitive type nor the start of a built-in's path reads as a module. */
    private static boolean looksLikeModule(String first) {
        if (first.isEmpty() || !Character.isLowerCase(first.charAt(0)) || PRIMITIVES.contains(first)) return false;
        for (Builtins.Kind k : Builtins.Kind.values()) if (k.path.startsWith(first + "::")) return false;
        return true;
    }

    /**
     * The root module's items keep their plain names for the type checker, so a module
     * could otherwise reach them without a path. Reports such a use, as Rust would the
     * unknown name, with the import that fixes it.
     */
    private boolean rootLeak(ModuleTree.Node from, String name, Def.Ns ns, Span span, boolean asPrefix) {
        if (from.isRoot()) return false;
        Def d = scope(tree.root()).of(ns).get(name);
        if (d == null || d.kind() == Def.Kind.MODULE) return false;
        String help = "help: `" + name + "` is declared in the crate root; import it with `use crate::" + name + ";`, or write `crate::" + name + "`";
        if (asPrefix) {
            diags.error(ErrorCode.E0433, span, "failed to resolve: use of undeclared type `" + name + "`", help);
        } else if (ns == Def.Ns.VALUE) {
            diags.error(ErrorCode.E0425, span, "cannot find " + (d.kind() == Def.Kind.FN ? "function" : "value") + " `" + name + "` in this scope", help);
        } else {
            diags.error(d.kind() == Def.Kind.TRAIT ? ErrorCode.E0405 : ErrorCode.E0412, span,
                    "cannot find " + (d.kind() == Def.Kind.TRAIT ? "trait" : "type") + " `" + name + "` in this scope", help);
        }
        return true;
    }

    /** A help line for a first segment that names no module in scope but one of the crate root's. */
    private String startHelp(ModuleTree.Node from, String first) {
        if (from.isRoot()) return null;
        Def d = scope(tree.root()).types.get(first);
        if (d != null && d.kind() == Def.Kind.MODULE) return "help: `" + first + "` is a module of the crate root: write `crate::" + first + "`";
        return null;
    }

    private void notFound(ModuleTree.Node m, String s, Def.Ns ns, boolean last, Span span) {
        String hint = similar(s, namesIn(m, ns));
        String[] notes = hint == null ? new String[0] : new String[]{hint};
        if (!last) {
            diags.error(ErrorCode.E0433, span, "failed to resolve: could not find `" + s + "` in " + where(m), notes);
        } else if (ns == Def.Ns.VALUE) {
            Binding asType = inScope(m, s, Def.Ns.TYPE);
            if (asType != null) {
                diags.error(ErrorCode.E0423, span, "expected value, found " + asType.def().kind().word + " `" + s + "`");
                return;
            }
            diags.error(ErrorCode.E0425, span, "cannot find value `" + s + "` in " + where(m), notes);
        } else {
            diags.error(ErrorCode.E0412, span, "cannot find type `" + s + "` in " + where(m), notes);
        }
    }

    private void privateItem(Binding b, String name, Span span) {
        Def d = b.def();
        if (b.imported() && d.pub()) {
            diags.error(ErrorCode.E0603, span, d.kind().word + " import `" + name + "` is private",
                    "note: it is imported without `pub` at " + b.declared(),
                    "help: import `" + name + "` from where it is declared instead, or make the import `pub use`");
            return;
        }
        String keyword = switch (d.kind()) {
            case MODULE -> "pub mod";
            case FN -> "pub fn";
            case STRUCT, CTOR -> "pub struct";
            case ENUM -> "pub enum";
            case TRAIT -> "pub trait";
            case ALIAS -> "pub type";
            case CONST -> "pub const";
            case STATIC -> "pub static";
            case VARIANT -> "pub enum";
        };
        diags.error(ErrorCode.E0603, span, d.kind().word + " `" + name + "` is private",
                "note: the " + d.kind().word + " `" + name + "` is defined here: " + d.span(),
                "help: to use it from other modules, declare it `" + keyword + " " + d.name() + "`");
    }

    private static String where(ModuleTree.Node m) {
        return m.path().isEmpty() ? "the crate root" : "module `" + m.display() + "`";
    }

    private static String article(Def d) {
        String w = d.kind().word;
        return ("aeiou".indexOf(w.charAt(0)) >= 0 ? "an " : "a ") + w;
    }

    private static String similar(String name, java.util.Collection<String> names) {
        return Suggestions.closest(name, names).map(x -> "help: a similar name exists: `" + x + "`").orElse(null);
    }
}

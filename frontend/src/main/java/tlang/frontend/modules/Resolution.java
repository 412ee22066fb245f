package tlang.frontend.modules;

import tlang.frontend.ast.Item;
import tlang.frontend.source.SourceFile;
import tlang.frontend.source.Span;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The result of resolving a package's modules: the items of every module as the type
 * checker sees them (one namespace, qualified names), and what the privacy check needs
 * once types are known: which module declares each struct and `impl` function, which
 * fields and functions are `pub`, and which module a piece of source belongs to.
 */
public final class Resolution {
    private final ModuleTree tree;
    private final List<Item> items;
    private final Map<Item.Struct, ModuleTree.Node> structModules;
    private final Map<Item.Struct, Set<String>> publicFields;
    private final Map<Item.Fn, ModuleTree.Node> functionModules;
    private final Set<Item.Fn> publicFunctions;
    private final Map<SourceFile, ModuleTree.Node> fileModules;
    private final Map<String, AssocConst> assocConsts;

    /** An associated constant of an inherent `impl`: where it is declared, and whether it is `pub`. */
    record AssocConst(Item.Const decl, ModuleTree.Node module, boolean pub) {}

    private Resolution(Builder b, List<Item> items) {
        this.tree = b.tree;
        this.items = List.copyOf(items);
        this.structModules = b.structModules;
        this.publicFields = b.publicFields;
        this.functionModules = b.functionModules;
        this.publicFunctions = b.publicFunctions;
        this.fileModules = b.fileModules;
        this.assocConsts = b.assocConsts;
    }

    public ModuleTree tree() { return tree; }

    /** Every module's items (and derived impls), roots first, with qualified names. */
    public List<Item> items() { return items; }

    /** The module that declares a struct (as rewritten), or null for the prelude's. */
    ModuleTree.Node moduleOf(Item.Struct s) { return structModules.get(s); }

    boolean isPublicField(Item.Struct s, String field) { return publicFields.getOrDefault(s, Set.of()).contains(field); }

    /** The module of an `impl`'s function, or null for the prelude's. */
    ModuleTree.Node moduleOf(Item.Fn f) { return functionModules.get(f); }

    boolean isPublic(Item.Fn f) { return publicFunctions.contains(f); }

    /** The associated constant {@code name} of the type with qualified name {@code type}, or null. */
    AssocConst assocConst(String type, String name) { return assocConsts.get(type + "::" + name); }

    /**
     * The module that the code at {@code span} belongs to: the innermost inline module
     * around it, else its file's module; null for code outside the package (the prelude).
     */
    ModuleTree.Node moduleAt(Span span) {
        ModuleTree.Node best = fileModules.get(span.file());
        if (best == null) return null;
        for (ModuleTree.Node n : tree.nodes()) {
            if (n.decl() == null || n.decl().body() == null || n.file() != span.file()) continue;
            Span s = n.decl().span();
            if (s.start() <= span.start() && span.start() < s.end() && n.path().size() > best.path().size()) best = n;
        }
        return best;
    }

    /** Collects the facts while the modules are rewritten. */
    static final class Builder {
        final ModuleTree tree;
        final Map<Item.Struct, ModuleTree.Node> structModules = new IdentityHashMap<>();
        final Map<Item.Struct, Set<String>> publicFields = new IdentityHashMap<>();
        final Map<Item.Fn, ModuleTree.Node> functionModules = new IdentityHashMap<>();
        final Set<Item.Fn> publicFunctions = Collections.newSetFromMap(new IdentityHashMap<>());
        final Map<SourceFile, ModuleTree.Node> fileModules = new HashMap<>();
        final Map<String, AssocConst> assocConsts = new HashMap<>();
        private Rewriter.Aliases aliases;

        Builder(ModuleTree tree) {
            this.tree = tree;
            for (ModuleTree.Node n : tree.nodes()) if (n.decl() == null || n.decl().body() == null) fileModules.put(n.file(), n);
        }

        void aliases(Rewriter.Aliases a) { this.aliases = a; }
        Rewriter.Aliases aliases() { return aliases; }

        /** Code the compiler wrote for a module (a derive's impl) belongs to that module. */
        void generated(SourceFile file, ModuleTree.Node n) { fileModules.putIfAbsent(file, n); }

        void struct(Item.Struct s, ModuleTree.Node n, Set<String> pub) {
            structModules.put(s, n);
            publicFields.put(s, Set.copyOf(pub));
        }

        void constant(String type, Item.Const c, ModuleTree.Node n, boolean pub) {
            assocConsts.putIfAbsent(type + "::" + c.name(), new AssocConst(c, n, pub));
        }

        void function(Item.Fn f, ModuleTree.Node n, boolean pub) {
            functionModules.put(f, n);
            if (pub) publicFunctions.add(f);
        }

        Resolution build(List<Item> items) { return new Resolution(this, new ArrayList<>(items)); }
    }
}

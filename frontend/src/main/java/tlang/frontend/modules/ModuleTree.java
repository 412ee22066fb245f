package tlang.frontend.modules;

import tlang.frontend.ast.Declarations;
import tlang.frontend.ast.Item;
import tlang.frontend.ast.Module;
import tlang.frontend.source.SourceFile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The modules of one package as a tree. The entry file is the root (the crate root, as Rust
 * calls it); each `mod name;` adds the child module in `name.t` or `name/mod.t`, and each
 * `mod name { ... }` a child whose items are written inline.
 */
public final class ModuleTree {
    private final String crateName;
    private final Node root;

    ModuleTree(String crateName, Node root) {
        this.crateName = crateName;
        this.root = root;
    }

    /** The package's name: also usable in paths in place of `crate`. */
    public String crateName() { return crateName; }
    public Node root() { return root; }

    /** Every module, parents before their children. */
    public List<Node> nodes() {
        List<Node> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node n, List<Node> out) {
        out.add(n);
        for (Node c : n.children.values()) collect(c, out);
    }

    /** One module: where it sits in the tree, and what it declares. */
    public static final class Node {
        private final List<String> path;
        private final Node parent;
        private final SourceFile file;
        private final Module ast;
        private final Declarations.Mod decl;
        private final Map<String, Node> children = new LinkedHashMap<>();
        /** The module's items, plus those its `#[derive]`s expand to (added before resolution). */
        private final List<Item> items;

        Node(List<String> path, Node parent, SourceFile file, Module ast, Declarations.Mod decl) {
            this.path = List.copyOf(path);
            this.parent = parent;
            this.file = file;
            this.ast = ast;
            this.decl = decl;
            this.items = new ArrayList<>(ast.items());
        }

        /** The module's path from the root: empty for the root, `[geometry, shapes]` below. */
        public List<String> path() { return path; }
        public Node parent() { return parent; }
        public SourceFile file() { return file; }
        public Module ast() { return ast; }
        /** The `mod` declaration that made this module; null for the root. */
        public Declarations.Mod decl() { return decl; }
        public Map<String, Node> children() { return Collections.unmodifiableMap(children); }
        public List<Item> items() { return items; }
        public boolean isRoot() { return parent == null; }

        void addChild(Node child) { children.put(child.path.get(child.path.size() - 1), child); }
        void addItems(List<Item> more) { items.addAll(more); }

        /** As users write it: `geometry::shapes`, or `crate` for the root. */
        public String display() { return path.isEmpty() ? "crate" : String.join("::", path); }

        /** For messages: "module `geometry::shapes`" or "the crate root". */
        public String describe() { return path.isEmpty() ? "the crate root" : "module `" + display() + "`"; }

        /**
         * The name an item of this module has in the program the type checker sees: its path
         * (`geometry::shapes::area`). The root's items keep their plain names, so a program of
         * one file reads in messages and symbols exactly as it is written.
         */
        public String qualify(String name) { return path.isEmpty() ? name : String.join("::", path) + "::" + name; }

        /** Whether this module is {@code other} or nested inside it: where {@code other}'s private items are visible. */
        public boolean isWithin(Node other) {
            for (Node n = this; n != null; n = n.parent) if (n == other) return true;
            return false;
        }

        @Override public String toString() { return display(); }
    }
}

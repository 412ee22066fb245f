package tlang.frontend.modules;

import tlang.frontend.ast.Item;
import tlang.frontend.derive.Deriver;
import tlang.frontend.diag.Diagnostics;

import java.util.ArrayList;
import java.util.List;

/**
 * The module phase of the frontend, between parsing and type checking: expands each
 * module's derives, fills the scopes, resolves imports, and rewrites every module's items
 * into the one namespace the type checker works in.
 */
public final class Modules {
    private Modules() {}

    /** Returns the resolution, or null when {@code diags} holds errors. */
    public static Resolution resolve(ModuleTree tree, Diagnostics diags) {
        Resolution.Builder facts = new Resolution.Builder(tree);
        for (ModuleTree.Node n : tree.nodes()) {
            List<Item> derived = Deriver.expand(n.ast(), diags);
            for (Item d : derived) facts.generated(d.span().file(), n);
            n.addItems(derived);
        }
        if (diags.hasErrors()) return null;
        Resolver resolver = new Resolver(tree, diags);
        resolver.resolveImports();
        facts.aliases(new Rewriter.Aliases(resolver, diags, facts));
        List<Item> items = new ArrayList<>();
        for (ModuleTree.Node n : tree.nodes()) {
            Rewriter r = new Rewriter(resolver, n, diags, facts);
            for (Item item : n.items()) items.add(r.item(item));
        }
        // Aliases are expanded where they are used; one that is never used is still checked.
        for (ModuleTree.Node n : tree.nodes()) {
            for (var a : n.ast().decls().aliases()) facts.aliases().check(a, n);
        }
        if (diags.hasErrors()) return null;
        return facts.build(items);
    }
}

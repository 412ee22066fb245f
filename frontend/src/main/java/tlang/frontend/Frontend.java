package tlang.frontend;

import tlang.frontend.ast.Item;
import tlang.frontend.ast.Module;
import tlang.frontend.check.CheckedProgram;
import tlang.frontend.check.TypeChecker;
import tlang.frontend.diag.Diagnostics;
import tlang.frontend.modules.ModuleLoader;
import tlang.frontend.modules.ModuleTree;
import tlang.frontend.modules.Modules;
import tlang.frontend.modules.Privacy;
import tlang.frontend.modules.Resolution;
import tlang.frontend.parse.Parser;
import tlang.frontend.source.SourceFile;

import java.util.ArrayList;
import java.util.List;

/**
 * The frontend's phases in order: parse the entry file and the module files it declares
 * (lexing included), resolve names across modules, type-check, then check the visibility
 * that needs types (private fields and methods).
 */
public final class Frontend {
    private Frontend() {}

    /** Checks the program whose entry file is {@code file}; its modules are read from disk next to it. */
    public static CheckedProgram analyze(SourceFile file, String crateName, Diagnostics diags) {
        return analyze(file, crateName, diags, ModuleLoader.DISK);
    }

    /** Returns the checked program, or null when {@code diags} holds errors. */
    public static CheckedProgram analyze(SourceFile file, String crateName, Diagnostics diags, ModuleLoader.Sources sources) {
        ModuleTree tree = ModuleLoader.load(file, crateName, diags, sources);
        // Type errors are only looked for in a program that parsed: checking a tree with
        // holes in it mostly reports consequences of the syntax errors (as Go does).
        if (diags.hasErrors()) return null;
        // The program's own types and functions shadow the prelude's: `struct Map` in a
        // program is its own, and the prelude's `Map` becomes `std::Map` (which no program
        // can write).
        java.util.Map<String, String> renames = new java.util.HashMap<>();
        for (tlang.frontend.ast.Item item : tree.root().items()) {
            String name = switch (item) {
                case tlang.frontend.ast.Item.Struct s -> s.name();
                case tlang.frontend.ast.Item.Enum e -> e.name();
                case tlang.frontend.ast.Item.Trait t -> t.name();
                case tlang.frontend.ast.Item.Fn f -> f.name();
                default -> null;
            };
            if (name != null && Prelude.typeNames().contains(name)) renames.put(name, "std::" + name);
        }
        Module prelude = Parser.parse(Prelude.source(), "std", diags, renames);
        if (diags.hasErrors()) throw new IllegalStateException("the prelude does not parse: " + diags.all());
        List<Item> items = new ArrayList<>(prelude.items());
        List<tlang.frontend.ast.Declarations> preludeDecls = new ArrayList<>(List.of(prelude.decls()));
        // The collections part of the prelude is checked only for programs that name one
        // of its items (checking it costs every build).
        boolean collections = false;
        java.util.Set<SourceFile> seen = new java.util.HashSet<>();
        for (ModuleTree.Node n : tree.nodes()) {
            if (seen.add(n.file()) && Prelude.usesCollections(n.file().text())) { collections = true; break; }
        }
        if (collections) {
            Module more = Parser.parse(Prelude.collections(), "std", diags, renames);
            if (diags.hasErrors()) throw new IllegalStateException("the prelude's collections do not parse: " + diags.all());
            items.addAll(more.items());
            preludeDecls.add(more.decls());
        }
        Resolution resolved = Modules.resolve(tree, diags);
        if (resolved == null) return null;
        items.addAll(resolved.items());
        CheckedProgram program = TypeChecker.check(new Module(crateName, file, List.copyOf(items)), diags);
        if (program == null) return null;
        Privacy.check(program, resolved, preludeDecls, diags);
        return diags.hasErrors() ? null : program;
    }
}

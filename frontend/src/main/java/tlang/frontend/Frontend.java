package tlang.frontend;

import tlang.frontend.ast.Module;
import tlang.frontend.check.CheckedProgram;
import tlang.frontend.check.TypeChecker;
import tlang.frontend.diag.Diagnostics;
import tlang.frontend.parse.Parser;
import tlang.frontend.source.SourceFile;

/** The frontend's phases in order: parse (lexing included), then resolve and type-check. */
public final class Frontend {
    private Frontend() {}

    /** Returns the checked program, or null when {@code diags} holds errors. */
    public static CheckedProgram analyze(SourceFile file, String moduleName, Diagnostics diags) {
        Module module = Parser.parse(file, moduleName, diags);
        // Type errors are only looked for in a program that parsed: checking a tree with
        // holes in it mostly reports consequences of the syntax errors (as Go does).
        if (diags.hasErrors()) return null;
        // The program's own types and functions shadow the prelude's: `struct Map` in a
        // program is its own, and the prelude's `Map` becomes `std::Map` (which no program
        // can write).
        java.util.Map<String, String> renames = new java.util.HashMap<>();
        for (tlang.frontend.ast.Item item : module.items()) {
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
        java.util.List<tlang.frontend.ast.Item> items = new java.util.ArrayList<>(prelude.items());
        items.addAll(module.items());
        items.addAll(tlang.frontend.derive.Deriver.expand(module, diags));
        if (diags.hasErrors()) return null;
        return TypeChecker.check(new Module(module.name(), module.file(), java.util.List.copyOf(items)), diags);
    }
}

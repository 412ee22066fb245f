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
        Module prelude = Parser.parse(Prelude.source(), "std", diags);
        if (diags.hasErrors()) throw new IllegalStateException("the prelude does not parse: " + diags.all());
        java.util.List<tlang.frontend.ast.Item> items = new java.util.ArrayList<>(prelude.items());
        items.addAll(module.items());
        items.addAll(tlang.frontend.derive.Deriver.expand(module, diags));
        if (diags.hasErrors()) return null;
        return TypeChecker.check(new Module(module.name(), module.file(), java.util.List.copyOf(items)), diags);
    }
}

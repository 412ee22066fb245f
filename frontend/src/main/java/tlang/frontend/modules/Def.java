package tlang.frontend.modules;

import tlang.frontend.source.Span;

import java.util.List;

/**
 * What a name stands for in a module's scope: an item of some module, a module, an enum
 * variant brought in by `use`, or a function of `std`.
 *
 * @param ref    the path segments a use of the name becomes for the type checker: the
 *               item's qualified name (`[geometry::Point]`), or for a variant
 *               `[geometry::Shape, Circle]`; empty for modules
 * @param module the module that declares it (for a module: its parent)
 * @param target for a module, the module itself; else null
 * @param decl   the declaration (an Item, Declarations.Alias, Declarations.Mod), for messages and aliases
 */
record Def(Kind kind, String name, ModuleTree.Node module, ModuleTree.Node target, Object decl, Span span, boolean pub, List<String> ref) {

    enum Kind {
        MODULE("module", true, false), STRUCT("struct", true, false), ENUM("enum", true, false), TRAIT("trait", true, false),
        ALIAS("type alias", true, false), FN("function", false, true), CONST("constant", false, true), STATIC("static", false, true),
        /** A tuple or unit struct as a value: its constructor. */
        CTOR("struct", false, true),
        VARIANT("variant", true, true);

        final String word;
        final boolean type, value;

        Kind(String word, boolean type, boolean value) {
            this.word = word;
            this.type = type;
            this.value = value;
        }

        boolean in(Ns ns) { return ns == Ns.TYPE ? type : value; }
    }

    /** Rust's two namespaces: a struct `Point` and a function `Point` may coexist. Modules are types. */
    enum Ns { TYPE, VALUE }
}

package tlang.frontend.ast;

import tlang.frontend.source.SourceFile;

import java.util.List;

/**
 * One parsed module: a source file, or the body of an inline `mod name { ... }`.
 * {@code name} is the module's name; {@code decls} what it declares besides items (`mod`,
 * `use`, type aliases, `pub`).
 */
public record Module(String name, SourceFile file, List<Item> items, List<Derive> derives, Declarations decls) {
    public Module(String name, SourceFile file, List<Item> items, List<Derive> derives) { this(name, file, items, derives, Declarations.NONE); }
    public Module(String name, SourceFile file, List<Item> items) { this(name, file, items, List.of()); }

    /** `#[derive(Trait)]` on a struct or enum: the compiler writes the impl. */
    public record Derive(String trait, tlang.frontend.source.Span span, Item target) {}
}

package tlang.frontend.ast;

import tlang.frontend.source.SourceFile;

import java.util.List;

/** One parsed source file. {@code name} is the module's name: the file name without `.t`. */
public record Module(String name, SourceFile file, List<Item> items, List<Derive> derives) {
    public Module(String name, SourceFile file, List<Item> items) { this(name, file, items, List.of()); }

    /** `#[derive(Trait)]` on a struct or enum: the compiler writes the impl. */
    public record Derive(String trait, tlang.frontend.source.Span span, Item target) {}
}

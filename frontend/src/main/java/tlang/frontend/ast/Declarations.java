package tlang.frontend.ast;

import tlang.frontend.source.Span;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * What a module declares besides its items: child modules (`mod`), imports (`use`), type
 * aliases (`type`), and which of its declarations are `pub`. The resolver
 * ({@code tlang.frontend.modules}) consumes these before type checking, so the checker
 * only ever sees items.
 *
 * <p>{@code pub} holds, by identity, the items, struct fields and `impl` functions
 * written with `pub` (records compare by value, so two equal fields of different structs
 * would be confused in an ordinary set).
 */
public record Declarations(List<Mod> mods, List<Use> uses, List<Alias> aliases, Set<Object> pub) {
    public static final Declarations NONE = new Declarations(List.of(), List.of(), List.of(), Set.of());

    public boolean isPub(Object node) { return pub.contains(node); }

    /** An identity set for {@link #pub}. */
    public static Set<Object> identitySet() { return Collections.newSetFromMap(new IdentityHashMap<>()); }

    /** `mod name;` (its {@code body} is null: the module lives in its own file) or `mod name { ... }`. */
    public record Mod(String name, Span nameSpan, boolean pub, Module body, Span span) {}

    /**
     * One name a `use` brings into scope. Groups are flattened by the parser:
     * `use a::{b, c::d as e};` is two, `a::b` and `a::c::d` renamed `e`. {@code alias} is
     * the `as` name or null; {@code glob} marks `use a::*;` (the path is then the module or
     * enum whose names it imports).
     */
    public record Use(List<Ident> path, Ident alias, boolean glob, boolean pub, Span span) {
        public String joined() { return String.join("::", path.stream().map(Ident::name).toList()); }
        /** The name it binds: the alias, or the path's last segment. */
        public Ident bound() { return alias != null ? alias : path.get(path.size() - 1); }
    }

    /** A name with its place in the source. */
    public record Ident(String name, Span span) {}

    /** `type Name<T> = Type;`: another name for a type, expanded where it is used. */
    public record Alias(String name, Span nameSpan, List<Item.TypeParam> params, TypeExpr type, boolean pub, Span span) {}
}

package tlang.frontend.check;

import tlang.frontend.ast.Item;
import tlang.frontend.source.Span;
import tlang.frontend.types.Type;

import java.util.List;

/** What a name in an expression refers to, as decided by the checker. */
public sealed interface Symbol {
    /** A local variable or parameter. {@code id} is unique within its function. */
    record Local(int id, String name, Type type, boolean mutable, boolean parameter, Span declared) implements Symbol {}

    /** A function defined in the program. */
    record Function(String name, List<Type> params, Type result, Item.Fn decl) implements Symbol {}

    /** A function the compiler provides: printing, process exit, arguments. */
    record Builtin(Builtins.Kind kind) implements Symbol {}
}

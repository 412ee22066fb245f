package tlang.frontend.types;

import java.util.List;

/**
 * Semantic types. {@code Never} is the type of expressions that do not produce a value
 * (`return`, `break`, `exit`); it fits wherever any type is expected. {@code Error} stands
 * for a type that could not be determined because of an earlier error, and is accepted
 * everywhere so that one mistake does not produce a cascade of messages.
 */
public sealed interface Type {
    String display();

    enum Prim implements Type {
        I64("i64"), BOOL("bool"), STRING("String"), UNIT("()"), NEVER("!"), ERROR("{unknown}");
        private final String name;
        Prim(String name) { this.name = name; }
        @Override public String display() { return name; }
    }

    record Fn(List<Type> params, Type result) implements Type {
        @Override public String display() {
            StringBuilder b = new StringBuilder("fn(");
            for (int i = 0; i < params.size(); i++) b.append(i > 0 ? ", " : "").append(params.get(i).display());
            b.append(')');
            if (result != Prim.UNIT) b.append(" -> ").append(result.display());
            return b.toString();
        }
    }

    Type I64 = Prim.I64, BOOL = Prim.BOOL, STRING = Prim.STRING, UNIT = Prim.UNIT, NEVER = Prim.NEVER, ERROR = Prim.ERROR;

    /** True when a value of type {@code actual} may be used where {@code this} is expected. */
    default boolean accepts(Type actual) {
        return this == ERROR || actual == ERROR || actual == NEVER || this.equals(actual);
    }
}

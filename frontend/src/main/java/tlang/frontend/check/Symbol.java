package tlang.frontend.check;

import tlang.frontend.ast.Item;
import tlang.frontend.source.Span;
import tlang.frontend.types.Type;

import java.util.List;

/** What a name in an expression refers to, as decided by the checker. */
public sealed interface Symbol {
    /**
     * A local variable or parameter. {@code id} is unique within its function. Its type may
     * start as an inference variable; the checker settles it when the function is done.
     */
    final class Local implements Symbol {
        private final int id;
        private final String name;
        private final boolean mutable;
        private final boolean parameter;
        private final Span declared;
        private final boolean byReference;
        private Type type;

        public Local(int id, String name, Type type, boolean mutable, boolean parameter, Span declared) {
            this(id, name, type, mutable, parameter, declared, false);
        }

        /** {@code byReference}: `&self` / `&mut self`, passed as the address of the receiver. */
        public Local(int id, String name, Type type, boolean mutable, boolean parameter, Span declared, boolean byReference) {
            this.byReference = byReference;
            this.id = id;
            this.name = name;
            this.type = type;
            this.mutable = mutable;
            this.parameter = parameter;
            this.declared = declared;
        }

        public int id() { return id; }
        public String name() { return name; }
        public Type type() { return type; }
        public boolean mutable() { return mutable; }
        public boolean parameter() { return parameter; }
        public Span declared() { return declared; }
        public boolean byReference() { return byReference; }

        void settle(Type resolved) { this.type = resolved; }

        @Override public String toString() { return "Local[" + name + "#" + id + ": " + type.display() + "]"; }
    }

    /**
     * A function defined in the program; {@code owner} is the struct whose `impl` defines it
     * (a method when {@code decl.self()} is set, an associated function otherwise), or null.
     */
    record Function(String name, List<Type> params, Type result, Item.Fn decl, Type owner) implements Symbol {
        public Function(String name, List<Type> params, Type result, Item.Fn decl) {
            this(name, params, result, decl, null);
        }

        public String qualifiedName() { return owner == null ? name : owner.display() + "::" + name; }
    }

    /** A struct name used as a value: the unit struct itself, or a tuple struct's constructor. */
    record StructCtor(Type.Struct type) implements Symbol {}

    /**
     * A value known at compile time: `i32::MAX`, or a `const` / `static` item. {@code value}
     * is a BigInteger (integers), Double (floats), Boolean, Character code point (Integer
     * for `char`), or String.
     */
    record Constant(Object value, Type type) implements Symbol {
        public java.math.BigInteger integer() { return (java.math.BigInteger) value; }
    }

    /** `Enum::Variant` used as a value (a unit variant) or a constructor (a tuple variant). */
    record VariantCtor(Type.Enum type, int index) implements Symbol {
        public Type.Variant variant() { return type.variants().get(index); }
    }

    /** A function the compiler provides: printing, process exit, arguments. */
    record Builtin(Builtins.Kind kind) implements Symbol {}
}

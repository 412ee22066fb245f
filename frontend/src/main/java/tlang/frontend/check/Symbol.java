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
     * A function defined in the program; {@code owner} is the type whose `impl` defines it
     * (a method when {@code decl.self()} is set, an associated function otherwise), or for a
     * method declared in a trait the trait's `Self`; null for a free function.
     * {@code typeParams} are every type parameter its signature and body may mention: the
     * impl's (or the trait's `Self` and parameters) first, then its own. {@code trait} is set
     * for the methods a trait declares (required or default), {@code impl} for the functions
     * of an `impl` block.
     */
    record Function(String name, List<Type.Param> typeParams, List<Type> params, Type result, Item.Fn decl, Type owner,
                    Type.TraitDef trait, TraitEnv.Impl impl) implements Symbol {
        public Function(String name, List<Type> params, Type result, Item.Fn decl) {
            this(name, List.of(), params, result, decl, null, null, null);
        }

        public boolean isGeneric() { return !typeParams.isEmpty(); }

        public String qualifiedName() {
            if (trait != null) return trait.name + "::" + name;
            return owner == null ? name : owner.display() + "::" + name;
        }

        // Identity, not structure: two functions are the same only if they are one declaration.
        @Override public boolean equals(Object o) { return this == o; }
        @Override public int hashCode() { return System.identityHashCode(this); }
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

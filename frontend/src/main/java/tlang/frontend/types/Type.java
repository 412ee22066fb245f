package tlang.frontend.types;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Semantic types.
 *
 * <p>{@code NEVER} is the type of expressions that do not produce a value (`return`,
 * `break`, `exit`); it fits wherever any type is expected. {@code ERROR} stands for a type
 * that could not be determined because of an earlier error, and is accepted everywhere
 * so that one mistake does not produce a cascade of messages. {@link Var} is an inference
 * variable, solved by {@link Inference} within a function: an integer literal without
 * context starts as an integer variable and becomes `i64` if nothing constrains it.
 */
public sealed interface Type {
    String display();

    enum Prim implements Type {
        BOOL("bool"), CHAR("char"), STRING("String"), UNIT("()"), NEVER("!"), ERROR("{unknown}");
        private final String name;
        Prim(String name) { this.name = name; }
        @Override public String display() { return name; }
    }

    /** The integer types. isize and usize are 64 bits on both targets. */
    enum Int implements Type {
        I8(8, true), I16(16, true), I32(32, true), I64(64, true), ISIZE(64, true),
        U8(8, false), U16(16, false), U32(32, false), U64(64, false), USIZE(64, false);

        public final int bits;
        public final boolean signed;

        Int(int bits, boolean signed) {
            this.bits = bits;
            this.signed = signed;
        }

        @Override public String display() { return name().toLowerCase(); }

        public java.math.BigInteger min() {
            return signed ? java.math.BigInteger.ONE.shiftLeft(bits - 1).negate() : java.math.BigInteger.ZERO;
        }

        public java.math.BigInteger max() {
            return java.math.BigInteger.ONE.shiftLeft(signed ? bits - 1 : bits).subtract(java.math.BigInteger.ONE);
        }

        public static java.util.Optional<Int> byName(String name) {
            for (Int i : values()) if (i.display().equals(name)) return java.util.Optional.of(i);
            return java.util.Optional.empty();
        }
    }

    enum Float implements Type {
        F32(32), F64(64);
        public final int bits;
        Float(int bits) { this.bits = bits; }
        @Override public String display() { return name().toLowerCase(); }

        public static java.util.Optional<Float> byName(String name) {
            for (Float f : values()) if (f.display().equals(name)) return java.util.Optional.of(f);
            return java.util.Optional.empty();
        }
    }

    /** An inference variable; {@code kind} restricts what it may become. */
    record Var(int id, VarKind kind) implements Type {
        @Override public String display() {
            return switch (kind) {
                case INTEGER -> "{integer}";
                case FLOAT -> "{float}";
                case ANY -> "_";
            };
        }
    }

    enum VarKind { ANY, INTEGER, FLOAT }

    record Tuple(List<Type> elements) implements Type {
        @Override public String display() {
            if (elements.size() == 1) return "(" + elements.get(0).display() + ",)";
            return elements.stream().map(Type::display).collect(Collectors.joining(", ", "(", ")"));
        }
    }

    /**
     * A struct declaration: its name, type parameters and fields (in terms of those
     * parameters). Nominal: two structs with the same fields are different types. The
     * fields are filled in after every type name is known, so that structs may mention
     * each other in any order.
     */
    final class StructDef {
        public final String name;
        public final tlang.frontend.ast.Item.Struct decl;
        public final List<Param> params;
        private List<String> fieldNames = List.of();
        private List<Type> fieldTypes = List.of();

        /** A `class`: values are references to one shared, reference-counted object. */
        public boolean isClass() { return decl.isClass(); }

        public StructDef(String name, tlang.frontend.ast.Item.Struct decl, List<Param> params) {
            this.name = name;
            this.decl = decl;
            this.params = List.copyOf(params);
        }

        public void setFields(List<String> names, List<Type> types) {
            this.fieldNames = List.copyOf(names);
            this.fieldTypes = List.copyOf(types);
        }

        public List<String> fieldNames() { return fieldNames; }
        public List<Type> genericFieldTypes() { return fieldTypes; }

        /** The type itself where it is declared: `Pair<A, B>` with its own parameters. */
        public Struct self() { return new Struct(this, List.copyOf(params)); }
        @Override public String toString() { return "struct " + name; }
    }

    /** A struct type: a declaration applied to type arguments (none for a plain struct). */
    record Struct(StructDef def, List<Type> args) implements Type {
        public String name() { return def.name; }
        public tlang.frontend.ast.Item.Struct decl() { return def.decl; }
        public List<String> fieldNames() { return def.fieldNames(); }
        public List<Type> fieldTypes() { return Types.substAll(def.genericFieldTypes(), Types.bind(def.params, args)); }
        public int fieldIndex(String field) { return def.fieldNames().indexOf(field); }
        @Override public String display() { return def.name + Types.displayArgs(args); }
        @Override public String toString() { return "struct " + display(); }
    }

    /**
     * An enum declaration. Each variant has a shape like a struct's (unit, tuple or named
     * fields); the variants' field types (in terms of the parameters) are filled in after
     * declaration.
     */
    final class EnumDef {
        public final String name;
        public final tlang.frontend.ast.Item.Enum decl;
        public final List<Param> params;
        private List<Variant> variants = List.of();

        public EnumDef(String name, tlang.frontend.ast.Item.Enum decl, List<Param> params) {
            this.name = name;
            this.decl = decl;
            this.params = List.copyOf(params);
        }

        public void setVariants(List<Variant> variants) { this.variants = List.copyOf(variants); }
        public List<Variant> genericVariants() { return variants; }
        public Enum self() { return new Enum(this, List.copyOf(params)); }
        @Override public String toString() { return "enum " + name; }
    }

    /** An enum type: a declaration applied to type arguments. */
    record Enum(EnumDef def, List<Type> args) implements Type {
        public String name() { return def.name; }
        public tlang.frontend.ast.Item.Enum decl() { return def.decl; }

        public List<Variant> variants() {
            if (args.isEmpty()) return def.genericVariants();
            java.util.Map<Param, Type> m = Types.bind(def.params, args);
            return def.genericVariants().stream()
                    .map(v -> new Variant(v.name(), v.shape(), v.fieldNames(), Types.substAll(v.fieldTypes(), m))).toList();
        }

        public int variantIndex(String variant) {
            List<Variant> vs = def.genericVariants();
            for (int i = 0; i < vs.size(); i++) if (vs.get(i).name().equals(variant)) return i;
            return -1;
        }

        @Override public String display() { return def.name + Types.displayArgs(args); }
        @Override public String toString() { return "enum " + display(); }
    }

    record Variant(String name, tlang.frontend.ast.Item.Struct.Shape shape, List<String> fieldNames, List<Type> fieldTypes) {
        public int fieldIndex(String field) { return fieldNames.indexOf(field); }
    }

    /**
     * A type parameter of a generic function, struct, enum, impl or trait (a trait's
     * `Self` too). Compared by identity: `T` of one function is not `T` of another. Its
     * bounds are filled in once every trait is declared.
     */
    final class Param implements Type {
        public final String name;
        private List<Bound> bounds = List.of();

        public Param(String name) { this.name = name; }

        public List<Bound> bounds() { return bounds; }
        public void setBounds(List<Bound> bounds) { this.bounds = List.copyOf(bounds); }
        @Override public String display() { return name; }
        @Override public String toString() { return "param " + name; }
    }

    /** `T: Trait<Args, Name = Type>`: a trait the type implements, with associated types it fixes. */
    record Bound(TraitDef trait, List<Type> args, java.util.Map<String, Type> bindings) {
        public String display() {
            List<String> parts = new java.util.ArrayList<>(args.stream().map(Type::display).toList());
            bindings.forEach((k, v) -> parts.add(k + " = " + v.display()));
            return trait.name + (parts.isEmpty() ? "" : "<" + String.join(", ", parts) + ">");
        }
    }

    /**
     * A trait declaration. {@code self} is the `Self` of its methods; {@code params} its own
     * type parameters (`Rhs` of `Add<Rhs>`), each possibly with a default.
     */
    final class TraitDef {
        public final String name;
        public final tlang.frontend.ast.Item.Trait decl;
        public final Param self;
        public final List<Param> params;
        private List<Type> defaults = List.of();
        private List<String> assocTypes = List.of();
        private List<Bound> supertraits = List.of();

        public TraitDef(String name, tlang.frontend.ast.Item.Trait decl, Param self, List<Param> params) {
            this.name = name;
            this.decl = decl;
            this.self = self;
            this.params = List.copyOf(params);
        }

        public List<String> assocTypes() { return assocTypes; }
        public void setAssocTypes(List<String> names) { this.assocTypes = List.copyOf(names); }
        public List<Bound> supertraits() { return supertraits; }
        public void setSupertraits(List<Bound> s) { this.supertraits = List.copyOf(s); }
        /** Per parameter, the default type (possibly mentioning `Self`) or null. */
        public List<Type> defaults() { return defaults; }
        public void setDefaults(List<Type> d) { this.defaults = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(d)); }
        @Override public String toString() { return "trait " + name; }
    }

    /**
     * `<base as Trait>::name`: an associated type not yet known, because its base is a type
     * parameter (or still being inferred). Once the base is a concrete type it normalizes
     * to the impl's choice.
     */
    record Assoc(Type base, TraitDef trait, List<Type> traitArgs, String name) implements Type {
        @Override public String display() {
            return base instanceof Param ? base.display() + "::" + name : "<" + base.display() + " as " + trait.name + ">::" + name;
        }
    }

    /** `a..b` (or `a..=b` when {@code inclusive}): what `for` iterates over. */
    record Range(Type element, boolean inclusive) implements Type {
        @Override public String display() {
            return (inclusive ? "RangeInclusive<" : "Range<") + element.display() + ">";
        }
    }

    /** `[T; N]`: N values of one type, stored inline (a value, copied like a tuple). */
    record Array(Type element, long length) implements Type {
        @Override public String display() { return "[" + element.display() + "; " + length + "]"; }
    }

    /**
     * `&T` / `&mut T`. References are second-class: this type appears only as a parameter's
     * declared type. Inside the function the parameter is a place of type {@code inner}
     * whose address the caller passed.
     */
    record Ref(Type inner, boolean mutable) implements Type {
        @Override public String display() { return (mutable ? "&mut " : "&") + inner.display(); }
    }

    /** A raw pointer `*T` / `*mut T`: an address, nothing checked; dereferenced inside `unsafe`. */
    record Ptr(Type pointee, boolean mutable) implements Type {
        @Override public String display() { return (mutable ? "*mut " : "*") + pointee.display(); }
    }

    /**
     * One closure expression, by identity: two closures never have the same type, even
     * with the same signature (so a call through one is a direct call of its body).
     */
    final class ClosureDef {
        public final tlang.frontend.ast.Expr.Closure expr;

        public ClosureDef(tlang.frontend.ast.Expr.Closure expr) { this.expr = expr; }

        @Override public String toString() { return "{closure@" + expr.span().line() + ":" + expr.span().column() + "}"; }
    }

    /**
     * The type of a closure. Its value is its captured values, in {@code captures} order.
     * {@code outerArgs} are the type arguments of the function it is written in (its type
     * parameters themselves until monomorphization puts concrete types in), so that each
     * instance of a generic function has its own closure types.
     */
    record Closure(ClosureDef def, List<Type> outerArgs, List<Type> params, Type result, List<Type> captures) implements Type {
        /**
         * `{closure@LINE:COL}`, followed in a generic function by the function's type
         * arguments: the closure of each instance is a type of its own, and instance
         * symbols are built from these names.
         */
        @Override public String display() { return def + Types.displayArgs(outerArgs); }

        /** As a function type: its signature. */
        public Fn signature() { return new Fn(params, result); }
    }

    /**
     * `dyn Trait`: some type implementing the trait, known only at run time. It exists
     * behind a reference parameter, `x: &dyn Trait`, passed as the value's address and the
     * address of the table of its type's methods (a vtable).
     */
    record Dyn(Bound bound) implements Type {
        @Override public String display() { return "dyn " + bound.display(); }
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

    Type BOOL = Prim.BOOL, CHAR = Prim.CHAR, STRING = Prim.STRING, UNIT = Prim.UNIT, NEVER = Prim.NEVER, ERROR = Prim.ERROR;
    Type I64 = Int.I64, F64 = Float.F64;

    static boolean isInteger(Type t) { return t instanceof Int || t instanceof Var v && v.kind() == VarKind.INTEGER; }
    static boolean isFloat(Type t) { return t instanceof Float || t instanceof Var v && v.kind() == VarKind.FLOAT; }
    static boolean isNumeric(Type t) { return isInteger(t) || isFloat(t); }
}

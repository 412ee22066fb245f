package tlang.frontend.derive;

import tlang.frontend.ast.Item;
import tlang.frontend.ast.Module;
import tlang.frontend.diag.Diagnostics;
import tlang.frontend.diag.ErrorCode;
import tlang.frontend.parse.Parser;
import tlang.frontend.source.SourceFile;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * `#[derive(...)]`: writes the impl a programmer would write, as T source, and parses it.
 * Each derive becomes its own small source file; what is reported inside it (a field type
 * lacking the trait, say) is reported at the derive's name in the user's file, with the
 * generated code quoted in a note.
 *
 * <p>Debug prints like Rust's derive (`Point { x: 1, y: 2 }`, `Some(3)`); PartialEq/Eq
 * compare field by field (and variant first); PartialOrd/Ord compare lexicographically in
 * declaration order (variants by their order in the enum); Default gives each field its
 * default (structs only); Clone clones each field; Copy marks the type.
 */
public final class Deriver {
    private Deriver() {}

    private static final List<String> SUPPORTED = List.of("Debug", "Clone", "Copy", "PartialEq", "Eq", "PartialOrd", "Ord", "Default", "Hash");

    /** The items the module's derives expand to; unsupported ones are reported. */
    public static List<Item> expand(Module module, Diagnostics diags) {
        List<Item> out = new ArrayList<>();
        for (Module.Derive d : module.derives()) {
            String source = switch (d.target()) {
                case Item.Struct st -> forStruct(d.trait(), st);
                case Item.Enum en -> forEnum(d.trait(), en);
                default -> null;
            };
            if (source == null) {
                diags.error(ErrorCode.E1107, d.span(), "cannot derive `" + d.trait() + "`",
                        "note: the derivable traits are " + String.join(", ", SUPPORTED.stream().map(t -> "`" + t + "`").toList())
                                + (d.target() instanceof Item.Enum && d.trait().equals("Default") ? "; `Default` for structs only" : ""));
                continue;
            }
            SourceFile generated = new SourceFile("`#[derive(" + d.trait() + ")]` for `" + nameOf(d.target()) + "`", source);
            diags.reportGeneratedAt(generated, d.span());
            out.addAll(Parser.parse(generated, "derive", diags).items());
        }
        return out;
    }

    private static String nameOf(Item item) {
        return item instanceof Item.Struct s ? s.name() : ((Item.Enum) item).name();
    }

    /** `impl<T: Trait> Trait for Name<T>`: every parameter bounded by the derived trait, as Rust does. */
    private static String header(String trait, String name, Item.Generics g) {
        if (g.params().isEmpty()) return "impl " + trait + " for " + name;
        String params = g.params().stream().map(p -> {
            List<String> bounds = new ArrayList<>(p.bounds().stream().map(b -> b.span().text()).toList());
            bounds.add(trait);
            return p.name() + ": " + String.join(" + ", bounds);
        }).collect(Collectors.joining(", "));
        String args = g.params().stream().map(Item.TypeParam::name).collect(Collectors.joining(", "));
        return "impl<" + params + "> " + trait + " for " + name + "<" + args + ">";
    }

    /**
     * How a field is cloned: `.clone()`, except arrays and tuples, which are values whose
     * copy is their clone (they have no methods to call).
     */
    private static String clone(tlang.frontend.ast.TypeExpr type) {
        return type instanceof tlang.frontend.ast.TypeExpr.Array || type instanceof tlang.frontend.ast.TypeExpr.Tuple ? "" : ".clone()";
    }

    /**
     * Statements hashing {@code value} of the written type: arrays as Rust hashes slices
     * (the length, then each element), tuples element by element, anything else by its
     * `Hash` impl. {@code depth} keeps loop variable names apart.
     */
    private static String hashOf(String value, tlang.frontend.ast.TypeExpr type, int depth) {
        return switch (type) {
            case tlang.frontend.ast.TypeExpr.Array a -> "h.write_u64(" + value + ".len() as u64); for e" + depth + " in " + value + " { "
                    + hashOf("e" + depth, a.element(), depth + 1) + " }";
            case tlang.frontend.ast.TypeExpr.Tuple t -> {
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < t.elements().size(); i++) b.append(hashOf(value + "." + i, t.elements().get(i), depth + 1)).append(' ');
                yield b.toString().trim();
            }
            case tlang.frontend.ast.TypeExpr.Unit u -> "";
            default -> value + ".hash(&mut h);";
        };
    }

    private static String selfType(String name, Item.Generics g) {
        if (g.params().isEmpty()) return name;
        return name + "<" + g.params().stream().map(Item.TypeParam::name).collect(Collectors.joining(", ")) + ">";
    }

    private static String forStruct(String trait, Item.Struct st) {
        String self = selfType(st.name(), st.generics());
        String h = header(trait, st.name(), st.generics());
        List<String> fields = st.fields().stream().map(Item.FieldDecl::name).toList();
        return switch (trait) {
            case "Debug" -> h + " { fn fmt(&self, f: &mut Formatter) { " + debugStruct(st.name(), st.shape(), fields, fields.stream().map(x -> "self." + x).toList()) + " } }";
            case "Clone" -> h + " { fn clone(&self) -> " + self + " { " + build(st.name(), st.shape(), fields,
                    x -> "self." + x + clone(st.fields().get(fields.indexOf(x)).type())) + " } }";
            case "Copy", "Eq" -> h + " {}";
            case "Hash" -> h + " { fn hash(&self, h: &mut Hasher) { " + st.fields().stream().map(fd -> hashOf("self." + fd.name(), fd.type(), 0)).collect(Collectors.joining(" ")) + " } }";
            case "Default" -> h + " { fn default() -> " + self + " { " + build(st.name(), st.shape(), fields, x -> "Default::default()") + " } }";
            case "PartialEq" -> h + " { fn eq(&self, other: &" + self + ") -> bool { "
                    + (fields.isEmpty() ? "true" : fields.stream().map(x -> "self." + x + " == other." + x).collect(Collectors.joining(" && "))) + " } }";
            case "Ord" -> h + " { fn cmp(&self, other: &" + self + ") -> Ordering { " + chain(fields, "cmp", false) + " } }";
            case "PartialOrd" -> h + " { fn partial_cmp(&self, other: &" + self + ") -> Option<Ordering> { " + chain(fields, "partial_cmp", true) + " } }";
            default -> null;
        };
    }

    /** Compares field after field, returning the first difference. */
    private static String chain(List<String> fields, String method, boolean partial) {
        String equal = partial ? "Some(Ordering::Equal)" : "Ordering::Equal";
        String out = equal;
        for (int i = fields.size() - 1; i >= 0; i--) {
            String x = fields.get(i);
            out = "match self." + x + "." + method + "(&other." + x + ") { " + equal + " => " + out + ", unequal => unequal }";
        }
        return out;
    }

    private static String build(String path, Item.Struct.Shape shape, List<String> fields, java.util.function.Function<String, String> value) {
        return switch (shape) {
            case UNIT -> path;
            case TUPLE -> path + "(" + fields.stream().map(value).collect(Collectors.joining(", ")) + ")";
            case NAMED -> path + " { " + fields.stream().map(x -> x + ": " + value.apply(x)).collect(Collectors.joining(", ")) + " }";
        };
    }

    /** `write(f, "Name { a: {:?}, b: {:?} }", self.a, self.b)`. */

    /**
     * Debug as Rust prints it: `Name { a: 1, b: 2 }`, `Name(1, 2)`, `Name`; with `{:#?}`
     * one field per line, each a level deeper (`f.indented()`), ending in a comma.
     * {@code values} are the expressions of the fields' values, in order.
     */
    private static String debugStruct(String name, Item.Struct.Shape shape, List<String> fields, List<String> values) {
        if (shape == Item.Struct.Shape.UNIT || values.isEmpty()) return "write(f, \"" + name + "\")";
        boolean named = shape == Item.Struct.Shape.NAMED;
        String plain = named
                ? "write(f, \"" + name + " {{ " + fields.stream().map(x -> x + ": {:?}").collect(Collectors.joining(", ")) + " }}\""
                        + values.stream().map(x -> ", " + x).collect(Collectors.joining()) + ")"
                : "write(f, \"" + name + "(" + values.stream().map(x -> "{:?}").collect(Collectors.joining(", ")) + ")\""
                        + values.stream().map(x -> ", " + x).collect(Collectors.joining()) + ")";
        StringBuilder pretty = new StringBuilder("let inner = f.indented(); write(f, \"" + name + (named ? " {{" : "(") + "\\n\"); ");
        for (int i = 0; i < values.size(); i++) {
            pretty.append("inner.pad(); write(inner, \"").append(named ? fields.get(i) + ": " : "").append("{:#?},\\n\", ").append(values.get(i)).append("); ");
        }
        pretty.append("f.pad(); write(f, \"").append(named ? "}}" : ")").append("\");");
        return "if f.alternate() { " + pretty + " } else { " + plain + "; }";
    }

    private static String forEnum(String trait, Item.Enum en) {
        String self = selfType(en.name(), en.generics());
        String h = header(trait, en.name(), en.generics());
        StringBuilder b = new StringBuilder();
        switch (trait) {
            case "Copy", "Eq" -> { return h + " {}"; }
            case "Hash" -> {
                // The variant's index first (as Rust hashes the discriminant), then its fields.
                b.append(h).append(" { fn hash(&self, h: &mut Hasher) { match self {");
                for (int i = 0; i < en.variants().size(); i++) {
                    Item.Variant v = en.variants().get(i);
                    List<String> binds = binders(v, "a");
                    b.append(' ').append(pattern(en.name(), v, binds)).append(" => { h.write_u64(").append(i).append(");");
                    for (int j = 0; j < binds.size(); j++) b.append(' ').append(hashOf(binds.get(j), v.fields().get(j).type(), 0));
                    b.append(" }");
                }
                return b.append(" } } }").toString();
            }
            case "Debug" -> {
                b.append(h).append(" { fn fmt(&self, f: &mut Formatter) { match self {");
                for (Item.Variant v : en.variants()) {
                    List<String> binds = binders(v, "a");
                    b.append(' ').append(pattern(en.name(), v, binds)).append(" => ")
                            .append(debugStruct(v.name(), v.shape(), v.fields().stream().map(Item.FieldDecl::name).toList(), binds)).append(',');
                }
                return b.append(" } } }").toString();
            }
            case "Clone" -> {
                b.append(h).append(" { fn clone(&self) -> ").append(self).append(" { match self {");
                for (Item.Variant v : en.variants()) {
                    List<String> binds = binders(v, "a");
                    List<String> names = v.fields().stream().map(Item.FieldDecl::name).toList();
                    b.append(' ').append(pattern(en.name(), v, binds)).append(" => ")
                            .append(build(en.name() + "::" + v.name(), v.shape(), names, x -> binds.get(names.indexOf(x)) + clone(v.fields().get(names.indexOf(x)).type()))).append(',');
                }
                return b.append(" } } }").toString();
            }
            case "PartialEq" -> {
                b.append(h).append(" { fn eq(&self, other: &").append(self).append(") -> bool { match self {");
                for (Item.Variant v : en.variants()) {
                    List<String> as = binders(v, "a"), bs = binders(v, "b");
                    String same = as.isEmpty() ? "true" : java.util.stream.IntStream.range(0, as.size()).mapToObj(i -> as.get(i) + " == " + bs.get(i)).collect(Collectors.joining(" && "));
                    b.append(' ').append(pattern(en.name(), v, as)).append(" => match other { ").append(pattern(en.name(), v, bs)).append(" => ").append(same)
                            .append(", _ => false },");
                }
                return b.append(" } } }").toString();
            }
            case "Ord", "PartialOrd" -> {
                boolean partial = trait.equals("PartialOrd");
                String method = partial ? "partial_cmp" : "cmp";
                String result = partial ? "Option<Ordering>" : "Ordering";
                String equal = partial ? "Some(Ordering::Equal)" : "Ordering::Equal";
                b.append(h).append(" { fn ").append(method).append("(&self, other: &").append(self).append(") -> ").append(result).append(" { ");
                // Variants in declaration order; within one variant, the fields in order.
                b.append("let rank_a: u32 = match self {");
                for (int i = 0; i < en.variants().size(); i++) b.append(' ').append(pattern(en.name(), en.variants().get(i), binders(en.variants().get(i), "_"))).append(" => ").append(i).append(',');
                b.append(" }; let rank_b: u32 = match other {");
                for (int i = 0; i < en.variants().size(); i++) b.append(' ').append(pattern(en.name(), en.variants().get(i), binders(en.variants().get(i), "_"))).append(" => ").append(i).append(',');
                b.append(" }; if rank_a != rank_b { return ").append(partial ? "Some(rank_a.cmp(&rank_b))" : "rank_a.cmp(&rank_b)").append("; } match self {");
                for (Item.Variant v : en.variants()) {
                    List<String> as = binders(v, "a"), bs = binders(v, "b");
                    String out = equal;
                    for (int i = as.size() - 1; i >= 0; i--) out = "match " + as.get(i) + "." + method + "(&" + bs.get(i) + ") { " + equal + " => " + out + ", unequal => unequal }";
                    b.append(' ').append(pattern(en.name(), v, as)).append(" => match other { ").append(pattern(en.name(), v, bs)).append(" => ").append(out)
                            .append(", _ => ").append(equal).append(" },");
                }
                return b.append(" } } }").toString();
            }
            default -> { return null; }
        }
    }

    private static List<String> binders(Item.Variant v, String prefix) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.fields().size(); i++) out.add(prefix.equals("_") ? "_" : prefix + i);
        return out;
    }

    private static String pattern(String enumName, Item.Variant v, List<String> binds) {
        String path = enumName + "::" + v.name();
        return switch (v.shape()) {
            case UNIT -> path;
            case TUPLE -> path + "(" + String.join(", ", binds) + ")";
            case NAMED -> {
                List<String> parts = new ArrayList<>();
                for (int i = 0; i < binds.size(); i++) parts.add(v.fields().get(i).name() + ": " + binds.get(i));
                yield path + " { " + String.join(", ", parts) + " }";
            }
        };
    }

}

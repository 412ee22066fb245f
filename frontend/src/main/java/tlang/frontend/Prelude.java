package tlang.frontend;

import tlang.frontend.source.SourceFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The prelude every program is checked with: {@code tlang/std/prelude.t} (Option, Result,
 * Ordering, the operator, comparison, conversion and formatting traits), followed by the
 * impls of those traits for the built-in types, generated here because they differ only in
 * the type's name. They are what lets a generic `fn f<T: Add<Output = T>>` be called with
 * `i64`; calls of them are lowered to the built-in operations directly. A second part,
 * {@code tlang/std/collections.t}, joins the same prelude module for the programs that use
 * it ({@link #collections}).
 */
public final class Prelude {
    private Prelude() {}

    /** Shown in messages about prelude code (a panic in `unwrap`, say). */
    public static final String PATH = "<std>/prelude.t";

    /** The second part of the prelude: the collections beyond `Vec` (`std::collections`). */
    public static final String COLLECTIONS_PATH = "<std>/collections.t";

    private static SourceFile cached;
    private static SourceFile collections;

    public static synchronized SourceFile source() {
        if (cached == null) cached = new SourceFile(PATH, handWritten("prelude.t") + generated());
        return cached;
    }

    /**
     * {@code tlang/std/collections.t}: Stack, Queue, BinaryHeap, HashMap, HashSet, BTreeMap, BTreeSet and their
     * iterators, and `std::mem`'s Pool and Arena. It belongs to the same prelude module, but since the whole prelude is
     * type-checked for every program, it is only parsed for a program that names one of
     * its public items ({@link #usesCollections}): a program that names none cannot reach
     * any of them.
     */
    public static synchronized SourceFile collections() {
        if (collections == null) collections = new SourceFile(COLLECTIONS_PATH, handWritten("collections.t"));
        return collections;
    }

    private static java.util.regex.Pattern collectionsUse;

    /** Whether {@code text} (a program's source file) names a public item of {@link #collections}. */
    public static synchronized boolean usesCollections(String text) {
        if (collectionsUse == null) {
            java.util.List<String> names = new java.util.ArrayList<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^pub (?:struct|class|enum|trait|fn|type) (\\w+)").matcher(collections().text());
            while (m.find()) names.add(m.group(1));
            collectionsUse = java.util.regex.Pattern.compile("\\b(?:" + String.join("|", names) + ")\\b");
        }
        return collectionsUse.matcher(text).find();
    }

    private static java.util.Set<String> typeNames;

    /** The names of the structs, enums, traits and (top-level) functions the prelude declares (both parts). */
    public static synchronized java.util.Set<String> typeNames() {
        if (typeNames == null) {
            java.util.Set<String> names = new java.util.HashSet<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^(?:pub )?(?:struct|class|enum|trait|fn) (\\w+)").matcher(source().text() + collections().text());
            while (m.find()) names.add(m.group(1));
            typeNames = java.util.Set.copyOf(names);
        }
        return typeNames;
    }

    private static String handWritten(String name) {
        try (InputStream in = Prelude.class.getResourceAsStream("/tlang/std/" + name)) {
            if (in == null) throw new IllegalStateException(name + " is missing from the compiler's resources");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String[] SIGNED = {"i8", "i16", "i32", "i64", "isize"};
    private static final String[] UNSIGNED = {"u8", "u16", "u32", "u64", "usize"};
    private static final String[] FLOATS = {"f32", "f64"};

    private static String generated() {
        StringBuilder b = new StringBuilder("\n// ---- generated: the traits for the built-in types ----\n");
        for (String t : SIGNED) integer(b, t, true);
        for (String t : UNSIGNED) integer(b, t, false);
        for (String t : FLOATS) {
            sums(b, t, "0.0", "1.0");
            arithmetic(b, t);
            b.append("impl Neg for ").append(t).append(" { type Output = ").append(t).append("; fn neg(self) -> ").append(t).append(" { -self } }\n");
            equality(b, t, false);
            b.append("impl PartialOrd for ").append(t).append(" {\n")
                    .append("    fn partial_cmp(&self, other: &").append(t).append(") -> Option<Ordering> {\n")
                    .append("        if self < other { Some(Ordering::Less) } else if self > other { Some(Ordering::Greater) } else if self == other { Some(Ordering::Equal) } else { None }\n")
                    .append("    }\n")
                    .append(comparisons(t))
                    .append("}\n");
            common(b, t, "0.0");
        }
        b.append("impl Not for bool { type Output = bool; fn not(self) -> bool { !self } }\n");
        equality(b, "bool", true);
        ordering(b, "bool");
        common(b, "bool", "false");
        equality(b, "char", true);
        ordering(b, "char");
        common(b, "char", "'\\0'");
        b.append("impl Hash for bool { fn hash(&self, h: &mut Hasher) { h.write_u8(if self { 1 } else { 0 }) } }\n");
        b.append("impl Hash for char { fn hash(&self, h: &mut Hasher) { h.write_u32(self as u32) } }\n");
        b.append("impl Hash for String { fn hash(&self, h: &mut Hasher) { h.write_raw_str(self.as_ptr(), self.len()) } }\n");
        equality(b, "String", true);
        b.append("impl Clone for String { fn clone(&self) -> String { self } }\n");
        b.append("impl Default for String { fn default() -> String { \"\" } }\n");
        b.append("impl Display for String { fn fmt(&self, f: &mut Formatter) { write(f, \"{}\", self) } }\n");
        b.append("impl Debug for String { fn fmt(&self, f: &mut Formatter) { write(f, \"{:?}\", self) } }\n");
        return b.toString();
    }

    /** `Range<T>` and `RangeInclusive<T>` as iterators, from both ends. */
    private static void ranges(StringBuilder b, String t) {
        b.append("impl Iterator for Range<").append(t).append("> { type Item = ").append(t).append(";\n")
                .append("    fn next(&mut self) -> Option<").append(t).append("> { if self.start < self.end { let v = self.start; self.start = v + 1; Some(v) } else { None } }\n}\n");
        b.append("impl DoubleEndedIterator for Range<").append(t).append("> {\n")
                .append("    fn next_back(&mut self) -> Option<").append(t).append("> { if self.start < self.end { self.end = self.end - 1; Some(self.end) } else { None } }\n}\n");
        // An inclusive range is spent once start > end; the last item moves whichever end
        // can move without overflowing (the range may end at the type's MIN or MAX).
        String last = "let v = self.start; if v > " + t + "::MIN { self.end = v - 1; } else { self.start = v + 1; } Some(v)";
        b.append("impl Iterator for RangeInclusive<").append(t).append("> { type Item = ").append(t).append(";\n")
                .append("    fn next(&mut self) -> Option<").append(t).append("> { if self.start < self.end { let v = self.start; self.start = v + 1; Some(v) } else if self.start == self.end { ")
                .append(last).append(" } else { None } }\n}\n");
        b.append("impl DoubleEndedIterator for RangeInclusive<").append(t).append("> {\n")
                .append("    fn next_back(&mut self) -> Option<").append(t).append("> { if self.start < self.end { let v = self.end; self.end = v - 1; Some(v) } else if self.start == self.end { ")
                .append(last).append(" } else { None } }\n}\n");
    }

    /** `Sum` and `Product` of a number type's own items. */
    private static void sums(StringBuilder b, String t, String zero, String one) {
        b.append("impl Sum for ").append(t).append(" { fn zero() -> ").append(t).append(" { ").append(zero).append(" } fn plus(self, item: ").append(t).append(") -> ").append(t).append(" { self + item } }\n");
        b.append("impl Product for ").append(t).append(" { fn one() -> ").append(t).append(" { ").append(one).append(" } fn times(self, item: ").append(t).append(") -> ").append(t).append(" { self * item } }\n");
    }

    /** `Hash` of an integer: its bytes, little-endian, in its own width (as Rust hashes it). */
    private static void hashInteger(StringBuilder b, String t) {
        String width = switch (t) {
            case "i8", "u8" -> "u8";
            case "i16", "u16" -> "u16";
            case "i32", "u32" -> "u32";
            default -> "u64";
        };
        b.append("impl Hash for ").append(t).append(" { fn hash(&self, h: &mut Hasher) { h.write_").append(width).append("(self as ").append(width).append(") } }\n");
    }

    private static void integer(StringBuilder b, String t, boolean signed) {
        hashInteger(b, t);
        ranges(b, t);
        sums(b, t, "0", "1");
        arithmetic(b, t);
        if (signed) b.append("impl Neg for ").append(t).append(" { type Output = ").append(t).append("; fn neg(self) -> ").append(t).append(" { -self } }\n");
        b.append("impl Not for ").append(t).append(" { type Output = ").append(t).append("; fn not(self) -> ").append(t).append(" { !self } }\n");
        equality(b, t, true);
        ordering(b, t);
        common(b, t, "0");
    }

    private static void arithmetic(StringBuilder b, String t) {
        String[][] ops = {{"Add", "add", "+"}, {"Sub", "sub", "-"}, {"Mul", "mul", "*"}, {"Div", "div", "/"}, {"Rem", "rem", "%"}};
        for (String[] op : ops) {
            b.append("impl ").append(op[0]).append(" for ").append(t).append(" { type Output = ").append(t).append("; fn ").append(op[1])
                    .append("(self, rhs: ").append(t).append(") -> ").append(t).append(" { self ").append(op[2]).append(" rhs } }\n");
        }
    }

    private static void equality(StringBuilder b, String t, boolean total) {
        b.append("impl PartialEq for ").append(t).append(" { fn eq(&self, other: &").append(t).append(") -> bool { self == other } fn ne(&self, other: &")
                .append(t).append(") -> bool { self != other } }\n");
        if (total) b.append("impl Eq for ").append(t).append(" {}\n");
    }

    private static String comparisons(String t) {
        StringBuilder b = new StringBuilder();
        String[][] ops = {{"lt", "<"}, {"le", "<="}, {"gt", ">"}, {"ge", ">="}};
        for (String[] op : ops) b.append("    fn ").append(op[0]).append("(&self, other: &").append(t).append(") -> bool { self ").append(op[1]).append(" other }\n");
        return b.toString();
    }

    private static void ordering(StringBuilder b, String t) {
        b.append("impl PartialOrd for ").append(t).append(" {\n")
                .append("    fn partial_cmp(&self, other: &").append(t).append(") -> Option<Ordering> { Some(self.cmp(&other)) }\n")
                .append(comparisons(t))
                .append("}\n");
        b.append("impl Ord for ").append(t).append(" {\n")
                .append("    fn cmp(&self, other: &").append(t).append(") -> Ordering {\n")
                .append("        if self < other { Ordering::Less } else if self > other { Ordering::Greater } else { Ordering::Equal }\n")
                .append("    }\n")
                .append("}\n");
    }

    /** Default, Clone, Copy, Display and Debug. */
    private static void common(StringBuilder b, String t, String zero) {
        b.append("impl Default for ").append(t).append(" { fn default() -> ").append(t).append(" { ").append(zero).append(" } }\n");
        b.append("impl Clone for ").append(t).append(" { fn clone(&self) -> ").append(t).append(" { self } }\n");
        b.append("impl Copy for ").append(t).append(" {}\n");
        b.append("impl Display for ").append(t).append(" { fn fmt(&self, f: &mut Formatter) { write(f, \"{}\", self) } }\n");
        b.append("impl Debug for ").append(t).append(" { fn fmt(&self, f: &mut Formatter) { write(f, \"{:?}\", self) } }\n");
    }
}

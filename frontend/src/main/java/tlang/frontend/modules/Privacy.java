package tlang.frontend.modules;

import tlang.frontend.ast.Expr;
import tlang.frontend.ast.Item;
import tlang.frontend.ast.Pattern;
import tlang.frontend.check.CheckedProgram;
import tlang.frontend.check.Symbol;
import tlang.frontend.diag.Diagnostics;
import tlang.frontend.diag.ErrorCode;
import tlang.frontend.source.Span;
import tlang.frontend.types.Type;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Visibility that depends on types, checked after the type checker: private struct
 * fields (read, written, given in a literal, matched in a pattern) and private `impl`
 * functions used outside the module that declares them, and tuple structs built or
 * matched where their private fields cannot be seen. Which field a `p.x` means is known
 * only once the type of `p` is, hence a pass of its own over the checker's results.
 */
public final class Privacy {
    private final CheckedProgram program;
    private final Resolution res;
    private final List<Finding> findings = new ArrayList<>();

    private record Finding(Span span, Consumer<Diagnostics> report) {}

    /** What the prelude's files declare `pub` (its struct fields among them). */
    private final List<tlang.frontend.ast.Declarations> prelude;

    private Privacy(CheckedProgram program, Resolution res, List<tlang.frontend.ast.Declarations> prelude) {
        this.program = program;
        this.res = res;
        this.prelude = prelude;
    }

    public static void check(CheckedProgram program, Resolution res, List<tlang.frontend.ast.Declarations> prelude, Diagnostics diags) {
        Privacy p = new Privacy(program, res, prelude);
        p.run();
        p.findings.sort(Comparator.comparing((Finding f) -> f.span().file().path()).thenComparingInt(f -> f.span().start()));
        for (Finding f : p.findings) f.report().accept(diags);
    }

    private void run() {
        for (Map.Entry<Expr, Type> e : program.types().entrySet()) {
            switch (e.getKey()) {
                case Expr.Field f -> {
                    Type.Struct st = struct(program.types().get(f.base()));
                    if (st != null) field(st, f.name(), f.nameSpan(), f.span(), false);
                }
                case Expr.StructLit lit -> {
                    Type.Struct st = struct(e.getValue());
                    if (st != null) literal(st, lit.fields().stream().map(fi -> new Named(fi.name(), fi.nameSpan())).toList(), lit.span(), false);
                }
                default -> {}
            }
        }
        for (Map.Entry<Pattern, Symbol> e : program.patternTargets().entrySet()) {
            if (!(e.getValue() instanceof Symbol.StructCtor ctor)) continue;
            switch (e.getKey()) {
                case Pattern.Struct sp -> {
                    literal(ctor.type(), sp.fields().stream().map(fp -> new Named(fp.name(), fp.nameSpan())).toList(), sp.span(), true);
                }
                case Pattern.TupleStruct tp -> constructor(ctor.type(), tp.path().span(), tp.span());
                default -> {}
            }
        }
        for (Map.Entry<Expr.MethodCall, Symbol.Function> e : program.methodTargets().entrySet()) {
            function(e.getValue(), e.getKey().nameSpan(), e.getKey().span(), "method");
        }
        for (Map.Entry<Expr.Path, Symbol> e : program.resolutions().entrySet()) {
            switch (e.getValue()) {
                case Symbol.Function f -> function(f, e.getKey().span(), e.getKey().span(), f.decl().self() != null ? "method" : "associated function");
                case Symbol.StructCtor ctor when ctor.type().decl().shape() == Item.Struct.Shape.TUPLE -> constructor(ctor.type(), e.getKey().span(), e.getKey().span());
                case Symbol.Constant k when e.getKey().segments().size() == 2 -> assocConst(e.getKey());
                default -> {}
            }
        }
    }

    private static Type.Struct struct(Type t) {
        if (t instanceof Type.Ref r) t = r.inner();
        return t instanceof Type.Struct s ? s : null;
    }

    /** A field name as written in a literal or pattern. */
    private record Named(String name, Span span) {}

    /** Whether {@code s} is the prelude's (its files are outside the package: no module). */
    private static boolean inPrelude(Item.Struct s) {
        var file = s.span().file();
        return file == tlang.frontend.Prelude.source() || file == tlang.frontend.Prelude.collections();
    }

    /** A prelude struct's field declared with `pub` (or not a field of it at all). */
    private boolean preludePublic(Item.Struct s, String name) {
        Item.FieldDecl decl = s.fields().stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
        return decl == null || prelude.stream().anyMatch(d -> d.isPub(decl));
    }

    /**
     * The private fields of the prelude's structs are the prelude's own: the collections'
     * buffers, an `ArenaRef`'s address. A program that could write `v.buf.len = 99` or
     * build an `ArenaRef` would reach memory outside any value from safe code.
     */
    private void preludeField(Type.Struct st, List<Named> fields, Span context, ErrorCode code) {
        if (res.moduleAt(context) == null || !inPrelude(st.decl())) return;
        for (Named f : fields) {
            if (preludePublic(st.decl(), f.name())) continue;
            String type = st.def().name;
            findings.add(new Finding(f.span(), d -> d.error(code, f.span(), "field `" + f.name() + "` of struct `" + type + "` is private",
                    "note: `" + type + "` is part of the standard library, which keeps `" + f.name() + "` to itself",
                    publicMethod(st, f.name()) ? "help: a method `" + f.name() + "` also exists: call it with parentheses: `." + f.name() + "()`"
                            : "help: use the methods of `" + type + "`")));
            return;
        }
    }

    /** A field of {@code st} read or written at {@code at}, inside the code at {@code context}. */
    private void field(Type.Struct st, String name, Span at, Span context, boolean literal) {
        ModuleTree.Node owner = res.moduleOf(st.decl());
        ModuleTree.Node from = res.moduleAt(context);
        if (owner == null) { preludeField(st, List.of(new Named(name, at)), context, ErrorCode.E0616); return; }
        if (owner == null || from == null || from.isWithin(owner) || res.isPublicField(st.decl(), name)) return;
        Item.FieldDecl decl = st.decl().fields().stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
        if (decl == null) return; // an unknown field, reported by the checker
        String type = st.def().name;
        String note = "note: `" + name + "` is declared without `pub` at " + decl.nameSpan() + ", so only " + owner.describe() + " and the modules inside it can use it";
        String help = publicMethod(st, name) ? "help: a method `" + name + "` also exists: call it with parentheses: `." + name + "()`"
                : "help: make the field public (`pub " + name + ": ...`), or read it through a `pub fn` of `" + type + "`";
        findings.add(new Finding(at, d -> d.error(ErrorCode.E0616, at, "field `" + name + "` of struct `" + type + "` is private", note, help)));
    }

    /** The fields a struct literal or struct pattern names: those private to another module are one error. */
    private void literal(Type.Struct st, List<Named> fields, Span context, boolean pattern) {
        ModuleTree.Node owner = res.moduleOf(st.decl());
        ModuleTree.Node from = res.moduleAt(context);
        if (owner == null && !pattern) { preludeField(st, fields, context, ErrorCode.E0451); return; }
        if (owner == null || from == null || from.isWithin(owner)) return;
        List<Named> hidden = fields.stream().filter(f -> !res.isPublicField(st.decl(), f.name())
                && st.decl().fields().stream().anyMatch(d -> d.name().equals(f.name()))).toList();
        if (hidden.isEmpty()) return;
        String type = st.def().name;
        List<String> names = hidden.stream().map(f -> "`" + f.name() + "`").toList();
        String listed = names.size() == 1 ? names.get(0) : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
        String message = (names.size() == 1 ? "field " : "fields ") + listed + " of struct `" + type + "` " + (names.size() == 1 ? "is" : "are") + " private";
        String note = "note: only " + owner.describe() + " and the modules inside it can name " + (names.size() == 1 ? "it" : "them") + " (declared without `pub`)";
        String ctor = publicConstructor(st);
        String help = pattern ? "help: leave " + (names.size() == 1 ? "it" : "them") + " out of the pattern with `..`"
                : ctor != null ? "help: use `" + type + "::" + ctor + "(...)` instead"
                : "help: make the fields `pub`, or give `" + type + "` a `pub fn` that builds it";
        Span at = hidden.get(0).span();
        findings.add(new Finding(at, d -> d.error(ErrorCode.E0451, at, message, note, help)));
    }

    /** A tuple struct's constructor (or tuple-struct pattern) where some of its fields are private. */
    private void constructor(Type.Struct st, Span at, Span context) {
        ModuleTree.Node owner = res.moduleOf(st.decl());
        ModuleTree.Node from = res.moduleAt(context);
        if (owner == null || from == null || from.isWithin(owner)) return;
        List<String> hidden = st.decl().fields().stream().map(Item.FieldDecl::name).filter(f -> !res.isPublicField(st.decl(), f)).toList();
        if (hidden.isEmpty()) return;
        String type = st.def().name;
        findings.add(new Finding(at, d -> d.error(ErrorCode.E0603, at, "tuple struct constructor `" + type + "` is private",
                "note: " + (hidden.size() == 1 ? "its field " : "its fields ") + String.join(", ", hidden.stream().map(f -> "`" + f + "`").toList()) + (hidden.size() == 1 ? " is" : " are") + " private, so only "
                        + owner.describe() + " can build or match it",
                "help: declare the fields `pub`: `struct " + type.substring(type.lastIndexOf(':') + 1) + "(pub ...)`")));
    }

    private void function(Symbol.Function f, Span at, Span context, String kind) {
        if (f.impl() == null || f.impl().trait() != null || f.trait() != null) return; // trait methods are as public as the trait
        ModuleTree.Node owner = res.moduleOf(f.decl());
        ModuleTree.Node from = res.moduleAt(context);
        if (owner == null || from == null || from.isWithin(owner) || res.isPublic(f.decl())) return;
        String shown = f.owner() == null ? f.name() : f.owner().display() + "::" + f.name();
        findings.add(new Finding(at, d -> d.error(ErrorCode.E0624, at, kind + " `" + f.name() + "` is private",
                "note: `" + shown + "` is defined without `pub` at " + f.decl().nameSpan() + ", so only " + owner.describe() + " and the modules inside it can call it",
                "help: declare it `pub fn " + f.name() + "` to call it from other modules")));
    }

    /** `Type::NAME`: an associated constant, private to the module of its `impl` unless `pub`. */
    private void assocConst(Expr.Path p) {
        Resolution.AssocConst k = res.assocConst(p.segments().get(0), p.segments().get(1));
        ModuleTree.Node from = res.moduleAt(p.span());
        if (k == null || from == null || k.pub() || from.isWithin(k.module())) return;
        String shown = p.segments().get(0) + "::" + p.segments().get(1);
        findings.add(new Finding(p.span(), d -> d.error(ErrorCode.E0624, p.span(), "associated constant `" + p.segments().get(1) + "` is private",
                "note: `" + shown + "` is defined without `pub` at " + k.decl().nameSpan() + ", so only " + k.module().describe() + " and the modules inside it can use it",
                "help: declare it `pub const " + p.segments().get(1) + "` to use it from other modules")));
    }

    /** A `pub` associated function of the struct returning it, such as `new`, or null. */
    private String publicConstructor(Type.Struct st) {
        for (Symbol.Function f : program.functions()) {
            if (f.decl().self() == null && f.trait() == null && f.impl() != null && res.isPublic(f.decl())
                    && struct(f.owner()) != null && struct(f.owner()).def() == st.def() && struct(f.result()) != null && struct(f.result()).def() == st.def()) {
                return f.name();
            }
        }
        return null;
    }

    private boolean publicMethod(Type.Struct st, String name) {
        for (Symbol.Function f : program.functions()) {
            if (f.name().equals(name) && f.decl().self() != null && f.trait() == null && res.isPublic(f.decl())
                    && struct(f.owner()) != null && struct(f.owner()).def() == st.def()) return true;
        }
        return false;
    }
}

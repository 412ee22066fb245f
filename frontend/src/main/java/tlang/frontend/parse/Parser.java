package tlang.frontend.parse;

import tlang.frontend.diag.ErrorCode;
import tlang.frontend.ast.Declarations;
import tlang.frontend.ast.Expr;
import tlang.frontend.ast.Expr.BinaryOp;
import tlang.frontend.ast.Item;
import tlang.frontend.ast.Module;
import tlang.frontend.ast.Pattern;
import tlang.frontend.ast.Stmt;
import tlang.frontend.ast.TypeExpr;
import tlang.frontend.diag.Diagnostics;
import tlang.frontend.lex.Lexer;
import tlang.frontend.lex.Token;
import tlang.frontend.lex.TokenKind;
import tlang.frontend.source.SourceFile;
import tlang.frontend.source.Span;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Recursive-descent parser with precedence climbing for binary operators.
 *
 * <p>Error recovery: a syntax error throws {@link Bail}, caught at the statement or item that
 * contains it; the parser then skips to a point where parsing can resume (a `;`, a closing
 * brace, or the next `fn`), so several independent syntax errors are reported in one run.
 */
public final class Parser {
    private final List<Token> tokens;
    private final Diagnostics diags;
    private final SourceFile file;
    private int pos;
    /** How deeply the parser has recursed; capped so that pathological input cannot exhaust the stack. */
    private int depth;
    static final int MAX_NESTING = 1000;

    private void enterNested() {
        if (++depth > MAX_NESTING) {
            depth = 0; // report once; the bail unwinds all the way out
            throw error(ErrorCode.E1008, peek().span(), "this is nested too deeply (more than " + MAX_NESTING + " levels)",
                    "help: split it up with `let` bindings or functions");
        }
    }

    /** Lines where the lexer reported an error; syntax errors there are its consequences. */
    private final java.util.Set<Integer> lexErrorLines = new java.util.HashSet<>();

    /** Unwinds the parser to the nearest recovery point after an error was reported. */
    private static final class Bail extends RuntimeException {
        Bail() { super(null, null, false, false); }
    }

    private Parser(SourceFile file, Diagnostics diags) {
        this.file = file;
        this.diags = diags;
        int before = diags.all().size();
        this.tokens = new ArrayList<>(Lexer.lex(file, diags));
        for (var d : diags.all().subList(before, diags.all().size())) lexErrorLines.add(d.span().line());
    }

    public static Module parse(SourceFile file, String moduleName, Diagnostics diags) {
        return new Parser(file, diags).module(moduleName);
    }

    /**
     * Parses with some names replaced: every identifier token whose text is a key of
     * {@code renames} reads as its value (how the prelude's types step aside for a
     * program's own types of the same name).
     */
    public static Module parse(SourceFile file, String moduleName, Diagnostics diags, Map<String, String> renames) {
        Parser p = new Parser(file, diags);
        if (!renames.isEmpty()) {
            p.tokens.replaceAll(t -> t.kind() == TokenKind.IDENT && renames.containsKey(t.text())
                    ? new Token(t.kind(), renames.get(t.text()), t.span(), t.radix(), t.suffix()) : t);
        }
        return p.module(moduleName);
    }

    // ---- items ----------------------------------------------------------------------

    private Module module(String name) {
        return moduleBody(name, false);
    }

    /** What was written with `pub` in this file (items, fields, impl functions), by identity. */
    private final java.util.Set<Object> publics = Declarations.identitySet();

    /** The items of a file, or ({@code inline}) of a `mod name { ... }` up to its `}`. */
    private Module moduleBody(String name, boolean inline) {
        List<Item> items = new ArrayList<>();
        List<Module.Derive> derives = new ArrayList<>();
        List<Declarations.Mod> mods = new ArrayList<>();
        List<Declarations.Use> uses = new ArrayList<>();
        List<Declarations.Alias> aliases = new ArrayList<>();
        while (!at(TokenKind.EOF) && !(inline && at(TokenKind.RBRACE))) {
            int before = pos;
            try {
                List<Token> derived = attributes();
                if (moduleDeclaration(derived, mods, uses, aliases)) continue;
                if (at(TokenKind.EXTERN) && peekAt(1, TokenKind.STRING) && peekAt(2, TokenKind.LBRACE)) {
                    items.addAll(foreignBlock());
                    continue;
                }
                boolean pub = at(TokenKind.PUB);
                boolean tracked = trackCaller;
                Item item = item();
                if (tracked && item instanceof Item.Fn f) item = f.trackingCaller();
                if (pub) publics.add(item);
                items.add(item);
                for (Token d : derived) {
                    if (!(item instanceof Item.Struct) && !(item instanceof Item.Enum)) {
                        report(ErrorCode.E1107, d.span(), "`derive` applies to structs and enums only");
                        continue;
                    }
                    derives.add(new Module.Derive(d.text(), d.span(), item));
                }
            } catch (Bail b) {
                if (pos == before) pos++;
                skipToNextItem();
            }
        }
        return new Module(name, file, List.copyOf(items), List.copyOf(derives),
                new Declarations(List.copyOf(mods), List.copyOf(uses), List.copyOf(aliases), publics));
    }

    /** Attributes accepted on items; they have no effect yet except `derive`. */
    private static final java.util.Set<String> KNOWN_ATTRIBUTES = java.util.Set.of("derive", "inline", "cold", "test", "bench", "allow", "repr", "export", "track_caller");

    /** Whether the last {@link #attributes()} included `#[track_caller]` (accepted in the standard library only). */
    private boolean trackCaller;

    /** `#[name]` / `#[name(...)]` lines before an item; returns the trait names of `derive(...)`. */
    private List<Token> attributes() {
        List<Token> derives = new ArrayList<>();
        trackCaller = false;
        while (at(TokenKind.HASH)) {
            Token hash = advance();
            expect(TokenKind.LBRACKET, "`[` after `#`");
            Token name = expect(TokenKind.IDENT, "an attribute name");
            if (name.text().equals("track_caller")) {
                if (file.path().startsWith("<std>")) trackCaller = true;
                else report(ErrorCode.E1107, name.span(), "`track_caller` is reserved for the standard library");
            }
            if (!KNOWN_ATTRIBUTES.contains(name.text())) {
                report(ErrorCode.E1107, name.span(), "unknown attribute `" + name.text() + "`",
                        "note: the attributes are " + String.join(", ", new java.util.TreeSet<>(KNOWN_ATTRIBUTES).stream()
                                .filter(a -> !a.equals("track_caller") || file.path().startsWith("<std>")).map(a -> "`" + a + "`").toList()));
            }
            if (eat(TokenKind.LPAREN)) {
                int depthHere = 1;
                while (depthHere > 0 && !at(TokenKind.EOF)) {
                    Token t = advance();
                    if (t.kind() == TokenKind.LPAREN) depthHere++;
                    else if (t.kind() == TokenKind.RPAREN) depthHere--;
                    else if (name.text().equals("derive") && depthHere == 1 && t.kind() == TokenKind.IDENT) derives.add(t);
                }
            }
            expect(TokenKind.RBRACKET, "`]` to close the attribute");
        }
        return derives;
    }

    private Item item() {
        visibility();
        if (at(TokenKind.FN)) return function(false);
        if (at(TokenKind.EXTERN)) {
            // `extern "C" fn name(...) -> R { body }`: a T function C code can call.
            Span abi = externAbi();
            if (!at(TokenKind.FN)) throw error(ErrorCode.E1004, peek().span(), "expected `fn` or `{` after `extern \"C\"`, found " + describe(peek()));
            Token fn = peek();
            Item.Fn f = function(false, true);
            if (!f.hasBody()) {
                report(ErrorCode.E1009, fn.span().to(f.span()), "`extern \"C\" fn " + f.name() + "` has no body",
                        "help: give it a body, or declare a C function in a block: `extern \"C\" { fn " + f.name() + "(...); }`");
                return withExtern(f, new Item.Extern(f.name(), true, abi)); // checked on as a declaration
            }
            return withExtern(f, new Item.Extern(f.name(), false, abi));
        }
        if (at(TokenKind.STRUCT) || at(TokenKind.CLASS)) return structItem();
        if (at(TokenKind.ENUM)) return enumItem();
        if (at(TokenKind.CONST) || at(TokenKind.STATIC)) return constItem();
        if (at(TokenKind.IMPL)) return implItem();
        if (at(TokenKind.TRAIT)) return traitItem();
        throw error(ErrorCode.E1004, peek().span(), "expected an item (`fn`, `struct`, `class`, `enum`, `trait`, `impl`, `const` or `static`), found " + describe(peek()));
    }

    /** `extern "C"`: only the C ABI exists; returns the span of both tokens. */
    private Span externAbi() {
        Token kw = expect(TokenKind.EXTERN, "`extern`");
        Token abi = expect(TokenKind.STRING, "the ABI, `\"C\"`, after `extern`");
        if (!abi.text().equals("C")) {
            // The literal may be anything, a runaway string included: quote it only when short.
            String shown = abi.text().length() <= 20 && abi.text().chars().noneMatch(ch -> ch < 32) ? " `\"" + abi.text() + "\"`" : "";
            report(ErrorCode.E1009, abi.span(), "unsupported ABI" + shown, "note: the only ABI is `\"C\"`, the C calling convention of the target");
        }
        return kw.span().to(abi.span());
    }

    /**
     * `extern "C" { fn abs(x: i32) -> i32; ... }`: functions C code defines, each a
     * signature ending in `;`. Each may be `pub`.
     */
    private List<Item> foreignBlock() {
        Span abi = externAbi();
        expect(TokenKind.LBRACE, "`{`");
        List<Item> fns = new ArrayList<>();
        while (!at(TokenKind.RBRACE) && !at(TokenKind.EOF)) {
            boolean pub = at(TokenKind.PUB);
            visibility();
            if (!at(TokenKind.FN)) {
                throw error(ErrorCode.E1004, peek().span(), "expected a function signature (`fn name(...) -> T;`) in the `extern \"C\"` block, found " + describe(peek()),
                        "note: an `extern \"C\" { }` block declares functions C code defines; nothing else goes in it");
            }
            Token fn = peek();
            Item.Fn f = function(false, true);
            if (f.hasBody()) {
                report(ErrorCode.E1009, f.body().span(), "a function in an `extern \"C\"` block cannot have a body",
                        "help: end the signature with `;` to declare a C function, or write `extern \"C\" fn " + f.name() + "(...) { ... }` outside the block to define one in T");
            }
            Item.Fn foreign = withExtern(new Item.Fn(f.name(), f.nameSpan(), f.generics(), f.self(), f.params(), f.returnType(), null, fn.span().to(f.span())), new Item.Extern(f.name(), true, abi));
            if (pub) publics.add(foreign);
            fns.add(foreign);
        }
        expect(TokenKind.RBRACE, "`}` to close the `extern \"C\"` block");
        return fns;
    }

    private static Item.Fn withExtern(Item.Fn f, Item.Extern e) {
        return new Item.Fn(f.name(), f.nameSpan(), f.generics(), f.self(), f.params(), f.returnType(), f.body(), f.span(), e, f.trackCaller());
    }

    private Item.Const constItem() {
        Token kw = advance();
        boolean isStatic = kw.kind() == TokenKind.STATIC;
        if (isStatic && at(TokenKind.MUT)) throw error(ErrorCode.E1007, peek().span(), "`static mut` is not supported yet", "note: mutable statics come with `unsafe`");
        Token name = expect(TokenKind.IDENT, "a name");
        expect(TokenKind.COLON, "`:` and a type (constants always name their type)");
        TypeExpr type = type();
        expect(TokenKind.EQ, "`=` and the value");
        Expr value = expr();
        Token semi = expect(TokenKind.SEMI, "`;` after the value");
        return new Item.Const(name.text(), name.span(), type, value, isStatic, kw.span().to(semi.span()));
    }

    /** A function; inside `impl` ({@code method}) it may start with a `self` parameter. */
    private Item.Fn function(boolean method) {
        return function(method, false);
    }

    /** {@code inTrait}: a required method may end in `;` instead of a body. */
    private Item.Fn function(boolean method, boolean inTrait) {
        Token fn = expect(TokenKind.FN, "`fn`");
        Token name = expect(TokenKind.IDENT, "a function name");
        List<Item.TypeParam> typeParams = typeParams();
        expect(TokenKind.LPAREN, "`(`");
        // A `self` outside `impl` is parsed anyway; the checker explains where it belongs.
        Item.SelfParam self = selfParam();
        if (self != null && !at(TokenKind.RPAREN)) expect(TokenKind.COMMA, "`,` or `)` after the `self` parameter");
        List<Item.Param> params = new ArrayList<>();
        while (!at(TokenKind.RPAREN) && !at(TokenKind.EOF)) {
            Span start = peek().span();
            if (at(TokenKind.SELF_VALUE) || at(TokenKind.AMP) && (peekAt(1, TokenKind.SELF_VALUE) || peekAt(1, TokenKind.MUT) && peekAt(2, TokenKind.SELF_VALUE))) {
                throw error(ErrorCode.E1004, start, method ? "`self` must be the first parameter of a method" : "`self` parameter is only allowed in methods (functions inside `impl`)");
            }
            boolean mutable = eat(TokenKind.MUT);
            Token pname = expect(TokenKind.IDENT, "a parameter name");
            expect(TokenKind.COLON, "`:` and the parameter's type");
            TypeExpr type = type();
            params.add(new Item.Param(pname.text(), pname.span(), mutable, type, start.to(type.span())));
            if (!eat(TokenKind.COMMA)) break;
        }
        expect(TokenKind.RPAREN, "`)`");
        TypeExpr ret = eat(TokenKind.ARROW) ? type() : null;
        Item.Generics generics = new Item.Generics(typeParams, whereClause());
        if (inTrait && at(TokenKind.SEMI)) {
            Token semi = advance();
            return new Item.Fn(name.text(), name.span(), generics, self, List.copyOf(params), ret, null, fn.span().to(semi.span()));
        }
        Expr.Block body = block();
        return new Item.Fn(name.text(), name.span(), generics, self, List.copyOf(params), ret, body, fn.span().to(body.span()));
    }

    private boolean peekAt(int ahead, TokenKind k) {
        return pos + ahead < tokens.size() && tokens.get(pos + ahead).kind() == k;
    }

    /** `self`, `mut self`, `&self`, `&mut self`, or null when the method has none. */
    private Item.SelfParam selfParam() {
        Token start = peek();
        if (at(TokenKind.SELF_VALUE)) return new Item.SelfParam(Item.SelfParam.Kind.VALUE, advance().span());
        if (at(TokenKind.MUT) && peekAt(1, TokenKind.SELF_VALUE)) {
            advance();
            return new Item.SelfParam(Item.SelfParam.Kind.MUT_VALUE, start.span().to(advance().span()));
        }
        if (at(TokenKind.AMP) && peekAt(1, TokenKind.SELF_VALUE)) {
            advance();
            return new Item.SelfParam(Item.SelfParam.Kind.REF, start.span().to(advance().span()));
        }
        if (at(TokenKind.AMP) && peekAt(1, TokenKind.MUT) && peekAt(2, TokenKind.SELF_VALUE)) {
            advance();
            advance();
            return new Item.SelfParam(Item.SelfParam.Kind.REF_MUT, start.span().to(advance().span()));
        }
        return null;
    }

    private Item.Struct structItem() {
        Token kw = advance();
        boolean isClass = kw.kind() == TokenKind.CLASS;
        Token name = expect(TokenKind.IDENT, isClass ? "a class name" : "a struct name");
        List<Item.TypeParam> typeParams = typeParams();
        List<Item.FieldDecl> fields = new ArrayList<>();
        if (!at(TokenKind.LPAREN)) {
            Item.Generics generics = new Item.Generics(typeParams, whereClause());
            if (eat(TokenKind.SEMI)) return new Item.Struct(name.text(), name.span(), generics, List.of(), Item.Struct.Shape.UNIT, kw.span().to(name.span()), isClass);
            typeParams = generics.params();
            pendingWhere = generics.where();
        }
        if (isClass && at(TokenKind.LPAREN)) {
            throw error(ErrorCode.E1004, peek().span(), "a class has named fields: expected `{` after the class name, found " + describe(peek()),
                    "help: write `class " + name.text() + " { a: T }`; tuple structs are values only");
        }
        if (eat(TokenKind.LPAREN)) {
            int index = 0;
            while (!at(TokenKind.RPAREN) && !at(TokenKind.EOF)) {
                boolean pub = visibility();
                TypeExpr type = type();
                fields.add(new Item.FieldDecl(Integer.toString(index++), type.span(), type, type.span()));
                if (pub) publics.add(fields.get(fields.size() - 1));
                if (!eat(TokenKind.COMMA)) break;
            }
            expect(TokenKind.RPAREN, "`)` or `,` in the field list");
            Item.Generics generics = new Item.Generics(typeParams, whereClause());
            Token semi = expect(TokenKind.SEMI, "`;` after a tuple struct");
            return new Item.Struct(name.text(), name.span(), generics, List.copyOf(fields), Item.Struct.Shape.TUPLE, kw.span().to(semi.span()));
        }
        expect(TokenKind.LBRACE, isClass ? "`{` or `;` after the class name" : "`{`, `(` or `;` after the struct name");
        while (!at(TokenKind.RBRACE) && !at(TokenKind.EOF)) {
            boolean pub = visibility();
            Token field = expect(TokenKind.IDENT, "a field name");
            expect(TokenKind.COLON, "`:` and the field's type");
            TypeExpr type = type();
            fields.add(new Item.FieldDecl(field.text(), field.span(), type, field.span().to(type.span())));
            if (pub) publics.add(fields.get(fields.size() - 1));
            if (!eat(TokenKind.COMMA)) break;
        }
        Token close = expect(TokenKind.RBRACE, "`}` or `,` in the field list");
        Item.Generics generics = new Item.Generics(typeParams, takePendingWhere());
        return new Item.Struct(name.text(), name.span(), generics, List.copyOf(fields), Item.Struct.Shape.NAMED, kw.span().to(close.span()), isClass);
    }

    private Item.Enum enumItem() {
        Token kw = advance();
        Token name = expect(TokenKind.IDENT, "an enum name");
        Item.Generics generics = new Item.Generics(typeParams(), whereClause());
        expect(TokenKind.LBRACE, "`{` to list the variants");
        List<Item.Variant> variants = new ArrayList<>();
        while (!at(TokenKind.RBRACE) && !at(TokenKind.EOF)) {
            Token v = expect(TokenKind.IDENT, "a variant name");
            List<Item.FieldDecl> fields = new ArrayList<>();
            Item.Struct.Shape shape = Item.Struct.Shape.UNIT;
            Span end = v.span();
            if (eat(TokenKind.LPAREN)) {
                shape = Item.Struct.Shape.TUPLE;
                int index = 0;
                while (!at(TokenKind.RPAREN) && !at(TokenKind.EOF)) {
                    TypeExpr type = type();
                    fields.add(new Item.FieldDecl(Integer.toString(index++), type.span(), type, type.span()));
                    if (!eat(TokenKind.COMMA)) break;
                }
                end = expect(TokenKind.RPAREN, "`)` or `,` in the variant's fields").span();
            } else if (eat(TokenKind.LBRACE)) {
                shape = Item.Struct.Shape.NAMED;
                while (!at(TokenKind.RBRACE) && !at(TokenKind.EOF)) {
                    Token field = expect(TokenKind.IDENT, "a field name");
                    expect(TokenKind.COLON, "`:` and the field's type");
                    TypeExpr type = type();
                    fields.add(new Item.FieldDecl(field.text(), field.span(), type, field.span().to(type.span())));
                    if (!eat(TokenKind.COMMA)) break;
                }
                end = expect(TokenKind.RBRACE, "`}` or `,` in the variant's fields").span();
            }
            variants.add(new Item.Variant(v.text(), v.span(), List.copyOf(fields), shape, v.span().to(end)));
            if (!eat(TokenKind.COMMA)) break;
        }
        Token close = expect(TokenKind.RBRACE, "`}` or `,` in the variant list");
        return new Item.Enum(name.text(), name.span(), generics, List.copyOf(variants), kw.span().to(close.span()));
    }

    private Item.Impl implItem() {
        Token kw = advance();
        List<Item.TypeParam> typeParams = typeParams();
        TypeExpr self = type();
        TypeExpr trait = null;
        if (eat(TokenKind.FOR)) {
            trait = self;
            self = type();
        }
        Item.Generics generics = new Item.Generics(typeParams, whereClause());
        expect(TokenKind.LBRACE, "`{` to start the impl block");
        List<Item.Fn> fns = new ArrayList<>();
        List<Item.Const> consts = new ArrayList<>();
        List<Item.TypeAlias> types = new ArrayList<>();
        while (!at(TokenKind.RBRACE) && !at(TokenKind.EOF)) {
            for (Token d : attributes()) report(ErrorCode.E1107, d.span(), "`derive` applies to structs and enums only");
            boolean tracked = trackCaller;
            boolean pub = visibility();
            if (at(TokenKind.CONST)) {
                consts.add(constItem());
                if (pub) publics.add(consts.get(consts.size() - 1));
                continue;
            }
            if (at(TokenKind.TYPE)) {
                Token t = advance();
                Token name = expect(TokenKind.IDENT, "the associated type's name");
                expect(TokenKind.EQ, "`=` and the type");
                TypeExpr type = type();
                Token semi = expect(TokenKind.SEMI, "`;` after the associated type");
                types.add(new Item.TypeAlias(name.text(), name.span(), type, t.span().to(semi.span())));
                continue;
            }
            if (!at(TokenKind.FN)) throw error(ErrorCode.E1004, peek().span(), "expected `fn`, `type` or `const` inside `impl`, found " + describe(peek()));
            Item.Fn method = function(true);
            fns.add(tracked ? method.trackingCaller() : method);
            if (pub) publics.add(fns.get(fns.size() - 1));
        }
        Token close = expect(TokenKind.RBRACE, "`}` to close the impl block");
        return new Item.Impl(generics, trait, self, List.copyOf(fns), List.copyOf(consts), List.copyOf(types), kw.span().to(close.span()));
    }

    private Item.Trait traitItem() {
        Token kw = advance();
        Token name = expect(TokenKind.IDENT, "a trait name");
        List<Item.TypeParam> typeParams = typeParams();
        List<TypeExpr> supertraits = eat(TokenKind.COLON) ? bounds() : List.of();
        Item.Generics generics = new Item.Generics(typeParams, whereClause());
        expect(TokenKind.LBRACE, "`{` to start the trait's items");
        List<Item.TypeParam> types = new ArrayList<>();
        List<Item.Fn> fns = new ArrayList<>();
        while (!at(TokenKind.RBRACE) && !at(TokenKind.EOF)) {
            if (at(TokenKind.TYPE)) {
                advance();
                Token tn = expect(TokenKind.IDENT, "the associated type's name");
                List<TypeExpr> bounds = eat(TokenKind.COLON) ? bounds() : List.of();
                expect(TokenKind.SEMI, "`;` after the associated type");
                types.add(new Item.TypeParam(tn.text(), tn.span(), bounds));
                continue;
            }
            if (!at(TokenKind.FN)) throw error(ErrorCode.E1004, peek().span(), "expected `fn` or `type` inside `trait`, found " + describe(peek()));
            fns.add(function(true, true));
        }
        Token close = expect(TokenKind.RBRACE, "`}` to close the trait");
        return new Item.Trait(name.text(), name.span(), generics, supertraits, List.copyOf(types), List.copyOf(fns), kw.span().to(close.span()));
    }

    /** A `where` clause seen before a struct's braces, kept until the struct is built. */
    private List<Item.WherePredicate> pendingWhere = List.of();

    private List<Item.WherePredicate> takePendingWhere() {
        List<Item.WherePredicate> w = pendingWhere;
        pendingWhere = List.of();
        return w;
    }

    /** `<T, U: Bound + Other>` after an item's name, or nothing. */
    private List<Item.TypeParam> typeParams() {
        if (!eat(TokenKind.LT)) return List.of();
        List<Item.TypeParam> params = new ArrayList<>();
        while (!atCloseAngle() && !at(TokenKind.EOF)) {
            Token name = expect(TokenKind.IDENT, "a type parameter name");
            List<TypeExpr> bounds = eat(TokenKind.COLON) ? bounds() : List.of();
            TypeExpr defaultType = eat(TokenKind.EQ) ? type() : null;
            params.add(new Item.TypeParam(name.text(), name.span(), bounds, defaultType));
            if (!eat(TokenKind.COMMA)) break;
        }
        expectCloseAngle("`>` to close the type parameters");
        return List.copyOf(params);
    }

    /** `A + B<C> + D`. */
    private List<TypeExpr> bounds() {
        List<TypeExpr> bounds = new ArrayList<>();
        do bounds.add(type()); while (eat(TokenKind.PLUS));
        return List.copyOf(bounds);
    }

    /** `where T: A + B, U: C` or nothing. */
    private List<Item.WherePredicate> whereClause() {
        if (!eat(TokenKind.WHERE)) return List.of();
        List<Item.WherePredicate> preds = new ArrayList<>();
        while (!at(TokenKind.LBRACE) && !at(TokenKind.SEMI) && !at(TokenKind.EOF)) {
            TypeExpr subject = type();
            expect(TokenKind.COLON, "`:` and the bounds");
            List<TypeExpr> bounds = bounds();
            preds.add(new Item.WherePredicate(subject, bounds, subject.span().to(bounds.get(bounds.size() - 1).span())));
            if (!eat(TokenKind.COMMA)) break;
        }
        return List.copyOf(preds);
    }

    private boolean atCloseAngle() {
        return at(TokenKind.GT) || at(TokenKind.SHR) || at(TokenKind.GE) || at(TokenKind.SHR_EQ);
    }

    /**
     * Consumes one `>`. The lexer reads `>>` (and `>=`, `>>=`) as one token; in
     * `Option<Option<i64>>` the first `>` closes the inner list, so split the token and leave
     * the rest for the outer one.
     */
    private Token expectCloseAngle(String what) {
        Token t = peek();
        TokenKind rest = switch (t.kind()) {
            case SHR -> TokenKind.GT;
            case GE -> TokenKind.EQ;
            case SHR_EQ -> TokenKind.GE;
            default -> null;
        };
        if (rest == null) return expect(TokenKind.GT, what);
        Span first = new Span(t.span().file(), t.span().start(), t.span().start() + 1);
        Span second = new Span(t.span().file(), t.span().start() + 1, t.span().end());
        tokens.set(pos, new Token(rest, t.text().substring(1), second, t.radix(), t.suffix()));
        return new Token(TokenKind.GT, ">", first, 0, null);
    }

    /** `<A, B>` after a type name or `::` in a path; bindings (`Item = T`) only where {@code bindings} is non-null. */
    private List<TypeExpr> typeArgs(List<TypeExpr.Binding> bindings) {
        List<TypeExpr> args = new ArrayList<>();
        while (!atCloseAngle() && !at(TokenKind.EOF)) {
            if (bindings != null && at(TokenKind.IDENT) && peekAt(1, TokenKind.EQ)) {
                Token name = advance();
                advance();
                bindings.add(new TypeExpr.Binding(name.text(), name.span(), type()));
            } else {
                args.add(type());
            }
            if (!eat(TokenKind.COMMA)) break;
        }
        expectCloseAngle("`>` to close the type arguments");
        return List.copyOf(args);
    }

    private static final java.util.Set<String> BUILTIN_TYPES = java.util.Set.of(
            "i8", "i16", "i32", "i64", "isize", "u8", "u16", "u32", "u64", "usize", "f32", "f64", "bool", "char", "String");

    private TypeExpr type() {
        enterNested();
        try {
            Token t = peek();
            if (eat(TokenKind.BANG)) return new TypeExpr.Never(t.span());
            if (at(TokenKind.SELF_TYPE) && !peekAt(1, TokenKind.PATH_SEP)) return new TypeExpr.Named(List.of("Self"), advance().span());
            if (eat(TokenKind.DYN)) {
                TypeExpr trait = type();
                if (!(trait instanceof TypeExpr.Named n)) throw error(ErrorCode.E1004, trait.span(), "expected a trait name after `dyn`");
                return new TypeExpr.Dyn(n, t.span().to(trait.span()));
            }
            if (eat(TokenKind.FN)) {
                expect(TokenKind.LPAREN, "`(` and the parameter types of the function type");
                List<TypeExpr> params = new ArrayList<>();
                while (!at(TokenKind.RPAREN) && !at(TokenKind.EOF)) {
                    params.add(type());
                    if (!eat(TokenKind.COMMA)) break;
                }
                Token close = expect(TokenKind.RPAREN, "`)` or `,` in the parameter types");
                TypeExpr result = eat(TokenKind.ARROW) ? type() : null;
                return new TypeExpr.Fn(List.copyOf(params), result, t.span().to(result == null ? close.span() : result.span()));
            }
            if (eat(TokenKind.AMP)) {
                boolean mutable = eat(TokenKind.MUT);
                TypeExpr inner = type();
                return new TypeExpr.Ref(inner, mutable, t.span().to(inner.span()));
            }
            if (eat(TokenKind.STAR)) {
                boolean mutable = eat(TokenKind.MUT);
                if (!mutable) eat(TokenKind.CONST);
                TypeExpr pointee = type();
                return new TypeExpr.Ptr(pointee, mutable, t.span().to(pointee.span()));
            }
            if (eat(TokenKind.LBRACKET)) {
                TypeExpr element = type();
                expect(TokenKind.SEMI, "`;` and the length in the array type `[T; N]`");
                Expr length = expr();
                Token close = expect(TokenKind.RBRACKET, "`]` to close the array type");
                return new TypeExpr.Array(element, length, t.span().to(close.span()));
            }
            if (eat(TokenKind.LPAREN)) {
                if (at(TokenKind.RPAREN)) return new TypeExpr.Unit(t.span().to(advance().span()));
                List<TypeExpr> elements = new ArrayList<>();
                boolean trailingComma = false;
                while (!at(TokenKind.RPAREN) && !at(TokenKind.EOF)) {
                    elements.add(type());
                    trailingComma = eat(TokenKind.COMMA);
                    if (!trailingComma) break;
                }
                Token close = expect(TokenKind.RPAREN, "`)` or `,` in the tuple type");
                // `(T)` is just T in parentheses; `(T,)` is a one-element tuple.
                if (elements.size() == 1 && !trailingComma) return elements.get(0);
                return new TypeExpr.Tuple(List.copyOf(elements), t.span().to(close.span()));
            }
            if (at(TokenKind.IDENT) && t.text().equals("Fn") && peekAt(1, TokenKind.LPAREN)) {
                // `Fn(A, B) -> R` is the prelude trait `Fn<(A, B), Output = R>`.
                advance();
                advance();
                List<TypeExpr> params = new ArrayList<>();
                while (!at(TokenKind.RPAREN) && !at(TokenKind.EOF)) {
                    params.add(type());
                    if (!eat(TokenKind.COMMA)) break;
                }
                Token close = expect(TokenKind.RPAREN, "`)` or `,` in the parameter types");
                Token arrow = peek();
                TypeExpr result = eat(TokenKind.ARROW) ? type() : new TypeExpr.Unit(close.span());
                Span span = t.span().to(result.span());
                TypeExpr.Tuple args = new TypeExpr.Tuple(List.copyOf(params), t.span().to(close.span()));
                return new TypeExpr.Named(List.of("Fn"), List.of(args), List.of(new TypeExpr.Binding("Output", arrow.span(), result)), span);
            }
            if (at(TokenKind.IDENT) || at(TokenKind.SELF_TYPE) || at(TokenKind.SELF_VALUE) && peekAt(1, TokenKind.PATH_SEP)) {
                List<String> segments = new ArrayList<>();
                Span span = t.span();
                segments.add(advance().text());
                List<TypeExpr> args = List.of();
                List<TypeExpr.Binding> bindings = new ArrayList<>();
                while (true) {
                    // The built-in types take no arguments, so in `x as i64 < y` the `<` compares.
                    if (at(TokenKind.LT) && !(segments.size() == 1 && BUILTIN_TYPES.contains(segments.get(0)))) {
                        advance();
                        args = typeArgs(bindings);
                        span = span.to(prev().span());
                        if (!at(TokenKind.PATH_SEP)) break;
                    }
                    if (!eat(TokenKind.PATH_SEP)) break;
                    Token seg = expect(TokenKind.IDENT, "a name after `::`");
                    segments.add(seg.text());
                    span = span.to(seg.span());
                }
                return new TypeExpr.Named(List.copyOf(segments), args, List.copyOf(bindings), span);
            }
            throw error(ErrorCode.E1004, t.span(), "expected a type, found " + describe(t));
        } finally {
            depth--;
        }
    }

    // ---- blocks and statements ------------------------------------------------------

    private Expr.Block block() {
        boolean saved = noStructLiteral;
        noStructLiteral = false;
        try {
            return blockBody();
        } finally {
            noStructLiteral = saved;
        }
    }

    private Expr.Block blockBody() {
        enterNested();
        try {
            Token open = expect(TokenKind.LBRACE, "`{`");
            List<Stmt> stmts = new ArrayList<>();
            Expr tail = null;
            while (!at(TokenKind.RBRACE) && !at(TokenKind.EOF)) {
                if (tail != null) {
                    // The previous expression had no semicolon but was not the last thing.
                    Span after = tail.span();
                    report(ErrorCode.E1004, new Span(file, after.end(), after.end()), "expected `;` after expression, found " + describe(peek()));
                    stmts.add(new Stmt.ExprStmt(tail, false, tail.span()));
                    tail = null;
                }
                int before = pos;
                try {
                    if (eat(TokenKind.SEMI)) continue;
                    if (at(TokenKind.LET)) { stmts.add(let()); continue; }
                    if (atModuleKeyword(peek(), 1)) {
                        throw error(ErrorCode.E1004, peek().span(), "`" + peek().text() + "` declarations are only allowed at the top level of a module",
                                "help: move it out of the function body");
                    }
                    // A block-like expression in statement position ends the statement at its
                    // closing brace (as in Rust): `if c { } -x` is two statements, not a subtraction.
                    boolean blockLike = startsBlockLike();
                    Expr e = blockLike ? primary() : exprWithAssign();
                    if (eat(TokenKind.SEMI)) {
                        stmts.add(new Stmt.ExprStmt(e, true, e.span().to(prev().span())));
                    } else if (at(TokenKind.RBRACE)) {
                        tail = e;
                    } else if (blockLike) {
                        stmts.add(new Stmt.ExprStmt(e, false, e.span()));
                    } else {
                        tail = e; // reported at the top of the loop
                    }
                } catch (Bail b) {
                    if (pos == before) pos++;
                    skipToStatementEnd();
                }
            }
            Token close = expect(TokenKind.RBRACE, "`}` to close the block opened at line " + open.span().line());
            return new Expr.Block(List.copyOf(stmts), tail, open.span().to(close.span()));
        } finally {
            depth--;
        }
    }

    /** `let (a, b) = ...;`, `let Point { x, y } = ...;`: destructuring. */
    private Stmt letPattern() {
        Token let = advance();
        Pattern pattern = pattern();
        TypeExpr type = eat(TokenKind.COLON) ? type() : null;
        expect(TokenKind.EQ, "`=` and a value to destructure");
        Expr init = expr();
        Span end = prev().span();
        if (!eat(TokenKind.SEMI)) missing("`;` after the `let` statement"); else end = prev().span();
        return new Stmt.LetPattern(pattern, type, init, let.span().to(end));
    }

    // ---- patterns -------------------------------------------------------------------

    private Pattern pattern() {
        Token start = peek();
        eat(TokenKind.PIPE); // a leading `|` is allowed
        Pattern first = singlePattern();
        if (!at(TokenKind.PIPE)) return first;
        List<Pattern> alternatives = new ArrayList<>(List.of(first));
        while (eat(TokenKind.PIPE)) alternatives.add(singlePattern());
        return new Pattern.Or(List.copyOf(alternatives), start.span().to(alternatives.get(alternatives.size() - 1).span()));
    }

    private Pattern singlePattern() {
        enterNested();
        try {
            Token t = peek();
            switch (t.kind()) {
                case IDENT -> {
                    if (t.text().equals("_")) {
                        advance();
                        return new Pattern.Wildcard(t.span());
                    }
                    if (!peekAt(1, TokenKind.PATH_SEP) && !peekAt(1, TokenKind.LPAREN) && !peekAt(1, TokenKind.LBRACE)) {
                        advance();
                        if (eat(TokenKind.AT)) {
                            Pattern sub = singlePattern();
                            return new Pattern.Binding(t.text(), false, sub, t.span().to(sub.span()));
                        }
                        return new Pattern.Binding(t.text(), false, null, t.span());
                    }
                    return pathPattern();
                }
                case SELF_TYPE -> { return pathPattern(); }
                case SELF_VALUE -> {
                    if (peekAt(1, TokenKind.PATH_SEP)) return pathPattern(); // `self::Color::Red`
                    throw error(ErrorCode.E1004, t.span(), "expected a pattern, found `self`");
                }
                case MUT -> {
                    advance();
                    Token name = expect(TokenKind.IDENT, "a variable name after `mut`");
                    if (eat(TokenKind.AT)) {
                        Pattern sub = singlePattern();
                        return new Pattern.Binding(name.text(), true, sub, t.span().to(sub.span()));
                    }
                    return new Pattern.Binding(name.text(), true, null, t.span().to(name.span()));
                }
                case LPAREN -> {
                    advance();
                    List<Pattern> elements = new ArrayList<>();
                    int rest = -1;
                    boolean trailingComma = false;
                    while (!at(TokenKind.RPAREN) && !at(TokenKind.EOF)) {
                        if (eat(TokenKind.DOT_DOT)) {
                            if (rest >= 0) throw error(ErrorCode.E1004, prev().span(), "`..` can only be used once per tuple pattern");
                            rest = elements.size();
                        } else {
                            elements.add(pattern());
                        }
                        trailingComma = eat(TokenKind.COMMA);
                        if (!trailingComma) break;
                    }
                    Token close = expect(TokenKind.RPAREN, "`)` or `,` in the tuple pattern");
                    if (elements.size() == 1 && rest < 0 && !trailingComma) return elements.get(0);
                    return new Pattern.Tuple(List.copyOf(elements), rest, t.span().to(close.span()));
                }
                case INT, FLOAT, CHAR, STRING, TRUE, FALSE, MINUS -> {
                    Expr low = literalForPattern();
                    if (at(TokenKind.DOT_DOT_EQ) || at(TokenKind.DOT_DOT)) {
                        boolean inclusive = advance().kind() == TokenKind.DOT_DOT_EQ;
                        Expr high = literalForPattern();
                        return new Pattern.Range(low, high, inclusive, low.span().to(high.span()));
                    }
                    return new Pattern.Literal(low, low.span());
                }
                default -> throw error(ErrorCode.E1004, t.span(), "expected a pattern, found " + describe(t));
            }
        } finally {
            depth--;
        }
    }

    private Expr literalForPattern() {
        Token t = peek();
        if (eat(TokenKind.MINUS)) {
            Token n = peek();
            if (n.kind() != TokenKind.INT && n.kind() != TokenKind.FLOAT) throw error(ErrorCode.E1004, n.span(), "expected a number after `-` in a pattern");
            Expr lit = primary();
            return new Expr.Unary(Expr.UnaryOp.NEG, lit, t.span().to(lit.span()));
        }
        return switch (t.kind()) {
            case INT, FLOAT, CHAR, STRING, TRUE, FALSE -> primary();
            // `i32::MIN..=-1`: a constant path as a range bound.
            case IDENT -> primary();
            default -> throw error(ErrorCode.E1004, t.span(), "expected a literal in the range pattern, found " + describe(t));
        };
    }

    /** A name or `::`-separated path; the current token is its first segment. */
    private Expr.Path path() {
        Token start = advance();
        List<String> segments = new ArrayList<>(List.of(start.text()));
        List<List<TypeExpr>> generics = new ArrayList<>(List.of(List.of()));
        Span span = start.span();
        while (eat(TokenKind.PATH_SEP)) {
            if (eat(TokenKind.LT)) {
                // `f::<i64>`, `Vec::<T>::new`: type arguments for the segment before.
                generics.set(generics.size() - 1, typeArgs(null));
                span = span.to(prev().span());
                continue;
            }
            Token seg = expect(TokenKind.IDENT, "a name after `::`");
            segments.add(seg.text());
            generics.add(List.of());
            span = span.to(seg.span());
        }
        return new Expr.Path(List.copyOf(segments), List.copyOf(generics), span);
    }

    private Pattern pathPattern() {
        Expr.Path path = path();
        Span span = path.span();
        if (eat(TokenKind.LPAREN)) {
            List<Pattern> elements = new ArrayList<>();
            int rest = -1;
            while (!at(TokenKind.RPAREN) && !at(TokenKind.EOF)) {
                if (eat(TokenKind.DOT_DOT)) {
                    if (rest >= 0) throw error(ErrorCode.E1004, prev().span(), "`..` can only be used once per tuple pattern");
                    rest = elements.size();
                } else {
                    elements.add(pattern());
                }
                if (!eat(TokenKind.COMMA)) break;
            }
            Token close = expect(TokenKind.RPAREN, "`)` or `,` in the pattern");
            return new Pattern.TupleStruct(path, List.copyOf(elements), rest, span.to(close.span()));
        }
        if (eat(TokenKind.LBRACE)) {
            List<Pattern.FieldPattern> fields = new ArrayList<>();
            boolean rest = false;
            while (!at(TokenKind.RBRACE) && !at(TokenKind.EOF)) {
                if (eat(TokenKind.DOT_DOT)) { rest = true; break; }
                boolean mutable = eat(TokenKind.MUT);
                Token name = expect(TokenKind.IDENT, "a field name");
                Pattern p;
                if (!mutable && eat(TokenKind.COLON)) p = pattern();
                else p = new Pattern.Binding(name.text(), mutable, null, name.span());
                fields.add(new Pattern.FieldPattern(name.text(), name.span(), p));
                if (!eat(TokenKind.COMMA)) break;
            }
            Token close = expect(TokenKind.RBRACE, "`}` or `,` in the struct pattern");
            return new Pattern.Struct(path, List.copyOf(fields), rest, span.to(close.span()));
        }
        if (at(TokenKind.DOT_DOT_EQ) || at(TokenKind.DOT_DOT)) {
            boolean inclusive = advance().kind() == TokenKind.DOT_DOT_EQ;
            Expr high = literalForPattern();
            return new Pattern.Range(path, high, inclusive, span.to(high.span()));
        }
        return new Pattern.Path(path, span);
    }

    private boolean startsBlockLike() {
        return at(TokenKind.IF) || at(TokenKind.WHILE) || at(TokenKind.LOOP) || at(TokenKind.FOR) || at(TokenKind.LBRACE)
                || at(TokenKind.LABEL) || at(TokenKind.MATCH) || at(TokenKind.UNSAFE);
    }

    private Stmt let() {
        if (!(peekAt(1, TokenKind.IDENT) || peekAt(1, TokenKind.MUT) && peekAt(2, TokenKind.IDENT)) || peekAt(1, TokenKind.IDENT) && (peekAt(2, TokenKind.PATH_SEP) || peekAt(2, TokenKind.LPAREN) || peekAt(2, TokenKind.LBRACE))) {
            return letPattern();
        }
        Token let = advance();
        boolean mutable = eat(TokenKind.MUT);
        Token name = expect(TokenKind.IDENT, "a variable name");
        TypeExpr type = eat(TokenKind.COLON) ? type() : null;
        Expr init = null;
        if (eat(TokenKind.EQ)) init = expr();
        Span end = prev().span();
        if (!eat(TokenKind.SEMI)) {
            // A missing `;` is reported, but the statement is whole: keep it, so the names it
            // declares exist and nothing later is reported as a consequence.
            missing("`;` after the `let` statement");
        } else {
            end = prev().span();
        }
        return new Stmt.Let(name.text(), name.span(), mutable, type, init, let.span().to(end));
    }

    // ---- expressions ----------------------------------------------------------------

    /** Assignment is lowest and right-associative; it has type `()`. */
    private Expr exprWithAssign() {
        Expr target = expr();
        Token t = peek();
        BinaryOp compound = switch (t.kind()) {
            case PLUS_EQ -> BinaryOp.ADD; case MINUS_EQ -> BinaryOp.SUB; case STAR_EQ -> BinaryOp.MUL;
            case SLASH_EQ -> BinaryOp.DIV; case PERCENT_EQ -> BinaryOp.REM;
            case AMP_EQ -> BinaryOp.BIT_AND; case PIPE_EQ -> BinaryOp.BIT_OR; case CARET_EQ -> BinaryOp.BIT_XOR;
            case SHL_EQ -> BinaryOp.SHL; case SHR_EQ -> BinaryOp.SHR;
            default -> null;
        };
        if (compound == null && t.kind() != TokenKind.EQ) return target;
        advance();
        Expr value = exprWithAssign();
        return new Expr.Assign(target, compound, value, target.span().to(value.span()));
    }

    /** An expression, possibly a range `a..b` / `a..=b` (which binds weaker than `||`). */
    public Expr expr() {
        Expr left = binary(0);
        if (at(TokenKind.DOT_DOT) || at(TokenKind.DOT_DOT_EQ)) {
            boolean inclusive = advance().kind() == TokenKind.DOT_DOT_EQ;
            Expr right = binary(0);
            return new Expr.Range(left, right, inclusive, left.span().to(right.span()));
        }
        return left;
    }

    /** Binding strength of binary operators, as in Rust. */
    private static int precedence(TokenKind k) {
        return switch (k) {
            case OR_OR -> 1;
            case AND_AND -> 2;
            case EQ_EQ, NOT_EQ, LT, LE, GT, GE -> COMPARISON;
            case PIPE -> 4;
            case CARET -> 5;
            case AMP -> 6;
            case SHL, SHR -> 7;
            case PLUS, MINUS -> 8;
            case STAR, SLASH, PERCENT -> 9;
            default -> -1;
        };
    }

    private static final int COMPARISON = 3;

    private static BinaryOp binaryOp(TokenKind k) {
        return switch (k) {
            case OR_OR -> BinaryOp.OR; case AND_AND -> BinaryOp.AND;
            case EQ_EQ -> BinaryOp.EQ; case NOT_EQ -> BinaryOp.NE;
            case LT -> BinaryOp.LT; case LE -> BinaryOp.LE; case GT -> BinaryOp.GT; case GE -> BinaryOp.GE;
            case PLUS -> BinaryOp.ADD; case MINUS -> BinaryOp.SUB;
            case STAR -> BinaryOp.MUL; case SLASH -> BinaryOp.DIV; case PERCENT -> BinaryOp.REM;
            case AMP -> BinaryOp.BIT_AND; case PIPE -> BinaryOp.BIT_OR; case CARET -> BinaryOp.BIT_XOR;
            case SHL -> BinaryOp.SHL; case SHR -> BinaryOp.SHR;
            default -> throw new IllegalArgumentException(k.name());
        };
    }

    private Expr binary(int minPrec) {
        Expr left = cast();
        while (true) {
            Token op = peek();
            int prec = precedence(op.kind());
            if (prec < 0 || prec < minPrec) return left;
            advance();
            Expr right = binary(prec + 1);
            if (prec == COMPARISON && precedence(peek().kind()) == COMPARISON) {
                throw error(ErrorCode.E1005, peek().span(), "comparison operators cannot be chained", "help: use `&&` to combine comparisons, e.g. `a < b && b < c`");
            }
            left = new Expr.Binary(binaryOp(op.kind()), left, right, op.span(), left.span().to(right.span()));
        }
    }

    /** `as` binds tighter than every binary operator and looser than unary ones. */
    private Expr cast() {
        Expr e = unary();
        while (at(TokenKind.AS)) {
            advance();
            TypeExpr type = type();
            e = new Expr.Cast(e, type, e.span().to(type.span()));
        }
        return e;
    }

    private Expr unary() {
        enterNested();
        try {
            Token t = peek();
            if (eat(TokenKind.MINUS)) {
                Expr operand = unary();
                return new Expr.Unary(Expr.UnaryOp.NEG, operand, t.span().to(operand.span()));
            }
            if (eat(TokenKind.BANG)) {
                Expr operand = unary();
                return new Expr.Unary(Expr.UnaryOp.NOT, operand, t.span().to(operand.span()));
            }
            if (eat(TokenKind.MOVE)) {
                // `move |x| ...`: closures capture by value already, so `move` changes nothing.
                if (at(TokenKind.PIPE) || at(TokenKind.OR_OR)) return postfix(primary());
                Expr operand = unary();
                return new Expr.Move(operand, t.span().to(operand.span()));
            }
            if (eat(TokenKind.AMP)) {
                boolean mutable = eat(TokenKind.MUT);
                Expr operand = unary();
                return new Expr.Ref(mutable, operand, t.span().to(operand.span()));
            }
            return postfix(primary());
        } finally {
            depth--;
        }
    }

    private Expr postfix(Expr e) {
        while (at(TokenKind.LPAREN) || at(TokenKind.DOT) || at(TokenKind.LBRACKET) || at(TokenKind.QUESTION)) {
            if (at(TokenKind.QUESTION)) {
                e = new Expr.Try(e, e.span().to(advance().span()));
                continue;
            }
            if (eat(TokenKind.LBRACKET)) {
                boolean saved = noStructLiteral;
                noStructLiteral = false;
                Expr index;
                try {
                    index = expr();
                } finally {
                    noStructLiteral = saved;
                }
                Token close = expect(TokenKind.RBRACKET, "`]` to close the index");
                e = new Expr.Index(e, index, e.span().to(close.span()));
                continue;
            }
            if (eat(TokenKind.DOT)) {
                Token name = peek();
                if (name.kind() != TokenKind.INT && name.kind() != TokenKind.IDENT || name.kind() == TokenKind.INT && (name.radix() != 10 || name.suffix() != null)) {
                    throw error(ErrorCode.E1004, name.span(), "expected a field name or tuple index after `.`, found " + describe(name));
                }
                advance();
                List<TypeExpr> typeArgs = List.of();
                if (name.kind() == TokenKind.IDENT && at(TokenKind.PATH_SEP) && peekAt(1, TokenKind.LT)) {
                    advance();
                    advance();
                    typeArgs = typeArgs(null); // `.collect::<Vec<i64>>()`
                    if (!at(TokenKind.LPAREN)) throw error(ErrorCode.E1004, peek().span(), "expected `(` after the method's type arguments, found " + describe(peek()));
                }
                if (name.kind() == TokenKind.IDENT && at(TokenKind.LPAREN)) {
                    advance();
                    List<Expr> args = arguments();
                    Token close = expect(TokenKind.RPAREN, "`)` or `,` in the argument list");
                    e = new Expr.MethodCall(e, name.text(), name.span(), typeArgs, args, e.span().to(close.span()));
                    continue;
                }
                e = new Expr.Field(e, name.text(), name.span(), e.span().to(name.span()));
                continue;
            }
            advance();
            List<Expr> args = arguments();
            Token close = expect(TokenKind.RPAREN, "`)` or `,` in the argument list");
            e = new Expr.Call(e, args, e.span().to(close.span()));
        }
        return e;
    }

    private Expr primary() {
        enterNested();
        try {
            Token t = peek();
            switch (t.kind()) {
                case INT -> {
                    advance();
                    return new Expr.IntLit(new BigInteger(t.text(), t.radix()), t.suffix(), t.span());
                }
                case FLOAT -> {
                    advance();
                    return new Expr.FloatLit(t.text(), t.suffix(), t.span());
                }
                case CHAR -> {
                    advance();
                    return new Expr.CharLit(t.text().isEmpty() ? 0 : t.text().codePointAt(0), t.span());
                }
                case TRUE, FALSE -> {
                    advance();
                    return new Expr.BoolLit(t.kind() == TokenKind.TRUE, t.span());
                }
                case STRING -> {
                    advance();
                    return new Expr.StrLit(t.text(), t.span());
                }
                case IDENT, SELF_VALUE, SELF_TYPE -> {
                    Expr.Path path = path();
                    if (at(TokenKind.LBRACE) && !noStructLiteral && looksLikeStructLiteral()) return structLiteral(path);
                    if (at(TokenKind.LBRACE) && noStructLiteral && peekAt(1, TokenKind.IDENT) && peekAt(2, TokenKind.COLON)) {
                        // `if p == P { x: 1 } { ... }`: no block starts with `name:`, so this is a
                        // struct literal where Rust's grammar does not allow one. Say so, and go on.
                        Expr lit = structLiteral(path);
                        report(ErrorCode.E1006, lit.span(), "struct literals are not allowed here",
                                "help: surround the struct literal with parentheses: `(" + path.joined() + " { ... })`");
                        return lit;
                    }
                    return path;
                }
                case LPAREN -> {
                    advance();
                    if (at(TokenKind.RPAREN)) return new Expr.Unit(t.span().to(advance().span()));
                    boolean saved = noStructLiteral;
                    noStructLiteral = false;
                    try {
                        return parenthesized(t);
                    } finally {
                        noStructLiteral = saved;
                    }
                }
                case LBRACKET -> { return arrayLiteral(); }
                case PIPE, OR_OR -> { return closure(); }
                case LBRACE -> { return block(); }
                case UNSAFE -> {
                    Token kw = advance();
                    if (!at(TokenKind.LBRACE)) throw error(ErrorCode.E1004, peek().span(), "expected `{` after `unsafe`, found " + describe(peek()));
                    Expr.Block body = block();
                    return new Expr.Unsafe(body, kw.span().to(body.span()));
                }
                case IF -> { return ifExpr(); }
                case LABEL -> {
                    advance();
                    expect(TokenKind.COLON, "`:` after the loop label");
                    if (!at(TokenKind.LOOP) && !at(TokenKind.WHILE) && !at(TokenKind.FOR)) {
                        throw error(ErrorCode.E1004, peek().span(), "expected `loop`, `while` or `for` after a label, found " + describe(peek()));
                    }
                    Expr loop = loopExpr(t.text());
                    return loop;
                }
                case WHILE, LOOP, FOR -> { return loopExpr(null); }
                case MATCH -> { return matchExpr(); }
                case BREAK -> {
                    advance();
                    String label = at(TokenKind.LABEL) ? advance().text() : null;
                    Expr value = startsValue() ? expr() : null;
                    return new Expr.Break(label, value, value == null ? t.span().to(prev().span()) : t.span().to(value.span()));
                }
                case CONTINUE -> {
                    advance();
                    String label = at(TokenKind.LABEL) ? advance().text() : null;
                    return new Expr.Continue(label, t.span().to(prev().span()));
                }
                case RETURN -> {
                    advance();
                    Expr value = startsValue() ? expr() : null;
                    return new Expr.Return(value, value == null ? t.span() : t.span().to(value.span()));
                }
                default -> throw error(ErrorCode.E1004, t.span(), "expected an expression, found " + describe(t));
            }
        } finally {
            depth--;
        }
    }

    /**
     * `|a, b| body`, `|x: i64| -> i64 { ... }`, `|| body`. A parameter that is a pattern
     * other than a name, `|(i, x)| ...`, becomes a hidden name and a `let` of the pattern
     * at the top of the body (so it must always match), as in `for`.
     */
    private Expr closure() {
        Token open = advance();
        List<Expr.ClosureParam> params = new ArrayList<>();
        List<Stmt> unpack = new ArrayList<>();
        if (open.kind() == TokenKind.PIPE) {
            while (!at(TokenKind.PIPE) && !at(TokenKind.EOF)) {
                Pattern p = singlePattern();
                TypeExpr type = eat(TokenKind.COLON) ? type() : null;
                if (p instanceof Pattern.Binding b && b.subpattern() == null) {
                    params.add(new Expr.ClosureParam(b.name(), b.span(), b.mutable(), type));
                } else {
                    String hidden = "arg#" + p.span().start();
                    params.add(new Expr.ClosureParam(hidden, p.span(), false, type));
                    unpack.add(new Stmt.LetPattern(p, null, new Expr.Path(List.of(hidden), p.span()), p.span()));
                }
                if (!eat(TokenKind.COMMA)) break;
            }
            expect(TokenKind.PIPE, "`|` to close the closure's parameters");
        }
        TypeExpr result = null;
        Expr body;
        if (eat(TokenKind.ARROW)) {
            result = type();
            if (!at(TokenKind.LBRACE)) throw error(ErrorCode.E1004, peek().span(), "expected `{` after the closure's return type, found " + describe(peek()),
                    "help: a closure with a return type needs a block body: `|x| -> i64 { x + 1 }`");
            body = block();
        } else {
            body = expr();
        }
        if (!unpack.isEmpty()) body = new Expr.Block(List.copyOf(unpack), body, body.span());
        return new Expr.Closure(List.copyOf(params), result, body, open.span().to(body.span()));
    }

    /** `[a, b, c]` (possibly empty, trailing comma allowed) or `[value; count]`. */
    private Expr arrayLiteral() {
        Token open = advance();
        boolean saved = noStructLiteral;
        noStructLiteral = false;
        try {
            List<Expr> elements = new ArrayList<>();
            if (!at(TokenKind.RBRACKET)) {
                Expr first = expr();
                if (eat(TokenKind.SEMI)) {
                    Expr count = expr();
                    Token close = expect(TokenKind.RBRACKET, "`]` to close the array");
                    return new Expr.ArrayRepeat(first, count, open.span().to(close.span()));
                }
                elements.add(first);
                while (eat(TokenKind.COMMA) && !at(TokenKind.RBRACKET)) elements.add(expr());
            }
            Token close = expect(TokenKind.RBRACKET, "`]` or `,` in the array");
            return new Expr.ArrayLit(List.copyOf(elements), open.span().to(close.span()));
        } finally {
            noStructLiteral = saved;
        }
    }

    private Expr matchExpr() {
        Token t = advance();
        Expr scrutinee = condition();
        expect(TokenKind.LBRACE, "`{` to start the match arms");
        List<Expr.Arm> arms = new ArrayList<>();
        while (!at(TokenKind.RBRACE) && !at(TokenKind.EOF)) {
            Pattern pattern = pattern();
            Expr guard = eat(TokenKind.IF) ? expr() : null;
            expect(TokenKind.FAT_ARROW, "`=>` after the pattern");
            // As in statements, a block-like body ends the arm at its closing brace, so the
            // comma after it is optional: `0 => { .. } (a, b) => ..` is two arms.
            boolean blockLike = startsBlockLike();
            Expr body = blockLike ? primary() : exprWithAssign();
            arms.add(new Expr.Arm(pattern, guard, body, pattern.span().to(body.span())));
            if (!eat(TokenKind.COMMA) && !blockLike && !at(TokenKind.RBRACE)) {
                missing("`,` after the match arm");
                throw new Bail();
            }
        }
        Token close = expect(TokenKind.RBRACE, "`}` to close the match");
        return new Expr.Match(scrutinee, List.copyOf(arms), t.span().to(close.span()));
    }

    /** `while`, `loop` or `for`, with the label written before it (or null). */
    private Expr loopExpr(String label) {
        Token t = advance();
        switch (t.kind()) {
            case WHILE -> {
                if (eat(TokenKind.LET)) {
                    Pattern pattern = pattern();
                    expect(TokenKind.EQ, "`=` after the pattern of `while let`");
                    Expr value = condition();
                    Expr.Block body = block();
                    return new Expr.WhileLet(label, pattern, value, body, t.span().to(body.span()));
                }
                Expr cond = condition();
                Expr.Block body = block();
                return new Expr.While(label, cond, body, t.span().to(body.span()));
            }
            case LOOP -> {
                Expr.Block body = block();
                return new Expr.Loop(label, body, t.span().to(body.span()));
            }
            default -> {
                boolean simple = at(TokenKind.IDENT) && peekAt(1, TokenKind.IN) || at(TokenKind.MUT) && peekAt(1, TokenKind.IDENT) && peekAt(2, TokenKind.IN);
                if (!simple) {
                    // `for (a, b) in xs { body }` is `for x in xs { let (a, b) = x; body }`,
                    // with a name no program can write, so the pattern must always match.
                    Pattern pattern = pattern();
                    expect(TokenKind.IN, "`in`");
                    Expr iterable = condition();
                    Expr.Block body = block();
                    String hidden = "for#" + pattern.span().start();
                    Stmt let = new Stmt.LetPattern(pattern, null, new Expr.Path(List.of(hidden), pattern.span()), pattern.span());
                    List<Stmt> stmts = new ArrayList<>();
                    stmts.add(let);
                    stmts.addAll(body.stmts());
                    Expr.Block wrapped = new Expr.Block(List.copyOf(stmts), body.tail(), body.span());
                    return new Expr.For(label, hidden, pattern.span(), false, iterable, wrapped, t.span().to(body.span()));
                }
                boolean mutable = eat(TokenKind.MUT);
                Token var = expect(TokenKind.IDENT, "a variable name after `for`");
                expect(TokenKind.IN, "`in`");
                Expr iterable = condition();
                Expr.Block body = block();
                return new Expr.For(label, var.text(), var.span(), mutable, iterable, body, t.span().to(body.span()));
            }
        }
    }

    /** Call arguments up to (not including) the closing parenthesis. */
    private List<Expr> arguments() {
        boolean saved = noStructLiteral;
        noStructLiteral = false;
        try {
            List<Expr> args = new ArrayList<>();
            while (!at(TokenKind.RPAREN) && !at(TokenKind.EOF)) {
                args.add(expr());
                if (!eat(TokenKind.COMMA)) break;
            }
            return List.copyOf(args);
        } finally {
            noStructLiteral = saved;
        }
    }

    /** After `(`: a parenthesized expression or a tuple. */
    private Expr parenthesized(Token open) {
        Expr first = exprWithAssign();
        if (!at(TokenKind.COMMA)) {
            expect(TokenKind.RPAREN, "`)`");
            return first;
        }
        List<Expr> elements = new ArrayList<>(List.of(first));
        while (eat(TokenKind.COMMA) && !at(TokenKind.RPAREN)) elements.add(expr());
        Token close = expect(TokenKind.RPAREN, "`)` or `,` in the tuple");
        return new Expr.Tuple(List.copyOf(elements), open.span().to(close.span()));
    }

    /** After `return` or `break`: does an operand follow? */
    private boolean startsValue() {
        return switch (peek().kind()) {
            case SEMI, RBRACE, RPAREN, COMMA, EOF -> false;
            default -> true;
        };
    }

    /**
     * In `if`, `while` and `match` heads a `{` starts the body, not a struct literal (as in
     * Rust: write `if p == (Point { x: 1, y: 2 }) { ... }`). Parentheses and blocks lift it.
     */
    private boolean noStructLiteral;

    private Expr condition() {
        boolean saved = noStructLiteral;
        noStructLiteral = true;
        try {
            return expr();
        } finally {
            noStructLiteral = saved;
        }
    }

    /** `Name {` followed by `}`, `ident :`, `ident ,` or `ident }` is a struct literal. */
    private boolean looksLikeStructLiteral() {
        if (peekAt(1, TokenKind.RBRACE)) return true;
        return peekAt(1, TokenKind.IDENT) && (peekAt(2, TokenKind.COLON) || peekAt(2, TokenKind.COMMA) || peekAt(2, TokenKind.RBRACE));
    }

    private Expr structLiteral(Expr.Path path) {
        expect(TokenKind.LBRACE, "`{`");
        boolean saved = noStructLiteral;
        noStructLiteral = false;
        List<Expr.FieldInit> fields = new ArrayList<>();
        try {
            while (!at(TokenKind.RBRACE) && !at(TokenKind.EOF)) {
                Token name = expect(TokenKind.IDENT, "a field name");
                Expr value = eat(TokenKind.COLON) ? expr() : new Expr.Path(List.of(name.text()), name.span());
                fields.add(new Expr.FieldInit(name.text(), name.span(), value));
                if (!eat(TokenKind.COMMA)) break;
            }
        } finally {
            noStructLiteral = saved;
        }
        Token close = expect(TokenKind.RBRACE, "`}` or `,` in the struct literal");
        return new Expr.StructLit(path, List.copyOf(fields), path.span().to(close.span()));
    }

    private Expr ifExpr() {
        Token t = advance();
        if (eat(TokenKind.LET)) {
            Pattern pattern = pattern();
            expect(TokenKind.EQ, "`=` after the pattern of `if let`");
            Expr value = condition();
            Expr.Block then = block();
            Expr otherwise = null;
            if (eat(TokenKind.ELSE)) otherwise = at(TokenKind.IF) ? ifExpr() : block();
            return new Expr.IfLet(pattern, value, then, otherwise, t.span().to(otherwise == null ? then.span() : otherwise.span()));
        }
        Expr cond = condition();
        Expr.Block then = block();
        Expr otherwise = null;
        if (eat(TokenKind.ELSE)) {
            otherwise = at(TokenKind.IF) ? ifExpr() : block();
        }
        return new Expr.If(cond, then, otherwise, t.span().to(otherwise == null ? then.span() : otherwise.span()));
    }

    // ---- modules: `use`, `mod`, `type` ----------------------------------------------

    /**
     * `use` and `mod` are keywords only where a declaration can start (a variable may still
     * be called `mod`): `use` before a path, `mod` before a name.
     */
    private boolean atModuleKeyword(Token t, int ahead) {
        if (t.kind() != TokenKind.IDENT) return false;
        int next = pos + ahead;
        if (next >= tokens.size()) return false;
        TokenKind k = tokens.get(next).kind();
        if (t.text().equals("use")) return k == TokenKind.IDENT || k == TokenKind.SELF_VALUE || k == TokenKind.LBRACE;
        return t.text().equals("mod") && k == TokenKind.IDENT;
    }

    /** A `use`, `mod` or `type` declaration (possibly `pub`); false when an ordinary item comes next. */
    private boolean moduleDeclaration(List<Token> derived, List<Declarations.Mod> mods, List<Declarations.Use> uses, List<Declarations.Alias> aliases) {
        int ahead = at(TokenKind.PUB) ? 1 + restrictionLength() : 0;
        if (pos + ahead >= tokens.size()) return false;
        Token t = tokens.get(pos + ahead);
        boolean alias = t.kind() == TokenKind.TYPE;
        if (!alias && !atModuleKeyword(t, ahead + 1)) return false;
        for (Token d : derived) report(ErrorCode.E1107, d.span(), "`derive` applies to structs and enums only");
        boolean pub = visibility();
        if (alias) aliases.add(typeAlias(pub));
        else if (t.text().equals("use")) useDeclaration(pub, uses);
        else mods.add(modDeclaration(pub));
        return true;
    }

    /**
     * `pub`, or `pub(crate)`, which is the same while a program is one package; true when
     * either was there. `pub(super)`, `pub(self)` and `pub(in path)` are not supported.
     */
    private boolean visibility() {
        if (!at(TokenKind.PUB)) return false;
        Token pub = advance();
        int n = restrictionLength();
        if (n == 0) return true;
        Token what = tokens.get(pos + 1);
        if (what.text().equals("crate")) {
            pos += n;
            return true;
        }
        throw error(ErrorCode.E1004, pub.span().to(tokens.get(pos + n - 1).span()), "`pub(" + what.text() + (n > 3 ? " ..." : "") + ")` is not supported yet",
                "help: write `pub` (or `pub(crate)`) to make it visible in the whole package, or leave it private to its module");
    }

    /** The length of the `(crate)`, `(super)`, `(self)` or `(in path)` after a `pub`, or 0. */
    private int restrictionLength() {
        int at = pos + (at(TokenKind.PUB) ? 1 : 0);
        if (at + 2 >= tokens.size() || tokens.get(at).kind() != TokenKind.LPAREN) return 0;
        Token t = tokens.get(at + 1);
        boolean word = t.kind() == TokenKind.SELF_VALUE || t.kind() == TokenKind.IDENT && (t.text().equals("crate") || t.text().equals("super"));
        if (word && tokens.get(at + 2).kind() == TokenKind.RPAREN) return 3;
        if (t.kind() == TokenKind.IN) {
            for (int i = at + 2; i < tokens.size() && tokens.get(i).kind() != TokenKind.EOF; i++) {
                TokenKind k = tokens.get(i).kind();
                if (k == TokenKind.RPAREN) return i - at + 1;
                if (k != TokenKind.IDENT && k != TokenKind.PATH_SEP && k != TokenKind.SELF_VALUE) return 0;
            }
        }
        return 0;
    }

    /** `mod name;` (the module is in its own file) or `mod name { items }`. */
    private Declarations.Mod modDeclaration(boolean pub) {
        Token kw = advance();
        Token name = expect(TokenKind.IDENT, "the module's name");
        if (eat(TokenKind.SEMI)) return new Declarations.Mod(name.text(), name.span(), pub, null, kw.span().to(prev().span()));
        expect(TokenKind.LBRACE, "`;` or `{` after the module's name");
        enterNested();
        try {
            Module body = moduleBody(name.text(), true);
            Token close = expect(TokenKind.RBRACE, "`}` to close module `" + name.text() + "`");
            return new Declarations.Mod(name.text(), name.span(), pub, body, kw.span().to(close.span()));
        } finally {
            depth--;
        }
    }

    /** `use path;`, `use path as name;`, `use path::{a, b::c as d, self};`, `use path::*;`, flattened. */
    private void useDeclaration(boolean pub, List<Declarations.Use> out) {
        Token kw = advance();
        useTree(List.of(), false, pub, kw.span(), out);
        expect(TokenKind.SEMI, "`;` after the `use` declaration");
    }

    private void useTree(List<Declarations.Ident> prefix, boolean inGroup, boolean pub, Span start, List<Declarations.Use> out) {
        enterNested();
        try {
            List<Declarations.Ident> path = new ArrayList<>(prefix);
            while (true) {
                if (at(TokenKind.LBRACE)) {
                    advance();
                    while (!at(TokenKind.RBRACE) && !at(TokenKind.EOF)) {
                        useTree(path, true, pub, start, out);
                        if (!eat(TokenKind.COMMA)) break;
                    }
                    expect(TokenKind.RBRACE, "`}` or `,` in the `use` group");
                    return;
                }
                if (at(TokenKind.STAR) && !path.isEmpty()) {
                    out.add(new Declarations.Use(List.copyOf(path), null, true, pub, start.to(advance().span())));
                    return;
                }
                Token seg = at(TokenKind.SELF_VALUE) ? advance() : expect(TokenKind.IDENT, "a module or item name in the `use` path");
                Declarations.Ident id = new Declarations.Ident(seg.text(), seg.span());
                if (eat(TokenKind.PATH_SEP)) {
                    path.add(id);
                    continue;
                }
                if (seg.kind() == TokenKind.SELF_VALUE && path.isEmpty()) {
                    throw error(ErrorCode.E0431, seg.span(), "`self` import can only appear in an import list with a non-empty prefix");
                }
                if (seg.kind() == TokenKind.SELF_VALUE && !inGroup) {
                    throw error(ErrorCode.E0429, seg.span(), "`self` imports are only allowed within a { } list",
                            "help: import the module itself: `use " + String.join("::", path.stream().map(Declarations.Ident::name).toList()) + ";`");
                }
                if (seg.kind() != TokenKind.SELF_VALUE) path.add(id);
                Declarations.Ident alias = null;
                if (eat(TokenKind.AS)) {
                    Token a = expect(TokenKind.IDENT, "a name after `as`");
                    alias = new Declarations.Ident(a.text(), a.span());
                } else if (seg.kind() == TokenKind.SELF_VALUE) {
                    alias = new Declarations.Ident(path.get(path.size() - 1).name(), seg.span());
                }
                out.add(new Declarations.Use(List.copyOf(path), alias, false, pub, start.to(prev().span())));
                return;
            }
        } finally {
            depth--;
        }
    }

    /** `type Name<T> = Type;` at module level. */
    private Declarations.Alias typeAlias(boolean pub) {
        Token kw = advance();
        Token name = expect(TokenKind.IDENT, "the type alias's name");
        List<Item.TypeParam> params = typeParams();
        expect(TokenKind.EQ, "`=` and the type");
        TypeExpr type = type();
        Token semi = expect(TokenKind.SEMI, "`;` after the type alias");
        return new Declarations.Alias(name.text(), name.span(), params, type, pub, kw.span().to(semi.span()));
    }

    // ---- token helpers and recovery ---------------------------------------------------

    private Token peek() { return tokens.get(pos); }
    private Token prev() { return tokens.get(Math.max(0, pos - 1)); }
    private boolean at(TokenKind k) { return peek().kind() == k; }

    private Token advance() {
        Token t = peek();
        if (t.kind() != TokenKind.EOF) pos++;
        return t;
    }

    private boolean eat(TokenKind k) {
        if (!at(k)) return false;
        advance();
        return true;
    }

    private Token expect(TokenKind k, String what) {
        if (at(k)) return advance();
        missing(what);
        throw new Bail();
    }

    /** Reports that something expected is absent, pointing just after the previous token. */
    private void missing(String what) {
        Token t = peek();
        Span where = t.kind() == TokenKind.EOF || (pos > 0 && prev().span().line() != t.span().line())
                ? new Span(file, prev().span().end(), prev().span().end()) : t.span();
        report(ErrorCode.E1004, where, "expected " + what + ", found " + describe(t));
    }

    private Bail error(ErrorCode code, Span span, String message, String... notes) {
        report(code, span, message, notes);
        return new Bail();
    }

    /**
     * Reports a syntax error unless it is most likely a consequence of an earlier one: an
     * error on a line where the lexer already complained (a bad character, an unterminated
     * literal), or one at the end of the file after any earlier error (an unterminated
     * string or block swallows the rest of the file).
     */
    private void report(ErrorCode code, Span span, String message, String... notes) {
        if (diags.hasErrors() && span.start() >= file.text().length()) return;
        if (lexErrorLines.contains(span.line())) return;
        diags.error(code, span, message, notes);
    }

    private static String describe(Token t) {
        return switch (t.kind()) {
            case IDENT -> "identifier `" + t.text() + "`";
            case INT -> "integer literal";
            case LABEL -> "label `'" + t.text() + "`";
            case FLOAT -> "float literal";
            case CHAR -> "character literal";
            case STRING -> "string literal";
            default -> t.kind().description;
        };
    }

    private void skipToStatementEnd() {
        int depth = 0;
        while (!at(TokenKind.EOF)) {
            TokenKind k = peek().kind();
            if (depth == 0 && k == TokenKind.SEMI) { advance(); return; }
            if (depth == 0 && (k == TokenKind.RBRACE || k == TokenKind.LET || k == TokenKind.FN)) return;
            if (k == TokenKind.LBRACE) depth++;
            if (k == TokenKind.RBRACE) depth--;
            advance();
        }
    }

    private void skipToNextItem() {
        while (!at(TokenKind.EOF) && !at(TokenKind.FN) && !at(TokenKind.EXTERN) && !at(TokenKind.STRUCT) && !at(TokenKind.CLASS) && !at(TokenKind.IMPL) && !at(TokenKind.ENUM)
                && !at(TokenKind.CONST) && !at(TokenKind.STATIC) && !atModuleKeyword(peek(), 1)) advance();
    }
}

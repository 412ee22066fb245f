package tlang.midend.lower;

import tlang.frontend.ast.Expr;
import tlang.frontend.ast.Pattern;
import tlang.frontend.check.CheckedProgram;
import tlang.frontend.check.Symbol;
import tlang.frontend.types.Type;
import tlang.midend.RuntimeAbi;
import tlang.midend.tir.Block;
import tlang.midend.tir.Inst;
import tlang.midend.tir.Terminator;
import tlang.midend.tir.TirType;
import tlang.midend.tir.Value;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Lowers pattern tests: given where a value lives and a pattern, emits the checks that
 * branch to a failure block when the value does not match, and stores the matched parts
 * into the pattern's variables. The value stays in memory (a slot) and each test reads
 * just what it looks at, so an enum's payload is only read once its tag has matched.
 *
 * <p>Addresses are recomputed in the block that uses them ({@link Place}): TIR temps do
 * not cross blocks, and every test may start a new block.
 *
 * <p>A `match` is compiled into a decision tree by {@link MatchCompiler}; this class turns
 * its patterns into the compiler's ({@link #pat}) and emits the tree's tests and bindings
 * ({@link #switchOn}, {@link #test(MatchCompiler.Test, Located, Block, Block)},
 * {@link #bind}). `if let`, `while let` and `let` test their one pattern directly
 * ({@link #test(Pattern, Place, Type, Block)}).
 */
final class PatternLowering {
    private final AstToTir lowering;
    private final CheckedProgram program;

    PatternLowering(AstToTir lowering, CheckedProgram program) {
        this.lowering = lowering;
        this.program = program;
    }

    /** A value's location: a root address and the struct fields to step through. */
    record Place(Value root, List<Step> steps) {
        /** A field of the struct at the address so far; with a null type, a load of the pointer there (a class reference). */
        record Step(TirType.Struct type, int index) {}

        /** The object a class reference at this place points to. */
        Place deref() {
            List<Step> s = new ArrayList<>(steps);
            s.add(new Step(null, -1));
            return new Place(root, List.copyOf(s));
        }

        Place field(TirType.Struct type, int index) {
            List<Step> s = new ArrayList<>(steps);
            s.add(new Step(type, index));
            return new Place(root, List.copyOf(s));
        }
    }

    private FunctionBuilder fb() { return lowering.builder(); }

    private Value address(Place p) {
        Value a = p.root();
        for (Place.Step s : p.steps()) {
            a = s.type() == null ? fb().add(new Inst.Load(fb().temp(TirType.PTR), a, TirType.PTR))
                    : fb().add(new Inst.FieldAddr(fb().temp(TirType.PTR), a, s.type(), s.index()));
        }
        return a;
    }

    private Value load(Place p, TirType t) {
        return fb().add(new Inst.Load(fb().temp(t), address(p), t));
    }

    /** Continues in a new block when {@code ok} holds, else goes to {@code fail}. */
    private void require(Value ok, Block fail) {
        Block next = fb().newBlock();
        fb().branch(ok, next, fail);
        fb().switchTo(next);
    }

    void test(Pattern p, Place place, Type type, Block fail) {
        if (program.patternTargets().get(p) instanceof Symbol.Constant k) {
            TirType t = AstToTir.tirType(type);
            Value v = load(place, t);
            Value c = AstToTir.constant(k);
            Value ok = t == TirType.STR ? lowering.stringsEqualTo(v, c) : fb().add(new Inst.Compare(fb().temp(TirType.BOOL), Inst.CmpOp.EQ, v, c));
            require(ok, fail);
            return;
        }
        switch (p) {
            case Pattern.Wildcard w -> {}
            case Pattern.Binding b -> {
                if (program.patternTargets().get(b) instanceof Symbol.StructCtor) return; // a unit struct always matches
                if (program.patternTargets().get(b) instanceof Symbol.VariantCtor v) { // `None`: a unit variant of the prelude
                    tag(v.index(), (Type.Enum) type, place, fail);
                    return;
                }
                Symbol.Local local = program.patternBindings().get(b);
                Value.Temp slot = lowering.slotFor(local);
                if (slot != null) {
                    TirType t = AstToTir.tirType(type);
                    fb().add(new Inst.Store(slot, load(place, t)));
                }
                if (b.subpattern() != null) test(b.subpattern(), place, type, fail);
            }
            case Pattern.Literal l -> {
                TirType t = AstToTir.tirType(type);
                Value v = load(place, t);
                Value ok;
                if (t == TirType.STR) {
                    ok = lowering.stringsEqualTo(v, new Value.StrConst(((Expr.StrLit) l.value()).value()));
                } else {
                    ok = fb().add(new Inst.Compare(fb().temp(TirType.BOOL), Inst.CmpOp.EQ, v, constant(l.value(), t)));
                }
                require(ok, fail);
            }
            case Pattern.Range r -> {
                TirType t = AstToTir.tirType(type);
                Value low = fb().add(new Inst.Compare(fb().temp(TirType.BOOL), Inst.CmpOp.GE, load(place, t), constant(r.low(), t)));
                require(low, fail);
                Inst.CmpOp op = r.inclusive() ? Inst.CmpOp.LE : Inst.CmpOp.LT;
                Value high = fb().add(new Inst.Compare(fb().temp(TirType.BOOL), op, load(place, t), constant(r.high(), t)));
                require(high, fail);
            }
            case Pattern.Tuple tu -> {
                if (!(type instanceof Type.Tuple tt)) return; // `()` against the unit value always matches
                TirType.Struct st = (TirType.Struct) AstToTir.tirType(type);
                elements(tu.elements(), tu.restAt(), tt.elements(), place, st, fail);
            }
            case Pattern.Path path -> {
                if (program.patternTargets().get(p) instanceof Symbol.VariantCtor v) tag(v.index(), (Type.Enum) type, place, fail);
            }
            case Pattern.TupleStruct ts -> {
                Symbol target = program.patternTargets().get(p);
                // The scrutinee's type, not the symbol's: in a generic function only it is concrete.
                if (target instanceof Symbol.VariantCtor v) {
                    Type.Enum en = (Type.Enum) type;
                    Place payload = tag(v.index(), en, place, fail);
                    elements(ts.elements(), ts.restAt(), en.variants().get(v.index()).fieldTypes(), payload, EnumLayout.of(en).variants().get(v.index()), fail);
                } else if (target instanceof Symbol.StructCtor) {
                    Type.Struct s = (Type.Struct) type;
                    elements(ts.elements(), ts.restAt(), s.fieldTypes(), place, (TirType.Struct) AstToTir.tirType(s), fail);
                }
            }
            case Pattern.Struct st -> {
                Symbol target = program.patternTargets().get(p);
                List<String> names;
                List<Type> fieldTypes;
                Place base;
                TirType.Struct layout;
                if (target instanceof Symbol.VariantCtor v) {
                    Type.Enum en = (Type.Enum) type;
                    base = tag(v.index(), en, place, fail);
                    names = en.variants().get(v.index()).fieldNames();
                    fieldTypes = en.variants().get(v.index()).fieldTypes();
                    layout = EnumLayout.of(en).variants().get(v.index());
                } else {
                    Type.Struct s = (Type.Struct) type;
                    base = place;
                    names = s.fieldNames();
                    fieldTypes = s.fieldTypes();
                    layout = (TirType.Struct) AstToTir.tirType(s);
                }
                for (Pattern.FieldPattern fp : st.fields()) {
                    int i = names.indexOf(fp.name());
                    test(fp.pattern(), base.field(layout, i), fieldTypes.get(i), fail);
                }
            }
            case Pattern.Or or -> {
                Block matched = fb().newBlock();
                List<Pattern> alts = or.alternatives();
                for (int i = 0; i < alts.size(); i++) {
                    boolean last = i == alts.size() - 1;
                    Block next = last ? fail : fb().newBlock();
                    test(alts.get(i), place, type, next);
                    fb().jumpTo(matched);
                    if (!last) fb().switchTo(next);
                }
                fb().switchTo(matched);
            }
        }
    }

    private void elements(List<Pattern> elements, int restAt, List<Type> types, Place place, TirType.Struct layout, Block fail) {
        int n = types.size();
        int before = restAt < 0 ? elements.size() : restAt;
        for (int i = 0; i < before; i++) test(elements.get(i), place.field(layout, i), types.get(i), fail);
        for (int i = before; i < elements.size(); i++) {
            int index = n - (elements.size() - i);
            test(elements.get(i), place.field(layout, index), types.get(index), fail);
        }
    }

    /** Checks the tag of an enum value; returns where the variant's payload is. */
    private Place tag(int index, Type.Enum type, Place place, Block fail) {
        EnumLayout layout = EnumLayout.of(type);
        require(layout.is(fb(), address(place), index), fail);
        return layout.payloadField(place);
    }

    /** The value of a literal in a pattern, as a constant of the scrutinee's type. */
    private Value constant(Expr e, TirType t) {
        return switch (e) {
            case Expr.BoolLit b -> new Value.BoolConst(b.value());
            default -> {
                BigInteger v = switch (e) {
                    case Expr.IntLit i -> i.value();
                    case Expr.CharLit c -> BigInteger.valueOf(c.codePoint());
                    case Expr.Unary u -> ((Expr.IntLit) u.operand()).value().negate();
                    case Expr.Path p when program.resolutions().get(p) instanceof Symbol.Constant k -> k.integer();
                    default -> throw new IllegalStateException("not a pattern literal: " + e);
                };
                yield new Value.IntConst(t, v.longValue());
            }
        };
    }

    // ---- decision trees ---------------------------------------------------------------

    /** A sub-value of the scrutinee: where it is and its type. */
    record Located(Place place, Type type) {}

    /**
     * The lowering's part of a {@link MatchCompiler.Shape}: the fields' layout and types,
     * and for a variant the enum's layout (where its payload is).
     */
    private record Fields(EnumLayout enumLayout, TirType.Struct layout, List<Type> types) {}

    /** Where the value at {@code occ} lives, given the scrutinee's place. */
    Located locate(MatchCompiler.Occ occ, Located root) {
        if (occ.parent() == null) return root;
        Located parent = locate(occ.parent(), root);
        Fields f = (Fields) occ.via().info();
        Place base = f.enumLayout() == null ? parent.place() : f.enumLayout().payloadField(parent.place());
        return new Located(base.field(f.layout(), occ.index()), f.types().get(occ.index()));
    }

    /** A checked pattern of type {@code type} as the match compiler's. */
    MatchCompiler.Pat pat(Pattern p, Type type) {
        if (program.patternTargets().get(p) instanceof Symbol.Constant k) {
            Object v = k.value();
            return new MatchCompiler.Lit(v instanceof Integer c ? BigInteger.valueOf(c) : v);
        }
        return switch (p) {
            case Pattern.Wildcard w -> MatchCompiler.WILD;
            case Pattern.Binding b -> {
                Symbol target = program.patternTargets().get(b);
                if (target instanceof Symbol.StructCtor) yield MatchCompiler.WILD; // a unit struct
                if (target instanceof Symbol.VariantCtor v) yield variant(v.index(), (Type.Enum) type, List.of(), -1);
                MatchCompiler.Pat sub = b.subpattern() == null ? MatchCompiler.WILD : pat(b.subpattern(), type);
                Symbol.Local local = program.patternBindings().get(b);
                yield local == null ? sub : new MatchCompiler.Bind(local, sub);
            }
            case Pattern.Literal l -> new MatchCompiler.Lit(switch (l.value()) {
                case Expr.StrLit s -> s.value();
                case Expr.BoolLit bl -> bl.value();
                default -> integer(l.value());
            });
            case Pattern.Range r -> new MatchCompiler.Range(integer(r.low()), integer(r.high()), r.inclusive());
            case Pattern.Tuple tu -> {
                if (!(type instanceof Type.Tuple tt)) yield MatchCompiler.WILD; // `()`
                yield product(tu.elements(), tu.restAt(), tt.elements(), (TirType.Struct) AstToTir.tirType(type));
            }
            case Pattern.Path path -> program.patternTargets().get(p) instanceof Symbol.VariantCtor v
                    ? variant(v.index(), (Type.Enum) type, List.of(), -1) : MatchCompiler.WILD;
            case Pattern.TupleStruct ts -> {
                Symbol target = program.patternTargets().get(p);
                if (target instanceof Symbol.VariantCtor v) yield variant(v.index(), (Type.Enum) type, ts.elements(), ts.restAt());
                Type.Struct s = (Type.Struct) type;
                yield product(ts.elements(), ts.restAt(), s.fieldTypes(), (TirType.Struct) AstToTir.tirType(s));
            }
            case Pattern.Struct st -> {
                Symbol target = program.patternTargets().get(p);
                List<String> names;
                List<Type> types;
                if (target instanceof Symbol.VariantCtor v) {
                    Type.Variant variant = ((Type.Enum) type).variants().get(v.index());
                    names = variant.fieldNames();
                    types = variant.fieldTypes();
                } else {
                    names = ((Type.Struct) type).fieldNames();
                    types = ((Type.Struct) type).fieldTypes();
                }
                List<MatchCompiler.Pat> args = new ArrayList<>(java.util.Collections.nCopies(types.size(), MatchCompiler.WILD));
                for (Pattern.FieldPattern fp : st.fields()) {
                    int i = names.indexOf(fp.name());
                    args.set(i, pat(fp.pattern(), types.get(i)));
                }
                if (target instanceof Symbol.VariantCtor v) yield variantOf(v.index(), (Type.Enum) type, args);
                yield new MatchCompiler.Ctor(MatchCompiler.Shape.product(types.size(),
                        new Fields(null, (TirType.Struct) AstToTir.tirType(type), types)), List.copyOf(args));
            }
            case Pattern.Or or -> new MatchCompiler.Or(or.alternatives().stream().map(a -> pat(a, type)).toList());
        };
    }

    /** Elements of a tuple pattern with `..` at {@code restAt} (or -1), one per field. */
    private List<MatchCompiler.Pat> elements(List<Pattern> elements, int restAt, List<Type> types) {
        int n = types.size();
        List<MatchCompiler.Pat> args = new ArrayList<>(java.util.Collections.nCopies(n, MatchCompiler.WILD));
        int before = restAt < 0 ? elements.size() : restAt;
        for (int i = 0; i < before; i++) args.set(i, pat(elements.get(i), types.get(i)));
        for (int i = before; i < elements.size(); i++) {
            int index = n - (elements.size() - i);
            args.set(index, pat(elements.get(i), types.get(index)));
        }
        return List.copyOf(args);
    }

    private MatchCompiler.Pat product(List<Pattern> elements, int restAt, List<Type> types, TirType.Struct layout) {
        return new MatchCompiler.Ctor(MatchCompiler.Shape.product(types.size(), new Fields(null, layout, types)), elements(elements, restAt, types));
    }

    private MatchCompiler.Pat variant(int index, Type.Enum type, List<Pattern> elements, int restAt) {
        return variantOf(index, type, elements(elements, restAt, type.variants().get(index).fieldTypes()));
    }

    private MatchCompiler.Pat variantOf(int index, Type.Enum type, List<MatchCompiler.Pat> args) {
        EnumLayout layout = EnumLayout.of(type);
        List<Type> types = type.variants().get(index).fieldTypes();
        Fields f = new Fields(layout, layout.variants().get(index), types);
        return new MatchCompiler.Ctor(new MatchCompiler.Shape(index, type.variants().size(), types.size(), f), args);
    }

    private BigInteger integer(Expr e) {
        return switch (e) {
            case Expr.IntLit i -> i.value();
            case Expr.CharLit c -> BigInteger.valueOf(c.codePoint());
            case Expr.Unary u -> ((Expr.IntLit) u.operand()).value().negate();
            case Expr.Path p when program.resolutions().get(p) instanceof Symbol.Constant k -> k.integer();
            default -> throw new IllegalStateException("not a pattern literal: " + e);
        };
    }

    /** Stores each bound part of the scrutinee in its variable's slot (without a copy: the lowering copies once the arm is chosen). */
    void bind(List<MatchCompiler.Binding> bindings, Located root) {
        for (MatchCompiler.Binding b : bindings) {
            Value.Temp slot = lowering.slotFor((Symbol.Local) b.var());
            if (slot == null) continue;
            Located at = locate(b.occ(), root);
            fb().add(new Inst.Store(slot, load(at.place(), AstToTir.tirType(at.type()))));
        }
    }

    /**
     * Ends the current block with the tests of a switch on an enum's tag: to {@code targets[i]}
     * for the i-th case, else to {@code otherwise}; with no otherwise, the last case is what
     * is left and needs no test.
     */
    void switchOn(MatchCompiler.Switch s, Located root, List<Block> targets, Block otherwise) {
        Located at = locate(s.occ(), root);
        EnumLayout layout = EnumLayout.of((Type.Enum) at.type());
        int n = targets.size();
        for (int i = 0; i < n; i++) {
            if (i == n - 1 && otherwise == null) {
                fb().terminate(new Terminator.Jump(targets.get(i).id));
                return;
            }
            Value ok = layout.is(fb(), address(at.place()), s.cases().get(i).variant().variant());
            Block next = i == n - 1 ? otherwise : fb().newBlock();
            fb().branch(ok, targets.get(i), next);
            if (i < n - 1) fb().switchTo(next);
        }
        if (n == 0) fb().terminate(new Terminator.Jump(otherwise.id));
    }

    /** Ends the current block with a literal or range test, going to {@code yes} or {@code no}. */
    void test(MatchCompiler.Test t, Located root, Block yes, Block no) {
        Located at = locate(t.occ(), root);
        TirType type = AstToTir.tirType(at.type());
        switch (t.test()) {
            case MatchCompiler.Lit l -> {
                Value v = load(at.place(), type);
                Value ok = switch (l.value()) {
                    case String s -> lowering.stringsEqualTo(v, new Value.StrConst(s));
                    case Boolean b -> fb().add(new Inst.Compare(fb().temp(TirType.BOOL), Inst.CmpOp.EQ, v, new Value.BoolConst(b)));
                    case BigInteger i -> fb().add(new Inst.Compare(fb().temp(TirType.BOOL), Inst.CmpOp.EQ, v, new Value.IntConst(type, i.longValue())));
                    default -> throw new IllegalStateException("not a pattern constant: " + l.value());
                };
                fb().branch(ok, yes, no);
            }
            case MatchCompiler.Range r -> {
                // An end at the type's own bound needs no comparison (`0..=9` of a u8, `i64::MIN..=-1`).
                TirType.Int it = (TirType.Int) type;
                BigInteger min = it.signed() ? BigInteger.ONE.shiftLeft(it.bits() - 1).negate() : BigInteger.ZERO;
                BigInteger max = (it.signed() ? BigInteger.ONE.shiftLeft(it.bits() - 1) : BigInteger.ONE.shiftLeft(it.bits())).subtract(BigInteger.ONE);
                boolean low = r.lo().compareTo(min) > 0;
                boolean high = !r.inclusive() || r.hi().compareTo(max) < 0;
                if (low) {
                    Value ok = fb().add(new Inst.Compare(fb().temp(TirType.BOOL), Inst.CmpOp.GE, load(at.place(), type), new Value.IntConst(type, r.lo().longValue())));
                    if (!high) {
                        fb().branch(ok, yes, no);
                        return;
                    }
                    require(ok, no);
                }
                if (high) {
                    Inst.CmpOp op = r.inclusive() ? Inst.CmpOp.LE : Inst.CmpOp.LT;
                    Value ok = fb().add(new Inst.Compare(fb().temp(TirType.BOOL), op, load(at.place(), type), new Value.IntConst(type, r.hi().longValue())));
                    fb().branch(ok, yes, no);
                } else {
                    fb().terminate(new Terminator.Jump(yes.id));
                }
            }
            default -> throw new IllegalStateException("not a test: " + t.test());
        }
    }
}

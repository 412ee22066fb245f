package tlang.midend.lower;

import tlang.frontend.ast.Expr;
import tlang.frontend.ast.Pattern;
import tlang.frontend.check.CheckedProgram;
import tlang.frontend.check.Symbol;
import tlang.frontend.types.Type;
import tlang.midend.RuntimeAbi;
import tlang.midend.tir.Block;
import tlang.midend.tir.Inst;
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
 * <p>Arms are tested one after another; compiling a whole `match` into one decision tree
 * is a separate midend pass to come.
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
        Value tag = load(place.field(layout.type(), 0), layout.tagType());
        Value ok = fb().add(new Inst.Compare(fb().temp(TirType.BOOL), Inst.CmpOp.EQ, tag, new Value.IntConst(layout.tagType(), index)));
        require(ok, fail);
        return place.field(layout.type(), 1);
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
}

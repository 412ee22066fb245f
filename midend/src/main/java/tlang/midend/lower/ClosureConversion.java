package tlang.midend.lower;

import tlang.frontend.ast.Expr;
import tlang.frontend.check.CheckedProgram;
import tlang.frontend.check.Symbol;
import tlang.frontend.types.Type;
import tlang.midend.Mangler;
import tlang.midend.tir.Function;
import tlang.midend.tir.Inst;
import tlang.midend.tir.Terminator;
import tlang.midend.tir.TirType;
import tlang.midend.tir.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * Closure conversion: a closure becomes a value holding what it captured and a plain
 * function for its body.
 *
 * <ul>
 * <li>The value ({@link #layout}) is a struct of the captured variables' values, in the
 * checker's capture order (first use in the body), unit-typed ones as empty structs. It is
 * built where the closure expression is evaluated ({@link #build}), copying each variable
 * then — a closure sees the values its captures had when it was made.</li>
 * <li>The body is a function ({@link #lowerBody}) taking the captured values first, then the
 * parameters; unit-typed ones are not passed, as for every T function. It borrows the
 * captures (the closure value may be called again) and owns its parameters.</li>
 * <li>It is named `enclosing::{closure@LINE:COL}` ({@link #symbol}), nested in the symbol of
 * the function instance it is written in (under {@code const} when there is none): the
 * closure of each instance of a generic function is a type and a function of its own, so
 * an adapter like {@code Map<I, F>} is monomorphized per closure and its call inlines.</li>
 * <li>Calling a closure value is a direct call of the body with the struct's fields
 * ({@link #captureArguments}, then the arguments); a capture-free closure used as a
 * {@code fn} value is the body's address.</li>
 * </ul>
 *
 * <p>Like monomorphization, this happens during lowering: which variables a closure
 * captures, and their types, are the checker's facts, and a closure body's instances are
 * requested from the {@link Monomorphizer} like any function's. The body's statements and
 * expressions are lowered by {@link AstToTir}, through the narrow {@link Lowering}.
 */
final class ClosureConversion {
    /** What lowering a closure's body needs from the lowering of statements and expressions. */
    interface Lowering {
        /** The builder of the function being lowered. */
        FunctionBuilder builder();

        /** Starts a new function: fresh per-function state, its outermost scope open. */
        void startFunction();

        /** Where {@code local} lives in the function being lowered, or null if it has no place. */
        Value address(Symbol.Local local);

        /** A new slot for {@code local}. */
        Value.Temp declareLocal(Symbol.Local local);

        /** The function's outermost scope owns {@code local} (it is dropped at the end). */
        void own(Symbol.Local local, Value.Temp slot);

        /**
         * Lowers a function body whose (concrete) result type is {@code result}, leaving its
         * scopes; returns its value.
         */
        Value body(Expr body, Type result);
    }

    private final CheckedProgram program;
    private final String moduleName;
    private final Monomorphizer mono;
    private final DropGlue glue;
    private final Lowering lowering;

    ClosureConversion(CheckedProgram program, Monomorphizer mono, DropGlue glue, Lowering lowering) {
        this.program = program;
        this.moduleName = program.module().name();
        this.mono = mono;
        this.glue = glue;
        this.lowering = lowering;
    }

    /** A closure's value: one field per captured variable, in capture order. */
    static TirType.Struct layout(Type.Closure type) {
        return new TirType.Struct(type.captures().stream().map(AstToTir::fieldTypeOf).toList());
    }

    /** The value of the closure expression {@code c}: its captured variables, copied now. */
    Value build(Expr.Closure c) {
        FunctionBuilder fb = lowering.builder();
        Type.Closure type = (Type.Closure) mono.concrete(program.typeOf(c));
        List<Value> fields = new ArrayList<>();
        for (Symbol.Local l : program.closures().get(c).captures()) {
            Type t = mono.concrete(l.type());
            TirType tt = AstToTir.tirType(t);
            Value address = lowering.address(l);
            fields.add(tt == TirType.UNIT || address == null ? new Value.ZeroConst(AstToTir.EMPTY)
                    : glue.copy(fb, fb.add(new Inst.Load(fb.temp(tt), address, tt)), t));
        }
        return fb.add(new Inst.MakeStruct(fb.temp(AstToTir.tirType(type)), fields));
    }

    /**
     * The symbol of the body of a closure of (concrete) {@code type}: nested in the symbol of
     * the instance of the function it is written in.
     */
    String symbol(Type.Closure type) {
        Expr.Closure c = type.def().expr;
        Symbol.Function enclosing = program.closures().get(c).enclosing();
        String outer = enclosing == null ? Mangler.function(moduleName, "const") : mono.bodySymbol(enclosing, type.outerArgs());
        return Mangler.nested(outer, "{closure@" + c.span().line() + ":" + c.span().column() + "}");
    }

    /** The symbol of a closure's body for its (concrete) type; schedules the body for lowering if new. */
    String request(Type.Closure type) {
        Symbol.Function enclosing = program.closures().get(type.def().expr).enclosing();
        return mono.requestClosure(symbol(type), enclosing, type.outerArgs(), type);
    }

    /**
     * The leading arguments of a call of a closure value: its captured values, read out of
     * the struct (unit-typed ones are not passed).
     */
    static List<Value> captureArguments(FunctionBuilder fb, Value closure, Type.Closure type) {
        List<Value> args = new ArrayList<>();
        for (int i = 0; i < type.captures().size(); i++) {
            TirType t = AstToTir.tirType(type.captures().get(i));
            if (t != TirType.UNIT) args.add(fb.add(new Inst.ExtractField(fb.temp(t), closure, i)));
        }
        return args;
    }

    /**
     * A closure's body as a function, for the instance the {@link Monomorphizer} made
     * current: its captured values come first, then its parameters (unit-typed ones are
     * not passed), each stored in a slot like any local.
     */
    Function lowerBody(Monomorphizer.Instance in) {
        Type.Closure type = in.closure();
        Expr.Closure c = type.def().expr;
        CheckedProgram.Closure info = program.closures().get(c);
        lowering.startFunction();
        FunctionBuilder fb = lowering.builder();
        List<TirType> paramTypes = new ArrayList<>();
        List<Symbol.Local> incoming = new ArrayList<>(info.captures());
        incoming.addAll(info.params());
        for (Symbol.Local l : incoming) {
            TirType t = AstToTir.tirType(mono.concrete(l.type()));
            if (t == TirType.UNIT) continue;
            Value.Param value = new Value.Param(paramTypes.size(), t);
            paramTypes.add(t);
            Value.Temp slot = lowering.declareLocal(l);
            fb.add(new Inst.Store(slot, value));
            // The captures are borrowed from the closure value (it may be called again);
            // the parameters are the body's own.
            if (!info.captures().contains(l)) lowering.own(l, slot);
        }
        // The closure's type is already concrete: its result needs no substitution.
        TirType result = AstToTir.tirType(type.result());
        Value v = lowering.body(c.body(), type.result());
        fb.terminate(new Terminator.Return(result == TirType.UNIT ? null : v));
        return fb.finish(in.symbol(), Mangler.demangle(in.symbol()), paramTypes, result, type.result() == Type.NEVER);
    }
}

package tlang.midend.lower;

import tlang.frontend.ast.Expr;
import tlang.frontend.check.CheckedProgram;
import tlang.frontend.check.Symbol;
import tlang.frontend.check.TraitEnv;
import tlang.frontend.types.Type;
import tlang.frontend.types.Types;
import tlang.midend.Mangler;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Monomorphization: which function instances exist, with which concrete type arguments,
 * named how, and which are still to be lowered.
 *
 * <p>TIR has no generic form — a TIR type is a layout, and a generic body's layouts are
 * unknown until its type arguments are — so instances are made while the AST is lowered,
 * not by a pass over TIR. {@link AstToTir} asks for the symbol of every function it calls
 * ({@link #callTarget}); a symbol seen for the first time puts its instance on the
 * worklist, and the lowering drains the worklist ({@link #next}), lowering each body with
 * that instance's type arguments put into every type ({@link #concrete}). So a generic
 * function is lowered once per distinct argument list that lowered code calls it with, and
 * not at all when nothing does. Trait method calls are resolved here too: the implementing
 * type's method or the trait's default body instantiated for that type (static dispatch).
 */
final class Monomorphizer {
    /**
     * One function to emit: a declaration with concrete type arguments for all its type
     * parameters (none for a plain function), named by {@code symbol}. A closure's body is an
     * instance too ({@code closure} set, {@code f} the function it is written in — null in a
     * constant — and {@code args} that function's arguments): {@link ClosureConversion}
     * names and lowers it.
     */
    record Instance(Symbol.Function f, List<Type> args, String symbol, Type.Closure closure) {
        Instance(Symbol.Function f, List<Type> args, String symbol) { this(f, args, symbol, null); }
    }

    private final CheckedProgram program;
    private final String moduleName;
    /** Instances requested so far, by symbol, in the order they were first asked for. */
    private final Map<String, Instance> requested = new LinkedHashMap<>();
    /** Those not lowered yet, first asked first lowered (the order of the module's functions). */
    private final Deque<Instance> pending = new ArrayDeque<>();
    /** The type arguments of the instance being lowered. */
    private Map<Type.Param, Type> subst = Map.of();

    Monomorphizer(CheckedProgram program) {
        this.program = program;
        this.moduleName = program.module().name();
    }

    // ---- the worklist -----------------------------------------------------------------

    /** The symbol of {@code f} instantiated with {@code args}; schedules it for lowering if new. */
    String request(Symbol.Function f, List<Type> args) {
        String symbol = schedule(new Instance(f, List.copyOf(args), symbol(f, args)));
        if (f.decl().trackCaller()) tracksCaller.add(symbol);
        return symbol;
    }

    /** Instances of `#[track_caller]` functions: their calls pass the call's location too. */
    private final java.util.Set<String> tracksCaller = new java.util.HashSet<>();

    /** Whether {@code symbol} (an instance requested so far) is of a `#[track_caller]` function. */
    boolean tracksCaller(String symbol) { return tracksCaller.contains(symbol); }

    /**
     * Schedules the body of a closure, named {@code symbol} by {@link ClosureConversion}, if
     * new: {@code enclosing} instantiated with {@code outerArgs} is the function it is
     * written in.
     */
    String requestClosure(String symbol, Symbol.Function enclosing, List<Type> outerArgs, Type.Closure type) {
        return schedule(new Instance(enclosing, List.copyOf(outerArgs), symbol, type));
    }

    private String schedule(Instance in) {
        if (!requested.containsKey(in.symbol())) {
            requested.put(in.symbol(), in);
            pending.add(in);
        }
        return in.symbol();
    }

    boolean hasPending() { return !pending.isEmpty(); }

    /** The next instance to lower, which becomes the current one ({@link #concrete}). */
    Instance next() {
        Instance in = pending.poll();
        enter(in);
        return in;
    }

    /** Makes {@code in}'s type arguments the ones {@link #concrete} puts in. */
    void enter(Instance in) {
        subst = in.f() == null ? Map.of() : Types.bind(in.f().typeParams(), in.args());
    }

    /** Every instance requested so far (lowered or not), in the order first asked for. */
    Collection<Instance> instances() { return Collections.unmodifiableCollection(requested.values()); }

    // ---- symbols ----------------------------------------------------------------------

    /** The symbol calls of {@code f} with {@code args} use. */
    String symbol(Symbol.Function f, List<Type> args) {
        // Calls of an `extern "C" fn`, from T too, go through its C entry (the export
        // wrapper AstToTir makes), which calls the body under bodySymbol.
        if (f.decl().isExported()) return f.decl().extern().symbol();
        return bodySymbol(f, args);
    }

    /**
     * The mangled name of {@code f}'s body instantiated with {@code args}: its path, with
     * the owner type's arguments in the owner (`Vec<i64>::push`) and the function's own
     * after its name (`max<i64>`).
     */
    String bodySymbol(Symbol.Function f, List<Type> args) {
        Map<Type.Param, Type> m = Types.bind(f.typeParams(), args);
        int own = f.decl().generics().params().size();
        String name = f.name() + Types.displayArgs(args.subList(args.size() - own, args.size()));
        if (f.trait() != null) return Mangler.function(moduleName, Types.subst(f.owner(), m).display(), f.trait().name + "::" + name);
        // A method of a trait impl is named like the trait's (`P::Display::fmt`): a type's
        // `Display::fmt` and `Debug::fmt` are two functions.
        // Trait arguments are part of the name too (unless they are just `Self`, as in
        // `PartialEq`): `impl<T> Index<ArenaRef<T>> for Arena` has one `index` per T although
        // the implementing type is always `Arena`, and `Add<i64>` and `Add<f64>` for one type
        // are two functions.
        if (f.impl() != null && f.impl().trait() != null) {
            String self = Types.subst(f.owner(), m).display();
            List<Type> traitArgs = f.impl().traitArgs().stream().map(t -> Types.subst(t, m)).toList();
            boolean plain = traitArgs.isEmpty() || traitArgs.size() == 1 && traitArgs.get(0).display().equals(self);
            String trait = f.impl().trait().name + (plain ? "" : Types.displayArgs(traitArgs));
            return Mangler.function(moduleName, self, trait + "::" + name);
        }
        return f.owner() == null ? Mangler.function(moduleName, name) : Mangler.function(moduleName, Types.subst(f.owner(), m).display(), name);
    }

    // ---- calls ------------------------------------------------------------------------

    /**
     * Which function body a call of {@code f} with (concrete) {@code args} runs: for a method
     * a trait declares, the implementing type's (or the trait's default body, with `Self`
     * the concrete type); otherwise the function itself. Returns the instance's symbol,
     * requesting it. A trait method's arguments are `Self`, the trait's own arguments, then
     * the method's; an impl method's are the impl's parameters, then the method's.
     * (Foreign functions are not instances: AstToTir declares those.)
     */
    String callTarget(Symbol.Function f, List<Type> args) {
        if (f.trait() == null) return request(f, args);
        Type self = args.get(0);
        int traitParams = f.trait().params.size();
        List<Type> traitArgs = args.subList(1, 1 + traitParams);
        List<Type> own = args.subList(1 + traitParams, args.size());
        TraitEnv.Match m = program.traits().find(f.trait(), self, traitArgs);
        if (m == null) throw new IllegalStateException("no impl of " + f.trait().name + " for " + self.display());
        Symbol.Function impl = m.impl().methods().get(f.name());
        if (impl == null) return request(f, args); // the trait's default body
        List<Type> implArgs = new ArrayList<>();
        for (Type.Param p : m.impl().params()) implArgs.add(m.subst().get(p));
        implArgs.addAll(own);
        return request(impl, implArgs);
    }

    /** The type arguments the checker recorded for a use of a generic function, made concrete. */
    List<Type> callArgs(Expr use) {
        List<Type> args = program.instantiations().get(use);
        return args == null ? List.of() : args.stream().map(this::concrete).toList();
    }

    // ---- substitution -----------------------------------------------------------------

    /**
     * A type of the program as it is in the instance being lowered: its type arguments put
     * in for the parameters, and associated types (`<I as Iterator>::Item`) normalized to
     * what the now concrete impl says.
     */
    Type concrete(Type t) {
        if (subst.isEmpty() && !Types.any(t, x -> x instanceof Type.Assoc)) return t;
        return program.traits().normalize(Types.subst(t, subst));
    }
}

package tlang.frontend.diag;

/**
 * Stable codes for every kind of error, shown as `error[E0308]` and in JSON output so that
 * editors, tests and documentation can refer to them. Where Rust has an error of the same
 * kind, T uses Rust's number (a Rust programmer's search finds the right explanation);
 * errors that are T's own are numbered from E1000, grouped by phase. Never renumber.
 */
public enum ErrorCode {
    E0004("match arms do not cover every value"),
    E0005("a `let` pattern that does not always match"),
    E0023("wrong number of fields in a tuple or variant pattern"),
    E0025("a field named twice in a pattern"),
    E0026("a pattern names a field the type does not have"),
    E0027("a struct pattern leaves out fields without `..`"),
    E0029("a range pattern of a type that has no ranges"),
    E0030("an empty range pattern"),
    E0061("wrong number of arguments"),
    E0062("a field given twice in a struct literal"),
    E0063("a struct literal without all its fields"),
    E0069("`return` without a value in a function that returns one"),
    E0070("assignment to something that is not a place"),
    E0072("a struct or enum that contains itself"),
    E0080("a constant that cannot be computed at compile time"),
    E0116("`impl` for a type that is not the program's own"),
    E0124("a field declared twice"),
    E0131("`main` with parameters or a result"),
    E0268("`break` or `continue` outside a loop"),
    E0277("a value whose type lacks what the operation needs"),
    E0282("a type that cannot be inferred"),
    E0308("mismatched types"),
    E0317("`if` without `else` used as a value"),
    E0369("a binary operator not defined for the type"),
    E0384("assignment to an immutable variable or parameter"),
    E0391("constants that depend on each other in a cycle"),
    E0408("an or-pattern whose alternatives bind different names"),
    E0411("`Self` outside an `impl`"),
    E0412("an unknown type"),
    E0415("a parameter name used twice"),
    E0416("a name bound twice in one pattern"),
    E0422("an unknown struct in a struct literal"),
    E0423("a type or variant used as a value"),
    E0424("`self` outside a method"),
    E0425("an unknown name"),
    E0426("an unknown loop label"),
    E0428("a name defined twice"),
    E0531("an unknown variant or struct in a pattern"),
    E0532("a tuple pattern for something that is not a tuple variant or struct"),
    E0533("a unit pattern for a variant or struct with fields"),
    E0559("a struct literal for a variant or struct without named fields"),
    E0560("a struct literal with a field the type does not have"),
    E0571("`break` with a value outside `loop`"),
    E0594("assignment through `&self`"),
    E0596("a `&mut self` method on an immutable variable"),
    E0599("an unknown method, associated function or variant"),
    E0600("a unary operator not defined for the type"),
    E0601("no `main` function"),
    E0604("a cast to `char` from a type other than `u8`"),
    E0605("a cast between types `as` does not convert"),
    E0609("an unknown field"),
    E0615("a method used like an associated function"),
    E0618("a call to something that is not a function"),
    E1001("a character that starts no token"),
    E1002("an unterminated string, character literal or comment"),
    E1003("a malformed literal or escape"),
    E1004("a syntax error: something expected is missing"),
    E1005("chained comparison operators"),
    E1006("a struct literal where it is not allowed"),
    E1007("`static mut`"),
    E1008("code nested more deeply than the compiler allows"),
    E1101("a function used as a value"),
    E1102("a built-in used without calling it"),
    E1201("a format call without a literal format string"),
    E1202("a malformed or unsupported format string"),
    E1203("a format placeholder without an argument"),
    E1204("a format argument that is never used"),
    E1301("an integer literal out of its type's range"),
    E1401("`let` without a value"),
    E1402("a float literal in a pattern");

    public final String description;

    ErrorCode(String description) {
        this.description = description;
    }
}

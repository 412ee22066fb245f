package tlang.midend;

/**
 * Linker names for T functions: `_TN`, then each path segment as its length and text, then
 * `E` — in the spirit of Itanium C++ nested names, so `fib` in module `hello` is
 * `_TN5hello3fibE`. Prefixing keeps user functions from colliding with the runtime's C
 * symbols (a T function may be called `write`). Documented in docs/abi.md.
 */
public final class Mangler {
    private Mangler() {}

    public static String function(String module, String name) {
        return "_TN" + segment(module) + segment(name) + "E";
    }

    /** A function of a type's `impl`: `Point::norm` in module `geo` is `_TN3geo5Point4normE`. */
    public static String function(String module, String type, String name) {
        return "_TN" + segment(module) + segment(type) + segment(name) + "E";
    }

    /** A function nested in another's body (a closure): one more segment before the end. */
    public static String nested(String outer, String name) {
        return outer.substring(0, outer.length() - 1) + segment(name) + "E";
    }

    /**
     * A name as segments: a qualified name (`geometry::area`, the function `area` of module
     * `geometry`) gives one segment per module, so that the symbol reads like Itanium's
     * nested names; `::` inside type arguments (`Stack<geo::Point>`) stays in its segment.
     */
    private static String segment(String s) {
        StringBuilder out = new StringBuilder();
        int depth = 0, start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '<') depth++;
            else if (c == '>') depth--;
            else if (depth == 0 && c == ':' && s.startsWith("::", i) && i > start) {
                out.append(i - start).append(s, start, i);
                start = i + 2;
                i++;
            }
        }
        return out.append(s.length() - start).append(s, start, s.length()).toString();
    }

    /** The inverse, for backtraces and tools: `_TN5hello3fibE` becomes `hello::fib`. */
    public static String demangle(String symbol) {
        if (!symbol.startsWith("_TN") || !symbol.endsWith("E")) return symbol;
        StringBuilder out = new StringBuilder();
        int i = 3;
        int end = symbol.length() - 1;
        while (i < end) {
            int j = i;
            while (j < end && Character.isDigit(symbol.charAt(j))) j++;
            if (j == i) return symbol;
            int len = Integer.parseInt(symbol.substring(i, j));
            if (j + len > end) return symbol;
            if (!out.isEmpty()) out.append("::");
            out.append(symbol, j, j + len);
            i = j + len;
        }
        return out.toString();
    }
}

package tlang.tests;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Shrinks a failing mutant to a small input that fails the same way, so that a report
 * shows a few lines rather than a whole mutated program: delta debugging over lines, then
 * over characters, within a budget of checks.
 */
final class MutatorMinimizer {
    private MutatorMinimizer() {}

    /**
     * The smallest text found for which {@code fails} still holds ({@code text} must satisfy
     * it), trying at most {@code budget} candidates and for at most {@code millis}.
     */
    static String minimize(String text, Predicate<String> fails, int budget, long millis) {
        int[] left = {budget};
        long deadline = System.nanoTime() + millis * 1_000_000;
        Predicate<String> counted = s -> {
            if (System.nanoTime() > deadline) left[0] = 0;
            return left[0]-- > 0 && fails.test(s);
        };
        List<String> lines = ddmin(splitKeepingNewlines(text), l -> counted.test(String.join("", l)), left);
        String s = String.join("", lines);
        List<String> chars = new ArrayList<>();
        s.codePoints().forEach(cp -> chars.add(new String(Character.toChars(cp))));
        List<String> min = ddmin(chars, l -> counted.test(String.join("", l)), left);
        return String.join("", min);
    }

    static String minimize(byte[] bytes, Predicate<String> fails, int budget, long millis) {
        return minimize(new String(bytes, StandardCharsets.UTF_8), fails, budget, millis);
    }

    private static List<String> splitKeepingNewlines(String s) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') { out.add(s.substring(start, i + 1)); start = i + 1; }
        }
        if (start < s.length()) out.add(s.substring(start));
        return out;
    }

    /** Zeller's ddmin, complements only: drop chunks while the failure persists. */
    private static <T> List<T> ddmin(List<T> items, Predicate<List<T>> fails, int[] budget) {
        int n = 2;
        while (items.size() >= 2 && budget[0] > 0) {
            int chunk = (items.size() + n - 1) / n;
            boolean reduced = false;
            for (int start = 0; start < items.size() && budget[0] > 0; start += chunk) {
                List<T> candidate = new ArrayList<>(items.subList(0, start));
                candidate.addAll(items.subList(Math.min(items.size(), start + chunk), items.size()));
                if (fails.test(candidate)) {
                    items = candidate;
                    n = Math.max(n - 1, 2);
                    reduced = true;
                    break;
                }
            }
            if (!reduced) {
                if (n >= items.size()) break;
                n = Math.min(items.size(), n * 2);
            }
        }
        if (items.size() == 1 && budget[0] > 0 && fails.test(List.of())) return List.of();
        return items;
    }
}

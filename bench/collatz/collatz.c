/* collatz: C counterpart of collatz.t (same algorithm, same output). */
#include <stdio.h>

static long steps(long start) {
    long x = start, count = 0;
    while (x != 1) {
        if (x % 2 == 0) x = x / 2; else x = 3 * x + 1;
        count++;
    }
    return count;
}

int main(int argc, char **argv) {
    (void)argv;
    long limit = @N@ + argc - 1;
    long total = 0, longest = 0, longest_at = 0;
    for (long s = 1; s < limit; s++) {
        long k = steps(s);
        total += k;
        if (k > longest) { longest = k; longest_at = s; }
    }
    printf("collatz(%ld) total = %ld, longest = %ld at %ld\n", limit, total, longest, longest_at);
    return 0;
}

/* fannkuch: C counterpart of fannkuch.t (same algorithm, same output). Benchmarks Game
 * fannkuch-redux, single-threaded. */
#include <stdio.h>

#define MAX_N 16

int main(int argc, char **argv) {
    (void)argv;
    long n = @N@ + argc - 1;
    long perm[MAX_N], perm1[MAX_N], count[MAX_N];
    long max_flips = 0, checksum = 0, perm_index = 0;
    for (long i = 0; i < n; i++)
        perm1[i] = i;
    long r = n;
    for (;;) {
        while (r != 1) {
            count[r - 1] = r;
            r--;
        }
        for (long i = 0; i < n; i++)
            perm[i] = perm1[i];

        /* Flip the first perm[0] + 1 elements until 0 comes first. */
        long flips = 0;
        long k = perm[0];
        while (k != 0) {
            long lo = 0, hi = k;
            while (lo < hi) {
                long t = perm[lo];
                perm[lo] = perm[hi];
                perm[hi] = t;
                lo++;
                hi--;
            }
            flips++;
            k = perm[0];
        }
        if (flips > max_flips)
            max_flips = flips;
        checksum += perm_index % 2 == 0 ? flips : -flips;

        /* Next permutation: rotate the first r + 1 elements of perm1 left by one, as
         * many times as count[] allows, moving on to longer prefixes when it runs out. */
        for (;;) {
            if (r == n) {
                printf("%ld\nPfannkuchen(%ld) = %ld\n", checksum, n, max_flips);
                return 0;
            }
            long first = perm1[0];
            for (long i = 0; i < r; i++)
                perm1[i] = perm1[i + 1];
            perm1[r] = first;
            count[r]--;
            if (count[r] > 0)
                break;
            r++;
        }
        perm_index++;
    }
}

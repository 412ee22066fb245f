/* gcd: C counterpart of gcd.t (same algorithm, same output). */
#include <stdio.h>

static long gcd(long a, long b) {
    long x = a, y = b;
    while (y != 0) {
        long r = x % y;
        x = y;
        y = r;
    }
    return x;
}

int main(int argc, char **argv) {
    (void)argv;
    long n = @N@ + argc - 1;
    long sum = 0;
    for (long i = 1; i <= n; i++)
        for (long j = 1; j <= n; j++)
            sum += gcd(i, j);
    printf("gcd(%ld) = %ld\n", n, sum);
    return 0;
}

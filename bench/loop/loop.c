/* loop: C counterpart of loop.t (same kernel, same output; no overflow checks). */
#include <stdio.h>

int main(int argc, char **argv) {
    (void)argv;
    long n = @N@ + argc - 1;
    long sum = 0;
    for (long i = 0; i < n; i++)
        for (long j = 0; j < n; j++)
            sum = (sum * 31 + (i * j) % 7) % 1000000007;
    printf("loop(%ld) = %ld\n", n, sum);
    return 0;
}

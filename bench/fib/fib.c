/* fib: C counterpart of fib.t (same algorithm, same output). */
#include <stdio.h>

static long fib(long n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

int main(int argc, char **argv) {
    (void)argv;
    long n = @N@ + argc - 1;
    printf("fib(%ld) = %ld\n", n, fib(n));
    return 0;
}

/* hello: the C counterpart of examples/hello.t for the toolchain metrics in bench/run
 * (binary size, start-up time). Same output as the T program, built `gcc -O2 -static`. */
#include <stdio.h>

static long fib(long n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

int main(int argc, char **argv) {
    puts("Hello from T!");
    long n = 20;
    printf("fib(%ld) = %ld\n", n, fib(n));
    long count = argc - 1;
    if (count > 0)
        printf("you gave me %ld argument(s); the first is %s\n", count, argv[1]);
    return 0;
}

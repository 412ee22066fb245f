/* iterchain: C counterpart of iterchain.t, written as plain loops (no overflow checks). */
#include <stdio.h>

int main(int argc, char **argv) {
    (void)argv;
    long n = @N@ + argc - 1;
    const long modulus = 1000000007;
    long weighted = 0, i = 0, back = n - 1;
    for (long x = 0; x < n && back >= 0; x++) {
        if (x % 3 == 0) continue;
        long sq = (x * x) % modulus;
        weighted = (weighted * 31 + sq + (back ^ i) % 1000) % modulus;
        i++;
        back--;
    }
    long evens = 0;
    for (long x = 0; x < n; x += 2) evens += x % 1000;
    printf("iterchain(%ld) = %ld %ld\n", n, weighted, evens);
    return 0;
}

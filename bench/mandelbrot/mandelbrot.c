/* mandelbrot: C counterpart of mandelbrot.t (same algorithm, same order of
 * floating-point operations, same bytes out). Benchmarks Game mandelbrot,
 * single-threaded and scalar: a PBM (P4) bitmap of [-1.5, 0.5] x [-1, 1], one row
 * at a time through a fixed row buffer. */
#include <stdio.h>

#define ITERATIONS 50
#define LIMIT_SQ 4.0 /* limit 2.0, squared */

int main(int argc, char **argv) {
    (void)argv;
    long n = @N@ + argc - 1;
    unsigned char row[2048];
    printf("P4\n%ld %ld\n", n, n);
    for (long y = 0; y < n; y++) {
        double ci = 2.0 * (double)y / (double)n - 1.0;
        unsigned char bits = 0;
        int nbits = 0;
        size_t len = 0;
        for (long x = 0; x < n; x++) {
            double cr = 2.0 * (double)x / (double)n - 1.5;
            double zr = 0.0, zi = 0.0, tr = 0.0, ti = 0.0;
            for (int i = 0; i < ITERATIONS && tr + ti <= LIMIT_SQ; i++) {
                zi = 2.0 * zr * zi + ci;
                zr = tr - ti + cr;
                tr = zr * zr;
                ti = zi * zi;
            }
            bits = (unsigned char)(bits << 1);
            if (tr + ti <= LIMIT_SQ)
                bits |= 1;
            nbits++;
            if (nbits == 8) {
                row[len++] = bits;
                bits = 0;
                nbits = 0;
            }
        }
        if (nbits > 0) { /* a width that is not a multiple of 8: pad the last byte */
            row[len++] = (unsigned char)(bits << (8 - nbits));
            bits = 0;
            nbits = 0;
        }
        fwrite(row, 1, len, stdout);
    }
    return 0;
}

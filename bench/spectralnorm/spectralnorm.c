/* spectralnorm: C counterpart of spectralnorm.t (same algorithm, same order of
 * floating-point operations, same output). Benchmarks Game spectral-norm,
 * single-threaded; the vectors are fixed-size arrays, as in T. */
#include <math.h>
#include <stdio.h>

#define SIZE @N@

/* Entry (i, j) of the infinite matrix A: 1 / ((i+j)(i+j+1)/2 + i + 1). */
static double a(long i, long j) {
    return 1.0 / (double)((i + j) * (i + j + 1) / 2 + i + 1);
}

/* out = A v */
static void mul_av(long n, const double *v, double *out) {
    for (long i = 0; i < n; i++) {
        double sum = 0.0;
        for (long j = 0; j < n; j++)
            sum += a(i, j) * v[j];
        out[i] = sum;
    }
}

/* out = A^T v */
static void mul_atv(long n, const double *v, double *out) {
    for (long i = 0; i < n; i++) {
        double sum = 0.0;
        for (long j = 0; j < n; j++)
            sum += a(j, i) * v[j];
        out[i] = sum;
    }
}

int main(int argc, char **argv) {
    (void)argv;
    long n = @N@ + argc - 1;
    double u[SIZE], v[SIZE], tmp[SIZE];
    for (long i = 0; i < n; i++)
        u[i] = 1.0;
    for (int round = 0; round < 10; round++) {
        /* v = A^T A u, then u = A^T A v, each through tmp */
        mul_av(n, u, tmp);
        mul_atv(n, tmp, v);
        mul_av(n, v, tmp);
        mul_atv(n, tmp, u);
    }
    double vbv = 0.0, vv = 0.0;
    for (long i = 0; i < n; i++) {
        vbv += u[i] * v[i];
        vv += v[i] * v[i];
    }
    printf("%.9f\n", sqrt(vbv / vv));
    return 0;
}

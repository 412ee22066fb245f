#include <stdint.h>

/* T's extern "C" fn; it panics when b is 0. */
int64_t t_checked_div(int64_t a, int64_t b);

int64_t c_divide(int64_t a, int64_t b) { return t_checked_div(a, b) + 1; }

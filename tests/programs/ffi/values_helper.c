#include <stdint.h>
#include <stdbool.h>

/* Defined in T (extern "C" fn). */
int64_t t_square(int64_t x);
double t_scale(double x, float f);
bool t_is_even(uint8_t x);

int32_t c_add(int32_t a, int32_t b) { return a + b; }

/* Calls back into T: the sum of t_square(i) for i in [0, n). */
int64_t c_sum_squares(int64_t n)
{
	int64_t s = 0;
	for (int64_t i = 0; i < n; i++)
		s += t_square(i);
	return s;
}

double c_apply_scale(double x) { return t_scale(x, 0.5f); }

int32_t c_count_even(const uint8_t *bytes, int64_t n)
{
	int32_t c = 0;
	for (int64_t i = 0; i < n; i++)
		c += t_is_even(bytes[i]);
	return c;
}

int8_t c_neg8(int8_t x) { return (int8_t)-x; }
uint16_t c_twice16(uint16_t x) { return (uint16_t)(x * 2); }
void c_fill(int64_t *out, int64_t n) { for (int64_t i = 0; i < n; i++) out[i] = i * 10; }

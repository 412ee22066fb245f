/*
 * fmt_shortest.c — the shortest decimal that reads back as the same float.
 *
 * Model: the Ryu algorithm (Ulf Adams, "Ryu: fast float-to-string
 * conversion", PLDI 2018), written for this runtime.  A float v = m * 2^e
 * stands for every real number that rounds to it: the interval reaching
 * halfway to its neighbours (both ends included when m is even, as
 * round-half-even reading rounds them to v).  We want the decimal with the
 * fewest digits inside that interval, and among those the closest to v.
 *
 *   1. Scale the interval's lower end, v and upper end (times 4, so the
 *      halfway points are integers: mm, mv, mp) by a power of ten 10^-e10
 *      chosen so that the three fit in 64 bits with room to spare:
 *      vm, vr, vp are floor(x * 2^e2 / 10^e10).  The scaling multiplies by
 *      a 125-bit approximation of 5^i or 2^k/5^q and shifts; Ryu's paper
 *      proves the floors come out exact with these widths for every double.
 *   2. Drop decimal digits from all three while vp and vm still differ
 *      above the dropped digit: what remains of vr, rounded by the last
 *      dropped digit, is the answer.  vm needs care when it is exactly the
 *      lower end (allowed only when m is even), vp when it is exactly the
 *      upper end (allowed likewise): exactness is known from divisibility
 *      of mm and mp by 5^q or 2^q.
 *   3. An exact tie between two shortest candidates rounds up.  (Ryu rounds
 *      such ties to even; Rust's Dragon4-derived code rounds them up, and
 *      T prints what Rust prints: 562949953421312.25 -> ...312.3.)
 *
 * The power-of-five tables (fmt_float_tables.h, ~0.75 KiB) hold every 26th
 * entry; the rest are derived by one multiplication and a correction that
 * the table generator checked for every entry (see its comment).
 *
 * Invariants: 128-bit integers are used only for multiplication and shifts,
 * which both targets do inline (no division: that would call __udivti3 from
 * compiler-rt, which the runtime does not link).
 */
#include "fmt_internal.h"
#include "fmt_float_tables.h"

typedef unsigned __int128 u128;

/* bitlen(5^e) = ceil(e * log2(5)) (+1 for e = 0), valid for e <= 3528. */
static int32_t pow5_bits(int32_t e)
{
	return (int32_t)(((uint64_t)e * 1217359) >> 19) + 1;
}

/* floor(e * log10(2)), valid for 0 <= e <= 1650. */
static int32_t log10_pow2(int32_t e)
{
	return (int32_t)(((uint64_t)e * 78913) >> 18);
}

/* floor(e * log10(5)), valid for 0 <= e <= 2620. */
static int32_t log10_pow5(int32_t e)
{
	return (int32_t)(((uint64_t)e * 732923) >> 20);
}

static uint32_t correction(const uint64_t *packed, int32_t n)
{
	return (uint32_t)(packed[n / 32] >> (2 * (n % 32))) & 3;
}

/* (base * small) >> shift, plus corr: the derived table entry. */
static void derive(const uint64_t base[2], uint64_t small, int32_t shift,
                   uint32_t corr, uint64_t out[2])
{
	u128 lo = (u128)small * base[0];
	u128 hi = (u128)small * base[1];
	u128 mid = (lo >> 64) + (uint64_t)hi;
	uint64_t w0 = (uint64_t)lo;
	uint64_t w1 = (uint64_t)mid;
	uint64_t w2 = (uint64_t)(hi >> 64) + (uint64_t)(mid >> 64);
	uint64_t r0 = w0, r1 = w1;
	if (shift != 0) {
		r0 = (w0 >> shift) | (w1 << (64 - shift));
		r1 = (w1 >> shift) | (w2 << (64 - shift));
	}
	r0 += corr;
	r1 += r0 < corr;
	out[0] = r0;
	out[1] = r1;
}

/* 5^i normalized to 125 bits (truncated). */
static void pow5_entry(int32_t i, uint64_t out[2])
{
	int32_t a = i / FMT_POW5_STEP, b = i % FMT_POW5_STEP;
	derive(fmt_pow5_base[a], fmt_pow5_small[b],
	       pow5_bits(i) - pow5_bits(a * FMT_POW5_STEP),
	       correction(fmt_pow5_corr, i), out);
}

/* floor(2^(pow5_bits(q) - 1 + 125) / 5^q) + 1. */
static void inv5_entry(int32_t q, uint64_t out[2])
{
	int32_t a = (q + FMT_POW5_STEP - 1) / FMT_POW5_STEP;
	int32_t b = a * FMT_POW5_STEP - q;
	derive(fmt_inv5_base[a], fmt_pow5_small[b],
	       pow5_bits(a * FMT_POW5_STEP) - pow5_bits(q),
	       correction(fmt_inv5_corr, q), out);
}

/* floor(m * mul / 2^j) for m < 2^56, mul < 2^126, 64 <= j < 192, when the
 * result fits 64 bits (as the callers' choice of j guarantees). */
static uint64_t mul_shift(uint64_t m, const uint64_t mul[2], int32_t j)
{
	u128 b0 = (u128)m * mul[0];
	u128 b2 = (u128)m * mul[1];
	return (uint64_t)(((b0 >> 64) + b2) >> (j - 64));
}

static bool multiple_of_pow5(uint64_t v, int32_t p)
{
	for (int32_t i = 0; i < p; i++) {
		if (v % 5 != 0)
			return false;
		v /= 5;
	}
	return true;
}

static bool multiple_of_pow2(uint64_t v, int32_t p)
{
	return p < 64 && (v & ((1ull << p) - 1)) == 0;
}

int rt_fmt_shortest(uint64_t mant, int32_t exp2, bool lower_closer,
                    uint8_t digits[RT_FMT_SHORTEST_MAX], int32_t *dexp)
{
	/* Work on 4*m so that the interval ends (m +- 1/2, or m - 1/4 below a
	 * power of two) are integers too. */
	int32_t e2 = exp2 - 2;
	bool accept = (mant & 1) == 0;
	uint64_t mv = 4 * mant;
	uint64_t mp = mv + 2;
	uint64_t mm = mv - (lower_closer ? 1 : 2);

	uint64_t vr, vp, vm, mul[2];
	int32_t e10;
	bool vm_exact = false; /* vm is exactly the lower end (and allowed) */
	if (e2 >= 0) {
		/* Divide by 10^q, q a bit below e2*log10(2), so at least one digit
		 * is left to drop (the e2 > 3 adjustment is Ryu's). */
		int32_t q = log10_pow2(e2) - (e2 > 3);
		e10 = q;
		int32_t k = FMT_POW5_BITS + pow5_bits(q) - 1;
		inv5_entry(q, mul);
		int32_t j = -e2 + q + k;
		vr = mul_shift(mv, mul, j);
		vp = mul_shift(mp, mul, j);
		vm = mul_shift(mm, mul, j);
		/* x * 2^e2 / 10^q is an integer iff 5^q divides x (e2 >= q). */
		if (accept)
			vm_exact = multiple_of_pow5(mm, q);
		else if (multiple_of_pow5(mp, q))
			vp--; /* the upper end itself is excluded */
	} else {
		/* Multiply by 5^i and divide by 2^q, i + q = -e2. */
		int32_t q = log10_pow5(-e2) - (-e2 > 1);
		e10 = q + e2;
		int32_t i = -e2 - q;
		int32_t k = pow5_bits(i) - FMT_POW5_BITS;
		pow5_entry(i, mul);
		int32_t j = q - k;
		vr = mul_shift(mv, mul, j);
		vp = mul_shift(mp, mul, j);
		vm = mul_shift(mm, mul, j);
		/* x * 5^i / 2^q is an integer iff 2^q divides x. */
		if (accept)
			vm_exact = multiple_of_pow2(mm, q);
		else if (multiple_of_pow2(mp, q))
			vp--;
	}

	/* Drop digits while the interval still holds a shorter candidate. */
	int32_t removed = 0;
	uint32_t last = 0; /* the last digit dropped from vr */
	while (vp / 10 > vm / 10) {
		vm_exact = vm_exact && vm % 10 == 0;
		last = (uint32_t)(vr % 10);
		vr /= 10;
		vp /= 10;
		vm /= 10;
		removed++;
	}
	/* When the lower end is itself a short decimal (it was exact and only
	 * zeros were dropped from it), it may be shorter still. */
	if (vm_exact) {
		while (vm % 10 == 0) {
			last = (uint32_t)(vr % 10);
			vr /= 10;
			vp /= 10;
			vm /= 10;
			removed++;
		}
	}
	/* vr is below the interval when it equals a vm that is not allowed;
	 * otherwise round by the dropped digits (a tie, exactly 5000..., rounds
	 * up like Rust). */
	uint64_t output = vr + ((vr == vm && !vm_exact) || last >= 5);

	/* Trailing zeros cannot survive the loop above, but strip any anyway:
	 * the callers rely on their absence. */
	while (output % 10 == 0 && output != 0) {
		output /= 10;
		removed++;
	}
	uint8_t tmp[20];
	int n = 0;
	do {
		tmp[n++] = (uint8_t)('0' + output % 10);
		output /= 10;
	} while (output != 0);
	for (int i = 0; i < n; i++)
		digits[i] = tmp[n - 1 - i];
	*dexp = e10 + removed + n;
	return n;
}

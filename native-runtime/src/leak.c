/*
 * leak.c — T_LEAK_CHECK: when `main` returns, report the allocations that
 * are still live and fail the exit status.
 *
 * Model: trt_start passes t_entry's status through rt_leak_check before
 * rt_exit.  Unless T_LEAK_CHECK is set (to anything but "" or "0") that is
 * one environment lookup.  Otherwise the allocator's walk (alloc_walk.c)
 * visits every live block; each is counted under its type when it is a
 * reference-counted object, else as untyped.  An object is recognized by
 * its header: the word at offset 8 points into the executable's own
 * loaded, readable segments at a trt_type whose magic is TRT_TYPE_MAGIC
 * (type information is always a constant in the image; see trt_rc.h).  Data
 * that merely looks like that would have to hold the address of a type
 * descriptor in its second word; at worst such a block is reported under
 * that type's name.  Sizes are the allocator's block sizes (what
 * trt_mem_stats counts as live bytes), headers included.
 *
 * Only the normal end of a program is checked: trt_exit (process::exit)
 * and panics skip it, because they end the program with values still
 * alive by design.
 *
 * Invariants: nothing here allocates (the table of types is on the stack,
 * TYPES_MAX entries, the rest counted together); the report goes to stderr
 * after stdout is flushed; the status changes only from 0 to
 * TRT_LEAK_STATUS, so a program that already failed keeps its own status.
 */
#include "trt.h"
#include "internal.h"
#include "backtrace.h"
#include "alloc_internal.h"

#define AT_PHDR  3
#define AT_PHNUM 5
#define PT_LOAD  1
#define PT_PHDR  6
#define PF_R     4
#define TYPES_MAX 64
#define LOADS_MAX 16

struct elf_phdr {
	uint32_t type, flags;
	uint64_t offset, vaddr, paddr, filesz, memsz, align;
};

struct leak_row {
	const trt_type *type; /* NULL: untyped blocks */
	uint64_t count, bytes;
};

struct leak_scan {
	uintptr_t load_lo[LOADS_MAX], load_hi[LOADS_MAX];
	unsigned nloads;
	struct leak_row rows[TYPES_MAX];
	unsigned nrows;
	struct leak_row untyped, other_types;
	uint64_t count, bytes;
};

/* The executable's readable PT_LOAD ranges (with the load bias from
 * PT_PHDR when it is position independent). */
static void find_image(struct leak_scan *s)
{
	const struct elf_phdr *ph = (const struct elf_phdr *)rt_auxv_get(AT_PHDR);
	size_t n = rt_auxv_get(AT_PHNUM);
	if (ph == NULL)
		return;
	uintptr_t bias = 0;
	for (size_t i = 0; i < n; i++)
		if (ph[i].type == PT_PHDR)
			bias = (uintptr_t)ph - (uintptr_t)ph[i].vaddr;
	for (size_t i = 0; i < n && s->nloads < LOADS_MAX; i++) {
		if (ph[i].type != PT_LOAD || !(ph[i].flags & PF_R))
			continue;
		s->load_lo[s->nloads] = bias + (uintptr_t)ph[i].vaddr;
		s->load_hi[s->nloads] = bias + (uintptr_t)(ph[i].vaddr + ph[i].memsz);
		s->nloads++;
	}
}

static const trt_type *type_of(const struct leak_scan *s, const void *block)
{
	uintptr_t t = (uintptr_t)((const struct trt_rc_header *)block)->type;
	if ((t & 7) != 0)
		return NULL;
	for (unsigned i = 0; i < s->nloads; i++) {
		if (t >= s->load_lo[i] && t + sizeof(trt_type) <= s->load_hi[i]) {
			const trt_type *type = (const trt_type *)t;
			return type->magic == TRT_TYPE_MAGIC ? type : NULL;
		}
	}
	return NULL;
}

static void count_block(void *block, size_t size, void *ctx)
{
	struct leak_scan *s = ctx;
	s->count++;
	s->bytes += size;
	const trt_type *t = type_of(s, block);
	struct leak_row *row = &s->untyped;
	if (t != NULL) {
		row = &s->other_types;
		for (unsigned i = 0; i < s->nrows; i++) {
			if (s->rows[i].type == t) {
				row = &s->rows[i];
				break;
			}
		}
		if (row == &s->other_types && s->nrows < TYPES_MAX) {
			row = &s->rows[s->nrows++];
			row->type = t;
		}
	}
	row->count++;
	row->bytes += size;
}

static int compare_names(const trt_type *a, const trt_type *b)
{
	int64_t n = a->name_len < b->name_len ? a->name_len : b->name_len;
	int c = memcmp(a->name, b->name, (size_t)n);
	if (c != 0)
		return c;
	return a->name_len < b->name_len ? -1 : a->name_len > b->name_len;
}

/* Most bytes first, then by name: the order does not depend on addresses,
 * so reports are stable from run to run. */
static bool before(const struct leak_row *a, const struct leak_row *b)
{
	if (a->bytes != b->bytes)
		return a->bytes > b->bytes;
	return compare_names(a->type, b->type) < 0;
}

static void sort_rows(struct leak_scan *s)
{
	for (unsigned i = 1; i < s->nrows; i++) {
		struct leak_row r = s->rows[i];
		unsigned j = i;
		while (j > 0 && before(&r, &s->rows[j - 1])) {
			s->rows[j] = s->rows[j - 1];
			j--;
		}
		s->rows[j] = r;
	}
}

static void put_u64(struct rt_report *r, uint64_t v)
{
	uint8_t digits[RT_FMT_I64_MAX];
	rt_report_put(r, digits, rt_fmt_u64(digits, v));
}

/* Right-aligned in `width` columns. */
static void put_u64_in(struct rt_report *r, uint64_t v, size_t width)
{
	uint8_t digits[RT_FMT_I64_MAX];
	size_t n = rt_fmt_u64(digits, v);
	for (; n < width; width--)
		rt_report_cstr(r, " ");
	rt_report_put(r, digits, n);
}

static void put_row(struct rt_report *r, uint64_t count, uint64_t bytes,
                    const uint8_t *name, size_t name_len)
{
	put_u64_in(r, count, 8);
	put_u64_in(r, bytes, 11);
	rt_report_cstr(r, "  ");
	rt_report_put(r, name, name_len);
	rt_report_cstr(r, "\n");
}

static void report(struct leak_scan *s, int32_t status, int32_t new_status)
{
	struct rt_report r;
	rt_report_init(&r, TRT_STDERR);
	rt_report_cstr(&r, "T_LEAK_CHECK: ");
	put_u64(&r, s->count);
	rt_report_cstr(&r, s->count == 1 ? " allocation (" : " allocations (");
	put_u64(&r, s->bytes);
	rt_report_cstr(&r, " bytes) still live at exit\n");
	rt_report_cstr(&r, "   count      bytes  type\n");
	for (unsigned i = 0; i < s->nrows; i++)
		put_row(&r, s->rows[i].count, s->rows[i].bytes, s->rows[i].type->name,
		        (size_t)s->rows[i].type->name_len);
	if (s->other_types.count > 0)
		put_row(&r, s->other_types.count, s->other_types.bytes,
		        (const uint8_t *)"(objects of other types)", 24);
	if (s->untyped.count > 0)
		put_row(&r, s->untyped.count, s->untyped.bytes,
		        (const uint8_t *)"(untyped blocks)", 16);
	if (new_status != status) {
		rt_report_cstr(&r, "T_LEAK_CHECK: exit status ");
		put_u64(&r, (uint64_t)new_status);
		rt_report_cstr(&r, " instead of 0\n");
	}
	rt_report_flush(&r);
}

static bool enabled(void)
{
	const uint8_t *v = rt_getenv("T_LEAK_CHECK");
	return v != NULL && v[0] != '\0' && !(v[0] == '0' && v[1] == '\0');
}

int32_t rt_leak_check(int32_t status)
{
	if (!enabled())
		return status;
	rt_rc_run_deferred_drops();
	struct leak_scan s;
	memset(&s, 0, sizeof s);
	find_image(&s);
	rt_alloc_walk_live(count_block, &s);
	if (s.count == 0)
		return status;
	sort_rows(&s);
	int32_t new_status = status == 0 ? TRT_LEAK_STATUS : status;
	report(&s, status, new_status);
	return new_status;
}

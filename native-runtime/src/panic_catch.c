/*
 * panic_catch.c — what a T `catch` does with the panic it caught: turns the
 * panic object into the program's `Panic` value and ends the panic.
 *
 * Model: the compiler's catch handler calls trt_panic_catch with the
 * exception pointer its landing pad received and the address of a `Panic`
 * (layout below and in trt_panic_unwind.h).  The panic object goes back to
 * the pool, so the message is copied into a heap string (trt_string.h) that
 * the `Panic` owns and drops — unless it is a literal of the program
 * (TRT_PANIC_STATIC_MSG), which the String then points to.  The file name
 * needs no copy: it is compiled code's static data.
 *
 * The frames of a backtrace captured with the panic (T_BACKTRACE) are
 * *interned*: copied once into an append-only store of mapped chunks, equal
 * backtraces sharing one copy (a hash table finds them), kept for the life
 * of the program — a `Panic` refers to them with a plain pointer.  A program
 * catching the same few panics over and over uses bounded memory.
 *
 * A non-T exception reaching a T catch (the catch clause catches everything,
 * so that the functions it protects are truly `nounwind`) aborts: T cannot
 * make a `Panic` of it.
 *
 * Invariants:
 *   - Called after the landing pad, never during unwinding: the panic is
 *     over when this returns (trt_panic_begin_catch/_end_catch).
 *   - The store's memory comes from os_map_anon in multiples of 64 KiB and
 *     is never returned.  Single-threaded for now: store and table are globals.
 */
#include "internal.h"
#include "os.h"
#include "unwind_internal.h"

#define MAP_UNIT ((size_t)64 * 1024)
#define CHUNK MAP_UNIT
#define BIG (CHUNK / 4)

struct entry {
	uint64_t hash;
	const uint8_t *bytes;
	size_t len;
};

static uint8_t *chunk;
static size_t chunk_used, chunk_cap;
static struct entry *table;
static size_t table_cap, table_used;

static size_t round_up(size_t n)
{
	return (n + MAP_UNIT - 1) / MAP_UNIT * MAP_UNIT;
}

static void *map(size_t len)
{
	void *p = os_map_anon(round_up(len));
	if (p == NULL)
		rt_unwind_fatal("out of memory keeping the message of a caught panic", 0);
	return p;
}

static uint64_t fnv1a(const uint8_t *s, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	for (size_t i = 0; i < n; i++) {
		h ^= s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

static const uint8_t *copy(const uint8_t *bytes, size_t len)
{
	uint8_t *to;
	if (len > BIG) {
		to = map(len);
	} else {
		if (chunk == NULL || chunk_cap - chunk_used < len) {
			chunk = map(CHUNK);
			chunk_cap = CHUNK;
			chunk_used = 0;
		}
		/* 8-aligned: interned backtraces are read as u64s. */
		chunk_used = (chunk_used + 7) & ~(size_t)7;
		if (chunk_cap - chunk_used < len) {
			chunk = map(CHUNK);
			chunk_cap = CHUNK;
			chunk_used = 0;
		}
		to = chunk + chunk_used;
		chunk_used += len;
	}
	memcpy(to, bytes, len);
	return to;
}

static void insert(struct entry *t, size_t cap, struct entry e)
{
	size_t i = (size_t)e.hash & (cap - 1);
	while (t[i].bytes != NULL)
		i = (i + 1) & (cap - 1);
	t[i] = e;
}

static void grow(void)
{
	size_t cap = table_cap == 0 ? 1024 : table_cap * 2;
	struct entry *t = map(cap * sizeof *t);
	for (size_t i = 0; i < table_cap; i++) {
		if (table[i].bytes != NULL)
			insert(t, cap, table[i]);
	}
	if (table != NULL)
		os_unmap(table, round_up(table_cap * sizeof *table));
	table = t;
	table_cap = cap;
}

/* The interned copy of some bytes (a backtrace's frames). */
static const uint8_t *intern(const uint8_t *bytes, size_t len)
{
	static const uint8_t empty[1];
	if (len == 0)
		return empty;
	uint64_t h = fnv1a(bytes, len);
	if (table_cap != 0) {
		for (size_t i = (size_t)h & (table_cap - 1); table[i].bytes != NULL;
		     i = (i + 1) & (table_cap - 1)) {
			if (table[i].hash == h && table[i].len == len &&
			    memcmp(table[i].bytes, bytes, len) == 0)
				return table[i].bytes;
		}
	}
	if ((table_used + 1) * 4 > table_cap * 3)
		grow();
	struct entry e = { h, copy(bytes, len), len };
	insert(table, table_cap, e);
	table_used++;
	return e.bytes;
}

const uint64_t *rt_panic_frames(const struct trt_panic_exception *p)
{
	if (p->bt_len <= 0)
		return NULL;
	/* Count and addresses in one block, interned like messages: catching the
	 * same panic over and over keeps one copy. */
	uint64_t block[TRT_PANIC_BT_CAP + 1];
	size_t n = p->bt_len > TRT_PANIC_BT_CAP ? TRT_PANIC_BT_CAP : (size_t)p->bt_len;
	block[0] = n;
	for (size_t i = 0; i < n; i++)
		block[i + 1] = p->bt[i];
	return (const uint64_t *)intern((const uint8_t *)block, (n + 1) * sizeof(uint64_t));
}

void trt_panic_catch(struct _Unwind_Exception *exc, struct trt_caught_panic *out)
{
	struct trt_panic_exception *p = trt_panic_begin_catch(exc);
	if (p == NULL)
		rt_unwind_fatal("a foreign exception reached a T `catch`", 0);
	trt_string message = { p->static_msg, p->msg_len, NULL };
	if (!(p->flags & TRT_PANIC_STATIC_MSG))
		trt_string_from_bytes(&message, p->msg, p->msg_len < 0 ? 0 : p->msg_len);
	out->msg = message.ptr;
	out->msg_len = message.len;
	out->msg_owner = message.owner;
	out->file = p->file;
	out->file_len = p->file_len;
	out->file_owner = NULL;
	out->line = (uint32_t)p->line;
	out->col = (uint32_t)p->col;
	out->frames = rt_panic_frames(p);
	trt_panic_end_catch(exc);
}

/*
 * trt_mem.h — memory: the general-purpose allocator and its statistics.
 *
 * Part of the compiler <-> runtime ABI (included from trt.h; docs/abi.md,
 * "Memory", restates it).  Every entry point is safe to call from any thread
 * the runtime started, concurrently; a block may be freed by a thread other
 * than the one that allocated it.
 *
 * Guarantees common to the allocating entry points:
 *   - They never return NULL.  When the system has no memory left (or the
 *     size cannot be satisfied at all), they print
 *         memory allocation of N bytes failed
 *     to stderr and abort the process (SIGABRT, status 134 in a shell), as
 *     Rust does: compiled code needs no null check.
 *   - Blocks are aligned to 16 bytes (trt_alloc_aligned: to its argument).
 *   - A size of 0 gives a valid, unique block that may be freed.
 *   - The contents of a new block are unspecified except for
 *     trt_alloc_zeroed; trt_realloc keeps the old contents up to the
 *     smaller of the two sizes.
 *
 * Misuse that is cheap to detect is reported, not ignored: freeing a pointer
 * the allocator did not return, or a block twice, prints
 *     fatal runtime error: ...
 * and aborts (134).  Not every misuse is caught (a block freed, allocated
 * again by someone else and freed again looks legitimate).
 */
#ifndef TRT_MEM_H
#define TRT_MEM_H

#include <stdbool.h>
#include <stdint.h>

/* A block of at least `size` bytes. */
void *trt_alloc(uint64_t size);
/* A block of at least `size` bytes, all zero. */
void *trt_alloc_zeroed(uint64_t size);
/* A block of at least `size` bytes whose address is a multiple of `align`.
 * Precondition: `align` is a power of two no larger than 2 MiB (a violation
 * is a compiler bug: status 134).  Page-aligned requests (4096) are served
 * from the size classes when they fit one whose blocks are page multiples,
 * and from a mapping of their own otherwise.  Free with trt_free. */
void *trt_alloc_aligned(uint64_t size, uint64_t align);
/* Resizes the block at `p` (which may be NULL: then it is trt_alloc) to at
 * least `size` bytes and returns it, in place when it can: when the new size
 * still fits the block's size class (and does not shrink it below half),
 * and for blocks above 256 KiB by growing or shrinking their mapping
 * (mremap, which moves pages rather than copying bytes).  Otherwise a new
 * block is allocated, the contents copied and `p` freed.  Only 16-byte
 * alignment is kept (realloc a trt_alloc_aligned block by hand). */
void *trt_realloc(void *p, uint64_t size);
/* Frees a block from any of the functions above.  NULL is ignored. */
void trt_free(void *p);
/* The usable size of the block at `p` (>= what was asked for): what
 * trt_realloc can grow into without moving. */
uint64_t trt_alloc_usable_size(const void *p);

/* Allocation statistics (what std::mem::stats() reports).  Counters are
 * kept per thread and summed here, so a snapshot taken while other threads
 * allocate is approximate; it is exact when they are quiet. */
struct trt_mem_stats {
	/* Usable bytes (block sizes, not requested sizes) of blocks allocated
	 * and not yet freed. */
	uint64_t live_bytes;
	/* Blocks allocated and not yet freed (alloc_count - free_count). */
	uint64_t live_blocks;
	/* Address space the allocator holds from the OS: segments, large
	 * mappings and metadata; resident memory is at most this. */
	uint64_t mapped_bytes;
	/* Blocks allocated / freed since the program started (a realloc that
	 * moves counts as one of each; one in place as neither). */
	uint64_t alloc_count;
	uint64_t free_count;
};
void trt_mem_stats(struct trt_mem_stats *out);

#endif /* TRT_MEM_H */

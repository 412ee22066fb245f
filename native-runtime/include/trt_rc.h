/*
 * trt_rc.h — reference-counted objects: the header every one starts with,
 * the type information it points to, and the counting entry points.
 *
 * Part of the compiler <-> runtime ABI (included from trt.h; docs/abi.md,
 * "Reference counting", restates it with LLVM declarations, and
 * docs/runtime.md, "Reference counting", explains the design).
 *
 * What is reference-counted: instances of `class` types, and the heap
 * buffers behind values with copy-on-write semantics (String, Vec).  A
 * reference is a pointer to the object's header; the payload (the fields,
 * the buffer) starts TRT_RC_HEADER_SIZE bytes after it.
 *
 *   offset  size  field
 *        0     4  strong   bit 0: TRT_RC_SHARED   the counts are atomic
 *                          bit 1: TRT_RC_IMMORTAL static object, never counted
 *                          bits 2..31: the strong count (TRT_RC_ONE per reference)
 *        4     4  weak     weak references, plus one for all strong ones
 *                          together while the strong count is above zero
 *                          (TRT_RC_WEAK_LOCKED for an instant during
 *                          trt_rc_is_unique on a shared object)
 *        8     8  type     const trt_type * (never NULL)
 *       16        payload, 16-byte aligned
 *
 * Life cycle: trt_rc_alloc returns an object with strong count 1, weak 1,
 * not shared.  The release that takes the strong count to 0 calls the type's
 * `drop` (which releases what the payload references and runs a user Drop
 * impl), then gives up the weak count the strong references held together;
 * whoever takes the weak count to 0 frees the memory.  A weak reference
 * keeps the memory (so its header can be read) but not the payload: after the
 * drop, trt_rc_weak_upgrade fails.
 *
 * Shared objects: the counts of an object only one task can reach are read
 * and written with plain loads and stores.  When an object becomes reachable
 * from another task (a value sent on a channel, captured by a spawned task,
 * put in a Mutex or Shared), the code that hands it over calls
 * trt_rc_share, which sets TRT_RC_SHARED on it and on every object it
 * references, transitively.  From then on — it is never cleared — its counts
 * are changed with atomic read-modify-write operations.  Invariant: every
 * object referenced (strongly or weakly) from a shared object is shared.
 *
 * Compiled code does the not-shared fast paths of retain and release itself
 * (docs/abi.md, "The inline sequences"): it loads `strong`, and stores
 * strong + TRT_RC_ONE when (strong - TRT_RC_ONE) & (TRT_RC_FLAGS | 1u << 31)
 * is 0, or strong - TRT_RC_ONE when strong has no flag and is above
 * TRT_RC_ONE; otherwise it calls trt_rc_retain / trt_rc_release.  The layout
 * above, the flag bits, TRT_RC_ONE and those tests are therefore fixed: a
 * runtime that changes them breaks every program compiled before.
 *
 * Entry points take references as `void *`; NULL is accepted and ignored by
 * retain and release (strong and weak), so an Option<C> needs no test.
 * Misuse that is cheap to detect (releasing an object whose strong count is
 * already 0, a count overflowing, a drop that retains its own object) is
 * reported as "fatal runtime error: ..." and aborts (134).
 */
#ifndef TRT_RC_H
#define TRT_RC_H

#include <stdbool.h>
#include <stdint.h>

#define TRT_RC_HEADER_SIZE 16

/* Bits of the strong word. */
#define TRT_RC_SHARED     1u
#define TRT_RC_IMMORTAL   2u
#define TRT_RC_FLAGS      3u
/* One strong reference. */
#define TRT_RC_ONE        4u
/* The weak word of a shared object while trt_rc_is_unique inspects it. */
#define TRT_RC_WEAK_LOCKED 0xffffffffu
/* A bit of the weak word: the object lives in a stack frame (the compiler's
 * stack-objects pass put it there), which owns its memory.  The last release
 * still drops it; nothing frees it, and the counts read without the bit. */
#define TRT_RC_STACK 0x40000000u

/* The first word of every trt_type ("TTYP" in memory, little-endian):
 * lets the leak checker tell an object's header from arbitrary data. */
#define TRT_TYPE_MAGIC 0x50595454u

typedef struct trt_type trt_type;

/* A callback of `visit`: called once for each object the payload refers to,
 * strong or weak. */
typedef void (*trt_rc_visitor)(void *child, void *ctx);

/* Type information, one constant per reference-counted type, emitted by the
 * compiler into the executable's data (never allocated at run time: the
 * leak checker recognizes types by their address lying in the image).
 * 40 bytes, alignment 8. */
struct trt_type {
	uint32_t magic;      /* TRT_TYPE_MAGIC */
	uint32_t flags;      /* 0 (reserved) */
	/* Drops the payload: releases every reference it holds and runs the
	 * type's Drop impl, without freeing the object.  Called exactly once,
	 * by the release that took the strong count to 0, on that thread.  It
	 * must not retain `obj` itself.  NULL when there is nothing to do. */
	void (*drop)(void *obj);
	/* Calls fn(child, ctx) for every non-NULL object the payload refers
	 * to, strong and weak (what trt_rc_share must reach).  NULL when the
	 * payload holds no references. */
	void (*visit)(void *obj, trt_rc_visitor fn, void *ctx);
	/* The type's name as the program spells it ("main::Node", "String"),
	 * UTF-8, for leak reports. */
	const uint8_t *name;
	int64_t name_len;
};

struct trt_rc_header {
	_Atomic uint32_t strong;
	_Atomic uint32_t weak;
	const trt_type *type;
};

/* A new object of `type` with `size` payload bytes (contents unspecified),
 * strong count 1, weak count 1, not shared.  Never returns NULL (out of
 * memory aborts, as trt_alloc does). */
void *trt_rc_alloc(const trt_type *type, uint64_t size);

/* Gives up `old` (a release) and returns a new object of `type` as
 * trt_rc_alloc does — in `old`'s memory, after dropping its payload, when
 * that was the last reference (not shared, no weak references) and `old` has
 * the same type.  `old` may be NULL. */
void *trt_rc_reuse(void *old, const trt_type *type, uint64_t size);

/* Adds a strong reference. */
void trt_rc_retain(void *obj);

/* Drops a strong reference; the last one drops the payload and, when no
 * weak reference remains, frees the object. */
void trt_rc_release(void *obj);

/* True when `obj` is the only reference to its object, strong or weak:
 * the holder may then mutate the payload in place (copy-on-write).  False
 * for immortal objects.  For a shared object the answer also makes every
 * write done by other threads before they released their references
 * visible (acquire). */
bool trt_rc_is_unique(void *obj);

/* Adds a weak reference (Weak::new from a strong reference, or cloning a
 * Weak).  The caller holds a strong or a weak reference. */
void trt_rc_weak_retain(void *obj);

/* Drops a weak reference; frees the object if it was the last reference
 * of any kind. */
void trt_rc_weak_release(void *obj);

/* Upgrades a weak reference: `obj` with one more strong reference, or NULL
 * when the object has been dropped.  The weak reference stays. */
void *trt_rc_weak_upgrade(void *obj);

/* Makes the counts of `obj` and of every object reachable from it (through
 * the types' `visit`) atomic, before the object becomes reachable from
 * another task.  Stops at objects already shared.  Called by the thread
 * that can reach it now; NULL is ignored. */
void trt_rc_share(void *obj);

/* The strong and weak counts as Rc::strong_count and Rc::weak_count report
 * them (weak: weak references only, not the strong ones' collective one).
 * Immortal objects report 1 and 0.  For a shared object, a snapshot. */
uint32_t trt_rc_strong_count(const void *obj);
uint32_t trt_rc_weak_count(const void *obj);

#endif /* TRT_RC_H */

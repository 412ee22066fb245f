/*
 * trt_string.h — heap strings: the value layout of `String` and the entry
 * points that build them.  Part of the compiler <-> runtime ABI (included
 * from trt.h; docs/abi.md, "Strings", restates it).
 *
 * A `String` value is three words:
 *   offset  size  field
 *        0     8  ptr    the first byte (UTF-8)
 *        8     8  len    the byte length
 *       16     8  owner  the reference-counted buffer the bytes live in, or
 *                        NULL when they are static (literals, program
 *                        arguments, runtime constants)
 * A copy of the value retains the owner, dropping it releases the owner
 * (the compiler emits both inline, skipping NULL).  Several strings may share
 * one buffer: a substring is a new (ptr, len) over the same owner.
 *
 * The buffer is an RC object (trt_rc.h) of the runtime's `String` type (so
 * leak reports name it) whose payload is the capacity, then the bytes:
 *   payload + 0   u64   cap
 *   payload + 8         cap bytes
 * Copy-on-write: a string may write into its buffer only while the buffer is
 * unique (trt_rc_is_unique).  Then no other value can see bytes past its own
 * end, so appending writes after `ptr + len` when the capacity allows, even
 * when the string is a substring that does not end where the buffer's bytes
 * end.  Otherwise the bytes are copied into a new buffer first.
 */
#ifndef TRT_STRING_H
#define TRT_STRING_H

#include <stdint.h>

typedef struct trt_string {
	const uint8_t *ptr;
	int64_t len;
	void *owner;
} trt_string;

/* *out = a new string holding a copy of bytes[0..len) in a buffer of its own
 * (capacity exactly len; an empty string gets no buffer).  *out is
 * overwritten, not released. */
void trt_string_from_bytes(trt_string *out, const uint8_t *bytes, int64_t len);

/* Appends bytes[0..len) to *s, in place when s's buffer is unique and has
 * room, else into a new buffer (at least double the old length) — releasing
 * s's reference to the old one.  `bytes` may point into s itself. */
void trt_string_push(trt_string *s, const uint8_t *bytes, int64_t len);

/* Appends the Unicode scalar value c, UTF-8 encoded (1 to 4 bytes). */
void trt_string_push_char(trt_string *s, uint32_t c);

/* Makes sure *s has a unique buffer with room for `extra` more bytes. */
void trt_string_reserve(trt_string *s, int64_t extra);

/* Retains a string's owner (not NULL: compiled code tests it inline). */
void trt_str_retain(void *owner);

/* Releases a string's owner (not NULL).  Buffers run no Drop, so this never
 * unwinds, unlike trt_rc_release. */
void trt_str_release(void *owner);

/* A sink (trt_fmt.h) appending to a String: `format(...)` and a Formatter
 * inside it write here.  Two words, so compiled code keeps one in its frame. */
typedef struct trt_string_sink {
	trt_sink base;
	trt_string *target;
} trt_string_sink;

void trt_string_sink_init(trt_string_sink *sink, trt_string *target);

#endif

/*
 * backtrace.h — reports on stderr (panics, fatal signals) and the
 * backtraces in them, as the runtime's other files use them.
 *
 * Model: a report is assembled in a small buffer on the caller's stack and
 * written in as few system calls as fit (one per line for short lines), so
 * concurrent writers rarely split a line.  Backtraces walk the stack with the
 * unwinder (the same CFI the panic unwinder uses) and name frames from the
 * executable's own symbol table (symbolize.c).
 *
 * Invariants: nothing allocates; everything works in a signal handler on the
 * alternate stack and in a half-initialized runtime.
 */
#ifndef TRT_BACKTRACE_H
#define TRT_BACKTRACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "unwind_internal.h"

/* ---- Reports ---- */
struct rt_report {
	int32_t stream;
	trt_sink *sink;     /* when not NULL, where the report goes instead of stream */
	size_t len;
	uint8_t buf[512];
};
void rt_report_init(struct rt_report *r, int32_t stream);
/* Captured frames (trt_backtrace_capture's form) as a report on stderr,
 * written directly (never into a panic message being captured). */
void rt_backtrace_print_stderr(const uintptr_t *pcs, int32_t n);
void rt_report_put(struct rt_report *r, const uint8_t *bytes, size_t len);
void rt_report_cstr(struct rt_report *r, const char *s);
void rt_report_dec(struct rt_report *r, int64_t v);
/* 0x followed by lowercase hex digits, no padding. */
void rt_report_hex(struct rt_report *r, uintptr_t v);
void rt_report_flush(struct rt_report *r);
/* "panicked at FILE:LINE:COL: MSG\n", the line trt_panic prints. */
void rt_report_panic_line(struct rt_report *r, const uint8_t *file,
                          int64_t file_len, int32_t line, int32_t col,
                          const uint8_t *msg, int64_t msg_len);

/* ---- Backtraces ---- */
enum rt_bt_style {
	RT_BT_OFF,    /* T_BACKTRACE unset or 0 */
	RT_BT_SHORT,  /* T_BACKTRACE=1 (or anything else): runtime frames hidden */
	RT_BT_FULL,   /* T_BACKTRACE=full: every frame, with addresses */
};
/* The style T_BACKTRACE asks for (read from the environment each time). */
enum rt_bt_style rt_backtrace_style(void);

/* Prints "stack backtrace:" and the frames from the one `slots` describes
 * (pc_exact for a signal context) outwards, to stderr.  RT_BT_OFF is treated
 * as RT_BT_SHORT (the caller decided to print). */
void rt_backtrace_report_from(const uintptr_t *slots, bool pc_exact,
                              enum rt_bt_style style);

/* Prints the backtrace of the calling function when `style` asks for one.
 * Always inlined, so the first frame is the caller (which, being a runtime
 * entry point, is hidden in the short style). */
__attribute__((always_inline))
static inline void rt_backtrace_report_here(enum rt_bt_style style)
{
	if (style == RT_BT_OFF)
		return;
	uintptr_t slots[RT_UNW_NSLOTS];
	rt_unw_capture(slots);
	rt_backtrace_report_from(slots, false, style);
}

/* ---- symbolize.c ---- */
struct rt_symbol {
	const char *name;   /* NUL-terminated, as in .strtab (mangled) */
	uintptr_t start;    /* the symbol's address */
};
/* Finds the function containing `pc` in the executable's .symtab.  False
 * when there is no symbol table (fully stripped) or no symbol covers pc. */
bool rt_symbolize(uintptr_t pc, struct rt_symbol *out);
/* Writes the demangled form of a T name (_TN5hello3fibE -> hello::fib) into
 * out (at most cap bytes) and returns its full length; returns 0 when `name`
 * is not a T name. */
size_t rt_demangle(const char *name, uint8_t *out, size_t cap);

#endif /* TRT_BACKTRACE_H */

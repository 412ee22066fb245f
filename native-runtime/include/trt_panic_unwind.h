/*
 * trt_panic_unwind.h — unwinding, panics that unwind, backtraces; included
 * from trt.h.
 *
 * Model.  A T panic that unwinds is an exception in the sense of the Itanium
 * C++ ABI ("Exception Handling", level I): compiled code calls
 * trt_panic_raise, which fills a panic object (below) and hands it to
 * _Unwind_RaiseException.  The unwinder (ours, native-runtime/src/unwind_*.c)
 * walks the stack twice with the DWARF call-frame information in .eh_frame,
 * found through .eh_frame_hdr:
 *   phase 1 (search) asks each frame's personality routine whether the frame
 *     catches the panic, without changing anything, so an uncaught panic is
 *     reported with the whole stack still there;
 *   phase 2 (cleanup) walks again from the top and enters each frame's
 *     cleanup landing pad (drops), which ends with _Unwind_Resume, until it
 *     enters the handler found in phase 1.
 * trt_personality is the personality routine of T functions; it reads the
 * LSDA (call-site, action and type tables) LLVM emits for `invoke` /
 * `landingpad`.
 *
 * Invariants:
 *   - Only the subset of the _Unwind_* interface below exists.  Everything it
 *     needs is in the executable (no dynamic loader, no libgcc_s).
 *   - Nothing here allocates: panic objects come from a small static pool.
 *   - Single-threaded for now: the pool and the "panic in flight" state are
 *     globals; they become per-thread state with the first worker thread.
 *
 * docs/abi.md ("Unwinding and panics") restates this for the compiler side.
 */
#ifndef TRT_PANIC_UNWIND_H
#define TRT_PANIC_UNWIND_H

#include <stdint.h>

/* ---- The Itanium unwinding interface (the subset T needs) ---------------- */

typedef enum {
	_URC_NO_REASON = 0,
	_URC_FOREIGN_EXCEPTION_CAUGHT = 1,
	_URC_FATAL_PHASE2_ERROR = 2,
	_URC_FATAL_PHASE1_ERROR = 3,
	_URC_NORMAL_STOP = 4,
	_URC_END_OF_STACK = 5,
	_URC_HANDLER_FOUND = 6,
	_URC_INSTALL_CONTEXT = 7,
	_URC_CONTINUE_UNWIND = 8
} _Unwind_Reason_Code;

typedef int _Unwind_Action;
#define _UA_SEARCH_PHASE  1
#define _UA_CLEANUP_PHASE 2
#define _UA_HANDLER_FRAME 4
#define _UA_FORCE_UNWIND  8
#define _UA_END_OF_STACK  16

struct _Unwind_Exception;
typedef void (*_Unwind_Exception_Cleanup_Fn)(_Unwind_Reason_Code reason,
                                             struct _Unwind_Exception *exc);

/* The header every exception object starts with.  32 bytes, 16-aligned on
 * both targets (the ABI asks for the largest alignment of the target). */
struct _Unwind_Exception {
	uint64_t exception_class;
	_Unwind_Exception_Cleanup_Fn exception_cleanup;
	uintptr_t private_1; /* unwinder's: unused */
	uintptr_t private_2; /* unwinder's: CFA of the handler frame (phase 2) */
} __attribute__((aligned(16)));

/* One frame during unwinding; opaque to personality routines. */
struct _Unwind_Context;

typedef _Unwind_Reason_Code (*_Unwind_Personality_Fn)(
	int version, _Unwind_Action actions, uint64_t exception_class,
	struct _Unwind_Exception *exc, struct _Unwind_Context *ctx);
typedef _Unwind_Reason_Code (*_Unwind_Trace_Fn)(struct _Unwind_Context *ctx,
                                                void *arg);

/* Two-phase raise.  Returns only when no frame handles the exception
 * (_URC_END_OF_STACK) or the unwind information is unusable
 * (_URC_FATAL_PHASE1_ERROR); then the stack is untouched. */
_Unwind_Reason_Code _Unwind_RaiseException(struct _Unwind_Exception *exc);
/* Called at the end of a cleanup landing pad: continues phase 2. */
_Noreturn void _Unwind_Resume(struct _Unwind_Exception *exc);
/* Calls exc->exception_cleanup (if any) with _URC_FOREIGN_EXCEPTION_CAUGHT. */
void _Unwind_DeleteException(struct _Unwind_Exception *exc);
/* Calls fn for each frame from the caller outwards until fn returns
 * something other than _URC_NO_REASON or the stack ends. */
_Unwind_Reason_Code _Unwind_Backtrace(_Unwind_Trace_Fn fn, void *arg);

/* Frame accessors.  Register numbers are DWARF numbers. */
uintptr_t _Unwind_GetGR(struct _Unwind_Context *ctx, int reg);
void _Unwind_SetGR(struct _Unwind_Context *ctx, int reg, uintptr_t value);
uintptr_t _Unwind_GetIP(struct _Unwind_Context *ctx);
/* Sets *ip_before_insn to 1 when the IP is the faulting instruction itself
 * (a signal frame), 0 when it is a return address. */
uintptr_t _Unwind_GetIPInfo(struct _Unwind_Context *ctx, int *ip_before_insn);
void _Unwind_SetIP(struct _Unwind_Context *ctx, uintptr_t ip);
uintptr_t _Unwind_GetCFA(struct _Unwind_Context *ctx);
uintptr_t _Unwind_GetLanguageSpecificData(struct _Unwind_Context *ctx);
uintptr_t _Unwind_GetRegionStart(struct _Unwind_Context *ctx);

/* ---- T panics as exceptions --------------------------------------------- */

/* exception_class of T panics: "TLNGPANC". */
#define TRT_PANIC_EXCEPTION_CLASS 0x544c4e4750414e43ULL

/* Message bytes kept in a panic object; longer messages are cut here (at a
 * UTF-8 character boundary) and the cut is marked by TRT_PANIC_TRUNCATED. */
#define TRT_PANIC_MSG_CAP 1024
#define TRT_PANIC_TRUNCATED 1u

/* The panic object.  Landing pads receive a pointer to `unwind`, which is
 * also a pointer to the whole object.  Layout (both targets):
 *   0  unwind     struct _Unwind_Exception (32 bytes)
 *  32  file       pointer to the file name (compiled code's static bytes)
 *  40  file_len   bytes
 *  48  line, 52 col (1-based)
 *  56  msg_len    bytes used in msg
 *  64  flags      TRT_PANIC_TRUNCATED
 *  72  msg        the message, copied
 */
struct trt_panic_exception {
	struct _Unwind_Exception unwind;
	const uint8_t *file;
	int64_t file_len;
	int32_t line;
	int32_t col;
	int64_t msg_len;
	uint64_t flags;
	uint8_t msg[TRT_PANIC_MSG_CAP];
};

/* What a T catch clause names in its landingpad (`catch ptr
 * @trt_panic_typeinfo`); only its address matters.  A `catch ptr null`
 * clause catches everything. */
struct trt_typeinfo {
	const char *name;
};
extern const struct trt_typeinfo trt_panic_typeinfo;

/* The personality routine of T functions (`personality ptr
 * @trt_personality`): cleanup landing pads, catch clauses naming
 * trt_panic_typeinfo, catch-all clauses. */
_Unwind_Reason_Code trt_personality(int version, _Unwind_Action actions,
                                    uint64_t exception_class,
                                    struct _Unwind_Exception *exc,
                                    struct _Unwind_Context *ctx);

/* A cleanup-only personality under the name clang uses for C compiled with
 * -fexceptions (__attribute__((cleanup))), so C frames run their cleanups
 * when a panic unwinds through them.  C cannot catch. */
_Unwind_Reason_Code __gcc_personality_v0(int version, _Unwind_Action actions,
                                         uint64_t exception_class,
                                         struct _Unwind_Exception *exc,
                                         struct _Unwind_Context *ctx);

/* A panic that unwinds: same arguments as trt_panic.  Phase 1 looks for a
 * handler with the stack intact; if there is none it prints the report
 * trt_panic prints (plus a backtrace under T_BACKTRACE) and exits with 101
 * without running cleanups.  Otherwise phase 2 runs the cleanups and enters
 * the handler.  A panic raised while another is unwinding (from a cleanup)
 * prints both messages and aborts (SIGABRT). */
_Noreturn void trt_panic_raise(const uint8_t *msg, int64_t msg_len,
                               const uint8_t *file, int64_t file_len,
                               int32_t line, int32_t col);

/* First call of a catch handler, with the pointer its landing pad received:
 * the panic stops unwinding (a later panic is an ordinary one again).
 * Returns the panic object, or NULL for an exception that is not a T panic. */
struct trt_panic_exception *trt_panic_begin_catch(struct _Unwind_Exception *exc);
/* Last call of a catch handler: gives the object back to the pool. */
void trt_panic_end_catch(struct _Unwind_Exception *exc);

/* The value a T `catch` produces from a caught panic: the layout of the
 * prelude's `struct Panic { message: String, file: String, line: u32,
 * column: u32 }` (offsets 0, 16, 32, 36; 40 bytes on both targets). */
struct trt_caught_panic {
	const uint8_t *msg;
	int64_t msg_len;
	const uint8_t *file;
	int64_t file_len;
	uint32_t line;
	uint32_t col;
};

/* What the handler of a T `catch` calls with the exception pointer its
 * landing pad received: begins and ends the catch (the panic is over, its
 * object back in the pool) and fills *out.  The message is copied into
 * storage that lives as long as the program (equal messages share one copy;
 * see docs/runtime.md).  A non-T exception aborts. */
void trt_panic_catch(struct _Unwind_Exception *exc, struct trt_caught_panic *out);

/* std::panic::set_hook: from now on every panic (under the unwind strategy)
 * calls hook(&info, arg) when it starts, before anything unwinds, whether or
 * not a catch will stop it; `info` (and the message it points to) lives for
 * the call.  An uncaught panic then prints no report of its own (the hook
 * replaced it) and still exits with status 101.  A panic inside the hook
 * aborts with both messages.  hook == NULL restores the default report.
 * The compiler passes a trampoline as `hook` and the T function as `arg`. */
typedef void (*trt_panic_hook)(const struct trt_caught_panic *info, void *arg);
void trt_panic_set_hook(trt_panic_hook hook, void *arg);

/* ---- Backtraces ------------------------------------------------------------
 *
 * Each entry is an address inside the instruction that was executing in that
 * frame: for callers, inside the call instruction (return address - 1).
 */

/* Fills pcs[0..) with the caller of trt_backtrace_capture first, outwards;
 * returns how many (at most max). */
int32_t trt_backtrace_capture(uintptr_t *pcs, int32_t max);

/* Prints "stack backtrace:" and one line per frame to `stream`, with T's
 * demangled names; runtime frames are hidden unless T_BACKTRACE=full. */
void trt_backtrace_print(int32_t stream, const uintptr_t *pcs, int32_t n);

/* Writes the demangled name of the function containing `pc` into buf (at most
 * cap bytes); returns the full length of the name (which may exceed cap), or 0
 * when the executable has no symbol for it. */
int64_t trt_backtrace_symbol(uintptr_t pc, uint8_t *buf, int64_t cap);

#endif /* TRT_PANIC_UNWIND_H */

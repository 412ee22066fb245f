/*
 * unwind_panic.c — panics that unwind: the panic object, raising it,
 * catching it, and the rules for panicking while a panic unwinds.
 *
 * Model: trt_panic_raise copies the message into a panic object (the layout
 * is ABI, see trt_panic_unwind.h) taken from a small static pool and raises
 * it with _Unwind_RaiseException.
 *   - No handler (phase 1 reaches the end of the stack): the report trt_panic
 *     prints — "panicked at FILE:LINE:COL: MSG" — is printed while the stack
 *     is still intact, with a backtrace when T_BACKTRACE asks, and the
 *     process exits with 101.  No cleanups run, as in C++ when nothing
 *     catches.
 *   - A handler: phase 2 runs the cleanups on the way and enters it.  The
 *     handler calls trt_panic_begin_catch (the panic is over: a later panic
 *     is an ordinary one) and finally trt_panic_end_catch (the object goes
 *     back to the pool).
 * Between raise and begin_catch the panic is "unwinding".  A second panic in
 * that window — from a cleanup, through trt_panic_raise, trt_panic,
 * trt_panic_bounds or trt_panic_begin/_end, which all raise through here —
 * cannot be handled sensibly (two exceptions, one stack): both messages are
 * printed and the process aborts (SIGABRT).
 *
 * Invariants:
 *   - No allocation: POOL objects; running out (panics caught and kept
 *     without end_catch, nested POOL deep) aborts with a message.
 *   - Single-threaded for now: `unwinding` and the pool become per-thread
 *     state with the first worker thread.
 */
#include "internal.h"
#include "unwind_internal.h"
#include "backtrace.h"
#include "signals.h"

#define POOL 4

_Static_assert(sizeof(struct _Unwind_Exception) == 32, "Itanium header");
_Static_assert(__builtin_offsetof(struct trt_panic_exception, file) == 32,
               "panic object layout is ABI (docs/abi.md)");
_Static_assert(__builtin_offsetof(struct trt_panic_exception, line) == 48,
               "panic object layout is ABI (docs/abi.md)");
_Static_assert(__builtin_offsetof(struct trt_panic_exception, msg_len) == 56,
               "panic object layout is ABI (docs/abi.md)");
_Static_assert(__builtin_offsetof(struct trt_panic_exception, msg) == 72,
               "panic object layout is ABI (docs/abi.md)");

static struct trt_panic_exception pool[POOL];
static bool pool_used[POOL];
/* The panic between raise and begin_catch, if any. */
static struct trt_panic_exception *unwinding;

static void release(_Unwind_Reason_Code reason, struct _Unwind_Exception *exc)
{
	(void)reason;
	for (int i = 0; i < POOL; i++) {
		if (&pool[i].unwind == exc)
			pool_used[i] = false;
	}
}

/* Longest prefix of at most `cap` bytes that does not split a UTF-8
 * character. */
static size_t utf8_prefix(const uint8_t *s, size_t len, size_t cap)
{
	if (len <= cap)
		return len;
	size_t n = cap;
	while (n > 0 && (s[n] & 0xc0) == 0x80)
		n--;
	return n;
}

static size_t clamp(int64_t len)
{
	return len < 0 ? 0 : (size_t)len;
}

static void print_panic(struct rt_report *r,
                        const struct trt_panic_exception *p)
{
	rt_report_panic_line(r, p->file, p->file_len, p->line, p->col,
	                     p->msg, p->msg_len);
}

/* The panic `unwinding` is in flight and another one starts: says so about
 * both and aborts. */
static _Noreturn void nested_abort(const uint8_t *msg, int64_t msg_len,
                                   const uint8_t *file, int64_t file_len,
                                   int32_t line, int32_t col)
{
	struct rt_report r;
	rt_report_init(&r, TRT_STDERR);
	print_panic(&r, unwinding);
	rt_report_panic_line(&r, file, file_len, line, col, msg, msg_len);
	rt_report_cstr(&r, "fatal runtime error: panicked while a panic was "
	                   "unwinding, aborting\n");
	rt_report_flush(&r);
	rt_backtrace_report_here(rt_backtrace_style());
	rt_abort();
}

_Noreturn void rt_unwind_fatal(const char *what, int err)
{
	struct rt_report r;
	rt_report_init(&r, TRT_STDERR);
	if (unwinding != NULL)
		print_panic(&r, unwinding);
	rt_report_cstr(&r, "fatal runtime error: ");
	rt_report_cstr(&r, what);
	if (err < 0) {
		rt_report_cstr(&r, ": ");
		rt_report_cstr(&r, rt_unw_strerror(err));
	}
	rt_report_cstr(&r, "\n");
	rt_report_flush(&r);
	rt_abort();
}

/* std::panic::set_hook: the hook and the panic it is running for (NULL when
 * not inside it). */
static trt_panic_hook hook;
static void *hook_arg;
static struct trt_panic_exception *in_hook;

void trt_panic_set_hook(trt_panic_hook h, void *arg)
{
	hook = h;
	hook_arg = arg;
}

static _Noreturn void hook_abort(const uint8_t *msg, int64_t msg_len,
                                 const uint8_t *file, int64_t file_len,
                                 int32_t line, int32_t col)
{
	struct rt_report r;
	rt_report_init(&r, TRT_STDERR);
	print_panic(&r, in_hook);
	rt_report_panic_line(&r, file, file_len, line, col, msg, msg_len);
	rt_report_cstr(&r, "fatal runtime error: panicked while running the panic hook, aborting\n");
	rt_report_flush(&r);
	rt_abort();
}

_Noreturn void trt_panic_raise(const uint8_t *msg, int64_t msg_len,
                               const uint8_t *file, int64_t file_len,
                               int32_t line, int32_t col)
{
	if (in_hook != NULL)
		hook_abort(msg, msg_len, file, file_len, line, col);
	if (unwinding != NULL)
		nested_abort(msg, msg_len, file, file_len, line, col);

	struct trt_panic_exception *p = NULL;
	for (int i = 0; i < POOL && p == NULL; i++) {
		if (!pool_used[i]) {
			pool_used[i] = true;
			p = &pool[i];
		}
	}
	if (p == NULL)
		rt_unwind_fatal("too many panics caught and not yet ended", 0);

	size_t n = utf8_prefix(msg, clamp(msg_len), TRT_PANIC_MSG_CAP);
	memcpy(p->msg, msg, n);
	p->msg_len = (int64_t)n;
	p->flags = n < clamp(msg_len) ? TRT_PANIC_TRUNCATED : 0;
	p->file = file;
	p->file_len = (int64_t)clamp(file_len);
	p->line = line;
	p->col = col;
	p->unwind.exception_class = TRT_PANIC_EXCEPTION_CLASS;
	p->unwind.exception_cleanup = release;
	p->unwind.private_1 = 0;
	p->unwind.private_2 = 0;

	if (hook != NULL) {
		struct trt_caught_panic info = {p->msg, p->msg_len, p->file, p->file_len, (uint32_t)line, (uint32_t)col};
		in_hook = p;
		hook(&info, hook_arg);
		in_hook = NULL;
	}

	unwinding = p;
	_Unwind_Reason_Code rc = _Unwind_RaiseException(&p->unwind);
	if (rc == _URC_FATAL_PHASE2_ERROR)
		rt_unwind_fatal("unwinding failed after cleanups ran", 0);

	/* Nobody catches it (or the unwind information ended the search):
	 * report from here, where the stack is still whole — unless a hook
	 * already reported it its own way. */
	if (hook == NULL) {
		struct rt_report r;
		rt_report_init(&r, TRT_STDERR);
		rt_report_panic_line(&r, file, file_len, line, col, msg, msg_len);
		rt_report_flush(&r);
		rt_backtrace_report_here(rt_backtrace_style());
	}
	rt_exit(TRT_PANIC_STATUS);
}

struct trt_panic_exception *trt_panic_begin_catch(struct _Unwind_Exception *exc)
{
	if (exc == NULL || exc->exception_class != TRT_PANIC_EXCEPTION_CLASS)
		return NULL;
	struct trt_panic_exception *p = (struct trt_panic_exception *)exc;
	if (unwinding == p)
		unwinding = NULL;
	return p;
}

void trt_panic_end_catch(struct _Unwind_Exception *exc)
{
	if (exc == NULL)
		return;
	if (unwinding == (struct trt_panic_exception *)exc)
		unwinding = NULL;
	_Unwind_DeleteException(exc);
}

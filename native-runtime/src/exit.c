/*
 * exit.c — the one way out of the process.
 *
 * Model: every termination — t_entry returning, trt_exit, a panic, an
 * internal error — ends in rt_exit, which flushes buffered output and then
 * asks the OS layer to end the process.  Keeping one path means a new
 * subsystem that must act at exit (say, flushing a log or stopping worker
 * threads) has exactly one place to hook in.
 *
 * Invariant: rt_exit must work from any state the runtime can be in,
 * including half-initialized (an internal error during start-up), so what it
 * calls must tolerate that.
 */
#include "trt.h"
#include "internal.h"
#include "os.h"

_Noreturn void rt_exit(int32_t status)
{
	rt_io_flush_all();
	os_exit(status);
}

_Noreturn void trt_exit(int32_t code)
{
	rt_exit(code);
}

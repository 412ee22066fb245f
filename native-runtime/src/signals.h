/*
 * signals.h — fatal signals and abort, as the runtime's other files use them.
 */
#ifndef TRT_SIGNALS_H
#define TRT_SIGNALS_H

/* Installs the alternate signal stack of the main thread and the handlers
 * for SIGSEGV, SIGBUS, SIGILL, SIGFPE and SIGTRAP.  Called once by trt_start. */
void rt_signals_init(void);

/* Flushes stdout and ends the process with SIGABRT (status 134 as a shell
 * reports it), whatever handler or mask SIGABRT had. */
_Noreturn void rt_abort(void);

#endif /* TRT_SIGNALS_H */

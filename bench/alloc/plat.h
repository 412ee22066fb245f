/*
 * plat.h — what driver.c needs besides the allocator, implemented once on
 * T's runtime (plat_trt.c) and once on glibc (plat_libc.c).  None of it is
 * on a measured path except the thread start-up.
 */
#ifndef BENCH_PLAT_H
#define BENCH_PLAT_H

#include <stdint.h>

typedef struct plat_thread plat_thread;
plat_thread *plat_spawn(void (*fn)(void *), void *arg);
void plat_join(plat_thread *t);
uint64_t plat_now_ns(void);
void plat_print(const char *s);
void plat_print_u64(uint64_t v);
/* The process's peak resident set (VmHWM of /proc/self/status) in KiB, or
 * 0 when it cannot be read.  Measured from inside because the kernel's
 * ru_maxrss of a child also covers the parent's memory it ran in between
 * fork and exec (bench/alloc/run is a Python process of ~12 MiB). */
uint64_t plat_peak_rss_kib(void);
/* Inside a spin-wait. */
void plat_relax(void);

int bench_main(int argc, const char *const *argv);

#endif

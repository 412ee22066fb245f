/*
 * plat_trt.c — driver.c's platform on T's runtime: linked with the runtime
 * objects, entered through t_entry like a compiled T program.
 */
#include "trt.h"
#include "internal.h"
#include "os.h"
#include "cpu.h"
#include "syscall.h"
#include "plat.h"

#define AT_FDCWD (-100)

struct plat_thread;

plat_thread *plat_spawn(void (*fn)(void *), void *arg)
{
	return (plat_thread *)rt_thread_spawn(fn, arg, 0);
}

void plat_join(plat_thread *t)
{
	rt_thread_join((struct rt_thread *)t);
}

uint64_t plat_now_ns(void)
{
	return os_monotonic_ns();
}

void plat_print(const char *s)
{
	trt_write(TRT_STDOUT, (const uint8_t *)s, (int64_t)rt_cstr_len(s));
}

void plat_print_u64(uint64_t v)
{
	trt_write_u64(TRT_STDOUT, v);
}

/* Raw system calls: the runtime's OS layer has no reason to read files,
 * and this is benchmark scaffolding, not runtime code. */
uint64_t plat_peak_rss_kib(void)
{
	static char buf[8192];
	long fd = syscall4(SYS_openat, AT_FDCWD, (long)"/proc/self/status", 0, 0);
	if (fd < 0)
		return 0;
	long n = 0, r;
	while (n < (long)sizeof buf - 1 &&
	       (r = syscall3(SYS_read, fd, (long)(buf + n), (long)sizeof buf - 1 - n)) > 0)
		n += r;
	syscall1(SYS_close, fd);
	buf[n] = '\0';
	static const char key[] = "VmHWM:";
	for (long i = 0; i + 6 < n; i++) {
		bool match = true;
		for (int k = 0; k < 6; k++)
			match = match && buf[i + k] == key[k];
		if (!match)
			continue;
		uint64_t kib = 0;
		for (long j = i + 6; j < n && buf[j] != '\n'; j++)
			if (buf[j] >= '0' && buf[j] <= '9')
				kib = kib * 10 + (uint64_t)(buf[j] - '0');
		return kib;
	}
	return 0;
}

void plat_relax(void)
{
	rt_arch_cpu_relax();
}

int32_t t_entry(void)
{
	const char *argv[8];
	int64_t argc = trt_arg_count();
	if (argc > 8)
		argc = 8;
	for (int64_t i = 0; i < argc; i++)
		argv[i] = (const char *)trt_arg_ptr(i);
	return bench_main((int)argc, argv);
}

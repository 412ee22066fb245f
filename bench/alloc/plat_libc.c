/*
 * plat_libc.c — driver.c's platform on glibc (compiled by gcc, with libc
 * headers): pthreads, clock_gettime, stdio.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "plat.h"

struct plat_thread {
	pthread_t t;
	void (*fn)(void *);
	void *arg;
};

static void *trampoline(void *p)
{
	struct plat_thread *t = p;
	t->fn(t->arg);
	return NULL;
}

plat_thread *plat_spawn(void (*fn)(void *), void *arg)
{
	static struct plat_thread pool[16];
	static int used;
	struct plat_thread *t = &pool[used++];
	t->fn = fn;
	t->arg = arg;
	if (pthread_create(&t->t, NULL, trampoline, t) != 0)
		abort();
	return t;
}

void plat_join(plat_thread *t)
{
	pthread_join(t->t, NULL);
}

uint64_t plat_now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

void plat_print(const char *s)
{
	fputs(s, stdout);
}

void plat_print_u64(uint64_t v)
{
	printf("%llu", (unsigned long long)v);
}

uint64_t plat_peak_rss_kib(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	if (f == NULL)
		return 0;
	char line[256];
	unsigned long long kib = 0;
	while (fgets(line, sizeof line, f) != NULL)
		if (sscanf(line, "VmHWM: %llu kB", &kib) == 1)
			break;
	fclose(f);
	return kib;
}

void plat_relax(void)
{
#if defined(__x86_64__)
	__asm__ volatile("pause" ::: "memory");
#elif defined(__aarch64__)
	__asm__ volatile("yield" ::: "memory");
#endif
}

int main(int argc, char **argv)
{
	return bench_main(argc, (const char *const *)argv);
}

/*
 * args.c — the command line and environment, as the kernel passed them.
 *
 * Model: argv and envp point into the initial process stack, which lives as
 * long as the process; we keep the pointers and never copy.  Lengths are
 * computed on demand (arguments are short and read rarely; caching them
 * would need memory before there is an allocator).
 *
 * Invariant: rt_args_init runs once, in trt_start, before any T code.
 * Bounds are the compiler's job (see trt.h): these accessors trust `i`.
 */
#include "trt.h"
#include "internal.h"

static int64_t arg_count;
static const uint8_t *const *arg_vector;
static const uint8_t *const *env_vector;

void rt_args_init(int64_t argc, const uint8_t *const *argv,
                  const uint8_t *const *envp)
{
	arg_count = argc;
	arg_vector = argv;
	env_vector = envp;
}

const uint8_t *const *rt_envp(void)
{
	return env_vector;
}

int64_t trt_arg_count(void)
{
	return arg_count;
}

const uint8_t *trt_arg_ptr(int64_t i)
{
	return arg_vector[i];
}

int64_t trt_arg_len(int64_t i)
{
	return (int64_t)rt_cstr_len((const char *)arg_vector[i]);
}

const uint8_t *rt_getenv(const char *name)
{
	if (env_vector == NULL)
		return NULL;
	for (const uint8_t *const *e = env_vector; *e != NULL; e++) {
		const uint8_t *v = *e;
		size_t i = 0;
		while (name[i] != '\0' && v[i] == (uint8_t)name[i])
			i++;
		if (name[i] == '\0' && v[i] == '=')
			return v + i + 1;
	}
	return NULL;
}

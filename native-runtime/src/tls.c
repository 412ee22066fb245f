/*
 * tls.c — thread-local storage: each thread's static TLS block and thread
 * pointer.
 *
 * Model: a static executable has one TLS module, described by its PT_TLS
 * program header: an initialization image (.tdata, p_filesz bytes at
 * p_vaddr) followed by zeros (.tbss) up to p_memsz bytes, aligned to
 * p_align.  Every thread gets its own copy — its "TLS area" — and a thread
 * pointer into it; the linker has already turned every local-exec access
 * (the model LLVM uses for `_Thread_local` in a static, non-PIC executable,
 * in runtime C and in code tcc emits alike) into a constant offset from that
 * pointer.  The offsets follow lld's formulas (InputSection.cpp,
 * getTlsTpOffset), which this file mirrors exactly:
 *
 *   variant II (x86-64):  block = tp - p_memsz
 *                                   - ((-p_vaddr - p_memsz) & (p_align - 1))
 *                          [block .......... ][TCB: tp -> self pointer ...]
 *   variant I (AArch64):  block = tp + 16 + ((p_vaddr - 16) & (p_align - 1))
 *                          [TCB 16 bytes][padding][block ..........]
 *
 * with tp aligned to p_align, so the block is congruent to p_vaddr modulo
 * p_align, as the linker assumed when it laid out .tdata/.tbss.
 * arch/<arch>/tls_arch.h says which variant and how large the TCB is.
 *
 * The main thread's area is a static buffer when it fits (no system call;
 * the runtime's own thread-locals take a few dozen bytes), a mapping
 * otherwise.  Threads the runtime starts get theirs inside their stack
 * mapping (thread.c), through rt_tls_area_size / rt_tls_area_init.
 *
 * Invariants:
 *   - rt_tls_init_main runs in trt_start right after the auxiliary vector is
 *     known and before anything reads a thread-local: before it, the thread
 *     pointer is 0 and any TLS access faults.  Nothing that runs before it
 *     (args.c, auxv.c) may use `_Thread_local`.
 *   - The layout (`tls`) is computed once and read-only afterwards, so
 *     threads may build areas concurrently.
 *   - Areas are never freed while their thread runs; a thread's area dies
 *     with its stack mapping, after the join.
 */
#include "internal.h"
#include "os.h"
#include "tls_arch.h"

#define AT_PHDR  3
#define AT_PHENT 4
#define AT_PHNUM 5
#define PT_TLS   7

/* Elf64_Phdr. */
struct elf_phdr {
	uint32_t type;
	uint32_t flags;
	uint64_t offset;
	uint64_t vaddr;
	uint64_t paddr;
	uint64_t filesz;
	uint64_t memsz;
	uint64_t align;
};

/* The layout every thread's area follows. */
static struct {
	const uint8_t *image; /* .tdata initialization image */
	size_t filesz;        /* its length */
	size_t memsz;         /* the whole block: .tdata + .tbss */
	size_t align;         /* alignment of the thread pointer (>= 16) */
	size_t below;         /* bytes of the area below the thread pointer */
	size_t above;         /* bytes at and above it */
	intptr_t block_off;   /* the block's start relative to tp */
} tls;

/* The main thread's area when it fits: enough for the runtime's own
 * thread-locals and a modest amount from compiled code. */
#define MAIN_STATIC_AREA 1024
static uint8_t main_area[MAIN_STATIC_AREA] __attribute__((aligned(64)));
static void *main_tp;

static size_t align_up(size_t v, size_t a)
{
	return (v + a - 1) & ~(a - 1);
}

static void find_segment(void)
{
	const struct elf_phdr *ph = (const struct elf_phdr *)rt_auxv_get(AT_PHDR);
	size_t n = rt_auxv_get(AT_PHNUM);
	size_t ent = rt_auxv_get(AT_PHENT);
	size_t p_align = 1;
	uint64_t vaddr = 0;
	if (ph != NULL && ent == sizeof(struct elf_phdr)) {
		for (size_t i = 0; i < n; i++) {
			if (ph[i].type != PT_TLS)
				continue;
			tls.image = (const uint8_t *)ph[i].vaddr;
			tls.filesz = ph[i].filesz;
			tls.memsz = ph[i].memsz;
			vaddr = ph[i].vaddr;
			p_align = ph[i].align != 0 ? ph[i].align : 1;
			break;
		}
	}
	if ((p_align & (p_align - 1)) != 0)
		rt_bug("PT_TLS alignment is not a power of two:", (int64_t)p_align);
	tls.align = p_align > 16 ? p_align : 16;
#if RT_TLS_VARIANT == 2
	size_t gap = (size_t)(-vaddr - tls.memsz) & (p_align - 1);
	tls.below = align_up(tls.memsz + gap, 16);
	tls.block_off = -(intptr_t)(tls.memsz + gap);
	tls.above = RT_TLS_TCB_SIZE;
#else
	size_t gap = (size_t)(vaddr - RT_TLS_TCB_SIZE) & (p_align - 1);
	tls.below = 0;
	tls.block_off = (intptr_t)(RT_TLS_TCB_SIZE + gap);
	tls.above = align_up(RT_TLS_TCB_SIZE + gap + tls.memsz, 16);
#endif
}

size_t rt_tls_area_size(void)
{
	/* Slack for aligning the thread pointer inside an area that is only
	 * 16-byte aligned. */
	return tls.below + tls.above + tls.align - 16;
}

void *rt_tls_area_init(void *area)
{
	uintptr_t tp = align_up((uintptr_t)area + tls.below, tls.align);
	uint8_t *block = (uint8_t *)(tp + (uintptr_t)tls.block_off);
	memcpy(block, tls.image, tls.filesz);
	/* .tbss: the area is zero-filled (a fresh mapping or .bss). */
#if RT_TLS_VARIANT == 2
	*(uintptr_t *)tp = tp;
#endif
	return (void *)tp;
}

void rt_tls_init_main(void)
{
	find_segment();
	size_t need = rt_tls_area_size();
	void *area = main_area;
	if (need > sizeof main_area || tls.align > 64) {
		area = os_map_anon(align_up(need, 4096));
		if (area == NULL)
			rt_bug("cannot map the main thread's TLS area, bytes:",
			       (int64_t)need);
	}
	main_tp = rt_tls_area_init(area);
	if (!os_set_thread_pointer(main_tp))
		rt_bug("cannot set the thread pointer", 0);
}

void *rt_tls_thread_pointer(void)
{
	return rt_arch_thread_pointer();
}

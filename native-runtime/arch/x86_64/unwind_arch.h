/*
 * unwind_arch.h (x86-64) — what the portable unwinder needs to know about
 * the machine: the register file as DWARF numbers it, how a signal's
 * ucontext holds it, and the registers the Itanium ABI hands to landing pads.
 *
 * Model: the unwinder keeps a frame's registers in an array of "slots".  On
 * x86-64 slot i is DWARF register i (System V psABI, figure 3.36):
 *     0 rax  1 rdx  2 rcx  3 rbx  4 rsi  5 rdi  6 rbp  7 rsp
 *     8..15 r8..r15  16 return address (the rip of the frame)
 * so the return-address column (16) is also the pc slot.  unwind_regs.S
 * reads and writes this layout; keep the two in step.
 *
 * Invariant: included only by src/unwind_*.c, src/backtrace*.c and
 * src/signals.c through src/unwind_internal.h.
 */
#ifndef TRT_UNWIND_ARCH_H
#define TRT_UNWIND_ARCH_H

#include <stdint.h>

#define RT_UNW_ARCH_NAME   "x86_64"
#define RT_UNW_NSLOTS      17
#define RT_UNW_SLOT_SP     7
#define RT_UNW_SLOT_PC     16
#define RT_UNW_DWARF_SP    7
/* Registers the personality routine fills for the landing pad
 * (__builtin_eh_return_data_regno(0/1)): rax and rdx. */
#define RT_UNW_EH_DATA0    0
#define RT_UNW_EH_DATA1    1

/* Slot of DWARF register `reg`, or -1 when the unwinder does not track it
 * (the xmm registers: none is callee-saved in the System V ABI). */
static inline int rt_unw_dwarf_slot(uint64_t reg)
{
	return reg <= 16 ? (int)reg : -1;
}

/* Return addresses are plain addresses on x86-64. */
static inline uintptr_t rt_unw_strip_ra(uintptr_t ra)
{
	return ra;
}

/* Linux's ucontext_t on x86-64: uc_flags, uc_link, uc_stack (24 bytes),
 * then mcontext's gregs[23] at byte 40, in the kernel's order r8..r15, rdi,
 * rsi, rbp, rbx, rdx, rax, rcx, rsp, rip, ... */
#define RT_UC_GREGS 40
static inline void rt_unw_regs_from_ucontext(uintptr_t *slots, const void *uc)
{
	static const signed char dwarf_of_greg[17] = {
		8, 9, 10, 11, 12, 13, 14, 15, /* r8..r15 */
		5, 4, 6, 3, 1, 0, 2, 7,       /* rdi rsi rbp rbx rdx rax rcx rsp */
		16,                           /* rip */
	};
	const uint64_t *g = (const uint64_t *)((const char *)uc + RT_UC_GREGS);
	for (int i = 0; i < 17; i++)
		slots[dwarf_of_greg[i]] = (uintptr_t)g[i];
}

static inline uintptr_t rt_unw_ucontext_sp(const void *uc)
{
	return (uintptr_t)((const uint64_t *)((const char *)uc + RT_UC_GREGS))[15];
}

#endif /* TRT_UNWIND_ARCH_H */

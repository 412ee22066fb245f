/*
 * unwind_arch.h (AArch64) — what the portable unwinder needs to know about
 * the machine: the register file as DWARF numbers it, how a signal's
 * ucontext holds it, and the registers the Itanium ABI hands to landing pads.
 *
 * Model: the unwinder keeps a frame's registers in an array of "slots":
 *     0..30  x0..x30 (DWARF 0..30)        31  sp (DWARF 31)
 *     32..39 d8..d15 (DWARF 72..79: the callee-saved low halves of v8..v15)
 *     40     pc (the frame's address; no DWARF number: a caller's pc is
 *            the value of its return-address column, x30)
 * unwind_regs.S reads and writes this layout; keep the two in step.
 *
 * Return addresses may be signed with pointer authentication
 * (-mbranch-protection; the CFI says so with DW_CFA_AARCH64_negate_ra_state);
 * rt_unw_strip_ra removes the signature with XPACLRI, which is a NOP on
 * cores without the feature.
 *
 * Invariant: included only by src/unwind_*.c, src/backtrace*.c and
 * src/signals.c through src/unwind_internal.h.
 */
#ifndef TRT_UNWIND_ARCH_H
#define TRT_UNWIND_ARCH_H

#include <stdint.h>

#define RT_UNW_ARCH_NAME   "aarch64"
#define RT_UNW_NSLOTS      41
#define RT_UNW_SLOT_SP     31
#define RT_UNW_SLOT_PC     40
#define RT_UNW_DWARF_SP    31
/* Registers the personality routine fills for the landing pad
 * (__builtin_eh_return_data_regno(0/1)): x0 and x1. */
#define RT_UNW_EH_DATA0    0
#define RT_UNW_EH_DATA1    1

static inline int rt_unw_dwarf_slot(uint64_t reg)
{
	if (reg <= 31)
		return (int)reg;
	if (reg >= 72 && reg <= 79)
		return (int)(reg - 72 + 32);
	return -1;
}

static inline uintptr_t rt_unw_strip_ra(uintptr_t ra)
{
	register uintptr_t x30 __asm__("x30") = ra;
	__asm__("hint #7" : "+r"(x30)); /* XPACLRI */
	return x30;
}

/* Linux's ucontext_t on AArch64: uc_flags, uc_link, uc_stack (24 bytes), the
 * kernel's 8-byte sigset padded to 128 bytes, then struct sigcontext at byte
 * 176 (16-aligned): fault_address, regs[31], sp, pc, pstate, and at byte 464
 * the __reserved area whose first record is normally the FP/SIMD context
 * (magic 0x46508001: magic, size, fpsr, fpcr, then vregs[32] of 16 bytes). */
#define RT_UC_MCONTEXT 176
#define RT_UC_REGS     (RT_UC_MCONTEXT + 8)
#define RT_UC_SP       (RT_UC_MCONTEXT + 8 + 31 * 8)
#define RT_UC_PC       (RT_UC_SP + 8)
#define RT_UC_RESERVED (RT_UC_MCONTEXT + 288)
#define RT_UC_FPSIMD_MAGIC 0x46508001u

static inline void rt_unw_regs_from_ucontext(uintptr_t *slots, const void *uc)
{
	const char *b = (const char *)uc;
	const uint64_t *x = (const uint64_t *)(b + RT_UC_REGS);
	for (int i = 0; i < 31; i++)
		slots[i] = (uintptr_t)x[i];
	slots[31] = (uintptr_t)*(const uint64_t *)(b + RT_UC_SP);
	slots[40] = (uintptr_t)*(const uint64_t *)(b + RT_UC_PC);
	const uint32_t *fp = (const uint32_t *)(b + RT_UC_RESERVED);
	if (fp[0] == RT_UC_FPSIMD_MAGIC) {
		const uint64_t *v = (const uint64_t *)(b + RT_UC_RESERVED + 16);
		for (int i = 0; i < 8; i++)
			slots[32 + i] = (uintptr_t)v[2 * (8 + i)];
	} else {
		for (int i = 0; i < 8; i++)
			slots[32 + i] = 0;
	}
}

static inline uintptr_t rt_unw_ucontext_sp(const void *uc)
{
	return (uintptr_t)*(const uint64_t *)((const char *)uc + RT_UC_SP);
}

#endif /* TRT_UNWIND_ARCH_H */

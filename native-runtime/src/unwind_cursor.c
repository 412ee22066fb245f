/*
 * unwind_cursor.c — walking from a frame to its caller.
 *
 * Model: a cursor holds one frame's registers (slots, see
 * arch/<arch>/unwind_arch.h) and, once loaded, that frame's FDE, the row of
 * its CFA program at the frame's pc and the CFA the row computes.  Stepping
 * applies the row: the caller's registers are read from the frame (saved at
 * CFA+n), computed (CFA+n), copied from another register, or left as they
 * are; the caller's stack pointer is the CFA; the caller's pc is the value
 * of the return-address column.  Then the caller's frame is loaded.
 *
 * The pc of every frame but the first is a return address, which may already
 * be past the end of the function (a call to a noreturn function is often
 * its last instruction), so such frames are looked up at pc - 1.  The first
 * frame of a signal context is looked up at its exact pc.
 *
 * Invariants:
 *   - A frame whose FDE or row could not be had is still a valid frame
 *     (its pc is known, a backtrace can print it); frame_err says why it
 *     cannot be stepped over.
 *   - The caller's stack pointer never lies below the callee's, and a step
 *     that changes neither sp nor pc is refused: on a corrupt stack the walk
 *     ends instead of looping.  (Reads of saved registers are not checked:
 *     a stack the CFI leads us to is mapped unless memory is corrupt.)
 */
#include "internal.h"
#include "unwind_internal.h"

static void load_frame(struct rt_unw_cursor *c)
{
	uintptr_t pc = rt_unw_lookup_pc(c);
	c->cfa = 0;
	c->frame_err = rt_unw_find_fde(pc, &c->fde);
	if (c->frame_err != 0)
		return;
	c->frame_err = rt_unw_cfi_run(&c->fde, pc, &c->row);
	if (c->frame_err != 0)
		return;
	if (c->row.cfa_is_expression) {
		c->frame_err = RT_UNW_EUNSUPPORTED;
		return;
	}
	int slot = rt_unw_dwarf_slot(c->row.cfa_reg);
	if (slot < 0) {
		c->frame_err = RT_UNW_EBADREG;
		return;
	}
	c->cfa = c->regs[slot] + (uintptr_t)c->row.cfa_offset;
}

void rt_unw_init(struct rt_unw_cursor *c, const uintptr_t *slots,
                 bool pc_exact)
{
	memcpy(c->regs, slots, sizeof c->regs);
	c->pc_exact = pc_exact;
	load_frame(c);
}

int rt_unw_step(struct rt_unw_cursor *c)
{
	if (c->frame_err != 0)
		return c->frame_err;
	const struct rt_cfi_row *row = &c->row;
	uint64_t ra = c->fde.cie.ra_reg;
	int ra_slot = rt_unw_dwarf_slot(ra);
	if (ra_slot < 0 || ra >= RT_CFI_NREGS)
		return RT_UNW_EBADREG;
	if (row->kind[ra] == RT_RULE_UNDEFINED)
		return 0; /* the outermost frame (_start says so) */

	uintptr_t next[RT_UNW_NSLOTS];
	memcpy(next, c->regs, sizeof next);
	for (uint64_t r = 0; r < RT_CFI_NREGS; r++) {
		int s = rt_unw_dwarf_slot(r);
		if (s < 0)
			continue;
		int64_t v = row->value[r];
		switch ((enum rt_cfi_rule)row->kind[r]) {
		case RT_RULE_SAME:
		case RT_RULE_UNDEFINED:
			break;
		case RT_RULE_OFFSET:
			next[s] = *(const uintptr_t *)(c->cfa + (uintptr_t)v);
			break;
		case RT_RULE_VAL_OFFSET:
			next[s] = c->cfa + (uintptr_t)v;
			break;
		case RT_RULE_REGISTER: {
			int from = rt_unw_dwarf_slot((uint64_t)v);
			if (from < 0)
				return RT_UNW_EBADREG;
			next[s] = c->regs[from];
			break;
		}
		case RT_RULE_EXPRESSION:
		case RT_RULE_VAL_EXPRESSION:
			return RT_UNW_EUNSUPPORTED;
		}
	}
	if (row->kind[RT_UNW_DWARF_SP] == RT_RULE_SAME)
		next[RT_UNW_SLOT_SP] = c->cfa;
	uintptr_t pc = next[ra_slot];
	if (row->ra_signed)
		pc = rt_unw_strip_ra(pc);
	next[RT_UNW_SLOT_PC] = pc;
	if (pc == 0)
		return 0; /* an outermost frame that zeroed its return address */

	uintptr_t old_sp = c->regs[RT_UNW_SLOT_SP];
	uintptr_t new_sp = next[RT_UNW_SLOT_SP];
	if (new_sp < old_sp ||
	    (new_sp == old_sp && pc == c->regs[RT_UNW_SLOT_PC]))
		return RT_UNW_EBADFRAME;

	bool caller_exact = c->fde.cie.signal_frame;
	memcpy(c->regs, next, sizeof next);
	c->pc_exact = caller_exact;
	load_frame(c);
	return 1;
}

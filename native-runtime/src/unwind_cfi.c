/*
 * unwind_cfi.c — the interpreter of DWARF call-frame programs.
 *
 * Model: DWARF describes, for every address of a function, a "row": how to
 * compute the canonical frame address (CFA: the caller's stack pointer at the
 * call) and, for each register, where the caller's value of it is (saved at
 * CFA+n, equal to CFA+n, in another register, unchanged, lost).  The table is
 * compressed into a program: the CIE's initial instructions set the row at
 * the function's first address, then the FDE's instructions edit the row and
 * advance the location.  To know the row at pc we run the CIE program, keep a
 * copy of its row (what DW_CFA_restore goes back to), then run the FDE
 * program until an advance would move the location past pc.
 *
 * Supported: every opcode LLVM and GCC emit for x86-64 and AArch64 code —
 * advance_loc*, set_loc, def_cfa*, offset*, val_offset*, restore*,
 * undefined, same_value, register, remember/restore_state, GNU_args_size,
 * GNU_negative_offset_extended and AArch64's negate_ra_state.  DWARF
 * expressions (def_cfa_expression, expression, val_expression) are recorded
 * and rejected with RT_UNW_EUNSUPPORTED when the row is used; LLVM emits
 * them only for unusual frames (dynamic stack realignment on x86 with
 * -mstackrealign, SVE on AArch64).
 *
 * Invariants:
 *   - Architecture-neutral: code/data alignment and the return-address
 *     column come from the CIE; register numbers are DWARF's.
 *   - Bounded: reads stop at the end of the program; remember_state nests at
 *     most RT_CFI_STATE_DEPTH deep; rules for registers >= RT_CFI_NREGS are
 *     dropped (no target saves one).
 */
#include "internal.h"
#include "unwind_internal.h"

enum {
	CFA_nop = 0x00, CFA_set_loc = 0x01, CFA_advance_loc1 = 0x02,
	CFA_advance_loc2 = 0x03, CFA_advance_loc4 = 0x04,
	CFA_offset_extended = 0x05, CFA_restore_extended = 0x06,
	CFA_undefined = 0x07, CFA_same_value = 0x08, CFA_register = 0x09,
	CFA_remember_state = 0x0a, CFA_restore_state = 0x0b,
	CFA_def_cfa = 0x0c, CFA_def_cfa_register = 0x0d,
	CFA_def_cfa_offset = 0x0e, CFA_def_cfa_expression = 0x0f,
	CFA_expression = 0x10, CFA_offset_extended_sf = 0x11,
	CFA_def_cfa_sf = 0x12, CFA_def_cfa_offset_sf = 0x13,
	CFA_val_offset = 0x14, CFA_val_offset_sf = 0x15,
	CFA_val_expression = 0x16,
	CFA_AARCH64_negate_ra_state = 0x2d,
	CFA_GNU_args_size = 0x2e,
	CFA_GNU_negative_offset_extended = 0x2f,
	CFA_advance_loc = 0x40, CFA_offset = 0x80, CFA_restore = 0xc0,
};

struct interp {
	const struct rt_fde *fde;
	uintptr_t target;               /* run while loc <= target */
	uintptr_t loc;
	struct rt_cfi_row *row;
	const struct rt_cfi_row *initial; /* NULL while running the CIE */
	struct rt_cfi_row *stack;       /* RT_CFI_STATE_DEPTH rows */
	int depth;
};

static void set_rule(struct rt_cfi_row *row, uint64_t reg, enum rt_cfi_rule k,
                     int64_t v)
{
	if (reg >= RT_CFI_NREGS)
		return; /* a register no target saves (say, xmm16): dropped */
	row->kind[reg] = (uint8_t)k;
	row->value[reg] = v;
}

static int restore_rule(struct interp *in, uint64_t reg)
{
	if (in->initial == NULL)
		return RT_UNW_EBADCFI; /* restore inside the CIE itself */
	if (reg < RT_CFI_NREGS) {
		in->row->kind[reg] = in->initial->kind[reg];
		in->row->value[reg] = in->initial->value[reg];
	}
	return 0;
}

/* Skips a DWARF expression block (uleb length, bytes). */
static void skip_block(struct rt_bytes *b)
{
	uint64_t len = rt_unw_read_uleb(b);
	if (b->bad || len > (uint64_t)(b->end - b->p)) {
		b->bad = true;
		return;
	}
	b->p += len;
}

/* Executes instructions in [p, end).  Returns 0, or an error; stops early
 * (returning 0) when an advance passes the target. */
static int run(struct interp *in, const uint8_t *p, const uint8_t *end)
{
	const struct rt_cie *cie = &in->fde->cie;
	struct rt_bytes b = { p, end, false };
	struct rt_cfi_row *row = in->row;
	while (b.p < b.end) {
		uint8_t op = rt_unw_read_u8(&b);
		uint64_t reg, delta = 0;
		bool advance = false;
		int err = 0;
		switch (op & 0xc0) {
		case CFA_advance_loc:
			delta = (uint64_t)(op & 0x3f) * cie->code_align;
			advance = true;
			break;
		case CFA_offset:
			reg = op & 0x3f;
			set_rule(row, reg, RT_RULE_OFFSET,
			         (int64_t)rt_unw_read_uleb(&b) * cie->data_align);
			break;
		case CFA_restore:
			err = restore_rule(in, op & 0x3f);
			break;
		default:
			switch (op) {
			case CFA_nop:
				break;
			case CFA_set_loc: {
				uintptr_t loc = rt_unw_read_encoded(&b, cie->fde_enc, 0, 0);
				if (b.bad)
					break;
				if (loc < in->loc)
					return RT_UNW_EBADCFI; /* locations only grow */
				if (loc > in->target)
					return 0;
				in->loc = loc;
				break;
			}
			case CFA_advance_loc1:
				delta = rt_unw_read_u8(&b) * cie->code_align;
				advance = true;
				break;
			case CFA_advance_loc2: {
				uint64_t lo = rt_unw_read_u8(&b);
				uint64_t hi = rt_unw_read_u8(&b);
				delta = (lo | hi << 8) * cie->code_align;
				advance = true;
				break;
			}
			case CFA_advance_loc4: {
				uint64_t v = 0;
				for (int i = 0; i < 4; i++)
					v |= (uint64_t)rt_unw_read_u8(&b) << (8 * i);
				delta = v * cie->code_align;
				advance = true;
				break;
			}
			case CFA_offset_extended:
				reg = rt_unw_read_uleb(&b);
				set_rule(row, reg, RT_RULE_OFFSET,
				         (int64_t)rt_unw_read_uleb(&b) * cie->data_align);
				break;
			case CFA_offset_extended_sf:
				reg = rt_unw_read_uleb(&b);
				set_rule(row, reg, RT_RULE_OFFSET,
				         rt_unw_read_sleb(&b) * cie->data_align);
				break;
			case CFA_GNU_negative_offset_extended:
				reg = rt_unw_read_uleb(&b);
				set_rule(row, reg, RT_RULE_OFFSET,
				         -(int64_t)rt_unw_read_uleb(&b) * cie->data_align);
				break;
			case CFA_val_offset:
				reg = rt_unw_read_uleb(&b);
				set_rule(row, reg, RT_RULE_VAL_OFFSET,
				         (int64_t)rt_unw_read_uleb(&b) * cie->data_align);
				break;
			case CFA_val_offset_sf:
				reg = rt_unw_read_uleb(&b);
				set_rule(row, reg, RT_RULE_VAL_OFFSET,
				         rt_unw_read_sleb(&b) * cie->data_align);
				break;
			case CFA_restore_extended:
				err = restore_rule(in, rt_unw_read_uleb(&b));
				break;
			case CFA_undefined:
				set_rule(row, rt_unw_read_uleb(&b), RT_RULE_UNDEFINED, 0);
				break;
			case CFA_same_value:
				set_rule(row, rt_unw_read_uleb(&b), RT_RULE_SAME, 0);
				break;
			case CFA_register:
				reg = rt_unw_read_uleb(&b);
				set_rule(row, reg, RT_RULE_REGISTER,
				         (int64_t)rt_unw_read_uleb(&b));
				break;
			case CFA_remember_state:
				if (in->depth == RT_CFI_STATE_DEPTH)
					return RT_UNW_ESTATE;
				in->stack[in->depth++] = *row;
				break;
			case CFA_restore_state: {
				if (in->depth == 0)
					return RT_UNW_ESTATE;
				/* The location and args_size are not part of the
				 * remembered state. */
				uint64_t args = row->args_size;
				*row = in->stack[--in->depth];
				row->args_size = args;
				break;
			}
			case CFA_def_cfa:
				row->cfa_reg = rt_unw_read_uleb(&b);
				row->cfa_offset = (int64_t)rt_unw_read_uleb(&b);
				row->cfa_is_expression = false;
				break;
			case CFA_def_cfa_sf:
				row->cfa_reg = rt_unw_read_uleb(&b);
				row->cfa_offset = rt_unw_read_sleb(&b) * cie->data_align;
				row->cfa_is_expression = false;
				break;
			case CFA_def_cfa_register:
				row->cfa_reg = rt_unw_read_uleb(&b);
				row->cfa_is_expression = false;
				break;
			case CFA_def_cfa_offset:
				row->cfa_offset = (int64_t)rt_unw_read_uleb(&b);
				break;
			case CFA_def_cfa_offset_sf:
				row->cfa_offset = rt_unw_read_sleb(&b) * cie->data_align;
				break;
			case CFA_def_cfa_expression:
				skip_block(&b);
				row->cfa_is_expression = true;
				break;
			case CFA_expression:
				reg = rt_unw_read_uleb(&b);
				skip_block(&b);
				set_rule(row, reg, RT_RULE_EXPRESSION, 0);
				break;
			case CFA_val_expression:
				reg = rt_unw_read_uleb(&b);
				skip_block(&b);
				set_rule(row, reg, RT_RULE_VAL_EXPRESSION, 0);
				break;
			case CFA_AARCH64_negate_ra_state:
				row->ra_signed = !row->ra_signed;
				break;
			case CFA_GNU_args_size:
				row->args_size = rt_unw_read_uleb(&b);
				break;
			default:
				return RT_UNW_EUNSUPPORTED;
			}
		}
		if (err != 0)
			return err;
		if (b.bad)
			return RT_UNW_EBADCFI;
		if (advance) {
			if (in->loc + delta > in->target)
				return 0;
			in->loc += delta;
		}
	}
	return 0;
}

int rt_unw_cfi_run(const struct rt_fde *fde, uintptr_t pc,
                   struct rt_cfi_row *row)
{
	struct rt_cfi_row initial;
	struct rt_cfi_row stack[RT_CFI_STATE_DEPTH];
	memset(row, 0, sizeof *row);
	row->cfa_reg = ~(uint64_t)0; /* no CFA rule yet */

	struct interp in = {
		.fde = fde, .target = ~(uintptr_t)0, .loc = fde->pc_begin,
		.row = row, .initial = NULL, .stack = stack, .depth = 0,
	};
	int err = run(&in, fde->cie.insns, fde->cie.insns_end);
	if (err != 0)
		return err;
	initial = *row;
	in.initial = &initial;
	in.target = pc;
	in.loc = fde->pc_begin;
	in.depth = 0;
	err = run(&in, fde->insns, fde->insns_end);
	if (err != 0)
		return err;
	if (row->cfa_reg == ~(uint64_t)0 && !row->cfa_is_expression)
		return RT_UNW_EBADCFI; /* no CFA rule at all */
	return 0;
}

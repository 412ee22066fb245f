/*
 * unwind_internal.h — the unwinder's pieces, as the runtime's other files
 * (and the C tests of the CFI interpreter) see them.
 *
 * Model: unwinding one frame is
 *   1. find the FDE covering the frame's pc (unwind_eh_frame.c: binary search
 *      in .eh_frame_hdr, found through the program headers);
 *   2. run the CIE's initial instructions and the FDE's CFA program up to the
 *      pc, giving a row: how to compute the CFA and where each register of
 *      the caller was saved (unwind_cfi.c);
 *   3. apply the row to the frame's registers to get the caller's
 *      (unwind_cursor.c).
 * The _Unwind_* interface (unwind_raise.c), backtraces (backtrace.c) and the
 * fatal-signal handler (signals.c) drive a cursor through those steps.
 *
 * Invariants:
 *   - Nothing here allocates or takes locks: the cursor and the row live on
 *     the caller's stack (about 2 KiB), so the unwinder works in a signal
 *     handler on the alternate stack and on the panic path.
 *   - The CFI interpreter is architecture-neutral (it takes register numbers,
 *     code and data alignment from the CIE) so its tests run the same on
 *     either target; only the cursor knows the register file, through
 *     arch/<arch>/unwind_arch.h.
 *   - Errors are negative RT_UNW_E* codes with a message (rt_unw_strerror),
 *     never a crash on malformed but mapped unwind data.
 */
#ifndef TRT_UNWIND_INTERNAL_H
#define TRT_UNWIND_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "trt.h"
#include "unwind_arch.h"

/* ---- Errors ---- */
#define RT_UNW_ENOINFO      (-1) /* no FDE covers the pc */
#define RT_UNW_EBADCFI      (-2) /* malformed CIE/FDE or CFA program */
#define RT_UNW_EUNSUPPORTED (-3) /* DWARF expressions, unknown opcodes */
#define RT_UNW_EBADREG      (-4) /* a register number we cannot track */
#define RT_UNW_ESTATE       (-5) /* remember_state nested too deep / restore_state without one */
#define RT_UNW_EBADFRAME    (-6) /* the computed caller frame is implausible */
#define RT_UNW_ENOHDR       (-7) /* no usable .eh_frame_hdr */
const char *rt_unw_strerror(int err);

/* ---- DWARF exception-header pointer encodings (DW_EH_PE_*) ---- */
#define RT_PE_ABSPTR  0x00
#define RT_PE_ULEB128 0x01
#define RT_PE_UDATA2  0x02
#define RT_PE_UDATA4  0x03
#define RT_PE_UDATA8  0x04
#define RT_PE_SLEB128 0x09
#define RT_PE_SDATA2  0x0a
#define RT_PE_SDATA4  0x0b
#define RT_PE_SDATA8  0x0c
#define RT_PE_PCREL   0x10
#define RT_PE_TEXTREL 0x20
#define RT_PE_DATAREL 0x30
#define RT_PE_FUNCREL 0x40
#define RT_PE_ALIGNED 0x50
#define RT_PE_INDIRECT 0x80
#define RT_PE_OMIT    0xff

/* A cursor over bytes [p, end).  Readers set `bad` instead of reading past
 * the end; check it once after a group of reads. */
struct rt_bytes {
	const uint8_t *p;
	const uint8_t *end;
	bool bad;
};
uint64_t rt_unw_read_uleb(struct rt_bytes *b);
int64_t rt_unw_read_sleb(struct rt_bytes *b);
uint8_t rt_unw_read_u8(struct rt_bytes *b);
/* Reads a pointer in encoding `enc`.  pcrel is relative to the field's own
 * address, datarel to `datarel_base`, funcrel to `func_base`; indirect
 * loads the final pointer from the computed address.  RT_PE_OMIT reads
 * nothing and yields 0. */
uintptr_t rt_unw_read_encoded(struct rt_bytes *b, uint8_t enc,
                              uintptr_t datarel_base, uintptr_t func_base);
/* Size in bytes of a fixed-size encoding (0 for uleb/sleb/omit). */
size_t rt_unw_encoded_size(uint8_t enc);

/* ---- CIE and FDE (unwind_eh_frame.c) ---- */
struct rt_cie {
	const uint8_t *insns;     /* initial instructions */
	const uint8_t *insns_end;
	uint64_t code_align;
	int64_t data_align;
	uint64_t ra_reg;          /* return-address column */
	uintptr_t personality;    /* 0 when none */
	uint8_t fde_enc;          /* pc_begin/pc_range encoding ('R') */
	uint8_t lsda_enc;         /* 'L', RT_PE_OMIT when absent */
	bool has_z;               /* augmentation data present ('z') */
	bool signal_frame;        /* 'S' */
};

struct rt_fde {
	struct rt_cie cie;
	uintptr_t pc_begin;
	uintptr_t pc_end;
	uintptr_t lsda;           /* 0 when none */
	const uint8_t *insns;
	const uint8_t *insns_end;
};

/* Parses the CIE at `cie` (its length field) in .eh_frame format. */
int rt_unw_parse_cie(const uint8_t *cie, struct rt_cie *out);
/* Parses the FDE at `fde` (its length field) and the CIE it points to. */
int rt_unw_parse_fde(const uint8_t *fde, struct rt_fde *out);
/* Finds and parses the FDE covering `pc` through the executable's
 * .eh_frame_hdr. */
int rt_unw_find_fde(uintptr_t pc, struct rt_fde *out);

/* ---- The CFA program interpreter (unwind_cfi.c) ---- */

/* DWARF registers whose rules are kept: 0..95 covers every register either
 * target saves (AArch64's v8..v15 are 72..79).  Rules for higher numbers are
 * parsed and dropped; a CFA based on one is an error. */
#define RT_CFI_NREGS 96
/* Nesting depth of DW_CFA_remember_state. */
#define RT_CFI_STATE_DEPTH 4

enum rt_cfi_rule {
	RT_RULE_SAME = 0,     /* unchanged in the caller (also: no rule given) */
	RT_RULE_UNDEFINED,    /* not recoverable (for the RA column: outermost frame) */
	RT_RULE_OFFSET,       /* saved at CFA + value */
	RT_RULE_VAL_OFFSET,   /* the caller's value is CFA + value */
	RT_RULE_REGISTER,     /* in register `value` */
	RT_RULE_EXPRESSION,   /* recorded, then rejected when applied */
	RT_RULE_VAL_EXPRESSION,
};

struct rt_cfi_row {
	uint64_t cfa_reg;
	int64_t cfa_offset;
	bool cfa_is_expression;
	bool ra_signed;        /* AArch64 pointer authentication state */
	uint64_t args_size;    /* DW_CFA_GNU_args_size */
	uint8_t kind[RT_CFI_NREGS];
	int64_t value[RT_CFI_NREGS];
};

/* Runs the CIE's initial instructions, then the FDE's instructions while
 * the location stays <= pc.  `pc` is an address inside the instruction of
 * interest (for callers, return address - 1). */
int rt_unw_cfi_run(const struct rt_fde *fde, uintptr_t pc,
                   struct rt_cfi_row *row);

/* ---- Register contexts (arch/<arch>/unwind_regs.S) ---- */
int rt_unw_capture(uintptr_t slots[RT_UNW_NSLOTS]);
_Noreturn void rt_unw_resume(const uintptr_t slots[RT_UNW_NSLOTS]);

/* ---- Cursors (unwind_cursor.c) ---- */
struct rt_unw_cursor {
	uintptr_t regs[RT_UNW_NSLOTS];
	bool pc_exact;     /* pc is the faulting instruction, not a return address */
	int frame_err;     /* 0 when fde/row/cfa below describe this frame */
	struct rt_fde fde;
	struct rt_cfi_row row;
	uintptr_t cfa;
};

/* Starts at the frame described by `slots` (from rt_unw_capture: pc is a
 * return address; from a signal: pc_exact). */
void rt_unw_init(struct rt_unw_cursor *c, const uintptr_t *slots,
                 bool pc_exact);
/* Moves to the caller.  1: done; 0: this was the outermost frame; <0: error
 * (the cursor still describes the old frame). */
int rt_unw_step(struct rt_unw_cursor *c);
static inline uintptr_t rt_unw_pc(const struct rt_unw_cursor *c)
{
	return c->regs[RT_UNW_SLOT_PC];
}
/* An address inside the instruction the frame is executing. */
static inline uintptr_t rt_unw_lookup_pc(const struct rt_unw_cursor *c)
{
	return c->pc_exact ? rt_unw_pc(c) : rt_unw_pc(c) - 1;
}

/* What _Unwind_Context is: a cursor. */
struct _Unwind_Context {
	struct rt_unw_cursor cursor;
};

/* ---- unwind_panic.c ---- */
/* Prints "fatal runtime error: WHAT" and aborts (SIGABRT). */
_Noreturn void rt_unwind_fatal(const char *what, int err);
/* The frames a panic captured as a `Panic` keeps them (count, then the
 * addresses; interned, living as long as the program), or NULL when it
 * captured none (panic_catch.c). */
const uint64_t *rt_panic_frames(const struct trt_panic_exception *p);
/* Whether T_BACKTRACE asks for backtraces (read once; unwind_panic.c). */
bool rt_panic_backtrace_wanted(void);
/* Whether std::panic::set_hook installed a hook. */
bool rt_panic_hook_set(void);
/* The abort strategy's panics: calls the hook, when one is set, with the
 * panic (frames captured under T_BACKTRACE) and returns true — the caller
 * then prints no report of its own and aborts; false without a hook.  A
 * panic inside the hook reports both and aborts. */
bool rt_panic_abort_hook(const uint8_t *msg, int64_t msg_len,
                         const uint8_t *file, int64_t file_len,
                         int32_t line, int32_t col);

#endif /* TRT_UNWIND_INTERNAL_H */

/*
 * unwind_cfi — unit tests of the CIE/FDE parser and the CFA-program
 * interpreter on hand-written call-frame information, with the register
 * numbering and alignment factors of x86-64 (code 1, data -8, RA column 16)
 * and AArch64 (code 4, data -8, RA column 30, d8 = DWARF 72).  The
 * interpreter is architecture-neutral, so both tables run on both targets
 * and the output is the same.
 *
 * Records are laid out as in .eh_frame: a CIE, then FDEs pointing back to
 * it.  The byte-builder below only does the framing (length fields, the
 * CIE pointer, pc-relative fields); every instruction byte is written out.
 */
#include <stddef.h>
#include "trt.h"
#include "unwind_internal.h"

static void say(const char *s)
{
	int64_t n = 0;
	while (s[n] != 0)
		n++;
	trt_write(1, (const uint8_t *)s, n);
}

static void hex(uintptr_t v)
{
	char buf[19];
	int n = sizeof buf;
	buf[--n] = 0;
	do {
		buf[--n] = "0123456789abcdef"[v & 15];
		v >>= 4;
	} while (v != 0);
	buf[--n] = 'x';
	buf[--n] = '0';
	say(buf + n);
}

static void num(int64_t v)
{
	trt_write_i64(1, v);
}

/* ---- Building .eh_frame bytes ---- */
static uint8_t frame[1024] __attribute__((aligned(8)));
static size_t len;

static void b(uint8_t v) { frame[len++] = v; }
static void bytes(const uint8_t *p, size_t n) { while (n--) b(*p++); }
static void u32(uint32_t v) { for (int i = 0; i < 4; i++) b((uint8_t)(v >> (8 * i))); }
static void u64(uint64_t v) { for (int i = 0; i < 8; i++) b((uint8_t)(v >> (8 * i))); }
static void put32_at(size_t at, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		frame[at + (size_t)i] = (uint8_t)(v >> (8 * i));
}
static size_t begin_record(void) { size_t at = len; u32(0); return at; }
static void end_record(size_t at)
{
	while ((len - at) % 8 != 0)
		b(0); /* DW_CFA_nop padding */
	put32_at(at, (uint32_t)(len - at - 4));
}
/* An FDE's CIE pointer: distance from this field back to the CIE. */
static void cie_pointer(size_t cie) { u32((uint32_t)(len - cie)); }

/* ---- Printing a row ---- */
/* Addresses print relative to `shown_base` (0, or the AArch64 function's
 * start, which depends on where the test's data ended up). */
static uintptr_t shown_base;

static void print_row(const char *what, uintptr_t pc, const struct rt_fde *fde)
{
	struct rt_cfi_row row;
	say(what);
	say(" at ");
	if (shown_base != 0)
		say("func+");
	hex(pc - shown_base);
	say(": ");
	int err = rt_unw_cfi_run(fde, pc, &row);
	if (err != 0) {
		say("error: ");
		say(rt_unw_strerror(err));
		say("\n");
		return;
	}
	if (row.cfa_is_expression) {
		say("cfa=expression");
	} else {
		say("cfa=r");
		num((int64_t)row.cfa_reg);
		say(row.cfa_offset < 0 ? "" : "+");
		num(row.cfa_offset);
	}
	for (int r = 0; r < RT_CFI_NREGS; r++) {
		int64_t v = row.value[r];
		switch (row.kind[r]) {
		case RT_RULE_SAME:
			continue;
		case RT_RULE_UNDEFINED:
			say(" r"); num(r); say("=undefined");
			break;
		case RT_RULE_OFFSET:
			say(" r"); num(r); say("=[cfa"); say(v < 0 ? "" : "+");
			num(v); say("]");
			break;
		case RT_RULE_VAL_OFFSET:
			say(" r"); num(r); say("=cfa"); say(v < 0 ? "" : "+");
			num(v);
			break;
		case RT_RULE_REGISTER:
			say(" r"); num(r); say("=r"); num(v);
			break;
		case RT_RULE_EXPRESSION:
			say(" r"); num(r); say("=expression");
			break;
		case RT_RULE_VAL_EXPRESSION:
			say(" r"); num(r); say("=val_expression");
			break;
		}
	}
	if (row.ra_signed)
		say(" ra_signed");
	if (row.args_size != 0) {
		say(" args_size=");
		num((int64_t)row.args_size);
	}
	say("\n");
}

static int parse(size_t fde_at, struct rt_fde *fde)
{
	int err = rt_unw_parse_fde(frame + fde_at, fde);
	if (err != 0) {
		say("parse error: ");
		say(rt_unw_strerror(err));
		say("\n");
	}
	return err;
}

/* ---- x86-64 ---- */
static void x86_64(void)
{
	say("== x86-64: CIE zR (absptr), code 1, data -8, RA 16\n");
	len = 0;
	size_t cie = begin_record();
	u32(0);                       /* CIE id */
	b(1);                         /* version */
	bytes((const uint8_t *)"zR", 3);
	b(1);                         /* code alignment */
	b(0x78);                      /* data alignment: sleb -8 */
	b(16);                        /* return address: r16 (rip) */
	b(1); b(RT_PE_ABSPTR);        /* augmentation data: R */
	static const uint8_t cie_insns[] = {
		0x0c, 7, 8,   /* def_cfa rsp+8 */
		0x90, 1,      /* offset r16 at cfa-8 */
	};
	bytes(cie_insns, sizeof cie_insns);
	end_record(cie);

	size_t fde_at = begin_record();
	cie_pointer(cie);
	u64(0x1000);                  /* pc_begin */
	u64(0x100);                   /* pc_range */
	b(0);                         /* augmentation data length */
	static const uint8_t insns[] = {
		0x41,               /* advance 1:              0x1001 (push rbp) */
		0x0e, 16,           /* def_cfa_offset 16 */
		0x86, 2,            /* offset r6 (rbp) at cfa-16 */
		0x43,               /* advance 3:              0x1004 (mov rsp, rbp) */
		0x0d, 6,            /* def_cfa_register rbp */
		0x02, 0x20,         /* advance_loc1 0x20:      0x1024 */
		0x83, 3,            /* offset r3 (rbx) at cfa-24 */
		0x8c, 4,            /* offset r12 at cfa-32 */
		0x2e, 16,           /* GNU_args_size 16 */
		0x0a,               /* remember_state */
		0x42,               /* advance 2:              0x1026 (epilogue) */
		0x0c, 7, 8,         /* def_cfa rsp+8 */
		0xc6,               /* restore r6 */
		0x06, 3,            /* restore_extended r3 */
		0x41,               /* advance 1:              0x1027 */
		0x0b,               /* restore_state */
		0x07, 12,           /* undefined r12 */
		0x08, 3,            /* same_value r3 */
		0x09, 13, 14,       /* register r13 in r14 */
		0x14, 15, 2,        /* val_offset r15 = cfa-16 */
		0x11, 14, 0x7e,     /* offset_extended_sf r14 at cfa+16 (sleb -2) */
		0x2f, 5, 1,         /* GNU_negative_offset_extended r5 at cfa+8 */
		0x05, 20, 3,        /* offset_extended r20 (xmm3) at cfa-24 */
		0x04, 0x10, 0, 0, 0, /* advance_loc4 16:       0x1037 */
		0x13, 0x7c,         /* def_cfa_offset_sf 32 (sleb -4 * -8) */
		0x12, 7, 0x7f,      /* def_cfa_sf rsp+8 (sleb -1 * -8) */
		0x10, 9, 1, 0x30,   /* expression r9: { DW_OP_lit0 } */
		0x16, 10, 1, 0x30,  /* val_expression r10: { DW_OP_lit0 } */
		0x03, 0x08, 0x00,   /* advance_loc2 8:         0x103f */
		0x0f, 2, 0x77, 0x08,/* def_cfa_expression { DW_OP_breg7 8 } */
	};
	bytes(insns, sizeof insns);
	end_record(fde_at);

	struct rt_fde fde;
	if (parse(fde_at, &fde) != 0)
		return;
	say("fde: ");
	hex(fde.pc_begin); say(".."); hex(fde.pc_end);
	say(" code "); num((int64_t)fde.cie.code_align);
	say(" data "); num(fde.cie.data_align);
	say(" ra r"); num((int64_t)fde.cie.ra_reg);
	say(" lsda "); hex(fde.lsda);
	say(" personality "); hex(fde.cie.personality);
	say("\n");
	print_row("entry", 0x1000, &fde);
	print_row("after push", 0x1001, &fde);
	print_row("after mov", 0x1004, &fde);
	print_row("body", 0x1023, &fde);
	print_row("saved rbx/r12", 0x1024, &fde);
	print_row("epilogue", 0x1026, &fde);
	print_row("after restore_state", 0x1027, &fde);
	print_row("cfa_sf", 0x1037, &fde);
	print_row("cfa expression", 0x103f, &fde);
}

/* ---- AArch64 ---- */
static void aarch64(void)
{
	say("== AArch64: CIE zPLR (pcrel sdata4), code 4, data -8, RA 30\n");
	len = 0;
	size_t cie = begin_record();
	u32(0);
	b(1);
	bytes((const uint8_t *)"zPLR", 5);
	b(4);                         /* code alignment */
	b(0x78);                      /* data alignment -8 */
	b(30);                        /* return address: x30 */
	b(11);                        /* augmentation data length */
	b(RT_PE_ABSPTR); u64(0xabcdef); /* P: personality, absolute */
	b(RT_PE_ABSPTR);              /* L: LSDA encoding */
	b(RT_PE_PCREL | RT_PE_SDATA4);/* R: FDE pointers */
	static const uint8_t cie_insns[] = {
		0x0c, 31, 0,  /* def_cfa sp+0 */
	};
	bytes(cie_insns, sizeof cie_insns);
	end_record(cie);

	size_t fde_at = begin_record();
	cie_pointer(cie);
	/* pc_begin, pc-relative: the function is at `frame + 0x2000`, an
	 * address no code has; only the arithmetic matters. */
	uintptr_t func = (uintptr_t)frame + 0x2000;
	u32((uint32_t)(func - (uintptr_t)(frame + len)));
	u32(0x80);                    /* pc_range */
	b(8); u64(0x5150);            /* augmentation data: the LSDA */
	static const uint8_t insns[] = {
		0x41,               /* advance 1 (4 bytes):    +4 (paciasp) */
		0x2d,               /* negate_ra_state */
		0x41,               /* advance 1:              +8 (stp x29, x30, [sp, #-32]!) */
		0x0e, 32,           /* def_cfa_offset 32 */
		0x9e, 3,            /* offset x30 at cfa-24 */
		0x9d, 4,            /* offset x29 at cfa-32 */
		0x41,               /* advance 1:              +12 (mov x29, sp) */
		0x0c, 29, 32,       /* def_cfa x29+32 */
		0x11, 72, 5,        /* offset_extended_sf d8 (72) at cfa-40 */
		0x05, 73, 6,        /* offset_extended d9 (73) at cfa-48 */
		0x05, 100, 7,       /* a register above 95: dropped */
		0x03, 0x10, 0x00,   /* advance_loc2 16 (64 bytes): +0x4c (epilogue) */
		0x0a,               /* remember_state */
		0x0c, 31, 32,       /* def_cfa sp+32 */
		0x41,               /* advance 1:              +0x50 (ldp; autiasp) */
		0x06, 30,           /* restore_extended x30 */
		0xdd,               /* restore x29 */
		0x0e, 0,            /* def_cfa_offset 0 */
		0x2d,               /* negate_ra_state */
		0x41,               /* advance 1:              +0x54 (after ret) */
		0x0b,               /* restore_state */
	};
	bytes(insns, sizeof insns);
	end_record(fde_at);

	struct rt_fde fde;
	if (parse(fde_at, &fde) != 0)
		return;
	say("fde: func+");
	hex(fde.pc_begin - func); say("..func+"); hex(fde.pc_end - func);
	say(" code "); num((int64_t)fde.cie.code_align);
	say(" data "); num(fde.cie.data_align);
	say(" ra r"); num((int64_t)fde.cie.ra_reg);
	say(" lsda "); hex(fde.lsda);
	say(" personality "); hex(fde.cie.personality);
	say("\n");
	shown_base = func;
	print_row("entry", func, &fde);
	print_row("before paciasp's rule", func + 3, &fde);
	print_row("after paciasp", func + 4, &fde);
	print_row("after stp", func + 8, &fde);
	print_row("frame set up", func + 12, &fde);
	print_row("body", func + 0x4b, &fde);
	print_row("epilogue", func + 0x4c, &fde);
	print_row("after ldp", func + 0x50, &fde);
	print_row("second epilogue", func + 0x54, &fde);
	shown_base = 0;

	/* DW_CFA_set_loc (its operand in the FDE pointer encoding, absptr
	 * here): moves the location forward. */
	say("== set_loc and the errors\n");
	len = 0;
	cie = begin_record();
	u32(0); b(1); bytes((const uint8_t *)"zR", 3); b(4); b(0x78); b(30);
	b(1); b(RT_PE_ABSPTR);
	static const uint8_t cie2[] = { 0x0c, 31, 0 };
	bytes(cie2, sizeof cie2);
	end_record(cie);

	fde_at = begin_record();
	cie_pointer(cie);
	u64(0x4000); u64(0x100); b(0);
	b(0x01); u64(0x4010);         /* set_loc 0x4010 */
	b(0x0e); b(16);               /* def_cfa_offset 16 */
	b(0x01); u64(0x4020);         /* set_loc 0x4020 */
	b(0x0e); b(48);               /* def_cfa_offset 48 */
	end_record(fde_at);
	if (parse(fde_at, &fde) == 0) {
		print_row("set_loc before", 0x400f, &fde);
		print_row("set_loc first", 0x4010, &fde);
		print_row("set_loc second", 0x4030, &fde);
	}

	/* restore_state with nothing remembered. */
	fde_at = begin_record();
	cie_pointer(cie);
	u64(0x5000); u64(0x100); b(0);
	b(0x0b);
	end_record(fde_at);
	if (parse(fde_at, &fde) == 0)
		print_row("unbalanced restore_state", 0x5000, &fde);

	/* remember_state nested too deep. */
	fde_at = begin_record();
	cie_pointer(cie);
	u64(0x6000); u64(0x100); b(0);
	for (int i = 0; i <= RT_CFI_STATE_DEPTH; i++)
		b(0x0a);
	end_record(fde_at);
	if (parse(fde_at, &fde) == 0)
		print_row("remember_state too deep", 0x6000, &fde);

	/* An opcode from the user range. */
	fde_at = begin_record();
	cie_pointer(cie);
	u64(0x7000); u64(0x100); b(0);
	b(0x1c);
	end_record(fde_at);
	if (parse(fde_at, &fde) == 0)
		print_row("unknown opcode", 0x7000, &fde);

	/* A program cut in the middle of an operand (the record ends inside
	 * the uleb of def_cfa_offset; no padding). */
	fde_at = begin_record();
	cie_pointer(cie);
	u64(0x8000); u64(0x100); b(0);
	b(0x0e); b(0x80);
	put32_at(fde_at, (uint32_t)(len - fde_at - 4));
	if (parse(fde_at, &fde) == 0)
		print_row("truncated operand", 0x8000, &fde);

	/* An FDE whose CIE pointer leads to another FDE. */
	size_t bad = begin_record();
	u32((uint32_t)(len - fde_at));
	u64(0x9000); u64(0x10); b(0);
	end_record(bad);
	say("fde pointing at an fde: ");
	int err = rt_unw_parse_fde(frame + bad, &fde);
	say(err == 0 ? "parsed?!" : rt_unw_strerror(err));
	say("\n");
}

/* ---- Encoded pointers and LEB128 ---- */
static void encodings(void)
{
	say("== LEB128 and pointer encodings\n");
	static const uint8_t leb[] = {
		0xe5, 0x8e, 0x26,      /* uleb 624485 */
		0xc0, 0xbb, 0x78,      /* sleb -123456 */
		0x7f,                  /* sleb -1 */
		0x80, 0x7f,            /* sleb -128 */
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01, /* uleb 2^64-1 */
		0x80,                  /* truncated */
	};
	struct rt_bytes r = { leb, leb + sizeof leb, false };
	num((int64_t)rt_unw_read_uleb(&r)); say(" ");
	num(rt_unw_read_sleb(&r)); say(" ");
	num(rt_unw_read_sleb(&r)); say(" ");
	num(rt_unw_read_sleb(&r)); say(" ");
	hex((uintptr_t)rt_unw_read_uleb(&r)); say(" ");
	(void)rt_unw_read_uleb(&r);
	say(r.bad ? "truncated: bad\n" : "truncated: not noticed\n");

	static uint8_t enc[32] __attribute__((aligned(8)));
	static uintptr_t slot = 0x1234;
	/* udata2, sdata2 (negative), datarel sdata4, indirect absptr, zero
	 * pcrel (stays zero). */
	enc[0] = 0x34; enc[1] = 0x12;
	enc[2] = 0xfe; enc[3] = 0xff;
	enc[4] = 0x10; enc[5] = 0; enc[6] = 0; enc[7] = 0;
	for (int i = 0; i < 8; i++)
		enc[8 + i] = (uint8_t)((uintptr_t)&slot >> (8 * i));
	struct rt_bytes e = { enc, enc + 20, false };
	hex(rt_unw_read_encoded(&e, RT_PE_UDATA2, 0, 0)); say(" ");
	num((int64_t)rt_unw_read_encoded(&e, RT_PE_SDATA2, 0, 0)); say(" ");
	hex(rt_unw_read_encoded(&e, RT_PE_DATAREL | RT_PE_SDATA4, 0x100, 0)); say(" ");
	hex(rt_unw_read_encoded(&e, RT_PE_INDIRECT | RT_PE_ABSPTR, 0, 0)); say(" ");
	hex(rt_unw_read_encoded(&e, RT_PE_PCREL | RT_PE_SDATA4, 0, 0)); say("\n");
}

int32_t t_entry(void)
{
	x86_64();
	aarch64();
	encodings();
	return 0;
}

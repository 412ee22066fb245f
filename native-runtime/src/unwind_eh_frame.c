/*
 * unwind_eh_frame.c — finding and parsing the call-frame information.
 *
 * Model: the linker (ld.lld --eh-frame-hdr) collects every object's .eh_frame
 * into one section and writes .eh_frame_hdr next to it: a pointer to
 * .eh_frame and a table of (function start, FDE address) pairs sorted by
 * start address.  The program headers the kernel describes in the auxiliary
 * vector (AT_PHDR, AT_PHNUM) contain PT_GNU_EH_FRAME, which points at that
 * header.  To unwind a frame we binary-search the table for the last
 * function starting at or below the pc, parse its FDE and the CIE the FDE
 * points to, and check that the FDE's range really covers the pc.
 *
 * The formats are those of the Linux Standard Base ("Exception Frames") on
 * top of DWARF's .debug_frame: a CIE holds what many FDEs share (alignment
 * factors, return-address column, augmentation: 'z' data length, 'R' the FDE
 * pointer encoding, 'P' personality routine, 'L' LSDA encoding, 'S' signal
 * frame; 'B' and 'G' (AArch64 pointer-authentication key, memory tagging)
 * are accepted and ignored), an FDE covers one function.
 *
 * Invariants:
 *   - Every read of CIE/FDE bytes is bounded by the record's own length;
 *     malformed records give RT_UNW_EBADCFI, not a fault.  (Pointers the data
 *     leads to, such as indirect personality slots, are trusted: they were
 *     written by the linker.)
 *   - The header is located once and the result kept; locating it again
 *     would give the same answer, so a racing second locate is harmless.
 *   - Static executables have no load bias unless they are position
 *     independent; the bias is computed from PT_PHDR when there is one.
 */
#include "internal.h"
#include "unwind_internal.h"

#define AT_PHDR  3
#define AT_PHENT 4
#define AT_PHNUM 5
#define PT_PHDR  6
#define PT_GNU_EH_FRAME 0x6474e550u

const char *rt_unw_strerror(int err)
{
	switch (err) {
	case RT_UNW_ENOINFO: return "no unwind information for this address";
	case RT_UNW_EBADCFI: return "malformed unwind information";
	case RT_UNW_EUNSUPPORTED: return "unsupported call-frame information (a DWARF expression or an unknown opcode)";
	case RT_UNW_EBADREG: return "call-frame information names an unknown register";
	case RT_UNW_ESTATE: return "unbalanced or too deep DW_CFA_remember_state";
	case RT_UNW_EBADFRAME: return "implausible caller frame (corrupt stack?)";
	case RT_UNW_ENOHDR: return "the executable has no usable .eh_frame_hdr";
	default: return "unknown unwinder error";
	}
}

/* ---- Byte readers ---- */

uint8_t rt_unw_read_u8(struct rt_bytes *b)
{
	if (b->p >= b->end) {
		b->bad = true;
		return 0;
	}
	return *b->p++;
}

uint64_t rt_unw_read_uleb(struct rt_bytes *b)
{
	uint64_t v = 0;
	unsigned shift = 0;
	for (;;) {
		uint8_t byte = rt_unw_read_u8(b);
		if (b->bad)
			return 0;
		if (shift < 64)
			v |= (uint64_t)(byte & 0x7f) << shift;
		shift += 7;
		if ((byte & 0x80) == 0)
			return v;
	}
}

int64_t rt_unw_read_sleb(struct rt_bytes *b)
{
	uint64_t v = 0;
	unsigned shift = 0;
	uint8_t byte;
	do {
		byte = rt_unw_read_u8(b);
		if (b->bad)
			return 0;
		if (shift < 64)
			v |= (uint64_t)(byte & 0x7f) << shift;
		shift += 7;
	} while (byte & 0x80);
	if (shift < 64 && (byte & 0x40))
		v |= ~(uint64_t)0 << shift;
	return (int64_t)v;
}

/* Little-endian fixed-size read (both targets are little-endian). */
static uint64_t read_fixed(struct rt_bytes *b, size_t n)
{
	if ((size_t)(b->end - b->p) < n) {
		b->bad = true;
		b->p = b->end;
		return 0;
	}
	uint64_t v = 0;
	for (size_t i = 0; i < n; i++)
		v |= (uint64_t)b->p[i] << (8 * i);
	b->p += n;
	return v;
}

size_t rt_unw_encoded_size(uint8_t enc)
{
	switch (enc & 0x0f) {
	case RT_PE_ABSPTR: return sizeof(uintptr_t);
	case RT_PE_UDATA2: case RT_PE_SDATA2: return 2;
	case RT_PE_UDATA4: case RT_PE_SDATA4: return 4;
	case RT_PE_UDATA8: case RT_PE_SDATA8: return 8;
	default: return 0;
	}
}

uintptr_t rt_unw_read_encoded(struct rt_bytes *b, uint8_t enc,
                              uintptr_t datarel_base, uintptr_t func_base)
{
	if (enc == RT_PE_OMIT)
		return 0;
	uintptr_t field = (uintptr_t)b->p;
	uint64_t v;
	switch (enc & 0x0f) {
	case RT_PE_ABSPTR: v = read_fixed(b, sizeof(uintptr_t)); break;
	case RT_PE_ULEB128: v = rt_unw_read_uleb(b); break;
	case RT_PE_SLEB128: v = (uint64_t)rt_unw_read_sleb(b); break;
	case RT_PE_UDATA2: v = read_fixed(b, 2); break;
	case RT_PE_UDATA4: v = read_fixed(b, 4); break;
	case RT_PE_UDATA8: v = read_fixed(b, 8); break;
	case RT_PE_SDATA2: v = (uint64_t)(int64_t)(int16_t)read_fixed(b, 2); break;
	case RT_PE_SDATA4: v = (uint64_t)(int64_t)(int32_t)read_fixed(b, 4); break;
	case RT_PE_SDATA8: v = read_fixed(b, 8); break;
	default:
		b->bad = true;
		return 0;
	}
	if (b->bad)
		return 0;
	/* A zero stays zero whatever the encoding says (a catch-all entry in a
	 * type table, an absent LSDA), as in libgcc and libc++abi. */
	if (v == 0)
		return 0;
	switch (enc & 0x70) {
	case 0: break;
	case RT_PE_PCREL: v += field; break;
	case RT_PE_DATAREL: v += datarel_base; break;
	case RT_PE_FUNCREL: v += func_base; break;
	default: /* textrel, aligned: never emitted for these targets */
		b->bad = true;
		return 0;
	}
	if (enc & RT_PE_INDIRECT)
		v = *(const uintptr_t *)(uintptr_t)v;
	return (uintptr_t)v;
}

/* ---- CIE and FDE ---- */

/* Reads a record's length field; sets *body to what follows it and returns
 * the end of the record, or NULL for a terminator or an absurd length. */
static const uint8_t *record_bounds(const uint8_t *rec, const uint8_t **body)
{
	uint32_t len32 = (uint32_t)rec[0] | (uint32_t)rec[1] << 8 |
	                 (uint32_t)rec[2] << 16 | (uint32_t)rec[3] << 24;
	if (len32 == 0)
		return NULL;
	if (len32 == 0xffffffffu) {
		uint64_t len64 = 0;
		for (int i = 0; i < 8; i++)
			len64 |= (uint64_t)rec[4 + i] << (8 * i);
		if (len64 > ((uint64_t)1 << 40))
			return NULL;
		*body = rec + 12;
		return rec + 12 + len64;
	}
	*body = rec + 4;
	return rec + 4 + len32;
}

int rt_unw_parse_cie(const uint8_t *cie, struct rt_cie *out)
{
	const uint8_t *body;
	const uint8_t *end = record_bounds(cie, &body);
	if (end == NULL)
		return RT_UNW_EBADCFI;
	bool wide = body == cie + 12;
	struct rt_bytes b = { body, end, false };
	uint64_t id = read_fixed(&b, wide ? 8 : 4);
	if (id != 0)
		return RT_UNW_EBADCFI; /* an FDE, not a CIE */
	uint8_t version = rt_unw_read_u8(&b);
	if (version != 1 && version != 3)
		return RT_UNW_EBADCFI;
	const uint8_t *aug = b.p;
	while (b.p < b.end && *b.p != 0)
		b.p++;
	(void)rt_unw_read_u8(&b); /* the NUL */
	if (b.bad)
		return RT_UNW_EBADCFI;
	if (aug[0] != 0 && aug[0] != 'z')
		return RT_UNW_EUNSUPPORTED; /* "eh" and other pre-'z' forms */

	*out = (struct rt_cie){ 0 };
	out->fde_enc = RT_PE_ABSPTR;
	out->lsda_enc = RT_PE_OMIT;
	out->code_align = rt_unw_read_uleb(&b);
	out->data_align = rt_unw_read_sleb(&b);
	out->ra_reg = version == 1 ? rt_unw_read_u8(&b) : rt_unw_read_uleb(&b);
	if (aug[0] == 'z') {
		out->has_z = true;
		uint64_t aug_len = rt_unw_read_uleb(&b);
		if (b.bad || aug_len > (uint64_t)(b.end - b.p))
			return RT_UNW_EBADCFI;
		struct rt_bytes a = { b.p, b.p + aug_len, false };
		b.p += aug_len;
		for (const uint8_t *c = aug + 1; *c != 0; c++) {
			if (*c == 'L') {
				out->lsda_enc = rt_unw_read_u8(&a);
			} else if (*c == 'R') {
				out->fde_enc = rt_unw_read_u8(&a);
			} else if (*c == 'P') {
				uint8_t enc = rt_unw_read_u8(&a);
				out->personality = rt_unw_read_encoded(&a, enc, 0, 0);
			} else if (*c == 'S') {
				out->signal_frame = true;
			} else if (*c == 'B' || *c == 'G') {
				/* no data */
			} else {
				break; /* unknown: the rest of the data is skipped */
			}
		}
		if (a.bad)
			return RT_UNW_EBADCFI;
	}
	if (b.bad || out->code_align == 0)
		return RT_UNW_EBADCFI;
	out->insns = b.p;
	out->insns_end = end;
	return 0;
}

int rt_unw_parse_fde(const uint8_t *fde, struct rt_fde *out)
{
	const uint8_t *body;
	const uint8_t *end = record_bounds(fde, &body);
	if (end == NULL)
		return RT_UNW_EBADCFI;
	bool wide = body == fde + 12;
	struct rt_bytes b = { body, end, false };
	uint64_t cie_off = read_fixed(&b, wide ? 8 : 4);
	if (b.bad || cie_off == 0)
		return RT_UNW_EBADCFI; /* a CIE, not an FDE */
	const uint8_t *cie = body - cie_off;
	int err = rt_unw_parse_cie(cie, &out->cie);
	if (err != 0)
		return err;
	uint8_t enc = out->cie.fde_enc;
	out->pc_begin = rt_unw_read_encoded(&b, enc, 0, 0);
	/* The range uses the same format but is a length, never relative. */
	uintptr_t range = rt_unw_read_encoded(&b, enc & 0x0f, 0, 0);
	out->pc_end = out->pc_begin + range;
	out->lsda = 0;
	if (out->cie.has_z) {
		uint64_t aug_len = rt_unw_read_uleb(&b);
		if (b.bad || aug_len > (uint64_t)(b.end - b.p))
			return RT_UNW_EBADCFI;
		struct rt_bytes a = { b.p, b.p + aug_len, false };
		b.p += aug_len;
		if (out->cie.lsda_enc != RT_PE_OMIT && aug_len > 0)
			out->lsda = rt_unw_read_encoded(&a, out->cie.lsda_enc,
			                                0, out->pc_begin);
		if (a.bad)
			return RT_UNW_EBADCFI;
	}
	if (b.bad)
		return RT_UNW_EBADCFI;
	out->insns = b.p;
	out->insns_end = end;
	return 0;
}

/* ---- .eh_frame_hdr ---- */

static struct {
	int state;               /* 0 not looked, 1 usable, <0 error */
	const uint8_t *hdr;
	const uint8_t *table;
	uint64_t count;
	uint8_t table_enc;
	size_t entry_size;       /* one (start, fde) pair */
} eh;

static void locate_hdr(void)
{
	const uint8_t *phdr = (const uint8_t *)rt_auxv_get(AT_PHDR);
	uintptr_t phent = rt_auxv_get(AT_PHENT);
	uintptr_t phnum = rt_auxv_get(AT_PHNUM);
	if (phdr == NULL || phent < 56 || phnum == 0) {
		eh.state = RT_UNW_ENOHDR;
		return;
	}
	uintptr_t bias = 0;
	uint64_t eh_vaddr = 0;
	for (uintptr_t i = 0; i < phnum; i++) {
		const uint8_t *ph = phdr + i * phent;
		uint32_t type = *(const uint32_t *)ph;
		uint64_t vaddr = *(const uint64_t *)(ph + 16);
		if (type == PT_PHDR)
			bias = (uintptr_t)phdr - (uintptr_t)vaddr;
		else if (type == PT_GNU_EH_FRAME)
			eh_vaddr = vaddr;
	}
	if (eh_vaddr == 0) {
		eh.state = RT_UNW_ENOHDR;
		return;
	}
	const uint8_t *hdr = (const uint8_t *)(uintptr_t)(eh_vaddr + bias);
	/* version, eh_frame_ptr_enc, fde_count_enc, table_enc */
	if (hdr[0] != 1 || hdr[2] == RT_PE_OMIT || hdr[3] == RT_PE_OMIT) {
		eh.state = RT_UNW_ENOHDR;
		return;
	}
	/* The header is a few bytes before a table of known length; bound the
	 * reads generously (they are all fixed-size or LEB numbers). */
	struct rt_bytes b = { hdr + 4, hdr + 64, false };
	(void)rt_unw_read_encoded(&b, hdr[1], (uintptr_t)hdr, 0);
	uint64_t count = rt_unw_read_encoded(&b, hdr[2], (uintptr_t)hdr, 0);
	size_t size = rt_unw_encoded_size(hdr[3]);
	if (b.bad || size == 0) {
		eh.state = RT_UNW_ENOHDR;
		return;
	}
	eh.hdr = hdr;
	eh.table = b.p;
	eh.count = count;
	eh.table_enc = hdr[3];
	eh.entry_size = 2 * size;
	eh.state = 1;
}

static uintptr_t table_field(size_t index, int which)
{
	const uint8_t *p = eh.table + index * eh.entry_size +
	                   (size_t)which * (eh.entry_size / 2);
	struct rt_bytes b = { p, p + eh.entry_size / 2, false };
	return rt_unw_read_encoded(&b, eh.table_enc, (uintptr_t)eh.hdr, 0);
}

int rt_unw_find_fde(uintptr_t pc, struct rt_fde *out)
{
	if (eh.state == 0)
		locate_hdr();
	if (eh.state < 0)
		return eh.state;
	if (eh.count == 0)
		return RT_UNW_ENOINFO;
	/* The last entry whose start is <= pc. */
	size_t lo = 0, hi = (size_t)eh.count;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (table_field(mid, 0) <= pc)
			lo = mid;
		else
			hi = mid;
	}
	if (table_field(lo, 0) > pc)
		return RT_UNW_ENOINFO;
	const uint8_t *fde = (const uint8_t *)table_field(lo, 1);
	int err = rt_unw_parse_fde(fde, out);
	if (err != 0)
		return err;
	if (pc < out->pc_begin || pc >= out->pc_end)
		return RT_UNW_ENOINFO;
	return 0;
}

/*
 * symbolize.c — naming code addresses from the executable's own symbol
 * table, and demangling T names.
 *
 * Model: the first time a name is needed, /proc/self/exe is mapped read-only
 * (the kernel's own reference to our executable, so it works whatever the
 * current directory or argv[0]; qemu-user emulates it for the guest) and its
 * section headers are searched for .symtab and the string table it links to.
 * A lookup scans the function symbols for the one whose [value, value+size)
 * holds the address (biased by how far the kernel loaded us from the link
 * address: AT_ENTRY - e_entry, 0 for non-PIE executables); symbols without a
 * size (hand-written assembly) count up to the next symbol.  A linear scan is
 * fine: backtraces are printed once, on the way out.
 *
 * Choice (docs/runtime.md, "Backtraces"): names come from .symtab, which
 * `strip --strip-debug` and release builds without -g keep; only a full
 * `strip` removes it, and then frames print as <unknown> with their address.
 * File and line numbers would come from .debug_line, when present: not yet.
 *
 * T names (docs/abi.md, "Name mangling"): _TN, then each path segment as its
 * decimal length and its bytes, then E.  _TN5hello3fibE is hello::fib.
 * Anything else is printed as it is.
 *
 * Invariants:
 *   - Every offset read from the file is checked against its size: a
 *     truncated or odd executable gives "no symbol", never a fault.
 *   - The mapping is made once and never unmapped (a few pages of page cache,
 *     only in a process that is reporting an error); the state is set last,
 *     so a signal handler interrupting the first lookup at worst maps twice.
 */
#include "internal.h"
#include "os.h"
#include "backtrace.h"

#define AT_ENTRY 9
#define SHT_SYMTAB 2
#define SHN_UNDEF 0
#define SHN_LORESERVE 0xff00
#define SHF_EXECINSTR 0x4
#define STT_NOTYPE 0
#define STT_FUNC 2

static struct {
	int state;           /* 0 not tried, 1 usable, -1 unusable */
	const uint8_t *syms; /* Elf64_Sym[count] */
	size_t count;
	const uint8_t *strs;
	size_t strs_len;
	const uint8_t *shdrs;
	size_t shnum;
	uintptr_t bias;
} exe;

static uint16_t rd16(const uint8_t *p) { return (uint16_t)(p[0] | p[1] << 8); }
static uint32_t rd32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}
static uint64_t rd64(const uint8_t *p)
{
	return (uint64_t)rd32(p) | (uint64_t)rd32(p + 4) << 32;
}

static bool in_file(uint64_t off, uint64_t len, size_t size)
{
	return off <= size && len <= size - off;
}

static void load(void)
{
	size_t size = 0;
	const uint8_t *f = os_map_file("/proc/self/exe", &size);
	if (f == NULL || size < 64 || f[0] != 0x7f || f[1] != 'E' ||
	    f[2] != 'L' || f[3] != 'F' || f[4] != 2 /* ELFCLASS64 */) {
		exe.state = -1;
		return;
	}
	uint64_t shoff = rd64(f + 40);
	uint16_t shentsize = rd16(f + 58);
	uint16_t shnum = rd16(f + 60);
	if (shentsize < 64 || !in_file(shoff, (uint64_t)shnum * shentsize, size)) {
		exe.state = -1;
		return;
	}
	for (uint16_t i = 0; i < shnum; i++) {
		const uint8_t *sh = f + shoff + (size_t)i * shentsize;
		if (rd32(sh + 4) != SHT_SYMTAB)
			continue;
		uint64_t off = rd64(sh + 24), len = rd64(sh + 32);
		uint32_t link = rd32(sh + 40);
		if (!in_file(off, len, size) || link >= shnum)
			break;
		const uint8_t *str = f + shoff + (size_t)link * shentsize;
		uint64_t soff = rd64(str + 24), slen = rd64(str + 32);
		if (!in_file(soff, slen, size) || slen == 0 || f[soff + slen - 1] != 0)
			break;
		exe.syms = f + off;
		exe.count = (size_t)(len / 24);
		exe.strs = f + soff;
		exe.strs_len = (size_t)slen;
		exe.shdrs = f + shoff;
		exe.shnum = shnum;
		uintptr_t entry = rt_auxv_get(AT_ENTRY);
		exe.bias = entry != 0 ? entry - (uintptr_t)rd64(f + 24) : 0;
		exe.state = 1;
		return;
	}
	exe.state = -1;
}

static bool in_code_section(uint16_t shndx)
{
	if (shndx == SHN_UNDEF || shndx >= SHN_LORESERVE || shndx >= exe.shnum)
		return false;
	const uint8_t *sh = exe.shdrs + (size_t)shndx * 64;
	return (rd64(sh + 8) & SHF_EXECINSTR) != 0;
}

bool rt_symbolize(uintptr_t pc, struct rt_symbol *out)
{
	if (exe.state == 0)
		load();
	if (exe.state < 0)
		return false;
	uint64_t addr = pc - exe.bias;
	const uint8_t *best = NULL;      /* sized symbol containing addr */
	const uint8_t *nearest = NULL;   /* closest start below addr */
	for (size_t i = 1; i < exe.count; i++) {
		const uint8_t *s = exe.syms + i * 24;
		uint8_t type = s[4] & 0xf;
		if (type != STT_FUNC && type != STT_NOTYPE)
			continue;
		uint32_t name = rd32(s);
		uint64_t value = rd64(s + 8), size = rd64(s + 16);
		if (name == 0 || name >= exe.strs_len || value > addr)
			continue;
		const char *str = (const char *)exe.strs + name;
		/* Mapping symbols ($x, $d) and local labels name no function. */
		if (str[0] == '$' || (str[0] == '.' && str[1] == 'L'))
			continue;
		if (!in_code_section(rd16(s + 6)))
			continue;
		if (type == STT_FUNC && size != 0 && addr < value + size) {
			best = s;
			break;
		}
		if (nearest == NULL || value > rd64(nearest + 8))
			nearest = s;
	}
	const uint8_t *s = best;
	if (s == NULL && nearest != NULL && rd64(nearest + 16) == 0)
		s = nearest; /* an unsized symbol: it runs to the next one */
	if (s == NULL)
		return false;
	out->name = (const char *)exe.strs + rd32(s);
	out->start = (uintptr_t)rd64(s + 8) + exe.bias;
	return true;
}

size_t rt_demangle(const char *name, uint8_t *out, size_t cap)
{
	if (!(name[0] == '_' && name[1] == 'T' && name[2] == 'N'))
		return 0;
	const char *p = name + 3;
	size_t n = 0;
	bool first = true;
	while (*p != 'E') {
		if (*p < '0' || *p > '9' || *p == '0')
			return 0;
		size_t len = 0;
		while (*p >= '0' && *p <= '9') {
			len = len * 10 + (size_t)(*p - '0');
			if (len > 4096)
				return 0;
			p++;
		}
		for (size_t i = 0; i < len; i++) {
			if (p[i] == '\0')
				return 0;
		}
		if (!first) {
			if (n < cap) out[n] = ':';
			n++;
			if (n < cap) out[n] = ':';
			n++;
		}
		for (size_t i = 0; i < len; i++, n++) {
			if (n < cap)
				out[n] = (uint8_t)p[i];
		}
		p += len;
		first = false;
	}
	if (first || p[1] != '\0')
		return 0;
	return n;
}

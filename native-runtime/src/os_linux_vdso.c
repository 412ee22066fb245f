/*
 * os_linux_vdso.c — functions the kernel maps into every process (the
 * vDSO), found by name, so that reading the clock costs a function call
 * instead of a system call (the allocator reads it on every span it takes
 * or gives back and every large block it frees).
 *
 * Model: the auxiliary vector's AT_SYSINFO_EHDR is the address of a small,
 * fully linked ELF shared object.  Its PT_DYNAMIC segment gives the
 * dynamic symbol table, its strings and the SysV hash table (whose chain
 * count is the number of symbols; both targets' vDSOs have one).  A lookup
 * is a linear scan of a dozen symbols, done once per name by the caller.
 * Symbol versions are not checked: the names looked up are unique in the
 * vDSO.
 *
 * Invariants: reads only the vDSO image, which is mapped readable for the
 * life of the process; returns NULL (and the caller falls back to the
 * system call) when there is no vDSO — qemu-user 7.2 gives AArch64 guests
 * none — or it lacks the symbol or a hash table.
 */
#include "internal.h"
#include "os.h"

#define AT_SYSINFO_EHDR 33
#define PT_LOAD    1
#define PT_DYNAMIC 2
#define DT_NULL    0
#define DT_HASH    4
#define DT_STRTAB  5
#define DT_SYMTAB  6
#define STT_FUNC   2
#define SHN_UNDEF  0

struct vdso_ehdr {
	uint8_t ident[16];
	uint16_t type, machine;
	uint32_t version;
	uint64_t entry, phoff, shoff;
	uint32_t flags;
	uint16_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};

struct vdso_phdr {
	uint32_t type, flags;
	uint64_t offset, vaddr, paddr, filesz, memsz, align;
};

struct vdso_dyn {
	int64_t tag;
	uint64_t val;
};

struct vdso_sym {
	uint32_t name;
	uint8_t info, other;
	uint16_t shndx;
	uint64_t value, size;
};

static bool same(const char *a, const char *b)
{
	while (*a != '\0' && *a == *b) {
		a++;
		b++;
	}
	return *a == *b;
}

void *os_linux_vdso_symbol(const char *name)
{
	const uint8_t *base = (const uint8_t *)rt_auxv_get(AT_SYSINFO_EHDR);
	if (base == NULL)
		return NULL;
	const struct vdso_ehdr *eh = (const struct vdso_ehdr *)base;
	if (eh->ident[0] != 0x7f || eh->ident[1] != 'E' || eh->ident[4] != 2 /* 64-bit */ ||
	    eh->phentsize != sizeof(struct vdso_phdr))
		return NULL;
	const struct vdso_phdr *ph = (const struct vdso_phdr *)(base + eh->phoff);
	/* Addresses in the image are link-time virtual addresses; the bias
	 * comes from the first PT_LOAD (which maps file offset p_offset). */
	uintptr_t bias = 0;
	const struct vdso_dyn *dyn = NULL;
	bool have_load = false;
	for (unsigned i = 0; i < eh->phnum; i++) {
		if (ph[i].type == PT_LOAD && !have_load) {
			bias = (uintptr_t)base + ph[i].offset - ph[i].vaddr;
			have_load = true;
		} else if (ph[i].type == PT_DYNAMIC) {
			dyn = (const struct vdso_dyn *)(uintptr_t)ph[i].vaddr;
		}
	}
	if (!have_load || dyn == NULL)
		return NULL;
	dyn = (const struct vdso_dyn *)((uintptr_t)dyn + bias);
	const char *strtab = NULL;
	const struct vdso_sym *symtab = NULL;
	const uint32_t *hash = NULL;
	for (; dyn->tag != DT_NULL; dyn++) {
		if (dyn->tag == DT_STRTAB)
			strtab = (const char *)(dyn->val + bias);
		else if (dyn->tag == DT_SYMTAB)
			symtab = (const struct vdso_sym *)(dyn->val + bias);
		else if (dyn->tag == DT_HASH)
			hash = (const uint32_t *)(dyn->val + bias);
	}
	if (strtab == NULL || symtab == NULL || hash == NULL)
		return NULL;
	uint32_t nsyms = hash[1]; /* nchain: one entry per symbol */
	for (uint32_t i = 0; i < nsyms; i++) {
		const struct vdso_sym *s = &symtab[i];
		if ((s->info & 0xf) != STT_FUNC || s->shndx == SHN_UNDEF)
			continue;
		if (same(strtab + s->name, name))
			return (void *)(s->value + bias);
	}
	return NULL;
}

/*
 * personality.c — T's personality routine, and a cleanup-only one for C.
 *
 * Model: the unwinder calls a frame's personality routine (named in the
 * frame's CIE) to ask what the frame wants done with an exception.  The
 * answer is in the frame's LSDA (language-specific data area), which LLVM
 * writes for every function with `invoke`s, in the format GCC introduced:
 *
 *   header:    LPStart encoding (u8) [LPStart]     landing pads are offsets
 *                                                   from LPStart (default: the
 *                                                   function's start)
 *              TType encoding (u8) [uleb offset to the end of the type table]
 *              call-site encoding (u8), uleb length of the call-site table
 *   call sites (sorted): start, length, landing pad (all in the call-site
 *              encoding, LLVM: uleb128; older: udata4), action (uleb:
 *              0 = cleanup only, else 1 + offset into the action table)
 *   actions:   (sleb filter, sleb offset to the next action or 0) records;
 *              filter > 0: a catch clause, index into the type table
 *                          counting backwards from its end (0 entry: catch
 *                          all, from `catch ptr null`);
 *              filter = 0: a cleanup clause;
 *              filter < 0: an exception specification (never from T:
 *                          treated as not matching)
 *
 * The landing pad of the call site containing the frame's pc receives the
 * exception pointer and the selector (the matched filter, 0 for cleanups) in
 * the registers __builtin_eh_return_data_regno(0/1) names.
 *
 * trt_personality catches T panics (the type-table entry is
 * &trt_panic_typeinfo) and anything with a catch-all clause; cleanups run in
 * phase 2 for every exception.  A pc that no call-site entry covers is a
 * panic escaping a function LLVM was told cannot unwind: that aborts, as
 * C++ calls std::terminate.
 *
 * __gcc_personality_v0 is the personality clang names for C compiled with
 * -fexceptions: C has cleanups (__attribute__((cleanup))) but no catch, so
 * it never claims a handler and runs every landing pad in phase 2.
 */
#include "internal.h"
#include "unwind_internal.h"

const struct trt_typeinfo trt_panic_typeinfo = { "T panic" };

struct lsda_result {
	uintptr_t landing_pad;  /* 0: nothing to do in this frame */
	int64_t selector;       /* filter of the matching catch, 0 for cleanup */
	bool catches;           /* a catch clause matched */
	bool cleanup;           /* a cleanup clause is present */
};

/* Does the type-table entry for `filter` catch `exc`? */
static bool type_matches(const uint8_t *types, uint8_t ttype_enc,
                         int64_t filter, const struct _Unwind_Exception *exc)
{
	size_t size = rt_unw_encoded_size(ttype_enc);
	if (size == 0 || types == NULL)
		return false;
	const uint8_t *entry = types - (size_t)filter * size;
	struct rt_bytes b = { entry, entry + size, false };
	uintptr_t type = rt_unw_read_encoded(&b, ttype_enc, 0, 0);
	if (b.bad)
		return false;
	if (type == 0)
		return true; /* catch-all */
	return type == (uintptr_t)&trt_panic_typeinfo &&
	       exc->exception_class == TRT_PANIC_EXCEPTION_CLASS;
}

/* Reads the LSDA for the frame.  Returns false when no call-site entry
 * covers the pc. */
static bool scan_lsda(struct _Unwind_Context *ctx,
                      const struct _Unwind_Exception *exc,
                      struct lsda_result *out)
{
	*out = (struct lsda_result){ 0 };
	const uint8_t *lsda = (const uint8_t *)_Unwind_GetLanguageSpecificData(ctx);
	if (lsda == NULL)
		return true; /* no landing pads at all */
	int before;
	uintptr_t ip = _Unwind_GetIPInfo(ctx, &before);
	if (!before)
		ip--; /* inside the call instruction */
	uintptr_t func = _Unwind_GetRegionStart(ctx);

	/* The LSDA has no length of its own; its parts carry theirs. */
	struct rt_bytes b = { lsda, lsda + ((size_t)1 << 30), false };
	uint8_t lp_enc = rt_unw_read_u8(&b);
	uintptr_t lp_start = func;
	if (lp_enc != RT_PE_OMIT)
		lp_start = rt_unw_read_encoded(&b, lp_enc, 0, func);
	uint8_t ttype_enc = rt_unw_read_u8(&b);
	const uint8_t *types = NULL;
	if (ttype_enc != RT_PE_OMIT) {
		uint64_t off = rt_unw_read_uleb(&b);
		types = b.p + off;
	}
	uint8_t cs_enc = rt_unw_read_u8(&b);
	uint64_t cs_len = rt_unw_read_uleb(&b);
	if (b.bad)
		return true;
	struct rt_bytes cs = { b.p, b.p + cs_len, false };
	const uint8_t *actions = cs.end;

	while (cs.p < cs.end) {
		/* Offsets: the format of the encoding, never pc-relative. */
		uintptr_t start = rt_unw_read_encoded(&cs, cs_enc & 0x0f, 0, 0);
		uintptr_t len = rt_unw_read_encoded(&cs, cs_enc & 0x0f, 0, 0);
		uintptr_t lp = rt_unw_read_encoded(&cs, cs_enc & 0x0f, 0, 0);
		uint64_t action = rt_unw_read_uleb(&cs);
		if (cs.bad)
			return false;
		if (ip < func + start)
			return false; /* sorted: no later entry covers ip */
		if (ip >= func + start + len)
			continue;
		if (lp == 0)
			return true; /* covered, no landing pad */
		out->landing_pad = lp_start + lp;
		if (action == 0) {
			out->cleanup = true;
			return true;
		}
		struct rt_bytes a = { actions + action - 1,
		                      actions + ((size_t)1 << 30), false };
		for (;;) {
			int64_t filter = rt_unw_read_sleb(&a);
			const uint8_t *next_at = a.p;
			int64_t next = rt_unw_read_sleb(&a);
			if (a.bad)
				return false;
			if (filter == 0) {
				out->cleanup = true;
			} else if (filter > 0 && !out->catches &&
			           type_matches(types, ttype_enc, filter, exc)) {
				out->catches = true;
				out->selector = filter;
			}
			if (next == 0 || out->catches)
				break;
			a.p = next_at + next;
		}
		return true;
	}
	return false;
}

static _Unwind_Reason_Code install(struct _Unwind_Context *ctx,
                                   struct _Unwind_Exception *exc,
                                   uintptr_t landing_pad, int64_t selector)
{
	_Unwind_SetGR(ctx, __builtin_eh_return_data_regno(0), (uintptr_t)exc);
	_Unwind_SetGR(ctx, __builtin_eh_return_data_regno(1), (uintptr_t)selector);
	_Unwind_SetIP(ctx, landing_pad);
	return _URC_INSTALL_CONTEXT;
}

_Unwind_Reason_Code trt_personality(int version, _Unwind_Action actions,
                                    uint64_t exception_class,
                                    struct _Unwind_Exception *exc,
                                    struct _Unwind_Context *ctx)
{
	(void)exception_class; /* exc->exception_class says the same */
	if (version != 1 || exc == NULL || ctx == NULL)
		return _URC_FATAL_PHASE1_ERROR;
	struct lsda_result r;
	if (!scan_lsda(ctx, exc, &r))
		rt_unwind_fatal("a panic unwound into a function that cannot "
		                "unwind", 0);
	if (r.landing_pad == 0)
		return _URC_CONTINUE_UNWIND;
	if (actions & _UA_SEARCH_PHASE)
		return r.catches ? _URC_HANDLER_FOUND : _URC_CONTINUE_UNWIND;
	/* Cleanup phase.  Forced unwinding never stops at a catch. */
	if ((actions & _UA_HANDLER_FRAME) && r.catches &&
	    !(actions & _UA_FORCE_UNWIND))
		return install(ctx, exc, r.landing_pad, r.selector);
	if (r.cleanup)
		return install(ctx, exc, r.landing_pad, 0);
	return _URC_CONTINUE_UNWIND;
}

_Unwind_Reason_Code __gcc_personality_v0(int version, _Unwind_Action actions,
                                         uint64_t exception_class,
                                         struct _Unwind_Exception *exc,
                                         struct _Unwind_Context *ctx)
{
	(void)exception_class;
	if (version != 1 || exc == NULL || ctx == NULL)
		return _URC_FATAL_PHASE1_ERROR;
	if (actions & _UA_SEARCH_PHASE)
		return _URC_CONTINUE_UNWIND;
	struct lsda_result r;
	if (!scan_lsda(ctx, exc, &r) || r.landing_pad == 0)
		return _URC_CONTINUE_UNWIND;
	return install(ctx, exc, r.landing_pad, 0);
}

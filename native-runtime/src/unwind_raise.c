/*
 * unwind_raise.c — the Itanium _Unwind_* interface on top of the cursor.
 *
 * Model (Itanium C++ ABI, "Exception Handling", level I):
 *   _Unwind_RaiseException captures its own registers, then
 *   phase 1 (search): walks the frames outwards, calling each frame's
 *     personality routine (named by its CIE) with _UA_SEARCH_PHASE, and stops
 *     at the first that answers _URC_HANDLER_FOUND, remembering that frame's
 *     CFA in exc->private_2.  Nothing is changed: when no frame answers, the
 *     call returns _URC_END_OF_STACK with the whole stack intact, so the
 *     caller can report it (or print a backtrace) from where it was raised.
 *   phase 2 (cleanup): walks again from the same starting registers, calling
 *     each personality with _UA_CLEANUP_PHASE (plus _UA_HANDLER_FRAME at the
 *     frame found in phase 1).  A personality that wants its landing pad run
 *     sets the pc and the two data registers through _Unwind_SetIP/SetGR and
 *     answers _URC_INSTALL_CONTEXT: we load the frame's registers and jump
 *     (rt_unw_resume).  A cleanup landing pad ends by calling _Unwind_Resume,
 *     which captures its registers and continues phase 2 from there.
 *
 * Invariants:
 *   - rt_unw_capture is called directly by the exported entry points, so the
 *     first frame of a walk is the entry point itself, which is live for the
 *     whole walk: phase 2 can start from the very registers phase 1 used.
 *   - Nothing is allocated; a cursor lives on this stack.  Installing a
 *     context abandons these frames: rt_unw_resume reads the registers it
 *     needs before it moves the stack pointer.
 *   - A frame without unwind information ends phase 1 as if the stack ended
 *     there (as libgcc does); during phase 2 it is fatal, since cleanups have
 *     already run and the handler can no longer be reached.
 */
#include "internal.h"
#include "unwind_internal.h"

static _Unwind_Reason_Code call_personality(struct _Unwind_Context *ctx,
                                            _Unwind_Action actions,
                                            struct _Unwind_Exception *exc)
{
	_Unwind_Personality_Fn fn =
		(_Unwind_Personality_Fn)ctx->cursor.fde.cie.personality;
	return fn(1, actions, exc->exception_class, exc, ctx);
}

static _Unwind_Reason_Code phase1(struct _Unwind_Exception *exc,
                                  const uintptr_t *regs)
{
	struct _Unwind_Context ctx;
	struct rt_unw_cursor *c = &ctx.cursor;
	rt_unw_init(c, regs, false);
	for (;;) {
		if (c->frame_err == RT_UNW_ENOINFO)
			return _URC_END_OF_STACK;
		if (c->frame_err != 0)
			return _URC_FATAL_PHASE1_ERROR;
		if (c->fde.cie.personality != 0) {
			_Unwind_Reason_Code r =
				call_personality(&ctx, _UA_SEARCH_PHASE, exc);
			if (r == _URC_HANDLER_FOUND) {
				exc->private_1 = 0;
				exc->private_2 = c->cfa;
				return _URC_HANDLER_FOUND;
			}
			if (r != _URC_CONTINUE_UNWIND)
				return _URC_FATAL_PHASE1_ERROR;
		}
		int s = rt_unw_step(c);
		if (s == 0 || s == RT_UNW_ENOINFO)
			return _URC_END_OF_STACK;
		if (s < 0)
			return _URC_FATAL_PHASE1_ERROR;
	}
}

/* Runs phase 2 from `regs`; returns only on failure. */
static _Unwind_Reason_Code phase2(struct _Unwind_Exception *exc,
                                  const uintptr_t *regs)
{
	struct _Unwind_Context ctx;
	struct rt_unw_cursor *c = &ctx.cursor;
	rt_unw_init(c, regs, false);
	for (;;) {
		if (c->frame_err != 0)
			return _URC_FATAL_PHASE2_ERROR;
		if (c->fde.cie.personality != 0) {
			_Unwind_Action actions = _UA_CLEANUP_PHASE;
			bool handler = c->cfa == exc->private_2;
			if (handler)
				actions |= _UA_HANDLER_FRAME;
			_Unwind_Reason_Code r = call_personality(&ctx, actions, exc);
			if (r == _URC_INSTALL_CONTEXT) {
				/* Outgoing arguments pushed at the call site are
				 * popped by the time the landing pad runs. */
				c->regs[RT_UNW_SLOT_SP] += c->row.args_size;
				rt_unw_resume(c->regs);
			}
			if (r != _URC_CONTINUE_UNWIND || handler)
				return _URC_FATAL_PHASE2_ERROR;
		}
		if (rt_unw_step(c) != 1)
			return _URC_FATAL_PHASE2_ERROR;
	}
}

_Unwind_Reason_Code _Unwind_RaiseException(struct _Unwind_Exception *exc)
{
	uintptr_t regs[RT_UNW_NSLOTS];
	rt_unw_capture(regs);
	_Unwind_Reason_Code r = phase1(exc, regs);
	if (r != _URC_HANDLER_FOUND)
		return r;
	return phase2(exc, regs);
}

_Noreturn void _Unwind_Resume(struct _Unwind_Exception *exc)
{
	uintptr_t regs[RT_UNW_NSLOTS];
	rt_unw_capture(regs);
	(void)phase2(exc, regs);
	rt_unwind_fatal("_Unwind_Resume: the handler found in phase 1 could "
	                "not be reached", 0);
}

void _Unwind_DeleteException(struct _Unwind_Exception *exc)
{
	if (exc->exception_cleanup != NULL)
		exc->exception_cleanup(_URC_FOREIGN_EXCEPTION_CAUGHT, exc);
}

_Unwind_Reason_Code _Unwind_Backtrace(_Unwind_Trace_Fn fn, void *arg)
{
	uintptr_t regs[RT_UNW_NSLOTS];
	rt_unw_capture(regs);
	struct _Unwind_Context ctx;
	rt_unw_init(&ctx.cursor, regs, false);
	/* The first frame is this function: start at its caller. */
	int s = rt_unw_step(&ctx.cursor);
	while (s == 1) {
		if (fn(&ctx, arg) != _URC_NO_REASON)
			return _URC_FATAL_PHASE1_ERROR;
		s = rt_unw_step(&ctx.cursor);
	}
	return s == 0 || s == RT_UNW_ENOINFO ? _URC_END_OF_STACK
	                                     : _URC_FATAL_PHASE1_ERROR;
}

/* ---- Frame accessors for personality routines ---- */

uintptr_t _Unwind_GetGR(struct _Unwind_Context *ctx, int reg)
{
	int s = rt_unw_dwarf_slot((uint64_t)reg);
	return s < 0 ? 0 : ctx->cursor.regs[s];
}

void _Unwind_SetGR(struct _Unwind_Context *ctx, int reg, uintptr_t value)
{
	int s = rt_unw_dwarf_slot((uint64_t)reg);
	if (s < 0)
		rt_unwind_fatal("_Unwind_SetGR: no such register", reg);
	ctx->cursor.regs[s] = value;
}

uintptr_t _Unwind_GetIP(struct _Unwind_Context *ctx)
{
	return rt_unw_pc(&ctx->cursor);
}

uintptr_t _Unwind_GetIPInfo(struct _Unwind_Context *ctx, int *ip_before_insn)
{
	*ip_before_insn = ctx->cursor.pc_exact ? 1 : 0;
	return rt_unw_pc(&ctx->cursor);
}

void _Unwind_SetIP(struct _Unwind_Context *ctx, uintptr_t ip)
{
	ctx->cursor.regs[RT_UNW_SLOT_PC] = ip;
}

uintptr_t _Unwind_GetCFA(struct _Unwind_Context *ctx)
{
	return ctx->cursor.cfa;
}

uintptr_t _Unwind_GetLanguageSpecificData(struct _Unwind_Context *ctx)
{
	return ctx->cursor.frame_err == 0 ? ctx->cursor.fde.lsda : 0;
}

uintptr_t _Unwind_GetRegionStart(struct _Unwind_Context *ctx)
{
	return ctx->cursor.frame_err == 0 ? ctx->cursor.fde.pc_begin : 0;
}

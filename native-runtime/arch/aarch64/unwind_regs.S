/*
 * unwind_regs.S (AArch64) — taking and installing a register context for the
 * unwinder.  Slot layout: arch/aarch64/unwind_arch.h (8 bytes each: x0..x30,
 * sp, d8..d15, pc).
 *
 * rt_unw_capture(slots): stores the registers as they are at the call site in
 * the caller: callee-saved ones untouched, sp unchanged (bl does not move it),
 * pc = x30, the return address.  So the captured frame is the caller, stopped
 * at its call.  Returns 0.
 *
 * rt_unw_resume(slots): loads the registers and branches to slots[pc]; never
 * returns.  Every load from `slots` happens before sp changes, because `slots`
 * usually lives in the frames being abandoned, below the new sp.  x16 and x17
 * (the intra-procedure-call scratch registers) carry the new sp and pc and
 * are not restored.
 */
	.text
	.globl	rt_unw_capture
	.type	rt_unw_capture, %function
	.p2align 2
rt_unw_capture:
	.cfi_startproc
	stp	x0, x1, [x0, #0]
	stp	x2, x3, [x0, #16]
	stp	x4, x5, [x0, #32]
	stp	x6, x7, [x0, #48]
	stp	x8, x9, [x0, #64]
	stp	x10, x11, [x0, #80]
	stp	x12, x13, [x0, #96]
	stp	x14, x15, [x0, #112]
	stp	x16, x17, [x0, #128]
	stp	x18, x19, [x0, #144]
	stp	x20, x21, [x0, #160]
	stp	x22, x23, [x0, #176]
	stp	x24, x25, [x0, #192]
	stp	x26, x27, [x0, #208]
	stp	x28, x29, [x0, #224]
	mov	x16, sp
	stp	x30, x16, [x0, #240]	/* x30, sp */
	stp	d8, d9, [x0, #256]
	stp	d10, d11, [x0, #272]
	stp	d12, d13, [x0, #288]
	stp	d14, d15, [x0, #304]
	str	x30, [x0, #320]		/* pc: our return address */
	mov	x0, #0
	ret
	.cfi_endproc
	.size	rt_unw_capture, . - rt_unw_capture

	.globl	rt_unw_resume
	.type	rt_unw_resume, %function
	.p2align 2
rt_unw_resume:
	.cfi_startproc
	.cfi_undefined x30		/* nothing to unwind to from here */
	ldp	d8, d9, [x0, #256]
	ldp	d10, d11, [x0, #272]
	ldp	d12, d13, [x0, #288]
	ldp	d14, d15, [x0, #304]
	ldp	x2, x3, [x0, #16]
	ldp	x4, x5, [x0, #32]
	ldp	x6, x7, [x0, #48]
	ldp	x8, x9, [x0, #64]
	ldp	x10, x11, [x0, #80]
	ldp	x12, x13, [x0, #96]
	ldp	x14, x15, [x0, #112]
	ldr	x18, [x0, #144]
	ldp	x19, x20, [x0, #152]
	ldp	x21, x22, [x0, #168]
	ldp	x23, x24, [x0, #184]
	ldp	x25, x26, [x0, #200]
	ldp	x27, x28, [x0, #216]
	ldp	x29, x30, [x0, #232]
	ldr	x16, [x0, #248]		/* sp */
	ldr	x17, [x0, #320]		/* pc */
	ldp	x0, x1, [x0, #0]	/* last load: x0 was the base */
	mov	sp, x16
	br	x17
	.cfi_endproc
	.size	rt_unw_resume, . - rt_unw_resume

	.section .note.GNU-stack, "", %progbits

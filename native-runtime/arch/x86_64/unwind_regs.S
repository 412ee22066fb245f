/*
 * unwind_regs.S (x86-64) — taking and installing a register context for the
 * unwinder.  Slot layout: arch/x86_64/unwind_arch.h (DWARF order, 8 bytes
 * each: rax rdx rcx rbx rsi rdi rbp rsp r8..r15 rip).
 *
 * rt_unw_capture(slots): stores the registers as they are at the call site in
 * the caller: callee-saved ones untouched, rsp as it will be after the return,
 * rip = the return address.  So the captured frame is the caller, stopped at
 * its call.  Returns 0.
 *
 * rt_unw_resume(slots): loads the registers and jumps to slots[rip]; never
 * returns.  Every load from `slots` happens before rsp changes, because
 * `slots` usually lives in the frames being abandoned, below the new rsp,
 * where a signal arriving after the switch could overwrite it.  rcx and rdi
 * are used as scratch and are not restored (landing pads receive rax, rdx and
 * the callee-saved registers; nothing else).
 */
	.text
	.globl	rt_unw_capture
	.type	rt_unw_capture, @function
	.p2align 4
rt_unw_capture:
	.cfi_startproc
	movq	%rax, 0(%rdi)
	movq	%rdx, 8(%rdi)
	movq	%rcx, 16(%rdi)
	movq	%rbx, 24(%rdi)
	movq	%rsi, 32(%rdi)
	movq	%rdi, 40(%rdi)
	movq	%rbp, 48(%rdi)
	leaq	8(%rsp), %rax		/* rsp after our return */
	movq	%rax, 56(%rdi)
	movq	%r8, 64(%rdi)
	movq	%r9, 72(%rdi)
	movq	%r10, 80(%rdi)
	movq	%r11, 88(%rdi)
	movq	%r12, 96(%rdi)
	movq	%r13, 104(%rdi)
	movq	%r14, 112(%rdi)
	movq	%r15, 120(%rdi)
	movq	(%rsp), %rax		/* our return address */
	movq	%rax, 128(%rdi)
	xorl	%eax, %eax
	ret
	.cfi_endproc
	.size	rt_unw_capture, . - rt_unw_capture

	.globl	rt_unw_resume
	.type	rt_unw_resume, @function
	.p2align 4
rt_unw_resume:
	.cfi_startproc
	.cfi_undefined rip		/* nothing to unwind to from here */
	movq	0(%rdi), %rax
	movq	8(%rdi), %rdx
	movq	24(%rdi), %rbx
	movq	32(%rdi), %rsi
	movq	48(%rdi), %rbp
	movq	64(%rdi), %r8
	movq	72(%rdi), %r9
	movq	80(%rdi), %r10
	movq	88(%rdi), %r11
	movq	96(%rdi), %r12
	movq	104(%rdi), %r13
	movq	112(%rdi), %r14
	movq	120(%rdi), %r15
	movq	128(%rdi), %rcx		/* where to go */
	movq	56(%rdi), %rsp		/* last: the switch */
	jmp	*%rcx
	.cfi_endproc
	.size	rt_unw_resume, . - rt_unw_resume

	.section .note.GNU-stack, "", @progbits

/*
 * clone.S (AArch64) — starting a thread: the clone system call and the new
 * thread's first frame.
 *
 * rt_arch_clone(flags, stack, parent_tid, tls, child_tid, fn, arg): x0..x6.
 * The kernel's clone on AArch64 takes (flags, stack, parent_tid, tls,
 * child_tid), the same order, so x0..x4 go as they are.  fn and arg are
 * stored on the new stack before the call, because the new thread starts with
 * only the registers the kernel copies and the stack it was given; it loads
 * them there.  This must be assembly: in the child no C frame exists.
 *
 * The child continues at rt_arch_thread_entry, the outermost frame of every
 * thread (x30 undefined in its CFI, x29 and x30 zeroed), so backtraces and
 * the unwinder stop there as they stop at _start.  When fn returns, the
 * thread ends with SYS_exit (93): only this thread, and the kernel then
 * clears *child_tid and wakes its futex (CLONE_CHILD_CLEARTID), which is what
 * a join waits for.  Nothing touches the stack after fn returns, so the
 * joiner may unmap it as soon as *child_tid is 0.
 */
	.text
	.globl	rt_arch_clone
	.type	rt_arch_clone, %function
	.p2align 2
rt_arch_clone:
	.cfi_startproc
	and	x1, x1, #-16
	stp	x5, x6, [x1, #-16]!	/* fn, arg on the new stack */
	mov	x8, #220		/* SYS_clone */
	svc	#0
	cbz	x0, rt_arch_thread_entry	/* the child, on its new stack */
	ret				/* the parent: tid or -errno */
	.cfi_endproc
	.size	rt_arch_clone, . - rt_arch_clone

	.type	rt_arch_thread_entry, %function
	.p2align 2
rt_arch_thread_entry:
	.cfi_startproc
	.cfi_undefined x30		/* the outermost frame of a thread */
	ldp	x1, x0, [sp], #16	/* fn, arg; sp is 16-byte aligned again */
	mov	x29, #0
	mov	x30, #0
	blr	x1
	mov	x0, #0
	mov	x8, #93			/* SYS_exit: this thread only */
	svc	#0
	brk	#0
	.cfi_endproc
	.size	rt_arch_thread_entry, . - rt_arch_thread_entry

	.section .note.GNU-stack, "", %progbits

/*
 * clone.S (x86-64) — starting a thread: the clone system call and the new
 * thread's first frame.
 *
 * rt_arch_clone(flags, stack, parent_tid, tls, child_tid, fn, arg): C
 * arguments in rdi, rsi, rdx, rcx, r8, r9 and the stack; the kernel wants
 * (flags, stack, parent_tid, child_tid, tls) in rdi, rsi, rdx, r10, r8.
 * fn and arg are stored on the new stack before the call, because the new
 * thread starts with only the registers the kernel copies and the stack it
 * was given; it pops them there.  This must be assembly: in the child no C
 * frame exists, and the compiler would restore registers from the parent's.
 *
 * The child continues at rt_arch_thread_entry, the outermost frame of every
 * thread (rip undefined in its CFI, %rbp zeroed), so backtraces and the
 * unwinder stop there as they stop at _start.  When fn returns, the thread
 * ends with SYS_exit (60): only this thread, and the kernel then clears
 * *child_tid and wakes its futex (CLONE_CHILD_CLEARTID), which is what a
 * join waits for.  Nothing touches the stack after fn returns, so the joiner
 * may unmap it as soon as *child_tid is 0.
 */
	.text
	.globl	rt_arch_clone
	.type	rt_arch_clone, @function
	.p2align 4
rt_arch_clone:
	.cfi_startproc
	movq	8(%rsp), %rax		/* arg */
	andq	$-16, %rsi
	subq	$16, %rsi
	movq	%r9, 0(%rsi)		/* fn, popped first by the child */
	movq	%rax, 8(%rsi)		/* arg */
	movq	%r8, %r10		/* child_tid */
	movq	%rcx, %r8		/* tls */
	movl	$56, %eax		/* SYS_clone */
	syscall
	testq	%rax, %rax
	jz	rt_arch_thread_entry	/* the child, on its new stack */
	ret				/* the parent: tid or -errno */
	.cfi_endproc
	.size	rt_arch_clone, . - rt_arch_clone

	.type	rt_arch_thread_entry, @function
	.p2align 4
rt_arch_thread_entry:
	.cfi_startproc
	.cfi_undefined rip		/* the outermost frame of a thread */
	xorl	%ebp, %ebp
	popq	%rax			/* fn */
	popq	%rdi			/* arg; %rsp is 16-byte aligned again */
	call	*%rax
	movl	$60, %eax		/* SYS_exit: this thread only */
	xorl	%edi, %edi
	syscall
	ud2
	.cfi_endproc
	.size	rt_arch_thread_entry, . - rt_arch_thread_entry

	.section .note.GNU-stack, "", @progbits

/*
 * sigreturn.S (x86-64) — the signal-return trampoline.
 *
 * x86-64 Linux requires every handler installed with rt_sigaction to name a
 * restorer (SA_RESTORER): the kernel makes the handler "return" into it, and
 * it asks the kernel to restore the interrupted context (rt_sigreturn, 15).
 * os_linux.c passes rt_arch_sigreturn for every handler.  The runtime's
 * fatal handlers never return, but handlers that do (preemption, later) need
 * this.  The leading nop keeps unwinders that look up "return address - 1"
 * inside this symbol.
 */
	.text
	.globl	rt_arch_sigreturn
	.type	rt_arch_sigreturn, @function
	.p2align 4
	nop
rt_arch_sigreturn:
	movq	$15, %rax
	syscall
	ud2
	.size	rt_arch_sigreturn, . - rt_arch_sigreturn

	.section .note.GNU-stack, "", @progbits

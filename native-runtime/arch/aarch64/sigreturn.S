/*
 * sigreturn.S (AArch64) — the signal-return trampoline.
 *
 * The kernel makes a handler installed with SA_RESTORER "return" into the
 * restorer, which asks the kernel to restore the interrupted context
 * (rt_sigreturn, 139).  Without SA_RESTORER, AArch64 Linux would use the
 * vDSO's trampoline; os_linux.c passes this one on every architecture so
 * that signal delivery never depends on the vDSO.
 */
	.text
	.globl	rt_arch_sigreturn
	.type	rt_arch_sigreturn, %function
	.p2align 2
	nop
rt_arch_sigreturn:
	mov	x8, #139
	svc	#0
	brk	#0
	.size	rt_arch_sigreturn, . - rt_arch_sigreturn

	.section .note.GNU-stack, "", %progbits

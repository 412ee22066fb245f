/*
 * Process entry for AArch64 Linux.
 *
 * The kernel jumps here with sp pointing at argc (argc, argv..., NULL,
 * envp..., NULL, auxv pairs).  x0 may hold a function the dynamic linker
 * wants run at exit; a static executable has no dynamic linker, so it is
 * ignored.
 *
 * _start is the outermost frame: the frame pointer (x29) and link register
 * (x30) are zeroed so frame-record walks stop here, and the CFI marks the
 * return address undefined so DWARF unwinders (ours included, later) stop
 * here too.  AArch64 traps on a misaligned sp, so the kernel always gives a
 * 16-byte aligned one; the `and` keeps that an explicit invariant.
 */
	.text
	.globl	_start
	.type	_start, %function
_start:
	.cfi_startproc
	.cfi_undefined x30
	mov	x29, #0
	mov	x30, #0
	mov	x0, sp			/* trt_start(initial_sp) */
	and	sp, x0, #-16
	bl	trt_start
	brk	#0			/* trt_start never returns */
	.cfi_endproc
	.size	_start, . - _start

	.section .note.GNU-stack, "", %progbits

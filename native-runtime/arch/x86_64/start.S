/*
 * Process entry for x86-64 Linux.
 *
 * The kernel jumps here with %rsp pointing at argc (System V ABI, figure
 * 3.9: argc, argv..., NULL, envp..., NULL, auxv pairs) and every other
 * register except %rdx unspecified.  %rdx may hold a function the dynamic
 * linker wants run at exit; a static executable has no dynamic linker, so it
 * is ignored.
 *
 * _start is the outermost frame: %rbp is zeroed so frame-pointer walks stop
 * here, and the CFI marks the return address undefined so DWARF unwinders
 * (ours included, later) stop here too.  The ABI already promises a 16-byte
 * aligned %rsp at entry; aligning again costs one instruction and protects
 * against loaders that do not keep that promise.
 */
	.text
	.globl	_start
	.type	_start, @function
_start:
	.cfi_startproc
	.cfi_undefined rip
	xorl	%ebp, %ebp
	movq	%rsp, %rdi		/* trt_start(initial_sp) */
	andq	$-16, %rsp		/* aligned before the call, per the ABI */
	call	trt_start
	ud2				/* trt_start never returns */
	.cfi_endproc
	.size	_start, . - _start

	.section .note.GNU-stack, "", @progbits

; tls_threads.ll — thread-locals as tcc emits them: LLVM globals marked
; thread_local(localexec), which a static executable resolves to constant
; offsets from the thread pointer.  Used by tls_threads.c.

@ll_counter = internal thread_local(localexec) global i64 1234, align 8
@ll_wide = internal thread_local(localexec) global [4 x i64] [i64 1, i64 2, i64 3, i64 4], align 128

define i64 @ll_get() {
  %v = load i64, ptr @ll_counter, align 8
  ret i64 %v
}

define void @ll_set(i64 %v) {
  store i64 %v, ptr @ll_counter, align 8
  ret void
}

define ptr @ll_wide_addr() {
  %p = call ptr @llvm.threadlocal.address.p0(ptr @ll_wide)
  ret ptr %p
}

declare ptr @llvm.threadlocal.address.p0(ptr)

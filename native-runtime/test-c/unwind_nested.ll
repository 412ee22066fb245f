; unwind_nested.ll — catching frames as tcc will emit them for T (see
; unwind_nested.c).  Compiled for each target by run-tests.sh.

@trt_panic_typeinfo = external constant ptr

declare i32 @trt_personality(...)
declare ptr @trt_panic_begin_catch(ptr)
declare void @trt_panic_end_catch(ptr)
declare i32 @llvm.eh.typeid.for.p0(ptr)
declare void @report_caught(ptr, i32)
declare void @note(ptr)

define i32 @t_catch(ptr %fn) uwtable personality ptr @trt_personality {
entry:
  invoke void %fn() to label %ok unwind label %lp
ok:
  ret i32 0
lp:
  %l = landingpad { ptr, i32 } catch ptr @trt_panic_typeinfo
  %exc = extractvalue { ptr, i32 } %l, 0
  %sel = extractvalue { ptr, i32 } %l, 1
  %tid = call i32 @llvm.eh.typeid.for.p0(ptr @trt_panic_typeinfo)
  %match = icmp eq i32 %sel, %tid
  br i1 %match, label %caught, label %other
caught:
  %p = call ptr @trt_panic_begin_catch(ptr %exc)
  call void @report_caught(ptr %p, i32 1)
  call void @trt_panic_end_catch(ptr %exc)
  ret i32 1
other:
  resume { ptr, i32 } %l
}

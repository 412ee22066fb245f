; unwind_catch.ll — catching frames as tcc will emit them for T (see
; unwind_catch.c).  Compiled for each target by run-tests.sh.

@trt_panic_typeinfo = external constant ptr
@other_typeinfo = constant ptr null
@.cleanup = private constant [16 x i8] c"T cleanup frame\00"
@.other = private constant [38 x i8] c"T cleanup beside a non-matching catch\00"

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

define i32 @t_catch_all(ptr %fn) uwtable personality ptr @trt_personality {
entry:
  invoke void %fn() to label %ok unwind label %lp
ok:
  ret i32 0
lp:
  %l = landingpad { ptr, i32 } catch ptr null
  %exc = extractvalue { ptr, i32 } %l, 0
  %p = call ptr @trt_panic_begin_catch(ptr %exc)
  call void @report_caught(ptr %p, i32 2)
  call void @trt_panic_end_catch(ptr %exc)
  ret i32 1
}

define void @t_cleanup_frame(ptr %fn) uwtable personality ptr @trt_personality {
entry:
  invoke void %fn() to label %ok unwind label %lp
ok:
  ret void
lp:
  %l = landingpad { ptr, i32 } cleanup
  call void @note(ptr @.cleanup)
  resume { ptr, i32 } %l
}

define void @t_cleanup_other_catch(ptr %fn) uwtable personality ptr @trt_personality {
entry:
  invoke void %fn() to label %ok unwind label %lp
ok:
  ret void
lp:
  %l = landingpad { ptr, i32 } cleanup catch ptr @other_typeinfo
  %sel = extractvalue { ptr, i32 } %l, 1
  %tid = call i32 @llvm.eh.typeid.for.p0(ptr @other_typeinfo)
  %match = icmp eq i32 %sel, %tid
  br i1 %match, label %wrong, label %cleanup
wrong:
  call void @note(ptr @.other)
  ret void
cleanup:
  call void @note(ptr @.other)
  resume { ptr, i32 } %l
}

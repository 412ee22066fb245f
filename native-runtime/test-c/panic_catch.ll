; panic_catch.ll — a catch as tcc emits it for `std::panic::catch(f)`:
; `invoke`, a catch-all `landingpad` under @trt_personality, and a handler
; that hands the exception to trt_panic_catch, which fills a `Panic`
; ({ {ptr, i64, ptr}, {ptr, i64, ptr}, i32, i32 }).  Returns 1 when f panicked.

declare i32 @trt_personality(...)
declare void @trt_panic_catch(ptr, ptr)

define i32 @t_catch(ptr %fn, ptr %out) uwtable personality ptr @trt_personality {
entry:
  invoke void %fn() to label %ok unwind label %lp
ok:
  ret i32 0
lp:
  %l = landingpad { ptr, i32 } catch ptr null
  %exc = extractvalue { ptr, i32 } %l, 0
  call void @trt_panic_catch(ptr %exc, ptr %out)
  ret i32 1
}

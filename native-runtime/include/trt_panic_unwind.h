/* trt_panic_unwind.h — see the comment below; included from trt.h. */
#ifndef TRT_PANIC_UNWIND_H
#define TRT_PANIC_UNWIND_H

#endif /* TRT_PANIC_UNWIND_H */

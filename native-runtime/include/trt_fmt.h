/* trt_fmt.h — see the comment below; included from trt.h. */
#ifndef TRT_FMT_H
#define TRT_FMT_H

#endif /* TRT_FMT_H */

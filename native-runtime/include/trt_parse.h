/* trt_parse.h — see the comment below; included from trt.h. */
#ifndef TRT_PARSE_H
#define TRT_PARSE_H

#endif /* TRT_PARSE_H */

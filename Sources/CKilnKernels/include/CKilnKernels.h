#ifndef CKILN_KERNELS_H
#define CKILN_KERNELS_H
/// Hot kernels in C (GEMM, convolution). Each has a portable path and, where the CPU supports it,
/// an AVX2/AVX-512 path chosen at run time. Every kernel is tested against its reference in Swift.
int ckiln_version(void);
#endif

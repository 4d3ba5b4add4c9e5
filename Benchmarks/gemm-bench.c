// Standalone GEMM benchmark and self-check for Sources/CKilnKernels.
//   clang -O2 -I Sources/CKilnKernels/include Benchmarks/gemm-bench.c \
//       Sources/CKilnKernels/sgemm.c -o /tmp/gemm-bench && /tmp/gemm-bench
// Prints GFLOP/s per ISA path for square and ResNet-50 convolution-shaped problems.
#include "CKilnKernels.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static float *rnd(long n) {
    float *p = malloc(n * sizeof(float));
    for (long i = 0; i < n; i++) p[i] = (float)rand() / RAND_MAX - 0.5f;
    return p;
}

static double check(int isa, long M, long N, long K) {
    float *A = rnd(M * K), *B = rnd(K * N), *C = rnd(M * N);
    ckiln_sgemm(isa, 0, 0, M, N, K, 1.0f, A, K, B, N, 0.0f, C, N);
    double maxErr = 0;
    for (long i = 0; i < M; i++)
        for (long j = 0; j < N; j++) {
            double s = 0;
            for (long p = 0; p < K; p++) s += (double)A[i * K + p] * B[p * N + j];
            double e = fabs(s - C[i * N + j]);
            if (e > maxErr) maxErr = e;
        }
    free(A); free(B); free(C);
    return maxErr;
}

static double bench(int isa, int tb, long M, long N, long K) {
    float *A = rnd(M * K), *B = rnd(K * N), *C = rnd(M * N);
    double best = 1e9;
    int reps = (int)(2e9 / (2.0 * M * N * K)) + 1;
    if (reps > 50) reps = 50;
    for (int r = 0; r < reps; r++) {
        double t = now();
        ckiln_sgemm(isa, 0, tb, M, N, K, 1.0f, A, K, B, tb ? K : N, 0.0f, C, N);
        t = now() - t;
        if (t < best) best = t;
    }
    free(A); free(B); free(C);
    return 2.0 * M * N * K / best * 1e-9;
}

int main(void) {
    const char *names[] = {"", "scalar", "avx2", "avx512"};
    printf("best isa: %s\n", names[ckiln_sgemm_best_isa()]);
    for (int isa = 1; isa <= ckiln_sgemm_best_isa(); isa++)
        printf("check %-7s 33x65x7 %.2e  1x100x300 %.2e  129x47x513 %.2e\n", names[isa],
               check(isa, 33, 65, 7), check(isa, 1, 100, 300), check(isa, 129, 47, 513));
    // M, N, K: square, then ResNet-50 convs as (Cout, OH*OW, Cin*kh*kw).
    long shapes[][3] = {{512, 512, 512}, {64, 12544, 147}, {64, 3136, 64}, {64, 3136, 576},
                        {256, 3136, 64}, {128, 784, 1152}, {512, 784, 128}, {256, 196, 2304},
                        {1024, 196, 256}, {512, 49, 4608}, {2048, 49, 512}, {1, 1000, 2048}};
    for (int isa = 1; isa <= ckiln_sgemm_best_isa(); isa++)
        for (unsigned s = 0; s < sizeof shapes / sizeof shapes[0]; s++)
            printf("%-7s M=%5ld N=%5ld K=%5ld  %6.1f GFLOP/s\n", names[isa], shapes[s][0],
                   shapes[s][1], shapes[s][2],
                   bench(isa, 0, shapes[s][0], shapes[s][1], shapes[s][2]));
    return 0;
}

// Does OpenBLAS give the same bits for every thread count? Runs the BLAS and LAPACK routines
// the engines call (NumericCore/OpenBLAS.swift), on the shapes they use, with OpenBLAS on 1, 1
// again, 2, 3 and 8 threads, and prints how many result elements differ from the first
// one-thread run. For sgemm it also prints how many differ when the same product is computed
// single-threaded as 2 or 3 slices of columns or rows (the shape of each call matters too).
// The measurement behind ARCHITECTURE.md's "Engine decisions"; not part of any build.
//
//     gcc -O2 -o /tmp/thread_rounding thread_rounding.c $(pkg-config --cflags --libs openblas)
//     /tmp/thread_rounding                              # the kernels OpenBLAS picks for this processor
//     OPENBLAS_CORETYPE=Haswell /tmp/thread_rounding    # another processor family's kernels
#include <cblas.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void dsyevr_(const char *jobz, const char *range, const char *uplo, const int *n, double *a, const int *lda,
             const double *vl, const double *vu, const int *il, const int *iu, const double *abstol, int *m,
             double *w, double *z, const int *ldz, int *isuppz, double *work, const int *lwork, int *iwork,
             const int *liwork, int *info);
void ssyevr_(const char *jobz, const char *range, const char *uplo, const int *n, float *a, const int *lda,
             const float *vl, const float *vu, const int *il, const int *iu, const float *abstol, int *m,
             float *w, float *z, const int *ldz, int *isuppz, float *work, const int *lwork, int *iwork,
             const int *liwork, int *info);
void dsyevd_(const char *jobz, const char *uplo, const int *n, double *a, const int *lda, double *w, double *work,
             const int *lwork, int *iwork, const int *liwork, int *info);
void sgesdd_(const char *jobz, const int *m, const int *n, float *a, const int *lda, float *s, float *u,
             const int *ldu, float *vt, const int *ldvt, float *work, const int *lwork, int *iwork, int *info);
void dpotrf_(const char *uplo, const int *n, double *a, const int *lda, int *info);
void dpotrs_(const char *uplo, const int *n, const int *nrhs, const double *a, const int *lda, double *b,
             const int *ldb, int *info);

enum { RUNS = 5 };
static const int threadCounts[RUNS] = {1, 1, 2, 3, 8};

// Seeded values in [-0.5, 0.5): the same inputs on every run.
static uint64_t state = 88172645463325252ULL;
static double uniform(void) {
    state ^= state << 13; state ^= state >> 7; state ^= state << 17;
    return (double)(state >> 11) / 9007199254740992.0 - 0.5;
}
static float *floats(long n) { float *p = malloc(n * sizeof *p); for (long i = 0; i < n; i++) p[i] = (float)uniform(); return p; }
static double *doubles(long n) { double *p = malloc(n * sizeof *p); for (long i = 0; i < n; i++) p[i] = uniform(); return p; }

// How many of `count` elements of `size` bytes differ in their bits.
static long differing(const void *a, const void *b, long count, int size) {
    long n = 0;
    for (long i = 0; i < count; i++) n += memcmp((const char *)a + i * size, (const char *)b + i * size, size) != 0;
    return n;
}

static CBLAS_TRANSPOSE op(int transposed) { return transposed ? CblasTrans : CblasNoTrans; }

// C (m × n) = op(A) · op(B), computed single-threaded as `parts` slices of C's rows or columns.
static void slicedSgemm(int ta, int tb, int m, int n, int k, const float *a, const float *b, float *c,
                        int parts, int byRows) {
    int lda = ta ? m : k, ldb = tb ? k : n;
    for (int p = 0; p < parts; p++) {
        int side = byRows ? m : n, lo = side * p / parts, hi = side * (p + 1) / parts;
        if (byRows)
            cblas_sgemm(CblasRowMajor, op(ta), op(tb), hi - lo, n, k, 1, ta ? a + lo : a + (long)lo * lda, lda,
                        b, ldb, 0, c + (long)lo * n, n);
        else
            cblas_sgemm(CblasRowMajor, op(ta), op(tb), m, hi - lo, k, 1, a, lda, tb ? b + (long)lo * ldb : b + lo,
                        ldb, 0, c + lo, n);
    }
}

static void sgemm(int ta, int tb, int m, int n, int k) {
    long size = (long)m * n;
    float *a = floats((long)m * k), *b = floats((long)k * n), *first = malloc(size * 4), *c = malloc(size * 4);
    printf("sgemm %c%c m=%d n=%d k=%d:", ta ? 'T' : 'N', tb ? 'T' : 'N', m, n, k);
    for (int run = 0; run < RUNS; run++) {
        openblas_set_num_threads(threadCounts[run]);
        cblas_sgemm(CblasRowMajor, op(ta), op(tb), m, n, k, 1, a, ta ? m : k, b, tb ? k : n, 0, c, n);
        if (run == 0) memcpy(first, c, size * 4);
        else printf(" t%d:%ld", threadCounts[run], differing(first, c, size, 4));
    }
    openblas_set_num_threads(1);
    for (int parts = 2; parts <= 3; parts++) {
        slicedSgemm(ta, tb, m, n, k, a, b, c, parts, 0);
        printf(" cols/%d:%ld", parts, differing(first, c, size, 4));
        slicedSgemm(ta, tb, m, n, k, a, b, c, parts, 1);
        printf(" rows/%d:%ld", parts, differing(first, c, size, 4));
    }
    printf("   (of %ld)\n", size);
    free(a); free(b); free(first); free(c);
}

static void dgemm(int ta, int tb, int m, int n, int k) {
    long size = (long)m * n;
    double *a = doubles((long)m * k), *b = doubles((long)k * n), *first = malloc(size * 8), *c = malloc(size * 8);
    printf("dgemm %c%c m=%d n=%d k=%d:", ta ? 'T' : 'N', tb ? 'T' : 'N', m, n, k);
    for (int run = 0; run < RUNS; run++) {
        openblas_set_num_threads(threadCounts[run]);
        cblas_dgemm(CblasRowMajor, op(ta), op(tb), m, n, k, 1, a, ta ? m : k, b, tb ? k : n, 0, c, n);
        if (run == 0) memcpy(first, c, size * 8);
        else printf(" t%d:%ld", threadCounts[run], differing(first, c, size, 8));
    }
    printf("   (of %ld)\n", size);
    free(a); free(b); free(first); free(c);
}

// The covariance's Gram matrix (`BLAS.gramLower`): dsyrk / ssyrk.
static void syrk(int rows, int n) {
    long size = (long)n * n;
    double *a = doubles((long)rows * n), *firstD = calloc(size, 8), *cd = calloc(size, 8);
    float *fa = floats((long)rows * n), *firstS = calloc(size, 4), *cs = calloc(size, 4);
    printf("dsyrk/ssyrk rows=%d n=%d:", rows, n);
    for (int run = 0; run < RUNS; run++) {
        openblas_set_num_threads(threadCounts[run]);
        cblas_dsyrk(CblasRowMajor, CblasLower, CblasTrans, n, rows, 1, a, n, 0, cd, n);
        cblas_ssyrk(CblasRowMajor, CblasLower, CblasTrans, n, rows, 1, fa, n, 0, cs, n);
        if (run == 0) { memcpy(firstD, cd, size * 8); memcpy(firstS, cs, size * 4); }
        else printf(" t%d:%ld/%ld", threadCounts[run], differing(firstD, cd, size, 8), differing(firstS, cs, size, 4));
    }
    printf("\n");
}

static void dots(long n) {
    double *x = doubles(n), *y = doubles(n), firstD = 0;
    float *fx = floats(n), *fy = floats(n), firstS = 0;
    printf("ddot/sdot n=%ld:", n);
    for (int run = 0; run < RUNS; run++) {
        openblas_set_num_threads(threadCounts[run]);
        double d = cblas_ddot(n, x, 1, y, 1);
        float s = cblas_sdot(n, fx, 1, fy, 1);
        if (run == 0) { firstD = d; firstS = s; }
        else printf(" t%d:%d/%d", threadCounts[run], memcmp(&d, &firstD, 8) != 0, memcmp(&s, &firstS, 4) != 0);
    }
    printf("\n");
}

static void sgemv(int m, int n, int transposed) {
    int length = transposed ? n : m;
    float *a = floats((long)m * n), *x = floats(transposed ? m : n), *first = calloc(length, 4), *y = calloc(length, 4);
    printf("sgemv %c m=%d n=%d:", transposed ? 'T' : 'N', m, n);
    for (int run = 0; run < RUNS; run++) {
        openblas_set_num_threads(threadCounts[run]);
        cblas_sgemv(CblasRowMajor, op(transposed), m, n, 1, a, n, x, 1, 0, y, 1);
        if (run == 0) memcpy(first, y, length * 4);
        else printf(" t%d:%ld", threadCounts[run], differing(first, y, length, 4));
    }
    printf("\n");
}

// What one LAPACK run produced, flattened: dsyevr values and vectors, ssyevr values and
// vectors, dsyevd values and vectors, sgesdd singular values, U and Vᵀ, and a Cholesky solve.
enum { PIECES = 10 };
typedef struct { void *data[PIECES]; long count[PIECES]; int size[PIECES]; } Results;

// A symmetric positive-definite n × n matrix and the `count` largest eigenpairs, the full
// decomposition, the SVD of a 2n × n matrix and a Cholesky solve with three right-hand sides.
static Results lapackRun(const double *spd, const float *spdSingle, const float *tall, const double *rhs, int n, int count) {
    Results r = {0};
    char vectors = 'V', index = 'I', upper = 'U', lower = 'L', thin = 'S';
    int nn = n, il = n - count + 1, iu = n, found = 0, info = 0, lwork = -1, liwork = -1, iworkQuery = 0;
    double vl = 0, vu = 0, tolerance = 0, workQuery = 0;
    int *support = malloc(2 * count * sizeof(int));

    double *a = malloc((long)n * n * 8), *w = malloc(n * 8), *z = malloc((long)n * count * 8);
    memcpy(a, spd, (long)n * n * 8);
    dsyevr_(&vectors, &index, &upper, &nn, a, &nn, &vl, &vu, &il, &iu, &tolerance, &found, w, z, &nn, support,
            &workQuery, &lwork, &iworkQuery, &liwork, &info);
    lwork = (int)workQuery; liwork = iworkQuery;
    double *work = malloc(lwork * 8); int *iwork = malloc(liwork * sizeof(int));
    dsyevr_(&vectors, &index, &upper, &nn, a, &nn, &vl, &vu, &il, &iu, &tolerance, &found, w, z, &nn, support,
            work, &lwork, iwork, &liwork, &info);
    r.data[0] = w; r.count[0] = count; r.size[0] = 8;
    r.data[1] = z; r.count[1] = (long)n * count; r.size[1] = 8;

    float *fa = malloc((long)n * n * 4), *fw = malloc(n * 4), *fz = malloc((long)n * count * 4);
    float fvl = 0, fvu = 0, ftolerance = 0, fworkQuery = 0;
    memcpy(fa, spdSingle, (long)n * n * 4);
    lwork = -1; liwork = -1;
    ssyevr_(&vectors, &index, &upper, &nn, fa, &nn, &fvl, &fvu, &il, &iu, &ftolerance, &found, fw, fz, &nn, support,
            &fworkQuery, &lwork, &iworkQuery, &liwork, &info);
    lwork = (int)fworkQuery; liwork = iworkQuery;
    float *fwork = malloc(lwork * 4); int *fiwork = malloc(liwork * sizeof(int));
    ssyevr_(&vectors, &index, &upper, &nn, fa, &nn, &fvl, &fvu, &il, &iu, &ftolerance, &found, fw, fz, &nn, support,
            fwork, &lwork, fiwork, &liwork, &info);
    r.data[2] = fw; r.count[2] = count; r.size[2] = 4;
    r.data[3] = fz; r.count[3] = (long)n * count; r.size[3] = 4;

    double *full = malloc((long)n * n * 8), *fullValues = malloc(n * 8);
    memcpy(full, spd, (long)n * n * 8);
    lwork = -1; liwork = -1;
    dsyevd_(&vectors, &lower, &nn, full, &nn, fullValues, &workQuery, &lwork, &iworkQuery, &liwork, &info);
    lwork = (int)workQuery; liwork = iworkQuery;
    double *dwork = malloc(lwork * 8); int *diwork = malloc(liwork * sizeof(int));
    dsyevd_(&vectors, &lower, &nn, full, &nn, fullValues, dwork, &lwork, diwork, &liwork, &info);
    r.data[4] = fullValues; r.count[4] = n; r.size[4] = 8;
    r.data[5] = full; r.count[5] = (long)n * n; r.size[5] = 8;

    int rows = 2 * n, rank = n;
    float *t = malloc((long)rows * n * 4), *s = malloc(n * 4), *u = malloc((long)rows * n * 4), *vt = malloc((long)n * n * 4);
    float sworkQuery = 0;
    int *siwork = malloc(8 * n * sizeof(int));
    memcpy(t, tall, (long)rows * n * 4);
    lwork = -1;
    sgesdd_(&thin, &rows, &nn, t, &rows, s, u, &rows, vt, &rank, &sworkQuery, &lwork, siwork, &info);
    lwork = (int)sworkQuery;
    float *swork = malloc(lwork * 4);
    sgesdd_(&thin, &rows, &nn, t, &rows, s, u, &rows, vt, &rank, swork, &lwork, siwork, &info);
    r.data[6] = s; r.count[6] = n; r.size[6] = 4;
    r.data[7] = u; r.count[7] = (long)rows * n; r.size[7] = 4;
    r.data[8] = vt; r.count[8] = (long)n * n; r.size[8] = 4;

    double *factor = malloc((long)n * n * 8), *x = malloc((long)n * 3 * 8);
    int three = 3;
    memcpy(factor, spd, (long)n * n * 8);
    memcpy(x, rhs, (long)n * 3 * 8);
    dpotrf_(&lower, &nn, factor, &nn, &info);
    dpotrs_(&lower, &nn, &three, factor, &nn, x, &nn, &info);
    r.data[9] = x; r.count[9] = (long)n * 3; r.size[9] = 8;
    return r;
}

static void lapack(int n, int count) {
    double *noise = doubles((long)n * n), *spd = malloc((long)n * n * 8);
    float *spdSingle = malloc((long)n * n * 4);
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) spd[i * n + j] = noise[i * n + j] + noise[j * n + i] + (i == j ? n : 0);
    for (long i = 0; i < (long)n * n; i++) spdSingle[i] = (float)spd[i];
    float *tall = floats((long)2 * n * n);
    double *rhs = doubles((long)n * 3);
    printf("LAPACK n=%d count=%d: dsyevr/ssyevr/dsyevd/sgesdd(2n x n)/dpotrf+s", n, count);
    Results first = {0};
    for (int run = 0; run < RUNS; run++) {
        openblas_set_num_threads(threadCounts[run]);
        Results r = lapackRun(spd, spdSingle, tall, rhs, n, count);
        if (run == 0) { first = r; continue; }
        long d[PIECES];
        for (int p = 0; p < PIECES; p++) d[p] = differing(first.data[p], r.data[p], r.count[p], r.size[p]);
        printf(" t%d:%ld/%ld %ld/%ld %ld/%ld %ld/%ld/%ld %ld", threadCounts[run],
               d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8], d[9]);
    }
    printf("\n");
}

int main(void) {
    printf("%s, core %s, default threads %d\n", openblas_get_config(), openblas_get_corename(), openblas_get_num_threads());
    // The deep-learning engine's products: convolutions per sample (forward, weight and input
    // gradients), linear layers (forward and both gradients), the LSTM's projections, larger.
    sgemm(0, 0, 16, 784, 9); sgemm(0, 0, 32, 196, 144); sgemm(0, 1, 32, 144, 392); sgemm(1, 0, 144, 196, 32);
    sgemm(0, 1, 64, 128, 784); sgemm(0, 1, 64, 10, 128); sgemm(1, 0, 784, 128, 64); sgemm(0, 0, 64, 784, 128);
    sgemm(0, 1, 1792, 256, 28); sgemm(0, 0, 64, 256, 64); sgemm(0, 1, 256, 512, 512); sgemm(0, 0, 512, 512, 512);
    // The classical engine's products: distances to a few centroids, linear models, Gram matrices.
    dgemm(0, 0, 2000, 8, 20); dgemm(0, 1, 1000, 10, 64); dgemm(0, 0, 300, 300, 300); dgemm(1, 0, 64, 64, 2000);
    dgemm(0, 0, 1000, 1000, 100);
    syrk(1000, 50); syrk(5000, 200); syrk(20000, 64);
    dots(1000); dots(20000); dots(200000);
    sgemv(100, 10000, 0); sgemv(10000, 100, 0); sgemv(100, 10000, 1); sgemv(2000, 2000, 0);
    // PCA's eigenpairs, the full decomposition, the SVD, linear regression's Cholesky solve.
    lapack(50, 2); lapack(200, 5); lapack(500, 10);
    return 0;
}

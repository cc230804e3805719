package org.rnn4j.kernel.vector;

import java.util.function.IntConsumer;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;
import org.rnn4j.kernel.Parallel;

/**
 * The m = 1 case of GEMM, c (1, n) = alpha·a (1, k)·op(B) (k, n) + beta·c, without packing: dot products
 * along the stored rows of B when B is transposed (B stored (n, k)), row updates (axpy) when it is not
 * (B stored (k, n)). Columns are split across threads; each c[j] is summed by one fixed sequence of
 * operations, so the split does not change the result.
 */
final class Gemv {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Column block of the axpy form: four vectors of accumulators. */
    private static final int COLS = 4 * L;
    /** Below this many multiply-adds one thread does the whole product. */
    private static final long SERIAL = 1 << 17;

    private static final ThreadLocal<Call> CALLS = ThreadLocal.withInitial(Call::new);

    private Gemv() {
    }

    /** c = alpha·a·op(B) + beta·c with a's k values at aOffset + p·(transA ? lda : 1). */
    static void rowTimesMatrix(boolean transA, boolean transB, int n, int k, float alpha,
                               float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
                               float beta, float[] c, int cOffset) {
        Call call = CALLS.get();
        if (transA && lda != 1) {
            // gather the strided row of a once: (k)
            float[] row = call.row(k);
            for (int p = 0; p < k; p++) {
                row[p] = a[aOffset + p * lda];
            }
            call.a = row;
            call.aOffset = 0;
        } else {
            call.a = a;
            call.aOffset = aOffset;
        }
        call.transB = transB;
        call.n = n;
        call.k = k;
        call.alpha = alpha;
        call.b = b;
        call.bOffset = bOffset;
        call.ldb = ldb;
        call.beta = beta;
        call.c = c;
        call.cOffset = cOffset;
        int threads = (long) n * k <= SERIAL ? 1 : Parallel.threads();
        int blocks = (n + COLS - 1) / COLS;
        call.chunk = (blocks + threads - 1) / threads * COLS;
        Parallel.forEach((n + call.chunk - 1) / call.chunk, call.task);
        call.a = null;
        call.b = null;
        call.c = null;
    }

    /** One product's arguments, reused by the calling thread. */
    private static final class Call {
        final IntConsumer task = this::runTask;
        float[] rowBuffer = new float[0];
        boolean transB;
        int n;
        int k;
        float alpha;
        float[] a;
        int aOffset;
        float[] b;
        int bOffset;
        int ldb;
        float beta;
        float[] c;
        int cOffset;
        int chunk;

        float[] row(int k) {
            if (rowBuffer.length < k) {
                rowBuffer = new float[k];
            }
            return rowBuffer;
        }

        private void runTask(int t) {
            int j0 = t * chunk;
            int j1 = Math.min(n, j0 + chunk);
            if (transB) {
                dots(this, j0, j1);
            } else {
                axpys(this, j0, j1);
            }
        }
    }

    /** c[j] for j in [j0, j1) as dot products of a with the stored rows B[j, :]. */
    private static void dots(Call call, int j0, int j1) {
        float[] a = call.a;
        float[] b = call.b;
        int k = call.k;
        int j = j0;
        // four rows at a time: accumulators s0..s3 hold lane partial sums, lane l sums p ≡ l (mod L)
        for (; j <= j1 - 4; j += 4) {
            int r0 = call.bOffset + j * call.ldb;
            int r1 = r0 + call.ldb;
            int r2 = r1 + call.ldb;
            int r3 = r2 + call.ldb;
            FloatVector s0 = FloatVector.zero(S);
            FloatVector s1 = FloatVector.zero(S);
            FloatVector s2 = FloatVector.zero(S);
            FloatVector s3 = FloatVector.zero(S);
            int p = 0;
            // vector body
            for (; p <= k - L; p += L) {
                FloatVector av = FloatVector.fromArray(S, a, call.aOffset + p);
                s0 = av.fma(FloatVector.fromArray(S, b, r0 + p), s0);
                s1 = av.fma(FloatVector.fromArray(S, b, r1 + p), s1);
                s2 = av.fma(FloatVector.fromArray(S, b, r2 + p), s2);
                s3 = av.fma(FloatVector.fromArray(S, b, r3 + p), s3);
            }
            // vector tail: masked lanes load zero
            if (p < k) {
                VectorMask<Float> mask = S.indexInRange(p, k);
                FloatVector av = FloatVector.fromArray(S, a, call.aOffset + p, mask);
                s0 = av.fma(FloatVector.fromArray(S, b, r0 + p, mask), s0);
                s1 = av.fma(FloatVector.fromArray(S, b, r1 + p, mask), s1);
                s2 = av.fma(FloatVector.fromArray(S, b, r2 + p, mask), s2);
                s3 = av.fma(FloatVector.fromArray(S, b, r3 + p, mask), s3);
            }
            store(call, j, s0);
            store(call, j + 1, s1);
            store(call, j + 2, s2);
            store(call, j + 3, s3);
        }
        // remaining rows one at a time, same lane order
        for (; j < j1; j++) {
            int r0 = call.bOffset + j * call.ldb;
            FloatVector s0 = FloatVector.zero(S);
            int p = 0;
            // vector body
            for (; p <= k - L; p += L) {
                s0 = FloatVector.fromArray(S, a, call.aOffset + p).fma(FloatVector.fromArray(S, b, r0 + p), s0);
            }
            // vector tail
            if (p < k) {
                VectorMask<Float> mask = S.indexInRange(p, k);
                s0 = FloatVector.fromArray(S, a, call.aOffset + p, mask)
                        .fma(FloatVector.fromArray(S, b, r0 + p, mask), s0);
            }
            store(call, j, s0);
        }
    }

    /** c[j] = beta·c[j] + alpha·Σ lanes of s, the lanes summed in a fixed order. */
    private static void store(Call call, int j, FloatVector s) {
        float sum = VectorMath.sumLanes(s);
        int i = call.cOffset + j;
        call.c[i] = call.beta == 0f ? call.alpha * sum : Math.fma(call.alpha, sum, call.beta * call.c[i]);
    }

    /** c[j0:j1] = beta·c + alpha·Σ_p a[p]·B[p, j0:j1], four vectors of columns at a time. */
    private static void axpys(Call call, int j0, int j1) {
        float[] a = call.a;
        float[] b = call.b;
        int k = call.k;
        int j = j0;
        // vector body: accumulators s0..s3 hold columns j..j+4L
        for (; j <= j1 - COLS; j += COLS) {
            FloatVector s0 = FloatVector.zero(S);
            FloatVector s1 = FloatVector.zero(S);
            FloatVector s2 = FloatVector.zero(S);
            FloatVector s3 = FloatVector.zero(S);
            for (int p = 0; p < k; p++) {
                FloatVector ap = FloatVector.broadcast(S, a[call.aOffset + p]);
                int row = call.bOffset + p * call.ldb + j;
                s0 = ap.fma(FloatVector.fromArray(S, b, row), s0);
                s1 = ap.fma(FloatVector.fromArray(S, b, row + L), s1);
                s2 = ap.fma(FloatVector.fromArray(S, b, row + 2 * L), s2);
                s3 = ap.fma(FloatVector.fromArray(S, b, row + 3 * L), s3);
            }
            storeColumns(call, j, s0, S.maskAll(true));
            storeColumns(call, j + L, s1, S.maskAll(true));
            storeColumns(call, j + 2 * L, s2, S.maskAll(true));
            storeColumns(call, j + 3 * L, s3, S.maskAll(true));
        }
        // vector tail: one (possibly masked) vector of columns at a time, same per-lane sequence
        for (; j < j1; j += L) {
            VectorMask<Float> mask = S.indexInRange(j, j1);
            FloatVector s0 = FloatVector.zero(S);
            for (int p = 0; p < k; p++) {
                int row = call.bOffset + p * call.ldb + j;
                s0 = FloatVector.broadcast(S, a[call.aOffset + p]).fma(FloatVector.fromArray(S, b, row, mask), s0);
            }
            storeColumns(call, j, s0, mask);
        }
    }

    /** c[j:j+L] (masked) = beta·c + alpha·s. */
    private static void storeColumns(Call call, int j, FloatVector s, VectorMask<Float> mask) {
        int i = call.cOffset + j;
        FloatVector r = s.mul(call.alpha);
        if (call.beta != 0f) {
            r = FloatVector.fromArray(S, call.c, i, mask).mul(call.beta).add(r);
        }
        r.intoArray(call.c, i, mask);
    }
}

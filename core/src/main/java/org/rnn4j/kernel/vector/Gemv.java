package org.rnn4j.kernel.vector;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;
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
    /** A task's stretch of the lanes buffer: its four vectors, then a cache line no other task writes. */
    private static final int LANES_STRIDE = COLS + 16;
    /** Below this many multiply-adds one thread does the whole product. */
    private static final long SERIAL = 1 << 17;
    /**
     * Lane i takes lane i + half, for half = L/2, L/4, …, 1: adding each to the vector it came from is
     * {@link VectorMath#sumLanes}'s halving sum in registers, which leaves the sum in lane 0.
     */
    private static final List<VectorShuffle<Float>> HALVES = halvingShuffles();

    private static final ThreadLocal<Call> CALLS = ThreadLocal.withInitial(Call::new);

    private Gemv() {
    }

    private static List<VectorShuffle<Float>> halvingShuffles() {
        List<VectorShuffle<Float>> halves = new ArrayList<>();
        for (int half = L / 2; half > 0; half /= 2) {
            int shift = half;
            halves.add(VectorShuffle.fromOp(S, i -> (i + shift) % L));
        }
        return List.copyOf(halves);
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
        int threads = (long) n * k < SERIAL ? 1 : Parallel.threads();
        int blocks = (n + COLS - 1) / COLS;
        call.chunk = (blocks + threads - 1) / threads * COLS;
        int tasks = (n + call.chunk - 1) / call.chunk;
        if (!transB) {
            call.lanes(tasks);
        }
        Parallel.forEach(tasks, call.task);
        call.a = null;
        call.b = null;
        call.c = null;
    }

    /** One product's arguments, reused by the calling thread. */
    private static final class Call {
        final IntConsumer task = this::runTask;
        float[] rowBuffer = new float[0];
        float[] lanes = new float[0];  // per task of the axpy form: four accumulators' lanes, then padding
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

        void lanes(int tasks) {
            if (lanes.length < tasks * LANES_STRIDE) {
                lanes = new float[tasks * LANES_STRIDE];
            }
        }

        private void runTask(int t) {
            int j0 = t * chunk;
            int j1 = Math.min(n, j0 + chunk);
            if (transB) {
                dots(this, j0, j1);
            } else {
                axpys(this, j0, j1, t * LANES_STRIDE);
            }
        }
    }

    /**
     * c[j] for j in [j0, j1) as dot products of a with the stored rows B[j, :], four rows at a time. Lane l
     * of a row's accumulator sums the products p ≡ l (mod L); the lanes are then summed in a fixed order.
     */
    private static void dots(Call call, int j0, int j1) {
        int j = j0;
        for (; j <= j1 - 4; j += 4) {
            fourDots(call, j);
        }
        for (; j < j1; j++) {
            oneDot(call, j);
        }
    }

    /** c[j..j+3] from rows j..j+3 of B. */
    private static void fourDots(Call call, int j) {
        float[] a = call.a;
        float[] b = call.b;
        int k = call.k;
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
        // vector tail (masked lanes load zero)
        if (p < k) {
            VectorMask<Float> m = S.indexInRange(p, k);
            FloatVector av = FloatVector.fromArray(S, a, call.aOffset + p, m);
            s0 = av.fma(FloatVector.fromArray(S, b, r0 + p, m), s0);
            s1 = av.fma(FloatVector.fromArray(S, b, r1 + p, m), s1);
            s2 = av.fma(FloatVector.fromArray(S, b, r2 + p, m), s2);
            s3 = av.fma(FloatVector.fromArray(S, b, r3 + p, m), s3);
        }
        // halving sums of the lanes
        for (int level = 0; level < HALVES.size(); level++) {
            VectorShuffle<Float> half = HALVES.get(level);
            s0 = s0.add(s0.rearrange(half));
            s1 = s1.add(s1.rearrange(half));
            s2 = s2.add(s2.rearrange(half));
            s3 = s3.add(s3.rearrange(half));
        }
        store(call, j, s0.lane(0));
        store(call, j + 1, s1.lane(0));
        store(call, j + 2, s2.lane(0));
        store(call, j + 3, s3.lane(0));
    }

    /** c[j] from row j of B. */
    private static void oneDot(Call call, int j) {
        int row = call.bOffset + j * call.ldb;
        FloatVector s = FloatVector.zero(S);
        for (int p = 0; p < call.k; p += L) {
            // vector body for whole vectors, masked vector tail (masked lanes load zero)
            VectorMask<Float> m = S.indexInRange(p, call.k);
            s = FloatVector.fromArray(S, call.a, call.aOffset + p, m).fma(FloatVector.fromArray(S, call.b, row + p, m), s);
        }
        // halving sum of the lanes
        for (int level = 0; level < HALVES.size(); level++) {
            s = s.add(s.rearrange(HALVES.get(level)));
        }
        store(call, j, s.lane(0));
    }

    /** c[j] = beta·c[j] + alpha·sum. */
    private static void store(Call call, int j, float sum) {
        int i = call.cOffset + j;
        call.c[i] = call.beta == 0f ? call.alpha * sum : Math.fma(call.alpha, sum, call.beta * call.c[i]);
    }

    /** c[j0:j1] = beta·c + alpha·Σ_p a[p]·B[p, j0:j1], four vectors of columns at a time. */
    private static void axpys(Call call, int j0, int j1, int lanesAt) {
        int j = j0;
        for (; j <= j1 - COLS; j += COLS) {
            fourColumnVectors(call, j, lanesAt);
            for (int q = 0; q < COLS; q++) {
                store(call, j + q, call.lanes[lanesAt + q]);
            }
        }
        for (; j < j1; j += L) {
            oneColumnVector(call, j, j1, lanesAt);
            for (int q = 0; q < Math.min(L, j1 - j); q++) {
                store(call, j + q, call.lanes[lanesAt + q]);
            }
        }
    }

    /** Σ_p a[p]·B[p, j:j+4L] into lanes[at, at+4L). */
    private static void fourColumnVectors(Call call, int j, int at) {
        float[] b = call.b;
        FloatVector s0 = FloatVector.zero(S);
        FloatVector s1 = FloatVector.zero(S);
        FloatVector s2 = FloatVector.zero(S);
        FloatVector s3 = FloatVector.zero(S);
        for (int p = 0; p < call.k; p++) {
            FloatVector ap = FloatVector.broadcast(S, call.a[call.aOffset + p]);
            int row = call.bOffset + p * call.ldb + j;
            s0 = ap.fma(FloatVector.fromArray(S, b, row), s0);
            s1 = ap.fma(FloatVector.fromArray(S, b, row + L), s1);
            s2 = ap.fma(FloatVector.fromArray(S, b, row + 2 * L), s2);
            s3 = ap.fma(FloatVector.fromArray(S, b, row + 3 * L), s3);
        }
        s0.intoArray(call.lanes, at);
        s1.intoArray(call.lanes, at + L);
        s2.intoArray(call.lanes, at + 2 * L);
        s3.intoArray(call.lanes, at + 3 * L);
    }

    /** Σ_p a[p]·B[p, j:min(j+L, j1)] into lanes[at, at+L) (masked columns load zero). */
    private static void oneColumnVector(Call call, int j, int j1, int at) {
        VectorMask<Float> m = S.indexInRange(j, j1);
        FloatVector s = FloatVector.zero(S);
        for (int p = 0; p < call.k; p++) {
            int row = call.bOffset + p * call.ldb + j;
            s = FloatVector.broadcast(S, call.a[call.aOffset + p]).fma(FloatVector.fromArray(S, call.b, row, m), s);
        }
        s.intoArray(call.lanes, at);
    }
}

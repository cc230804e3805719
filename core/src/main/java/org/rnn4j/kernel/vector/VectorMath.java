package org.rnn4j.kernel.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * exp, σ and tanh over array ranges, and the fixed-order lane sum, shared by the kernels.
 *
 * <p>Bits: exp is built from add, multiply, fma and bit operations only, which are exact IEEE operations
 * in interpreted and compiled code alike, so a kernel gives the same bits whichever JIT tier runs it (the
 * JDK's {@code lanewise(EXP)} calls {@link Math#exp} when interpreted and a SIMD stub when compiled, and
 * the two differ in the last bit). That keeps a resumed run bit-identical to one that never stopped.
 *
 * <p>Speed: a {@link FloatVector} stays in a register only while every operation on it is compiled
 * inline; handed to or returned from a method the JIT declines to inline (a large callee, a full inlining
 * budget) it is allocated on the heap, once per call. So vectors never cross a method boundary here:
 * each function is a loop over an array range, the exp polynomial lives in one loop, and σ and tanh are
 * passes over arrays built on it.
 */
final class VectorMath {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final float LOG2E = 1.44269504f;
    private static final float LN2_HI = 0.693145752f;       // ln 2 split so n·LN2_HI is exact
    private static final float LN2_LO = 1.42860677e-6f;
    private static final float ROUND = 12582912f;            // 1.5·2^23: adding it rounds to an integer
    private static final float MAX_ARGUMENT = 88.3762626647949f;
    private static final float MIN_ARGUMENT = -87.3365447f;  // e^x below the smallest normal float is flushed to 0
    private static final float TANH_SMALL = 0.0625f;         // below this, tanh uses its Taylor series
    /** tanh works through a per-thread buffer of e^{2x} this long. */
    private static final int CHUNK = 256;
    private static final ThreadLocal<float[]> EXPONENTIALS = ThreadLocal.withInitial(() -> new float[CHUNK]);
    private static final ThreadLocal<float[]> LANES = ThreadLocal.withInitial(() -> new float[L]);
    private static final ThreadLocal<double[]> DOUBLE_LANES = ThreadLocal.withInitial(() -> new double[L]);

    private VectorMath() {
    }

    /**
     * dst[d, d+n) = e^{scale·x + shift} for x in src[s, s+n) (the ranges may be the same): x = k·ln 2 + r
     * with |r| ≤ ln2/2, e^r by a degree-6 polynomial (relative error below 2e-7), scaled by 2^k through the
     * exponent bits.
     */
    static void exp(float[] src, int s, float scale, float shift, float[] dst, int d, int n) {
        for (int j = 0; j < n; j += L) {
            // vector body for whole vectors, masked vector tail for the last partial one
            VectorMask<Float> m = S.indexInRange(j, n);
            FloatVector x = FloatVector.fromArray(S, src, s + j, m).mul(scale).add(shift);
            FloatVector clamped = x.max(MIN_ARGUMENT).min(MAX_ARGUMENT);
            FloatVector k = clamped.fma(FloatVector.broadcast(S, LOG2E), FloatVector.broadcast(S, ROUND)).sub(ROUND);
            FloatVector r = k.fma(FloatVector.broadcast(S, -LN2_HI), clamped);
            r = k.fma(FloatVector.broadcast(S, -LN2_LO), r);
            FloatVector p = FloatVector.broadcast(S, 1f / 720);
            p = p.fma(r, FloatVector.broadcast(S, 1f / 120));
            p = p.fma(r, FloatVector.broadcast(S, 1f / 24));
            p = p.fma(r, FloatVector.broadcast(S, 1f / 6));
            p = p.fma(r, FloatVector.broadcast(S, 0.5f));
            p = p.fma(r, FloatVector.broadcast(S, 1f));
            p = p.fma(r, FloatVector.broadcast(S, 1f));
            IntVector exponent = ((IntVector) k.convert(VectorOperators.F2I, 0)).add(127).lanewise(VectorOperators.LSHL, 23);
            p.mul(exponent.reinterpretAsFloats()).blend(0f, x.compare(VectorOperators.LT, MIN_ARGUMENT))
                    .intoArray(dst, d + j, m);
        }
    }

    /** dst[d, d+n) = σ(src[s, s+n)) = 1 / (1 + e^−x); the ranges may be the same. */
    static void sigmoid(float[] src, int s, float[] dst, int d, int n) {
        exp(src, s, -1f, 0f, dst, d, n);
        for (int j = 0; j < n; j += L) {
            // vector body for whole vectors, masked vector tail for the last partial one
            VectorMask<Float> m = S.indexInRange(j, n);
            FloatVector.broadcast(S, 1f).div(FloatVector.fromArray(S, dst, d + j, m).add(1f)).intoArray(dst, d + j, m);
        }
    }

    /** dst[d, d+n) = tanh(src[s, s+n)); the ranges may be the same. */
    static void tanh(float[] src, int s, float[] dst, int d, int n) {
        float[] exponentials = EXPONENTIALS.get();
        for (int at = 0; at < n; at += CHUNK) {
            int count = Math.min(CHUNK, n - at);
            exp(src, s + at, 2f, 0f, exponentials, 0, count);
            tanhFromExponentials(src, s + at, exponentials, dst, d + at, count);
        }
    }

    /** tanh x = 1 − 2/(e^{2x} + 1), with x − x³/3 + 2x⁵/15 near 0 where that cancels. */
    private static void tanhFromExponentials(float[] src, int s, float[] exponentials, float[] dst, int d, int n) {
        for (int j = 0; j < n; j += L) {
            // vector body for whole vectors, masked vector tail for the last partial one
            VectorMask<Float> m = S.indexInRange(j, n);
            FloatVector x = FloatVector.fromArray(S, src, s + j, m);
            FloatVector e2x = FloatVector.fromArray(S, exponentials, j, m);
            FloatVector far = FloatVector.broadcast(S, 1f).sub(FloatVector.broadcast(S, 2f).div(e2x.add(1f)));
            FloatVector x2 = x.mul(x);
            FloatVector near = FloatVector.broadcast(S, 2f / 15).fma(x2, FloatVector.broadcast(S, -1f / 3)).mul(x2).fma(x, x);
            far.blend(near, x.abs().compare(VectorOperators.LT, TANH_SMALL)).intoArray(dst, d + j, m);
        }
    }

    /**
     * Σ x[at, at+n): lane l of one accumulator sums the elements ≡ l (mod L), then the lanes are summed by
     * halving (lane i + lane i + L/2, …). A fixed order in compiled and interpreted code alike, unlike
     * {@code reduceLanes(ADD)}, whose order is unspecified.
     */
    static float sum(float[] x, int at, int n) {
        FloatVector sum = FloatVector.zero(S);
        for (int j = 0; j < n; j += L) {
            // vector body for whole vectors, masked vector tail for the last partial one
            sum = sum.add(FloatVector.fromArray(S, x, at + j, S.indexInRange(j, n)));
        }
        float[] lanes = LANES.get();
        sum.intoArray(lanes, 0);
        return sumLanes(lanes, 0);
    }

    /** The halving sum of the L lanes stored at lanes[from..], in place. */
    static float sumLanes(float[] lanes, int from) {
        for (int half = L / 2; half > 0; half /= 2) {
            for (int i = 0; i < half; i++) {
                lanes[from + i] += lanes[from + i + half];
            }
        }
        return lanes[from];
    }

    /** The calling thread's buffer for the lanes of a double vector (at most L of them). */
    static double[] doubleLanes() {
        return DOUBLE_LANES.get();
    }

    /** The halving sum of the first {@code count} (a power of two) doubles of lanes, in place. */
    static double sumLanes(double[] lanes, int count) {
        for (int half = count / 2; half > 0; half /= 2) {
            for (int i = 0; i < half; i++) {
                lanes[i] += lanes[i + half];
            }
        }
        return lanes[0];
    }
}

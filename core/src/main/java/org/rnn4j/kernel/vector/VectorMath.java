package org.rnn4j.kernel.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector helpers shared by the kernels. exp, σ and tanh are built from add, multiply, fma and bit
 * operations only, which are exact IEEE operations in interpreted and compiled code alike, so a kernel
 * gives the same bits whichever JIT tier runs it (the JDK's {@code lanewise(EXP)} calls
 * {@link Math#exp} when interpreted and a SIMD stub when compiled, and the two differ in the last bit).
 * That keeps a resumed run bit-identical to one that never stopped.
 */
final class VectorMath {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final FloatVector ONE = FloatVector.broadcast(S, 1f);
    private static final float LOG2E = 1.44269504f;
    private static final float LN2_HI = 0.693145752f;       // ln 2 split so n·LN2_HI is exact
    private static final float LN2_LO = 1.42860677e-6f;
    private static final float ROUND = 12582912f;            // 1.5·2^23: adding it rounds to an integer
    private static final float MAX_ARGUMENT = 88.3762626647949f;
    private static final float MIN_ARGUMENT = -87.3365447f;  // e^x below the smallest normal float is flushed to 0
    private static final float TANH_SMALL = 0.0625f;         // below this, tanh uses its Taylor series

    private VectorMath() {
    }

    /**
     * e^x: x = n·ln 2 + r with |r| ≤ ln2/2, e^r by a degree-6 polynomial (relative error below 2e-7),
     * then scaled by 2^n through the exponent bits.
     */
    static FloatVector exp(FloatVector x) {
        FloatVector clamped = x.max(MIN_ARGUMENT).min(MAX_ARGUMENT);
        FloatVector n = clamped.fma(FloatVector.broadcast(S, LOG2E), FloatVector.broadcast(S, ROUND)).sub(ROUND);
        FloatVector r = n.fma(FloatVector.broadcast(S, -LN2_HI), clamped);
        r = n.fma(FloatVector.broadcast(S, -LN2_LO), r);
        FloatVector p = FloatVector.broadcast(S, 1f / 720);
        p = p.fma(r, FloatVector.broadcast(S, 1f / 120));
        p = p.fma(r, FloatVector.broadcast(S, 1f / 24));
        p = p.fma(r, FloatVector.broadcast(S, 1f / 6));
        p = p.fma(r, FloatVector.broadcast(S, 0.5f));
        p = p.fma(r, ONE);
        p = p.fma(r, ONE);
        IntVector exponent = ((IntVector) n.convert(VectorOperators.F2I, 0)).add(127).lanewise(VectorOperators.LSHL, 23);
        FloatVector scaled = p.mul(exponent.reinterpretAsFloats());
        return scaled.blend(0f, x.compare(VectorOperators.LT, MIN_ARGUMENT));
    }

    /** σ(x) = 1 / (1 + e^−x). */
    static FloatVector sigmoid(FloatVector x) {
        return ONE.div(exp(x.neg()).add(1f));
    }

    /** tanh x = sign(x)·(1 − 2/(e^{2|x|} + 1)), with x − x³/3 + 2x⁵/15 near 0 where that cancels. */
    static FloatVector tanh(FloatVector x) {
        FloatVector a = x.abs();
        FloatVector large = ONE.sub(FloatVector.broadcast(S, 2f).div(exp(a.add(a)).add(1f)));
        FloatVector x2 = x.mul(x);
        FloatVector series = FloatVector.broadcast(S, 2f / 15).fma(x2, FloatVector.broadcast(S, -1f / 3)).mul(x2).fma(a, a);
        FloatVector magnitude = large.blend(series, a.compare(VectorOperators.LT, TANH_SMALL));
        return magnitude.blend(magnitude.neg(), x.compare(VectorOperators.LT, 0f));
    }

    /**
     * Σ lanes of v by halving (lane i + lane i + L/2, …), a fixed order in compiled and interpreted code
     * alike, unlike {@code reduceLanes(ADD)} whose order is unspecified.
     */
    static float sumLanes(FloatVector v) {
        FloatVector s = v;
        for (int half = S.length() / 2; half > 0; half /= 2) {
            s = s.add(s.slice(half));
        }
        return s.lane(0);
    }
}

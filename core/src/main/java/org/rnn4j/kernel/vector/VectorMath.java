package org.rnn4j.kernel.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/** Vector helpers shared by the kernels. */
final class VectorMath {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private VectorMath() {
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

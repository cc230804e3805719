package org.rnn4j.bench;

import org.rnn4j.random.Rng;

/**
 * Seeded operands for the benchmarks: the kernels' speed does not depend on the values, only on them
 * being finite.
 */
final class RandomValues {

    private RandomValues() {
    }

    /** values[:] uniform in [−range, range). */
    static void fillUniform(float[] values, float range, Rng rng) {
        for (int i = 0; i < values.length; i++) {
            values[i] = (2f * rng.nextFloat() - 1f) * range;
        }
    }

    /** A new array of {@code length} values uniform in [−1, 1). */
    static float[] uniform(int length, Rng rng) {
        float[] values = new float[length];
        fillUniform(values, 1f, rng);
        return values;
    }
}

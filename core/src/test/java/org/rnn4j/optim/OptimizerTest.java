package org.rnn4j.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnn4j.kernel.KernelProvider;
import org.rnn4j.kernel.Parallel;
import org.rnn4j.kernel.ScalarKernels;

/**
 * Each update rule against its formula worked by hand for one or two steps; large buffers split across
 * threads against one-element buffers; clipping against the scalar kernels and across thread counts.
 */
class OptimizerTest {

    @Test
    void sgdMomentumAndNesterov() {
        assertEquals(1f - 0.1f * 2f, step(OptimizerKind.SGD, 1f, 2f, 0.1f, 1)[0], 1e-7f);
        // two steps with g = 2: buf 2 then 0.9·2 + 2 = 3.8
        assertEquals(1f - 0.1f * 2f - 0.1f * 3.8f, step(OptimizerKind.MOMENTUM, 1f, 2f, 0.1f, 2)[0], 1e-6f);
        // Nesterov: θ −= lr·(g + μ·buf) with buf 2 then 3.8
        assertEquals(1f - 0.1f * (2f + 0.9f * 2f) - 0.1f * (2f + 0.9f * 3.8f), step(OptimizerKind.NESTEROV, 1f, 2f, 0.1f, 2)[0], 1e-6f);
    }

    @Test
    void adaGradAndRmsProp() {
        // AdaGrad: sum 4 then 8
        float expected = 1f - 0.1f * 2f / (2f + 1e-8f) - 0.1f * 2f / ((float) Math.sqrt(8) + 1e-8f);
        assertEquals(expected, step(OptimizerKind.ADAGRAD, 1f, 2f, 0.1f, 2)[0], 1e-6f);
        // RMSProp α 0.95: avg 0.05·4 = 0.2
        assertEquals(1f - 0.1f * 2f / (float) Math.sqrt(0.2), step(OptimizerKind.RMSPROP, 1f, 2f, 0.1f, 1)[0], 1e-6f);
    }

    @Test
    void adamFirstStepMovesByTheLearningRate() {
        // bias-corrected m̂ = g, v̂ = g², so the first step is lr·g/|g|
        assertEquals(1f - 0.01f, step(OptimizerKind.ADAM, 1f, 3f, 0.01f, 1)[0], 1e-6f);
        // AdamW also decays θ by lr·λ (λ 0.01 by default)
        assertEquals(1f - 0.01f * 0.01f - 0.01f, step(OptimizerKind.ADAMW, 1f, 3f, 0.01f, 1)[0], 1e-6f);
    }

    @Test
    void clippingByValueAndByGlobalNorm() {
        GradientClipping clipping = new GradientClipping(new ScalarKernels());
        float[] g = {3f, -10f, 0.5f};
        clipping.byValue(g, 5f);
        assertEquals(-5f, g[1]);
        float[] h = {3f, 4f};
        assertEquals(5.0, clipping.byGlobalNorm(h, 1f), 1e-9);
        assertEquals(1.0, clipping.norm(h), 1e-6);
    }

    /** Buffers of one chunk, several chunks and a partial last chunk. */
    private static final int[] LENGTHS = {1, 17, Chunks.SIZE - 1, 2 * Chunks.SIZE + 37};

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(Runtime.getRuntime().availableProcessors());
    }

    static Stream<Arguments> kindsAndLengths() {
        return Arrays.stream(OptimizerKind.values())
                .flatMap(kind -> lengths().mapToObj(n -> Arguments.of(kind, n)));
    }

    @ParameterizedTest
    @MethodSource("kindsAndLengths")
    void everyElementGetsItsOwnUpdateWhateverTheThreadCount(OptimizerKind kind, int n) {
        Random random = new Random(n * 7L + kind.ordinal());
        float[] start = randomArray(random, n);
        float[] gradients = randomArray(random, n);
        float[] reference = null;
        for (int threads : new int[] {1, 2, 1}) {
            Parallel.setThreads(threads);
            float[] values = start.clone();
            Optimizer optimizer = new Optimizer(OptimizerConfig.defaults(kind), n);
            for (int step = 0; step < 3; step++) {
                optimizer.step(values, gradients, 0.01f);
            }
            if (reference == null) {
                reference = values;
            } else {
                assertArrayEquals(reference, values, kind + " over " + n + " with " + threads + " threads");
            }
        }
        // chunk edges get exactly the update of a one-element buffer
        for (int i : new int[] {0, n / 2, Chunks.SIZE - 1, Chunks.SIZE, 2 * Chunks.SIZE, n - 1}) {
            if (i < n) {
                float[] alone = {start[i]};
                Optimizer optimizer = new Optimizer(OptimizerConfig.defaults(kind), 1);
                for (int step = 0; step < 3; step++) {
                    optimizer.step(alone, new float[] {gradients[i]}, 0.01f);
                }
                assertEquals(alone[0], reference[i], 0f, kind + " at " + i);
            }
        }
    }

    static IntStream lengths() {
        return Arrays.stream(LENGTHS);
    }

    @ParameterizedTest
    @MethodSource("lengths")
    void clippingIsTheSameForAnyThreadCountAndKernels(int n) {
        float[] gradients = randomArray(new Random(n), n);
        double expectedNorm = new GradientClipping(new ScalarKernels()).norm(gradients);
        double[] norms = new double[2];
        float[][] clipped = new float[2][];
        for (int threads = 1; threads <= 2; threads++) {
            Parallel.setThreads(threads);
            GradientClipping clipping = new GradientClipping(KernelProvider.kernels());
            float[] g = gradients.clone();
            norms[threads - 1] = clipping.byGlobalNorm(g, 0.5f);
            clipping.byValue(g, 0.001f);
            clipped[threads - 1] = g;
        }
        assertEquals(Double.doubleToRawLongBits(norms[0]), Double.doubleToRawLongBits(norms[1]));
        assertArrayEquals(clipped[0], clipped[1]);
        assertEquals(expectedNorm, norms[0], 1e-15 * (n + 2) * expectedNorm);
        float scale = norms[0] > 0.5 ? (float) (0.5 / norms[0]) : 1f;
        for (int i = 0; i < n; i++) {
            float expected = Math.max(-0.001f, Math.min(0.001f, gradients[i] * scale));
            assertEquals(expected, clipped[0][i], 0f, "at " + i);
        }
    }

    @Test
    void schedulesChangeTheRateAsDocumented() {
        LearningRate epoch = new LearningRate(1f, new ScheduleConfig(ScheduleKind.EPOCH_DECAY, 0.5f, 4, 1));
        for (int e = 1; e <= 6; e++) {
            epoch.onEpochEnd(e);
        }
        assertEquals(0.125f, epoch.current(), 1e-7f); // halved after epochs 4, 5, 6
        LearningRate rise = new LearningRate(1f, new ScheduleConfig(ScheduleKind.HALVE_ON_RISE, 0.5f, 0, 1));
        rise.onValidation(2.0);
        rise.onValidation(1.5);
        rise.onValidation(1.7);
        assertEquals(0.5f, rise.current());
        LearningRate plateau = new LearningRate(1f, new ScheduleConfig(ScheduleKind.PLATEAU, 0.1f, 0, 2));
        plateau.onValidation(1.0);
        plateau.onValidation(1.0);
        assertEquals(1f, plateau.current());
        plateau.onValidation(1.1);
        assertEquals(0.1f, plateau.current(), 1e-7f);
    }

    /** Uniform in [−1, 1). */
    private static float[] randomArray(Random random, int length) {
        float[] x = new float[length];
        for (int i = 0; i < length; i++) {
            x[i] = 2f * random.nextFloat() - 1f;
        }
        return x;
    }

    private static float[] step(OptimizerKind kind, float value, float gradient, float lr, int steps) {
        Optimizer optimizer = new Optimizer(OptimizerConfig.defaults(kind), 1);
        float[] values = {value};
        for (int i = 0; i < steps; i++) {
            optimizer.step(values, new float[] {gradient}, lr);
        }
        return values;
    }
}

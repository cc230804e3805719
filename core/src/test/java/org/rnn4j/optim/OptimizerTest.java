package org.rnn4j.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Each update rule against its formula worked by hand for one or two steps. */
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
        float[] g = {3f, -10f, 0.5f};
        GradientClipping.byValue(g, 5f);
        assertEquals(-5f, g[1]);
        float[] h = {3f, 4f};
        assertEquals(5.0, GradientClipping.byGlobalNorm(h, 1f), 1e-9);
        assertEquals(1.0, GradientClipping.norm(h), 1e-6);
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

    private static float[] step(OptimizerKind kind, float value, float gradient, float lr, int steps) {
        Optimizer optimizer = new Optimizer(OptimizerConfig.defaults(kind), 1);
        float[] values = {value};
        for (int i = 0; i < steps; i++) {
            optimizer.step(values, new float[] {gradient}, lr);
        }
        return values;
    }
}

package org.rnn4j.optim;

/**
 * An update rule and its constants: momentum μ (momentum, Nesterov), decay α of the squared-gradient
 * average (RMSProp), β1 and β2 (Adam), ε, and weight decay (L2 for Adam, decoupled for AdamW).
 */
public record OptimizerConfig(OptimizerKind kind, float momentum, float alpha, float beta1, float beta2,
                              float epsilon, float weightDecay) {

    public OptimizerConfig {
        if (kind == null) {
            throw new IllegalArgumentException("an optimizer is required");
        }
        check("momentum", momentum, 0f, 1f);
        check("RMSProp decay", alpha, 0f, 1f);
        check("beta1", beta1, 0f, 1f);
        check("beta2", beta2, 0f, 1f);
        if (!(epsilon > 0f)) {
            throw new IllegalArgumentException("epsilon must be positive, got " + epsilon);
        }
        if (!(weightDecay >= 0f && Float.isFinite(weightDecay))) {
            throw new IllegalArgumentException("weight decay must be zero or positive, got " + weightDecay);
        }
    }

    /** The usual constants for {@code kind}: μ 0.9, α 0.95 (char-rnn), β 0.9/0.999, ε 1e-8. */
    public static OptimizerConfig defaults(OptimizerKind kind) {
        return new OptimizerConfig(kind, 0.9f, 0.95f, 0.9f, 0.999f, 1e-8f, kind == OptimizerKind.ADAMW ? 0.01f : 0f);
    }

    private static void check(String name, float value, float low, float high) {
        if (!(value >= low && value < high)) {
            throw new IllegalArgumentException(name + " must be in [" + low + ", " + high + "), got " + value);
        }
    }
}

package org.rnn4j.optim;

/** Gradient clipping: element-wise to [−c, c] and by global L2 norm. */
public final class GradientClipping {

    private GradientClipping() {
    }

    /** Clamps every gradient to [−limit, limit] (the minimal character RNN uses 5). */
    public static void byValue(float[] gradients, float limit) {
        for (int i = 0; i < gradients.length; i++) {
            gradients[i] = Math.max(-limit, Math.min(limit, gradients[i]));
        }
    }

    /** The global L2 norm of all gradients. */
    public static double norm(float[] gradients) {
        double sum = 0;
        for (float g : gradients) {
            sum += (double) g * g;
        }
        return Math.sqrt(sum);
    }

    /** Scales all gradients by maxNorm/‖g‖ when ‖g‖ exceeds maxNorm; returns ‖g‖ before clipping. */
    public static double byGlobalNorm(float[] gradients, float maxNorm) {
        double norm = norm(gradients);
        if (norm > maxNorm) {
            float scale = (float) (maxNorm / norm);
            for (int i = 0; i < gradients.length; i++) {
                gradients[i] *= scale;
            }
        }
        return norm;
    }
}

package org.rnn4j.optim;

import java.util.function.IntConsumer;

import org.rnn4j.kernel.Kernels;
import org.rnn4j.kernel.Parallel;

/**
 * Gradient clipping of a flat gradient buffer: element-wise to [−c, c] and by global L2 norm. Each pass
 * runs over the {@link Chunks} on the kernel pool, and the norm sums the chunks' squares in chunk order,
 * so it has the same bits for any thread count. One thread uses an instance at a time.
 */
public final class GradientClipping {

    private final Kernels kernels;
    private final IntConsumer clampChunk = this::clampChunk;
    private final IntConsumer squareChunk = this::squareChunk;
    private final IntConsumer scaleChunk = this::scaleChunk;
    private double[] chunkSquares = new double[0]; // (chunks) Σ g² of each chunk
    // the arguments of the running pass, read by the chunk tasks
    private float[] gradients; // (P)
    private float limit;
    private float scale;

    public GradientClipping(Kernels kernels) {
        this.kernels = kernels;
    }

    /** Clamps every gradient to [−limit, limit] (the minimal character RNN uses 5). */
    public void byValue(float[] gradients, float limit) {
        this.limit = limit;
        run(gradients, clampChunk);
    }

    /** The global L2 norm of all gradients. */
    public double norm(float[] gradients) {
        int chunks = Chunks.count(gradients.length);
        if (chunkSquares.length < chunks) {
            chunkSquares = new double[chunks];
        }
        run(gradients, squareChunk);
        double sum = 0;
        for (int c = 0; c < chunks; c++) {
            sum += chunkSquares[c];
        }
        return Math.sqrt(sum);
    }

    /** Scales all gradients by maxNorm/‖g‖ when ‖g‖ exceeds maxNorm; returns ‖g‖ before clipping. */
    public double byGlobalNorm(float[] gradients, float maxNorm) {
        double norm = norm(gradients);
        if (norm > maxNorm) {
            scale = (float) (maxNorm / norm);
            run(gradients, scaleChunk);
        }
        return norm;
    }

    private void run(float[] gradients, IntConsumer pass) {
        this.gradients = gradients;
        Parallel.forEach(Chunks.count(gradients.length), pass);
        this.gradients = null;
    }

    private void clampChunk(int chunk) {
        int to = Chunks.end(chunk, gradients.length);
        for (int i = Chunks.start(chunk); i < to; i++) {
            gradients[i] = Math.max(-limit, Math.min(limit, gradients[i]));
        }
    }

    private void squareChunk(int chunk) {
        int from = Chunks.start(chunk);
        chunkSquares[chunk] = kernels.sumOfSquares(gradients, from, Chunks.end(chunk, gradients.length) - from);
    }

    private void scaleChunk(int chunk) {
        int to = Chunks.end(chunk, gradients.length);
        for (int i = Chunks.start(chunk); i < to; i++) {
            gradients[i] *= scale;
        }
    }
}

package org.rnn4j.nn;

import java.util.List;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.kernel.PackedMatrix;

/**
 * One layer of recurrent cells run over whole windows of T steps for N rows. Rows are step-major:
 * row t·N + n is stream n at step t. A cell ({@code org.rnn4j.cell.Cell}) makes one per layer.
 *
 * <p>The state a row carries between windows is {@code stateVectors} H-wide vectors (h, then c for the
 * LSTM), laid out as (stateVectors, N, H).
 */
public interface RecurrentLayer {

    /** H. */
    int hiddenSize();

    /** Length of the carried state for N rows. */
    int stateSize(int rows);

    /**
     * Buffers for windows of up to {@code steps} steps of {@code rows} rows; allocate once and reuse for
     * every window of that shape or shorter. The window keeps its large activations in {@code blocks},
     * which it may share with the windows of other layers.
     */
    Window window(int steps, int rows, ActivationBlocks blocks);

    /**
     * Buffers for forward-only windows whose recurrent products read {@code packed}, packed copies of the
     * matrices the cell names in {@code Cell.packedRecurrent()} (in that order, e.g. W_hh (G·H, H)), instead of
     * the parameters: what stepping one row at a time wants ({@link Kernels#addPackedProduct}). The caller
     * keeps the copies current.
     */
    Window window(int steps, int rows, ActivationBlocks blocks, List<PackedMatrix> packed);

    /** The activations of one window: what forward keeps and backward reads. */
    interface Window {

        /** Runs the following windows over their first {@code steps} steps, at most the capacity. */
        void useSteps(int steps);

        /**
         * Runs the window. {@code state} holds the initial state on entry and the final state on exit.
         */
        void forward(LayerInput input, float[] state);

        /** (T·N, H) outputs h_0..h_{T−1}, starting at {@link #outputOffset()}. */
        float[] output();

        int outputOffset();

        /**
         * Back-propagates {@code dOutput} (T·N, H) through the window: adds into the parameter gradients,
         * has {@code input} write dL/dx, and writes dL/d(initial state) into {@code dState}. dL/dx is
         * written last, so the input's gradient buffer may be {@code dOutput} itself. The gate gradients
         * are written over the activations they come from, so each backward needs its own forward; the
         * output stays.
         */
        void backward(LayerInput input, float[] dOutput, float[] dState);
    }
}

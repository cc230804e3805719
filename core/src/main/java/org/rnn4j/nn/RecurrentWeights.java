package org.rnn4j.nn;

import org.rnn4j.kernel.Kernels;
import org.rnn4j.kernel.PackedMatrix;
import org.rnn4j.kernel.Transpose;
import org.rnn4j.tensor.Parameters;
import org.rnn4j.tensor.Tensor;

/**
 * The four tensors of one recurrent layer as PyTorch stores them: W_ih (G·H, D), W_hh (G·H, H),
 * b_ih (G·H), b_hh (G·H); and the products every cell makes with them over a whole window.
 */
public final class RecurrentWeights {

    private final Kernels kernels;
    private final Parameters parameters;
    private final Tensor weightIh;
    private final Tensor weightHh;
    private final Tensor biasIh;
    private final Tensor biasHh;
    private final int hidden;
    private final int gateWidth; // G·H
    private final float[] bothBiases; // (G·H) b_ih + b_hh, refreshed each window
    private PackedMatrix stepWeights; // W_hh packed for products of many rows, in the copy its window lends

    public RecurrentWeights(Kernels kernels, Parameters parameters, RecurrentTensors tensors) {
        this.kernels = kernels;
        this.parameters = parameters;
        this.weightIh = tensors.weightIh();
        this.weightHh = tensors.weightHh();
        this.biasIh = tensors.biasIh();
        this.biasHh = tensors.biasHh();
        this.hidden = weightHh.cols();
        this.gateWidth = weightHh.rows();
        this.bothBiases = new float[gateWidth];
    }

    public int hidden() {
        return hidden;
    }

    public Kernels kernels() {
        return kernels;
    }

    /** out (R, G·H) = x·W_ihᵀ + b_ih + b_hh: the input part of every step at once. */
    public void projectInputWithBothBiases(LayerInput input, int rows, float[] out) {
        float[] w = parameters.values();
        for (int j = 0; j < gateWidth; j++) {
            bothBiases[j] = w[biasIh.offset() + j] + w[biasHh.offset() + j];
        }
        kernels.broadcastRows(bothBiases, 0, gateWidth, rows, out, 0);
        input.addProjection(kernels, rows, w, weightIh.offset(), gateWidth, out);
    }

    /** out (R, G·H) = x·W_ihᵀ + b_ih. */
    public void projectInput(LayerInput input, int rows, float[] out) {
        kernels.broadcastRows(parameters.values(), biasIh.offset(), gateWidth, rows, out, 0);
        input.addProjection(kernels, rows, parameters.values(), weightIh.offset(), gateWidth, out);
    }

    /** out (R, G·H) = b_hh on every row. */
    public void broadcastHiddenBias(int rows, float[] out) {
        kernels.broadcastRows(parameters.values(), biasHh.offset(), gateWidth, rows, out, 0);
    }

    /** When a window is made that will read W_hh packed by {@link #prepareSteps}: has {@code blocks} hold a copy. */
    public void reserveSteps(ActivationBlocks blocks) {
        blocks.reserveStepWeights(kernels, gateWidth, hidden);
    }

    /**
     * Before a window's steps: unless the window reads its own packed copy ({@code packedHh} not null), packs
     * the current W_hh once, into the copy that {@code blocks} lends, for the products of all its steps, which
     * {@link #addRecurrent} then reads. That copy may be shared by other layers' windows: call this again
     * after another window may have run.
     */
    public void prepareSteps(PackedMatrix packedHh, ActivationBlocks blocks) {
        if (packedHh != null) {
            return;
        }
        stepWeights = blocks.stepWeights();
        stepWeights.pack(parameters.values(), weightHh.offset(), hidden);
    }

    /**
     * out (N, G·H) += h·W_hhᵀ for h (N, H): the recurrent part of one step, row by row from {@code packedHh}
     * when it is a packed copy of W_hh, else all rows at once from the W_hh that {@link #prepareSteps} packed
     * for this window.
     */
    public void addRecurrent(PackedMatrix packedHh, float[] h, int hOffset, int rows, float[] out, int outOffset) {
        if (packedHh == null) {
            kernels.addPackedProducts(stepWeights, rows, h, hOffset, hidden, out, outOffset, gateWidth);
            return;
        }
        for (int r = 0; r < rows; r++) {
            kernels.addPackedProduct(packedHh, h, hOffset + r * hidden, out, outOffset + r * gateWidth);
        }
    }

    /** {@code packedHh}, after checking that it has W_hh's shape (G·H, H). */
    public PackedMatrix checkRecurrentShape(PackedMatrix packedHh) {
        if (packedHh.rows() != gateWidth || packedHh.columns() != hidden) {
            throw new IllegalArgumentException("a packed W_hh of this layer is " + gateWidth + "×" + hidden + ", got "
                    + packedHh.rows() + "×" + packedHh.columns());
        }
        return packedHh;
    }

    /** dh (N, H) = beta·dh + dGates·W_hh: the gradient that flows to the previous step. */
    public void backpropagateRecurrent(float[] dGates, int dGatesOffset, int rows, float beta, float[] dh) {
        kernels.gemm(Transpose.NO_TRANS, Transpose.NO_TRANS, rows, hidden, gateWidth, 1f,
                dGates, dGatesOffset, gateWidth, parameters.values(), weightHh.offset(), hidden, beta, dh, 0, hidden);
    }

    /**
     * After the backward loop, one GEMM each over all R rows: dW_ih += dGiᵀ·x, db_ih += Σ dGi,
     * dW_hh += dGhᵀ·h_prev, db_hh += Σ dGh, and dx = dGi·W_ih into the input's gradient.
     * {@code dGi} and {@code dGh} are (R, G·H) and are the same array for cells whose gates sum both parts.
     */
    public void accumulateGradients(LayerInput input, int rows, float[] dGi, float[] dGh, float[] hPrev) {
        float[] g = parameters.gradients();
        input.addWeightGradient(kernels, rows, dGi, gateWidth, g, weightIh.offset());
        kernels.addColumnSums(dGi, 0, rows, gateWidth, g, biasIh.offset());
        kernels.gemm(Transpose.TRANS, Transpose.NO_TRANS, gateWidth, hidden, rows, 1f,
                dGh, 0, gateWidth, hPrev, 0, hidden, 1f, g, weightHh.offset(), hidden);
        kernels.addColumnSums(dGh, 0, rows, gateWidth, g, biasHh.offset());
        input.backpropagate(kernels, rows, dGi, gateWidth, parameters.values(), weightIh.offset());
    }
}

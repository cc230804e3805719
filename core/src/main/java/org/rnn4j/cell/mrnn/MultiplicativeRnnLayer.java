package org.rnn4j.cell.mrnn;

import java.util.Arrays;
import java.util.List;
import org.rnn4j.kernel.Activation;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.nn.LayerInput;
import org.rnn4j.nn.RowTasks;
import org.rnn4j.nn.StepMatrix;
import org.rnn4j.nn.StepMatrixLayer;
import org.rnn4j.nn.StepWindow;
import org.rnn4j.tensor.Parameters;

/**
 * Multiplicative RNN layer: the input's part x·W_ihᵀ + [0 | b] of all T·N rows at once, x·W_mxᵀ (F) beside
 * x·W_hxᵀ + b (H); then per step the factors m = (x·W_mxᵀ)⊙(h_{t−1}·W_mhᵀ) and h_t = tanh(x·W_hxᵀ + b + m·W_hmᵀ):
 * two products, the second waiting for m. Backward runs the steps in reverse and makes every weight gradient
 * one GEMM over the window. State (N, H).
 */
final class MultiplicativeRnnLayer extends StepMatrixLayer {

    private final MultiplicativeRnnTensors tensors;
    private final int factors;          // F
    private final int width;            // F + H: one row of the input's part
    private final float[] inputBias;    // (F+H) 0 then b, read each window
    private final float[] biasGradient; // (F+H) column sums of the input part's gradient, of which b takes the last H

    /** The steps multiply by W_mh (F, H), then W_hm (H, F). */
    MultiplicativeRnnLayer(Kernels kernels, Parameters parameters, MultiplicativeRnnTensors tensors) {
        super(kernels, parameters, tensors.hidden(), List.of(tensors.weightMh(), tensors.weightHm()));
        this.tensors = tensors;
        this.factors = tensors.factors();
        this.width = factors + hidden;
        this.inputBias = new float[width];
        this.biasGradient = new float[width];
    }

    @Override
    protected Window newWindow(int steps, int rows, List<StepMatrix> matrices) {
        return new FactorWindow(steps, rows, matrices.get(0), matrices.get(1));
    }

    /**
     * The window keeps the input's part, h_{t−1}·W_mhᵀ and m of every step. Its row passes run on the worker
     * pool ({@link RowTasks}); they read the step from {@link #first}.
     */
    private final class FactorWindow extends StepWindow {
        private final StepMatrix stateToFactors; // the step's products, from the parameters or packed copies
        private final StepMatrix factorsToState;
        private final float[] inputPart;    // (T·N, F+H) x·W_mxᵀ | x·W_hxᵀ + b, the latter then summed with m·W_hmᵀ;
                                            // backward: dL/d(x·W_mxᵀ) | dL/d(the sum under tanh)
        private final float[] stateFactors; // (T·N, F) h_{t−1}·W_mhᵀ; backward: its gradient
        private final float[] m;            // (T·N, F) the factors
        private final float[] dm;           // (N, F) dL/dm of one step
        private final float[] dStateFactors; // (N, F) the step's dL/d(h_{t−1}·W_mhᵀ) before it replaces h_{t−1}·W_mhᵀ
        private final RowTasks tasks = new RowTasks();
        private final RowTasks.Body factorRows = this::factorRows;
        private final RowTasks.Body stateRows = this::stateRows;
        private final RowTasks.Body sumBackwardRows = this::sumBackwardRows;
        private final RowTasks.Body factorBackwardRows = this::factorBackwardRows;
        private int first; // window position of the current step's first row; its h_{t−1} is row `first` of hs

        FactorWindow(int steps, int rows, StepMatrix stateToFactors, StepMatrix factorsToState) {
            super(steps, rows, MultiplicativeRnnLayer.this.hidden, null);
            this.stateToFactors = stateToFactors;
            this.factorsToState = factorsToState;
            this.inputPart = new float[steps * rows * width];
            this.stateFactors = new float[steps * rows * factors];
            this.m = new float[steps * rows * factors];
            this.dm = new float[rows * factors];
            this.dStateFactors = new float[rows * factors];
        }

        @Override
        public void forward(LayerInput input, float[] state) {
            int all = steps * rows;
            float[] w = parameters.values();
            System.arraycopy(w, tensors.bias().offset(), inputBias, factors, hidden);
            kernels.broadcastRows(inputBias, 0, width, all, inputPart, 0);
            input.addProjection(kernels, all, w, tensors.weightIh().offset(), width, inputPart);
            Arrays.fill(stateFactors, 0, all * factors, 0f);
            System.arraycopy(state, 0, hs, 0, block);
            for (int t = 0; t < steps; t++) {
                first = t * rows;
                stateToFactors.addProduct(rows, hs, t * block, stateFactors, first * factors, factors);
                tasks.run(rows, factors, factorRows);
                factorsToState.addProduct(rows, m, first * factors, inputPart, first * width + factors, width);
                tasks.run(rows, hidden, stateRows);
            }
            System.arraycopy(hs, steps * block, state, 0, block);
        }

        /** m = (x·W_mxᵀ)⊙(h_{t−1}·W_mhᵀ) for the step's rows [q0, q1). */
        private void factorRows(int q0, int q1) {
            for (int k = first + q0; k < first + q1; k++) {
                kernels.multiply(inputPart, k * width, stateFactors, k * factors, m, k * factors, factors);
            }
        }

        /** h_t = tanh(x·W_hxᵀ + b + m·W_hmᵀ) for the step's rows [q0, q1). */
        private void stateRows(int q0, int q1) {
            for (int k = first + q0; k < first + q1; k++) {
                System.arraycopy(inputPart, k * width + factors, hs, (k + rows) * hidden, hidden);
            }
            kernels.activate(Activation.TANH, hs, (first + rows + q0) * hidden, (q1 - q0) * hidden);
        }

        /** Step t's gradients replace what its forward kept, which nothing reads after it. */
        @Override
        public void backward(LayerInput input, float[] dOutput, float[] dState) {
            Arrays.fill(dh, 0f);
            for (int t = steps - 1; t >= 0; t--) {
                first = t * rows;
                addOutputGradient(dOutput, t);
                tasks.run(rows, hidden, sumBackwardRows);
                // dL/dm (N, F) = dA·W_hm
                factorsToState.backpropagate(rows, inputPart, first * width + factors, width, 0f, dm, 0);
                tasks.run(rows, factors, factorBackwardRows);
                // dL/dh_{t−1} = dL/d(h_{t−1}·W_mhᵀ)·W_mh: h_{t−1} reaches h_t only through the factors
                stateToFactors.backpropagate(rows, stateFactors, first * factors, factors, 0f, dh, 0);
            }
            System.arraycopy(dh, 0, dState, 0, block);
            accumulateGradients(input);
        }

        /** Through h_t = tanh(·), rows [q0, q1): dh becomes dL/d(the sum), which the input part keeps. */
        private void sumBackwardRows(int q0, int q1) {
            kernels.activationBackward(Activation.TANH, hs, (first + rows + q0) * hidden, dh, q0 * hidden, (q1 - q0) * hidden);
            for (int q = q0; q < q1; q++) {
                System.arraycopy(dh, q * hidden, inputPart, (first + q) * width + factors, hidden);
            }
        }

        /** m = (x·W_mxᵀ)⊙(h_{t−1}·W_mhᵀ): each factor's gradient is dm times the other, rows [q0, q1). */
        private void factorBackwardRows(int q0, int q1) {
            for (int q = q0; q < q1; q++) {
                int k = first + q;
                kernels.multiply(dm, q * factors, inputPart, k * width, dStateFactors, q * factors, factors);
                kernels.multiply(dm, q * factors, stateFactors, k * factors, inputPart, k * width, factors);
                System.arraycopy(dStateFactors, q * factors, stateFactors, k * factors, factors);
            }
        }

        /**
         * One GEMM each over all R = T·N rows: dW_ih += dAᵀ·x for the input part's gradient dA (R, F+H),
         * db += Σ its last H columns, dW_hm += dA_hᵀ·m, dW_mh += dL/d(h·W_mhᵀ)ᵀ·h_prev, and dx = dA·W_ih.
         */
        private void accumulateGradients(LayerInput input) {
            int all = steps * rows;
            float[] g = parameters.gradients();
            input.addWeightGradient(kernels, all, inputPart, width, g, tensors.weightIh().offset());
            Arrays.fill(biasGradient, 0f);
            kernels.addColumnSums(inputPart, 0, all, width, biasGradient, 0);
            int bias = tensors.bias().offset();
            for (int j = 0; j < hidden; j++) {
                g[bias + j] += biasGradient[factors + j];
            }
            factorsToState.addWeightGradient(all, inputPart, factors, width, m, 0);
            stateToFactors.addWeightGradient(all, stateFactors, 0, factors, hs, 0);
            input.backpropagate(kernels, all, inputPart, width, parameters.values(), tensors.weightIh().offset());
        }
    }
}

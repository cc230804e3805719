package org.rnn4j.cell.lstm;

import java.util.Arrays;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.kernel.PackedMatrix;
import org.rnn4j.nn.ActivationBlocks;
import org.rnn4j.nn.FusedGateLayer;
import org.rnn4j.nn.LayerInput;
import org.rnn4j.nn.RecurrentTensors;
import org.rnn4j.nn.StepWindow;
import org.rnn4j.tensor.Parameters;

/**
 * LSTM layer: gates a = x·W_ihᵀ + b_ih + h_{t−1}·W_hhᵀ + b_hh split i|f|g|o;
 * i, f, o = σ(·), g = tanh(·); c_t = f⊙c_{t−1} + i⊙g; h_t = o⊙tanh(c_t). State (2, N, H): h then c.
 * The peephole LSTM runs the same window with its own step kernels.
 */
sealed class LstmLayer extends FusedGateLayer permits PeepholeLstmLayer {

    LstmLayer(Kernels kernels, Parameters parameters, RecurrentTensors tensors) {
        super(kernels, parameters, tensors, 2);
    }

    /** Reads what the steps need besides the four tensors, before a window's forward: nothing here. */
    void readStepParameters() {
    }

    /** One step of R rows from the pre-activations at {@code gatesOffset}: {@link Kernels#lstmForward}. */
    void stepForward(int rows, float[] gates, int gatesOffset, float[] cells, int prevCell, int cell, float[] h, int hOffset) {
        weights.kernels().lstmForward(rows, hidden, gates, gatesOffset, cells, prevCell, cell, h, hOffset);
    }

    /** Back through one step, gate gradients over the activations: {@link Kernels#lstmBackward}. */
    void stepBackward(int rows, float[] gates, int gatesOffset, float[] cells, int prevCell, int cell, float[] dh, float[] dc) {
        weights.kernels().lstmBackward(rows, hidden, gates, gatesOffset, cells, prevCell, cell, dh, 0, dc, gates, gatesOffset);
    }

    /**
     * After the backward loop, adds the gradients of what {@link #readStepParameters} read, from the gate
     * gradients (R, 4H) and the cells ((T+1)·N, H) of R = T·N positions: nothing here.
     */
    void addStepParameterGradients(float[] dGates, float[] cells, int positions, int rows) {
    }

    @Override
    protected Window newWindow(int steps, int rows, ActivationBlocks blocks, PackedMatrix packedHh) {
        return new LstmWindow(steps, rows, blocks, packedHh);
    }

    private final class LstmWindow extends StepWindow {
        private static final int GATES = 0; // (T·N, 4H) activations i|f|g|o; backward overwrites them with dL/da
        private static final int CELLS = 1; // ((T+1)·N, H) c_{−1}, c_0, …, c_{T−1}: step t at row (t+1)·N
        private final ActivationBlocks blocks;
        private final float[] firstCell; // (N, H) c_{−1}, from which shared cells are recomputed
        private final float[] dc;        // (N, H) dL/dc_t flowing back through time

        LstmWindow(int steps, int rows, ActivationBlocks blocks, PackedMatrix packedHh) {
            super(steps, rows, LstmLayer.this.hidden, packedHh);
            this.blocks = blocks;
            blocks.reserve(GATES, steps * rows * 4 * hidden);
            blocks.reserve(CELLS, (steps + 1) * rows * hidden);
            this.firstCell = new float[rows * hidden];
            this.dc = new float[rows * hidden];
        }

        @Override
        public void forward(LayerInput input, float[] state) {
            readStepParameters();
            blocks.hold(this);
            float[] gates = blocks.get(GATES);
            float[] cells = blocks.get(CELLS);
            System.arraycopy(state, 0, hs, 0, block);
            System.arraycopy(state, block, firstCell, 0, block);
            System.arraycopy(state, block, cells, 0, block);
            weights.projectInputWithBothBiases(input, steps * rows, gates);
            weights.prepareSteps(packedHh, blocks);
            for (int t = 0; t < steps; t++) {
                int gateOffset = t * rows * 4 * hidden;
                weights.addRecurrent(packedHh, hs, t * block, rows, gates, gateOffset);
                stepForward(rows, gates, gateOffset, cells, t * block, (t + 1) * block, hs, (t + 1) * block);
            }
            System.arraycopy(hs, steps * block, state, 0, block);
            System.arraycopy(cells, steps * block, state, block, block);
        }

        /**
         * Refills shared gates and cells that another layer's forward took over. The kept h_{−1}…h_{T−2}
         * make every step's recurrent product one GEMM; the cells then follow step by step from c_{−1},
         * with h_t (already kept) written to the idle dh.
         */
        private void recompute(LayerInput input) {
            blocks.hold(this);
            float[] gates = blocks.get(GATES);
            float[] cells = blocks.get(CELLS);
            System.arraycopy(firstCell, 0, cells, 0, block);
            weights.projectInputWithBothBiases(input, steps * rows, gates);
            weights.prepareSteps(packedHh, blocks); // the shared copy holds a later layer's W_hh by now
            weights.addRecurrent(packedHh, hs, 0, steps * rows, gates, 0);
            for (int t = 0; t < steps; t++) {
                stepForward(rows, gates, t * rows * 4 * hidden, cells, t * block, (t + 1) * block, dh, 0);
            }
        }

        /** Step t's gate gradients replace its activations, which nothing reads after it: no dGates buffer. */
        @Override
        public void backward(LayerInput input, float[] dOutput, float[] dState) {
            if (!blocks.heldBy(this)) {
                recompute(input);
            }
            float[] gates = blocks.get(GATES);
            float[] cells = blocks.get(CELLS);
            Arrays.fill(dh, 0f);
            Arrays.fill(dc, 0f);
            for (int t = steps - 1; t >= 0; t--) {
                int gateOffset = t * rows * 4 * hidden;
                addOutputGradient(dOutput, t);
                stepBackward(rows, gates, gateOffset, cells, t * block, (t + 1) * block, dh, dc);
                weights.backpropagateRecurrent(gates, gateOffset, rows, 0f, dh);
            }
            System.arraycopy(dh, 0, dState, 0, block);
            System.arraycopy(dc, 0, dState, block, block);
            addStepParameterGradients(gates, cells, steps * rows, rows);
            weights.accumulateGradients(input, steps * rows, gates, gates, hs);
        }
    }
}

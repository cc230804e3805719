package org.rnn4j.cell.lstm;

import java.util.Arrays;
import org.rnn4j.cell.FusedGateCell;
import org.rnn4j.cell.ReferenceCell;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.model.Initialization;
import org.rnn4j.model.MemoryEstimate;
import org.rnn4j.nn.LayerTensors;
import org.rnn4j.nn.RecurrentLayer;
import org.rnn4j.nn.RecurrentTensors;
import org.rnn4j.tensor.Parameters;
import org.rnn4j.tensor.Tensor;

/**
 * LSTM (PyTorch's {@code nn.LSTM}, G = 4, gates i|f|g|o): i, f, o = σ(·), g = tanh(·) of
 * W_ih x + b_ih + W_hh h_{t−1} + b_hh; c_t = f⊙c_{t−1} + i⊙g, h_t = o⊙tanh(c_t). State: h, then c.
 */
public final class LstmCell extends FusedGateCell {

    public LstmCell() {
        super(4);
    }

    @Override
    public String id() {
        return "lstm";
    }

    @Override
    public String description() {
        return "LSTM: gates i, f, g, o; c = f⊙c + i⊙g, h = o⊙tanh(c) (PyTorch nn.LSTM)";
    }

    @Override
    public int stateVectors() {
        return 2;
    }

    @Override
    public void initialize(LayerTensors tensors, float[] values, Initialization init) {
        initializeForgetBias(tensors, values, init);
    }

    /** A non-zero forget bias starts b_ih's forget block [H, 2H) at it and b_hh's at 0, so their sum is the bias. */
    static void initializeForgetBias(LayerTensors tensors, float[] values, Initialization init) {
        if (init.forgetBias() == 0f) {
            return;
        }
        Tensor biasIh = tensors.get(RecurrentTensors.BIAS_IH);
        int hidden = biasIh.size() / 4;
        int ih = biasIh.offset() + hidden;
        int hh = tensors.get(RecurrentTensors.BIAS_HH).offset() + hidden;
        Arrays.fill(values, ih, ih + hidden, init.forgetBias());
        Arrays.fill(values, hh, hh + hidden, 0f);
    }

    @Override
    public RecurrentLayer layer(Kernels kernels, Parameters parameters, LayerTensors tensors) {
        return new LstmLayer(kernels, parameters, RecurrentTensors.of(tensors));
    }

    @Override
    public void estimateWindow(MemoryEstimate memory, long steps, long rows, long hidden, long blockSets, long layers) {
        estimateLstmWindow(memory, steps, rows, hidden, blockSets, layers);
    }

    /** Shareable: gates (T·N, 4H), cells ((T+1)·N, H) and the packed W_hh; own: the first cells and dc, (N, H) each. */
    static void estimateLstmWindow(MemoryEstimate memory, long steps, long rows, long hidden, long blockSets, long layers) {
        long count = MemoryEstimate.product(steps, rows);
        memory.add("the window's gates", blockSets, MemoryEstimate.product(count, 4, hidden), Float.BYTES);
        memory.add("the window's cells", blockSets, MemoryEstimate.product(steps + 1, rows, hidden), Float.BYTES);
        memory.add("the window's first cells and cell gradients", 2 * layers, MemoryEstimate.product(rows, hidden), Float.BYTES);
        estimateStepWeights(memory, 4, hidden, blockSets);
    }

    @Override
    public ReferenceCell reference(LayerTensors tensors) {
        return new ReferenceLstm(RecurrentTensors.of(tensors));
    }
}

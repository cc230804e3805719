package org.rnn4j.cell.rnn;

import java.util.Locale;
import org.rnn4j.cell.FusedGateCell;
import org.rnn4j.cell.ReferenceCell;
import org.rnn4j.kernel.Activation;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.model.MemoryEstimate;
import org.rnn4j.nn.LayerTensors;
import org.rnn4j.nn.RecurrentLayer;
import org.rnn4j.nn.RecurrentTensors;
import org.rnn4j.tensor.Parameters;

/**
 * Vanilla (Elman) RNN: h_t = f(W_ih x_t + b_ih + W_hh h_{t−1} + b_hh) with the element-wise f of
 * {@code activation}; PyTorch's {@code nn.RNN} tensors (G = 1). State: h.
 */
public final class RnnCell extends FusedGateCell {

    private final String id;
    private final Activation activation;

    public RnnCell(String id, Activation activation) {
        super(1);
        this.id = id;
        this.activation = activation;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return "vanilla RNN: h = " + activation.name().toLowerCase(Locale.ROOT) + "(W_ih x + b_ih + W_hh h + b_hh)";
    }

    @Override
    public RecurrentLayer layer(Kernels kernels, Parameters parameters, LayerTensors tensors) {
        return new RnnLayer(kernels, parameters, RecurrentTensors.of(tensors), activation);
    }

    /** Shareable: the pre-activations (T·N, H) and the packed W_hh. */
    @Override
    public void estimateWindow(MemoryEstimate memory, long steps, long rows, long hidden, long blockSets, long layers) {
        memory.add("the window's pre-activations", blockSets, MemoryEstimate.product(steps, rows, hidden), Float.BYTES);
        estimateStepWeights(memory, 1, hidden, blockSets);
    }

    @Override
    public ReferenceCell reference(LayerTensors tensors) {
        return new ReferenceRnn(RecurrentTensors.of(tensors), activation);
    }
}

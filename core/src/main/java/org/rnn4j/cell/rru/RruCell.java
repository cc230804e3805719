package org.rnn4j.cell.rru;

import org.rnn4j.cell.FusedGateCell;
import org.rnn4j.cell.ReferenceCell;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.model.MemoryEstimate;
import org.rnn4j.nn.LayerTensors;
import org.rnn4j.nn.RecurrentLayer;
import org.rnn4j.nn.RecurrentTensors;
import org.rnn4j.tensor.Parameters;

/**
 * Rated recurrent unit (G = 2, blocks ĥ|z): ĥ = tanh(W_x x + W_h h + b), z = σ(W_xz x + W_hz h + b_z),
 * h_t = (1−z)⊙h_{t−1} + z⊙ĥ; W_ih = [W_x; W_xz], W_hh = [W_h; W_hz], b = b_ih + b_hh. State: h.
 */
public final class RruCell extends FusedGateCell {

    public RruCell() {
        super(2);
    }

    @Override
    public String id() {
        return "rru";
    }

    @Override
    public String description() {
        return "rated recurrent unit: ĥ = tanh(W_x x + W_h h + b), z = σ(W_xz x + W_hz h + b_z), h = (1−z)⊙h + z⊙ĥ";
    }

    @Override
    public RecurrentLayer layer(Kernels kernels, Parameters parameters, LayerTensors tensors) {
        return new RruLayer(kernels, parameters, RecurrentTensors.of(tensors));
    }

    /**
     * Shareable: the packed W_hh; own: the gates (T·N, 2H), the previous-state gradient (N, H) and one row's
     * gate gradients (2H).
     */
    @Override
    public void estimateWindow(MemoryEstimate memory, long steps, long rows, long hidden, long blockSets, long layers) {
        memory.add("the window's gates", layers, MemoryEstimate.product(steps, rows, 2, hidden), Float.BYTES);
        memory.add("the window's step gradients", layers, MemoryEstimate.product(rows + 2, hidden), Float.BYTES);
        estimateStepWeights(memory, 2, hidden, blockSets);
    }

    @Override
    public ReferenceCell reference(LayerTensors tensors) {
        return new ReferenceRru(RecurrentTensors.of(tensors));
    }
}

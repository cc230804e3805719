package org.rnn4j.nn;

import java.util.List;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.kernel.PackedMatrix;
import org.rnn4j.tensor.Parameters;

/**
 * A layer over PyTorch's four tensors ({@link RecurrentWeights}) whose rows carry {@code stateVectors}
 * H-wide vectors, and whose one-row forward reads a packed W_hh (G·H, H): the RNN, LSTM, GRU and RRU layers.
 */
public abstract class FusedGateLayer implements RecurrentLayer {

    protected final RecurrentWeights weights;
    protected final int hidden;
    private final int stateVectors;

    protected FusedGateLayer(Kernels kernels, Parameters parameters, RecurrentTensors tensors, int stateVectors) {
        this.weights = new RecurrentWeights(kernels, parameters, tensors);
        this.hidden = weights.hidden();
        this.stateVectors = stateVectors;
    }

    /** The window; {@code packedHh} is a packed W_hh (G·H, H) for the recurrent products, or null to read the parameters. */
    protected abstract Window newWindow(int steps, int rows, ActivationBlocks blocks, PackedMatrix packedHh);

    @Override
    public final int hiddenSize() {
        return hidden;
    }

    @Override
    public final int stateSize(int rows) {
        return stateVectors * rows * hidden;
    }

    @Override
    public final Window window(int steps, int rows, ActivationBlocks blocks) {
        weights.reserveSteps(blocks);
        return newWindow(steps, rows, blocks, null);
    }

    @Override
    public final Window window(int steps, int rows, ActivationBlocks blocks, List<PackedMatrix> packed) {
        return newWindow(steps, rows, blocks, weights.checkRecurrentShape(packed.getFirst()));
    }
}

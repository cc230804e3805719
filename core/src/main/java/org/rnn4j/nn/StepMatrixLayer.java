package org.rnn4j.nn;

import java.util.ArrayList;
import java.util.List;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.kernel.PackedMatrix;
import org.rnn4j.tensor.Parameters;
import org.rnn4j.tensor.Tensor;

/**
 * A layer whose rows carry h alone and whose steps multiply by {@link StepMatrix}es, the matrices its cell lists
 * in {@code packedRecurrent()}, in that order: its windows read them from the parameters, or, for one-row
 * forwards, from packed copies. The Cho GRU, MUT1–MUT3 and the multiplicative RNN.
 */
public abstract class StepMatrixLayer implements RecurrentLayer {

    protected final Kernels kernels;
    protected final Parameters parameters;
    protected final int hidden;
    private final List<StepMatrix> matrices;

    /** A layer of hidden size H whose steps multiply by {@code stepWeights}, in the order of packedRecurrent(). */
    protected StepMatrixLayer(Kernels kernels, Parameters parameters, int hidden, List<Tensor> stepWeights) {
        this.kernels = kernels;
        this.parameters = parameters;
        this.hidden = hidden;
        this.matrices = stepWeights.stream().map(weight -> new StepMatrix(kernels, parameters, weight)).toList();
    }

    /** The window whose steps multiply by {@code matrices}, one per step weight, in their order. */
    protected abstract Window newWindow(int steps, int rows, List<StepMatrix> matrices);

    @Override
    public final int hiddenSize() {
        return hidden;
    }

    @Override
    public final int stateSize(int rows) {
        return rows * hidden;
    }

    @Override
    public final Window window(int steps, int rows, ActivationBlocks blocks) {
        return newWindow(steps, rows, matrices);
    }

    /** {@code packed}: a packed copy of each step weight, in their order. */
    @Override
    public final Window window(int steps, int rows, ActivationBlocks blocks, List<PackedMatrix> packed) {
        if (packed.size() != matrices.size()) {
            throw new IllegalArgumentException("this layer's steps multiply by " + matrices.size() + " matrices, got "
                    + packed.size() + " packed copies");
        }
        List<StepMatrix> read = new ArrayList<>();
        for (int i = 0; i < matrices.size(); i++) {
            read.add(matrices.get(i).readFrom(packed.get(i)));
        }
        return newWindow(steps, rows, read);
    }
}

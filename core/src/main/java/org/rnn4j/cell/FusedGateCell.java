package org.rnn4j.cell;

import java.util.List;
import java.util.Optional;
import org.rnn4j.model.MemoryEstimate;
import org.rnn4j.nn.LayerTensors;
import org.rnn4j.nn.RecurrentTensors;
import org.rnn4j.tensor.TensorShape;

/**
 * A cell with PyTorch's four tensors, W_ih (G·H, D), W_hh (G·H, H), b_ih (G·H) and b_hh (G·H), that reads
 * its input only through x·W_ihᵀ and its state only through h_{t−1}·W_hhᵀ: the RNN, LSTM, GRU and RRU.
 */
public abstract class FusedGateCell implements Cell {

    private final int gates;

    /** A cell of G gate blocks. */
    protected FusedGateCell(int gates) {
        this.gates = gates;
    }

    @Override
    public final List<TensorShape> tensors(int input, int hidden) {
        return RecurrentTensors.shapes(gates, input, hidden);
    }

    @Override
    public final Optional<String> inputProjection() {
        return Optional.of(RecurrentTensors.WEIGHT_IH);
    }

    @Override
    public final List<String> packedRecurrent() {
        return List.of(RecurrentTensors.WEIGHT_HH);
    }

    /** The packed W_hh (G·H, H) that each of {@code blockSets} sets of activation blocks lends its windows' steps. */
    protected static void estimateStepWeights(MemoryEstimate memory, long gates, long hidden, long blockSets) {
        memory.add("the packed W_hh", blockSets, MemoryEstimate.product(gates, hidden, hidden), Float.BYTES);
    }

    @Override
    public String toString() {
        return id();
    }
}

package org.rnn4j.model;

/**
 * The recurrent cells rnn4j implements. {@code gates} is G: how many H-wide blocks the fused input and
 * recurrent matrices have, as in PyTorch ({@code weight_ih_l0} is (G·H, D)). {@code stateVectors} is how
 * many H-wide vectors a row carries between windows (h, plus c for the LSTM).
 */
public enum CellKind {
    RNN_TANH("rnn", 1, 1),
    RNN_RELU("rnn-relu", 1, 1),
    LSTM("lstm", 4, 2),
    GRU("gru", 3, 1);

    private final String id;
    private final int gates;
    private final int stateVectors;

    CellKind(String id, int gates, int stateVectors) {
        this.id = id;
        this.gates = gates;
        this.stateVectors = stateVectors;
    }

    /** The name used on the command line and in checkpoints. */
    public String id() {
        return id;
    }

    public int gates() {
        return gates;
    }

    public int stateVectors() {
        return stateVectors;
    }

    /** The cell with that id; throws with the list of choices otherwise. */
    public static CellKind fromId(String id) {
        for (CellKind kind : values()) {
            if (kind.id.equals(id)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown cell '" + id + "': choose one of rnn, rnn-relu, lstm, gru");
    }
}

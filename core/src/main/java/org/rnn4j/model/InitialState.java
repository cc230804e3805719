package org.rnn4j.model;

/**
 * What every row's state is at a reset (the start of an epoch, of every window that does not carry state, of
 * an evaluation, of sampling): zero, or h₀ (and c₀ for a cell that carries c) learned with the weights.
 */
public enum InitialState {
    /** Every state vector zero, as PyTorch's recurrent modules start without an h0 argument. */
    ZERO("zero"),
    /**
     * Per layer a tensor rnn.initial_state_l&lt;k&gt; (S, H), h₀ then c₀, copied into every row at a reset and
     * trained through BPTT from the windows that start there; it starts at zero.
     */
    LEARNED("learned");

    private final String id;

    InitialState(String id) {
        this.id = id;
    }

    /** The name a checkpoint's model JSON gives it. */
    public String id() {
        return id;
    }

    public static InitialState fromId(String id) {
        for (InitialState state : values()) {
            if (state.id.equals(id)) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown initial state '" + id + "': choose zero or learned");
    }
}

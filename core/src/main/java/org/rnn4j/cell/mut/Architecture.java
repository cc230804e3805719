package org.rnn4j.cell.mut;

import java.util.List;

/**
 * The three recurrent architectures that Jozefowicz et al. (2015) found by search, each a gated unit with an
 * update gate z, a reset gate r and a candidate n, h_t = z⊙n + (1−z)⊙h_{t−1}; they differ in what feeds
 * the gates. The input projection W_ih x feeds the gates {@link #projected()}; the one gate it does not
 * feed in MUT1 and MUT2 reads x itself, which is why those two need x as wide as h.
 */
public enum Architecture {

    /** z = σ(W_xz x + b_z), r = σ(W_xr x + W_hr h + b_r), n = tanh(W_hh (r⊙h) + tanh(x) + b_h). */
    MUT1(List.of(Gate.Z, Gate.R), RawInput.TANH_INTO_N, UpdateInput.NONE),
    /** z = σ(W_xz x + W_hz h + b_z), r = σ(x + W_hr h + b_r), n = tanh(W_hh (r⊙h) + W_xh x + b_h). */
    MUT2(List.of(Gate.Z, Gate.N), RawInput.INTO_R, UpdateInput.STATE),
    /** z = σ(W_xz x + W_hz tanh(h) + b_z), r = σ(W_xr x + W_hr h + b_r), n = tanh(W_hh (r⊙h) + W_xh x + b_h). */
    MUT3(List.of(Gate.Z, Gate.R, Gate.N), RawInput.NONE, UpdateInput.TANH_STATE);

    /** The gates, in the order of the bias's blocks. */
    enum Gate { Z, R, N }

    /** The gate W_ih x does not feed, which reads x itself: x into r (MUT2), tanh(x) into n (MUT1), or none. */
    enum RawInput {
        NONE(null),
        INTO_R(Gate.R),
        TANH_INTO_N(Gate.N);

        private final Gate gate;

        RawInput(Gate gate) {
            this.gate = gate;
        }

        /** The gate whose sum takes x or tanh(x); only for INTO_R and TANH_INTO_N. */
        Gate gate() {
            if (gate == null) {
                throw new IllegalStateException("no gate reads x itself");
            }
            return gate;
        }
    }

    /** What z's recurrent matrix W_hz multiplies: nothing (MUT1 has none), h, or tanh(h). */
    enum UpdateInput { NONE, STATE, TANH_STATE }

    private final List<Gate> projected;
    private final RawInput rawInput;
    private final UpdateInput updateInput;

    Architecture(List<Gate> projected, RawInput rawInput, UpdateInput updateInput) {
        this.projected = projected;
        this.rawInput = rawInput;
        this.updateInput = updateInput;
    }

    /** The gates W_ih x feeds, in the order of W_ih's blocks. */
    List<Gate> projected() {
        return projected;
    }

    RawInput rawInput() {
        return rawInput;
    }

    UpdateInput updateInput() {
        return updateInput;
    }
}

package org.rnn4j.kernel.vector;

import java.util.function.IntConsumer;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;
import org.rnn4j.kernel.Parallel;

/**
 * The fused LSTM, peephole LSTM and GRU step kernels of {@link VectorKernels}, with the arguments and semantics of
 * {@link org.rnn4j.kernel.Kernels}. Rows are independent, so large steps split their rows across
 * threads; each element is computed the same way whichever task runs it.
 *
 * <p>Every loop over a row has a vector body over whole vectors and a masked vector tail for the rest
 * (masked-off lanes load zeros, whose activations are finite and never stored), so no scalar tail.
 */
final class Recurrent {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final FloatVector ONE = FloatVector.broadcast(S, 1f);
    /** Below this many elements (rows × hidden) a step stays on the calling thread. */
    private static final int SERIAL = 8192;

    private static final ThreadLocal<Step> STEPS = ThreadLocal.withInitial(Step::new);

    private Recurrent() {
    }

    enum Kind { LSTM_FORWARD, LSTM_BACKWARD, PEEPHOLE_FORWARD, PEEPHOLE_BACKWARD, GRU_FORWARD, GRU_BACKWARD }

    /**
     * One step's arguments, reused by the calling thread. Field names follow the kernel parameters;
     * {@code x*} are the gate blocks (LSTM gates / GRU gi), {@code y*} the second state block
     * (LSTM cells / GRU h).
     *
     * <p>Each kind has its own task method, and each row kernel is a sequence of short loops over the
     * row (all in L1) that hand each other arrays, never vectors: see {@link VectorMath}.
     */
    static final class Step {
        private final IntConsumer lstmForward = this::lstmForwardRows;
        private final IntConsumer lstmBackward = this::lstmBackwardRows;
        private final IntConsumer peepholeForward = this::peepholeForwardRows;
        private final IntConsumer peepholeBackward = this::peepholeBackwardRows;
        private final IntConsumer gruForward = this::gruForwardRows;
        private final IntConsumer gruBackward = this::gruBackwardRows;
        Kind kind;
        int rows;
        int hidden;
        float[] gates;
        int gatesOffset;
        float[] peepholes;
        float[] gh;
        int ghOffset;
        float[] state;
        int prevOffset;
        int offset;
        float[] out;
        int outOffset;
        float[] dh;
        int dhOffset;
        float[] carry;
        float[] dGates;
        float[] dGh;
        int dGatesOffset;
        int rowsPerTask;
        /** (tasks, H) a row per task for LSTM backward's tanh(c_t), then dc_t; dGates may be the gates. */
        private float[] rowScratch = new float[0];

        private IntConsumer task() {
            return switch (kind) {
                case LSTM_FORWARD -> lstmForward;
                case LSTM_BACKWARD -> lstmBackward;
                case PEEPHOLE_FORWARD -> peepholeForward;
                case PEEPHOLE_BACKWARD -> peepholeBackward;
                case GRU_FORWARD -> gruForward;
                case GRU_BACKWARD -> gruBackward;
            };
        }

        private int firstRow(int task) {
            return task * rowsPerTask;
        }

        private int endRow(int task) {
            return Math.min(rows, (task + 1) * rowsPerTask);
        }

        private void lstmForwardRows(int task) {
            for (int r = firstRow(task); r < endRow(task); r++) {
                lstmForwardRow(this, r);
            }
        }

        private void lstmBackwardRows(int task) {
            for (int r = firstRow(task); r < endRow(task); r++) {
                lstmBackwardRow(this, r, task * hidden);
            }
        }

        private void peepholeForwardRows(int task) {
            for (int r = firstRow(task); r < endRow(task); r++) {
                peepholeForwardRow(this, r);
            }
        }

        private void peepholeBackwardRows(int task) {
            for (int r = firstRow(task); r < endRow(task); r++) {
                peepholeBackwardRow(this, r, task * hidden);
            }
        }

        private void gruForwardRows(int task) {
            for (int r = firstRow(task); r < endRow(task); r++) {
                gruForwardRow(this, r);
            }
        }

        private void gruBackwardRows(int task) {
            for (int r = firstRow(task); r < endRow(task); r++) {
                gruBackwardRow(this, r);
            }
        }

        void clear() {
            gates = null;
            peepholes = null;
            gh = null;
            state = null;
            out = null;
            dh = null;
            carry = null;
            dGates = null;
            dGh = null;
        }
    }

    static Step step(Kind kind, int rows, int hidden) {
        Step step = STEPS.get();
        step.kind = kind;
        step.rows = rows;
        step.hidden = hidden;
        return step;
    }

    /** Runs the step's rows, split across threads when the step is large. */
    static void run(Step step) {
        int threads = (long) step.rows * step.hidden < SERIAL ? 1 : Math.min(Parallel.threads(), step.rows);
        step.rowsPerTask = (step.rows + threads - 1) / threads;
        int tasks = step.rowsPerTask == 0 ? 0 : (step.rows + step.rowsPerTask - 1) / step.rowsPerTask;
        boolean lstmBackward = step.kind == Kind.LSTM_BACKWARD || step.kind == Kind.PEEPHOLE_BACKWARD;
        if (lstmBackward && step.rowScratch.length < tasks * step.hidden) {
            // grows only when a larger step first comes: no allocation per step
            step.rowScratch = new float[tasks * step.hidden];
        }
        Parallel.forEach(tasks, step.task());
        step.clear();
    }

    /**
     * LSTM forward of row r: gates (4H) i|f|g|o become σ|σ|tanh|σ; c = f⊙c_prev + i⊙g; h = o⊙tanh(c).
     * state = cells, prevOffset/offset = c_{t-1}/c_t, out = h.
     */
    private static void lstmForwardRow(Step s, int r) {
        int hidden = s.hidden;
        int g = s.gatesOffset + r * 4 * hidden;
        int cell = s.offset + r * hidden;
        int h = s.outOffset + r * hidden;
        VectorMath.sigmoid(s.gates, g, s.gates, g, 2 * hidden);
        VectorMath.tanh(s.gates, g + 2 * hidden, s.gates, g + 2 * hidden, hidden);
        VectorMath.sigmoid(s.gates, g + 3 * hidden, s.gates, g + 3 * hidden, hidden);
        lstmCell(s.gates, g, hidden, s.state, s.prevOffset + r * hidden, cell);
        VectorMath.tanh(s.state, cell, s.out, h, hidden);
        multiply(s.out, h, s.gates, g + 3 * hidden, hidden);
    }

    /** c = f⊙c_prev + i⊙g from the activated gates at {@code g}, into cells[cell..]. */
    private static void lstmCell(float[] gates, int g, int hidden, float[] cells, int prev, int cell) {
        for (int j = 0; j < hidden; j += L) {
            // vector body for whole vectors, masked vector tail for the last partial one
            VectorMask<Float> m = S.indexInRange(j, hidden);
            FloatVector i = FloatVector.fromArray(S, gates, g + j, m);
            FloatVector f = FloatVector.fromArray(S, gates, g + hidden + j, m);
            FloatVector cand = FloatVector.fromArray(S, gates, g + 2 * hidden + j, m);
            f.mul(FloatVector.fromArray(S, cells, prev + j, m)).add(i.mul(cand)).intoArray(cells, cell + j, m);
        }
    }

    /** x[at..at+n) ⊙= y[from..from+n). */
    private static void multiply(float[] x, int at, float[] y, int from, int n) {
        for (int j = 0; j < n; j += L) {
            // vector body for whole vectors, masked vector tail for the last partial one
            VectorMask<Float> m = S.indexInRange(j, n);
            FloatVector.fromArray(S, x, at + j, m).mul(FloatVector.fromArray(S, y, from + j, m)).intoArray(x, at + j, m);
        }
    }

    /**
     * LSTM backward of row r: dc_t = dc + dh⊙o⊙(1 − tanh²c); writes dGates (4H) and dc ← dc_t⊙f.
     * state = cells, out unused, carry = dc (no offset). The task's row of {@code rowScratch}, at
     * {@code scratch}, holds tanh(c_t) and then dc_t. Each loop loads a chunk of the gates it turns into
     * gradients before it stores them, so dGates may be the gates themselves; short loops rather than one
     * also keep the JIT's compilations of them small (one fused loop took 35 MB of compiler arena).
     */
    private static void lstmBackwardRow(Step s, int r, int scratch) {
        int hidden = s.hidden;
        int g = s.gatesOffset + r * 4 * hidden;
        int dg = s.dGatesOffset + r * 4 * hidden;
        int row = r * hidden;
        VectorMath.tanh(s.state, s.offset + row, s.rowScratch, scratch, hidden);
        lstmOutputGateBackward(s, g + 3 * hidden, dg + 3 * hidden, row, scratch);
        lstmForgetGateBackward(s, g + hidden, dg + hidden, row, scratch);
        lstmInputGatesBackward(s, g, dg, scratch);
    }

    /**
     * dL/da_o = dh⊙tanh(c_t)⊙o⊙(1 − o) into dGates at {@code dgO}, from o at {@code gO}; the scratch row
     * goes from tanh(c_t) to dc_t = dc + dh⊙o⊙(1 − tanh²c_t).
     */
    private static void lstmOutputGateBackward(Step s, int gO, int dgO, int row, int scratch) {
        int hidden = s.hidden;
        int dhAt = s.dhOffset + row;
        for (int j = 0; j < hidden; j += L) {
            // vector body for whole vectors, masked vector tail for the last partial one
            VectorMask<Float> m = S.indexInRange(j, hidden);
            FloatVector o = FloatVector.fromArray(S, s.gates, gO + j, m);
            FloatVector tanhC = FloatVector.fromArray(S, s.rowScratch, scratch + j, m);
            FloatVector dh = FloatVector.fromArray(S, s.dh, dhAt + j, m);
            // dL/dc_t: from h_t = o⊙tanh(c_t) plus what later steps sent back
            FloatVector dct = FloatVector.fromArray(S, s.carry, row + j, m)
                    .add(dh.mul(o).mul(ONE.sub(tanhC.mul(tanhC))));
            dh.mul(tanhC).mul(o).mul(ONE.sub(o)).intoArray(s.dGates, dgO + j, m);
            dct.intoArray(s.rowScratch, scratch + j, m);
        }
    }

    /** dL/da_f = dc_t⊙c_{t−1}⊙f⊙(1 − f) from dc_t in the scratch row; then dc ← dc_t⊙f for step t − 1. */
    private static void lstmForgetGateBackward(Step s, int gF, int dgF, int row, int scratch) {
        int hidden = s.hidden;
        int prev = s.prevOffset + row;
        for (int j = 0; j < hidden; j += L) {
            // vector body for whole vectors, masked vector tail for the last partial one
            VectorMask<Float> m = S.indexInRange(j, hidden);
            FloatVector f = FloatVector.fromArray(S, s.gates, gF + j, m);
            FloatVector dct = FloatVector.fromArray(S, s.rowScratch, scratch + j, m);
            dct.mul(FloatVector.fromArray(S, s.state, prev + j, m)).mul(f).mul(ONE.sub(f))
                    .intoArray(s.dGates, dgF + j, m);
            dct.mul(f).intoArray(s.carry, row + j, m);
        }
    }

    /** dL/da_i = dc_t⊙g⊙i⊙(1 − i) and dL/da_g = dc_t⊙i⊙(1 − g²) from dc_t in the scratch row. */
    private static void lstmInputGatesBackward(Step s, int g, int dg, int scratch) {
        int hidden = s.hidden;
        for (int j = 0; j < hidden; j += L) {
            // vector body for whole vectors, masked vector tail for the last partial one
            VectorMask<Float> m = S.indexInRange(j, hidden);
            FloatVector i = FloatVector.fromArray(S, s.gates, g + j, m);
            FloatVector cand = FloatVector.fromArray(S, s.gates, g + 2 * hidden + j, m);
            FloatVector dct = FloatVector.fromArray(S, s.rowScratch, scratch + j, m);
            dct.mul(cand).mul(i).mul(ONE.sub(i)).intoArray(s.dGates, dg + j, m);
            dct.mul(i).mul(ONE.sub(cand.mul(cand))).intoArray(s.dGates, dg + 2 * hidden + j, m);
        }
    }

    /**
     * Peephole LSTM forward of row r: i, f = σ(a + w⊙c_prev), g = tanh, c = f⊙c_prev + i⊙g, o = σ(a_o + w_co⊙c),
     * h = o⊙tanh(c). As {@link #lstmForwardRow}, with peepholes = w_ci|w_cf|w_co (3H).
     */
    private static void peepholeForwardRow(Step s, int r) {
        int hidden = s.hidden;
        int g = s.gatesOffset + r * 4 * hidden;
        int prev = s.prevOffset + r * hidden;
        int cell = s.offset + r * hidden;
        int h = s.outOffset + r * hidden;
        addPeephole(s.gates, g, s.peepholes, 0, s.state, prev, hidden);
        addPeephole(s.gates, g + hidden, s.peepholes, hidden, s.state, prev, hidden);
        VectorMath.sigmoid(s.gates, g, s.gates, g, 2 * hidden);
        VectorMath.tanh(s.gates, g + 2 * hidden, s.gates, g + 2 * hidden, hidden);
        lstmCell(s.gates, g, hidden, s.state, prev, cell);
        addPeephole(s.gates, g + 3 * hidden, s.peepholes, 2 * hidden, s.state, cell, hidden);
        VectorMath.sigmoid(s.gates, g + 3 * hidden, s.gates, g + 3 * hidden, hidden);
        VectorMath.tanh(s.state, cell, s.out, h, hidden);
        multiply(s.out, h, s.gates, g + 3 * hidden, hidden);
    }

    /** a[at..at+n) += w[from..from+n) ⊙ c[c0..c0+n): a gate's peephole term. */
    private static void addPeephole(float[] a, int at, float[] w, int from, float[] c, int c0, int n) {
        for (int j = 0; j < n; j += L) {
            // vector body for whole vectors, masked vector tail for the last partial one
            VectorMask<Float> m = S.indexInRange(j, n);
            FloatVector peephole = FloatVector.fromArray(S, w, from + j, m).mul(FloatVector.fromArray(S, c, c0 + j, m));
            FloatVector.fromArray(S, a, at + j, m).add(peephole).intoArray(a, at + j, m);
        }
    }

    /**
     * Peephole LSTM backward of row r: {@link #lstmBackwardRow} with dc_t = dc + dh⊙o⊙(1 − tanh²c) + w_co⊙da_o
     * and dc ← dc_t⊙f + w_ci⊙da_i + w_cf⊙da_f. Each loop reads a chunk of the gates before it writes their
     * gradients, and the last reads only gradients, so dGates may be the gates.
     */
    private static void peepholeBackwardRow(Step s, int r, int scratch) {
        int hidden = s.hidden;
        int g = s.gatesOffset + r * 4 * hidden;
        int dg = s.dGatesOffset + r * 4 * hidden;
        int row = r * hidden;
        VectorMath.tanh(s.state, s.offset + row, s.rowScratch, scratch, hidden);
        peepholeOutputGateBackward(s, g + 3 * hidden, dg + 3 * hidden, row, scratch);
        lstmForgetGateBackward(s, g + hidden, dg + hidden, row, scratch);
        lstmInputGatesBackward(s, g, dg, scratch);
        for (int j = 0; j < hidden; j += L) {
            // vector body for whole vectors, masked vector tail for the last partial one
            VectorMask<Float> m = S.indexInRange(j, hidden);
            FloatVector dI = FloatVector.fromArray(S, s.dGates, dg + j, m);
            FloatVector dF = FloatVector.fromArray(S, s.dGates, dg + hidden + j, m);
            FloatVector.fromArray(S, s.carry, row + j, m)
                    .add(dI.mul(FloatVector.fromArray(S, s.peepholes, j, m)))
                    .add(dF.mul(FloatVector.fromArray(S, s.peepholes, hidden + j, m)))
                    .intoArray(s.carry, row + j, m);
        }
    }

    /**
     * dL/da_o = dh⊙tanh(c_t)⊙o⊙(1 − o) into dGates at {@code dgO}; the scratch row goes from tanh(c_t) to
     * dc_t = dc + dh⊙o⊙(1 − tanh²c_t) + w_co⊙dL/da_o.
     */
    private static void peepholeOutputGateBackward(Step s, int gO, int dgO, int row, int scratch) {
        int hidden = s.hidden;
        int dhAt = s.dhOffset + row;
        for (int j = 0; j < hidden; j += L) {
            // vector body for whole vectors, masked vector tail for the last partial one
            VectorMask<Float> m = S.indexInRange(j, hidden);
            FloatVector o = FloatVector.fromArray(S, s.gates, gO + j, m);
            FloatVector tanhC = FloatVector.fromArray(S, s.rowScratch, scratch + j, m);
            FloatVector dh = FloatVector.fromArray(S, s.dh, dhAt + j, m);
            FloatVector dO = dh.mul(tanhC).mul(o).mul(ONE.sub(o));
            // dL/dc_t: through h_t = o⊙tanh(c_t), then o's peephole, plus what later steps sent back
            FloatVector dct = FloatVector.fromArray(S, s.carry, row + j, m)
                    .add(dh.mul(o).mul(ONE.sub(tanhC.mul(tanhC))))
                    .add(dO.mul(FloatVector.fromArray(S, s.peepholes, 2 * hidden + j, m)));
            dO.intoArray(s.dGates, dgO + j, m);
            dct.intoArray(s.rowScratch, scratch + j, m);
        }
    }

    /**
     * GRU forward of row r: r = σ(gi_r + gh_r), z = σ(gi_z + gh_z), n = tanh(gi_n + r⊙gh_n);
     * h = (1 − z)⊙n + z⊙h_prev. gates = gi (overwritten with r|z|n), state = h.
     */
    private static void gruForwardRow(Step s, int row) {
        int hidden = s.hidden;
        int g = s.gatesOffset + row * 3 * hidden;
        int q = s.ghOffset + row * 3 * hidden;
        int n = g + 2 * hidden;
        gruPreActivations(s.gates, g, s.gh, q, hidden);
        VectorMath.sigmoid(s.gates, g, s.gates, g, 2 * hidden);
        gruCandidateInput(s.gates, g, s.gh, q, hidden);
        VectorMath.tanh(s.gates, n, s.gates, n, hidden);
        gruNewState(s.gates, g, hidden, s.state, s.prevOffset + row * hidden, s.offset + row * hidden);
    }

    /** gi_r += gh_r and gi_z += gh_z: the two blocks lie side by side. */
    private static void gruPreActivations(float[] gi, int g, float[] gh, int q, int hidden) {
        int n = 2 * hidden;
        for (int j = 0; j < n; j += L) {
            // vector body for whole vectors, masked vector tail for the last partial one
            VectorMask<Float> m = S.indexInRange(j, n);
            FloatVector.fromArray(S, gi, g + j, m).add(FloatVector.fromArray(S, gh, q + j, m)).intoArray(gi, g + j, m);
        }
    }

    /** gi_n += r⊙gh_n, with r already activated. */
    private static void gruCandidateInput(float[] gi, int g, float[] gh, int q, int hidden) {
        int at = g + 2 * hidden;
        int from = q + 2 * hidden;
        for (int j = 0; j < hidden; j += L) {
            // vector body for whole vectors, masked vector tail for the last partial one
            VectorMask<Float> m = S.indexInRange(j, hidden);
            FloatVector r = FloatVector.fromArray(S, gi, g + j, m);
            FloatVector.fromArray(S, gi, at + j, m).add(r.mul(FloatVector.fromArray(S, gh, from + j, m)))
                    .intoArray(gi, at + j, m);
        }
    }

    /** h = (1 − z)⊙n + z⊙h_prev into h[at..], from the activated z and n blocks. */
    private static void gruNewState(float[] gi, int g, int hidden, float[] h, int prev, int at) {
        for (int j = 0; j < hidden; j += L) {
            // vector body for whole vectors, masked vector tail for the last partial one
            VectorMask<Float> m = S.indexInRange(j, hidden);
            FloatVector z = FloatVector.fromArray(S, gi, g + hidden + j, m);
            FloatVector n = FloatVector.fromArray(S, gi, g + 2 * hidden + j, m);
            ONE.sub(z).mul(n).add(z.mul(FloatVector.fromArray(S, h, prev + j, m))).intoArray(h, at + j, m);
        }
    }

    /**
     * GRU backward of row r: writes dGi, dGh (3H) and dhPrev = z⊙dh. gates = r|z|n activations,
     * state = h, carry = dhPrev (no offset). Each chunk's loads come before its stores, so dGi may be
     * the gates and dGh may be gh.
     */
    private static void gruBackwardRow(Step s, int row) {
        int hidden = s.hidden;
        int g = s.gatesOffset + row * 3 * hidden;
        int q = s.ghOffset + row * 3 * hidden;
        int d = s.dGatesOffset + row * 3 * hidden;
        int at = row * hidden;
        float[] gates = s.gates;
        for (int j = 0; j < hidden; j += L) {
            // vector body for whole vectors, masked vector tail for the last partial one
            VectorMask<Float> m = S.indexInRange(j, hidden);
            FloatVector r = FloatVector.fromArray(S, gates, g + j, m);
            FloatVector z = FloatVector.fromArray(S, gates, g + hidden + j, m);
            FloatVector n = FloatVector.fromArray(S, gates, g + 2 * hidden + j, m);
            FloatVector hPrev = FloatVector.fromArray(S, s.state, s.prevOffset + at + j, m);
            FloatVector dh = FloatVector.fromArray(S, s.dh, s.dhOffset + at + j, m);
            FloatVector dnPre = dh.mul(ONE.sub(z)).mul(ONE.sub(n.mul(n)));
            FloatVector dzPre = dh.mul(hPrev.sub(n)).mul(z).mul(ONE.sub(z));
            FloatVector drPre = dnPre.mul(FloatVector.fromArray(S, s.gh, q + 2 * hidden + j, m)).mul(r).mul(ONE.sub(r));
            drPre.intoArray(s.dGates, d + j, m);
            dzPre.intoArray(s.dGates, d + hidden + j, m);
            dnPre.intoArray(s.dGates, d + 2 * hidden + j, m);
            drPre.intoArray(s.dGh, d + j, m);
            dzPre.intoArray(s.dGh, d + hidden + j, m);
            dnPre.mul(r).intoArray(s.dGh, d + 2 * hidden + j, m);
            dh.mul(z).intoArray(s.carry, at + j, m);
        }
    }
}

package org.rnn4j.kernel.vector;

import static org.rnn4j.kernel.vector.VectorMath.sigmoid;
import static org.rnn4j.kernel.vector.VectorMath.tanh;

import java.util.function.IntConsumer;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;
import org.rnn4j.kernel.Parallel;

/**
 * The fused LSTM and GRU step kernels of {@link VectorKernels}, with the arguments and semantics of
 * {@link org.rnn4j.kernel.Kernels}. Rows are independent, so large steps split their rows across
 * threads; each element is computed the same way whichever task runs it.
 *
 * <p>Every loop over a row has a vector body over whole vectors and a masked vector tail for the rest
 * (masked-off lanes load zeros, whose activations are finite and never stored), so no scalar tail.
 */
final class Recurrent {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Below this many elements (rows × hidden) a step stays on the calling thread. */
    private static final int SERIAL = 8192;

    private static final ThreadLocal<Step> STEPS = ThreadLocal.withInitial(Step::new);

    private Recurrent() {
    }

    enum Kind { LSTM_FORWARD, LSTM_BACKWARD, GRU_FORWARD, GRU_BACKWARD }

    /**
     * One step's arguments, reused by the calling thread. Field names follow the kernel parameters;
     * {@code x*} are the gate blocks (LSTM gates / GRU gi), {@code y*} the second state block
     * (LSTM cells / GRU h).
     */
    static final class Step {
        final IntConsumer task = this::runTask;
        Kind kind;
        int rows;
        int hidden;
        float[] gates;
        int gatesOffset;
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

        private void runTask(int t) {
            int r0 = t * rowsPerTask;
            int r1 = Math.min(rows, r0 + rowsPerTask);
            for (int r = r0; r < r1; r++) {
                switch (kind) {
                    case LSTM_FORWARD -> lstmForwardRow(this, r);
                    case LSTM_BACKWARD -> lstmBackwardRow(this, r);
                    case GRU_FORWARD -> gruForwardRow(this, r);
                    case GRU_BACKWARD -> gruBackwardRow(this, r);
                }
            }
        }

        void clear() {
            gates = null;
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
        Parallel.forEach(step.rowsPerTask == 0 ? 0 : (step.rows + step.rowsPerTask - 1) / step.rowsPerTask,
                step.task);
        step.clear();
    }

    /**
     * LSTM forward of row r: gates (4H) i|f|g|o become σ|σ|tanh|σ; c = f⊙c_prev + i⊙g; h = o⊙tanh(c).
     * state = cells, prevOffset/offset = c_{t-1}/c_t, out = h.
     */
    private static void lstmForwardRow(Step s, int r) {
        int hidden = s.hidden;
        int g = s.gatesOffset + r * 4 * hidden;
        int prev = s.prevOffset + r * hidden;
        int cell = s.offset + r * hidden;
        int h = s.outOffset + r * hidden;
        float[] gates = s.gates;
        float[] cells = s.state;
        for (int j = 0; j < hidden; j += L) {
            // vector body for whole vectors, masked vector tail for the last partial one
            VectorMask<Float> m = S.indexInRange(j, hidden);
            FloatVector i = sigmoid(FloatVector.fromArray(S, gates, g + j, m));
            FloatVector f = sigmoid(FloatVector.fromArray(S, gates, g + hidden + j, m));
            FloatVector cand = tanh(FloatVector.fromArray(S, gates, g + 2 * hidden + j, m));
            FloatVector o = sigmoid(FloatVector.fromArray(S, gates, g + 3 * hidden + j, m));
            i.intoArray(gates, g + j, m);
            f.intoArray(gates, g + hidden + j, m);
            cand.intoArray(gates, g + 2 * hidden + j, m);
            o.intoArray(gates, g + 3 * hidden + j, m);
            FloatVector c = f.mul(FloatVector.fromArray(S, cells, prev + j, m)).add(i.mul(cand));
            c.intoArray(cells, cell + j, m);
            o.mul(tanh(c)).intoArray(s.out, h + j, m);
        }
    }

    /**
     * LSTM backward of row r: dc_t = dc + dh⊙o⊙(1 − tanh²c); writes dGates (4H) and dc ← dc_t⊙f.
     * state = cells, out unused, carry = dc (no offset).
     */
    private static void lstmBackwardRow(Step s, int r) {
        int hidden = s.hidden;
        int g = s.gatesOffset + r * 4 * hidden;
        int dg = s.dGatesOffset + r * 4 * hidden;
        int row = r * hidden;
        int prev = s.prevOffset + row;
        int cell = s.offset + row;
        int dhAt = s.dhOffset + row;
        float[] gates = s.gates;
        float[] dGates = s.dGates;
        for (int j = 0; j < hidden; j += L) {
            // vector body for whole vectors, masked vector tail for the last partial one
            VectorMask<Float> m = S.indexInRange(j, hidden);
            FloatVector i = FloatVector.fromArray(S, gates, g + j, m);
            FloatVector f = FloatVector.fromArray(S, gates, g + hidden + j, m);
            FloatVector cand = FloatVector.fromArray(S, gates, g + 2 * hidden + j, m);
            FloatVector o = FloatVector.fromArray(S, gates, g + 3 * hidden + j, m);
            FloatVector tanhC = tanh(FloatVector.fromArray(S, s.state, cell + j, m));
            FloatVector dh = FloatVector.fromArray(S, s.dh, dhAt + j, m);
            // dL/dc_t: from h_t = o⊙tanh(c_t) plus what later steps sent back
            FloatVector dct = FloatVector.fromArray(S, s.carry, row + j, m)
                    .add(dh.mul(o).mul(oneMinusSquare(tanhC)));
            dct.mul(cand).mul(i).mul(oneMinus(i)).intoArray(dGates, dg + j, m);
            dct.mul(FloatVector.fromArray(S, s.state, prev + j, m)).mul(f).mul(oneMinus(f))
                    .intoArray(dGates, dg + hidden + j, m);
            dct.mul(i).mul(oneMinusSquare(cand)).intoArray(dGates, dg + 2 * hidden + j, m);
            dh.mul(tanhC).mul(o).mul(oneMinus(o)).intoArray(dGates, dg + 3 * hidden + j, m);
            dct.mul(f).intoArray(s.carry, row + j, m);
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
        int prev = s.prevOffset + row * hidden;
        int h = s.offset + row * hidden;
        float[] gi = s.gates;
        float[] gh = s.gh;
        for (int j = 0; j < hidden; j += L) {
            // vector body for whole vectors, masked vector tail for the last partial one
            VectorMask<Float> m = S.indexInRange(j, hidden);
            FloatVector r = sigmoid(FloatVector.fromArray(S, gi, g + j, m).add(FloatVector.fromArray(S, gh, q + j, m)));
            FloatVector z = sigmoid(FloatVector.fromArray(S, gi, g + hidden + j, m)
                    .add(FloatVector.fromArray(S, gh, q + hidden + j, m)));
            FloatVector n = tanh(FloatVector.fromArray(S, gi, g + 2 * hidden + j, m)
                    .add(r.mul(FloatVector.fromArray(S, gh, q + 2 * hidden + j, m))));
            r.intoArray(gi, g + j, m);
            z.intoArray(gi, g + hidden + j, m);
            n.intoArray(gi, g + 2 * hidden + j, m);
            oneMinus(z).mul(n).add(z.mul(FloatVector.fromArray(S, s.state, prev + j, m)))
                    .intoArray(s.state, h + j, m);
        }
    }

    /**
     * GRU backward of row r: writes dGi, dGh (3H) and dhPrev = z⊙dh. gates = r|z|n activations,
     * state = h, carry = dhPrev (no offset).
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
            FloatVector dnPre = dh.mul(oneMinus(z)).mul(oneMinusSquare(n));
            FloatVector dzPre = dh.mul(hPrev.sub(n)).mul(z).mul(oneMinus(z));
            FloatVector drPre = dnPre.mul(FloatVector.fromArray(S, s.gh, q + 2 * hidden + j, m)).mul(r).mul(oneMinus(r));
            drPre.intoArray(s.dGates, d + j, m);
            dzPre.intoArray(s.dGates, d + hidden + j, m);
            dnPre.intoArray(s.dGates, d + 2 * hidden + j, m);
            drPre.intoArray(s.dGh, d + j, m);
            dzPre.intoArray(s.dGh, d + hidden + j, m);
            dnPre.mul(r).intoArray(s.dGh, d + 2 * hidden + j, m);
            dh.mul(z).intoArray(s.carry, at + j, m);
        }
    }

    /** 1 − x. */
    private static FloatVector oneMinus(FloatVector x) {
        return x.neg().add(1f);
    }

    /** 1 − x². */
    private static FloatVector oneMinusSquare(FloatVector x) {
        return x.mul(x).neg().add(1f);
    }
}
